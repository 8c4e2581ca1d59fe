/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "iop-cultural-profile-section"

#include "config.h"

#include <glib/gi18n.h>

#include "iop-cultural-note-editor.h"
#include "iop-cultural-note-row.h"
#include "iop-cultural-profile-editor.h"
#include "iop-cultural-profile-section.h"
#include "iop-date.h"
#include "iop-store-cultural.h"
#include "iop-window.h"

/*
 * The participant page's cultural profile and cultural notes: what a
 * counselor needs to know, at the moment they need it, about how this person
 * prefers to communicate, what recovery means in their terms, and what helps
 * them take part.
 */
struct _IopCulturalProfileSection
{
  GtkBox              parent_instance;

  /* template widgets */
  AdwPreferencesGroup *profile_group;
  GtkButton           *review_button;
  GtkButton           *edit_button;
  GtkListBox          *profile_list;
  GtkListBox          *notes_list;

  /* owned */
  IopStore            *store;
  IopCulturalProfile  *profile;
  GListStore          *notes;
  gint64               participant_id;
};

G_DEFINE_FINAL_TYPE (IopCulturalProfileSection, iop_cultural_profile_section, GTK_TYPE_BOX)

enum {
  PROP_0,
  PROP_STORE,
  PROP_PARTICIPANT_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  const char *property;
  const char *title;
} ShownField;

static const ShownField shown_fields[] = {
  { "identity", N_("Identity, in Their Words") },
  { "communication", N_("Communication Preferences") },
  { "respected-in-group", N_("What Helps Them Feel Respected in Group") },
  { "family-roles", N_("Family and Community in Recovery") },
  { "beliefs", N_("Beliefs About Substance Use, Mental Health and Treatment") },
  { "spirituality", N_("Spirituality or Religion") },
  { "stigma-concerns", N_("Stigma Concerns") },
  { "dietary-needs", N_("Dietary Needs During Sessions") },
  { "accessibility", N_("Accessibility") },
};

static GtkWidget *
add_row (GtkListBox *list,
         const char *title,
         const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  gtk_widget_add_css_class (row, "property");
  gtk_list_box_append (list, row);
  return row;
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static void
show_profile (IopCulturalProfileSection *self)
{
  IopCulturalProfile *c = self->profile;
  g_autofree char *reviewed = NULL;
  g_autofree char *description = NULL;
  g_autofree char *interpreter = NULL;
  gboolean any = FALSE;

  clear_list (self->profile_list);
  gtk_widget_set_visible (GTK_WIDGET (self->review_button), c != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->edit_button), c != NULL);

  if (c == NULL)
    {
      GtkWidget *row = add_row (self->profile_list, _("No cultural profile yet"),
                                _("Start one with the participant: how they describe themselves, how they like to communicate, and what helps them take part."));
      GtkWidget *button = gtk_button_new_with_mnemonic (_("_Start Profile"));

      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "cultural.edit-profile");
      gtk_widget_add_css_class (button, "suggested-action");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      adw_preferences_group_set_description (self->profile_group, NULL);
      return;
    }

  reviewed = iop_date_format (iop_cultural_profile_get_reviewed_on (c));
  if (*iop_cultural_profile_get_reviewed_by_name (c))
    description = g_strdup_printf (_("Last reviewed %s by %s"), reviewed, iop_cultural_profile_get_reviewed_by_name (c));
  else
    description = g_strdup_printf (_("Last reviewed %s"), reviewed);
  {
    g_autofree char *today = iop_date_today ();
    int days = iop_date_diff_days (iop_cultural_profile_get_reviewed_on (c), today);

    if (self->store != NULL && days > iop_store_get_cultural_review_days (self->store))
      {
        g_autofree char *due = g_strdup_printf (_("%s · review due"), description);
        g_free (description);
        description = g_steal_pointer (&due);
      }
  }
  adw_preferences_group_set_description (self->profile_group, description);

  if (iop_cultural_profile_get_interpreter_needed (c))
    {
      const char *details = iop_cultural_profile_get_interpreter_details (c);
      const char *state = iop_cultural_profile_get_interpreter_arranged (c) ? _("Needed · arranged")
                                                                            : _("Needed · not arranged yet");

      interpreter = *details ? g_strdup_printf ("%s. %s", state, details) : g_strdup (state);
      add_row (self->profile_list, _("Interpreter"), interpreter);
      any = TRUE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (shown_fields); i++)
    {
      g_autofree char *text = NULL;

      g_object_get (c, shown_fields[i].property, &text, NULL);
      if (text == NULL || *g_strstrip (text) == '\0')
        continue;
      add_row (self->profile_list, _(shown_fields[i].title), text);
      any = TRUE;
    }

  if (*iop_cultural_profile_get_observances (c))
    {
      g_autofree char *schedule = iop_cultural_profile_dup_observance_schedule (c);
      g_autofree char *observances = *schedule
        ? g_strdup_printf ("%s (%s)", iop_cultural_profile_get_observances (c), schedule)
        : g_strdup (iop_cultural_profile_get_observances (c));

      add_row (self->profile_list, _("Observances That Affect the Schedule"), observances);
      any = TRUE;
    }

  for (IopCfiDomain d = 0; d < IOP_CFI_N_DOMAINS; d++)
    {
      const char *answer = iop_cultural_profile_get_cfi_answer (c, d);
      g_autofree char *date = NULL;
      g_autofree char *text = NULL;

      if (*answer == '\0')
        continue;
      date = iop_date_format (iop_cultural_profile_get_cfi_recorded_on (c, d));
      /* Translators: an interview answer, then when and by whom it was recorded */
      text = g_strdup_printf (_("%s\nRecorded %s by %s"), answer, date,
                              *iop_cultural_profile_get_cfi_recorded_by_name (c, d)
                              ? iop_cultural_profile_get_cfi_recorded_by_name (c, d) : _("unknown"));
      add_row (self->profile_list, iop_cfi_domain_label (d), text);
      any = TRUE;
    }

  if (!any)
    add_row (self->profile_list, _("Started, nothing recorded yet"),
             _("Edit the profile to add what the participant shares."));
}

