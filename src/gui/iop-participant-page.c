/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "iop-participant-page"

#include "config.h"

#include <glib/gi18n.h>

#include "iop-cultural-profile-section.h"
#include "iop-date.h"
#include "iop-measures-section.h"
#include "iop-participant-editor.h"
#include "iop-consents-section.h"
#include "iop-initials.h"
#include "iop-participant-page.h"
#include "iop-hours-section.h"
#include "iop-participant-row.h"
#include "iop-plan-exchange-section.h"
#include "iop-plan-section.h"
#include "iop-reason-dialog.h"
#include "iop-store-people.h"
#include "iop-window.h"

struct _IopParticipantPage
{
  AdwBin          parent_instance;

  /* template widgets */
  GtkBox         *sections_box;
  GtkLabel       *avatar;
  GtkLabel       *name_label;
  GtkLabel       *summary_label;
  GtkLabel       *status_label;
  AdwActionRow   *level_row;
  AdwActionRow   *status_row;
  AdwActionRow   *admission_row;
  AdwActionRow   *discharge_row;
  AdwActionRow   *counselor_row;
  AdwActionRow   *diagnoses_row;
  AdwActionRow   *co_occurring_row;
  AdwActionRow   *birth_row;
  AdwActionRow   *language_row;
  AdwActionRow   *phone_row;
  AdwActionRow   *email_row;
  AdwActionRow   *address_row;
  AdwActionRow   *emergency_row;
  GtkListBox     *groups_list;

  /* borrowed */
  const char     *status_style;

  /* owned */
  IopStore       *store;
  IopParticipant *participant;
  GListStore     *enrollments;
  gint64          participant_id;
};

G_DEFINE_FINAL_TYPE (IopParticipantPage, iop_participant_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  PROP_PARTICIPANT_ID,
  PROP_TITLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  IopStore *store;
  gint64    participant_id;
} DischargeData;

static void
discharge_data_free (gpointer data)
{
  DischargeData *discharge = data;

  g_clear_object (&discharge->store);
  g_free (discharge);
}

static void
set_value (AdwActionRow *row,
           const char   *value)
{
  adw_action_row_set_subtitle (row, value != NULL && *value ? value : _("Not recorded"));
}

static void
set_date (AdwActionRow *row,
          const char   *iso)
{
  g_autofree char *text = iso != NULL && *iso ? iop_date_format (iso) : NULL;

  set_value (row, text);
}

static void
update_details (IopParticipantPage *self)
{
  IopParticipant *p = self->participant;
  g_autofree char *name = iop_participant_dup_display_name (p);
  g_autofree char *summary = NULL;
  g_autofree char *counselor = NULL;
  g_autofree char *emergency = NULL;
  const char *pronouns = iop_participant_get_pronouns (p);
  const char *preferred = iop_participant_get_preferred_name (p);
  const char *status = iop_participant_get_status (p);
  gint64 counselor_id = iop_participant_get_primary_counselor_id (p);

  iop_initials_set (self->avatar, name);
  gtk_label_set_text (self->name_label, name);

  if (pronouns != NULL && *pronouns)
    summary = g_strdup_printf (_("%s · Record %s"), pronouns, iop_participant_get_record_number (p));
  else
    summary = g_strdup_printf (_("Record %s"), iop_participant_get_record_number (p));
  if (preferred != NULL && *preferred)
    {
      /* Translators: the summary, then the participant's legal name */
      g_autofree char *with_legal = g_strdup_printf (_("%s · Legal name %s %s"), summary,
                                                     iop_participant_get_first_name (p),
                                                     iop_participant_get_last_name (p));
      g_free (summary);
      summary = g_steal_pointer (&with_legal);
    }
  gtk_label_set_text (self->summary_label, summary);

  gtk_label_set_text (self->status_label, iop_participant_status_label (status));
  if (self->status_style != NULL)
    gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), self->status_style);
  self->status_style = iop_participant_status_style (status);
  if (self->status_style != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->status_label), self->status_style);

  set_value (self->level_row, iop_level_of_care_label (iop_participant_get_level_of_care (p)));
  set_value (self->status_row, iop_participant_status_label (status));
  set_date (self->admission_row, iop_participant_get_admission_date (p));

  if (iop_participant_get_discharge_date (p) != NULL && *iop_participant_get_discharge_date (p))
    {
      g_autofree char *date = iop_date_format (iop_participant_get_discharge_date (p));
      const char *reason = iop_participant_get_discharge_reason (p);
      g_autofree char *text = reason != NULL && *reason ? g_strdup_printf (_("%s: %s"), date, reason)
                                                        : g_strdup (date);

      set_value (self->discharge_row, text);
      gtk_widget_set_visible (GTK_WIDGET (self->discharge_row), TRUE);
    }
  else
    gtk_widget_set_visible (GTK_WIDGET (self->discharge_row), FALSE);

  if (counselor_id > 0)
    {
      g_autoptr(IopStaff) staff = iop_store_get_staff (self->store, counselor_id, NULL);

      if (staff != NULL)
        counselor = g_strdup (iop_staff_get_full_name (staff));
    }
  adw_action_row_set_subtitle (self->counselor_row, counselor != NULL ? counselor : _("Not assigned"));
  set_value (self->diagnoses_row, iop_participant_get_diagnoses (p));
  adw_action_row_set_subtitle (self->co_occurring_row, iop_participant_get_co_occurring (p) ? _("Yes") : _("No"));

  set_date (self->birth_row, iop_participant_get_date_of_birth (p));
  set_value (self->language_row, iop_participant_get_primary_language (p));
  set_value (self->phone_row, iop_participant_get_phone (p));
  set_value (self->email_row, iop_participant_get_email (p));
  set_value (self->address_row, iop_participant_get_address (p));

  if (iop_participant_get_emergency_name (p) != NULL && *iop_participant_get_emergency_name (p))
    {
      GString *text = g_string_new (iop_participant_get_emergency_name (p));
      const char *relationship = iop_participant_get_emergency_relationship (p);
      const char *phone = iop_participant_get_emergency_phone (p);

      if (relationship != NULL && *relationship)
        g_string_append_printf (text, " (%s)", relationship);
      if (phone != NULL && *phone)
        g_string_append_printf (text, " · %s", phone);
      emergency = g_string_free (text, FALSE);
    }
  set_value (self->emergency_row, emergency);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "participant.discharge",
                                 g_strcmp0 (status, "discharged") != 0);
}

