/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "iop-group-page"

#include "config.h"

#include <glib/gi18n.h>

#include "iop-cultural-group-section.h"
#include "iop-date.h"
#include "iop-enroll-dialog.h"
#include "iop-group-editor.h"
#include "iop-group-page.h"
#include "iop-reason-dialog.h"
#include "iop-store-people.h"
#include "iop-window.h"

struct _IopGroupPage
{
  AdwBin       parent_instance;

  /* template widgets */
  GtkBox      *sections_box;
  GtkLabel    *name_label;
  GtkLabel    *summary_label;
  GtkLabel    *capacity_label;
  GtkLabel    *archived_label;
  GtkButton   *archive_button;
  GtkWidget   *warnings_group;
  AdwActionRow *size_row;
  AdwActionRow *closed_row;
  AdwActionRow *schedule_row;
  AdwActionRow *location_row;
  AdwActionRow *facilitators_row;
  AdwActionRow *dates_row;
  AdwActionRow *size_limits_row;
  GtkListBox  *roster_list;
  GtkListBox  *history_list;

  /* owned */
  IopStore    *store;
  IopGroup    *group;
  GListStore  *roster;
  GListStore  *history;
  gint64       group_id;
};

G_DEFINE_FINAL_TYPE (IopGroupPage, iop_group_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  PROP_TITLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  IopStore  *store;
  GWeakRef   page;
  gint64     enrollment_id;
  char      *name;
} RemoveData;

static void
remove_data_free (gpointer data)
{
  RemoveData *remove = data;

  g_clear_object (&remove->store);
  g_weak_ref_clear (&remove->page);
  g_free (remove->name);
  g_free (remove);
}

static char *
staff_name (IopStore *store,
            gint64    id)
{
  g_autoptr(IopStaff) staff = NULL;

  if (id <= 0)
    return NULL;
  staff = iop_store_get_staff (store, id, NULL);
  return staff != NULL ? g_strdup (iop_staff_get_full_name (staff)) : NULL;
}

static void
fill_list_store (GListStore *list,
                 GPtrArray  *items)
{
  g_list_store_splice (list, 0, g_list_model_get_n_items (G_LIST_MODEL (list)),
                       items != NULL ? items->pdata : NULL, items != NULL ? items->len : 0);
}

static void
update_details (IopGroupPage *self)
{
  IopGroup *group = self->group;
  g_autofree char *today = iop_date_today ();
  g_autofree char *schedule = iop_group_dup_schedule_label (group);
  g_autofree char *summary = NULL;
  g_autofree char *capacity = NULL;
  g_autofree char *facilitator = staff_name (self->store, iop_group_get_facilitator_id (group));
  g_autofree char *co_facilitator = staff_name (self->store, iop_group_get_co_facilitator_id (group));
  g_autofree char *facilitators = NULL;
  g_autofree char *start = iop_date_format (iop_group_get_start_date (group));
  g_autofree char *end = NULL;
  g_autofree char *dates = NULL;
  g_autofree char *limits = NULL;
  const char *location = iop_group_get_location (group);
  int members = g_list_model_get_n_items (G_LIST_MODEL (self->roster));
  int min_size = iop_group_get_min_size (group);
  int max_size = iop_group_get_max_size (group);
  gboolean closed = g_strcmp0 (iop_group_get_enrollment (group), "closed") == 0;
  gboolean archived = iop_group_get_archived (group);
  gboolean size_warning = TRUE;

  gtk_label_set_text (self->name_label, iop_group_get_name (group));
  summary = g_strdup_printf ("%s · %s", iop_group_type_label (iop_group_get_group_type (group)),
                             closed ? _("Closed enrollment") : _("Open enrollment"));
  gtk_label_set_text (self->summary_label, summary);

  capacity = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d of %d member", "%d of %d members", max_size),
                              members, max_size);
  gtk_label_set_text (self->capacity_label, capacity);
  gtk_widget_set_visible (GTK_WIDGET (self->archived_label), archived);
  gtk_button_set_label (self->archive_button, archived ? _("_Unarchive") : _("_Archive"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->archive_button),
                               archived ? _("List the group with the current groups again")
                                        : _("Hide the group from the list of current groups; nothing is deleted"));

  if (members < min_size)
    {
      g_autofree char *title = g_strdup_printf (_("Below the minimum size (%d of %d)"), members, min_size);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->size_row), title);
      adw_action_row_set_subtitle (self->size_row, _("Groups this small may not run as planned"));
    }
  else if (members > max_size)
    {
      g_autofree char *title = g_strdup_printf (_("Over capacity (%d of %d)"), members, max_size);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->size_row), title);
      adw_action_row_set_subtitle (self->size_row, _("Members were added with a recorded override"));
    }
  else if (members == max_size)
    {
      g_autofree char *title = g_strdup_printf (_("Full (%d of %d)"), members, max_size);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->size_row), title);
      adw_action_row_set_subtitle (self->size_row, _("Another member needs a recorded override"));
    }
  else
    size_warning = FALSE;

  gtk_widget_set_visible (GTK_WIDGET (self->size_row), size_warning);
  gtk_widget_set_visible (GTK_WIDGET (self->closed_row), closed);
  gtk_widget_set_visible (self->warnings_group, size_warning || closed);
  gtk_widget_remove_css_class (GTK_WIDGET (self->capacity_label), "warning");
  if (size_warning)
    gtk_widget_add_css_class (GTK_WIDGET (self->capacity_label), "warning");

  adw_action_row_set_subtitle (self->schedule_row, schedule);
  adw_action_row_set_subtitle (self->location_row, location != NULL && *location ? location : _("Not set"));

  if (facilitator != NULL && co_facilitator != NULL)
    facilitators = g_strdup_printf (_("%s, with %s"), facilitator, co_facilitator);
  else
    facilitators = g_strdup (facilitator != NULL ? facilitator
                             : co_facilitator != NULL ? co_facilitator : _("Not assigned"));
  adw_action_row_set_subtitle (self->facilitators_row, facilitators);

  if (iop_group_get_end_date (group) != NULL && *iop_group_get_end_date (group))
    {
      end = iop_date_format (iop_group_get_end_date (group));
      dates = g_strdup_printf (_("%s to %s"), start, end);
    }
  else
    dates = g_strdup_printf (_("From %s, ongoing"), start);
  adw_action_row_set_subtitle (self->dates_row, dates);

  limits = g_strdup_printf (_("At least %d, at most %d members"), min_size, max_size);
  adw_action_row_set_subtitle (self->size_limits_row, limits);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "group.add-member", !archived);
}

