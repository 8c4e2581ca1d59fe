/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "iop-report-render"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "iop-date.h"
#include "iop-report-render.h"

/*
 * Charts never rely on colour alone: every series has its own marker shape and
 * line dash, is named in a legend and, for lines, labelled at its end; the
 * participation levels are told apart by hatching. So they read the same in
 * dark style, printed in grey, and for people who do not see colours.
 */

#define FONT_LABEL   "Sans 7.5"
#define FONT_LEGEND  "Sans 8"
#define FONT_TITLE   "Sans Bold 9"
#define TITLE_HEIGHT 22.0
#define MARGIN_LEFT  34.0
#define MARGIN_RIGHT 70.0
#define MARGIN_TOP   20.0
#define MARGIN_BOTTOM 18.0
#define MARKER       3.2

typedef enum { SHAPE_CIRCLE, SHAPE_SQUARE, SHAPE_TRIANGLE, SHAPE_DIAMOND, SHAPE_NONE } Shape;
typedef enum { DASH_SOLID, DASH_DASHED, DASH_DOTTED, DASH_DASH_DOT } Dash;
typedef enum { FILL_NONE, FILL_DIAGONAL, FILL_HORIZONTAL, FILL_CROSS, FILL_SOLID } Fill;

typedef struct {
  cairo_t             *cr;
  const IopChartTheme *t;
  double               x0, y0, w, h;  /* the plot area */
  double               ymin, ymax;
  guint                n;             /* slots along x */
  double               labels[16];    /* y of end labels already drawn */
  guint                n_labels;
} Plot;

typedef struct {
  const char *label;
  Shape       shape;
  Dash        dash;
  Fill        fill;                   /* FILL_NONE with a shape: a line entry */
  gboolean    accent;
} LegendEntry;

/* Drawing helpers */

static void
set_rgba (cairo_t      *cr,
          const double  c[4])
{
  cairo_set_source_rgba (cr, c[0], c[1], c[2], c[3]);
}

static void
set_dash (cairo_t *cr,
          Dash     dash)
{
  static const double dashed[] = { 6, 3 };
  static const double dotted[] = { 1.2, 2.4 };
  static const double dash_dot[] = { 6, 2, 1.2, 2 };

  switch (dash)
    {
    case DASH_DASHED: cairo_set_dash (cr, dashed, G_N_ELEMENTS (dashed), 0); break;
    case DASH_DOTTED: cairo_set_dash (cr, dotted, G_N_ELEMENTS (dotted), 0); break;
    case DASH_DASH_DOT: cairo_set_dash (cr, dash_dot, G_N_ELEMENTS (dash_dot), 0); break;
    case DASH_SOLID:
    default:
      cairo_set_dash (cr, NULL, 0, 0);
    }
}

static double
draw_text (cairo_t             *cr,
           const IopChartTheme *t,
           double               x,
           double               y,
           const char          *text,
           double               halign,
           double               valign,
           const char          *font)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *desc = pango_font_description_from_string (font != NULL ? font : FONT_LABEL);
  int w, h;

  pango_layout_set_font_description (layout, desc);
  pango_layout_set_text (layout, text, -1);
  pango_layout_get_pixel_size (layout, &w, &h);
  cairo_save (cr);
  set_rgba (cr, t->fg);
  cairo_move_to (cr, x - w * halign, y - h * valign);
  pango_cairo_show_layout (cr, layout);
  cairo_restore (cr);
  pango_font_description_free (desc);
  g_object_unref (layout);
  return w;
}

static void
marker (cairo_t             *cr,
        const IopChartTheme *t,
        Shape                shape,
        double               x,
        double               y,
        gboolean             filled,
        const double         colour[4])
{
  double r = MARKER;

  cairo_save (cr);
  cairo_set_dash (cr, NULL, 0, 0);
  cairo_new_path (cr);
  switch (shape)
    {
    case SHAPE_CIRCLE:
      cairo_arc (cr, x, y, r, 0, 2 * G_PI);
      break;
    case SHAPE_SQUARE:
      cairo_rectangle (cr, x - r, y - r, 2 * r, 2 * r);
      break;
    case SHAPE_TRIANGLE:
      cairo_move_to (cr, x, y - r * 1.2);
      cairo_line_to (cr, x + r * 1.1, y + r * 0.9);
      cairo_line_to (cr, x - r * 1.1, y + r * 0.9);
      cairo_close_path (cr);
      break;
    case SHAPE_DIAMOND:
      cairo_move_to (cr, x, y - r * 1.3);
      cairo_line_to (cr, x + r * 1.3, y);
      cairo_line_to (cr, x, y + r * 1.3);
      cairo_line_to (cr, x - r * 1.3, y);
      cairo_close_path (cr);
      break;
    case SHAPE_NONE:
    default:
      cairo_restore (cr);
      return;
    }
  set_rgba (cr, filled ? colour : t->bg);
  cairo_fill_preserve (cr);
  set_rgba (cr, colour);
  cairo_set_line_width (cr, 1.0);
  cairo_stroke (cr);
  cairo_restore (cr);
}

static void
fill_box (cairo_t             *cr,
          const IopChartTheme *t,
          double               x,
          double               y,
          double               w,
          double               h,
          Fill                 fill)
{
  cairo_save (cr);
  cairo_set_dash (cr, NULL, 0, 0);
  cairo_rectangle (cr, x, y, w, h);
  set_rgba (cr, fill == FILL_SOLID ? t->accent : t->bg);
  cairo_fill_preserve (cr);
  cairo_save (cr);
  cairo_clip (cr);
  cairo_set_line_width (cr, 0.7);
  set_rgba (cr, t->fg);
  if (fill == FILL_DIAGONAL || fill == FILL_CROSS)
    for (double d = -h; d < w; d += 3.5)
      {
        cairo_move_to (cr, x + d, y + h);
        cairo_line_to (cr, x + d + h, y);
      }
  if (fill == FILL_CROSS)
    for (double d = 0; d < w + h; d += 3.5)
      {
        cairo_move_to (cr, x + d, y + h);
        cairo_line_to (cr, x + d - h, y);
      }
  if (fill == FILL_HORIZONTAL)
    for (double d = y + 1.5; d < y + h; d += 3)
      {
        cairo_move_to (cr, x, d);
        cairo_line_to (cr, x + w, d);
      }
  cairo_stroke (cr);
  cairo_restore (cr);
  cairo_rectangle (cr, x, y, w, h);
  set_rgba (cr, t->fg);
  cairo_set_line_width (cr, 0.6);
  cairo_stroke (cr);
  cairo_restore (cr);
}

static void
legend (cairo_t             *cr,
        const IopChartTheme *t,
        double               x,
        double               y,
        const LegendEntry   *entries,
        guint                n)
{
  for (guint i = 0; i < n; i++)
    {
      const LegendEntry *e = &entries[i];
      const double *colour = e->accent ? t->accent : t->fg;

      if (e->fill != FILL_NONE)
        fill_box (cr, t, x, y - 4, 10, 8, e->fill);
      else
        {
          cairo_save (cr);
          set_rgba (cr, colour);
          cairo_set_line_width (cr, 1.4);
          set_dash (cr, e->dash);
          cairo_move_to (cr, x - 2, y);
          cairo_line_to (cr, x + 14, y);
          cairo_stroke (cr);
          cairo_restore (cr);
          marker (cr, t, e->shape, x + 6, y, TRUE, colour);
        }
      x += 18 + draw_text (cr, t, x + 17, y, e->label, 0, 0.5, FONT_LEGEND) + 10;
    }
}

static double
plot_x (const Plot *p,
        double      i)
{
  if (p->n <= 1)
    return p->x0 + p->w / 2;
  return p->x0 + p->w * (i + 0.5) / p->n;
}

static double
plot_y (const Plot *p,
        double      v)
{
  return p->y0 + p->h - (v - p->ymin) / (p->ymax - p->ymin) * p->h;
}

static char *
short_date (const char *iso)
{
  g_autoptr(GDate) date = iop_date_parse (iso);
  char buf[64];

  if (date == NULL || g_date_strftime (buf, sizeof buf, "%b %e", date) == 0)
    return g_strdup (iso != NULL ? iso : "");
  return g_strdup (g_strstrip (buf));
}

/* Axes, grid and labels; @ticks values from ymin to ymax, @x_labels one per slot. */
static void
plot_frame (Plot               *p,
            guint               ticks,
            const char         *unit_format,
            double              unit_scale,
            const char * const *x_labels)
{
  cairo_t *cr = p->cr;
  guint step = MAX (1, (p->n + 7) / 8);

  cairo_save (cr);
  cairo_set_line_width (cr, 0.5);
  for (guint i = 0; i <= ticks; i++)
    {
      double v = p->ymin + (p->ymax - p->ymin) * i / ticks;
      double y = plot_y (p, v);
      g_autofree char *label = g_strdup_printf (unit_format, v * unit_scale);

      set_rgba (cr, p->t->grid);
      cairo_move_to (cr, p->x0, y);
      cairo_line_to (cr, p->x0 + p->w, y);
      cairo_stroke (cr);
      draw_text (cr, p->t, p->x0 - 4, y, label, 1, 0.5, NULL);
    }
  set_rgba (cr, p->t->fg);
  cairo_set_line_width (cr, 0.8);
  cairo_move_to (cr, p->x0, p->y0);
  cairo_line_to (cr, p->x0, p->y0 + p->h);
  cairo_line_to (cr, p->x0 + p->w, p->y0 + p->h);
  cairo_stroke (cr);
  cairo_restore (cr);

  if (x_labels != NULL)
    for (guint i = 0; i < p->n; i += step)
      draw_text (cr, p->t, plot_x (p, i), p->y0 + p->h + 3, x_labels[i], 0.5, 0, NULL);
}

static void
plot_init (Plot                *p,
           cairo_t             *cr,
           const IopChartTheme *t,
           double               width,
           double               height,
           guint                n,
           double               ymin,
           double               ymax)
{
  p->cr = cr;
  p->t = t;
  p->x0 = MARGIN_LEFT;
  p->y0 = MARGIN_TOP;
  p->w = MAX (10, width - MARGIN_LEFT - MARGIN_RIGHT);
  p->h = MAX (10, height - MARGIN_TOP - MARGIN_BOTTOM);
  p->n = n;
  p->ymin = ymin;
  p->ymax = ymax;
  p->n_labels = 0;
}

