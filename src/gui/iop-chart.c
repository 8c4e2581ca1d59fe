/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "iop-chart"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "iop-chart.h"
#include "iop-date.h"

/*
 * A small line chart over dates: progress ratings of a goal, a measure's
 * totals. Colours come from the widget's style (foreground and accent), so it
 * reads in the dark style too; every point carries its value as text, and
 * series differ by marker shape and dash pattern, never by colour alone.
 */

typedef struct {
  char   *date;
  double  value;
} Point;

typedef struct {
  char   *label;
  GArray *points;   /* Point, in date order */
} Series;

struct _IopChart
{
  GtkDrawingArea  parent_instance;

  GPtrArray      *series;
  double          min_value;
  double          max_value;
};

G_DEFINE_FINAL_TYPE (IopChart, iop_chart, GTK_TYPE_DRAWING_AREA)

static void
clear_point (gpointer data)
{
  g_free (((Point *) data)->date);
}

static void
series_free (gpointer data)
{
  Series *s = data;

  g_free (s->label);
  g_array_unref (s->points);
  g_free (s);
}

static void
lookup_color (GtkWidget  *widget,
              const char *name,
              GdkRGBA    *rgba,
              const GdkRGBA *fallback)
{
  GtkStyleContext *context;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  context = gtk_widget_get_style_context (widget);
  if (!gtk_style_context_lookup_color (context, name, rgba))
    *rgba = *fallback;
  G_GNUC_END_IGNORE_DEPRECATIONS
}

static double
nice_step (double range)
{
  double magnitude = pow (10, floor (log10 (MAX (range, 1) / 5.0)));
  static const double factors[] = { 1, 2, 5, 10 };

  for (guint i = 0; i < G_N_ELEMENTS (factors); i++)
    if (range / (factors[i] * magnitude) <= 6)
      return factors[i] * magnitude;
  return 10 * magnitude;
}

static void
draw_marker (cairo_t *cr,
             guint    shape,
             double   x,
             double   y)
{
  switch (shape % 3)
    {
    case 0:
      cairo_arc (cr, x, y, 4.0, 0, 2 * G_PI);
      break;
    case 1:
      cairo_rectangle (cr, x - 3.5, y - 3.5, 7, 7);
      break;
    default:
      cairo_move_to (cr, x, y - 4.5);
      cairo_line_to (cr, x + 4.5, y + 3.5);
      cairo_line_to (cr, x - 4.5, y + 3.5);
      cairo_close_path (cr);
      break;
    }
  cairo_fill (cr);
}

static void
show_text (cairo_t     *cr,
           PangoLayout *layout,
           const char  *text,
           double       x,
           double       y,
           double       xalign)
{
  int w, h;

  pango_layout_set_text (layout, text, -1);
  pango_layout_get_pixel_size (layout, &w, &h);
  cairo_move_to (cr, x - w * xalign, y - h / 2.0);
  pango_cairo_show_layout (cr, layout);
}