static void
reload (IopGroupPage *self)
{
  g_autoptr(IopGroup) group = NULL;
  g_autoptr(GPtrArray) roster = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *today = NULL;

  if (self->store == NULL || self->group_id <= 0)
    return;

  group = iop_store_get_group (self->store, self->group_id, &error);
  if (group == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Could not open the group: %s"), error->message);
      iop_widget_add_toast (GTK_WIDGET (self), message);
      return;
    }
  g_set_object (&self->group, group);

  today = iop_date_today ();
  roster = iop_store_list_roster (self->store, self->group_id, today, NULL);
  history = iop_store_list_group_enrollments (self->store, self->group_id, NULL);
  fill_list_store (self->roster, roster);
  fill_list_store (self->history, history);

  update_details (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

static void
store_changed_cb (IopGroupPage *self,
                  const char   *kind)
{
  if (g_strcmp0 (kind, IOP_KIND_GROUP) == 0
      || g_strcmp0 (kind, IOP_KIND_ENROLLMENT) == 0
      || g_strcmp0 (kind, IOP_KIND_PARTICIPANT) == 0
      || g_strcmp0 (kind, IOP_KIND_STAFF) == 0)
    reload (self);
}

static char *
enrollment_name (IopEnrollment *enrollment)
{
  /* Translators: a participant's name and record number */
  return g_strdup_printf (_("%s (%s)"), iop_enrollment_get_participant_name (enrollment),
                          iop_enrollment_get_record_number (enrollment));
}

static GtkWidget *
create_roster_row (gpointer item,
                   gpointer user_data)
{
  IopEnrollment *enrollment = item;
  g_autofree char *name = enrollment_name (enrollment);
  g_autofree char *joined = iop_date_format (iop_enrollment_get_joined (enrollment));
  g_autofree char *subtitle = g_strdup_printf (_("Joined %s"), joined);
  g_autofree char *tooltip = g_strdup_printf (_("Remove %s from the group"),
                                              iop_enrollment_get_participant_name (enrollment));
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("list-remove-symbolic");
  GtkWidget *arrow = gtk_image_new_from_icon_name ("go-next-symbolic");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data (G_OBJECT (row), "participant-id",
                     GSIZE_TO_POINTER ((gsize) iop_enrollment_get_participant_id (enrollment)));

  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (remove), "group.remove-member");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (remove), "x", iop_enrollment_get_id (enrollment));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
  gtk_widget_add_css_class (arrow, "dim-label");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);
  return row;
}