static void
empty_chart (cairo_t             *cr,
             const IopChartTheme *t,
             double               width,
             double               height,
             const char          *text)
{
  draw_text (cr, t, width / 2, height / 2, text, 0.5, 0.5, FONT_LEGEND);
}

/* One line series with markers; values < 0 are gaps. Labels its last point. */
static void
plot_series (Plot         *p,
             const double *values,
             Dash          dash,
             Shape         shape,
             gboolean      accent,
             const char   *end_label)
{
  cairo_t *cr = p->cr;
  const double *colour = accent ? p->t->accent : p->t->fg;
  gboolean pen_down = FALSE;
  int last = -1;

  cairo_save (cr);
  set_rgba (cr, colour);
  cairo_set_line_width (cr, 1.5);
  set_dash (cr, dash);
  for (guint i = 0; i < p->n; i++)
    {
      if (values[i] < 0)
        continue;
      if (pen_down)
        cairo_line_to (cr, plot_x (p, i), plot_y (p, values[i]));
      else
        cairo_move_to (cr, plot_x (p, i), plot_y (p, values[i]));
      pen_down = TRUE;
      last = i;
    }
  cairo_stroke (cr);
  cairo_restore (cr);
  for (guint i = 0; i < p->n; i++)
    if (values[i] >= 0)
      marker (cr, p->t, shape, plot_x (p, i), plot_y (p, values[i]), TRUE, colour);
  if (end_label != NULL && last >= 0)
    {
      double y = plot_y (p, values[last]);
      gboolean moved = TRUE;

      /* Lines that end together get their labels stacked, not overprinted. */
      for (guint guard = 0; moved && guard < 16; guard++)
        {
          moved = FALSE;
          for (guint i = 0; i < p->n_labels; i++)
            if (fabs (p->labels[i] - y) < 9)
              {
                y = p->labels[i] + 9;
                moved = TRUE;
              }
        }
      if (p->n_labels < G_N_ELEMENTS (p->labels))
        p->labels[p->n_labels++] = y;
      draw_text (cr, p->t, plot_x (p, last) + 7, y, end_label, 0, 0.5, NULL);
    }
}

static void
reference_line (Plot       *p,
                double      value,
                const char *label)
{
  cairo_t *cr = p->cr;
  double y = plot_y (p, value);

  cairo_save (cr);
  set_rgba (cr, p->t->fg);
  cairo_set_line_width (cr, 0.8);
  set_dash (cr, DASH_DOTTED);
  cairo_move_to (cr, p->x0, y);
  cairo_line_to (cr, p->x0 + p->w, y);
  cairo_stroke (cr);
  cairo_restore (cr);
  draw_text (cr, p->t, p->x0 + p->w + 4, y, label, 0, 0.5, NULL);
}

/* Group charts */

static GStrv
session_labels (IopGroupReport *report)
{
  GStrv labels = g_new0 (char *, report->sessions->len + 1);

  for (guint i = 0; i < report->sessions->len; i++)
    labels[i] = short_date (g_array_index (report->sessions, IopGroupReportSession, i).date);
  return labels;
}

static GStrv
week_labels (GArray *weeks,
             gsize   start_offset,
             gsize   element_size)
{
  GStrv labels = g_new0 (char *, weeks->len + 1);

  for (guint i = 0; i < weeks->len; i++)
    labels[i] = short_date (*(char **) (weeks->data + i * element_size + start_offset));
  return labels;
}

static void
draw_attendance (IopGroupReport      *report,
                 cairo_t             *cr,
                 double               width,
                 double               height,
                 const IopChartTheme *t)
{
  g_auto(GStrv) labels = session_labels (report);
  g_autofree double *values = g_new0 (double, report->sessions->len + 1);
  g_autofree double *trend = g_new0 (double, report->sessions->len + 1);
  const char *first_rated = NULL;
  double mean_x = 0;
  guint n_rated = 0;
  LegendEntry entries[] = {
    { _("Attendance rate"), SHAPE_CIRCLE, DASH_SOLID, FILL_NONE, TRUE },
    { _("Trend (least squares)"), SHAPE_NONE, DASH_DASHED, FILL_NONE, FALSE },
  };
  Plot p;

  for (guint i = 0; i < report->sessions->len; i++)
    {
      const IopGroupReportSession *s = &g_array_index (report->sessions, IopGroupReportSession, i);

      values[i] = s->attendance_rate;
      if (s->attendance_rate >= 0)
        {
          if (first_rated == NULL)
            first_rated = s->date;
          mean_x += iop_date_diff_days (first_rated, s->date) / 7.0;
          n_rated++;
        }
    }
  if (n_rated == 0)
    {
      empty_chart (cr, t, width, height, _("No attendance recorded in this period."));
      return;
    }
  mean_x /= n_rated;

  plot_init (&p, cr, t, width, height, report->sessions->len, 0, 1);
  plot_frame (&p, 4, "%.0f%%", 100, (const char * const *) labels);
  legend (cr, t, p.x0, 8, entries, G_N_ELEMENTS (entries));

  /* The trend line passes through (mean x, mean rate) with the report's slope. */
  for (guint i = 0; i < report->sessions->len; i++)
    {
      const IopGroupReportSession *s = &g_array_index (report->sessions, IopGroupReportSession, i);
      double x = first_rated != NULL ? iop_date_diff_days (first_rated, s->date) / 7.0 : 0;

      trend[i] = CLAMP (report->mean_attendance_rate + report->attendance_slope * (x - mean_x), 0, 1);
    }
  if (n_rated >= 2)
    plot_series (&p, trend, DASH_DASHED, SHAPE_NONE, FALSE, _("Trend"));
  plot_series (&p, values, DASH_SOLID, SHAPE_CIRCLE, TRUE, _("Rate"));
}

static void
draw_group_size (IopGroupReport      *report,
                 cairo_t             *cr,
                 double               width,
                 double               height,
                 const IopChartTheme *t)
{
  g_auto(GStrv) labels = week_labels (report->weeks, G_STRUCT_OFFSET (IopGroupReportWeek, start), sizeof (IopGroupReportWeek));
  g_autofree double *values = g_new0 (double, report->weeks->len + 1);
  g_autofree char *min_label = g_strdup_printf (_("Minimum %d"), report->min_size);
  g_autofree char *max_label = g_strdup_printf (_("Maximum %d"), report->max_size);
  int top = report->max_size;
  LegendEntry entries[] = {
    { _("Members at the start of the week"), SHAPE_SQUARE, DASH_SOLID, FILL_NONE, TRUE },
    { _("Minimum and maximum size"), SHAPE_NONE, DASH_DOTTED, FILL_NONE, FALSE },
  };
  Plot p;

  for (guint i = 0; i < report->weeks->len; i++)
    {
      values[i] = g_array_index (report->weeks, IopGroupReportWeek, i).size;
      top = MAX (top, (int) values[i]);
    }
  top = ((top + 4) / 5) * 5;
  plot_init (&p, cr, t, width, height, report->weeks->len, 0, MAX (top, 5));
  plot_frame (&p, 5, "%.0f", 1, (const char * const *) labels);
  legend (cr, t, p.x0, 8, entries, G_N_ELEMENTS (entries));
  reference_line (&p, report->min_size, min_label);
  reference_line (&p, report->max_size, max_label);
  plot_series (&p, values, DASH_SOLID, SHAPE_SQUARE, TRUE, NULL);
}

static const char *
participation_label (int level)
{
  switch (level)
    {
    case 0: return C_("participation", "0 none");
    case 1: return C_("participation", "1 minimal");
    case 2: return C_("participation", "2 some");
    case 3: return C_("participation", "3 active");
    case 4:
    default:
      return C_("participation", "4 leading");
    }
}

static void
draw_participation (IopGroupReport      *report,
                    cairo_t             *cr,
                    double               width,
                    double               height,
                    const IopChartTheme *t)
{
  static const Fill fills[5] = { FILL_NONE, FILL_DIAGONAL, FILL_HORIZONTAL, FILL_CROSS, FILL_SOLID };
  g_auto(GStrv) labels = session_labels (report);
  int top = 1;
  Plot p;

  for (guint i = 0; i < report->sessions->len; i++)
    top = MAX (top, g_array_index (report->sessions, IopGroupReportSession, i).n_participation);
  if (report->sessions->len == 0)
    {
      empty_chart (cr, t, width, height, _("No sessions in this period."));
      return;
    }
  top = ((top + 3) / 4) * 4;
  plot_init (&p, cr, t, width, height, report->sessions->len, 0, top);
  plot_frame (&p, 4, "%.0f", 1, (const char * const *) labels);
  {
    double x = p.x0;

    /* The legend by hand: level 0 is an empty box, not a line. */
    for (int level = 0; level < 5; level++)
      {
        fill_box (cr, t, x, 4, 10, 8, fills[level]);
        x += 14 + draw_text (cr, t, x + 13, 8, participation_label (level), 0, 0.5, FONT_LEGEND) + 8;
      }
  }

  for (guint i = 0; i < report->sessions->len; i++)
    {
      const IopGroupReportSession *s = &g_array_index (report->sessions, IopGroupReportSession, i);
      double bar = MIN (26, p.w / p.n * 0.6);
      double base = 0;

      for (int level = 0; level < 5; level++)
        {
          int count = s->participation[level];

          if (count == 0)
            continue;
          fill_box (cr, t, plot_x (&p, i) - bar / 2, plot_y (&p, base + count), bar,
                    plot_y (&p, base) - plot_y (&p, base + count), fills[level]);
          base += count;
        }
    }
}

