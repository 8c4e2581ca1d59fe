/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "iop-group-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "iop-date.h"
#include "iop-group-editor.h"
#include "iop-staff-row.h"
#include "iop-store-people.h"
#include "iop-window.h"

struct _IopGroupEditor
{
  AdwWindow          parent_instance;

  /* template widgets */
  AdwWindowTitle    *window_title;
  GtkButton         *save_button;
  GtkScrolledWindow *scroller;
  GtkLabel          *error_label;
  AdwEntryRow       *name_row;
  AdwComboRow       *type_row;
  AdwComboRow       *enrollment_row;
  GtkSpinButton     *min_size_spin;
  GtkSpinButton     *max_size_spin;
  GtkBox            *weekday_box;
  AdwEntryRow       *start_time_row;
  GtkSpinButton     *duration_spin;
  AdwEntryRow       *location_row;
  IopStaffRow       *facilitator_row;
  IopStaffRow       *co_facilitator_row;
  AdwEntryRow       *start_date_row;
  AdwEntryRow       *end_date_row;

  /* borrowed: one per weekday, Monday first */
  GtkToggleButton   *weekday_toggles[7];

  /* owned */
  IopStore          *store;
  IopGroup          *group;   /* a copy being edited; id 0 when new */
};

G_DEFINE_FINAL_TYPE (IopGroupEditor, iop_group_editor, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static char *
entry_text (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

static void
show_error (IopGroupEditor *self,
            const char     *message)
{
  GtkAdjustment *vadj = gtk_scrolled_window_get_vadjustment (self->scroller);

  gtk_label_set_text (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
  gtk_adjustment_set_value (vadj, gtk_adjustment_get_lower (vadj));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->error_label),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
}

static void
form_to_group (IopGroupEditor *self,
               IopGroup       *group)
{
  g_autofree char *name = entry_text (self->name_row);
  g_autofree char *start_time = entry_text (self->start_time_row);
  g_autofree char *location = entry_text (self->location_row);
  g_autofree char *start_date = entry_text (self->start_date_row);
  g_autofree char *end_date = entry_text (self->end_date_row);
  const char * const *types = iop_group_type_values ();
  guint type = adw_combo_row_get_selected (self->type_row);
  int weekdays = 0;

  for (int d = 0; d < 7; d++)
    if (gtk_toggle_button_get_active (self->weekday_toggles[d]))
      weekdays |= 1 << d;

  iop_group_set_name (group, name);
  if (type < g_strv_length ((char **) types))
    iop_group_set_group_type (group, types[type]);
  iop_group_set_enrollment (group, adw_combo_row_get_selected (self->enrollment_row) == 1 ? "closed" : "open");
  iop_group_set_min_size (group, gtk_spin_button_get_value_as_int (self->min_size_spin));
  iop_group_set_max_size (group, gtk_spin_button_get_value_as_int (self->max_size_spin));
  iop_group_set_weekdays (group, weekdays);
  iop_group_set_start_time (group, start_time);
  iop_group_set_duration_minutes (group, gtk_spin_button_get_value_as_int (self->duration_spin));
  iop_group_set_location (group, *location ? location : NULL);
  iop_group_set_facilitator_id (group, iop_staff_row_get_staff_id (self->facilitator_row));
  iop_group_set_co_facilitator_id (group, iop_staff_row_get_staff_id (self->co_facilitator_row));
  iop_group_set_start_date (group, start_date);
  iop_group_set_end_date (group, *end_date ? end_date : NULL);
}

static void
group_to_form (IopGroupEditor *self)
{
  IopGroup *group = self->group;
  const char * const *types = iop_group_type_values ();
  const char *text;

  gtk_editable_set_text (GTK_EDITABLE (self->name_row), (text = iop_group_get_name (group)) ? text : "");
  for (guint i = 0; types[i] != NULL; i++)
    if (g_strcmp0 (types[i], iop_group_get_group_type (group)) == 0)
      adw_combo_row_set_selected (self->type_row, i);
  adw_combo_row_set_selected (self->enrollment_row,
                              g_strcmp0 (iop_group_get_enrollment (group), "closed") == 0 ? 1 : 0);
  gtk_spin_button_set_value (self->min_size_spin, iop_group_get_min_size (group));
  gtk_spin_button_set_value (self->max_size_spin, iop_group_get_max_size (group));
  for (int d = 0; d < 7; d++)
    gtk_toggle_button_set_active (self->weekday_toggles[d], (iop_group_get_weekdays (group) & (1 << d)) != 0);
  gtk_editable_set_text (GTK_EDITABLE (self->start_time_row), (text = iop_group_get_start_time (group)) ? text : "");
  gtk_spin_button_set_value (self->duration_spin, iop_group_get_duration_minutes (group));
  gtk_editable_set_text (GTK_EDITABLE (self->location_row), (text = iop_group_get_location (group)) ? text : "");
  iop_staff_row_set_staff_id (self->facilitator_row, iop_group_get_facilitator_id (group));
  iop_staff_row_set_staff_id (self->co_facilitator_row, iop_group_get_co_facilitator_id (group));
  gtk_editable_set_text (GTK_EDITABLE (self->start_date_row), (text = iop_group_get_start_date (group)) ? text : "");
  gtk_editable_set_text (GTK_EDITABLE (self->end_date_row), (text = iop_group_get_end_date (group)) ? text : "");
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  IopGroupEditor *self = IOP_GROUP_EDITOR (widget);
  g_autoptr(IopGroup) group = iop_group_copy (self->group);
  g_autoptr(GError) error = NULL;
  gboolean is_new = iop_group_get_id (group) == 0;
  gboolean ok;

  form_to_group (self, group);

  /* The store validates and writes in one transaction: on error nothing is saved. */
  if (is_new)
    ok = iop_store_add_group (self->store, group, &error);
  else
    ok = iop_store_update_group (self->store, group, &error);

  if (!ok)
    {
      show_error (self, error->message);
      return;
    }

  g_set_object (&self->group, group);
  g_signal_emit (self, signals[SAVED], 0, iop_group_get_id (group));
  {
    g_autofree char *message = g_strdup_printf (is_new ? _("Created “%s”") : _("Saved “%s”"),
                                                iop_group_get_name (group));
    iop_widget_add_toast (widget, message);
  }
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
iop_group_editor_dispose (GObject *object)
{
  IopGroupEditor *self = IOP_GROUP_EDITOR (object);

  g_clear_object (&self->store);
  g_clear_object (&self->group);

  G_OBJECT_CLASS (iop_group_editor_parent_class)->dispose (object);
}

static void
iop_group_editor_class_init (IopGroupEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = iop_group_editor_dispose;

  /**
   * IopGroupEditor::saved:
   * @group_id: the saved group's id
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  g_type_ensure (IOP_TYPE_STAFF_ROW);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/iop/iop-group-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, IopGroupEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, IopGroupEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, IopGroupEditor, scroller);
  gtk_widget_class_bind_template_child (widget_class, IopGroupEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, IopGroupEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, IopGroupEditor, type_row);
  gtk_widget_class_bind_template_child (widget_class, IopGroupEditor, enrollment_row);
  gtk_widget_class_bind_template_child (widget_class, IopGroupEditor, min_size_spin);
  gtk_widget_class_bind_template_child (widget_class, IopGroupEditor, max_size_spin);
  gtk_widget_class_bind_template_child (widget_class, IopGroupEditor, weekday_box);
  gtk_widget_class_bind_template_child (widget_class, IopGroupEditor, start_time_row);
  gtk_widget_class_bind_template_child (widget_class, IopGroupEditor, duration_spin);
  gtk_widget_class_bind_template_child (widget_class, IopGroupEditor, location_row);
  gtk_widget_class_bind_template_child (widget_class, IopGroupEditor, facilitator_row);
  gtk_widget_class_bind_template_child (widget_class, IopGroupEditor, co_facilitator_row);
  gtk_widget_class_bind_template_child (widget_class, IopGroupEditor, start_date_row);
  gtk_widget_class_bind_template_child (widget_class, IopGroupEditor, end_date_row);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);
}

static void
iop_group_editor_init (IopGroupEditor *self)
{
  g_autoptr(GtkStringList) types = gtk_string_list_new (NULL);
  const char * const *values = iop_group_type_values ();

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; values[i] != NULL; i++)
    gtk_string_list_append (types, iop_group_type_label (values[i]));
  adw_combo_row_set_model (self->type_row, G_LIST_MODEL (types));

  for (int d = 0; d < 7; d++)
    {
      GtkWidget *toggle = gtk_toggle_button_new_with_label (iop_weekday_short_label (d));

      gtk_widget_add_css_class (toggle, "iop-weekday");
      gtk_box_append (self->weekday_box, toggle);
      self->weekday_toggles[d] = GTK_TOGGLE_BUTTON (toggle);
    }
}

/**
 * iop_group_editor_new:
 * @store: the store to save into
 * @group: (nullable): the group to edit, or %NULL for a new group
 *
 * Returns: (transfer none): the editor window, not yet shown
 */
IopGroupEditor *
iop_group_editor_new (IopStore *store,
                      IopGroup *group)
{
  IopGroupEditor *self;

  g_return_val_if_fail (IOP_IS_STORE (store), NULL);
  g_return_val_if_fail (group == NULL || IOP_IS_GROUP (group), NULL);

  self = g_object_new (IOP_TYPE_GROUP_EDITOR, NULL);
  self->store = g_object_ref (store);
  iop_staff_row_set_store (self->facilitator_row, store);
  iop_staff_row_set_store (self->co_facilitator_row, store);

  if (group != NULL)
    self->group = iop_group_copy (group);
  else
    {
      g_autofree char *today = iop_date_today ();

      self->group = iop_group_new ();
      iop_group_set_start_date (self->group, today);
      iop_group_set_weekdays (self->group, (1 << 0) | (1 << 2) | (1 << 4));
    }

  group_to_form (self);

  adw_window_title_set_title (self->window_title, group != NULL ? _("Edit Group") : _("New Group"));
  gtk_window_set_title (GTK_WINDOW (self), group != NULL ? _("Edit Group") : _("New Group"));
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
  return self;
}

AdwEntryRow *
iop_group_editor_get_name_row (IopGroupEditor *self)
{
  g_return_val_if_fail (IOP_IS_GROUP_EDITOR (self), NULL);
  return self->name_row;
}

AdwComboRow *
iop_group_editor_get_type_row (IopGroupEditor *self)
{
  g_return_val_if_fail (IOP_IS_GROUP_EDITOR (self), NULL);
  return self->type_row;
}

AdwComboRow *
iop_group_editor_get_enrollment_row (IopGroupEditor *self)
{
  g_return_val_if_fail (IOP_IS_GROUP_EDITOR (self), NULL);
  return self->enrollment_row;
}

GtkSpinButton *
iop_group_editor_get_min_size_spin (IopGroupEditor *self)
{
  g_return_val_if_fail (IOP_IS_GROUP_EDITOR (self), NULL);
  return self->min_size_spin;
}

GtkSpinButton *
iop_group_editor_get_max_size_spin (IopGroupEditor *self)
{
  g_return_val_if_fail (IOP_IS_GROUP_EDITOR (self), NULL);
  return self->max_size_spin;
}

GtkToggleButton *
iop_group_editor_get_weekday_toggle (IopGroupEditor *self,
                                     int             weekday)
{
  g_return_val_if_fail (IOP_IS_GROUP_EDITOR (self), NULL);
  g_return_val_if_fail (weekday >= 0 && weekday < 7, NULL);
  return self->weekday_toggles[weekday];
}

AdwEntryRow *
iop_group_editor_get_start_time_row (IopGroupEditor *self)
{
  g_return_val_if_fail (IOP_IS_GROUP_EDITOR (self), NULL);
  return self->start_time_row;
}

AdwEntryRow *
iop_group_editor_get_start_date_row (IopGroupEditor *self)
{
  g_return_val_if_fail (IOP_IS_GROUP_EDITOR (self), NULL);
  return self->start_date_row;
}

AdwEntryRow *
iop_group_editor_get_end_date_row (IopGroupEditor *self)
{
  g_return_val_if_fail (IOP_IS_GROUP_EDITOR (self), NULL);
  return self->end_date_row;
}

GtkLabel *
iop_group_editor_get_error_label (IopGroupEditor *self)
{
  g_return_val_if_fail (IOP_IS_GROUP_EDITOR (self), NULL);
  return self->error_label;
}
