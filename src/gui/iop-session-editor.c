/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "iop-session-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "iop-a11y.h"
#include "iop-wrap-box.h"
#include "iop-consent-chooser.h"
#include "iop-cultural-panel.h"
#include "iop-date.h"
#include "iop-document-output.h"
#include "iop-session-editor.h"
#include "iop-session-print.h"
#include "iop-staff-row.h"
#include "iop-store-plans.h"
#include "iop-window.h"

/*
 * Documents one session: attendance, the shared group note, climate ratings and
 * an individualized note per attending member, then signs it. Every change is
 * saved as the counselor works (text after a short pause); signing asks about
 * other members' names in individualized notes and near-identical notes. A
 * signed session is shown read-only; it takes addenda, a co-signature or a
 * return.
 */

#define SAVE_DELAY_MS 700

typedef struct _IopSessionEditor IopSessionEditor;

typedef struct {
  IopSessionEditor *editor;       /* borrowed */
  gint64            participant_id;
  IopAttendance    *attendance;
  /* attendance row */
  AdwActionRow     *row;
  GtkDropDown      *status;
  GtkSpinButton    *minutes;
  GtkDropDown      *participation;
  guint             minutes_timeout;
  /* note */
  AdwExpanderRow   *note_row;
  GtkTextBuffer    *buffers[IOP_MEMBER_NOTE_N_FIELDS];
  GtkLabel         *warning;
  guint             note_timeout;
  /* the plan's goals this note addressed (borrowed check buttons, keyed by goal id) */
  GHashTable       *goal_checks;
  GtkSpinButton    *goal_rating;
} Member;

struct _IopSessionEditor
{
  AdwBin                parent_instance;

  /* template widgets */
  GtkScrolledWindow    *scroller;
  GtkLabel             *title_label;
  GtkLabel             *subtitle_label;
  GtkLabel             *state_label;
  GtkLabel             *notice_label;
  AdwPreferencesGroup  *details_group;
  AdwEntryRow          *topic_row;
  AdwEntryRow          *start_row;
  GtkSpinButton        *duration_spin;
  IopStaffRow          *facilitator_row;
  IopStaffRow          *co_facilitator_row;
  AdwEntryRow          *location_row;
  AdwPreferencesGroup  *attendance_group;
  IopCulturalPanel     *cultural_panel;
  AdwPreferencesGroup  *shared_group;
  AdwPreferencesGroup  *climate_group;
  AdwPreferencesGroup  *notes_group;
  AdwPreferencesGroup  *history_group;

  /* owned */
  IopStore             *store;
  IopSession           *session;
  IopNameGuard         *guard;
  GPtrArray            *members;          /* of Member */
  GPtrArray            *dynamic_rows;     /* of GtkWidget: rows added to groups, with their group */
  GtkTextBuffer        *interventions;
  GtkTextBuffer        *process;
  AdwComboRow          *climate_rows[IOP_N_CLIMATE];
  GtkWidget            *shared_box;
  char                 *title;
  guint                 shared_timeout;
  guint                 details_timeout;
  gboolean              loading;
};