static void
draw_climate (IopGroupReport      *report,
              cairo_t             *cr,
              double               width,
              double               height,
              const IopChartTheme *t)
{
  static const Dash dashes[IOP_N_CLIMATE] = { DASH_SOLID, DASH_DASHED, DASH_DOTTED, DASH_DASH_DOT };
  static const Shape shapes[IOP_N_CLIMATE] = { SHAPE_CIRCLE, SHAPE_SQUARE, SHAPE_TRIANGLE, SHAPE_DIAMOND };
  const char *names[IOP_N_CLIMATE] = { _("Cohesion"), _("Engagement"), _("Avoidance"), _("Conflict") };
  g_auto(GStrv) labels = session_labels (report);
  LegendEntry entries[IOP_N_CLIMATE];
  gboolean any = FALSE;
  Plot p;

  for (guint i = 0; i < report->sessions->len && !any; i++)
    any = g_array_index (report->sessions, IopGroupReportSession, i).climate[0] >= 0;
  if (!any)
    {
      empty_chart (cr, t, width, height, _("The facilitator has not rated the climate of any session in this period."));
      return;
    }
  plot_init (&p, cr, t, width, height, report->sessions->len, 0, 6);
  plot_frame (&p, 6, "%.0f", 1, (const char * const *) labels);
  for (int k = 0; k < IOP_N_CLIMATE; k++)
    entries[k] = (LegendEntry) { names[k], shapes[k], dashes[k], FILL_NONE, k == 0 };
  legend (cr, t, p.x0, 8, entries, IOP_N_CLIMATE);

  for (int k = IOP_N_CLIMATE - 1; k >= 0; k--)
    {
      g_autofree double *values = g_new0 (double, report->sessions->len + 1);

      for (guint i = 0; i < report->sessions->len; i++)
        values[i] = g_array_index (report->sessions, IopGroupReportSession, i).climate[k];
      plot_series (&p, values, dashes[k], shapes[k], k == 0, names[k]);
    }
}

static void
draw_ratings (IopGroupReport      *report,
              cairo_t             *cr,
              double               width,
              double               height,
              const IopChartTheme *t)
{
  g_auto(GStrv) labels = session_labels (report);
  g_autofree double *values = g_new0 (double, report->sessions->len + 1);
  LegendEntry entries[] = {
    { _("Members' mean rating (of 40)"), SHAPE_CIRCLE, DASH_SOLID, FILL_NONE, TRUE },
    { _("Low: below 36"), SHAPE_TRIANGLE, DASH_SOLID, FILL_NONE, FALSE },
  };
  gboolean any = FALSE;
  Plot p;

  for (guint i = 0; i < report->sessions->len; i++)
    {
      values[i] = g_array_index (report->sessions, IopGroupReportSession, i).rating_total_mean;
      any = any || values[i] >= 0;
    }
  if (!any)
    {
      empty_chart (cr, t, width, height, _("No member rated a session in this period."));
      return;
    }
  plot_init (&p, cr, t, width, height, report->sessions->len, 20, 40);
  plot_frame (&p, 4, "%.0f", 1, (const char * const *) labels);
  legend (cr, t, p.x0, 8, entries, G_N_ELEMENTS (entries));
  reference_line (&p, 36, _("36 cut-off"));
  for (guint i = 0; i < report->sessions->len; i++)
    values[i] = values[i] >= 0 ? MAX (values[i], 20) : -1;
  plot_series (&p, values, DASH_SOLID, SHAPE_CIRCLE, TRUE, NULL);
  /* Low sessions get a second, triangular mark below the point. */
  for (guint i = 0; i < report->sessions->len; i++)
    if (g_array_index (report->sessions, IopGroupReportSession, i).ratings_low)
      marker (cr, t, SHAPE_TRIANGLE, plot_x (&p, i), plot_y (&p, values[i]) + 9, TRUE, t->fg);
}

static void
draw_measures (IopGroupReport      *report,
               cairo_t             *cr,
               double               width,
               double               height,
               const IopChartTheme *t)
{
  static const IopReportMeasure shown[] = { IOP_REPORT_MEASURE_PHQ9, IOP_REPORT_MEASURE_GAD7 };
  static const int maxima[] = { 27, 21 };
  double panel = width / G_N_ELEMENTS (shown);
  LegendEntry entries[] = {
    { _("A member: first and latest score"), SHAPE_CIRCLE, DASH_SOLID, FILL_NONE, FALSE },
    { _("Mean"), SHAPE_DIAMOND, DASH_DASHED, FILL_NONE, TRUE },
  };

  legend (cr, t, MARGIN_LEFT, 8, entries, G_N_ELEMENTS (entries));
  for (guint k = 0; k < G_N_ELEMENTS (shown); k++)
    {
      const IopReportMeasureSummary *sum = &report->measures[shown[k]];
      g_autofree char *caption = NULL;
      Plot p;

      cairo_save (cr);
      cairo_translate (cr, k * panel, 0);
      plot_init (&p, cr, t, panel, height - 12, 2, 0, maxima[k]);
      p.w = panel - MARGIN_LEFT - 50;
      {
        const char *ends[] = { _("First"), _("Latest"), NULL };

        plot_frame (&p, 3, "%.0f", 1, ends);
      }
      if (sum->n_members == 0)
        caption = g_strdup_printf (_("%s: no member scored twice"), iop_report_measure_instrument (shown[k]));
      else
        caption = g_strdup_printf (_("%s: n = %d, mean %+.1f, %d improved"),
                                   iop_report_measure_instrument (shown[k]), sum->n_members, sum->mean_change,
                                   sum->n_improved);
      draw_text (cr, t, p.x0, height - 1, caption, 0, 1, NULL);

      for (guint i = 0; i < report->members->len; i++)
        {
          const IopReportMemberMeasure *mm = &g_array_index (report->members, IopGroupReportMember, i).measures[shown[k]];
          double v[2];

          if (mm->n_scores < 2)
            continue;
          v[0] = mm->first;
          v[1] = mm->latest;
          plot_series (&p, v, DASH_SOLID, SHAPE_CIRCLE, FALSE, NULL);
        }
      if (sum->n_members > 0)
        {
          double v[2] = { sum->mean_first, sum->mean_latest };
          g_autofree char *label = g_strdup_printf (_("Mean %.1f"), sum->mean_latest);

          plot_series (&p, v, DASH_DASHED, SHAPE_DIAMOND, TRUE, label);
        }
      cairo_restore (cr);
    }
}

void
iop_chart_theme_init_print (IopChartTheme *theme)
{
  const IopChartTheme print = {
    { 0, 0, 0, 1 },
    { 1, 1, 1, 1 },
    { 0.11, 0.30, 0.58, 1 },
    { 0, 0, 0, 0.18 },
  };

  *theme = print;
}

const char *
iop_group_chart_title (IopGroupChart chart)
{
  switch (chart)
    {
    case IOP_GROUP_CHART_ATTENDANCE: return _("Attendance rate per session");
    case IOP_GROUP_CHART_GROUP_SIZE: return _("Group size per week");
    case IOP_GROUP_CHART_PARTICIPATION: return _("Participation levels per session");
    case IOP_GROUP_CHART_CLIMATE: return _("Group climate, rated by the facilitator (0–6)");
    case IOP_GROUP_CHART_RATINGS: return _("Members' session ratings");
    case IOP_GROUP_CHART_MEASURES: return _("PHQ-9 and GAD-7, first and latest score in the period");
    case IOP_GROUP_N_CHARTS:
    default:
      g_return_val_if_reached ("");
    }
}

/**
 * iop_group_chart_height:
 * @chart: a chart
 *
 * Returns: the height the chart wants, in points, at a page's width
 */
double
iop_group_chart_height (IopGroupChart chart)
{
  return chart == IOP_GROUP_CHART_MEASURES ? 190 : 170;
}

/**
 * iop_group_report_draw_chart:
 * @report: a computed report
 * @chart: which chart
 * @cr: where to draw, (0, 0) at the chart's top left
 * @width: width in points or pixels
 * @height: height
 * @theme: colours (iop_chart_theme_init_print() for paper)
 */
void
iop_group_report_draw_chart (IopGroupReport      *report,
                             IopGroupChart        chart,
                             cairo_t             *cr,
                             double               width,
                             double               height,
                             const IopChartTheme *theme)
{
  g_return_if_fail (report != NULL && cr != NULL && theme != NULL);

  cairo_save (cr);
  switch (chart)
    {
    case IOP_GROUP_CHART_ATTENDANCE: draw_attendance (report, cr, width, height, theme); break;
    case IOP_GROUP_CHART_GROUP_SIZE: draw_group_size (report, cr, width, height, theme); break;
    case IOP_GROUP_CHART_PARTICIPATION: draw_participation (report, cr, width, height, theme); break;
    case IOP_GROUP_CHART_CLIMATE: draw_climate (report, cr, width, height, theme); break;
    case IOP_GROUP_CHART_RATINGS: draw_ratings (report, cr, width, height, theme); break;
    case IOP_GROUP_CHART_MEASURES: draw_measures (report, cr, width, height, theme); break;
    case IOP_GROUP_N_CHARTS:
    default:
      g_warn_if_reached ();
    }
  cairo_restore (cr);
}

/* Program charts */

const char *
iop_program_chart_title (IopProgramChart chart)
{
  switch (chart)
    {
    case IOP_PROGRAM_CHART_ATTENDANCE: return _("Attendance rate per week, all groups");
    case IOP_PROGRAM_CHART_HOURS: return _("Weekly IOP hours: people checked and under their minimum");
    case IOP_PROGRAM_CHART_MEASURES: return _("Mean PHQ-9 and GAD-7 scores per week");
    case IOP_PROGRAM_N_CHARTS:
    default:
      g_return_val_if_reached ("");
    }
}

