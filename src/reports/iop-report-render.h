/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/*
 * Rendering of the group and program reports: charts drawn with Cairo (the same
 * functions draw on screen, on paper and in PDF), whole documents built on
 * IopDocument, and CSV. Members appear by initials unless the caller asks for
 * full names for an internal copy.
 */

#include <cairo.h>

#include "iop-document.h"
#include "iop-group-report.h"
#include "iop-program-report.h"

G_BEGIN_DECLS

/* Colours a chart draws with: on paper black on white, on screen the style's. */
typedef struct {
  double fg[4];          /* text, axes, series */
  double bg[4];          /* what hollow markers and hatching are filled with */
  double accent[4];      /* the main series */
  double grid[4];        /* grid lines, reference bands */
} IopChartTheme;

typedef enum {
  IOP_GROUP_CHART_ATTENDANCE,      /* rate per session, with its trend line */
  IOP_GROUP_CHART_GROUP_SIZE,      /* members per week against minimum and maximum */
  IOP_GROUP_CHART_PARTICIPATION,   /* stacked levels per session */
  IOP_GROUP_CHART_CLIMATE,         /* facilitator's four ratings per session */
  IOP_GROUP_CHART_RATINGS,         /* members' mean total per session */
  IOP_GROUP_CHART_MEASURES,        /* PHQ-9 and GAD-7, first and latest per member */
  IOP_GROUP_N_CHARTS,
} IopGroupChart;

typedef enum {
  IOP_PROGRAM_CHART_ATTENDANCE,    /* rate per week */
  IOP_PROGRAM_CHART_HOURS,         /* people checked and under the minimum per week */
  IOP_PROGRAM_CHART_MEASURES,      /* weekly mean PHQ-9 and GAD-7 */
  IOP_PROGRAM_N_CHARTS,
} IopProgramChart;

void         iop_chart_theme_init_print      (IopChartTheme          *theme);

const char  *iop_group_chart_title           (IopGroupChart           chart);
double       iop_group_chart_height          (IopGroupChart           chart);
void         iop_group_report_draw_chart     (IopGroupReport         *report,
                                              IopGroupChart           chart,
                                              cairo_t                *cr,
                                              double                  width,
                                              double                  height,
                                              const IopChartTheme    *theme);
const char  *iop_program_chart_title         (IopProgramChart         chart);
void         iop_program_report_draw_chart   (IopProgramReport       *report,
                                              IopProgramChart         chart,
                                              cairo_t                *cr,
                                              double                  width,
                                              double                  height,
                                              const IopChartTheme    *theme);

/* Sentences for the "needs attention" list; the same on screen and on paper. */
GPtrArray   *iop_group_report_dup_flags      (IopGroupReport         *report,
                                              gboolean                full_names);
GPtrArray   *iop_program_report_dup_flags    (IopProgramReport       *report,
                                              gboolean                full_names);

IopDocument *iop_group_report_build_document (IopGroupReport         *report,
                                              const char             *program_name,
                                              gboolean                full_names);
IopDocument *iop_program_report_build_document (IopProgramReport     *report,
                                              const char             *program_name,
                                              gboolean                full_names);

char        *iop_csv_field                   (const char             *text);
char        *iop_group_report_to_csv         (IopGroupReport         *report,
                                              gboolean                full_names);
char        *iop_program_report_to_csv       (IopProgramReport       *report,
                                              gboolean                full_names);
gboolean     iop_report_write_text           (const char             *path,
                                              const char             *contents,
                                              GError                **error);

G_END_DECLS
