/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "iop-participant-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "iop-date.h"
#include "iop-participant-editor.h"
#include "iop-staff-row.h"
#include "iop-store-people.h"
#include "iop-window.h"

struct _IopParticipantEditor
{
  AdwWindow          parent_instance;

  /* template widgets */
  AdwWindowTitle    *window_title;
  GtkScrolledWindow *scroller;
  GtkLabel          *error_label;
  AdwEntryRow       *record_number_row;
  AdwEntryRow       *first_name_row;
  AdwEntryRow       *last_name_row;
  AdwEntryRow       *preferred_name_row;
  AdwEntryRow       *pronouns_row;
  AdwEntryRow       *date_of_birth_row;
  AdwEntryRow       *language_row;
  AdwComboRow       *level_row;
  AdwEntryRow       *admission_row;
  AdwComboRow       *status_row;
  AdwEntryRow       *discharge_date_row;
  AdwEntryRow       *discharge_reason_row;
  IopStaffRow       *counselor_row;
  AdwEntryRow       *diagnoses_row;
  GtkSwitch         *co_occurring_switch;
  AdwEntryRow       *phone_row;
  AdwEntryRow       *email_row;
  AdwEntryRow       *address_row;
  AdwEntryRow       *emergency_name_row;
  AdwEntryRow       *emergency_phone_row;
  AdwEntryRow       *emergency_relationship_row;

  /* owned */
  IopStore          *store;
  IopParticipant    *participant;   /* a copy being edited; id 0 when new */
};

G_DEFINE_FINAL_TYPE (IopParticipantEditor, iop_participant_editor, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The text fields, by the participant's property name and the row's offset in the struct. */
static const struct {
  const char *property;
  gsize       offset;
} text_fields[] = {
  { "record-number", G_STRUCT_OFFSET (IopParticipantEditor, record_number_row) },
  { "first-name", G_STRUCT_OFFSET (IopParticipantEditor, first_name_row) },
  { "last-name", G_STRUCT_OFFSET (IopParticipantEditor, last_name_row) },
  { "preferred-name", G_STRUCT_OFFSET (IopParticipantEditor, preferred_name_row) },
  { "pronouns", G_STRUCT_OFFSET (IopParticipantEditor, pronouns_row) },
  { "date-of-birth", G_STRUCT_OFFSET (IopParticipantEditor, date_of_birth_row) },
  { "primary-language", G_STRUCT_OFFSET (IopParticipantEditor, language_row) },
  { "admission-date", G_STRUCT_OFFSET (IopParticipantEditor, admission_row) },
  { "discharge-date", G_STRUCT_OFFSET (IopParticipantEditor, discharge_date_row) },
  { "discharge-reason", G_STRUCT_OFFSET (IopParticipantEditor, discharge_reason_row) },
  { "diagnoses", G_STRUCT_OFFSET (IopParticipantEditor, diagnoses_row) },
  { "phone", G_STRUCT_OFFSET (IopParticipantEditor, phone_row) },
  { "email", G_STRUCT_OFFSET (IopParticipantEditor, email_row) },
  { "address", G_STRUCT_OFFSET (IopParticipantEditor, address_row) },
  { "emergency-name", G_STRUCT_OFFSET (IopParticipantEditor, emergency_name_row) },
  { "emergency-phone", G_STRUCT_OFFSET (IopParticipantEditor, emergency_phone_row) },
  { "emergency-relationship", G_STRUCT_OFFSET (IopParticipantEditor, emergency_relationship_row) },
};

#define FIELD_ROW(self, i) (*(AdwEntryRow **) G_STRUCT_MEMBER_P ((self), text_fields[i].offset))

static int
index_of (const char * const *values,
          const char         *value)
{
  for (int i = 0; values[i] != NULL; i++)
    if (g_strcmp0 (values[i], value) == 0)
      return i;
  return 0;
}

static void
show_error (IopParticipantEditor *self,
            const char           *message)
{
  GtkAdjustment *vadj = gtk_scrolled_window_get_vadjustment (self->scroller);

  gtk_label_set_text (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
  gtk_adjustment_set_value (vadj, gtk_adjustment_get_lower (vadj));
}

static void
status_changed_cb (IopParticipantEditor *self)
{
  const char * const *statuses = iop_participant_status_values ();
  guint status = adw_combo_row_get_selected (self->status_row);
  gboolean discharged = status < g_strv_length ((char **) statuses)
                        && g_strcmp0 (statuses[status], "discharged") == 0;

  gtk_widget_set_visible (GTK_WIDGET (self->discharge_date_row), discharged);
  gtk_widget_set_visible (GTK_WIDGET (self->discharge_reason_row), discharged);
}

static void
form_to_participant (IopParticipantEditor *self,
                     IopParticipant       *participant)
{
  const char * const *levels = iop_level_of_care_values ();
  const char * const *statuses = iop_participant_status_values ();
  guint level = adw_combo_row_get_selected (self->level_row);
  guint status = adw_combo_row_get_selected (self->status_row);
  gboolean discharged = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (text_fields); i++)
    {
      g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (FIELD_ROW (self, i))))) ;

      g_object_set (participant, text_fields[i].property, *text ? text : NULL, NULL);
    }

  if (level < g_strv_length ((char **) levels))
    iop_participant_set_level_of_care (participant, levels[level]);
  if (status < g_strv_length ((char **) statuses))
    {
      iop_participant_set_status (participant, statuses[status]);
      discharged = g_strcmp0 (statuses[status], "discharged") == 0;
    }
  if (!discharged)
    {
      /* Hidden rows do not count: only a discharged participant has these. */
      iop_participant_set_discharge_date (participant, NULL);
      iop_participant_set_discharge_reason (participant, NULL);
    }
  iop_participant_set_primary_counselor_id (participant, iop_staff_row_get_staff_id (self->counselor_row));
  iop_participant_set_co_occurring (participant, gtk_switch_get_active (self->co_occurring_switch));
}