static GtkWidget *
create_history_row (gpointer item,
                    gpointer user_data)
{
  IopEnrollment *enrollment = item;
  g_autofree char *name = enrollment_name (enrollment);
  g_autofree char *joined = iop_date_format (iop_enrollment_get_joined (enrollment));
  g_autofree char *subtitle = NULL;
  const char *left_on = iop_enrollment_get_left_on (enrollment);
  const char *reason = iop_enrollment_get_reason (enrollment);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);

  if (left_on != NULL && *left_on)
    {
      g_autofree char *left = iop_date_format (left_on);

      if (reason != NULL && *reason)
        subtitle = g_strdup_printf (_("Joined %s · Left %s: %s"), joined, left, reason);
      else
        subtitle = g_strdup_printf (_("Joined %s · Left %s"), joined, left);
    }
  else
    subtitle = g_strdup_printf (_("Joined %s · Still a member"), joined);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  if (iop_enrollment_get_capacity_override (enrollment))
    {
      GtkWidget *label = gtk_label_new (_("Capacity override"));
      gtk_widget_add_css_class (label, "iop-pill");
      gtk_widget_add_css_class (label, "warning");
      gtk_box_append (GTK_BOX (box), label);
    }
  if (iop_enrollment_get_closed_override (enrollment))
    {
      GtkWidget *label = gtk_label_new (_("Closed-group override"));
      gtk_widget_add_css_class (label, "iop-pill");
      gtk_widget_add_css_class (label, "warning");
      gtk_box_append (GTK_BOX (box), label);
    }
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), box);
  return row;
}

static void
roster_row_activated_cb (IopGroupPage  *self,
                         GtkListBoxRow *row)
{
  gint64 participant_id = (gint64) GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "participant-id"));
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (participant_id > 0 && IOP_IS_WINDOW (root))
    iop_window_show_participant (IOP_WINDOW (root), participant_id);
}

static GtkWindow *
parent_window (IopGroupPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  IopGroupPage *self = IOP_GROUP_PAGE (widget);
  IopGroupEditor *editor;

  if (self->group == NULL)
    return;

  editor = iop_group_editor_new (self->store, self->group);
  gtk_window_set_transient_for (GTK_WINDOW (editor), parent_window (self));
  gtk_window_present (GTK_WINDOW (editor));
}

static void
set_archived (IopGroupPage *self,
              gint64        group_id,
              gboolean      archived)
{
  g_autoptr(GError) error = NULL;

  if (!iop_store_set_group_archived (self->store, group_id, archived, &error))
    iop_widget_add_toast (GTK_WIDGET (self), error->message);
}

static void
undo_archive_cb (AdwToast     *toast,
                 IopGroupPage *self)
{
  gint64 group_id = *(gint64 *) g_object_get_data (G_OBJECT (toast), "group-id");

  set_archived (self, group_id, FALSE);
}

static void
archive_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  IopGroupPage *self = IOP_GROUP_PAGE (widget);
  gboolean archive;
  gint64 *group_id;
  AdwToast *toast;
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autofree char *title = NULL;

  if (self->group == NULL)
    return;

  archive = !iop_group_get_archived (self->group);
  set_archived (self, self->group_id, archive);
  if (!archive)
    return;

  title = g_strdup_printf (_("“%s” archived"), iop_group_get_name (self->group));
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  group_id = g_new (gint64, 1);
  *group_id = self->group_id;
  g_object_set_data_full (G_OBJECT (toast), "group-id", group_id, g_free);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo_archive_cb), self, 0);

  if (IOP_IS_WINDOW (root))
    iop_window_add_toast (IOP_WINDOW (root), toast);
  else
    g_object_unref (toast);
}

static void
add_member_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  IopGroupPage *self = IOP_GROUP_PAGE (widget);
  IopEnrollDialog *dialog;

  if (self->group == NULL)
    return;

  dialog = iop_enroll_dialog_new (self->store, self->group);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), parent_window (self));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
undo_remove_cb (AdwToast     *toast,
                IopGroupPage *self)
{
  gint64 enrollment_id = *(gint64 *) g_object_get_data (G_OBJECT (toast), "enrollment-id");
  g_autoptr(GError) error = NULL;

  if (!iop_store_reopen_enrollment (self->store, enrollment_id, &error))
    iop_widget_add_toast (GTK_WIDGET (self), error->message);
}

