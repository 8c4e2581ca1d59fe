/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "iop-cultural-panel"

#include "config.h"

#include <glib/gi18n.h>

#include "iop-cultural-panel.h"
#include "iop-date.h"
#include "iop-store-cultural.h"
#include "iop-store-people.h"
#include "iop-store-sessions.h"

struct _IopCulturalPanel
{
  AdwBin      parent_instance;

  /* template widgets */
  GtkLabel   *summary_label;
  GtkListBox *list;

  /* owned */
  IopStore   *store;
  GArray     *participant_ids;
  char       *date;
  char       *start_time;
  int         duration_minutes;
  gint64      session_id;
  gboolean    expected;      /* nobody marked yet: the list is who is expected */
};

G_DEFINE_FINAL_TYPE (IopCulturalPanel, iop_cultural_panel, ADW_TYPE_BIN)

static void
add_line (GtkBox     *box,
          const char *title,
          const char *text,
          const char *css_class)
{
  g_autofree char *line = NULL;
  GtkWidget *label;

  if (text == NULL || *text == '\0')
    return;
  /* Translators: a field name, then the participant's own words */
  line = g_strdup_printf (_("%s: %s"), title, text);
  label = gtk_label_new (line);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  gtk_box_append (box, label);
}

static GtkWidget *
member_block (IopCulturalPanel *self,
              gint64            participant_id,
              guint            *n_conflicts)
{
  g_autoptr(IopParticipant) p = iop_store_get_participant (self->store, participant_id, NULL);
  g_autoptr(IopCulturalProfile) c = NULL;
  g_autofree char *name = NULL;
  g_autofree char *heading = NULL;
  GtkWidget *box, *label;
  gboolean during;

  if (p == NULL)
    return NULL;
  c = iop_store_get_cultural_profile (self->store, participant_id, NULL);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);

  name = iop_participant_dup_display_name (p);
  heading = *iop_participant_get_pronouns (p)
    ? g_strdup_printf ("%s (%s)", name, iop_participant_get_pronouns (p)) : g_strdup (name);
  if (*iop_participant_get_primary_language (p))
    {
      /* Translators: a member's name, then their primary language */
      g_autofree char *with_language = g_strdup_printf (_("%s · %s"), heading, iop_participant_get_primary_language (p));
      g_free (heading);
      heading = g_steal_pointer (&with_language);
    }
  label = gtk_label_new (heading);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (GTK_BOX (box), label);

  if (c == NULL)
    {
      add_line (GTK_BOX (box), _("Profile"), _("No cultural profile yet"), "dim-label");
      return box;
    }

  during = self->date != NULL && iop_date_weekday (self->date) >= 0
           && iop_cultural_profile_conflicts_with (c, 1 << iop_date_weekday (self->date), self->start_time,
                                                   self->duration_minutes);
  if (during)
    {
      add_line (GTK_BOX (box), _("Observance during this session"), iop_cultural_profile_get_observances (c),
                "warning");
      (*n_conflicts)++;
    }
  if (iop_cultural_profile_get_interpreter_needed (c))
    add_line (GTK_BOX (box), _("Interpreter"),
              iop_cultural_profile_get_interpreter_arranged (c) ? _("needed, arranged") : _("needed, not arranged"),
              iop_cultural_profile_get_interpreter_arranged (c) ? NULL : "warning");
  add_line (GTK_BOX (box), _("Communication"), iop_cultural_profile_get_communication (c), NULL);
  add_line (GTK_BOX (box), _("Respected in group"), iop_cultural_profile_get_respected_in_group (c), NULL);
  if (!during)
    add_line (GTK_BOX (box), _("Observances"), iop_cultural_profile_get_observances (c), NULL);
  add_line (GTK_BOX (box), _("Dietary needs"), iop_cultural_profile_get_dietary_needs (c), NULL);
  add_line (GTK_BOX (box), _("Accessibility"), iop_cultural_profile_get_accessibility (c), NULL);
  return box;
}