static GtkWidget *
create_note_row (gpointer item,
                 gpointer user_data)
{
  IopCulturalProfileSection *self = user_data;
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *note_row = iop_cultural_note_row_new (self->store, FALSE);

  iop_cultural_note_row_set_note (IOP_CULTURAL_NOTE_ROW (note_row), item);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), note_row);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  return row;
}

static void
reload (IopCulturalProfileSection *self)
{
  g_autoptr(IopCulturalProfile) profile = NULL;
  g_autoptr(GListModel) notes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  gtk_widget_set_visible (GTK_WIDGET (self), self->store != NULL && self->participant_id > 0);
  if (self->store == NULL || self->participant_id <= 0)
    return;

  profile = iop_store_get_cultural_profile (self->store, self->participant_id, &error);
  if (error != NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Could not read the cultural profile: %s"), error->message);

      iop_widget_add_toast (GTK_WIDGET (self), message);
      return;
    }
  g_set_object (&self->profile, profile);
  show_profile (self);

  notes = iop_store_list_cultural_notes_for_participant (self->store, self->participant_id, NULL);
  for (guint i = 0; notes != NULL && i < g_list_model_get_n_items (notes); i++)
    g_ptr_array_add (items, g_list_model_get_item (notes, i));
  g_list_store_splice (self->notes, 0, g_list_model_get_n_items (G_LIST_MODEL (self->notes)),
                       items->pdata, items->len);
}

static void
store_changed_cb (IopCulturalProfileSection *self,
                  const char                *kind)
{
  if (g_strcmp0 (kind, IOP_KIND_CULTURAL) == 0 || g_strcmp0 (kind, IOP_KIND_PARTICIPANT) == 0
      || g_strcmp0 (kind, IOP_KIND_STAFF) == 0)
    reload (self);
}

static GtkWindow *
parent_window (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
edit_profile_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  IopCulturalProfileSection *self = IOP_CULTURAL_PROFILE_SECTION (widget);
  g_autoptr(GError) error = NULL;
  GtkWidget *editor;

  if (self->store == NULL || self->participant_id <= 0)
    return;
  editor = iop_cultural_profile_editor_new (self->store, self->participant_id, &error);
  if (editor == NULL)
    {
      iop_cultural_show_error (widget, _("The cultural profile could not be opened"), error->message);
      return;
    }
  gtk_window_set_transient_for (GTK_WINDOW (editor), parent_window (widget));
  gtk_window_present (GTK_WINDOW (editor));
}

static void
mark_reviewed_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  IopCulturalProfileSection *self = IOP_CULTURAL_PROFILE_SECTION (widget);
  g_autoptr(GError) error = NULL;

  if (!iop_store_mark_cultural_profile_reviewed (self->store, self->participant_id, NULL, &error))
    iop_cultural_show_error (widget, _("The review was not recorded"), error->message);
  else
    iop_widget_add_toast (widget, _("Profile marked as reviewed today"));
}

static void
new_note_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  IopCulturalProfileSection *self = IOP_CULTURAL_PROFILE_SECTION (widget);
  GtkWidget *editor;

  if (self->store == NULL || self->participant_id <= 0)
    return;
  editor = iop_cultural_note_editor_new_for_participant (self->store, self->participant_id);
  gtk_window_set_transient_for (GTK_WINDOW (editor), parent_window (widget));
  gtk_window_present (GTK_WINDOW (editor));
}

static void
iop_cultural_profile_section_dispose (GObject *object)
{
  IopCulturalProfileSection *self = IOP_CULTURAL_PROFILE_SECTION (object);

  g_clear_object (&self->store);
  g_clear_object (&self->profile);
  g_clear_object (&self->notes);

  G_OBJECT_CLASS (iop_cultural_profile_section_parent_class)->dispose (object);
}

static void
set_store (IopCulturalProfileSection *self,
           IopStore                  *store)
{
  if (self->store == store)
    return;
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_set_object (&self->store, store);
  if (store != NULL)
    g_signal_connect_object (store, "changed", G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);
  reload (self);
}