static void
reload (IopParticipantPage *self)
{
  g_autoptr(IopParticipant) participant = NULL;
  g_autoptr(GPtrArray) enrollments = NULL;
  g_autoptr(GError) error = NULL;

  if (self->store == NULL || self->participant_id <= 0)
    return;

  participant = iop_store_get_participant (self->store, self->participant_id, &error);
  if (participant == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Could not open the participant’s record: %s"), error->message);
      iop_widget_add_toast (GTK_WIDGET (self), message);
      return;
    }
  g_set_object (&self->participant, participant);

  enrollments = iop_store_list_participant_enrollments (self->store, self->participant_id, NULL);
  g_list_store_splice (self->enrollments, 0, g_list_model_get_n_items (G_LIST_MODEL (self->enrollments)),
                       enrollments != NULL ? enrollments->pdata : NULL, enrollments != NULL ? enrollments->len : 0);

  update_details (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

static void
store_changed_cb (IopParticipantPage *self,
                  const char         *kind)
{
  if (g_strcmp0 (kind, IOP_KIND_PARTICIPANT) == 0
      || g_strcmp0 (kind, IOP_KIND_ENROLLMENT) == 0
      || g_strcmp0 (kind, IOP_KIND_GROUP) == 0
      || g_strcmp0 (kind, IOP_KIND_STAFF) == 0)
    reload (self);
}

static GtkWidget *
create_group_row (gpointer item,
                  gpointer user_data)
{
  IopEnrollment *enrollment = item;
  g_autofree char *joined = iop_date_format (iop_enrollment_get_joined (enrollment));
  g_autofree char *subtitle = NULL;
  const char *left_on = iop_enrollment_get_left_on (enrollment);
  const char *reason = iop_enrollment_get_reason (enrollment);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *arrow = gtk_image_new_from_icon_name ("go-next-symbolic");

  if (left_on != NULL && *left_on)
    {
      g_autofree char *left = iop_date_format (left_on);

      if (reason != NULL && *reason)
        subtitle = g_strdup_printf (_("Joined %s · Left %s: %s"), joined, left, reason);
      else
        subtitle = g_strdup_printf (_("Joined %s · Left %s"), joined, left);
    }
  else
    subtitle = g_strdup_printf (_("Joined %s · Current member"), joined);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), iop_enrollment_get_group_name (enrollment));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data (G_OBJECT (row), "group-id", GSIZE_TO_POINTER ((gsize) iop_enrollment_get_group_id (enrollment)));
  gtk_widget_add_css_class (arrow, "dim-label");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);
  return row;
}

static void
group_row_activated_cb (IopParticipantPage *self,
                        GtkListBoxRow      *row)
{
  gint64 group_id = (gint64) GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "group-id"));
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (group_id > 0 && IOP_IS_WINDOW (root))
    iop_window_show_group (IOP_WINDOW (root), group_id);
}

