/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "iop-document.h"
#include "iop-session-print.h"

G_BEGIN_DECLS

/* Printing and saving an IopDocument from the window: the system print dialog
 * with preview, or a PDF file chosen with the file chooser. Failures show in a
 * dialog. */
void          iop_document_output_print        (GtkWidget   *parent,
                                                IopDocument *document);
void          iop_document_output_save_pdf     (GtkWidget   *parent,
                                                IopDocument *document,
                                                const char  *suggested_name);
void          iop_document_output_show_error   (GtkWidget   *parent,
                                                const char  *heading,
                                                const char  *message);

/* The desk's printing settings (program name, names in printouts, weekly hours). */
GSettings    *iop_document_output_get_settings (void);
char         *iop_document_output_program_name (void);
IopPrintNames iop_document_output_names        (void);

G_END_DECLS