void
iop_program_report_draw_chart (IopProgramReport    *report,
                               IopProgramChart      chart,
                               cairo_t             *cr,
                               double               width,
                               double               height,
                               const IopChartTheme *t)
{
  g_auto(GStrv) labels = NULL;
  g_autofree double *a = NULL;
  g_autofree double *b = NULL;
  guint n;
  Plot p;

  g_return_if_fail (report != NULL && cr != NULL && t != NULL);

  n = report->weeks->len;
  labels = week_labels (report->weeks, G_STRUCT_OFFSET (IopProgramReportWeek, start), sizeof (IopProgramReportWeek));
  a = g_new0 (double, n + 1);
  b = g_new0 (double, n + 1);
  cairo_save (cr);

  if (chart == IOP_PROGRAM_CHART_ATTENDANCE)
    {
      LegendEntry entries[] = { { _("Attendance rate"), SHAPE_CIRCLE, DASH_SOLID, FILL_NONE, TRUE } };

      for (guint i = 0; i < n; i++)
        a[i] = g_array_index (report->weeks, IopProgramReportWeek, i).attendance_rate;
      plot_init (&p, cr, t, width, height, n, 0, 1);
      plot_frame (&p, 4, "%.0f%%", 100, (const char * const *) labels);
      legend (cr, t, p.x0, 8, entries, G_N_ELEMENTS (entries));
      plot_series (&p, a, DASH_SOLID, SHAPE_CIRCLE, TRUE, _("Rate"));
    }
  else if (chart == IOP_PROGRAM_CHART_HOURS)
    {
      LegendEntry entries[] = {
        { _("At or over the minimum"), SHAPE_NONE, DASH_SOLID, FILL_SOLID, FALSE },
        { _("Under the minimum"), SHAPE_NONE, DASH_SOLID, FILL_DIAGONAL, FALSE },
      };
      int top = 1;

      for (guint i = 0; i < n; i++)
        top = MAX (top, g_array_index (report->weeks, IopProgramReportWeek, i).members_checked);
      top = ((top + 3) / 4) * 4;
      plot_init (&p, cr, t, width, height, n, 0, top);
      plot_frame (&p, 4, "%.0f", 1, (const char * const *) labels);
      legend (cr, t, p.x0, 8, entries, G_N_ELEMENTS (entries));
      for (guint i = 0; i < n; i++)
        {
          const IopProgramReportWeek *w = &g_array_index (report->weeks, IopProgramReportWeek, i);
          double bar = MIN (26, p.w / p.n * 0.6);
          int ok = w->members_checked - w->members_under;

          if (w->members_checked == 0)
            {
              draw_text (cr, t, plot_x (&p, i), p.y0 + p.h - 2, _("partial"), 0.5, 1, NULL);
              continue;
            }
          if (ok > 0)
            fill_box (cr, t, plot_x (&p, i) - bar / 2, plot_y (&p, ok), bar, plot_y (&p, 0) - plot_y (&p, ok), FILL_SOLID);
          if (w->members_under > 0)
            fill_box (cr, t, plot_x (&p, i) - bar / 2, plot_y (&p, w->members_checked), bar,
                      plot_y (&p, ok) - plot_y (&p, w->members_checked), FILL_DIAGONAL);
        }
    }
  else if (chart == IOP_PROGRAM_CHART_MEASURES)
    {
      LegendEntry entries[] = {
        { "PHQ-9", SHAPE_CIRCLE, DASH_SOLID, FILL_NONE, TRUE },
        { "GAD-7", SHAPE_SQUARE, DASH_DASHED, FILL_NONE, FALSE },
      };

      for (guint i = 0; i < n; i++)
        {
          a[i] = g_array_index (report->weeks, IopProgramReportWeek, i).measure_mean[IOP_REPORT_MEASURE_PHQ9];
          b[i] = g_array_index (report->weeks, IopProgramReportWeek, i).measure_mean[IOP_REPORT_MEASURE_GAD7];
        }
      plot_init (&p, cr, t, width, height, n, 0, 27);
      plot_frame (&p, 3, "%.0f", 1, (const char * const *) labels);
      legend (cr, t, p.x0, 8, entries, G_N_ELEMENTS (entries));
      plot_series (&p, b, DASH_DASHED, SHAPE_SQUARE, FALSE, "GAD-7");
      plot_series (&p, a, DASH_SOLID, SHAPE_CIRCLE, TRUE, "PHQ-9");
    }
  cairo_restore (cr);
}

/* Flags: what a supervisor should look at first */

#define FALLING_ATTENDANCE  (-0.02)   /* two percentage points a week */
#define FALLING_COHESION    (-0.25)   /* a quarter point a week */
#define FALLING_RATINGS     (-0.5)    /* half a point of 40 a week */

/**
 * iop_group_report_dup_flags:
 * @report: a computed report
 * @full_names: %TRUE only for an internal copy
 *
 * Returns: (transfer full) (element-type utf8): one sentence per thing that needs
 *   attention, each starting with a word that says what it is, never a colour
 */
GPtrArray *
iop_group_report_dup_flags (IopGroupReport *report,
                            gboolean        full_names)
{
  GPtrArray *flags = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) outreach = g_string_new (NULL);
  g_autoptr(GString) low = g_string_new (NULL);
  int n_outreach = 0, n_low = 0;

  /* The group first: trends a supervisor acts on with the facilitator. */
  if (report->attendance_slope <= FALLING_ATTENDANCE)
    g_ptr_array_add (flags, g_strdup_printf (_("Falling attendance: down %.1f percentage points a week."),
                                             -report->attendance_slope * 100));
  if (report->cohesion_slope <= FALLING_COHESION)
    g_ptr_array_add (flags, g_strdup_printf (_("Falling cohesion: down %.2f points a week on the facilitator's scale."),
                                             -report->cohesion_slope));
  if (report->rating_slope <= FALLING_RATINGS)
    g_ptr_array_add (flags, g_strdup_printf (_("Falling member ratings: down %.1f points a week."), -report->rating_slope));
  if (report->n_low_climate > 0)
    g_ptr_array_add (flags, g_strdup_printf (ngettext ("Low climate: %d session rated low by the facilitator.",
                                                       "Low climate: %d sessions rated low by the facilitator.",
                                                       report->n_low_climate), report->n_low_climate));
  if (report->n_low_rating_sessions > 0)
    g_ptr_array_add (flags, g_strdup_printf (ngettext ("Low member ratings: %d session averaged below 36 of 40.",
                                                       "Low member ratings: %d sessions averaged below 36 of 40.",
                                                       report->n_low_rating_sessions), report->n_low_rating_sessions));
  if (report->weeks_below_min > 0)
    g_ptr_array_add (flags, g_strdup_printf (ngettext ("Group size: below the minimum of %d in %d week.",
                                                       "Group size: below the minimum of %d in %d weeks.",
                                                       report->weeks_below_min), report->min_size, report->weeks_below_min));
  if (report->weeks_above_max > 0)
    g_ptr_array_add (flags, g_strdup_printf (ngettext ("Group size: above the maximum of %d in %d week.",
                                                       "Group size: above the maximum of %d in %d weeks.",
                                                       report->weeks_above_max), report->max_size, report->weeks_above_max));

  /* Then the members, one line per kind. */
  for (guint i = 0; i < report->members->len; i++)
    {
      const IopGroupReportMember *m = &g_array_index (report->members, IopGroupReportMember, i);
      const char *name = iop_group_report_member_name (report, i, full_names);

      if (m->outreach)
        {
          if (n_outreach++ > 0)
            g_string_append (outreach, ", ");
          if (m->current_absence_run >= 2)
            /* Translators: a member's initials and their longest run of absences, still absent */
            g_string_append_printf (outreach, _("%s (%d, not back since)"), name, m->longest_absence_run);
          else
            g_string_append_printf (outreach, "%s (%d)", name, m->longest_absence_run);
        }
      if (m->participation_low)
        {
          if (n_low++ > 0)
            g_string_append (low, ", ");
          g_string_append_printf (low, "%s (%.1f)", name, m->participation_mean);
        }
    }
  if (n_outreach > 0)
    g_ptr_array_add (flags, g_strdup_printf (ngettext ("Outreach: %d member missed two or more sessions in a row: %s.",
                                                       "Outreach: %d members missed two or more sessions in a row: %s.",
                                                       n_outreach), n_outreach, outreach->str));
  if (n_low > 0)
    g_ptr_array_add (flags, g_strdup_printf (ngettext ("Low participation: %d member averaged 1 or less of 4: %s.",
                                                       "Low participation: %d members averaged 1 or less of 4: %s.",
                                                       n_low), n_low, low->str));
  if (report->hours_gaps->len > 0)
    g_ptr_array_add (flags, g_strdup_printf (ngettext ("Under hours: %u member-week below the level of care's minimum.",
                                                       "Under hours: %u member-weeks below the level of care's minimum.",
                                                       report->hours_gaps->len), report->hours_gaps->len));
  if (report->n_unsigned > 0)
    g_ptr_array_add (flags, g_strdup_printf (ngettext ("Unsigned: %d session note is not signed.",
                                                       "Unsigned: %d session notes are not signed.",
                                                       report->n_unsigned), report->n_unsigned));
  if (report->n_signed_late > 0)
    g_ptr_array_add (flags, g_strdup_printf (ngettext ("Late: %d note was signed more than %d days after its session.",
                                                       "Late: %d notes were signed more than %d days after their session.",
                                                       report->n_signed_late), report->n_signed_late,
                                             report->options.late_signature_days));
  return flags;
}

/**
 * iop_program_report_dup_flags:
 * @report: a computed report
 * @full_names: %TRUE only for an internal copy
 *
 * Returns: (transfer full) (element-type utf8): sentences for the weekly meeting
 */
GPtrArray *
iop_program_report_dup_flags (IopProgramReport *report,
                              gboolean          full_names)
{
  GPtrArray *flags = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < report->groups->len; i++)
    {
      const IopProgramReportGroup *g = &g_array_index (report->groups, IopProgramReportGroup, i);

      if (g->attendance_rate >= 0 && g->attendance_rate < 0.75)
        g_ptr_array_add (flags, g_strdup_printf (_("Low attendance: %s at %.0f%%."), g->name, g->attendance_rate * 100));
    }
  if (report->hours_under > 0)
    g_ptr_array_add (flags, g_strdup_printf (_("Under hours: %d of %d person-weeks below the level of care's minimum."),
                                             report->hours_under, report->hours_checked));
  for (guint i = 0; i < report->counselors->len; i++)
    {
      const IopProgramReportCounselor *c = &g_array_index (report->counselors, IopProgramReportCounselor, i);

      if (c->n_unsigned > 0)
        g_ptr_array_add (flags, g_strdup_printf (ngettext ("Unsigned: %s has %d session note to sign.",
                                                           "Unsigned: %s has %d session notes to sign.",
                                                           c->n_unsigned), c->name, c->n_unsigned));
    }
  if (report->n_awaiting_cosign > 0)
    g_ptr_array_add (flags, g_strdup_printf (ngettext ("Review: %d signed note awaits co-signature.",
                                                       "Review: %d signed notes await co-signature.",
                                                       report->n_awaiting_cosign), report->n_awaiting_cosign));
  (void) full_names;
  return flags;
}