G_DEFINE_FINAL_TYPE (IopSessionEditor, iop_session_editor, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_TITLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Index 0 is "not marked": attendance cannot go back to unmarked once recorded. */
static const char * const status_values[] = { "", "present", "late", "left-early", "absent", "excused" };

static void rebuild_notes    (IopSessionEditor *self);
static void update_actions   (IopSessionEditor *self);
static void reload           (IopSessionEditor *self);

/* helpers */

static void
member_free (gpointer data)
{
  Member *m = data;

  g_clear_handle_id (&m->minutes_timeout, g_source_remove);
  g_clear_handle_id (&m->note_timeout, g_source_remove);
  /* the widgets may outlive this record until their rows are removed */
  if (m->status != NULL)
    g_signal_handlers_disconnect_by_data (m->status, m);
  if (m->minutes != NULL)
    g_signal_handlers_disconnect_by_data (m->minutes, m);
  if (m->participation != NULL)
    g_signal_handlers_disconnect_by_data (m->participation, m);
  for (guint f = 0; f < IOP_MEMBER_NOTE_N_FIELDS; f++)
    if (m->buffers[f] != NULL)
      {
        g_signal_handlers_disconnect_by_data (m->buffers[f], m);
        g_clear_object (&m->buffers[f]);
      }
  g_clear_pointer (&m->goal_checks, g_hash_table_unref);
  g_clear_object (&m->attendance);
  g_free (m);
}

static Member *
find_member (IopSessionEditor *self,
             gint64            participant_id)
{
  for (guint i = 0; self->members != NULL && i < self->members->len; i++)
    {
      Member *m = g_ptr_array_index (self->members, i);

      if (m->participant_id == participant_id)
        return m;
    }
  return NULL;
}

static gboolean
is_editable (IopSessionEditor *self)
{
  return self->session != NULL && iop_session_is_documentable (self->session);
}

static void
show_error (IopSessionEditor *self,
            const char       *heading,
            const GError     *error)
{
  iop_document_output_show_error (GTK_WIDGET (self), heading, error->message);
}

static char *
text_of (GtkTextBuffer *buffer)
{
  GtkTextIter start;
  GtkTextIter end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
set_text (GtkTextBuffer *buffer,
          const char    *text)
{
  gtk_text_buffer_set_text (buffer, text != NULL ? text : "", -1);
}

static void
group_add (IopSessionEditor    *self,
           AdwPreferencesGroup *group,
           GtkWidget           *row)
{
  adw_preferences_group_add (group, row);
  g_object_set_data (G_OBJECT (row), "iop-group", group);
  g_ptr_array_add (self->dynamic_rows, row);
}

static void
clear_rows_of (IopSessionEditor    *self,
               AdwPreferencesGroup *group)
{
  for (guint i = self->dynamic_rows->len; i > 0; i--)
    {
      GtkWidget *row = g_ptr_array_index (self->dynamic_rows, i - 1);

      if (g_object_get_data (G_OBJECT (row), "iop-group") == group)
        {
          adw_preferences_group_remove (group, row);
          g_ptr_array_remove_index (self->dynamic_rows, i - 1);
        }
    }
}

static guint
status_index (const char *status)
{
  for (guint i = 1; i < G_N_ELEMENTS (status_values); i++)
    if (g_strcmp0 (status, status_values[i]) == 0)
      return i;
  return 0;
}

static void
state_pill (GtkLabel   *label,
            const char *state)
{
  gtk_label_set_text (label, iop_session_state_label (state));
  gtk_widget_remove_css_class (GTK_WIDGET (label), "success");
  gtk_widget_remove_css_class (GTK_WIDGET (label), "warning");
  gtk_widget_remove_css_class (GTK_WIDGET (label), "error");
  if (g_strcmp0 (state, "cosigned") == 0)
    gtk_widget_add_css_class (GTK_WIDGET (label), "success");
  else if (g_strcmp0 (state, "draft") == 0 || g_strcmp0 (state, "signed") == 0)
    gtk_widget_add_css_class (GTK_WIDGET (label), "warning");
  else if (g_strcmp0 (state, "cancelled") == 0)
    gtk_widget_add_css_class (GTK_WIDGET (label), "error");
}

/* saving */

static gboolean
save_attendance (IopSessionEditor *self,
                 Member           *m)
{
  g_autoptr(GError) error = NULL;
  guint index = gtk_drop_down_get_selected (m->status);
  const char *status = index < G_N_ELEMENTS (status_values) ? status_values[index] : "";
  int minutes = -1;
  int participation = (int) gtk_drop_down_get_selected (m->participation) - 1;

  if (*status == '\0')
    return TRUE;
  if (g_strcmp0 (status, "late") == 0 || g_strcmp0 (status, "left-early") == 0)
    minutes = gtk_spin_button_get_value_as_int (m->minutes);
  if (!iop_attendance_status_is_attending (status))
    participation = -1;

  if (!iop_store_set_attendance (self->store, iop_session_get_id (self->session), m->participant_id,
                                 status, minutes, participation, &error))
    {
      show_error (self, _("Could Not Record Attendance"), error);
      reload (self);
      return FALSE;
    }
  return TRUE;
}

static void
save_note (IopSessionEditor *self,
           Member           *m)
{
  g_autoptr(GError) error = NULL;
  char *parts[IOP_MEMBER_NOTE_N_FIELDS];

  g_clear_handle_id (&m->note_timeout, g_source_remove);
  if (m->note_row == NULL || !is_editable (self))
    return;
  for (guint f = 0; f < IOP_MEMBER_NOTE_N_FIELDS; f++)
    parts[f] = text_of (m->buffers[f]);
  if (!iop_store_set_member_note (self->store, iop_session_get_id (self->session), m->participant_id,
                                  (const char * const *) parts, &error))
    show_error (self, _("Could Not Save the Note"), error);
  for (guint f = 0; f < IOP_MEMBER_NOTE_N_FIELDS; f++)
    g_free (parts[f]);
}

static void
save_shared (IopSessionEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *interventions = text_of (self->interventions);
  g_autofree char *process = text_of (self->process);

  g_clear_handle_id (&self->shared_timeout, g_source_remove);
  if (!is_editable (self))
    return;
  if (!iop_store_set_shared_note (self->store, iop_session_get_id (self->session),
                                  gtk_editable_get_text (GTK_EDITABLE (self->topic_row)),
                                  interventions, process, &error))
    show_error (self, _("Could Not Save the Group Note"), error);
}

static void
save_details (IopSessionEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IopSession) changed = NULL;

  g_clear_handle_id (&self->details_timeout, g_source_remove);
  if (!is_editable (self))
    return;
  /* the topic belongs to the group note, saved with it */
  changed = iop_session_copy (self->session);
  iop_session_set_location (changed, gtk_editable_get_text (GTK_EDITABLE (self->location_row)));
  iop_session_set_topic (changed, gtk_editable_get_text (GTK_EDITABLE (self->topic_row)));

  /* A start time being typed ("9:", "09:3") waits until it is a time of day. */
  {
    const char *start = gtk_editable_get_text (GTK_EDITABLE (self->start_row));
    gboolean valid = iop_time_is_valid (start);

    if (valid)
      gtk_widget_remove_css_class (GTK_WIDGET (self->start_row), "error");
    else
      gtk_widget_add_css_class (GTK_WIDGET (self->start_row), "error");
    if (valid)
      iop_session_set_start_time (changed, start);
  }
  iop_session_set_duration_minutes (changed, gtk_spin_button_get_value_as_int (self->duration_spin));
  iop_session_set_facilitator_id (changed, iop_staff_row_get_staff_id (self->facilitator_row));
  iop_session_set_co_facilitator_id (changed, iop_staff_row_get_staff_id (self->co_facilitator_row));
  if (!iop_store_update_session_details (self->store, changed, &error))
    show_error (self, _("Could Not Save the Details"), error);
}

/* "Mon 11/23/26 · 09:00–12:00": follows the start time and duration as they change. */
static void
update_subtitle (IopSessionEditor *self)
{
  g_autofree char *date = iop_date_format (iop_session_get_date (self->session));
  g_autofree char *time = iop_session_dup_time_label (self->session);
  g_autofree char *subtitle = g_strdup_printf ("%s · %s%s", date, time,
                                               iop_session_get_one_off (self->session) ? _(" · one-off") : "");

  gtk_label_set_text (self->subtitle_label, subtitle);
}

static void
refresh_session (IopSessionEditor *self)
{
  g_autoptr(IopSession) session = iop_store_get_session (self->store, iop_session_get_id (self->session), NULL);

  if (session == NULL)
    return;
  g_set_object (&self->session, session);
  state_pill (self->state_label, iop_session_get_state (session));
  update_subtitle (self);
  update_actions (self);
}

/* Reads the attendance again after a change; rebuilds the notes when who attended changed. */
static void
refresh_attendance (IopSessionEditor *self)
{
  g_autoptr(GPtrArray) list = iop_store_list_attendance (self->store, iop_session_get_id (self->session), NULL);
  gboolean attending_changed = FALSE;

  if (list == NULL)
    return;
  for (guint i = 0; i < list->len; i++)
    {
      IopAttendance *a = g_ptr_array_index (list, i);
      Member *m = find_member (self, iop_attendance_get_participant_id (a));

      if (m == NULL)
        continue;
      if (iop_attendance_is_attending (a) != (m->note_row != NULL))
        attending_changed = TRUE;
      g_set_object (&m->attendance, a);
    }
  if (attending_changed)
    {
      rebuild_notes (self);
      iop_cultural_panel_set_session (self->cultural_panel, iop_session_get_id (self->session));
    }
  refresh_session (self);
}

/* callbacks */

static void
status_changed_cb (GtkDropDown *dropdown,
                   GParamSpec  *pspec,
                   Member      *m)
{
  IopSessionEditor *self = m->editor;
  guint index = gtk_drop_down_get_selected (dropdown);
  const char *status = status_values[MIN (index, G_N_ELEMENTS (status_values) - 1)];
  int duration = iop_session_get_duration_minutes (self->session);
  gboolean partial = g_strcmp0 (status, "late") == 0 || g_strcmp0 (status, "left-early") == 0;

  if (self->loading)
    return;
  if (index == 0)
    {
      /* recorded attendance is corrected, never erased */
      self->loading = TRUE;
      gtk_drop_down_set_selected (dropdown, status_index (iop_attendance_get_status (m->attendance)));
      self->loading = FALSE;
      return;
    }

  self->loading = TRUE;
  gtk_widget_set_sensitive (GTK_WIDGET (m->minutes), partial);
  if (partial && gtk_spin_button_get_value_as_int (m->minutes) >= duration)
    gtk_spin_button_set_value (m->minutes, MAX (duration - 15, 1));
  else if (g_strcmp0 (status, "present") == 0)
    gtk_spin_button_set_value (m->minutes, duration);
  else if (!iop_attendance_status_is_attending (status))
    {
      gtk_spin_button_set_value (m->minutes, 0);
      gtk_drop_down_set_selected (m->participation, 0);
    }
  gtk_widget_set_sensitive (GTK_WIDGET (m->participation), iop_attendance_status_is_attending (status));
  self->loading = FALSE;

  if (save_attendance (self, m))
    refresh_attendance (self);
}

static gboolean
minutes_timeout_cb (gpointer data)
{
  Member *m = data;

  m->minutes_timeout = 0;
  if (save_attendance (m->editor, m))
    refresh_attendance (m->editor);
  return G_SOURCE_REMOVE;
}

static void
minutes_changed_cb (GtkSpinButton *spin,
                    Member        *m)
{
  if (m->editor->loading)
    return;
  g_clear_handle_id (&m->minutes_timeout, g_source_remove);
  m->minutes_timeout = g_timeout_add (SAVE_DELAY_MS, minutes_timeout_cb, m);
}

static void
participation_changed_cb (GtkDropDown *dropdown,
                          GParamSpec  *pspec,
                          Member      *m)
{
  if (m->editor->loading || gtk_drop_down_get_selected (m->status) == 0)
    return;
  if (save_attendance (m->editor, m))
    refresh_attendance (m->editor);
}

static gboolean
shared_timeout_cb (gpointer data)
{
  IopSessionEditor *self = data;

  self->shared_timeout = 0;
  save_shared (self);
  refresh_session (self);
  return G_SOURCE_REMOVE;
}

static gboolean
details_timeout_cb (gpointer data)
{
  IopSessionEditor *self = data;

  self->details_timeout = 0;
  save_details (self);
  refresh_session (self);
  return G_SOURCE_REMOVE;
}

static void
details_changed_cb (IopSessionEditor *self)
{
  if (self->loading || !is_editable (self))
    return;
  g_clear_handle_id (&self->details_timeout, g_source_remove);
  self->details_timeout = g_timeout_add (SAVE_DELAY_MS, details_timeout_cb, self);
}

static void
shared_changed_cb (IopSessionEditor *self)
{
  if (self->loading || !is_editable (self))
    return;
  g_clear_handle_id (&self->shared_timeout, g_source_remove);
  self->shared_timeout = g_timeout_add (SAVE_DELAY_MS, shared_timeout_cb, self);
}

/* Marks other members' names in the note as the counselor types. */
static void
mark_names (Member *m)
{
  IopSessionEditor *self = m->editor;
  g_autoptr(GString) found = g_string_new (NULL);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint f = 0; f < IOP_MEMBER_NOTE_N_FIELDS; f++)
    {
      GtkTextBuffer *buffer = m->buffers[f];
      g_autofree char *text = text_of (buffer);
      g_autoptr(GArray) matches = iop_name_guard_find (self->guard, text, m->participant_id);
      GtkTextIter start;
      GtkTextIter end;

      gtk_text_buffer_get_bounds (buffer, &start, &end);
      gtk_text_buffer_remove_tag_by_name (buffer, "other-name", &start, &end);
      for (guint i = 0; i < matches->len; i++)
        {
          const IopNameMatch *match = &g_array_index (matches, IopNameMatch, i);
          g_autofree char *name = g_strndup (text + match->start, match->end - match->start);

          gtk_text_buffer_get_iter_at_offset (buffer, &start, (int) g_utf8_pointer_to_offset (text, text + match->start));
          gtk_text_buffer_get_iter_at_offset (buffer, &end, (int) g_utf8_pointer_to_offset (text, text + match->end));
          gtk_text_buffer_apply_tag_by_name (buffer, "other-name", &start, &end);
          if (!g_hash_table_contains (seen, &match->participant_id))
            {
              g_array_append_val (ids, match->participant_id);
              g_hash_table_add (seen, &g_array_index (ids, gint64, ids->len - 1));
              if (found->len > 0)
                g_string_append (found, ", ");
              g_string_append_printf (found, "“%s” (%s)", name,
                                      iop_name_guard_get_display_name (self->guard, match->participant_id));
            }
        }
    }

  if (found->len > 0)
    {
      g_autofree char *message = g_strdup_printf (_("This note names other group members: %s. Refer to them without names, for example “a peer”."),
                                                  found->str);
      gtk_label_set_text (m->warning, message);
    }
  gtk_widget_set_visible (GTK_WIDGET (m->warning), found->len > 0);
}