static void
show_removed_toast (IopGroupPage *self,
                    gint64        enrollment_id,
                    const char   *name)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autofree char *title = NULL;
  gint64 *id;
  AdwToast *toast;

  if (!IOP_IS_WINDOW (root))
    return;

  /* Translators: shown after a participant was removed from a group's roster */
  title = g_strdup_printf (_("%s removed from the group"), name);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  id = g_new (gint64, 1);
  *id = enrollment_id;
  g_object_set_data_full (G_OBJECT (toast), "enrollment-id", id, g_free);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo_remove_cb), self, 0);
  iop_window_add_toast (IOP_WINDOW (root), toast);
}

static gboolean
remove_member (const char  *date,
               const char  *reason,
               gpointer     user_data,
               GError     **error)
{
  RemoveData *remove = user_data;
  g_autoptr(IopGroupPage) page = NULL;

  if (!iop_store_end_enrollment (remove->store, remove->enrollment_id, date, reason, error))
    return FALSE;

  page = g_weak_ref_get (&remove->page);
  if (page != NULL)
    show_removed_toast (page, remove->enrollment_id, remove->name);
  return TRUE;
}

static void
remove_member_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  IopGroupPage *self = IOP_GROUP_PAGE (widget);
  gint64 enrollment_id = g_variant_get_int64 (parameter);
  g_autoptr(IopEnrollment) enrollment = iop_store_get_enrollment (self->store, enrollment_id, NULL);
  g_autofree char *title = NULL;
  g_autofree char *description = NULL;
  RemoveData *remove;
  IopReasonDialog *dialog;

  if (enrollment == NULL || self->group == NULL)
    return;

  remove = g_new0 (RemoveData, 1);
  remove->store = g_object_ref (self->store);
  remove->enrollment_id = enrollment_id;
  remove->name = g_strdup (iop_enrollment_get_participant_name (enrollment));
  g_weak_ref_init (&remove->page, self);

  title = g_strdup (_("Remove From Group"));
  description = g_strdup_printf (_("%s leaves “%s” on the date below. Their enrollment stays in the group’s history with the reason."),
                                 iop_enrollment_get_participant_name (enrollment),
                                 iop_group_get_name (self->group));
  dialog = iop_reason_dialog_new (parent_window (self), title, description, _("_Remove"),
                                  remove_member, remove, remove_data_free);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
iop_group_page_dispose (GObject *object)
{
  IopGroupPage *self = IOP_GROUP_PAGE (object);

  g_clear_object (&self->store);
  g_clear_object (&self->group);
  g_clear_object (&self->roster);
  g_clear_object (&self->history);

  G_OBJECT_CLASS (iop_group_page_parent_class)->dispose (object);
}

