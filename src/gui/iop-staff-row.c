/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "iop-staff-row"

#include "config.h"

#include <glib/gi18n.h>

#include "iop-staff-row.h"
#include "iop-store-people.h"

struct _IopStaffRow
{
  AdwComboRow  parent_instance;

  /* owned */
  IopStore    *store;
  GArray      *ids;   /* staff id per position; 0 is “Not assigned” */
};

G_DEFINE_FINAL_TYPE (IopStaffRow, iop_staff_row, ADW_TYPE_COMBO_ROW)

static void
reload (IopStaffRow *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GListModel) staff = NULL;
  gint64 none = 0;

  g_array_set_size (self->ids, 0);
  g_array_append_val (self->ids, none);
  gtk_string_list_append (names, _("Not assigned"));

  if (self->store != NULL)
    staff = iop_store_list_staff (self->store, NULL);

  for (guint i = 0; staff != NULL && i < g_list_model_get_n_items (staff); i++)
    {
      g_autoptr(IopStaff) member = g_list_model_get_item (staff, i);
      gint64 id = iop_staff_get_id (member);

      if (!iop_staff_get_active (member))
        continue;
      g_array_append_val (self->ids, id);
      gtk_string_list_append (names, iop_staff_get_full_name (member));
    }

  adw_combo_row_set_model (ADW_COMBO_ROW (self), G_LIST_MODEL (names));
}

static void
iop_staff_row_finalize (GObject *object)
{
  IopStaffRow *self = IOP_STAFF_ROW (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->ids, g_array_unref);

  G_OBJECT_CLASS (iop_staff_row_parent_class)->finalize (object);
}

static void
iop_staff_row_class_init (IopStaffRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = iop_staff_row_finalize;
}

static void
iop_staff_row_init (IopStaffRow *self)
{
  self->ids = g_array_new (FALSE, TRUE, sizeof (gint64));
  reload (self);
}

GtkWidget *
iop_staff_row_new (IopStore *store)
{
  IopStaffRow *self = g_object_new (IOP_TYPE_STAFF_ROW, NULL);

  iop_staff_row_set_store (self, store);
  return GTK_WIDGET (self);
}

void
iop_staff_row_set_store (IopStaffRow *self,
                         IopStore    *store)
{
  g_return_if_fail (IOP_IS_STAFF_ROW (self));

  g_set_object (&self->store, store);
  reload (self);
}

gint64
iop_staff_row_get_staff_id (IopStaffRow *self)
{
  guint selected;

  g_return_val_if_fail (IOP_IS_STAFF_ROW (self), 0);

  selected = adw_combo_row_get_selected (ADW_COMBO_ROW (self));
  if (selected >= self->ids->len)
    return 0;
  return g_array_index (self->ids, gint64, selected);
}

void
iop_staff_row_set_staff_id (IopStaffRow *self,
                            gint64       staff_id)
{
  g_return_if_fail (IOP_IS_STAFF_ROW (self));

  for (guint i = 0; i < self->ids->len; i++)
    if (g_array_index (self->ids, gint64, i) == staff_id)
      {
        adw_combo_row_set_selected (ADW_COMBO_ROW (self), i);
        return;
      }

  /* Someone no longer active who still holds the role stays chosen, listed
   * last: saving anything else on the page must not unassign them. */
  if (staff_id > 0 && self->store != NULL)
    {
      g_autoptr(IopStaff) member = iop_store_get_staff (self->store, staff_id, NULL);

      if (member != NULL)
        {
          GListModel *names = adw_combo_row_get_model (ADW_COMBO_ROW (self));

          g_array_append_val (self->ids, staff_id);
          gtk_string_list_append (GTK_STRING_LIST (names), iop_staff_get_full_name (member));
          adw_combo_row_set_selected (ADW_COMBO_ROW (self), self->ids->len - 1);
          return;
        }
    }
  adw_combo_row_set_selected (ADW_COMBO_ROW (self), 0);
}