/* Documents */

static GPtrArray *
new_rows (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
}

static void
add_row (GPtrArray *rows,
         guint      n,
         ...)
{
  GStrv row = g_new0 (char *, n + 1);
  va_list args;

  va_start (args, n);
  for (guint i = 0; i < n; i++)
    row[i] = va_arg (args, char *);   /* takes ownership */
  va_end (args);
  g_ptr_array_add (rows, row);
}

static char *
percent (double rate)
{
  return rate < 0 ? g_strdup ("—") : g_strdup_printf ("%.0f%%", rate * 100);
}

static char *
number (double value,
        int    decimals)
{
  return value < 0 ? g_strdup ("—") : g_strdup_printf ("%.*f", decimals, value);
}

static char *
hours (int minutes)
{
  return g_strdup_printf ("%.1f", minutes / 60.0);
}

static char *
nice_date (const char *iso)
{
  return iop_date_format (iso);
}

static const char *
level_label (const char *level)
{
  if (g_strcmp0 (level, "adult-iop") == 0)
    return _("Adult IOP");
  if (g_strcmp0 (level, "adolescent-iop") == 0)
    return _("Adolescent IOP");
  if (g_strcmp0 (level, "php") == 0)
    return _("PHP");
  return level;
}

static const char *
state_label (const char *state)
{
  if (g_strcmp0 (state, "scheduled") == 0)
    return _("Not written");
  if (g_strcmp0 (state, "draft") == 0)
    return _("Draft");
  if (g_strcmp0 (state, "signed") == 0)
    return _("Signed");
  if (g_strcmp0 (state, "cosigned") == 0)
    return _("Co-signed");
  return state;
}

typedef struct {
  IopGroupReport *report;
  IopGroupChart   chart;
  IopChartTheme   theme;
} GroupChartData;

static void
group_chart_free (gpointer data)
{
  GroupChartData *d = data;

  iop_group_report_unref (d->report);
  g_free (d);
}

static void
group_chart_draw (cairo_t  *cr,
                  double    width,
                  double    height,
                  gpointer  data)
{
  GroupChartData *d = data;

  /* The title is part of the drawing so it never ends a page without its chart. */
  draw_text (cr, &d->theme, 0, 0, iop_group_chart_title (d->chart), 0, 0, FONT_TITLE);
  cairo_translate (cr, 0, TITLE_HEIGHT);
  iop_group_report_draw_chart (d->report, d->chart, cr, width, height - TITLE_HEIGHT, &d->theme);
}

static void
add_group_chart (IopDocument    *doc,
                 IopGroupReport *report,
                 IopGroupChart   chart)
{
  GroupChartData *d = g_new0 (GroupChartData, 1);

  d->report = iop_group_report_ref (report);
  d->chart = chart;
  iop_chart_theme_init_print (&d->theme);
  iop_document_add_drawing (doc, iop_group_chart_height (chart) + TITLE_HEIGHT, group_chart_draw, d, group_chart_free);
}

static void
add_flags (IopDocument *doc,
           GPtrArray   *flags)
{
  iop_document_add_heading (doc, 2, _("Needs attention"));
  if (flags->len == 0)
    iop_document_add_paragraph (doc, _("Nothing in this period crossed a threshold."));
  for (guint i = 0; i < flags->len; i++)
    {
      g_autofree char *line = g_strdup_printf ("• %s", (const char *) g_ptr_array_index (flags, i));

      iop_document_add_paragraph (doc, line);
    }
}

static void
add_names_notice (IopDocument *doc,
                  gboolean     full_names)
{
  iop_document_add_field (doc, _("Names"),
                          full_names ? _("FULL NAMES — internal copy, do not share outside the program")
                                     : _("Initials only"));
}

static void
add_definitions (IopDocument *doc,
                 int          late_days)
{
  g_autofree char *text = g_strdup_printf (
    _("Attended: present, late or left early; the rate is attended over attended plus absent plus excused. "
      "Trend: least-squares slope per week. Outreach: two or more absences in a row (excused absences do not count). "
      "Persistently low participation: a mean of 1 or less (of 0–4) over three or more sessions. "
      "Low climate: cohesion or engagement 2 or less, or avoidance or conflict 4 or more (0–6). "
      "Low member rating: a total under 36 of 40. "
      "Improved: PHQ-9 down 5 or more, GAD-7 down 4 or more, first to latest score in the period. "
      "Weekly hours: whole weeks in the period, for people there all week, minutes in every group. "
      "Late note: signed more than %d days after the session."), late_days);

  iop_document_add_heading (doc, 2, _("Definitions"));
  iop_document_add_paragraph (doc, text);
}

/**
 * iop_group_report_build_document:
 * @report: a computed report
 * @program_name: (nullable): printed in every page's header
 * @full_names: %TRUE only for an internal copy; otherwise initials only
 *
 * Returns: (transfer full): the report's pages, for the screen, a printer or PDF
 */