static void
rebuild (IopCulturalPanel *self)
{
  GtkWidget *child;
  guint n_conflicts = 0, n = 0;
  g_autofree char *summary = NULL;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  if (self->store == NULL)
    return;

  for (guint i = 0; i < self->participant_ids->len; i++)
    {
      GtkWidget *block = member_block (self, g_array_index (self->participant_ids, gint64, i), &n_conflicts);

      if (block == NULL)
        continue;
      gtk_list_box_append (self->list, block);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (gtk_widget_get_parent (block)), FALSE);
      n++;
    }

  if (n == 0)
    summary = g_strdup (_("Mark who attends to see their preferences here."));
  else if (self->expected && n_conflicts > 0)
    summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u expected · %u has an observance during this session",
                                            "%u expected · %u have an observance during this session", n_conflicts),
                               n, n_conflicts);
  else if (self->expected)
    summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u expected; attendance not marked yet",
                                            "%u expected; attendance not marked yet", n), n);
  else if (n_conflicts > 0)
    summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u attending · %u has an observance during this session",
                                            "%u attending · %u have an observance during this session", n_conflicts),
                               n, n_conflicts);
  else
    summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u attending", "%u attending", n), n);
  gtk_label_set_text (self->summary_label, summary);
}

/* Who attends (or, before anyone is marked, who is expected) and when the session runs. */
static void
load_session (IopCulturalPanel *self)
{
  g_autoptr(IopSession) session = NULL;
  g_autoptr(GPtrArray) attendance = NULL;
  gboolean any_marked = FALSE;

  g_array_set_size (self->participant_ids, 0);
  self->expected = FALSE;
  session = iop_store_get_session (self->store, self->session_id, NULL);
  attendance = session != NULL ? iop_store_list_attendance (self->store, self->session_id, NULL) : NULL;
  if (session == NULL || attendance == NULL)
    return;

  g_free (self->date);
  g_free (self->start_time);
  self->date = g_strdup (iop_session_get_date (session));
  self->start_time = g_strdup (iop_session_get_start_time (session));
  self->duration_minutes = iop_session_get_duration_minutes (session);

  for (guint i = 0; i < attendance->len; i++)
    any_marked |= iop_attendance_is_marked (g_ptr_array_index (attendance, i));
  for (guint i = 0; i < attendance->len; i++)
    {
      IopAttendance *a = g_ptr_array_index (attendance, i);
      gint64 id = iop_attendance_get_participant_id (a);

      if (any_marked ? iop_attendance_is_attending (a) : iop_attendance_get_on_roster (a))
        g_array_append_val (self->participant_ids, id);
    }
  self->expected = !any_marked;
}

static void
store_changed_cb (IopCulturalPanel *self,
                  const char       *kind)
{
  if (self->session_id > 0 && g_strcmp0 (kind, IOP_KIND_SESSION) == 0)
    load_session (self);
  if (g_strcmp0 (kind, IOP_KIND_CULTURAL) == 0 || g_strcmp0 (kind, IOP_KIND_PARTICIPANT) == 0
      || g_strcmp0 (kind, IOP_KIND_SESSION) == 0)
    rebuild (self);
}

static void
iop_cultural_panel_dispose (GObject *object)
{
  IopCulturalPanel *self = IOP_CULTURAL_PANEL (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->participant_ids, g_array_unref);

  G_OBJECT_CLASS (iop_cultural_panel_parent_class)->dispose (object);
}

static void
iop_cultural_panel_finalize (GObject *object)
{
  IopCulturalPanel *self = IOP_CULTURAL_PANEL (object);

  g_free (self->date);
  g_free (self->start_time);

  G_OBJECT_CLASS (iop_cultural_panel_parent_class)->finalize (object);
}

static void
iop_cultural_panel_class_init (IopCulturalPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = iop_cultural_panel_dispose;
  object_class->finalize = iop_cultural_panel_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/iop/iop-cultural-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, IopCulturalPanel, summary_label);
  gtk_widget_class_bind_template_child (widget_class, IopCulturalPanel, list);
}