static gboolean
note_timeout_cb (gpointer data)
{
  Member *m = data;

  m->note_timeout = 0;
  save_note (m->editor, m);
  refresh_session (m->editor);
  return G_SOURCE_REMOVE;
}

static void
note_changed_cb (GtkTextBuffer *buffer,
                 Member        *m)
{
  mark_names (m);
  if (m->editor->loading || !is_editable (m->editor))
    return;
  g_clear_handle_id (&m->note_timeout, g_source_remove);
  m->note_timeout = g_timeout_add (SAVE_DELAY_MS, note_timeout_cb, m);
}

static void
climate_changed_cb (IopSessionEditor *self)
{
  g_autoptr(GError) error = NULL;
  int ratings[IOP_N_CLIMATE];

  if (self->loading || !is_editable (self))
    return;
  for (guint i = 0; i < IOP_N_CLIMATE; i++)
    ratings[i] = (int) adw_combo_row_get_selected (self->climate_rows[i]) - 1;
  if (!iop_store_set_climate (self->store, iop_session_get_id (self->session), ratings, &error))
    {
      show_error (self, _("Could Not Save the Climate Ratings"), error);
      reload (self);
      return;
    }
  refresh_session (self);
}

/* building */

static GtkWidget *
text_area (GtkTextBuffer *buffer,
           const char    *label_text,
           gboolean       editable)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *label = gtk_label_new (label_text);
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkWidget *view = gtk_text_view_new_with_buffer (buffer);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_editable (GTK_TEXT_VIEW (view), editable);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
  gtk_widget_set_size_request (view, -1, 64);
  gtk_frame_set_child (GTK_FRAME (frame), view);
  /* After parenting: GTK 4.8 drops a widget's relations when it gets a parent. */
  gtk_accessible_update_relation (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL, -1);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), frame);
  return box;
}

static GtkTextBuffer *
note_buffer (void)
{
  GtkTextBuffer *buffer = gtk_text_buffer_new (NULL);

  gtk_text_buffer_create_tag (buffer, "other-name",
                              "underline", PANGO_UNDERLINE_ERROR,
                              "weight", PANGO_WEIGHT_BOLD,
                              "background", "rgba(246, 211, 45, 0.45)",
                              NULL);
  return buffer;
}

static void
build_shared (IopSessionEditor *self)
{
  gboolean editable = is_editable (self);

  if (self->shared_box != NULL)
    {
      adw_preferences_group_remove (self->shared_group, self->shared_box);
      self->shared_box = NULL;
    }
  self->shared_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_box_append (GTK_BOX (self->shared_box), text_area (self->interventions, _("Interventions used"), editable));
  gtk_box_append (GTK_BOX (self->shared_box), text_area (self->process, _("Group process"), editable));
  adw_preferences_group_add (self->shared_group, self->shared_box);
}

static void
setup_short_label_cb (GtkSignalListItemFactory *factory,
                      GtkListItem              *item,
                      gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

static void
bind_short_label_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *item,
                     gpointer                  user_data)
{
  GtkStringObject *string = gtk_list_item_get_item (item);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), gtk_string_object_get_string (string));
}

/* (transfer full) */
static GtkListItemFactory *
shortening_factory (void)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_short_label_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_short_label_cb), NULL);
  return factory;
}

static void
build_attendance (IopSessionEditor *self)
{
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) levels = gtk_string_list_new (NULL);
  g_autoptr(GtkListItemFactory) short_labels = shortening_factory ();
  int duration = iop_session_get_duration_minutes (self->session);
  gboolean editable = is_editable (self);

  for (guint i = 0; i < G_N_ELEMENTS (status_values); i++)
    gtk_string_list_append (statuses, iop_attendance_status_label (status_values[i]));
  for (int level = -1; level <= IOP_PARTICIPATION_MAX; level++)
    gtk_string_list_append (levels, iop_participation_label (level));

  clear_rows_of (self, self->attendance_group);
  for (guint i = 0; i < self->members->len; i++)
    {
      Member *m = g_ptr_array_index (self->members, i);
      g_autofree char *name = iop_attendance_dup_full_name (m->attendance);
      const char *status = iop_attendance_get_status (m->attendance);
      gboolean partial = g_strcmp0 (status, "late") == 0 || g_strcmp0 (status, "left-early") == 0;
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *minutes_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
      GtkWidget *minutes_label = gtk_label_new (_("min"));
      GtkWidget *controls = iop_wrap_box_new (6);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
      if (!iop_attendance_get_on_roster (m->attendance))
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("No longer in the group; attendance kept"));
      else
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), iop_attendance_get_record_number (m->attendance));

      m->row = ADW_ACTION_ROW (row);
      m->status = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (statuses)), NULL));
      gtk_drop_down_set_selected (m->status, status_index (status));
      gtk_widget_set_valign (GTK_WIDGET (m->status), GTK_ALIGN_CENTER);
      gtk_widget_set_size_request (GTK_WIDGET (m->status), 130, -1);
      gtk_widget_set_tooltip_text (GTK_WIDGET (m->status), _("Attendance"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (m->status), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Attendance"), -1);

      m->minutes = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (0, duration, 5));
      gtk_spin_button_set_value (m->minutes, iop_attendance_is_marked (m->attendance)
                                              ? iop_attendance_get_minutes (m->attendance) : duration);
      gtk_widget_set_valign (GTK_WIDGET (m->minutes), GTK_ALIGN_CENTER);
      gtk_widget_set_sensitive (GTK_WIDGET (m->minutes), editable && partial);
      gtk_widget_set_tooltip_text (GTK_WIDGET (m->minutes), _("Minutes attended"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (m->minutes), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Minutes attended"), -1);
      gtk_widget_add_css_class (minutes_label, "dim-label");
      gtk_box_append (GTK_BOX (minutes_box), GTK_WIDGET (m->minutes));
      gtk_box_append (GTK_BOX (minutes_box), minutes_label);
      gtk_widget_set_valign (minutes_box, GTK_ALIGN_CENTER);

      m->participation = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (levels)), NULL));
      gtk_drop_down_set_selected (m->participation, (guint) (iop_attendance_get_participation (m->attendance) + 1));
      gtk_widget_set_valign (GTK_WIDGET (m->participation), GTK_ALIGN_CENTER);
      /* The whole label when there is room, shortened in a narrow window; the
       * list that drops down always shows whole labels. */
      gtk_drop_down_set_factory (m->participation, short_labels);
      gtk_widget_set_sensitive (GTK_WIDGET (m->participation), editable && iop_attendance_is_attending (m->attendance));
      gtk_widget_set_tooltip_text (GTK_WIDGET (m->participation), _("Participation"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (m->participation), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Participation"), -1);

      gtk_widget_set_sensitive (GTK_WIDGET (m->status), editable);
      iop_a11y_label_drop_down (m->status, _("Attendance"));
      iop_a11y_label_drop_down (m->participation, _("Participation"));
      /* Side by side when there is room; wrapped under each other in a narrow window. */
      gtk_widget_set_valign (controls, GTK_ALIGN_CENTER);
      iop_wrap_box_append (IOP_WRAP_BOX (controls), GTK_WIDGET (m->status));
      iop_wrap_box_append (IOP_WRAP_BOX (controls), minutes_box);
      iop_wrap_box_append (IOP_WRAP_BOX (controls), GTK_WIDGET (m->participation));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), controls);
      gtk_widget_add_css_class (row, "iop-attendance-row");

      g_signal_connect (m->status, "notify::selected", G_CALLBACK (status_changed_cb), m);
      g_signal_connect (m->minutes, "value-changed", G_CALLBACK (minutes_changed_cb), m);
      g_signal_connect (m->participation, "notify::selected", G_CALLBACK (participation_changed_cb), m);
      group_add (self, self->attendance_group, row);
    }
  if (self->members->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No members were in the group on this date"));
      group_add (self, self->attendance_group, row);
    }
}

