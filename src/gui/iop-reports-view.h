/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "iop-group-report.h"
#include "iop-program-report.h"
#include "iop-store.h"

G_BEGIN_DECLS

#define IOP_TYPE_REPORTS_VIEW (iop_reports_view_get_type ())
G_DECLARE_FINAL_TYPE (IopReportsView, iop_reports_view, IOP, REPORTS_VIEW, AdwBin)

GtkWidget        *iop_reports_view_new                (IopStore       *store);
void              iop_reports_view_select_program     (IopReportsView *self);
gboolean          iop_reports_view_select_group       (IopReportsView *self,
                                                       gint64          group_id);
void              iop_reports_view_set_range          (IopReportsView *self,
                                                       const char     *from,
                                                       const char     *to);
void              iop_reports_view_set_full_names     (IopReportsView *self,
                                                       gboolean        full_names);

/* For tests: what a person sees. */
gboolean          iop_reports_view_is_busy            (IopReportsView *self);
const char       *iop_reports_view_get_visible_page   (IopReportsView *self);
IopGroupReport   *iop_reports_view_get_group_report   (IopReportsView *self);
IopProgramReport *iop_reports_view_get_program_report (IopReportsView *self);
GPtrArray        *iop_reports_view_dup_flags          (IopReportsView *self);
char             *iop_reports_view_dup_text           (IopReportsView *self);

G_END_DECLS
