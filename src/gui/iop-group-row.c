/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "iop-group-row"

#include "config.h"

#include <glib/gi18n.h>

#include "iop-group-row.h"

struct _IopGroupRow
{
  GtkWidget  parent_instance;

  /* template widgets */
  GtkWidget *box;
  GtkLabel  *name_label;
  GtkLabel  *type_label;
  GtkLabel  *detail_label;
  GtkLabel  *count_label;
  GtkLabel  *status_label;
};

G_DEFINE_FINAL_TYPE (IopGroupRow, iop_group_row, GTK_TYPE_WIDGET)

/**
 * iop_group_dup_size_note:
 * @group: an #IopGroup with its member count
 *
 * Returns: (transfer full) (nullable): “Below minimum”, “Full”, “Over capacity”, or %NULL
 */
char *
iop_group_dup_size_note (IopGroup *group)
{
  int members = iop_group_get_member_count (group);

  if (members > iop_group_get_max_size (group))
    return g_strdup (_("Over capacity"));
  if (members == iop_group_get_max_size (group))
    return g_strdup (_("Full"));
  if (members < iop_group_get_min_size (group))
    return g_strdup (_("Below minimum"));
  return NULL;
}

static void
iop_group_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), IOP_TYPE_GROUP_ROW);

  G_OBJECT_CLASS (iop_group_row_parent_class)->dispose (object);
}

static void
iop_group_row_class_init (IopGroupRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = iop_group_row_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/iop/iop-group-row.ui");
  gtk_widget_class_bind_template_child (widget_class, IopGroupRow, box);
  gtk_widget_class_bind_template_child (widget_class, IopGroupRow, name_label);
  gtk_widget_class_bind_template_child (widget_class, IopGroupRow, type_label);
  gtk_widget_class_bind_template_child (widget_class, IopGroupRow, detail_label);
  gtk_widget_class_bind_template_child (widget_class, IopGroupRow, count_label);
  gtk_widget_class_bind_template_child (widget_class, IopGroupRow, status_label);
}

static void
iop_group_row_init (IopGroupRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
iop_group_row_new (void)
{
  return g_object_new (IOP_TYPE_GROUP_ROW, NULL);
}

void
iop_group_row_set_group (IopGroupRow *self,
                         IopGroup    *group,
                         const char  *facilitator_name)
{
  g_autofree char *schedule = NULL;
  g_autofree char *detail = NULL;
  g_autofree char *count = NULL;
  g_autofree char *note = NULL;
  g_autofree char *accessible = NULL;
  GtkWidget *count_widget = GTK_WIDGET (self->count_label);

  g_return_if_fail (IOP_IS_GROUP_ROW (self));

  if (group == NULL)
    return;

  schedule = iop_group_dup_schedule_label (group);
  if (facilitator_name != NULL && *facilitator_name)
    /* Translators: schedule · facilitator */
    detail = g_strdup_printf (_("%s · with %s"), schedule, facilitator_name);
  else
    detail = g_steal_pointer (&schedule);

  gtk_label_set_text (self->name_label, iop_group_get_name (group));
  gtk_label_set_text (self->type_label, iop_group_type_label (iop_group_get_group_type (group)));
  gtk_label_set_text (self->detail_label, detail);

  /* Translators: members of maximum, as in “8/15” */
  count = g_strdup_printf (_("%d/%d"), iop_group_get_member_count (group), iop_group_get_max_size (group));
  gtk_label_set_text (self->count_label, count);
  gtk_widget_set_tooltip_text (count_widget, _("Members now / maximum"));

  note = iop_group_dup_size_note (group);
  if (iop_group_get_archived (group))
    {
      g_free (note);
      note = g_strdup (_("Archived"));
    }

  gtk_widget_remove_css_class (count_widget, "warning");
  gtk_widget_remove_css_class (count_widget, "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "warning");
  gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "dim-label");
  if (note != NULL)
    {
      const char *style = iop_group_get_archived (group) ? "dim-label" : "warning";

      gtk_label_set_text (self->status_label, note);
      gtk_widget_add_css_class (GTK_WIDGET (self->status_label), style);
      if (!iop_group_get_archived (group))
        gtk_widget_add_css_class (count_widget, "warning");
    }
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), note != NULL);

  accessible = g_strdup_printf (_("%d of %d members"), iop_group_get_member_count (group),
                                iop_group_get_max_size (group));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->count_label),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
}

const char *
iop_group_row_get_count_text (IopGroupRow *self)
{
  g_return_val_if_fail (IOP_IS_GROUP_ROW (self), NULL);
  return gtk_label_get_text (self->count_label);
}

const char *
iop_group_row_get_status_text (IopGroupRow *self)
{
  g_return_val_if_fail (IOP_IS_GROUP_ROW (self), NULL);
  if (!gtk_widget_get_visible (GTK_WIDGET (self->status_label)))
    return NULL;
  return gtk_label_get_text (self->status_label);
}