static void
draw_cb (GtkDrawingArea *area,
         cairo_t        *cr,
         int             width,
         int             height,
         gpointer        user_data)
{
  IopChart *self = IOP_CHART (area);
  GtkWidget *widget = GTK_WIDGET (area);
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, NULL);
  g_autoptr(PangoLayout) small = gtk_widget_create_pango_layout (widget, NULL);
  PangoFontDescription *font;
  const GdkRGBA default_accent = { 0.21, 0.52, 0.89, 1.0 };
  GdkRGBA fg, accent;
  const char *first = NULL, *last = NULL;
  double left = 36, right = width - 16, top = 18, bottom = height - 24;
  double span_days;
  double range = self->max_value - self->min_value;
  guint total_points = 0;
  static const double dashes[][2] = { { 1, 0 }, { 6, 3 }, { 2, 3 } };

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
  G_GNUC_END_IGNORE_DEPRECATIONS
  lookup_color (widget, "accent_color", &accent, &default_accent);

  font = pango_font_description_copy (pango_context_get_font_description (pango_layout_get_context (small)));
  pango_font_description_set_size (font, pango_font_description_get_size (font) * 0.8);
  pango_layout_set_font_description (small, font);
  pango_font_description_free (font);

  if (self->series->len > 1)
    top += 22;     /* room for the legend */
  if (range <= 0)
    range = 1;

  for (guint s = 0; s < self->series->len; s++)
    {
      Series *series = g_ptr_array_index (self->series, s);
      for (guint i = 0; i < series->points->len; i++)
        {
          const char *date = g_array_index (series->points, Point, i).date;
          if (first == NULL || g_strcmp0 (date, first) < 0)
            first = date;
          if (last == NULL || g_strcmp0 (date, last) > 0)
            last = date;
          total_points++;
        }
    }

  /* Grid lines at whole, round steps (1, 2, 5, 10…), about five of them, labelled. */
  cairo_set_line_width (cr, 1.0);
  for (double step = nice_step (range), v = self->min_value; v <= self->max_value + 1e-9; v += step)
    {
      double y = bottom - (bottom - top) * (v - self->min_value) / range;
      g_autofree char *text = g_strdup_printf ("%g", v);

      gdk_cairo_set_source_rgba (cr, &(GdkRGBA) { fg.red, fg.green, fg.blue, 0.12 });
      cairo_move_to (cr, left, floor (y) + 0.5);
      cairo_line_to (cr, right, floor (y) + 0.5);
      cairo_stroke (cr);
      gdk_cairo_set_source_rgba (cr, &(GdkRGBA) { fg.red, fg.green, fg.blue, 0.6 });
      show_text (cr, small, text, left - 6, y, 1.0);
    }

  if (total_points == 0)
    {
      gdk_cairo_set_source_rgba (cr, &(GdkRGBA) { fg.red, fg.green, fg.blue, 0.6 });
      show_text (cr, layout, _("Nothing recorded yet"), (left + right) / 2, (top + bottom) / 2, 0.5);
      return;
    }

  span_days = MAX (1, iop_date_diff_days (first, last));

  /* Dates at both ends of the axis. */
  {
    g_autofree char *a = iop_date_format (first);
    g_autofree char *b = iop_date_format (last);

    gdk_cairo_set_source_rgba (cr, &(GdkRGBA) { fg.red, fg.green, fg.blue, 0.6 });
    show_text (cr, small, a, left, height - 10, 0.0);
    if (g_strcmp0 (first, last) != 0)
      show_text (cr, small, b, right, height - 10, 1.0);
  }

  /* Legend: each series' marker, line style and name, across the top. */
  if (self->series->len > 1)
    {
      double x = left;

      for (guint s = 0; s < self->series->len; s++)
        {
          Series *series = g_ptr_array_index (self->series, s);
          int w, h;

          gdk_cairo_set_source_rgba (cr, &(GdkRGBA) { accent.red, accent.green, accent.blue, 1.0 - 0.25 * s });
          cairo_set_line_width (cr, 2.0);
          cairo_set_dash (cr, dashes[s % G_N_ELEMENTS (dashes)], s % G_N_ELEMENTS (dashes) == 0 ? 0 : 2, 0);
          cairo_move_to (cr, x, 10);
          cairo_line_to (cr, x + 24, 10);
          cairo_stroke (cr);
          cairo_set_dash (cr, NULL, 0, 0);
          draw_marker (cr, s, x + 12, 10);
          gdk_cairo_set_source_rgba (cr, &fg);
          pango_layout_set_text (small, series->label, -1);
          pango_layout_get_pixel_size (small, &w, &h);
          show_text (cr, small, series->label, x + 30, 10, 0.0);
          x += 30 + w + 18;
        }
    }

  for (guint s = 0; s < self->series->len; s++)
    {
      Series *series = g_ptr_array_index (self->series, s);
      double alpha = 1.0 - 0.25 * s;
      double lx = 0, ly = 0;

      if (series->points->len == 0)
        continue;

      /* The line */
      gdk_cairo_set_source_rgba (cr, &(GdkRGBA) { accent.red, accent.green, accent.blue, alpha });
      cairo_set_line_width (cr, 2.0);
      cairo_set_dash (cr, dashes[s % G_N_ELEMENTS (dashes)], s % G_N_ELEMENTS (dashes) == 0 ? 0 : 2, 0);
      for (guint i = 0; i < series->points->len; i++)
        {
          Point *p = &g_array_index (series->points, Point, i);
          double x = total_points == 1 ? (left + right) / 2
                                       : (left + 12) + (right - left - 24) * iop_date_diff_days (first, p->date) / span_days;
          double y = bottom - (bottom - top) * (p->value - self->min_value) / range;

          if (i == 0)
            cairo_move_to (cr, x, y);
          else
            cairo_line_to (cr, x, y);
          lx = x;
          ly = y;
        }
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);

      /* Points and their values */
      for (guint i = 0; i < series->points->len; i++)
        {
          Point *p = &g_array_index (series->points, Point, i);
          double x = total_points == 1 ? (left + right) / 2
                                       : (left + 12) + (right - left - 24) * iop_date_diff_days (first, p->date) / span_days;
          double y = bottom - (bottom - top) * (p->value - self->min_value) / range;
          g_autofree char *text = g_strdup_printf ("%g", p->value);

          gdk_cairo_set_source_rgba (cr, &(GdkRGBA) { accent.red, accent.green, accent.blue, alpha });
          draw_marker (cr, s, x, y);
          gdk_cairo_set_source_rgba (cr, &fg);
          /* Alternate series label above and below their points, so close values stay legible. */
          show_text (cr, small, text, x, s % 2 == 0 ? y - 11 : y + 11, 0.5);
        }

      (void) lx;
      (void) ly;
    }
}