static void
iop_group_page_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  IopGroupPage *self = IOP_GROUP_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_TITLE:
      g_value_set_string (value, iop_group_page_get_title (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
iop_group_page_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  IopGroupPage *self = IOP_GROUP_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      iop_group_page_set_store (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
iop_group_page_class_init (IopGroupPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = iop_group_page_dispose;
  object_class->get_property = iop_group_page_get_property;
  object_class->set_property = iop_group_page_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, IOP_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/iop/iop-group-page.ui");
  gtk_widget_class_bind_template_child (widget_class, IopGroupPage, sections_box);
  gtk_widget_class_bind_template_child (widget_class, IopGroupPage, name_label);
  gtk_widget_class_bind_template_child (widget_class, IopGroupPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, IopGroupPage, capacity_label);
  gtk_widget_class_bind_template_child (widget_class, IopGroupPage, archived_label);
  gtk_widget_class_bind_template_child (widget_class, IopGroupPage, archive_button);
  gtk_widget_class_bind_template_child (widget_class, IopGroupPage, warnings_group);
  gtk_widget_class_bind_template_child (widget_class, IopGroupPage, size_row);
  gtk_widget_class_bind_template_child (widget_class, IopGroupPage, closed_row);
  gtk_widget_class_bind_template_child (widget_class, IopGroupPage, schedule_row);
  gtk_widget_class_bind_template_child (widget_class, IopGroupPage, location_row);
  gtk_widget_class_bind_template_child (widget_class, IopGroupPage, facilitators_row);
  gtk_widget_class_bind_template_child (widget_class, IopGroupPage, dates_row);
  gtk_widget_class_bind_template_child (widget_class, IopGroupPage, size_limits_row);
  gtk_widget_class_bind_template_child (widget_class, IopGroupPage, roster_list);
  gtk_widget_class_bind_template_child (widget_class, IopGroupPage, history_list);
  gtk_widget_class_bind_template_callback (widget_class, roster_row_activated_cb);

  gtk_widget_class_install_action (widget_class, "group.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "group.archive", NULL, archive_action);
  gtk_widget_class_install_action (widget_class, "group.add-member", NULL, add_member_action);
  gtk_widget_class_install_action (widget_class, "group.remove-member", "x", remove_member_action);
}

static GtkWidget *
placeholder (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_margin_top (label, 18);
  gtk_widget_set_margin_bottom (label, 18);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  return label;
}

static void
iop_group_page_init (IopGroupPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->roster = g_list_store_new (IOP_TYPE_ENROLLMENT);
  self->history = g_list_store_new (IOP_TYPE_ENROLLMENT);
  gtk_list_box_bind_model (self->roster_list, G_LIST_MODEL (self->roster), create_roster_row, self, NULL);
  gtk_list_box_bind_model (self->history_list, G_LIST_MODEL (self->history), create_history_row, self, NULL);
  gtk_list_box_set_placeholder (self->roster_list, placeholder (_("No members yet. Add participants to start the roster.")));
  gtk_list_box_set_placeholder (self->history_list, placeholder (_("Nobody has joined this group yet.")));

  iop_cultural_group_section_attach (self);
}

GtkWidget *
iop_group_page_new (IopStore *store)
{
  return g_object_new (IOP_TYPE_GROUP_PAGE, "store", store, NULL);
}

void
iop_group_page_set_store (IopGroupPage *self,
                          IopStore     *store)
{
  g_return_if_fail (IOP_IS_GROUP_PAGE (self));
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

void
iop_group_page_set_group_id (IopGroupPage *self,
                             gint64        group_id)
{
  g_return_if_fail (IOP_IS_GROUP_PAGE (self));

  self->group_id = group_id;
  reload (self);
}

gint64
iop_group_page_get_group_id (IopGroupPage *self)
{
  g_return_val_if_fail (IOP_IS_GROUP_PAGE (self), 0);
  return self->group_id;
}

/**
 * iop_group_page_get_group:
 * @self: an #IopGroupPage
 *
 * Returns: (transfer none) (nullable): the group as last loaded
 */
IopGroup *
iop_group_page_get_group (IopGroupPage *self)
{
  g_return_val_if_fail (IOP_IS_GROUP_PAGE (self), NULL);
  return self->group;
}

const char *
iop_group_page_get_title (IopGroupPage *self)
{
  g_return_val_if_fail (IOP_IS_GROUP_PAGE (self), NULL);
  return self->group != NULL ? iop_group_get_name (self->group) : NULL;
}

/**
 * iop_group_page_get_sections_box:
 * @self: an #IopGroupPage
 *
 * Later areas (sessions, cultural notes) append their AdwPreferencesGroup here.
 *
 * Returns: (transfer none): the page's vertical box of sections
 */
GtkBox *
iop_group_page_get_sections_box (IopGroupPage *self)
{
  g_return_val_if_fail (IOP_IS_GROUP_PAGE (self), NULL);
  return self->sections_box;
}

/**
 * iop_group_page_get_roster:
 * @self: an #IopGroupPage
 *
 * Returns: (transfer none): today's members, as #IopEnrollment items
 */
GListModel *
iop_group_page_get_roster (IopGroupPage *self)
{
  g_return_val_if_fail (IOP_IS_GROUP_PAGE (self), NULL);
  return G_LIST_MODEL (self->roster);
}

/**
 * iop_group_page_get_history:
 * @self: an #IopGroupPage
 *
 * Returns: (transfer none): every enrollment in the group, as #IopEnrollment items
 */
GListModel *
iop_group_page_get_history (IopGroupPage *self)
{
  g_return_val_if_fail (IOP_IS_GROUP_PAGE (self), NULL);
  return G_LIST_MODEL (self->history);
}

/**
 * iop_group_page_get_warning_text:
 * @self: an #IopGroupPage
 *
 * Returns: (nullable): the size warning shown, such as “Below the minimum size (3 of 5)”
 */
const char *
iop_group_page_get_warning_text (IopGroupPage *self)
{
  g_return_val_if_fail (IOP_IS_GROUP_PAGE (self), NULL);

  if (!gtk_widget_get_visible (GTK_WIDGET (self->size_row)))
    return NULL;
  return adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self->size_row));
}
