/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "iop-document"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include "iop-i18n.h"
#include <glib/gstdio.h>
#include <pango/pangocairo.h>
#include <cairo-pdf.h>
#include <unistd.h>

#include "iop-document.h"

/**
 * IopDocument:
 *
 * A printable document: a flow of headings, paragraphs, label/value fields, tables,
 * drawings and signature lines, laid out with Pango onto pages of a given size and
 * rendered with Cairo. The same pages go to the screen, to a GtkPrintOperation (the
 * GUI passes the print context's cairo_t and page size) and to PDF files, so what
 * prints and what exports are identical.
 *
 * Every page carries a header (program name and title) and a footer (the footer
 * notice — for Part 2 records the §2.32 notice — and "Page N of M").
 *
 * Layout happens once in iop_document_paginate(); rendering only replays the
 * placed lines, so a page renders the same on any cairo_t whatever its scale.
 */

#define MARGIN            54.0   /* ¾ inch */
#define HEADER_GAP        14.0
#define FOOTER_GAP        12.0
#define PAGE_NUMBER_WIDTH 96.0
#define PARAGRAPH_SPACING 6.0
#define CELL_PADDING      4.0
#define FIELD_LABEL_SHARE 0.30
#define SIGNATURE_SPACE   30.0

#define FONT_BODY     "Sans 10"
#define FONT_BOLD     "Sans Bold 10"
#define FONT_TABLE    "Sans 9"
#define FONT_TABLE_HD "Sans Bold 9"
#define FONT_SMALL    "Sans 8"
#define FONT_SMALL_HD "Sans Bold 8"

typedef enum {
  BLOCK_HEADING,
  BLOCK_PARAGRAPH,
  BLOCK_FIELD,
  BLOCK_TABLE,
  BLOCK_DRAWING,
  BLOCK_SIGNATURE,
  BLOCK_PAGE_BREAK,
} BlockKind;

typedef struct {
  BlockKind            kind;
  int                  level;
  char                *text;
  char                *value;
  guint                n_columns;
  GStrv                headers;
  double              *widths;
  GPtrArray           *rows;
  double               min_row_height;
  double               height;
  IopDocumentDrawFunc  draw;
  gpointer             user_data;
  GDestroyNotify       destroy;
} Block;

typedef enum {
  OP_LAYOUT,
  OP_LINE,
  OP_RULE,
  OP_FILL,
  OP_DRAWING,
} OpKind;

/* One thing placed on a page: a whole layout (top-left at x, y), one line of a
 * layout (baseline at x, y), a rule (from x, y, w long, h thick), a grey fill or a
 * drawing (x, y, w, h). */
typedef struct {
  OpKind           kind;
  double           x;
  double           y;
  double           w;
  double           h;
  PangoLayout     *layout;
  PangoLayoutLine *line;
  Block           *block;
} Op;

struct _IopDocument
{
  GObject parent_instance;

  char *title;
  char *program_name;
  char *footer_notice;
  GPtrArray *blocks;          /* of Block */

  /* pagination */
  PangoContext *context;
  double page_width;
  double page_height;
  double content_top;
  double content_bottom;
  GPtrArray *pages;           /* of GArray of Op */

  IopCatalog  *catalog;   /* the document's language, or NULL for the counselor's */
};