static void
record_progress_cb (GtkButton        *button,
                    IopSessionEditor *self)
{
  const gint64 *participant_id = g_object_get_data (G_OBJECT (button), "participant-id");
  Member *m = NULL;
  g_autoptr(GArray) goal_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;
  g_autofree char *note = NULL;
  GHashTableIter iter;
  gpointer key, value;

  for (guint i = 0; i < self->members->len; i++)
    if (((Member *) g_ptr_array_index (self->members, i))->participant_id == *participant_id)
      m = g_ptr_array_index (self->members, i);
  if (m == NULL || m->goal_checks == NULL)
    return;

  g_hash_table_iter_init (&iter, m->goal_checks);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (gtk_check_button_get_active (value) && gtk_widget_get_sensitive (value))
      {
        gint64 goal_id = *(gint64 *) key;
        g_array_append_val (goal_ids, goal_id);
      }
  if (goal_ids->len == 0)
    {
      iop_widget_add_toast (GTK_WIDGET (self), _("Tick the goals this note addressed first"));
      return;
    }

  /* The progress part of the note says how the member moved toward them. */
  note = text_of (m->buffers[3]);
  if (!iop_store_add_session_progress (self->store, iop_session_get_id (self->session), m->participant_id,
                                       goal_ids, gtk_spin_button_get_value_as_int (m->goal_rating), note,
                                       &error))
    {
      show_error (self, _("Could Not Record Progress"), error);
      return;
    }
  g_hash_table_iter_init (&iter, m->goal_checks);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (gtk_check_button_get_active (value))
      gtk_widget_set_sensitive (value, FALSE);
  iop_widget_add_toast (GTK_WIDGET (self), _("Progress recorded on the treatment plan"));
}

/* Every group note ties to the plan: the member's active goals, ticked when the
 * note addressed them, become progress entries linked to this session. */
static GtkWidget *
goals_box (IopSessionEditor *self,
           Member           *m)
{
  g_autoptr(GPtrArray) goals = iop_store_list_active_goals (self->store, m->participant_id, NULL);
  g_autoptr(GPtrArray) done = iop_store_list_session_progress (self->store, iop_session_get_id (self->session),
                                                               m->participant_id, NULL);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *heading = gtk_label_new (_("Goals this note addressed"));
  GtkWidget *actions, *button, *label;

  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "heading");
  gtk_box_append (GTK_BOX (box), heading);

  if (m->goal_checks == NULL)
    m->goal_checks = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_hash_table_remove_all (m->goal_checks);

  if (goals == NULL || goals->len == 0)
    {
      label = gtk_label_new (_("No active treatment plan goals"));
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_box_append (GTK_BOX (box), label);
      return box;
    }

  for (guint i = 0; i < goals->len; i++)
    {
      IopGoal *goal = g_ptr_array_index (goals, i);
      GtkWidget *check = gtk_check_button_new ();
      GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *text = gtk_label_new (iop_goal_get_statement (goal));
      gint64 *key = g_new (gint64, 1);

      /* A long goal wraps instead of widening the editor. */
      gtk_label_set_wrap (GTK_LABEL (text), TRUE);
      gtk_label_set_xalign (GTK_LABEL (text), 0);
      gtk_widget_set_hexpand (text, TRUE);
      gtk_box_append (GTK_BOX (row), check);
      gtk_box_append (GTK_BOX (row), text);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      iop_goal_get_statement (goal), -1);

      *key = iop_goal_get_id (goal);
      for (guint k = 0; done != NULL && k < done->len; k++)
        if (iop_progress_entry_get_goal_id (g_ptr_array_index (done, k)) == *key)
          {
            /* already recorded from this note */
            gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
            gtk_widget_set_sensitive (check, FALSE);
          }
      g_hash_table_insert (m->goal_checks, key, check);
      gtk_box_append (GTK_BOX (box), row);
    }

  actions = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  label = gtk_label_new_with_mnemonic (_("_Rating (0–10)"));
  m->goal_rating = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (0, 10, 1));
  gtk_spin_button_set_value (m->goal_rating, 5);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), GTK_WIDGET (m->goal_rating));
  gtk_accessible_update_property (GTK_ACCESSIBLE (m->goal_rating), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Rating toward the goals, 0 to 10"), -1);
  button = gtk_button_new_with_mnemonic (_("Record _Progress"));
  gtk_widget_set_tooltip_text (button, _("Add a progress entry, linked to this session, for each ticked goal"));
  /* The button may outlive this member's record: it names the member by id. */
  g_object_set_data_full (G_OBJECT (button), "participant-id", g_memdup2 (&m->participant_id, sizeof (gint64)),
                          g_free);
  g_signal_connect_object (button, "clicked", G_CALLBACK (record_progress_cb), self, 0);
  gtk_widget_set_halign (button, GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (actions), label);
  gtk_box_append (GTK_BOX (actions), GTK_WIDGET (m->goal_rating));
  gtk_box_append (GTK_BOX (box), actions);
  gtk_box_append (GTK_BOX (box), button);
  return box;
}

static void
rebuild_notes (IopSessionEditor *self)
{
  gboolean editable = is_editable (self);
  guint n = 0;

  for (guint i = 0; i < self->members->len; i++)
    {
      Member *m = g_ptr_array_index (self->members, i);

      if (m->note_timeout != 0)
        save_note (self, m);
      m->note_row = NULL;
      m->warning = NULL;
      for (guint f = 0; f < IOP_MEMBER_NOTE_N_FIELDS; f++)
        g_clear_object (&m->buffers[f]);
    }
  clear_rows_of (self, self->notes_group);

  self->loading = TRUE;
  for (guint i = 0; i < self->members->len; i++)
    {
      Member *m = g_ptr_array_index (self->members, i);
      const char *parts[IOP_MEMBER_NOTE_N_FIELDS];
      GtkWidget *expander;
      GtkWidget *box;
      g_autofree char *name = NULL;

      if (!iop_attendance_is_attending (m->attendance))
        continue;
      n++;
      name = iop_attendance_dup_full_name (m->attendance);
      parts[0] = iop_attendance_get_note_presentation (m->attendance);
      parts[1] = iop_attendance_get_note_participation (m->attendance);
      parts[2] = iop_attendance_get_note_response (m->attendance);
      parts[3] = iop_attendance_get_note_progress (m->attendance);
      parts[4] = iop_attendance_get_note_plan (m->attendance);

      expander = adw_expander_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), name);
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander),
                                     iop_attendance_status_label (iop_attendance_get_status (m->attendance)));
      m->note_row = ADW_EXPANDER_ROW (expander);

      box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 10);
      gtk_widget_set_margin_top (box, 12);
      gtk_widget_set_margin_bottom (box, 12);
      gtk_widget_set_margin_start (box, 12);
      gtk_widget_set_margin_end (box, 12);
      m->warning = GTK_LABEL (gtk_label_new (NULL));
      gtk_label_set_wrap (m->warning, TRUE);
      gtk_label_set_xalign (m->warning, 0);
      gtk_widget_add_css_class (GTK_WIDGET (m->warning), "warning");
      gtk_widget_set_visible (GTK_WIDGET (m->warning), FALSE);
      gtk_box_append (GTK_BOX (box), GTK_WIDGET (m->warning));
      for (guint f = 0; f < IOP_MEMBER_NOTE_N_FIELDS; f++)
        {
          m->buffers[f] = note_buffer ();
          set_text (m->buffers[f], parts[f]);
          g_signal_connect (m->buffers[f], "changed", G_CALLBACK (note_changed_cb), m);
          gtk_box_append (GTK_BOX (box), text_area (m->buffers[f], iop_member_note_field_label (f), editable));
        }
      gtk_box_append (GTK_BOX (box), goals_box (self, m));
      adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), box);
      group_add (self, self->notes_group, expander);
      mark_names (m);
      if (gtk_widget_get_visible (GTK_WIDGET (m->warning)))
        adw_expander_row_set_expanded (ADW_EXPANDER_ROW (expander), TRUE);
    }
  self->loading = FALSE;

  if (n == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Mark who attended to write their notes"));
      group_add (self, self->notes_group, row);
    }
}

static void
build_climate (IopSessionEditor *self)
{
  gboolean editable = is_editable (self);

  for (guint i = 0; i < IOP_N_CLIMATE; i++)
    {
      adw_combo_row_set_selected (self->climate_rows[i], (guint) (iop_session_get_climate (self->session, i) + 1));
      gtk_widget_set_sensitive (GTK_WIDGET (self->climate_rows[i]), editable);
    }
}