static GtkWindow *
parent_window (IopParticipantPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  IopParticipantPage *self = IOP_PARTICIPANT_PAGE (widget);
  IopParticipantEditor *editor;

  if (self->participant == NULL)
    return;

  editor = iop_participant_editor_new (self->store, self->participant);
  gtk_window_set_transient_for (GTK_WINDOW (editor), parent_window (self));
  gtk_window_present (GTK_WINDOW (editor));
}

static gboolean
discharge (const char  *date,
           const char  *reason,
           gpointer     user_data,
           GError     **error)
{
  DischargeData *discharge = user_data;

  return iop_store_discharge_participant (discharge->store, discharge->participant_id, date, reason, error);
}

static void
discharge_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  IopParticipantPage *self = IOP_PARTICIPANT_PAGE (widget);
  g_autofree char *name = NULL;
  g_autofree char *description = NULL;
  DischargeData *data;
  IopReasonDialog *dialog;

  if (self->participant == NULL)
    return;

  name = iop_participant_dup_display_name (self->participant);
  description = g_strdup_printf (_("%s is discharged from the program on the date below, and leaves every group they are in. Their record stays."),
                                 name);
  data = g_new0 (DischargeData, 1);
  data->store = g_object_ref (self->store);
  data->participant_id = self->participant_id;
  dialog = iop_reason_dialog_new (parent_window (self), _("Discharge"), description, _("_Discharge"),
                                  discharge, data, discharge_data_free);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
iop_participant_page_dispose (GObject *object)
{
  IopParticipantPage *self = IOP_PARTICIPANT_PAGE (object);

  g_clear_object (&self->store);
  g_clear_object (&self->participant);
  g_clear_object (&self->enrollments);

  G_OBJECT_CLASS (iop_participant_page_parent_class)->dispose (object);
}