G_DEFINE_FINAL_TYPE (IopDocument, iop_document, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TITLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct {
  IopDocument *self;
  GArray *ops;
  double left;
  double width;
  double y;
} Flow;

/* helpers */

static void
block_free (gpointer data)
{
  Block *block = data;

  g_free (block->text);
  g_free (block->value);
  g_strfreev (block->headers);
  g_free (block->widths);
  g_clear_pointer (&block->rows, g_ptr_array_unref);
  if (block->destroy != NULL)
    block->destroy (block->user_data);
  g_free (block);
}

static void
op_clear (gpointer data)
{
  Op *op = data;

  g_clear_object (&op->layout);
  g_clear_pointer (&op->line, pango_layout_line_unref);
}

static GArray *
ops_new (void)
{
  GArray *ops = g_array_new (FALSE, TRUE, sizeof (Op));

  g_array_set_clear_func (ops, op_clear);
  return ops;
}

static Block *
block_append (IopDocument *self,
              BlockKind    kind)
{
  Block *block = g_new0 (Block, 1);

  block->kind = kind;
  g_ptr_array_add (self->blocks, block);
  return block;
}

static PangoLayout *
make_layout (IopDocument *self,
             const char  *font,
             const char  *text,
             double       width,
             gboolean     bold)
{
  PangoLayout *layout = pango_layout_new (self->context);
  g_autoptr(PangoFontDescription) desc = pango_font_description_from_string (font);

  if (bold)
    pango_font_description_set_weight (desc, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, desc);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  if (width > 0)
    pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_text (layout, text != NULL ? text : "", -1);
  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  int height;

  pango_layout_get_size (layout, NULL, &height);
  return (double) height / PANGO_SCALE;
}

static void
flow_new_page (Flow *flow)
{
  flow->ops = ops_new ();
  g_ptr_array_add (flow->self->pages, flow->ops);
  flow->y = flow->self->content_top;
}

static gboolean
flow_at_top (Flow *flow)
{
  return flow->y <= flow->self->content_top + 0.01;
}

/* Starts a new page unless @space fits below the current position (or the page is still empty). */
static void
flow_need (Flow   *flow,
           double  space)
{
  if (flow->y + space > flow->self->content_bottom && !flow_at_top (flow))
    flow_new_page (flow);
}

static void
flow_add_layout (Flow        *flow,
                 PangoLayout *layout,
                 double       x,
                 double       y)
{
  Op op = { OP_LAYOUT, x, y, 0, 0, g_object_ref (layout), NULL, NULL };

  g_array_append_val (flow->ops, op);
}

static void
flow_add_rule (Flow   *flow,
               double  x,
               double  y,
               double  w,
               double  thickness)
{
  Op op = { OP_RULE, x, y, w, thickness, NULL, NULL, NULL };

  g_array_append_val (flow->ops, op);
}

static void
flow_add_fill (Flow   *flow,
               double  x,
               double  y,
               double  w,
               double  h)
{
  Op op = { OP_FILL, x, y, w, h, NULL, NULL, NULL };

  g_array_append_val (flow->ops, op);
}

/* Places a layout line by line, so a long paragraph continues on the next page. */
static void
flow_add_lines (Flow        *flow,
                PangoLayout *layout,
                double       x)
{
  PangoLayoutIter *iter = pango_layout_get_iter (layout);

  do
    {
      PangoRectangle logical;
      double line_height;
      double baseline;
      Op op = { OP_LINE, 0, 0, 0, 0, NULL, NULL, NULL };

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      line_height = (double) logical.height / PANGO_SCALE;
      baseline = (double) (pango_layout_iter_get_baseline (iter) - logical.y) / PANGO_SCALE;
      flow_need (flow, line_height);

      op.x = x + (double) logical.x / PANGO_SCALE;
      op.y = flow->y + baseline;
      op.layout = g_object_ref (layout);
      op.line = pango_layout_line_ref (pango_layout_iter_get_line_readonly (iter));
      g_array_append_val (flow->ops, op);
      flow->y += line_height;
    }
  while (pango_layout_iter_next_line (iter));

  pango_layout_iter_free (iter);
}

static void
layout_heading (Flow  *flow,
                Block *block)
{
  static const char *fonts[] = { "Sans Bold 16", "Sans Bold 13", "Sans Bold 11" };
  int level = CLAMP (block->level, 1, 3);
  g_autoptr(PangoLayout) layout = make_layout (flow->self, fonts[level - 1], block->text, flow->width, FALSE);
  double height = layout_height (layout);
  double before = level == 1 ? 4.0 : 10.0;

  /* Keep a heading with at least a few lines of what follows it. */
  flow_need (flow, before + height + 40.0);
  if (!flow_at_top (flow))
    flow->y += before;
  flow_add_layout (flow, layout, flow->left, flow->y);
  flow->y += height + 4.0;
}

static void
layout_paragraph (Flow  *flow,
                  Block *block)
{
  g_autoptr(PangoLayout) layout = make_layout (flow->self, FONT_BODY, block->text, flow->width, FALSE);

  flow_add_lines (flow, layout, flow->left);
  flow->y += PARAGRAPH_SPACING;
}

static void
layout_field (Flow  *flow,
              Block *block)
{
  double label_width = flow->width * FIELD_LABEL_SHARE;
  double value_width = flow->width - label_width - 8.0;
  g_autoptr(PangoLayout) label = make_layout (flow->self, FONT_BOLD, block->text, label_width, FALSE);
  g_autoptr(PangoLayout) value = make_layout (flow->self, FONT_BODY, block->value, value_width, FALSE);
  double height = MAX (layout_height (label), layout_height (value));

  flow_need (flow, height);
  flow_add_layout (flow, label, flow->left, flow->y);
  flow_add_layout (flow, value, flow->left + label_width + 8.0, flow->y);
  flow->y += height + 3.0;
}

static GPtrArray *
table_row_layouts (Flow                *flow,
                   Block               *block,
                   const double        *col_widths,
                   const char * const  *cells,
                   gboolean             header,
                   double              *out_height)
{
  GPtrArray *layouts = g_ptr_array_new_with_free_func (g_object_unref);
  /* A cell never grows past one page: what does not fit ends in an ellipsis
   * rather than running over the footer. */
  double max_height = flow->self->content_bottom - flow->self->content_top - 60.0;
  gboolean ended = FALSE;

  *out_height = 0;
  for (guint i = 0; i < block->n_columns; i++)
    {
      const char *text = NULL;
      PangoLayout *layout;

      if (cells != NULL && !ended)
        {
          text = cells[i];
          ended = (text == NULL);
        }
      layout = make_layout (flow->self, header ? FONT_TABLE_HD : FONT_TABLE, ended ? "" : text,
                            MAX (col_widths[i] - 2 * CELL_PADDING, 1.0), FALSE);
      pango_layout_set_height (layout, (int) (max_height * PANGO_SCALE));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      *out_height = MAX (*out_height, layout_height (layout));
      g_ptr_array_add (layouts, layout);
    }
  *out_height += 2 * CELL_PADDING;
  return layouts;
}

static void
table_place_row (Flow         *flow,
                 GPtrArray    *layouts,
                 const double *col_widths,
                 double        height,
                 gboolean      header)
{
  double x = flow->left;

  if (header)
    flow_add_fill (flow, flow->left, flow->y, flow->width, height);
  for (guint i = 0; i < layouts->len; i++)
    {
      flow_add_layout (flow, g_ptr_array_index (layouts, i), x + CELL_PADDING, flow->y + CELL_PADDING);
      x += col_widths[i];
    }
  flow->y += height;
  flow_add_rule (flow, flow->left, flow->y, flow->width, header ? 0.8 : 0.4);
}

static void
layout_table (Flow  *flow,
              Block *block)
{
  g_autofree double *col_widths = g_new0 (double, block->n_columns);
  g_autoptr(GPtrArray) header = NULL;
  double total = 0;
  double header_height;
  guint n_rows;

  for (guint i = 0; i < block->n_columns; i++)
    total += block->widths != NULL && block->widths[i] > 0 ? block->widths[i] : 1.0;
  for (guint i = 0; i < block->n_columns; i++)
    col_widths[i] = flow->width * (block->widths != NULL && block->widths[i] > 0 ? block->widths[i] : 1.0) / total;

  header = table_row_layouts (flow, block, col_widths, (const char * const *) block->headers, TRUE, &header_height);

  n_rows = block->rows != NULL ? block->rows->len : 0;
  for (guint r = 0; r < MAX (n_rows, 1); r++)
    {
      g_autoptr(GPtrArray) row = NULL;
      double row_height = 0;

      if (r < n_rows)
        {
          row = table_row_layouts (flow, block, col_widths, g_ptr_array_index (block->rows, r), FALSE, &row_height);
          row_height = MAX (row_height, block->min_row_height);
        }

      if (r == 0)
        {
          flow_need (flow, header_height + row_height);
          table_place_row (flow, header, col_widths, header_height, TRUE);
        }
      else if (flow->y + row_height > flow->self->content_bottom)
        {
          /* The header row repeats on every page the table continues on. */
          flow_new_page (flow);
          table_place_row (flow, header, col_widths, header_height, TRUE);
        }
      if (row != NULL)
        table_place_row (flow, row, col_widths, row_height, FALSE);
    }
  flow->y += PARAGRAPH_SPACING + 2.0;
}

static void
layout_drawing (Flow  *flow,
                Block *block)
{
  double height = MIN (block->height, flow->self->content_bottom - flow->self->content_top);
  Op op = { OP_DRAWING, flow->left, 0, flow->width, height, NULL, NULL, block };

  flow_need (flow, height);
  op.y = flow->y;
  g_array_append_val (flow->ops, op);
  flow->y += height + 8.0;
}

static void
layout_signature (Flow  *flow,
                  Block *block)
{
  double line_width = flow->width * 0.6;
  double date_x = flow->left + flow->width * 0.68;
  g_autoptr(PangoLayout) label = make_layout (flow->self, FONT_SMALL, block->text, line_width, FALSE);
  g_autoptr(PangoLayout) date = make_layout (flow->self, FONT_SMALL, _("Date"), flow->width * 0.32, FALSE);
  double height = SIGNATURE_SPACE + 3.0 + MAX (layout_height (label), layout_height (date));

  flow_need (flow, height);
  flow->y += SIGNATURE_SPACE;
  flow_add_rule (flow, flow->left, flow->y, line_width, 0.8);
  flow_add_rule (flow, date_x, flow->y, flow->left + flow->width - date_x, 0.8);
  flow_add_layout (flow, label, flow->left, flow->y + 3.0);
  flow_add_layout (flow, date, date_x, flow->y + 3.0);
  flow->y += height - SIGNATURE_SPACE + 8.0;
}

static PangoContext *
default_context (void)
{
  PangoContext *context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  cairo_font_options_t *options = cairo_font_options_create ();

  /* Points, and metrics that do not depend on the device, so that the screen,
   * the printer and PDF break lines in the same places. */
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  pango_cairo_context_set_resolution (context, 72.0);
  cairo_font_options_destroy (options);
  return context;
}

static char *
page_number_text (guint page,
                  guint n_pages)
{
  /* Translators: the page number in the footer of every printed page */
  return g_strdup_printf (_("Page %u of %u"), page, n_pages);
}

static gboolean
set_write_error (GError     **error,
                 const char  *path,
                 int          errsv)
{
  g_autofree char *display = g_filename_display_name (path);

  switch (errsv)
    {
    case ENOSPC:
#ifdef EDQUOT
    case EDQUOT:
#endif
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
                   _("Could not save “%s”: the disk is full. Free some space or choose another place."),
                   display);
      break;
    case EACCES:
    case EPERM:
    case EROFS:
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errsv),
                   _("Could not save “%s”: you may not write in that folder. Choose another place."),
                   display);
      break;
    default:
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errsv),
                   _("Could not save “%s”: %s"), display, g_strerror (errsv));
      break;
    }
  return FALSE;
}

