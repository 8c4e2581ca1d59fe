/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "iop-wrap-box"

#include "config.h"

#include "iop-wrap-box.h"

/*
 * A row of controls that wraps onto more lines, aligned to the end, when the
 * window is too narrow for them side by side (libadwaita 1.2 has no
 * breakpoints). Children keep their order, which is also the focus order.
 */

struct _IopWrapBox
{
  GtkWidget  parent_instance;

  int        spacing;
};

G_DEFINE_FINAL_TYPE (IopWrapBox, iop_wrap_box, GTK_TYPE_WIDGET)

typedef struct
{
  GtkWidget *child;
  int        width;
  int        height;
  int        line;
} Place;

static int
child_width (GtkWidget *child,
             int        available)
{
  int minimum, natural;

  gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, &natural, NULL, NULL);
  return CLAMP (natural, minimum, MAX (minimum, available));
}

/* Lays the visible children out in lines no wider than @width; returns the height. */
static int
flow (IopWrapBox *self,
      int         width,
      GArray     *places)
{
  int x = 0, line = 0, line_height = 0, height = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      Place place = { child, 0, 0, 0 };
      int child_height;

      if (!gtk_widget_should_layout (child))
        continue;
      place.width = child_width (child, width);
      if (x > 0 && x + self->spacing + place.width > width)
        {
          height += line_height + self->spacing;
          line++;
          x = 0;
          line_height = 0;
        }
      gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, place.width, NULL, &child_height, NULL, NULL);
      place.height = child_height;
      place.line = line;
      x += (x > 0 ? self->spacing : 0) + place.width;
      line_height = MAX (line_height, child_height);
      if (places != NULL)
        g_array_append_val (places, place);
    }
  return height + line_height;
}

static GtkSizeRequestMode
iop_wrap_box_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
iop_wrap_box_measure (GtkWidget      *widget,
                      GtkOrientation  orientation,
                      int             for_size,
                      int            *minimum,
                      int            *natural,
                      int            *minimum_baseline,
                      int            *natural_baseline)
{
  IopWrapBox *self = IOP_WRAP_BOX (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      int widest = 0, total = 0, n = 0;

      for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
           child = gtk_widget_get_next_sibling (child))
        {
          int child_min, child_nat;

          if (!gtk_widget_should_layout (child))
            continue;
          gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &child_min, &child_nat, NULL, NULL);
          widest = MAX (widest, child_min);
          total += child_nat;
          n++;
        }
      *minimum = widest;
      *natural = total + MAX (n - 1, 0) * self->spacing;
    }
  else
    {
      int width = for_size, ignored;

      if (width < 0)
        iop_wrap_box_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &ignored, &width, NULL, NULL);
      *minimum = *natural = flow (self, width, NULL);
    }
}

static void
iop_wrap_box_size_allocate (GtkWidget *widget,
                            int        width,
                            int        height,
                            int        baseline)
{
  IopWrapBox *self = IOP_WRAP_BOX (widget);
  g_autoptr(GArray) places = g_array_new (FALSE, FALSE, sizeof (Place));
  guint start = 0;
  int y = 0;

  flow (self, width, places);

  /* One line at a time: its children end at the right edge, centred in the line. */
  while (start < places->len)
    {
      int line = g_array_index (places, Place, start).line;
      int line_width = 0, line_height = 0, x;
      guint end = start;

      while (end < places->len && g_array_index (places, Place, end).line == line)
        {
          Place *place = &g_array_index (places, Place, end);

          line_width += (end > start ? self->spacing : 0) + place->width;
          line_height = MAX (line_height, place->height);
          end++;
        }

      x = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL ? 0 : width - line_width;
      for (guint i = start; i < end; i++)
        {
          Place *place = &g_array_index (places, Place, i);
          GtkAllocation allocation = { x, y + (line_height - place->height) / 2, place->width, place->height };

          gtk_widget_size_allocate (place->child, &allocation, -1);
          x += place->width + self->spacing;
        }
      y += line_height + self->spacing;
      start = end;
    }
}

static void
iop_wrap_box_dispose (GObject *object)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (iop_wrap_box_parent_class)->dispose (object);
}

static void
iop_wrap_box_class_init (IopWrapBoxClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = iop_wrap_box_dispose;

  widget_class->get_request_mode = iop_wrap_box_get_request_mode;
  widget_class->measure = iop_wrap_box_measure;
  widget_class->size_allocate = iop_wrap_box_size_allocate;
}

static void
iop_wrap_box_init (IopWrapBox *self)
{
}

/**
 * iop_wrap_box_new:
 * @spacing: the space between children and between lines, in pixels
 *
 * Returns: (transfer floating): a new, empty wrap box
 */
GtkWidget *
iop_wrap_box_new (int spacing)
{
  IopWrapBox *self = g_object_new (IOP_TYPE_WRAP_BOX, NULL);

  self->spacing = spacing;
  return GTK_WIDGET (self);
}

void
iop_wrap_box_append (IopWrapBox *self,
                     GtkWidget  *child)
{
  g_return_if_fail (IOP_IS_WRAP_BOX (self));
  g_return_if_fail (GTK_IS_WIDGET (child));
  g_return_if_fail (gtk_widget_get_parent (child) == NULL);

  gtk_widget_set_parent (child, GTK_WIDGET (self));
}