IopDocument *
iop_group_report_build_document (IopGroupReport *report,
                                 const char     *program_name,
                                 gboolean        full_names)
{
  g_autofree char *title = g_strdup_printf (_("Group report: %s"), report->group_name);
  g_autofree char *from = nice_date (report->options.from);
  g_autofree char *to = nice_date (report->options.to);
  g_autofree char *period = g_strdup_printf (_("%s to %s"), from, to);
  g_autoptr(GPtrArray) flags = iop_group_report_dup_flags (report, full_names);
  IopDocument *doc = iop_document_new (title);
  GPtrArray *rows;

  {
    g_autofree char *notice = g_strdup_printf ("%s\n%s", _(IOP_DOCUMENT_INTERNAL_NOTICE), _(IOP_DOCUMENT_PART2_NOTICE));

    iop_document_set_footer_notice (doc, notice);
  }
  if (program_name != NULL)
    iop_document_set_program_name (doc, program_name);

  iop_document_add_heading (doc, 1, title);
  iop_document_add_field (doc, _("Period"), period);
  {
    g_autofree char *held = g_strdup_printf (_("%u held, %d cancelled"), report->sessions->len, report->n_cancelled);
    g_autofree char *size = g_strdup_printf (_("%d at the start, %d at the end (minimum %d, maximum %d)"),
                                             report->size_start, report->size_end, report->min_size, report->max_size);
    g_autofree char *rate = percent (report->mean_attendance_rate);
    g_autofree char *attendance = g_strdup_printf (_("%s on average, trend %+.1f points a week"), rate,
                                                   report->attendance_slope * 100);

    iop_document_add_field (doc, _("Sessions"), held);
    iop_document_add_field (doc, _("Members"), size);
    iop_document_add_field (doc, _("Attendance"), attendance);
  }
  add_names_notice (doc, full_names);
  add_flags (doc, flags);

  /* Attendance */
  iop_document_add_heading (doc, 2, _("Attendance"));
  add_group_chart (doc, report, IOP_GROUP_CHART_ATTENDANCE);
  rows = new_rows ();
  for (guint i = 0; i < report->sessions->len; i++)
    {
      const IopGroupReportSession *s = &g_array_index (report->sessions, IopGroupReportSession, i);

      add_row (rows, 5, nice_date (s->date), g_strdup_printf ("%d", s->n_attended), g_strdup_printf ("%d", s->n_absent),
               g_strdup_printf ("%d", s->n_excused), percent (s->attendance_rate));
    }
  {
    const char *headers[] = { _("Session"), _("Attended"), _("Absent"), _("Excused"), _("Rate") };
    iop_document_add_table (doc, 5, headers, NULL, rows);
  }
  g_ptr_array_unref (rows);

  iop_document_add_heading (doc, 3, _("Members"));
  rows = new_rows ();
  for (guint i = 0; i < report->members->len; i++)
    {
      const IopGroupReportMember *m = &g_array_index (report->members, IopGroupReportMember, i);
      char *flag = m->outreach ? g_strdup_printf (_("Outreach: %d in a row"), m->longest_absence_run) : g_strdup ("");

      add_row (rows, 7, g_strdup (iop_group_report_member_name (report, i, full_names)),
               g_strdup_printf ("%d", m->n_attended), g_strdup_printf ("%d", m->n_absent),
               g_strdup_printf ("%d", m->n_excused), percent (m->attendance_rate), hours (m->minutes), flag);
    }
  {
    const char *headers[] = { _("Member"), _("Attended"), _("Absent"), _("Excused"), _("Rate"), _("Hours"), _("Flag") };
    const double widths[] = { 1.6, 1, 1, 1, 1, 1, 2 };
    iop_document_add_table (doc, 7, headers, widths, rows);
  }
  g_ptr_array_unref (rows);

  /* Retention */
  iop_document_add_heading (doc, 2, _("Retention and turnover"));
  {
    g_autofree char *moves = g_strdup_printf (_("%d joined, %d left"), report->n_joins, report->n_exits);
    g_autofree char *left = report->mean_stay_days_left < 0 ? g_strdup (_("no one left"))
                            : g_strdup_printf (_("%.0f days"), report->mean_stay_days_left);
    g_autofree char *current = report->mean_stay_days_current < 0 ? g_strdup (_("no members"))
                               : g_strdup_printf (_("%.0f days so far"), report->mean_stay_days_current);

    iop_document_add_field (doc, _("Joins and exits"), moves);
    iop_document_add_field (doc, _("Average stay of those who left"), left);
    iop_document_add_field (doc, _("Average stay of current members"), current);
  }
  if (report->events->len > 0)
    {
      const char *headers[] = { _("Date"), _("Member"), _("Change"), _("Reason") };
      const double widths[] = { 1.2, 1.2, 1, 3 };

      rows = new_rows ();
      for (guint i = 0; i < report->events->len; i++)
        {
          const IopGroupReportEvent *e = &g_array_index (report->events, IopGroupReportEvent, i);

          add_row (rows, 4, nice_date (e->date), g_strdup (iop_group_report_member_name (report, e->member, full_names)),
                   g_strdup (e->kind == IOP_REPORT_EVENT_JOINED ? _("Joined") : _("Left")),
                   iop_report_redact_names (report->names, e->reason, full_names));
        }
      iop_document_add_table (doc, 4, headers, widths, rows);
      g_ptr_array_unref (rows);
    }
  add_group_chart (doc, report, IOP_GROUP_CHART_GROUP_SIZE);

  /* Participation */
  iop_document_add_heading (doc, 2, _("Participation"));
  add_group_chart (doc, report, IOP_GROUP_CHART_PARTICIPATION);
  rows = new_rows ();
  for (guint i = 0; i < report->members->len; i++)
    {
      const IopGroupReportMember *m = &g_array_index (report->members, IopGroupReportMember, i);

      add_row (rows, 8, g_strdup (iop_group_report_member_name (report, i, full_names)),
               g_strdup_printf ("%d", m->participation[0]), g_strdup_printf ("%d", m->participation[1]),
               g_strdup_printf ("%d", m->participation[2]), g_strdup_printf ("%d", m->participation[3]),
               g_strdup_printf ("%d", m->participation[4]), number (m->participation_mean, 1),
               g_strdup (m->participation_low ? _("Low") : ""));
    }
  {
    const char *headers[] = { _("Member"), "0", "1", "2", "3", "4", _("Mean"), _("Flag") };
    const double widths[] = { 1.6, 0.5, 0.5, 0.5, 0.5, 0.5, 0.8, 1 };
    iop_document_add_table (doc, 8, headers, widths, rows);
  }
  g_ptr_array_unref (rows);

  /* Climate */
  iop_document_add_heading (doc, 2, _("Group climate"));
  add_group_chart (doc, report, IOP_GROUP_CHART_CLIMATE);
  add_group_chart (doc, report, IOP_GROUP_CHART_RATINGS);
  rows = new_rows ();
  for (guint i = 0; i < report->sessions->len; i++)
    {
      const IopGroupReportSession *s = &g_array_index (report->sessions, IopGroupReportSession, i);
      g_autoptr(GPtrArray) why = g_ptr_array_new ();

      if (s->climate_low)
        g_ptr_array_add (why, (gpointer) _("Low climate"));
      if (s->ratings_low)
        g_ptr_array_add (why, (gpointer) _("Low ratings"));
      g_ptr_array_add (why, NULL);
      add_row (rows, 8, nice_date (s->date), number (s->climate[0], 0), number (s->climate[1], 0),
               number (s->climate[2], 0), number (s->climate[3], 0), g_strdup_printf ("%d", s->n_ratings),
               number (s->rating_total_mean, 1), g_strjoinv (", ", (char **) why->pdata));
    }
  {
    const char *headers[] = { _("Session"), _("Cohesion"), _("Engagement"), _("Avoidance"), _("Conflict"),
                              _("Ratings"), _("Mean of 40"), _("Flag") };
    const double widths[] = { 1.3, 1, 1.1, 1, 0.9, 0.8, 0.9, 1.5 };
    iop_document_add_table (doc, 8, headers, widths, rows);
  }
  g_ptr_array_unref (rows);

  /* Outcomes */
  iop_document_add_heading (doc, 2, _("Outcomes"));
  {
    g_autofree char *goals = g_strdup_printf (_("%d of %d goals in active plans met"), report->goals_met, report->goals_total);
    g_autofree char *progress = report->n_progress_goals == 0 ? g_strdup (_("no goal rated twice in the period"))
                                : g_strdup_printf (ngettext ("%+.1f points (0–10) on average, over %d goal",
                                                             "%+.1f points (0–10) on average, over %d goals",
                                                             report->n_progress_goals),
                                                   report->progress_change, report->n_progress_goals);

    iop_document_add_field (doc, _("Goals"), goals);
    iop_document_add_field (doc, _("Progress ratings"), progress);
  }
  add_group_chart (doc, report, IOP_GROUP_CHART_MEASURES);
  rows = new_rows ();
  for (int k = 0; k < IOP_REPORT_N_MEASURES; k++)
    {
      const IopReportMeasureSummary *m = &report->measures[k];

      add_row (rows, 6, g_strdup (iop_report_measure_instrument (k)), g_strdup_printf ("%d", m->n_members),
               m->n_members > 0 ? g_strdup_printf ("%.1f", m->mean_first) : g_strdup ("—"),
               m->n_members > 0 ? g_strdup_printf ("%.1f", m->mean_latest) : g_strdup ("—"),
               m->n_members > 0 ? g_strdup_printf ("%+.1f", m->mean_change) : g_strdup ("—"),
               m->share_improved < 0 ? g_strdup ("—")
               : g_strdup_printf ("%d (%.0f%%)", m->n_improved, m->share_improved * 100));
    }
  {
    const char *headers[] = { _("Instrument"), _("Members"), _("Mean first"), _("Mean latest"), _("Mean change"), _("Improved") };
    iop_document_add_table (doc, 6, headers, NULL, rows);
  }
  g_ptr_array_unref (rows);

  /* Hours */
  iop_document_add_heading (doc, 2, _("Weekly IOP hours"));
  if (report->hours_gaps->len == 0)
    iop_document_add_paragraph (doc, _("Every member checked met their level of care's weekly minimum."));
  else
    {
      const char *headers[] = { _("Week of"), _("Member"), _("Level of care"), _("Hours"), _("Minimum") };

      rows = new_rows ();
      for (guint i = 0; i < report->hours_gaps->len; i++)
        {
          const IopGroupReportHoursGap *g = &g_array_index (report->hours_gaps, IopGroupReportHoursGap, i);
          const IopGroupReportMember *m = &g_array_index (report->members, IopGroupReportMember, g->member);

          add_row (rows, 5, nice_date (g->week_start), g_strdup (iop_group_report_member_name (report, g->member, full_names)),
                   g_strdup (level_label (m->level_of_care)), hours (g->minutes), hours (g->required_minutes));
        }
      iop_document_add_table (doc, 5, headers, NULL, rows);
      g_ptr_array_unref (rows);
    }

  /* Documentation */
  iop_document_add_heading (doc, 2, _("Documentation"));
  {
    g_autofree char *counts = g_strdup_printf (_("%d not signed, %d signed late"), report->n_unsigned, report->n_signed_late);

    iop_document_add_field (doc, _("Session notes"), counts);
  }
  rows = new_rows ();
  for (guint i = 0; i < report->sessions->len; i++)
    {
      const IopGroupReportSession *s = &g_array_index (report->sessions, IopGroupReportSession, i);

      if (!s->unsigned_note && !s->signed_late)
        continue;
      add_row (rows, 4, nice_date (s->date), g_strdup (state_label (s->state)),
               s->signature_days >= 0 ? g_strdup_printf ("%d", s->signature_days) : g_strdup ("—"),
               g_strdup (s->unsigned_note ? _("Unsigned") : _("Signed late")));
    }
  if (rows->len > 0)
    {
      const char *headers[] = { _("Session"), _("State"), _("Days to signature"), _("Flag") };
      iop_document_add_table (doc, 4, headers, NULL, rows);
    }
  g_ptr_array_unref (rows);

  add_definitions (doc, report->options.late_signature_days);
  return doc;
}

typedef struct {
  IopProgramReport *report;
  IopProgramChart   chart;
  IopChartTheme     theme;
} ProgramChartData;

static void
program_chart_free (gpointer data)
{
  ProgramChartData *d = data;

  iop_program_report_unref (d->report);
  g_free (d);
}

static void
program_chart_draw (cairo_t  *cr,
                    double    width,
                    double    height,
                    gpointer  data)
{
  ProgramChartData *d = data;

  draw_text (cr, &d->theme, 0, 0, iop_program_chart_title (d->chart), 0, 0, FONT_TITLE);
  cairo_translate (cr, 0, TITLE_HEIGHT);
  iop_program_report_draw_chart (d->report, d->chart, cr, width, height - TITLE_HEIGHT, &d->theme);
}

static void
add_program_chart (IopDocument      *doc,
                   IopProgramReport *report,
                   IopProgramChart   chart)
{
  ProgramChartData *d = g_new0 (ProgramChartData, 1);

  d->report = iop_program_report_ref (report);
  d->chart = chart;
  iop_chart_theme_init_print (&d->theme);
  iop_document_add_drawing (doc, 160 + TITLE_HEIGHT, program_chart_draw, d, program_chart_free);
}

/**
 * iop_program_report_build_document:
 * @report: a computed report
 * @program_name: (nullable): printed in every page's header
 * @full_names: %TRUE only for an internal copy; otherwise initials only
 *
 * Returns: (transfer full): the report's pages
 */
