/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <gio/gio.h>
#include <pango/pango.h>

#include "iop-catalog.h"

G_BEGIN_DECLS

/* US Letter, in points. */
#define IOP_DOCUMENT_LETTER_WIDTH   612.0
#define IOP_DOCUMENT_LETTER_HEIGHT  792.0

/* The 42 CFR Part 2 §2.32 notice every page of a Part 2 record must carry. */
#define IOP_DOCUMENT_PART2_NOTICE N_("42 CFR part 2 prohibits unauthorized use or disclosure of these records.")
/* Documents that hold several people's records (a group's session summary,
 * sign-in sheet, group and program reports) never leave the program: a
 * disclosure is of one participant's record, under that participant's consent. */
#define IOP_DOCUMENT_INTERNAL_NOTICE N_("Confidential — for use inside the program; not for disclosure (42 CFR Part 2).")

#define IOP_TYPE_DOCUMENT (iop_document_get_type ())
G_DECLARE_FINAL_TYPE (IopDocument, iop_document, IOP, DOCUMENT, GObject)

/**
 * IopDocumentDrawFunc:
 * @cr: a cairo context translated so that (0, 0) is the drawing's top left corner
 * @width: the width of the drawing, in points
 * @height: the height of the drawing, in points
 * @user_data: the data given to iop_document_add_drawing()
 *
 * Draws a chart or figure into the box the document reserved for it.
 */
typedef void (*IopDocumentDrawFunc) (cairo_t  *cr,
                                     double    width,
                                     double    height,
                                     gpointer  user_data);

IopDocument *iop_document_new                 (const char          *title);

const char  *iop_document_get_title           (IopDocument         *self);
void         iop_document_set_program_name    (IopDocument         *self,
                                               const char          *program_name);
void         iop_document_set_footer_notice   (IopDocument         *self,
                                               const char          *notice);
void         iop_document_set_catalog         (IopDocument         *self,
                                               IopCatalog          *catalog);
IopCatalog  *iop_document_get_catalog         (IopDocument         *self);

void         iop_document_add_heading         (IopDocument         *self,
                                               int                  level,
                                               const char          *text);
void         iop_document_add_paragraph       (IopDocument         *self,
                                               const char          *text);
void         iop_document_add_field           (IopDocument         *self,
                                               const char          *label,
                                               const char          *value);
void         iop_document_add_table           (IopDocument         *self,
                                               guint                n_columns,
                                               const char * const  *headers,
                                               const double        *relative_widths,
                                               GPtrArray           *rows);
void         iop_document_add_form_table      (IopDocument         *self,
                                               guint                n_columns,
                                               const char * const  *headers,
                                               const double        *relative_widths,
                                               GPtrArray           *rows,
                                               double               min_row_height);
void         iop_document_add_drawing         (IopDocument         *self,
                                               double               height_pt,
                                               IopDocumentDrawFunc  draw,
                                               gpointer             user_data,
                                               GDestroyNotify       destroy);
void         iop_document_add_signature_line  (IopDocument         *self,
                                               const char          *label);
void         iop_document_add_page_break      (IopDocument         *self);

guint        iop_document_paginate            (IopDocument         *self,
                                               PangoContext        *context,
                                               double               page_width_pt,
                                               double               page_height_pt);
guint        iop_document_get_n_pages         (IopDocument         *self);
void         iop_document_render_page         (IopDocument         *self,
                                               cairo_t             *cr,
                                               guint                page);
gboolean     iop_document_write_pdf           (IopDocument         *self,
                                               const char          *path,
                                               GError             **error);

G_END_DECLS
