/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define IOP_TYPE_CHART (iop_chart_get_type ())
G_DECLARE_FINAL_TYPE (IopChart, iop_chart, IOP, CHART, GtkDrawingArea)

GtkWidget  *iop_chart_new             (void);
void        iop_chart_set_range       (IopChart   *self,
                                       double      min_value,
                                       double      max_value);
void        iop_chart_clear           (IopChart   *self);
guint       iop_chart_add_series      (IopChart   *self,
                                       const char *label);
void        iop_chart_add_point       (IopChart   *self,
                                       guint       series,
                                       const char *date,
                                       double      value);
guint       iop_chart_get_n_series    (IopChart   *self);
guint       iop_chart_get_n_points    (IopChart   *self,
                                       guint       series);

G_END_DECLS