static void
build_history (IopSessionEditor *self)
{
  g_autoptr(GPtrArray) events = iop_store_list_session_events (self->store, iop_session_get_id (self->session), NULL);
  IopSession *s = self->session;
  guint n = 0;

  clear_rows_of (self, self->history_group);
  if (iop_session_get_signed_by (s) > 0 && iop_session_is_locked (s))
    {
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *subtitle = g_strdup_printf (_("Signed %s"), iop_session_get_signed_at (s));

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), iop_session_get_signed_by_name (s));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      group_add (self, self->history_group, row);
      n++;
    }
  for (guint i = 0; events != NULL && i < events->len; i++)
    {
      IopSessionEvent *event = g_ptr_array_index (events, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *title = NULL;

      if (g_strcmp0 (event->kind, "addendum") == 0)
        {
          Member *m = find_member (self, event->participant_id);
          g_autofree char *about = m != NULL ? iop_attendance_dup_short_name (m->attendance) : NULL;

          title = about != NULL ? g_strdup_printf (_("Addendum about %s by %s, %s"), about, event->author_name, event->at)
                                : g_strdup_printf (_("Addendum by %s, %s"), event->author_name, event->at);
        }
      else if (g_strcmp0 (event->kind, "cosign") == 0)
        title = g_strdup_printf (_("Co-signed by %s, %s"), event->author_name, event->at);
      else
        title = g_strdup_printf (_("Returned by %s, %s"), event->author_name, event->at);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), event->text);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
      group_add (self, self->history_group, row);
      n++;
    }
  if (n == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Not signed yet"));
      group_add (self, self->history_group, row);
    }
}

static void
update_actions (IopSessionEditor *self)
{
  const char *state = self->session != NULL ? iop_session_get_state (self->session) : "";
  gboolean have = self->session != NULL;
  gboolean editable = is_editable (self);
  gboolean cancelled = g_strcmp0 (state, "cancelled") == 0;
  g_autofree char *today = iop_date_today ();
  gboolean past = have && g_strcmp0 (iop_session_get_date (self->session), today) <= 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "session.sign", editable && past);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "session.cosign", g_strcmp0 (state, "signed") == 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "session.return", g_strcmp0 (state, "signed") == 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "session.addendum", have && iop_session_is_locked (self->session));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "session.print", have);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "session.export-pdf", have);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "session.member-copy", have && !cancelled && self->members->len > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "session.sign-in-sheet", have && !cancelled);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "session.cancel", editable);

  if (!have)
    gtk_widget_set_visible (GTK_WIDGET (self->notice_label), FALSE);
  else if (cancelled)
    {
      g_autofree char *text = g_strdup_printf (_("Cancelled: %s"), iop_session_get_cancel_reason (self->session));
      gtk_label_set_text (self->notice_label, text);
      gtk_widget_set_visible (GTK_WIDGET (self->notice_label), TRUE);
    }
  else if (iop_session_is_locked (self->session))
    {
      gtk_label_set_text (self->notice_label, _("Signed notes are locked. Changes are made with an addendum."));
      gtk_widget_set_visible (GTK_WIDGET (self->notice_label), TRUE);
    }
  else if (!past)
    {
      gtk_label_set_text (self->notice_label, _("This session has not happened yet. Attendance and notes can be recorded from its date."));
      gtk_widget_set_visible (GTK_WIDGET (self->notice_label), TRUE);
    }
  else
    gtk_widget_set_visible (GTK_WIDGET (self->notice_label), FALSE);
}

static void
reload (IopSessionEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) attendance = NULL;
  g_autofree char *date = NULL;
  gint64 id;
  gboolean editable;

  if (self->store == NULL || self->session == NULL)
    return;
  id = iop_session_get_id (self->session);

  /* drop pending saves of what is about to be rebuilt */
  for (guint i = 0; i < self->members->len; i++)
    {
      Member *m = g_ptr_array_index (self->members, i);

      g_clear_handle_id (&m->minutes_timeout, g_source_remove);
      g_clear_handle_id (&m->note_timeout, g_source_remove);
      for (guint f = 0; f < IOP_MEMBER_NOTE_N_FIELDS; f++)
        g_clear_object (&m->buffers[f]);
    }
  g_clear_handle_id (&self->shared_timeout, g_source_remove);
  g_clear_handle_id (&self->details_timeout, g_source_remove);

  {
    g_autoptr(IopSession) session = iop_store_get_session (self->store, id, &error);

    if (session == NULL)
      {
        show_error (self, _("Could Not Open the Session"), error);
        return;
      }
    g_set_object (&self->session, session);
  }
  attendance = iop_store_list_attendance (self->store, id, &error);
  g_clear_object (&self->guard);
  self->guard = iop_store_dup_session_name_guard (self->store, id, NULL);
  if (attendance == NULL || self->guard == NULL)
    {
      show_error (self, _("Could Not Open the Session"), error);
      return;
    }

  g_ptr_array_set_size (self->members, 0);
  for (guint i = 0; i < attendance->len; i++)
    {
      Member *m = g_new0 (Member, 1);

      m->editor = self;
      m->attendance = g_object_ref (g_ptr_array_index (attendance, i));
      m->participant_id = iop_attendance_get_participant_id (m->attendance);
      g_ptr_array_add (self->members, m);
    }

  self->loading = TRUE;
  editable = is_editable (self);
  date = iop_date_format (iop_session_get_date (self->session));
  g_free (self->title);
  self->title = g_strdup_printf ("%s · %s", iop_session_get_group_name (self->session), date);
  gtk_label_set_text (self->title_label, iop_session_get_group_name (self->session));
  update_subtitle (self);
  state_pill (self->state_label, iop_session_get_state (self->session));

  gtk_editable_set_text (GTK_EDITABLE (self->topic_row), iop_session_get_topic (self->session));
  gtk_editable_set_editable (GTK_EDITABLE (self->topic_row), editable);
  gtk_editable_set_text (GTK_EDITABLE (self->start_row), iop_session_get_start_time (self->session));
  gtk_editable_set_editable (GTK_EDITABLE (self->start_row), editable);
  gtk_widget_remove_css_class (GTK_WIDGET (self->start_row), "error");
  gtk_spin_button_set_value (self->duration_spin, iop_session_get_duration_minutes (self->session));
  gtk_widget_set_sensitive (GTK_WIDGET (self->duration_spin), editable);
  iop_staff_row_set_staff_id (self->facilitator_row, iop_session_get_facilitator_id (self->session));
  iop_staff_row_set_staff_id (self->co_facilitator_row, iop_session_get_co_facilitator_id (self->session));
  gtk_widget_set_sensitive (GTK_WIDGET (self->facilitator_row), editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->co_facilitator_row), editable);
  gtk_editable_set_text (GTK_EDITABLE (self->location_row), iop_session_get_location (self->session));
  gtk_editable_set_editable (GTK_EDITABLE (self->location_row), editable);

  set_text (self->interventions, iop_session_get_interventions (self->session));
  set_text (self->process, iop_session_get_group_process (self->session));
  build_shared (self);
  build_attendance (self);
  build_climate (self);
  self->loading = FALSE;
  rebuild_notes (self);
  build_history (self);
  update_actions (self);
  iop_cultural_panel_set_session (self->cultural_panel, id);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

/* actions */

static void
do_sign (IopSessionEditor *self,
         IopSignFlags      flags)
{
  g_autoptr(GError) error = NULL;

  if (!iop_store_sign_session (self->store, iop_session_get_id (self->session), flags, &error))
    {
      show_error (self, _("Could Not Sign"), error);
      return;
    }
  reload (self);
  iop_widget_add_toast (GTK_WIDGET (self), _("Session signed; its notes are now locked"));
}

/* One signature being asked about; each question dialog holds a reference. */
typedef struct {
  gatomicrefcount   ref_count;
  IopSessionEditor *self;
  IopSigningCheck  *check;
  IopSignFlags      flags;
} SignRequest;

static void sign_step (SignRequest *request);

static SignRequest *
sign_request_ref (SignRequest *request)
{
  g_atomic_ref_count_inc (&request->ref_count);
  return request;
}

static void
sign_request_unref (SignRequest *request)
{
  if (!g_atomic_ref_count_dec (&request->ref_count))
    return;
  g_object_unref (request->self);
  iop_signing_check_free (request->check);
  g_free (request);
}

static void
sign_response_cb (AdwMessageDialog *dialog,
                  const char       *response,
                  SignRequest      *request)
{
  /* a dialog answers once, even if closing it repeats its close response */
  if (g_object_get_data (G_OBJECT (dialog), "answered") != NULL)
    return;
  g_object_set_data (G_OBJECT (dialog), "answered", GINT_TO_POINTER (TRUE));

  if (g_strcmp0 (response, "keep-names") == 0)
    request->flags |= IOP_SIGN_ACCEPT_NAMES;
  else if (g_strcmp0 (response, "keep-similar") == 0)
    request->flags |= IOP_SIGN_ACCEPT_SIMILAR;
  else
    {
      /* back to the notes: open the first one that needs attention */
      IopSessionEditor *self = request->self;
      gint64 pid = request->check->names->len > 0
                   ? g_array_index (request->check->names, IopNameIssue, 0).participant_id
                   : request->check->similar->len > 0 ? g_array_index (request->check->similar, IopSimilarNotes, 0).a : 0;
      Member *m = find_member (self, pid);

      if (m != NULL && m->note_row != NULL)
        {
          adw_expander_row_set_expanded (m->note_row, TRUE);
          gtk_widget_grab_focus (GTK_WIDGET (m->note_row));
        }
      return;
    }
  sign_step (request);
}