static void
iop_cultural_profile_section_get_property (GObject    *object,
                                           guint       prop_id,
                                           GValue     *value,
                                           GParamSpec *pspec)
{
  IopCulturalProfileSection *self = IOP_CULTURAL_PROFILE_SECTION (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_PARTICIPANT_ID:
      g_value_set_int64 (value, self->participant_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
iop_cultural_profile_section_set_property (GObject      *object,
                                           guint         prop_id,
                                           const GValue *value,
                                           GParamSpec   *pspec)
{
  IopCulturalProfileSection *self = IOP_CULTURAL_PROFILE_SECTION (object);

  switch (prop_id)
    {
    case PROP_STORE:
      set_store (self, g_value_get_object (value));
      break;
    case PROP_PARTICIPANT_ID:
      self->participant_id = g_value_get_int64 (value);
      reload (self);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
iop_cultural_profile_section_class_init (IopCulturalProfileSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = iop_cultural_profile_section_dispose;
  object_class->get_property = iop_cultural_profile_section_get_property;
  object_class->set_property = iop_cultural_profile_section_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, IOP_TYPE_STORE, G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_PARTICIPANT_ID] =
    g_param_spec_int64 ("participant-id", NULL, NULL, 0, G_MAXINT64, 0, G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/iop/iop-cultural-profile-section.ui");
  gtk_widget_class_bind_template_child (widget_class, IopCulturalProfileSection, profile_group);
  gtk_widget_class_bind_template_child (widget_class, IopCulturalProfileSection, review_button);
  gtk_widget_class_bind_template_child (widget_class, IopCulturalProfileSection, edit_button);
  gtk_widget_class_bind_template_child (widget_class, IopCulturalProfileSection, profile_list);
  gtk_widget_class_bind_template_child (widget_class, IopCulturalProfileSection, notes_list);

  gtk_widget_class_install_action (widget_class, "cultural.edit-profile", NULL, edit_profile_action);
  gtk_widget_class_install_action (widget_class, "cultural.mark-reviewed", NULL, mark_reviewed_action);
  gtk_widget_class_install_action (widget_class, "cultural.new-note", NULL, new_note_action);
}

static void
iop_cultural_profile_section_init (IopCulturalProfileSection *self)
{
  GtkWidget *placeholder;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->notes = g_list_store_new (IOP_TYPE_CULTURAL_NOTE);
  gtk_list_box_bind_model (self->notes_list, G_LIST_MODEL (self->notes), create_note_row, self, NULL);
  placeholder = gtk_label_new (_("No cultural notes about this participant yet."));
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 18);
  gtk_widget_set_margin_bottom (placeholder, 18);
  gtk_label_set_wrap (GTK_LABEL (placeholder), TRUE);
  gtk_list_box_set_placeholder (self->notes_list, placeholder);
}

IopCulturalProfileSection *
iop_cultural_profile_section_attach (IopParticipantPage *page)
{
  IopCulturalProfileSection *self;

  g_return_val_if_fail (IOP_IS_PARTICIPANT_PAGE (page), NULL);

  self = g_object_new (IOP_TYPE_CULTURAL_PROFILE_SECTION, NULL);
  gtk_box_append (iop_participant_page_get_sections_box (page), GTK_WIDGET (self));
  g_object_bind_property (page, "store", self, "store", G_BINDING_SYNC_CREATE);
  g_object_bind_property (page, "participant-id", self, "participant-id", G_BINDING_SYNC_CREATE);
  return self;
}

/**
 * iop_cultural_profile_section_dup_text:
 *
 * Returns: (transfer full): every title and text the profile part shows, one per line
 */
char *
iop_cultural_profile_section_dup_text (IopCulturalProfileSection *self)
{
  g_autoptr(GString) text = g_string_new (NULL);

  g_return_val_if_fail (IOP_IS_CULTURAL_PROFILE_SECTION (self), NULL);

  if (adw_preferences_group_get_description (self->profile_group) != NULL)
    g_string_append_printf (text, "%s\n", adw_preferences_group_get_description (self->profile_group));
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->profile_list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (ADW_IS_ACTION_ROW (row))
      g_string_append_printf (text, "%s\n%s\n", adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)),
                              adw_action_row_get_subtitle (ADW_ACTION_ROW (row)));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/**
 * iop_cultural_profile_section_get_notes:
 *
 * Returns: (transfer none): the participant's cultural notes, newest first
 */
GListModel *
iop_cultural_profile_section_get_notes (IopCulturalProfileSection *self)
{
  g_return_val_if_fail (IOP_IS_CULTURAL_PROFILE_SECTION (self), NULL);
  return G_LIST_MODEL (self->notes);
}

gboolean
iop_cultural_profile_section_has_profile (IopCulturalProfileSection *self)
{
  g_return_val_if_fail (IOP_IS_CULTURAL_PROFILE_SECTION (self), FALSE);
  return self->profile != NULL;
}