IopDocument *
iop_program_report_build_document (IopProgramReport *report,
                                   const char       *program_name,
                                   gboolean          full_names)
{
  g_autofree char *from = nice_date (report->options.from);
  g_autofree char *to = nice_date (report->options.to);
  g_autofree char *period = g_strdup_printf (_("%s to %s"), from, to);
  g_autoptr(GPtrArray) flags = iop_program_report_dup_flags (report, full_names);
  IopDocument *doc = iop_document_new (_("Program report"));
  GPtrArray *rows;

  {
    g_autofree char *notice = g_strdup_printf ("%s\n%s", _(IOP_DOCUMENT_INTERNAL_NOTICE), _(IOP_DOCUMENT_PART2_NOTICE));

    iop_document_set_footer_notice (doc, notice);
  }
  if (program_name != NULL)
    iop_document_set_program_name (doc, program_name);
  iop_document_add_heading (doc, 1, _("Program report"));
  iop_document_add_field (doc, _("Period"), period);
  {
    g_autofree char *census = g_strdup_printf (_("%d at the start, %d at the end (adult IOP %d, adolescent IOP %d, PHP %d)"),
                                               report->census_start, report->census_end,
                                               report->census_end_by_level[0], report->census_end_by_level[1],
                                               report->census_end_by_level[2]);
    g_autofree char *moves = g_strdup_printf (_("%u admitted, %u discharged"), report->admissions->len, report->discharges->len);
    g_autofree char *rate = percent (report->attendance_rate);
    g_autofree char *attendance = g_strdup_printf (_("%s over %d sessions"), rate, report->n_sessions);
    g_autofree char *hours_text = g_strdup_printf (_("%d of %d person-weeks under the minimum"),
                                                   report->hours_under, report->hours_checked);

    iop_document_add_field (doc, _("Census"), census);
    iop_document_add_field (doc, _("Admissions and discharges"), moves);
    iop_document_add_field (doc, _("Attendance"), attendance);
    iop_document_add_field (doc, _("Weekly hours"), hours_text);
  }
  add_names_notice (doc, full_names);
  add_flags (doc, flags);

  iop_document_add_heading (doc, 2, _("Admissions and discharges"));
  rows = new_rows ();
  for (guint i = 0; i < report->admissions->len; i++)
    {
      const IopProgramReportMove *m = &g_array_index (report->admissions, IopProgramReportMove, i);
      const IopGroupReportMember *p = &g_array_index (report->members, IopGroupReportMember, m->member);

      add_row (rows, 4, nice_date (m->date), g_strdup (iop_program_report_member_name (report, m->member, full_names)),
               g_strdup_printf (_("Admitted (%s)"), level_label (p->level_of_care)), g_strdup (""));
    }
  for (guint i = 0; i < report->discharges->len; i++)
    {
      const IopProgramReportMove *m = &g_array_index (report->discharges, IopProgramReportMove, i);

      add_row (rows, 4, nice_date (m->date), g_strdup (iop_program_report_member_name (report, m->member, full_names)),
               g_strdup (_("Discharged")), iop_report_redact_names (report->names, m->reason, full_names));
    }
  if (rows->len == 0)
    iop_document_add_paragraph (doc, _("No admissions or discharges in this period."));
  else
    {
      const char *headers[] = { _("Date"), _("Participant"), _("Change"), _("Reason") };
      const double widths[] = { 1.2, 1.2, 1.5, 3 };
      iop_document_add_table (doc, 4, headers, widths, rows);
    }
  g_ptr_array_unref (rows);

  iop_document_add_heading (doc, 2, _("Attendance"));
  add_program_chart (doc, report, IOP_PROGRAM_CHART_ATTENDANCE);
  rows = new_rows ();
  for (guint i = 0; i < report->groups->len; i++)
    {
      const IopProgramReportGroup *g = &g_array_index (report->groups, IopProgramReportGroup, i);

      if (g->n_sessions == 0)
        continue;
      add_row (rows, 4, g_strdup (g->name), g_strdup_printf ("%d", g->n_sessions), percent (g->attendance_rate),
               g_strdup_printf ("%d", g->n_unsigned));
    }
  {
    const char *headers[] = { _("Group"), _("Sessions"), _("Attendance"), _("Unsigned notes") };
    const double widths[] = { 3, 1, 1, 1 };
    iop_document_add_table (doc, 4, headers, widths, rows);
  }
  g_ptr_array_unref (rows);

  iop_document_add_heading (doc, 2, _("Weekly IOP hours"));
  add_program_chart (doc, report, IOP_PROGRAM_CHART_HOURS);
  rows = new_rows ();
  for (guint i = 0; i < report->weeks->len; i++)
    {
      const IopProgramReportWeek *w = &g_array_index (report->weeks, IopProgramReportWeek, i);

      add_row (rows, 5, nice_date (w->start), g_strdup_printf ("%d", w->census), percent (w->attendance_rate),
               w->members_checked > 0 ? g_strdup_printf ("%d", w->members_checked) : g_strdup (_("partial week")),
               g_strdup_printf ("%d", w->members_under));
    }
  {
    const char *headers[] = { _("Week of"), _("Census"), _("Attendance"), _("Checked for hours"), _("Under the minimum") };
    iop_document_add_table (doc, 5, headers, NULL, rows);
  }
  g_ptr_array_unref (rows);

  iop_document_add_heading (doc, 2, _("Documentation backlog by counselor"));
  rows = new_rows ();
  for (guint i = 0; i < report->counselors->len; i++)
    {
      const IopProgramReportCounselor *c = &g_array_index (report->counselors, IopProgramReportCounselor, i);

      add_row (rows, 5, g_strdup (c->name), g_strdup_printf ("%d", c->n_due), g_strdup_printf ("%d", c->n_unsigned),
               g_strdup_printf ("%d", c->n_signed_late), g_strdup_printf ("%d", c->n_awaiting_cosign));
    }
  {
    const char *headers[] = { _("Counselor"), _("Sessions"), _("Not signed"), _("Signed late"), _("Awaiting co-signature") };
    const double widths[] = { 2.5, 1, 1, 1, 1.3 };
    iop_document_add_table (doc, 5, headers, widths, rows);
  }
  g_ptr_array_unref (rows);

  iop_document_add_heading (doc, 2, _("Measures"));
  add_program_chart (doc, report, IOP_PROGRAM_CHART_MEASURES);
  rows = new_rows ();
  for (int k = 0; k < IOP_REPORT_N_MEASURES; k++)
    {
      const IopReportMeasureSummary *m = &report->measures[k];

      add_row (rows, 5, g_strdup (iop_report_measure_instrument (k)), g_strdup_printf ("%d", m->n_members),
               m->n_members > 0 ? g_strdup_printf ("%.1f → %.1f", m->mean_first, m->mean_latest) : g_strdup ("—"),
               m->n_members > 0 ? g_strdup_printf ("%+.1f", m->mean_change) : g_strdup ("—"),
               m->share_improved < 0 ? g_strdup ("—") : g_strdup_printf ("%d (%.0f%%)", m->n_improved, m->share_improved * 100));
    }
  {
    const char *headers[] = { _("Instrument"), _("People"), _("Mean first → latest"), _("Mean change"), _("Improved") };
    iop_document_add_table (doc, 5, headers, NULL, rows);
  }
  g_ptr_array_unref (rows);

  add_definitions (doc, report->options.late_signature_days);
  return doc;
}

/* CSV */

/**
 * iop_csv_field:
 * @text: (nullable): a field's text
 *
 * Quotes a field as RFC 4180 asks: fields with a comma, a double quote or a line
 * break are enclosed in double quotes, with inner quotes doubled. Text that a
 * spreadsheet would run as a formula (starting with =, +, -, @, tab or carriage
 * return, and not a number) gets a leading apostrophe.
 *
 * Returns: (transfer full): the field, ready to join with commas
 */
char *
iop_csv_field (const char *text)
{
  GString *s;
  char *end = NULL;

  if (text == NULL)
    text = "";
  s = g_string_new (NULL);
  if (strchr ("=+-@\t\r", text[0]) != NULL && text[0] != '\0')
    {
      g_ascii_strtod (text, &end);
      if (end == text || *end != '\0')
        g_string_append_c (s, '\'');
    }
  g_string_append (s, text);
  if (strpbrk (s->str, ",\"\r\n") != NULL)
    {
      GString *quoted = g_string_new ("\"");

      for (const char *p = s->str; *p != '\0'; p++)
        {
          if (*p == '"')
            g_string_append_c (quoted, '"');
          g_string_append_c (quoted, *p);
        }
      g_string_append_c (quoted, '"');
      g_string_free (s, TRUE);
      return g_string_free (quoted, FALSE);
    }
  return g_string_free (s, FALSE);
}

/* One record: section, date, member, metric, value, flag; CRLF as RFC 4180 has it. */
static void
csv_record (GString    *out,
            const char *section,
            const char *date,
            const char *member,
            const char *metric,
            const char *value,
            const char *flag)
{
  const char *fields[] = { section, date, member, metric, value, flag };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      g_autofree char *f = iop_csv_field (fields[i]);

      if (i > 0)
        g_string_append_c (out, ',');
      g_string_append (out, f);
    }
  g_string_append (out, "\r\n");
}

static void
csv_number (GString    *out,
            const char *section,
            const char *date,
            const char *member,
            const char *metric,
            double      value,
            int         decimals,
            gboolean    signed_value,
            const char *flag)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  /* Quantities that cannot be negative use −1 for "not measured": blank. */
  if (value < 0 && !signed_value)
    csv_record (out, section, date, member, metric, "", flag);
  else
    {
      /* Always a dot: a CSV file must read the same in every locale. */
      g_autofree char *format = g_strdup_printf ("%%.%df", decimals);

      g_ascii_formatd (buf, sizeof buf, format, value);
      csv_record (out, section, date, member, metric, buf, flag);
    }
}

static void
csv_int (GString    *out,
         const char *section,
         const char *date,
         const char *member,
         const char *metric,
         int         value,
         const char *flag)
{
  g_autofree char *v = g_strdup_printf ("%d", value);

  csv_record (out, section, date, member, metric, v, flag);
}

/**
 * iop_group_report_to_csv:
 * @report: a computed report
 * @full_names: %TRUE only for an internal copy
 *
 * The report's tables as one CSV table in long form: a header row, then one
 * record per value with the columns section, date, member, metric, value, flag.
 * Rates are fractions (0.75), dates ISO, blank values mean "not measured".
 *
 * Returns: (transfer full): the CSV text, UTF-8, CRLF line ends
 */