static char *
member_label (IopSessionEditor *self,
              gint64            participant_id)
{
  Member *m = find_member (self, participant_id);

  return m != NULL ? iop_attendance_dup_full_name (m->attendance) : g_strdup ("");
}

static void
sign_step (SignRequest *request)
{
  IopSessionEditor *self = request->self;
  IopSigningCheck *check = request->check;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog;
  g_autoptr(GString) body = g_string_new (NULL);

  if (check->names->len > 0 && !(request->flags & IOP_SIGN_ACCEPT_NAMES))
    {
      for (guint i = 0; i < check->names->len; i++)
        {
          const IopNameIssue *issue = &g_array_index (check->names, IopNameIssue, i);
          g_autofree char *whose = member_label (self, issue->participant_id);

          g_string_append_printf (body, _("• %s’s note (%s): “%s”, the name of %s\n"), whose,
                                  iop_member_note_field_label (issue->field), issue->text,
                                  iop_name_guard_get_display_name (check->guard, issue->named_id));
        }
      g_string_append (body, _("\nA member’s record must not name other members. Keep these only if they are not about another member."));
      dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                       _("Notes Name Other Members"), body->str);
      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                        "review", _("_Review Notes"),
                                        "keep-names", _("_Keep and Continue"), NULL);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "keep-names",
                                                  ADW_RESPONSE_DESTRUCTIVE);
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "review");
      adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "review");
      g_signal_connect_data (dialog, "response", G_CALLBACK (sign_response_cb), sign_request_ref (request),
                             (GClosureNotify) (void (*) (void)) sign_request_unref, 0);
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }
  if (check->similar->len > 0 && !(request->flags & IOP_SIGN_ACCEPT_SIMILAR))
    {
      for (guint i = 0; i < check->similar->len; i++)
        {
          const IopSimilarNotes *pair = &g_array_index (check->similar, IopSimilarNotes, i);
          g_autofree char *a = member_label (self, pair->a);
          g_autofree char *b = member_label (self, pair->b);

          g_string_append_printf (body, _("• %s and %s: %.0f%% alike\n"), a, b, pair->similarity * 100);
        }
      g_string_append (body, _("\nIdentical notes are a leading reason claims are denied. Each note should describe its member."));
      dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                       _("Nearly Identical Notes"), body->str);
      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                        "review", _("_Edit Notes"),
                                        "keep-similar", _("_Sign Anyway"), NULL);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "keep-similar",
                                                  ADW_RESPONSE_DESTRUCTIVE);
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "review");
      adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "review");
      g_signal_connect_data (dialog, "response", G_CALLBACK (sign_response_cb), sign_request_ref (request),
                             (GClosureNotify) (void (*) (void)) sign_request_unref, 0);
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }
  do_sign (self, request->flags);
}

static void
sign_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  IopSessionEditor *self = IOP_SESSION_EDITOR (widget);
  g_autoptr(GError) error = NULL;
  SignRequest *request;
  IopSigningCheck *check;

  iop_session_editor_flush (self);
  check = iop_store_check_session_notes (self->store, iop_session_get_id (self->session), &error);
  if (check == NULL)
    {
      show_error (self, _("Could Not Sign"), error);
      return;
    }
  request = g_new0 (SignRequest, 1);
  g_atomic_ref_count_init (&request->ref_count);
  request->self = g_object_ref (self);
  request->check = check;
  sign_step (request);
  sign_request_unref (request);
}

static void
cosign_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  IopSessionEditor *self = IOP_SESSION_EDITOR (widget);
  g_autoptr(GError) error = NULL;

  if (!iop_store_cosign_session (self->store, iop_session_get_id (self->session), &error))
    {
      show_error (self, _("Could Not Co-sign"), error);
      return;
    }
  reload (self);
  iop_widget_add_toast (GTK_WIDGET (self), _("Session co-signed"));
}

/* A dialog with a text field; @func runs on @response and keeps the dialog
 * open with its message when it fails. */
typedef gboolean (*TextFunc) (IopSessionEditor  *self,
                              const char        *text,
                              gint64             participant_id,
                              GError           **error);

typedef struct {
  IopSessionEditor *self;
  GtkTextBuffer    *buffer;
  GtkDropDown      *about;          /* nullable: addendum about one member */
  GtkLabel         *error_label;
  TextFunc          func;
  char             *response;
} TextDialog;

static void
text_dialog_free (TextDialog *data)
{
  g_object_unref (data->self);
  g_object_unref (data->buffer);
  g_free (data->response);
  g_free (data);
}

static void
text_dialog_response_cb (AdwMessageDialog *dialog,
                         const char       *response,
                         TextDialog       *data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gint64 participant_id = 0;

  if (g_strcmp0 (response, data->response) != 0)
    return;
  text = text_of (data->buffer);
  if (data->about != NULL && gtk_drop_down_get_selected (data->about) > 0)
    {
      Member *m = g_ptr_array_index (data->self->members, gtk_drop_down_get_selected (data->about) - 1);
      participant_id = m->participant_id;
    }
  if (!data->func (data->self, text, participant_id, &error))
    {
      /* the dialog closes on any response: show the message again over the window */
      show_error (data->self, _("Not Saved"), error);
      return;
    }
  reload (data->self);
}

static void
text_dialog (IopSessionEditor *self,
             const char       *heading,
             const char       *body,
             const char       *response,
             const char       *response_label,
             gboolean          destructive,
             gboolean          with_member,
             TextFunc          func)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading, body);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkWidget *view = gtk_text_view_new ();
  TextDialog *data = g_new0 (TextDialog, 1);

  data->self = g_object_ref (self);
  data->buffer = g_object_ref (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)));
  data->func = func;
  data->response = g_strdup (response);

  if (with_member)
    {
      g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

      gtk_string_list_append (names, _("The whole session"));
      for (guint i = 0; i < self->members->len; i++)
        {
          Member *m = g_ptr_array_index (self->members, i);
          g_autofree char *name = iop_attendance_dup_full_name (m->attendance);

          gtk_string_list_append (names, name);
        }
      data->about = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (names)), NULL));
      gtk_accessible_update_property (GTK_ACCESSIBLE (data->about), GTK_ACCESSIBLE_PROPERTY_LABEL, _("About"), -1);
      gtk_box_append (GTK_BOX (box), GTK_WIDGET (data->about));
    }
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 6);
  gtk_widget_set_size_request (view, 320, 96);
  gtk_frame_set_child (GTK_FRAME (frame), view);
  gtk_box_append (GTK_BOX (box), frame);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), response, response_label, NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), response,
                                              destructive ? ADW_RESPONSE_DESTRUCTIVE : ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_data (dialog, "response", G_CALLBACK (text_dialog_response_cb), data,
                         (GClosureNotify) (void (*) (void)) text_dialog_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (view);
}

static gboolean
return_func (IopSessionEditor  *self,
             const char        *text,
             gint64             participant_id,
             GError           **error)
{
  return iop_store_return_session (self->store, iop_session_get_id (self->session), text, error);
}

static gboolean
addendum_func (IopSessionEditor  *self,
               const char        *text,
               gint64             participant_id,
               GError           **error)
{
  return iop_store_add_session_addendum (self->store, iop_session_get_id (self->session), participant_id, text, error);
}

static gboolean
cancel_func (IopSessionEditor  *self,
             const char        *text,
             gint64             participant_id,
             GError           **error)
{
  return iop_store_cancel_session (self->store, iop_session_get_id (self->session), text, error);
}

static void
return_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  text_dialog (IOP_SESSION_EDITOR (widget), _("Return the Session?"),
               _("It goes back to its author as a draft. Say what needs to change; the return is kept in the record."),
               "return", _("_Return"), FALSE, FALSE, return_func);
}

static void
addendum_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  text_dialog (IOP_SESSION_EDITOR (widget), _("Add an Addendum"),
               _("Signed notes do not change. An addendum is added with your name and the time, and cannot be removed."),
               "add", _("_Add Addendum"), FALSE, TRUE, addendum_func);
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  iop_session_editor_flush (IOP_SESSION_EDITOR (widget));
  text_dialog (IOP_SESSION_EDITOR (widget), _("Cancel the Session?"),
               _("Enter the reason the session did not take place."),
               "cancel-session", _("Cancel _Session"), TRUE, FALSE, cancel_func);
}