static void
iop_participant_page_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  IopParticipantPage *self = IOP_PARTICIPANT_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_PARTICIPANT_ID:
      g_value_set_int64 (value, self->participant_id);
      break;
    case PROP_TITLE:
      g_value_set_string (value, iop_participant_page_get_title (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
iop_participant_page_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  IopParticipantPage *self = IOP_PARTICIPANT_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      iop_participant_page_set_store (self, g_value_get_object (value));
      break;
    case PROP_PARTICIPANT_ID:
      iop_participant_page_set_participant_id (self, g_value_get_int64 (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
iop_participant_page_class_init (IopParticipantPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = iop_participant_page_dispose;
  object_class->get_property = iop_participant_page_get_property;
  object_class->set_property = iop_participant_page_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, IOP_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PARTICIPANT_ID] =
    g_param_spec_int64 ("participant-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/iop/iop-participant-page.ui");
  gtk_widget_class_bind_template_child (widget_class, IopParticipantPage, sections_box);
  gtk_widget_class_bind_template_child (widget_class, IopParticipantPage, avatar);
  gtk_widget_class_bind_template_child (widget_class, IopParticipantPage, name_label);
  gtk_widget_class_bind_template_child (widget_class, IopParticipantPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, IopParticipantPage, status_label);
  gtk_widget_class_bind_template_child (widget_class, IopParticipantPage, level_row);
  gtk_widget_class_bind_template_child (widget_class, IopParticipantPage, status_row);
  gtk_widget_class_bind_template_child (widget_class, IopParticipantPage, admission_row);
  gtk_widget_class_bind_template_child (widget_class, IopParticipantPage, discharge_row);
  gtk_widget_class_bind_template_child (widget_class, IopParticipantPage, counselor_row);
  gtk_widget_class_bind_template_child (widget_class, IopParticipantPage, diagnoses_row);
  gtk_widget_class_bind_template_child (widget_class, IopParticipantPage, co_occurring_row);
  gtk_widget_class_bind_template_child (widget_class, IopParticipantPage, birth_row);
  gtk_widget_class_bind_template_child (widget_class, IopParticipantPage, language_row);
  gtk_widget_class_bind_template_child (widget_class, IopParticipantPage, phone_row);
  gtk_widget_class_bind_template_child (widget_class, IopParticipantPage, email_row);
  gtk_widget_class_bind_template_child (widget_class, IopParticipantPage, address_row);
  gtk_widget_class_bind_template_child (widget_class, IopParticipantPage, emergency_row);
  gtk_widget_class_bind_template_child (widget_class, IopParticipantPage, groups_list);
  gtk_widget_class_bind_template_callback (widget_class, group_row_activated_cb);

  gtk_widget_class_install_action (widget_class, "participant.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "participant.discharge", NULL, discharge_action);
}

static void
iop_participant_page_init (IopParticipantPage *self)
{
  GtkWidget *placeholder;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Each area adds its section below the record, following the shown participant. */
  {
    GtkWidget *sections[] = { iop_plan_section_new (), iop_measures_section_new (), iop_hours_section_new (),
                              iop_consents_section_new (NULL) };

    for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
      {
        g_object_bind_property (self, "store", sections[i], "store", G_BINDING_SYNC_CREATE);
        g_object_bind_property (self, "participant-id", sections[i], "participant-id", G_BINDING_SYNC_CREATE);
        gtk_box_append (self->sections_box, sections[i]);
      }
  }
  gtk_box_append (self->sections_box, iop_plan_exchange_section_new ());

  self->enrollments = g_list_store_new (IOP_TYPE_ENROLLMENT);
  gtk_list_box_bind_model (self->groups_list, G_LIST_MODEL (self->enrollments), create_group_row, self, NULL);

  placeholder = gtk_label_new (_("Not in any group yet. Add them from a group’s page."));
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 18);
  gtk_widget_set_margin_bottom (placeholder, 18);
  gtk_label_set_wrap (GTK_LABEL (placeholder), TRUE);
  gtk_list_box_set_placeholder (self->groups_list, placeholder);

  iop_cultural_profile_section_attach (self);
}

GtkWidget *
iop_participant_page_new (IopStore *store)
{
  return g_object_new (IOP_TYPE_PARTICIPANT_PAGE, "store", store, NULL);
}

void
iop_participant_page_set_store (IopParticipantPage *self,
                                IopStore           *store)
{
  g_return_if_fail (IOP_IS_PARTICIPANT_PAGE (self));
  g_return_if_fail (store == NULL || IOP_IS_STORE (store));

  if (self->store == store)
    return;

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_set_object (&self->store, store);
  if (store != NULL)
    g_signal_connect_object (store, "changed", G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);

  reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

/**
 * iop_participant_page_set_participant_id:
 * @self: an #IopParticipantPage
 * @participant_id: whose record to show
 *
 * Shows the record, and notes in the audit log that it was opened.
 */
void
iop_participant_page_set_participant_id (IopParticipantPage *self,
                                         gint64              participant_id)
{
  g_return_if_fail (IOP_IS_PARTICIPANT_PAGE (self));

  if (self->participant_id != participant_id && self->store != NULL && participant_id > 0)
    {
      g_autoptr(GError) error = NULL;

      /* The view is logged first; a role that may not see this record sees nothing of it. */
      if (!iop_store_audit (self->store, "view", IOP_KIND_PARTICIPANT, participant_id, participant_id,
                            NULL, &error))
        {
          iop_widget_add_toast (GTK_WIDGET (self), error->message);
          participant_id = 0;
          g_clear_object (&self->participant);
        }
    }

  self->participant_id = participant_id;
  reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PARTICIPANT_ID]);
}

gint64
iop_participant_page_get_participant_id (IopParticipantPage *self)
{
  g_return_val_if_fail (IOP_IS_PARTICIPANT_PAGE (self), 0);
  return self->participant_id;
}

/**
 * iop_participant_page_get_participant:
 * @self: an #IopParticipantPage
 *
 * Returns: (transfer none) (nullable): the participant as last loaded
 */
IopParticipant *
iop_participant_page_get_participant (IopParticipantPage *self)
{
  g_return_val_if_fail (IOP_IS_PARTICIPANT_PAGE (self), NULL);
  return self->participant;
}

const char *
iop_participant_page_get_title (IopParticipantPage *self)
{
  g_return_val_if_fail (IOP_IS_PARTICIPANT_PAGE (self), NULL);
  return self->participant != NULL ? gtk_label_get_text (self->name_label) : NULL;
}

/**
 * iop_participant_page_get_sections_box:
 * @self: an #IopParticipantPage
 *
 * Returns: (transfer none): the page's vertical box of AdwPreferencesGroup sections
 */
GtkBox *
iop_participant_page_get_sections_box (IopParticipantPage *self)
{
  g_return_val_if_fail (IOP_IS_PARTICIPANT_PAGE (self), NULL);
  return self->sections_box;
}

/**
 * iop_participant_page_get_enrollments:
 * @self: an #IopParticipantPage
 *
 * Returns: (transfer none): the participant's enrollments, current and past
 */
GListModel *
iop_participant_page_get_enrollments (IopParticipantPage *self)
{
  g_return_val_if_fail (IOP_IS_PARTICIPANT_PAGE (self), NULL);
  return G_LIST_MODEL (self->enrollments);
}