static void
participant_to_form (IopParticipantEditor *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (text_fields); i++)
    {
      g_autofree char *text = NULL;

      g_object_get (self->participant, text_fields[i].property, &text, NULL);
      gtk_editable_set_text (GTK_EDITABLE (FIELD_ROW (self, i)), text != NULL ? text : "");
    }

  adw_combo_row_set_selected (self->level_row, index_of (iop_level_of_care_values (),
                                                         iop_participant_get_level_of_care (self->participant)));
  adw_combo_row_set_selected (self->status_row, index_of (iop_participant_status_values (),
                                                          iop_participant_get_status (self->participant)));
  iop_staff_row_set_staff_id (self->counselor_row, iop_participant_get_primary_counselor_id (self->participant));
  gtk_switch_set_active (self->co_occurring_switch, iop_participant_get_co_occurring (self->participant));
  status_changed_cb (self);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  IopParticipantEditor *self = IOP_PARTICIPANT_EDITOR (widget);
  g_autoptr(IopParticipant) participant = iop_participant_copy (self->participant);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;
  gboolean is_new = iop_participant_get_id (participant) == 0;
  gboolean ok;

  form_to_participant (self, participant);

  if (is_new)
    ok = iop_store_add_participant (self->store, participant, &error);
  else
    ok = iop_store_update_participant (self->store, participant, &error);

  if (!ok)
    {
      /* The form keeps everything typed; nothing was written. */
      show_error (self, error->message);
      return;
    }

  g_set_object (&self->participant, participant);
  g_signal_emit (self, signals[SAVED], 0, iop_participant_get_id (participant));

  name = iop_participant_dup_display_name (participant);
  message = g_strdup_printf (is_new ? _("Added %s") : _("Saved %s"), name);
  iop_widget_add_toast (widget, message);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
iop_participant_editor_dispose (GObject *object)
{
  IopParticipantEditor *self = IOP_PARTICIPANT_EDITOR (object);

  g_clear_object (&self->store);
  g_clear_object (&self->participant);

  G_OBJECT_CLASS (iop_participant_editor_parent_class)->dispose (object);
}