static char *
file_name (IopSessionEditor *self,
           const char       *what)
{
  g_autofree char *name = g_strdup_printf ("%s %s %s.pdf", iop_session_get_group_name (self->session),
                                           iop_session_get_date (self->session), what);

  return g_strdelimit (g_steal_pointer (&name), "/\\:", '-');
}

static void
output (IopSessionEditor *self,
        IopDocument      *doc,
        gboolean          to_pdf,
        const char       *what)
{
  if (to_pdf)
    {
      g_autofree char *name = file_name (self, what);
      iop_document_output_save_pdf (GTK_WIDGET (self), doc, name);
    }
  else
    iop_document_output_print (GTK_WIDGET (self), doc);
}

static void
summary_output (IopSessionEditor *self,
                gboolean          to_pdf)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *program = iop_document_output_program_name ();
  g_autoptr(IopDocument) doc = NULL;

  iop_session_editor_flush (self);
  doc = iop_session_summary_document (self->store, iop_session_get_id (self->session), program,
                                      iop_document_output_names (), &error);
  if (doc == NULL)
    show_error (self, _("Could Not Prepare the Summary"), error);
  else
    output (self, doc, to_pdf, _("summary"));
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  summary_output (IOP_SESSION_EDITOR (widget), FALSE);
}

static void
export_pdf_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  summary_output (IOP_SESSION_EDITOR (widget), TRUE);
}

typedef struct {
  IopSessionEditor *self;
  GtkDropDown      *member;       /* nullable: the sign-in sheet */
} OutputChoice;

static void
output_choice_free (OutputChoice *choice)
{
  g_object_unref (choice->self);
  g_free (choice);
}

/* The consent was chosen and the disclosure recorded: the copy carries the notice. */
static void
disclosed_cb (IopConsentChooser *chooser,
              gint64             consent_id,
              const char        *notice,
              IopSessionEditor  *self)
{
  gint64 participant_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (chooser), "participant-id"));
  const char *record = g_object_get_data (G_OBJECT (chooser), "record-number");
  g_autoptr(GError) error = NULL;
  g_autofree char *program = iop_document_output_program_name ();
  g_autoptr(IopDocument) doc = NULL;
  g_autofree char *what = NULL;

  doc = iop_session_member_copy_document (self->store, iop_session_get_id (self->session), participant_id,
                                          program, &error);
  if (doc == NULL)
    {
      show_error (self, _("Could Not Prepare the Document"), error);
      return;
    }
  iop_document_set_footer_notice (doc, notice);
  what = g_strdup_printf (_("copy for %s, disclosed"), record);
  output (self, doc, TRUE, what);
}

static void
output_choice_response_cb (AdwMessageDialog *dialog,
                           const char       *response,
                           OutputChoice     *choice)
{
  IopSessionEditor *self = choice->self;
  g_autoptr(GError) error = NULL;
  g_autofree char *program = iop_document_output_program_name ();
  g_autoptr(IopDocument) doc = NULL;
  gboolean to_pdf = g_strcmp0 (response, "pdf") == 0;
  g_autofree char *what = NULL;

  /* For someone outside the program: which consent it relies on, first. */
  if (g_strcmp0 (response, "disclose") == 0 && choice->member != NULL)
    {
      Member *m = g_ptr_array_index (self->members, gtk_drop_down_get_selected (choice->member));
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
      IopConsentChooser *chooser;

      iop_session_editor_flush (self);
      chooser = iop_consent_chooser_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->store,
                                         m->participant_id, _("member copy of a session summary"));
      g_object_set_data (G_OBJECT (chooser), "participant-id", GSIZE_TO_POINTER (m->participant_id));
      g_object_set_data_full (G_OBJECT (chooser), "record-number",
                              g_strdup (iop_attendance_get_record_number (m->attendance)), g_free);
      g_signal_connect_object (chooser, "disclosed", G_CALLBACK (disclosed_cb), self, 0);
      gtk_window_present (GTK_WINDOW (chooser));
      return;
    }
  if (!to_pdf && g_strcmp0 (response, "print") != 0)
    return;
  iop_session_editor_flush (self);
  if (choice->member != NULL)
    {
      Member *m = g_ptr_array_index (self->members, gtk_drop_down_get_selected (choice->member));

      doc = iop_session_member_copy_document (self->store, iop_session_get_id (self->session), m->participant_id,
                                              program, &error);
      what = g_strdup_printf (_("copy for %s"), iop_attendance_get_record_number (m->attendance));
    }
  else
    {
      doc = iop_session_sign_in_document (self->store, iop_session_get_id (self->session), program, &error);
      what = g_strdup (_("sign-in sheet"));
    }
  if (doc == NULL)
    show_error (self, _("Could Not Prepare the Document"), error);
  else
    output (self, doc, to_pdf, what);
}

static void
output_choice (IopSessionEditor *self,
               gboolean          member_copy)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog;
  OutputChoice *choice = g_new0 (OutputChoice, 1);

  choice->self = g_object_ref (self);
  if (member_copy)
    {
      g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

      dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, _("Member’s Copy"),
                                       _("Only this member’s attendance and note, with the group note. Other members’ names are replaced by “another group member”."));
      for (guint i = 0; i < self->members->len; i++)
        {
          Member *m = g_ptr_array_index (self->members, i);
          g_autofree char *name = iop_attendance_dup_full_name (m->attendance);

          gtk_string_list_append (names, name);
        }
      choice->member = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (names)), NULL));
      gtk_accessible_update_property (GTK_ACCESSIBLE (choice->member), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Member"), -1);
      adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), GTK_WIDGET (choice->member));
    }
  else
    dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, _("Sign-in Sheet"),
                                     _("Members are listed by preferred name and last initial, with room to sign."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "pdf", _("Save as _PDF…"), "print", _("_Print…"), NULL);
  /* A member's copy may go outside the program only under the member's consent. */
  if (member_copy)
    adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "disclose", _("For Someone _Outside…"));
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "print", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_data (dialog, "response", G_CALLBACK (output_choice_response_cb), choice,
                         (GClosureNotify) (void (*) (void)) output_choice_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
member_copy_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  output_choice (IOP_SESSION_EDITOR (widget), TRUE);
}

static void
sign_in_sheet_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  output_choice (IOP_SESSION_EDITOR (widget), FALSE);
}

/* GObject vfuncs */

static void
iop_session_editor_dispose (GObject *object)
{
  IopSessionEditor *self = IOP_SESSION_EDITOR (object);

  g_clear_handle_id (&self->shared_timeout, g_source_remove);
  g_clear_handle_id (&self->details_timeout, g_source_remove);
  g_clear_pointer (&self->members, g_ptr_array_unref);
  g_clear_pointer (&self->dynamic_rows, g_ptr_array_unref);
  g_clear_object (&self->session);
  g_clear_object (&self->guard);
  g_clear_object (&self->store);
  g_clear_object (&self->interventions);
  g_clear_object (&self->process);

  G_OBJECT_CLASS (iop_session_editor_parent_class)->dispose (object);
}

static void
iop_session_editor_finalize (GObject *object)
{
  IopSessionEditor *self = IOP_SESSION_EDITOR (object);

  g_free (self->title);

  G_OBJECT_CLASS (iop_session_editor_parent_class)->finalize (object);
}