static void
iop_cultural_panel_init (IopCulturalPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->participant_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
}

/**
 * iop_cultural_panel_new:
 * @store: (nullable): the store, or %NULL to set it later
 *
 * Returns: (transfer floating): the panel
 */
GtkWidget *
iop_cultural_panel_new (IopStore *store)
{
  IopCulturalPanel *self;

  g_return_val_if_fail (store == NULL || IOP_IS_STORE (store), NULL);

  self = g_object_new (IOP_TYPE_CULTURAL_PANEL, NULL);
  iop_cultural_panel_set_store (self, store);
  return GTK_WIDGET (self);
}

void
iop_cultural_panel_set_store (IopCulturalPanel *self,
                              IopStore         *store)
{
  g_return_if_fail (IOP_IS_CULTURAL_PANEL (self));
  g_return_if_fail (store == NULL || IOP_IS_STORE (store));

  if (self->store == store)
    return;
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_set_object (&self->store, store);
  if (store != NULL)
    g_signal_connect_object (store, "changed", G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);
  if (store != NULL && self->session_id > 0)
    load_session (self);
  rebuild (self);
}

/**
 * iop_cultural_panel_set_participants:
 * @self: an #IopCulturalPanel
 * @participant_ids: (array length=n_participants): the attending members, in the order to show them
 * @n_participants: how many
 */
void
iop_cultural_panel_set_participants (IopCulturalPanel *self,
                                     const gint64     *participant_ids,
                                     guint             n_participants)
{
  g_return_if_fail (IOP_IS_CULTURAL_PANEL (self));

  self->session_id = 0;
  self->expected = FALSE;
  g_array_set_size (self->participant_ids, 0);
  if (n_participants > 0)
    g_array_append_vals (self->participant_ids, participant_ids, n_participants);
  rebuild (self);
}

/**
 * iop_cultural_panel_set_session:
 * @self: an #IopCulturalPanel
 * @session_id: the session being documented, or 0 for none
 *
 * Follows the session: its attending members (everyone expected until
 * attendance is marked) and its date and time, as they change.
 */
void
iop_cultural_panel_set_session (IopCulturalPanel *self,
                                gint64            session_id)
{
  g_return_if_fail (IOP_IS_CULTURAL_PANEL (self));

  self->session_id = session_id;
  if (session_id > 0 && self->store != NULL)
    load_session (self);
  else
    g_array_set_size (self->participant_ids, 0);
  rebuild (self);
}

/**
 * iop_cultural_panel_set_session_time:
 * @self: an #IopCulturalPanel
 * @date: (nullable): the session's date
 * @start_time: (nullable): when it starts, HH:MM
 * @duration_minutes: how long it runs
 *
 * Lets the panel point out observances that fall during this session.
 */
void
iop_cultural_panel_set_session_time (IopCulturalPanel *self,
                                     const char       *date,
                                     const char       *start_time,
                                     int               duration_minutes)
{
  g_return_if_fail (IOP_IS_CULTURAL_PANEL (self));

  g_free (self->date);
  g_free (self->start_time);
  self->date = g_strdup (date);
  self->start_time = g_strdup (start_time);
  self->duration_minutes = duration_minutes;
  rebuild (self);
}

/**
 * iop_cultural_panel_dup_text:
 *
 * Returns: (transfer full): the summary and each member's lines
 */
char *
iop_cultural_panel_dup_text (IopCulturalPanel *self)
{
  g_autoptr(GString) text = g_string_new (gtk_label_get_text (self->summary_label));

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *box = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row));

      g_string_append (text, "\n");
      for (GtkWidget *label = gtk_widget_get_first_child (box); label != NULL; label = gtk_widget_get_next_sibling (label))
        g_string_append_printf (text, "%s\n", gtk_label_get_text (GTK_LABEL (label)));
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

guint
iop_cultural_panel_get_n_members (IopCulturalPanel *self)
{
  guint n = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    n++;
  return n;
}
