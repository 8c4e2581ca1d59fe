/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "iop-participant-row"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "iop-initials.h"
#include "iop-participant-row.h"

struct _IopParticipantRow
{
  GtkWidget  parent_instance;

  /* template widgets */
  GtkWidget *box;
  GtkLabel  *avatar;
  GtkLabel  *name_label;
  GtkLabel  *detail_label;
  GtkLabel  *status_label;
  GtkWidget *chevron;

  /* borrowed */
  const char *status_style;
};

G_DEFINE_FINAL_TYPE (IopParticipantRow, iop_participant_row, GTK_TYPE_WIDGET)

const char *
iop_participant_status_style (const char *status)
{
  if (g_strcmp0 (status, "active") == 0)
    return "success";
  if (g_strcmp0 (status, "on-hold") == 0)
    return "warning";
  return NULL;
}

static void
iop_participant_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), IOP_TYPE_PARTICIPANT_ROW);

  G_OBJECT_CLASS (iop_participant_row_parent_class)->dispose (object);
}

static void
iop_participant_row_class_init (IopParticipantRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = iop_participant_row_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/iop/iop-participant-row.ui");
  gtk_widget_class_bind_template_child (widget_class, IopParticipantRow, box);
  gtk_widget_class_bind_template_child (widget_class, IopParticipantRow, avatar);
  gtk_widget_class_bind_template_child (widget_class, IopParticipantRow, name_label);
  gtk_widget_class_bind_template_child (widget_class, IopParticipantRow, detail_label);
  gtk_widget_class_bind_template_child (widget_class, IopParticipantRow, status_label);
  gtk_widget_class_bind_template_child (widget_class, IopParticipantRow, chevron);
}

static void
iop_participant_row_init (IopParticipantRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
iop_participant_row_new (void)
{
  return g_object_new (IOP_TYPE_PARTICIPANT_ROW, NULL);
}

void
iop_participant_row_set_participant (IopParticipantRow *self,
                                     IopParticipant    *participant)
{
  g_autofree char *name = NULL;
  g_autofree char *detail = NULL;
  const char *status;
  const char *pronouns;

  g_return_if_fail (IOP_IS_PARTICIPANT_ROW (self));

  if (participant == NULL)
    return;

  name = iop_participant_dup_display_name (participant);
  pronouns = iop_participant_get_pronouns (participant);
  if (pronouns != NULL && *pronouns)
    detail = g_strdup_printf ("%s · %s · %s", iop_participant_get_record_number (participant), pronouns,
                              iop_level_of_care_label (iop_participant_get_level_of_care (participant)));
  else
    detail = g_strdup_printf ("%s · %s", iop_participant_get_record_number (participant),
                              iop_level_of_care_label (iop_participant_get_level_of_care (participant)));

  iop_initials_set (self->avatar, name);
  gtk_label_set_text (self->name_label, name);
  gtk_label_set_text (self->detail_label, detail);

  status = iop_participant_get_status (participant);
  gtk_label_set_text (self->status_label, iop_participant_status_label (status));
  if (self->status_style != NULL)
    gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), self->status_style);
  self->status_style = iop_participant_status_style (status);
  if (self->status_style != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->status_label), self->status_style);
}

/**
 * iop_participant_row_set_selection_mode:
 * @selecting: %TRUE while rows are ticked rather than opened
 *
 * A row that opens a page shows an arrow; a row that is ticked does not.
 */
void
iop_participant_row_set_selection_mode (IopParticipantRow *self,
                                        gboolean           selecting)
{
  g_return_if_fail (IOP_IS_PARTICIPANT_ROW (self));

  gtk_widget_set_visible (self->chevron, !selecting);
}