static void
iop_participant_editor_class_init (IopParticipantEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = iop_participant_editor_dispose;

  /**
   * IopParticipantEditor::saved:
   * @participant_id: the saved participant's id
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  g_type_ensure (IOP_TYPE_STAFF_ROW);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/iop/iop-participant-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, IopParticipantEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, IopParticipantEditor, scroller);
  gtk_widget_class_bind_template_child (widget_class, IopParticipantEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, IopParticipantEditor, record_number_row);
  gtk_widget_class_bind_template_child (widget_class, IopParticipantEditor, first_name_row);
  gtk_widget_class_bind_template_child (widget_class, IopParticipantEditor, last_name_row);
  gtk_widget_class_bind_template_child (widget_class, IopParticipantEditor, preferred_name_row);
  gtk_widget_class_bind_template_child (widget_class, IopParticipantEditor, pronouns_row);
  gtk_widget_class_bind_template_child (widget_class, IopParticipantEditor, date_of_birth_row);
  gtk_widget_class_bind_template_child (widget_class, IopParticipantEditor, language_row);
  gtk_widget_class_bind_template_child (widget_class, IopParticipantEditor, level_row);
  gtk_widget_class_bind_template_child (widget_class, IopParticipantEditor, admission_row);
  gtk_widget_class_bind_template_child (widget_class, IopParticipantEditor, status_row);
  gtk_widget_class_bind_template_child (widget_class, IopParticipantEditor, discharge_date_row);
  gtk_widget_class_bind_template_child (widget_class, IopParticipantEditor, discharge_reason_row);
  gtk_widget_class_bind_template_child (widget_class, IopParticipantEditor, counselor_row);
  gtk_widget_class_bind_template_child (widget_class, IopParticipantEditor, diagnoses_row);
  gtk_widget_class_bind_template_child (widget_class, IopParticipantEditor, co_occurring_switch);
  gtk_widget_class_bind_template_child (widget_class, IopParticipantEditor, phone_row);
  gtk_widget_class_bind_template_child (widget_class, IopParticipantEditor, email_row);
  gtk_widget_class_bind_template_child (widget_class, IopParticipantEditor, address_row);
  gtk_widget_class_bind_template_child (widget_class, IopParticipantEditor, emergency_name_row);
  gtk_widget_class_bind_template_child (widget_class, IopParticipantEditor, emergency_phone_row);
  gtk_widget_class_bind_template_child (widget_class, IopParticipantEditor, emergency_relationship_row);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);
}

static void
iop_participant_editor_init (IopParticipantEditor *self)
{
  g_autoptr(GtkStringList) levels = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);
  const char * const *values;

  gtk_widget_init_template (GTK_WIDGET (self));

  values = iop_level_of_care_values ();
  for (guint i = 0; values[i] != NULL; i++)
    gtk_string_list_append (levels, iop_level_of_care_label (values[i]));
  adw_combo_row_set_model (self->level_row, G_LIST_MODEL (levels));

  values = iop_participant_status_values ();
  for (guint i = 0; values[i] != NULL; i++)
    gtk_string_list_append (statuses, iop_participant_status_label (values[i]));
  adw_combo_row_set_model (self->status_row, G_LIST_MODEL (statuses));

  g_signal_connect_object (self->status_row, "notify::selected", G_CALLBACK (status_changed_cb),
                           self, G_CONNECT_SWAPPED);
}

/**
 * iop_participant_editor_new:
 * @store: the store to save into
 * @participant: (nullable): the participant to edit, or %NULL for a new one
 *
 * Returns: (transfer none): the editor window, not yet shown
 */
IopParticipantEditor *
iop_participant_editor_new (IopStore       *store,
                            IopParticipant *participant)
{
  IopParticipantEditor *self;
  const char *title = participant != NULL ? _("Edit Participant") : _("New Participant");

  g_return_val_if_fail (IOP_IS_STORE (store), NULL);
  g_return_val_if_fail (participant == NULL || IOP_IS_PARTICIPANT (participant), NULL);

  self = g_object_new (IOP_TYPE_PARTICIPANT_EDITOR, "title", title, NULL);
  self->store = g_object_ref (store);
  iop_staff_row_set_store (self->counselor_row, store);

  if (participant != NULL)
    self->participant = iop_participant_copy (participant);
  else
    {
      g_autofree char *today = iop_date_today ();

      self->participant = iop_participant_new ();
      iop_participant_set_admission_date (self->participant, today);
      iop_participant_set_primary_language (self->participant, _("English"));
    }

  participant_to_form (self);
  adw_window_title_set_title (self->window_title, title);
  if (participant != NULL)
    {
      g_autofree char *name = iop_participant_dup_display_name (participant);
      adw_window_title_set_subtitle (self->window_title, name);
    }
  gtk_widget_grab_focus (GTK_WIDGET (participant != NULL ? self->first_name_row : self->record_number_row));
  return self;
}

AdwEntryRow *
iop_participant_editor_get_row (IopParticipantEditor *self,
                                const char           *field)
{
  g_return_val_if_fail (IOP_IS_PARTICIPANT_EDITOR (self), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (text_fields); i++)
    if (g_strcmp0 (text_fields[i].property, field) == 0)
      return FIELD_ROW (self, i);
  g_return_val_if_reached (NULL);
}

AdwComboRow *
iop_participant_editor_get_level_row (IopParticipantEditor *self)
{
  g_return_val_if_fail (IOP_IS_PARTICIPANT_EDITOR (self), NULL);
  return self->level_row;
}

AdwComboRow *
iop_participant_editor_get_status_row (IopParticipantEditor *self)
{
  g_return_val_if_fail (IOP_IS_PARTICIPANT_EDITOR (self), NULL);
  return self->status_row;
}

GtkLabel *
iop_participant_editor_get_error_label (IopParticipantEditor *self)
{
  g_return_val_if_fail (IOP_IS_PARTICIPANT_EDITOR (self), NULL);
  return self->error_label;
}