typedef struct {
  int fd;
  int errsv;
} PdfSink;

static cairo_status_t
pdf_write_cb (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  PdfSink *sink = closure;

  while (length > 0)
    {
      ssize_t written = write (sink->fd, data, length);

      if (written < 0)
        {
          if (errno == EINTR)
            continue;
          sink->errsv = errno;
          return CAIRO_STATUS_WRITE_ERROR;
        }
      data += written;
      length -= (unsigned int) written;
    }
  return CAIRO_STATUS_SUCCESS;
}

/* GObject vfuncs */

static void
iop_document_finalize (GObject *object)
{
  IopDocument *self = IOP_DOCUMENT (object);

  g_clear_pointer (&self->pages, g_ptr_array_unref);
  g_clear_pointer (&self->blocks, g_ptr_array_unref);
  g_clear_object (&self->context);
  g_free (self->title);
  g_free (self->program_name);
  g_free (self->footer_notice);
  g_clear_pointer (&self->catalog, iop_catalog_unref);

  G_OBJECT_CLASS (iop_document_parent_class)->finalize (object);
}

static void
iop_document_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  IopDocument *self = IOP_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
iop_document_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  IopDocument *self = IOP_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_free (self->title);
      self->title = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
iop_document_class_init (IopDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = iop_document_finalize;
  object_class->get_property = iop_document_get_property;
  object_class->set_property = iop_document_set_property;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
iop_document_init (IopDocument *self)
{
  self->blocks = g_ptr_array_new_with_free_func (block_free);
  self->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  self->program_name = g_strdup ("");
  self->footer_notice = g_strdup ("");
}

/* public API */

/**
 * iop_document_new:
 * @title: the document's title, printed in every page header
 *
 * Returns: (transfer full): a new, empty document
 */
IopDocument *
iop_document_new (const char *title)
{
  return g_object_new (IOP_TYPE_DOCUMENT, "title", title != NULL ? title : "", NULL);
}

const char *
iop_document_get_title (IopDocument *self)
{
  g_return_val_if_fail (IOP_IS_DOCUMENT (self), NULL);
  return self->title;
}

/**
 * iop_document_set_program_name:
 * @program_name: (nullable): the program's name, printed at the top left of every page
 */
void
iop_document_set_program_name (IopDocument *self,
                               const char  *program_name)
{
  g_return_if_fail (IOP_IS_DOCUMENT (self));
  g_free (self->program_name);
  self->program_name = g_strdup (program_name != NULL ? program_name : "");
}

/**
 * iop_document_set_footer_notice:
 * @notice: (nullable): text printed at the foot of every page, such as the 42 CFR
 *   Part 2 §2.32 notice (%IOP_DOCUMENT_PART2_NOTICE)
 */
void
iop_document_set_footer_notice (IopDocument *self,
                                const char  *notice)
{
  g_return_if_fail (IOP_IS_DOCUMENT (self));
  g_free (self->footer_notice);
  self->footer_notice = g_strdup (notice != NULL ? notice : "");
}

/**
 * iop_document_set_catalog:
 * @self: a document
 * @catalog: (nullable): the language of the document's own words (page
 *   numbers, signature labels), or %NULL for the counselor's
 *
 * A member's document is printed in the member's language: the text added
 * to it is already translated; this makes pagination and drawing agree.
 */
void
iop_document_set_catalog (IopDocument *self,
                          IopCatalog  *catalog)
{
  g_return_if_fail (IOP_IS_DOCUMENT (self));

  g_clear_pointer (&self->catalog, iop_catalog_unref);
  self->catalog = catalog != NULL ? iop_catalog_ref (catalog) : NULL;
}

/**
 * iop_document_get_catalog:
 *
 * Returns: (transfer none) (nullable): the document's language, if not the counselor's
 */
IopCatalog *
iop_document_get_catalog (IopDocument *self)
{
  g_return_val_if_fail (IOP_IS_DOCUMENT (self), NULL);

  return self->catalog;
}

/**
 * iop_document_add_heading:
 * @level: 1 for the document heading, 2 for sections, 3 for subsections
 * @text: plain text
 */
void
iop_document_add_heading (IopDocument *self,
                          int          level,
                          const char  *text)
{
  Block *block;

  g_return_if_fail (IOP_IS_DOCUMENT (self));
  block = block_append (self, BLOCK_HEADING);
  block->level = level;
  block->text = g_strdup (text != NULL ? text : "");
}

/**
 * iop_document_add_paragraph:
 * @text: plain text (not markup); line breaks are kept
 *
 * A paragraph may continue on the next page.
 */
void
iop_document_add_paragraph (IopDocument *self,
                            const char  *text)
{
  Block *block;

  g_return_if_fail (IOP_IS_DOCUMENT (self));
  block = block_append (self, BLOCK_PARAGRAPH);
  block->text = g_strdup (text != NULL ? text : "");
}

/**
 * iop_document_add_field:
 * @label: the label, printed in bold on the left
 * @value: (nullable): the value
 */
void
iop_document_add_field (IopDocument *self,
                        const char  *label,
                        const char  *value)
{
  Block *block;

  g_return_if_fail (IOP_IS_DOCUMENT (self));
  block = block_append (self, BLOCK_FIELD);
  block->text = g_strdup (label != NULL ? label : "");
  block->value = g_strdup (value != NULL ? value : "");
}

/**
 * iop_document_add_table:
 * @n_columns: the number of columns, at least 1
 * @headers: (array length=n_columns): the column headers
 * @relative_widths: (nullable) (array length=n_columns): the columns' relative widths;
 *   %NULL for equal columns
 * @rows: (nullable) (element-type GStrv) (transfer none): the rows; the document keeps
 *   a reference. A row with fewer cells than columns leaves the rest empty.
 *
 * A table continues over page breaks, repeating its header row on each page.
 */
void
iop_document_add_table (IopDocument        *self,
                        guint               n_columns,
                        const char * const *headers,
                        const double       *relative_widths,
                        GPtrArray          *rows)
{
  Block *block;

  g_return_if_fail (IOP_IS_DOCUMENT (self));
  g_return_if_fail (n_columns > 0);
  g_return_if_fail (headers != NULL);

  block = block_append (self, BLOCK_TABLE);
  block->n_columns = n_columns;
  block->headers = g_new0 (char *, n_columns + 1);
  for (guint i = 0; i < n_columns; i++)
    block->headers[i] = g_strdup (headers[i] != NULL ? headers[i] : "");
  if (relative_widths != NULL)
    block->widths = g_memdup2 (relative_widths, sizeof (double) * n_columns);
  if (rows != NULL)
    block->rows = g_ptr_array_ref (rows);
}

/**
 * iop_document_add_form_table:
 * @n_columns: the number of columns, at least 1
 * @headers: (array length=n_columns): the column headers
 * @relative_widths: (nullable) (array length=n_columns): relative column widths
 * @rows: (nullable) (element-type GStrv) (transfer none): the rows
 * @min_row_height: the least height of a row, in points, to leave room for
 *   handwriting (a signature column)
 *
 * Like iop_document_add_table(), for forms filled in by hand.
 */
void
iop_document_add_form_table (IopDocument        *self,
                             guint               n_columns,
                             const char * const *headers,
                             const double       *relative_widths,
                             GPtrArray          *rows,
                             double              min_row_height)
{
  Block *block;

  g_return_if_fail (IOP_IS_DOCUMENT (self));
  iop_document_add_table (self, n_columns, headers, relative_widths, rows);
  block = g_ptr_array_index (self->blocks, self->blocks->len - 1);
  block->min_row_height = MAX (min_row_height, 0);
}

/**
 * iop_document_add_drawing:
 * @height_pt: the drawing's height in points; it spans the text width
 * @draw: (scope notified): draws the figure each time the page renders
 * @user_data: (closure): data for @draw
 * @destroy: (nullable): frees @user_data with the document
 */
void
iop_document_add_drawing (IopDocument         *self,
                          double               height_pt,
                          IopDocumentDrawFunc  draw,
                          gpointer             user_data,
                          GDestroyNotify       destroy)
{
  Block *block;

  g_return_if_fail (IOP_IS_DOCUMENT (self));
  g_return_if_fail (draw != NULL);
  g_return_if_fail (height_pt > 0);

  block = block_append (self, BLOCK_DRAWING);
  block->height = height_pt;
  block->draw = draw;
  block->user_data = user_data;
  block->destroy = destroy;
}

/**
 * iop_document_add_signature_line:
 * @label: what is printed under the line, e.g. the signer's role
 *
 * A line to sign on, with a line for the date beside it.
 */
void
iop_document_add_signature_line (IopDocument *self,
                                 const char  *label)
{
  Block *block;

  g_return_if_fail (IOP_IS_DOCUMENT (self));
  block = block_append (self, BLOCK_SIGNATURE);
  block->text = g_strdup (label != NULL ? label : "");
}

/**
 * iop_document_add_page_break:
 *
 * What follows starts on a new page (nothing happens at the top of an empty page).
 */
void
iop_document_add_page_break (IopDocument *self)
{
  g_return_if_fail (IOP_IS_DOCUMENT (self));
  block_append (self, BLOCK_PAGE_BREAK);
}

static double
footer_height (IopDocument *self,
               double       width)
{
  g_autoptr(PangoLayout) notice = make_layout (self, FONT_SMALL, self->footer_notice,
                                               width - PAGE_NUMBER_WIDTH, FALSE);
  g_autofree char *number = page_number_text (999, 999);
  g_autoptr(PangoLayout) pages = make_layout (self, FONT_SMALL, number, PAGE_NUMBER_WIDTH, FALSE);

  return MAX (layout_height (notice), layout_height (pages));
}

static double
header_height (IopDocument *self,
               double       width)
{
  g_autoptr(PangoLayout) program = make_layout (self, FONT_SMALL_HD, self->program_name, width / 2, FALSE);
  g_autoptr(PangoLayout) title = make_layout (self, FONT_SMALL, self->title, width / 2, FALSE);

  return MAX (layout_height (program), layout_height (title));
}

/**
 * iop_document_paginate:
 * @context: (nullable): the Pango context to lay out with, e.g. a
 *   GtkPrintContext's (with its unit in points); %NULL for a default one in points
 * @page_width_pt: the page width in points
 * @page_height_pt: the page height in points
 *
 * Lays the document out onto pages of the given size. Call again whenever the
 * content, the context or the page size changes.
 *
 * Returns: the number of pages, at least 1
 */
guint
iop_document_paginate (IopDocument  *self,
                       PangoContext *context,
                       double        page_width_pt,
                       double        page_height_pt)
{
  Flow flow = { self, NULL, MARGIN, 0, 0 };
  double width;

  g_return_val_if_fail (IOP_IS_DOCUMENT (self), 0);
  g_return_val_if_fail (context == NULL || PANGO_IS_CONTEXT (context), 0);
  g_return_val_if_fail (page_width_pt > 4 * MARGIN && page_height_pt > 4 * MARGIN, 0);

  if (self->catalog != NULL)
    iop_catalog_push_thread_default (self->catalog);

  g_clear_object (&self->context);
  self->context = context != NULL ? g_object_ref (context) : default_context ();
  self->page_width = page_width_pt;
  self->page_height = page_height_pt;
  g_ptr_array_set_size (self->pages, 0);

  width = page_width_pt - 2 * MARGIN;
  self->content_top = MARGIN + header_height (self, width) + HEADER_GAP;
  self->content_bottom = page_height_pt - MARGIN - footer_height (self, width) - FOOTER_GAP;
  flow.width = width;
  flow_new_page (&flow);

  for (guint i = 0; i < self->blocks->len; i++)
    {
      Block *block = g_ptr_array_index (self->blocks, i);

      switch (block->kind)
        {
        case BLOCK_HEADING:
          layout_heading (&flow, block);
          break;
        case BLOCK_PARAGRAPH:
          layout_paragraph (&flow, block);
          break;
        case BLOCK_FIELD:
          layout_field (&flow, block);
          break;
        case BLOCK_TABLE:
          layout_table (&flow, block);
          break;
        case BLOCK_DRAWING:
          layout_drawing (&flow, block);
          break;
        case BLOCK_SIGNATURE:
          layout_signature (&flow, block);
          break;
        case BLOCK_PAGE_BREAK:
          if (!flow_at_top (&flow))
            flow_new_page (&flow);
          break;
        default:
          g_assert_not_reached ();
        }
    }

  if (self->catalog != NULL)
    iop_catalog_pop_thread_default (self->catalog);
  return self->pages->len;
}

/**
 * iop_document_get_n_pages:
 *
 * Returns: the number of pages of the last pagination, 0 before any
 */
guint
iop_document_get_n_pages (IopDocument *self)
{
  g_return_val_if_fail (IOP_IS_DOCUMENT (self), 0);
  return self->pages->len;
}

/**
 * iop_document_render_page:
 * @cr: a cairo context whose user space is in points with (0, 0) at the page's
 *   top left corner
 * @page: the page, from 0
 *
 * Draws one page as laid out by the last iop_document_paginate(): header, content
 * and footer, in black on the page's own background.
 */
void
iop_document_render_page (IopDocument *self,
                          cairo_t     *cr,
                          guint        page)
{
  GArray *ops;
  double width;
  double footer_top;
  g_autoptr(PangoLayout) program = NULL;
  g_autoptr(PangoLayout) title = NULL;
  g_autoptr(PangoLayout) notice = NULL;
  g_autoptr(PangoLayout) number = NULL;
  g_autofree char *number_text = NULL;
  double header_bottom;

  g_return_if_fail (IOP_IS_DOCUMENT (self));
  g_return_if_fail (cr != NULL);
  g_return_if_fail (page < self->pages->len);

  ops = g_ptr_array_index (self->pages, page);
  width = self->page_width - 2 * MARGIN;
  if (self->catalog != NULL)
    iop_catalog_push_thread_default (self->catalog);

  cairo_save (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);

  /* header */
  program = make_layout (self, FONT_SMALL_HD, self->program_name, width / 2, FALSE);
  title = make_layout (self, FONT_SMALL, self->title, width / 2, FALSE);
  pango_layout_set_alignment (title, PANGO_ALIGN_RIGHT);
  cairo_move_to (cr, MARGIN, MARGIN);
  pango_cairo_show_layout (cr, program);
  cairo_move_to (cr, MARGIN + width / 2, MARGIN);
  pango_cairo_show_layout (cr, title);
  header_bottom = MARGIN + MAX (layout_height (program), layout_height (title)) + 4.0;
  cairo_set_line_width (cr, 0.6);
  cairo_set_source_rgb (cr, 0.45, 0.45, 0.45);
  cairo_move_to (cr, MARGIN, header_bottom);
  cairo_rel_line_to (cr, width, 0);
  cairo_stroke (cr);

  /* footer */
  number_text = page_number_text (page + 1, self->pages->len);
  notice = make_layout (self, FONT_SMALL, self->footer_notice, width - PAGE_NUMBER_WIDTH, FALSE);
  number = make_layout (self, FONT_SMALL, number_text, PAGE_NUMBER_WIDTH, FALSE);
  pango_layout_set_alignment (number, PANGO_ALIGN_RIGHT);
  footer_top = self->page_height - MARGIN - MAX (layout_height (notice), layout_height (number));
  cairo_move_to (cr, MARGIN, footer_top - 4.0);
  cairo_rel_line_to (cr, width, 0);
  cairo_stroke (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_move_to (cr, MARGIN, footer_top);
  pango_cairo_show_layout (cr, notice);
  cairo_move_to (cr, MARGIN + width - PAGE_NUMBER_WIDTH, footer_top);
  pango_cairo_show_layout (cr, number);

  /* content */
  for (guint i = 0; i < ops->len; i++)
    {
      Op *op = &g_array_index (ops, Op, i);

      switch (op->kind)
        {
        case OP_LAYOUT:
          cairo_move_to (cr, op->x, op->y);
          pango_cairo_show_layout (cr, op->layout);
          break;
        case OP_LINE:
          cairo_move_to (cr, op->x, op->y);
          pango_cairo_show_layout_line (cr, op->line);
          break;
        case OP_RULE:
          cairo_save (cr);
          cairo_set_source_rgb (cr, 0.35, 0.35, 0.35);
          cairo_set_line_width (cr, op->h);
          cairo_move_to (cr, op->x, op->y);
          cairo_rel_line_to (cr, op->w, 0);
          cairo_stroke (cr);
          cairo_restore (cr);
          break;
        case OP_FILL:
          cairo_save (cr);
          cairo_set_source_rgb (cr, 0.9, 0.9, 0.9);
          cairo_rectangle (cr, op->x, op->y, op->w, op->h);
          cairo_fill (cr);
          cairo_restore (cr);
          break;
        case OP_DRAWING:
          cairo_save (cr);
          cairo_translate (cr, op->x, op->y);
          cairo_rectangle (cr, 0, 0, op->w, op->h);
          cairo_clip (cr);
          cairo_new_path (cr);
          op->block->draw (cr, op->w, op->h, op->block->user_data);
          cairo_restore (cr);
          cairo_set_source_rgb (cr, 0, 0, 0);
          break;
        default:
          g_assert_not_reached ();
        }
    }

  cairo_restore (cr);
  if (self->catalog != NULL)
    iop_catalog_pop_thread_default (self->catalog);
}

/**
 * iop_document_write_pdf:
 * @path: the PDF file to write
 * @error: return location for a #GError (G_IO_ERROR domain, translated message)
 *
 * Lays the document out on US Letter pages and writes it as PDF. The pages go to
 * a temporary file in the same folder which replaces @path only once it is
 * complete, so a failure (full disk, no permission) leaves nothing half-written.
 * The file is readable by its owner only: it holds protected health information.
 *
 * Returns: %TRUE on success
 */
gboolean
iop_document_write_pdf (IopDocument  *self,
                        const char   *path,
                        GError      **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *tmp_path = NULL;
  PdfSink sink = { -1, 0 };
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;
  guint n_pages;

  g_return_val_if_fail (IOP_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  n_pages = iop_document_paginate (self, NULL, IOP_DOCUMENT_LETTER_WIDTH, IOP_DOCUMENT_LETTER_HEIGHT);

  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  tmp_path = g_strdup_printf ("%s%c.%s.XXXXXX", dir, G_DIR_SEPARATOR, base);
  sink.fd = g_mkstemp_full (tmp_path, O_WRONLY | O_CLOEXEC, 0600);
  if (sink.fd < 0)
    return set_write_error (error, path, errno);

  surface = cairo_pdf_surface_create_for_stream (pdf_write_cb, &sink,
                                                 IOP_DOCUMENT_LETTER_WIDTH, IOP_DOCUMENT_LETTER_HEIGHT);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, self->title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Circle");
  cr = cairo_create (surface);
  for (guint i = 0; i < n_pages; i++)
    {
      iop_document_render_page (self, cr, i);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status == CAIRO_STATUS_SUCCESS && fsync (sink.fd) != 0)
    {
      sink.errsv = errno;
      status = CAIRO_STATUS_WRITE_ERROR;
    }
  if (close (sink.fd) != 0 && status == CAIRO_STATUS_SUCCESS)
    {
      sink.errsv = errno;
      status = CAIRO_STATUS_WRITE_ERROR;
    }
  if (status == CAIRO_STATUS_SUCCESS && g_rename (tmp_path, path) != 0)
    {
      sink.errsv = errno;
      status = CAIRO_STATUS_WRITE_ERROR;
    }

  if (status != CAIRO_STATUS_SUCCESS)
    {
      int errsv = sink.errsv;
      g_autofree char *display = g_filename_display_name (path);

      g_unlink (tmp_path);
      if (errsv != 0)
        return set_write_error (error, path, errsv);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Could not save “%s”: %s"), display, cairo_status_to_string (status));
      return FALSE;
    }

  return TRUE;
}