char *
iop_group_report_to_csv (IopGroupReport *report,
                         gboolean        full_names)
{
  GString *out = g_string_new (NULL);

  csv_record (out, "section", "date", "member", "metric", "value", "flag");
  csv_record (out, "report", report->options.from, "", "group", report->group_name, "");
  csv_record (out, "report", report->options.to, "", "period_end", report->options.to, "");
  csv_number (out, "attendance", "", "", "mean_rate", report->mean_attendance_rate, 4, FALSE, "");
  csv_number (out, "attendance", "", "", "trend_per_week", report->attendance_slope, 4, TRUE,
              report->attendance_slope <= FALLING_ATTENDANCE ? "falling" : "");
  for (guint i = 0; i < report->sessions->len; i++)
    {
      const IopGroupReportSession *s = &g_array_index (report->sessions, IopGroupReportSession, i);

      csv_int (out, "session", s->date, "", "attended", s->n_attended, "");
      csv_int (out, "session", s->date, "", "absent", s->n_absent, "");
      csv_int (out, "session", s->date, "", "excused", s->n_excused, "");
      csv_number (out, "session", s->date, "", "attendance_rate", s->attendance_rate, 4, FALSE, "");
      for (int level = 0; level < 5; level++)
        {
          g_autofree char *metric = g_strdup_printf ("participation_%d", level);

          csv_int (out, "session", s->date, "", metric, s->participation[level], "");
        }
      csv_number (out, "climate", s->date, "", "cohesion", s->climate[0], 0, FALSE, s->climate_low ? "low-climate" : "");
      csv_number (out, "climate", s->date, "", "engagement", s->climate[1], 0, FALSE, "");
      csv_number (out, "climate", s->date, "", "avoidance", s->climate[2], 0, FALSE, "");
      csv_number (out, "climate", s->date, "", "conflict", s->climate[3], 0, FALSE, "");
      csv_int (out, "climate", s->date, "", "member_ratings", s->n_ratings, "");
      csv_number (out, "climate", s->date, "", "member_rating_mean_of_40", s->rating_total_mean, 1, FALSE,
                  s->ratings_low ? "low-ratings" : "");
      csv_record (out, "documentation", s->date, "", "state", s->state,
                  s->unsigned_note ? "unsigned" : s->signed_late ? "signed-late" : "");
      if (s->signature_days >= 0)
        csv_int (out, "documentation", s->date, "", "days_to_signature", s->signature_days, s->signed_late ? "signed-late" : "");
    }
  for (guint i = 0; i < report->members->len; i++)
    {
      const IopGroupReportMember *m = &g_array_index (report->members, IopGroupReportMember, i);
      const char *name = iop_group_report_member_name (report, i, full_names);

      csv_int (out, "member", "", name, "attended", m->n_attended, "");
      csv_int (out, "member", "", name, "absent", m->n_absent, "");
      csv_int (out, "member", "", name, "excused", m->n_excused, "");
      csv_number (out, "member", "", name, "attendance_rate", m->attendance_rate, 4, FALSE, "");
      csv_int (out, "member", "", name, "minutes", m->minutes, "");
      csv_int (out, "member", "", name, "longest_absence_run", m->longest_absence_run, m->outreach ? "outreach" : "");
      csv_number (out, "member", "", name, "participation_mean", m->participation_mean, 4, FALSE,
                  m->participation_low ? "low-participation" : "");
      csv_number (out, "member", "", name, "rating_mean_of_40", m->rating_total_mean, 1, FALSE, "");
      csv_int (out, "member", "", name, "goals", m->goals_total, "");
      csv_int (out, "member", "", name, "goals_met", m->goals_met, "");
      csv_int (out, "member", "", name, "weeks_under_hours", m->weeks_under_hours, m->weeks_under_hours > 0 ? "under-hours" : "");
      for (int k = 0; k < IOP_REPORT_N_MEASURES; k++)
        if (m->measures[k].n_scores >= 2)
          {
            g_autofree char *metric = g_strdup_printf ("%s_change", iop_report_measure_instrument (k));

            csv_int (out, "member", m->measures[k].latest_date, name, metric, m->measures[k].latest - m->measures[k].first, "");
          }
    }
  for (guint i = 0; i < report->events->len; i++)
    {
      const IopGroupReportEvent *e = &g_array_index (report->events, IopGroupReportEvent, i);
      g_autofree char *reason = iop_report_redact_names (report->names, e->reason, full_names);

      csv_record (out, "retention", e->date, iop_group_report_member_name (report, e->member, full_names),
                  e->kind == IOP_REPORT_EVENT_JOINED ? "joined" : "left", reason, "");
    }
  for (guint i = 0; i < report->weeks->len; i++)
    {
      const IopGroupReportWeek *w = &g_array_index (report->weeks, IopGroupReportWeek, i);

      csv_int (out, "week", w->start, "", "size", w->size,
               w->size < report->min_size ? "below-minimum" : w->size > report->max_size ? "above-maximum" : "");
      csv_int (out, "week", w->start, "", "members_under_hours", w->members_under, "");
    }
  for (guint i = 0; i < report->hours_gaps->len; i++)
    {
      const IopGroupReportHoursGap *g = &g_array_index (report->hours_gaps, IopGroupReportHoursGap, i);

      csv_int (out, "hours", g->week_start, iop_group_report_member_name (report, g->member, full_names), "minutes",
               g->minutes, "under-hours");
    }
  for (int k = 0; k < IOP_REPORT_N_MEASURES; k++)
    {
      const IopReportMeasureSummary *m = &report->measures[k];
      const char *instrument = iop_report_measure_instrument (k);

      csv_int (out, "measure", "", "", instrument, m->n_members, "members");
      if (m->n_members > 0)
        {
          g_autofree char *change = g_strdup_printf ("%s_mean_change", instrument);

          csv_number (out, "measure", "", "", change, m->mean_change, 2, TRUE, "");
        }
      if (m->share_improved >= 0)
        {
          g_autofree char *share = g_strdup_printf ("%s_share_improved", instrument);

          csv_number (out, "measure", "", "", share, m->share_improved, 4, FALSE, "");
        }
    }
  csv_int (out, "outcomes", "", "", "goals", report->goals_total, "");
  csv_int (out, "outcomes", "", "", "goals_met", report->goals_met, "");
  return g_string_free (out, FALSE);
}

/**
 * iop_program_report_to_csv:
 * @report: a computed report
 * @full_names: %TRUE only for an internal copy
 *
 * Same columns as iop_group_report_to_csv(); the member column holds a
 * participant, a group or a counselor as the section says.
 *
 * Returns: (transfer full): the CSV text
 */
char *
iop_program_report_to_csv (IopProgramReport *report,
                           gboolean          full_names)
{
  GString *out = g_string_new (NULL);

  csv_record (out, "section", "date", "member", "metric", "value", "flag");
  csv_int (out, "census", report->options.from, "", "in_program", report->census_start, "");
  csv_int (out, "census", report->options.to, "", "in_program", report->census_end, "");
  for (guint l = 0; l < IOP_N_LEVELS_OF_CARE; l++)
    csv_int (out, "census", report->options.to, "", iop_report_level_of_care (l), report->census_end_by_level[l], "");
  for (guint i = 0; i < report->admissions->len; i++)
    {
      const IopProgramReportMove *m = &g_array_index (report->admissions, IopProgramReportMove, i);

      csv_record (out, "admission", m->date, iop_program_report_member_name (report, m->member, full_names),
                  "admitted", "", "");
    }
  for (guint i = 0; i < report->discharges->len; i++)
    {
      const IopProgramReportMove *m = &g_array_index (report->discharges, IopProgramReportMove, i);
      g_autofree char *reason = iop_report_redact_names (report->names, m->reason, full_names);

      csv_record (out, "discharge", m->date, iop_program_report_member_name (report, m->member, full_names),
                  "discharged", reason, "");
    }
  csv_number (out, "attendance", "", "", "rate", report->attendance_rate, 4, FALSE, "");
  for (guint i = 0; i < report->groups->len; i++)
    {
      const IopProgramReportGroup *g = &g_array_index (report->groups, IopProgramReportGroup, i);

      if (g->n_sessions == 0)
        continue;
      csv_int (out, "group", "", g->name, "sessions", g->n_sessions, "");
      csv_number (out, "group", "", g->name, "attendance_rate", g->attendance_rate, 4, FALSE, "");
      csv_int (out, "group", "", g->name, "unsigned", g->n_unsigned, g->n_unsigned > 0 ? "unsigned" : "");
    }
  for (guint i = 0; i < report->weeks->len; i++)
    {
      const IopProgramReportWeek *w = &g_array_index (report->weeks, IopProgramReportWeek, i);

      csv_int (out, "week", w->start, "", "census", w->census, "");
      csv_number (out, "week", w->start, "", "attendance_rate", w->attendance_rate, 4, FALSE, "");
      csv_int (out, "week", w->start, "", "checked_for_hours", w->members_checked, w->members_checked == 0 ? "partial-week" : "");
      csv_int (out, "week", w->start, "", "under_hours", w->members_under, "");
      for (int k = 0; k < IOP_REPORT_N_MEASURES; k++)
        {
          g_autofree char *metric = g_strdup_printf ("%s_mean", iop_report_measure_instrument (k));

          csv_number (out, "week", w->start, "", metric, w->measure_mean[k], 2, FALSE, "");
        }
    }
  for (guint i = 0; i < report->hours_gaps->len; i++)
    {
      const IopGroupReportHoursGap *g = &g_array_index (report->hours_gaps, IopGroupReportHoursGap, i);

      csv_int (out, "hours", g->week_start, iop_program_report_member_name (report, g->member, full_names),
               "minutes", g->minutes, "under-hours");
    }
  for (guint i = 0; i < report->counselors->len; i++)
    {
      const IopProgramReportCounselor *c = &g_array_index (report->counselors, IopProgramReportCounselor, i);

      csv_int (out, "backlog", "", c->name, "sessions", c->n_due, "");
      csv_int (out, "backlog", "", c->name, "unsigned", c->n_unsigned, c->n_unsigned > 0 ? "unsigned" : "");
      csv_int (out, "backlog", "", c->name, "signed_late", c->n_signed_late, "");
      csv_int (out, "backlog", "", c->name, "awaiting_cosign", c->n_awaiting_cosign, "");
    }
  for (int k = 0; k < IOP_REPORT_N_MEASURES; k++)
    {
      const IopReportMeasureSummary *m = &report->measures[k];
      g_autofree char *change = g_strdup_printf ("%s_mean_change", iop_report_measure_instrument (k));

      csv_int (out, "measure", "", "", iop_report_measure_instrument (k), m->n_members, "members");
      if (m->n_members > 0)
        csv_number (out, "measure", "", "", change, m->mean_change, 2, TRUE, "");
    }
  return g_string_free (out, FALSE);
}

/**
 * iop_report_write_text:
 * @path: the file to write
 * @contents: the text
 * @error: return location for a #GError
 *
 * Writes @contents atomically (a temporary file renamed over @path), readable by
 * its owner only: reports hold protected health information.
 *
 * Returns: %TRUE on success
 */
gboolean
iop_report_write_text (const char  *path,
                       const char  *contents,
                       GError     **error)
{
  return g_file_set_contents_full (path, contents, -1,
                                   G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                   0600, error);
}