static void
iop_chart_finalize (GObject *object)
{
  IopChart *self = IOP_CHART (object);

  g_ptr_array_unref (self->series);

  G_OBJECT_CLASS (iop_chart_parent_class)->finalize (object);
}

static void
iop_chart_class_init (IopChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = iop_chart_finalize;
  gtk_widget_class_set_css_name (widget_class, "iop-chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
iop_chart_init (IopChart *self)
{
  self->series = g_ptr_array_new_with_free_func (series_free);
  self->max_value = 10;
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (self), 150);
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self), draw_cb, NULL, NULL);
}

GtkWidget *
iop_chart_new (void)
{
  return g_object_new (IOP_TYPE_CHART, NULL);
}

void
iop_chart_set_range (IopChart *self,
                     double    min_value,
                     double    max_value)
{
  g_return_if_fail (IOP_IS_CHART (self));

  self->min_value = min_value;
  self->max_value = max_value;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
iop_chart_clear (IopChart *self)
{
  g_return_if_fail (IOP_IS_CHART (self));

  g_ptr_array_set_size (self->series, 0);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * iop_chart_add_series:
 * @self: an #IopChart
 * @label: the series' name, shown beside its line when there are several
 *
 * Returns: the series' index
 */
guint
iop_chart_add_series (IopChart   *self,
                      const char *label)
{
  Series *s = g_new0 (Series, 1);

  g_return_val_if_fail (IOP_IS_CHART (self), 0);

  s->label = g_strdup (label);
  s->points = g_array_new (FALSE, FALSE, sizeof (Point));
  g_array_set_clear_func (s->points, clear_point);
  g_ptr_array_add (self->series, s);
  /* Several lines need more height to stay apart, and a legend. */
  if (self->series->len > 1)
    gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (self), 230);
  return self->series->len - 1;
}

/**
 * iop_chart_add_point:
 * @self: an #IopChart
 * @series: from iop_chart_add_series()
 * @date: the point's day; add points in date order
 * @value: its value
 */
void
iop_chart_add_point (IopChart   *self,
                     guint       series,
                     const char *date,
                     double      value)
{
  Point p;

  g_return_if_fail (IOP_IS_CHART (self));
  g_return_if_fail (series < self->series->len);

  p.date = g_strdup (date);
  p.value = value;
  g_array_append_val (((Series *) g_ptr_array_index (self->series, series))->points, p);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint
iop_chart_get_n_series (IopChart *self)
{
  g_return_val_if_fail (IOP_IS_CHART (self), 0);
  return self->series->len;
}

guint
iop_chart_get_n_points (IopChart *self,
                        guint     series)
{
  g_return_val_if_fail (IOP_IS_CHART (self), 0);
  g_return_val_if_fail (series < self->series->len, 0);
  return ((Series *) g_ptr_array_index (self->series, series))->points->len;
}