static void
iop_session_editor_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  IopSessionEditor *self = IOP_SESSION_EDITOR (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
iop_session_editor_class_init (IopSessionEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = iop_session_editor_dispose;
  object_class->finalize = iop_session_editor_finalize;
  object_class->get_property = iop_session_editor_get_property;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (IOP_TYPE_CULTURAL_PANEL);
  g_type_ensure (IOP_TYPE_STAFF_ROW);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/iop/iop-session-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, IopSessionEditor, scroller);
  gtk_widget_class_bind_template_child (widget_class, IopSessionEditor, title_label);
  gtk_widget_class_bind_template_child (widget_class, IopSessionEditor, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, IopSessionEditor, state_label);
  gtk_widget_class_bind_template_child (widget_class, IopSessionEditor, notice_label);
  gtk_widget_class_bind_template_child (widget_class, IopSessionEditor, details_group);
  gtk_widget_class_bind_template_child (widget_class, IopSessionEditor, topic_row);
  gtk_widget_class_bind_template_child (widget_class, IopSessionEditor, start_row);
  gtk_widget_class_bind_template_child (widget_class, IopSessionEditor, duration_spin);
  gtk_widget_class_bind_template_child (widget_class, IopSessionEditor, facilitator_row);
  gtk_widget_class_bind_template_child (widget_class, IopSessionEditor, co_facilitator_row);
  gtk_widget_class_bind_template_child (widget_class, IopSessionEditor, location_row);
  gtk_widget_class_bind_template_child (widget_class, IopSessionEditor, attendance_group);
  gtk_widget_class_bind_template_child (widget_class, IopSessionEditor, cultural_panel);
  gtk_widget_class_bind_template_child (widget_class, IopSessionEditor, shared_group);
  gtk_widget_class_bind_template_child (widget_class, IopSessionEditor, climate_group);
  gtk_widget_class_bind_template_child (widget_class, IopSessionEditor, notes_group);
  gtk_widget_class_bind_template_child (widget_class, IopSessionEditor, history_group);

  gtk_widget_class_install_action (widget_class, "session.sign", NULL, sign_action);
  gtk_widget_class_install_action (widget_class, "session.cosign", NULL, cosign_action);
  gtk_widget_class_install_action (widget_class, "session.return", NULL, return_action);
  gtk_widget_class_install_action (widget_class, "session.addendum", NULL, addendum_action);
  gtk_widget_class_install_action (widget_class, "session.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "session.export-pdf", NULL, export_pdf_action);
  gtk_widget_class_install_action (widget_class, "session.member-copy", NULL, member_copy_action);
  gtk_widget_class_install_action (widget_class, "session.sign-in-sheet", NULL, sign_in_sheet_action);
  gtk_widget_class_install_action (widget_class, "session.cancel", NULL, cancel_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "session.print", NULL);
}

static void
iop_session_editor_init (IopSessionEditor *self)
{
  g_autoptr(GtkStringList) values = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  self->members = g_ptr_array_new_with_free_func (member_free);
  self->dynamic_rows = g_ptr_array_new ();
  self->interventions = gtk_text_buffer_new (NULL);
  self->process = note_buffer ();

  for (int v = -1; v <= IOP_CLIMATE_MAX; v++)
    gtk_string_list_append (values, iop_climate_value_label (v));
  for (guint i = 0; i < IOP_N_CLIMATE; i++)
    {
      AdwComboRow *row = ADW_COMBO_ROW (adw_combo_row_new ());

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), iop_climate_label (i));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), iop_climate_description (i));
      adw_combo_row_set_model (row, G_LIST_MODEL (values));
      g_signal_connect_object (row, "notify::selected", G_CALLBACK (climate_changed_cb), self, G_CONNECT_SWAPPED);
      adw_preferences_group_add (self->climate_group, GTK_WIDGET (row));
      self->climate_rows[i] = row;
    }

  g_signal_connect_object (self->topic_row, "changed", G_CALLBACK (shared_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->location_row, "changed", G_CALLBACK (details_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->start_row, "changed", G_CALLBACK (details_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->duration_spin, "value-changed", G_CALLBACK (details_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->facilitator_row, "notify::selected", G_CALLBACK (details_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->co_facilitator_row, "notify::selected", G_CALLBACK (details_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->interventions, "changed", G_CALLBACK (shared_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->process, "changed", G_CALLBACK (shared_changed_cb), self, G_CONNECT_SWAPPED);
  update_actions (self);
}

/* public API */

GtkWidget *
iop_session_editor_new (IopStore *store)
{
  IopSessionEditor *self = g_object_new (IOP_TYPE_SESSION_EDITOR, NULL);

  iop_session_editor_set_store (self, store);
  return GTK_WIDGET (self);
}

void
iop_session_editor_set_store (IopSessionEditor *self,
                              IopStore         *store)
{
  g_return_if_fail (IOP_IS_SESSION_EDITOR (self));

  g_set_object (&self->store, store);
  iop_cultural_panel_set_store (self->cultural_panel, store);
  iop_staff_row_set_store (self->facilitator_row, store);
  iop_staff_row_set_store (self->co_facilitator_row, store);
}

/**
 * iop_session_editor_set_session_id:
 * @self: an #IopSessionEditor
 * @session_id: the session to show
 *
 * Shows the session; what was pending for the previous one is saved first.
 */
void
iop_session_editor_set_session_id (IopSessionEditor *self,
                                   gint64            session_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IopSession) session = NULL;

  g_return_if_fail (IOP_IS_SESSION_EDITOR (self));
  g_return_if_fail (self->store != NULL);

  iop_session_editor_flush (self);
  session = iop_store_get_session (self->store, session_id, &error);
  if (session == NULL)
    {
      show_error (self, _("Could Not Open the Session"), error);
      return;
    }
  g_set_object (&self->session, session);
  /* the record was opened: that is in the audit log */
  iop_store_audit (self->store, "view", IOP_KIND_SESSION, session_id, 0, NULL, NULL);
  reload (self);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
}

gint64
iop_session_editor_get_session_id (IopSessionEditor *self)
{
  g_return_val_if_fail (IOP_IS_SESSION_EDITOR (self), 0);
  return self->session != NULL ? iop_session_get_id (self->session) : 0;
}

/**
 * iop_session_editor_get_session:
 *
 * Returns: (transfer none) (nullable): the session as last read
 */
IopSession *
iop_session_editor_get_session (IopSessionEditor *self)
{
  g_return_val_if_fail (IOP_IS_SESSION_EDITOR (self), NULL);
  return self->session;
}

const char *
iop_session_editor_get_title (IopSessionEditor *self)
{
  g_return_val_if_fail (IOP_IS_SESSION_EDITOR (self), NULL);
  return self->title;
}

/**
 * iop_session_editor_flush:
 *
 * Saves what is still waiting for the typing pause.
 */
void
iop_session_editor_flush (IopSessionEditor *self)
{
  gboolean saved = FALSE;

  g_return_if_fail (IOP_IS_SESSION_EDITOR (self));

  if (self->session == NULL)
    return;
  if (self->details_timeout != 0)
    {
      save_details (self);
      saved = TRUE;
    }
  if (self->shared_timeout != 0)
    {
      save_shared (self);
      saved = TRUE;
    }
  for (guint i = 0; i < self->members->len; i++)
    {
      Member *m = g_ptr_array_index (self->members, i);

      if (m->minutes_timeout != 0)
        {
          g_clear_handle_id (&m->minutes_timeout, g_source_remove);
          save_attendance (self, m);
          saved = TRUE;
        }
      if (m->note_timeout != 0)
        {
          save_note (self, m);
          saved = TRUE;
        }
    }
  if (saved)
    refresh_session (self);
}

GtkDropDown *
iop_session_editor_get_status_dropdown (IopSessionEditor *self,
                                        gint64            participant_id)
{
  Member *m = find_member (self, participant_id);

  return m != NULL ? m->status : NULL;
}

GtkSpinButton *
iop_session_editor_get_minutes_spin (IopSessionEditor *self,
                                     gint64            participant_id)
{
  Member *m = find_member (self, participant_id);

  return m != NULL ? m->minutes : NULL;
}

GtkDropDown *
iop_session_editor_get_participation_dropdown (IopSessionEditor *self,
                                               gint64            participant_id)
{
  Member *m = find_member (self, participant_id);

  return m != NULL ? m->participation : NULL;
}

GtkTextBuffer *
iop_session_editor_get_note_buffer (IopSessionEditor *self,
                                    gint64            participant_id,
                                    guint             field)
{
  Member *m = find_member (self, participant_id);

  g_return_val_if_fail (field < IOP_MEMBER_NOTE_N_FIELDS, NULL);
  return m != NULL ? m->buffers[field] : NULL;
}

GtkLabel *
iop_session_editor_get_name_warning (IopSessionEditor *self,
                                     gint64            participant_id)
{
  Member *m = find_member (self, participant_id);

  return m != NULL ? m->warning : NULL;
}

GtkTextBuffer *
iop_session_editor_get_interventions_buffer (IopSessionEditor *self)
{
  return self->interventions;
}

GtkTextBuffer *
iop_session_editor_get_process_buffer (IopSessionEditor *self)
{
  return self->process;
}

GtkEditable *
iop_session_editor_get_topic_editable (IopSessionEditor *self)
{
  return GTK_EDITABLE (self->topic_row);
}

GtkEditable *
iop_session_editor_get_location_editable (IopSessionEditor *self)
{
  return GTK_EDITABLE (self->location_row);
}

GtkEditable *
iop_session_editor_get_start_editable (IopSessionEditor *self)
{
  return GTK_EDITABLE (self->start_row);
}

GtkSpinButton *
iop_session_editor_get_duration_spin (IopSessionEditor *self)
{
  return self->duration_spin;
}

IopStaffRow *
iop_session_editor_get_facilitator_row (IopSessionEditor *self,
                                        gboolean          co)
{
  return co ? self->co_facilitator_row : self->facilitator_row;
}

AdwComboRow *
iop_session_editor_get_climate_row (IopSessionEditor *self,
                                    IopClimate        which)
{
  g_return_val_if_fail (which < IOP_N_CLIMATE, NULL);
  return self->climate_rows[which];
}

const char *
iop_session_editor_get_state_text (IopSessionEditor *self)
{
  return gtk_label_get_text (self->state_label);
}
