/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "iop-document-output"

#include "config.h"

#include <glib/gi18n.h>

#include "iop-application.h"
#include "iop-document-output.h"
#include "iop-window.h"

/*
 * The same IopDocument pages go to the printer and to PDF: the print
 * operation works in points on the full page, and the document lays itself
 * out with the print context's Pango context and page size.
 */

static GtkWindow *
parent_window (GtkWidget *widget)
{
  GtkRoot *root = widget != NULL ? gtk_widget_get_root (widget) : NULL;

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
begin_print_cb (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                IopDocument       *document)
{
  PangoContext *pango = gtk_print_context_create_pango_context (context);
  guint n_pages = iop_document_paginate (document, pango,
                                         gtk_print_context_get_width (context),
                                         gtk_print_context_get_height (context));

  g_object_unref (pango);

  gtk_print_operation_set_n_pages (operation, (int) n_pages);
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page,
              IopDocument       *document)
{
  iop_document_render_page (document, gtk_print_context_get_cairo_context (context), (guint) page);
}

static void
done_cb (GtkPrintOperation       *operation,
         GtkPrintOperationResult  result,
         GtkWidget               *parent)
{
  g_autoptr(GError) error = NULL;

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      gtk_print_operation_get_error (operation, &error);
      iop_document_output_show_error (parent, _("Could Not Print"),
                                      error != NULL ? error->message : _("The printer reported an error."));
    }
}

/**
 * iop_document_output_print:
 * @parent: a widget in the window to print from
 * @document: the document
 *
 * Opens the system print dialog, with preview, for @document.
 */
void
iop_document_output_print (GtkWidget   *parent,
                           IopDocument *document)
{
  g_autoptr(GtkPrintOperation) operation = gtk_print_operation_new ();
  g_autoptr(GError) error = NULL;
  GtkPrintOperationResult result;

  g_return_if_fail (IOP_IS_DOCUMENT (document));

  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_job_name (operation, iop_document_get_title (document));
  gtk_print_operation_set_allow_async (operation, TRUE);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  g_signal_connect_data (operation, "begin-print", G_CALLBACK (begin_print_cb),
                         g_object_ref (document), (GClosureNotify) (void (*) (void)) g_object_unref, 0);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), document);
  g_signal_connect_object (operation, "done", G_CALLBACK (done_cb), parent, 0);

  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                    parent_window (parent), &error);
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    iop_document_output_show_error (parent, _("Could Not Print"), error->message);
}

typedef struct {
  GtkWidget   *parent;
  IopDocument *document;
} SaveData;

static void
save_data_free (SaveData *data)
{
  g_clear_object (&data->parent);
  g_clear_object (&data->document);
  g_free (data);
}

static void
save_response_cb (GtkNativeDialog *chooser,
                  int              response,
                  SaveData        *data)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;
      g_autoptr(GError) error = NULL;

      if (path == NULL)
        iop_document_output_show_error (data->parent, _("Could Not Save the PDF"),
                                        _("Choose a folder on this computer."));
      else if (!iop_document_write_pdf (data->document, path, &error))
        iop_document_output_show_error (data->parent, _("Could Not Save the PDF"), error->message);
      else
        {
          g_autofree char *name = g_path_get_basename (path);
          g_autofree char *message = g_strdup_printf (_("Saved “%s”"), name);

          iop_widget_add_toast (data->parent, message);
        }
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
  save_data_free (data);
}

/**
 * iop_document_output_save_pdf:
 * @parent: a widget in the window
 * @document: the document
 * @suggested_name: the file name to offer
 *
 * Asks where to save, then writes @document as PDF (US Letter).
 */
void
iop_document_output_save_pdf (GtkWidget   *parent,
                              IopDocument *document,
                              const char  *suggested_name)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  SaveData *data = g_new0 (SaveData, 1);

  g_return_if_fail (IOP_IS_DOCUMENT (document));

  chooser = gtk_file_chooser_native_new (_("Save as PDF"), parent_window (parent), GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Save"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), suggested_name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);

  data->parent = g_object_ref (parent);
  data->document = g_object_ref (document);
  g_signal_connect (chooser, "response", G_CALLBACK (save_response_cb), data);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/**
 * iop_document_output_show_error:
 * @parent: a widget in the window
 * @heading: what failed
 * @message: why, and what to do
 */
void
iop_document_output_show_error (GtkWidget  *parent,
                                const char *heading,
                                const char *message)
{
  GtkWidget *dialog = adw_message_dialog_new (parent_window (parent), heading, message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * iop_document_output_get_settings:
 *
 * Returns: (transfer none) (nullable): the application's settings, or %NULL
 *   outside the application
 */
GSettings *
iop_document_output_get_settings (void)
{
  GApplication *app = g_application_get_default ();

  return IOP_IS_APPLICATION (app) ? iop_application_get_settings (IOP_APPLICATION (app)) : NULL;
}

char *
iop_document_output_program_name (void)
{
  GSettings *settings = iop_document_output_get_settings ();

  return settings != NULL ? g_settings_get_string (settings, "program-name") : g_strdup (_("Circle IOP"));
}

IopPrintNames
iop_document_output_names (void)
{
  GSettings *settings = iop_document_output_get_settings ();
  g_autofree char *mode = settings != NULL ? g_settings_get_string (settings, "names-in-printouts") : NULL;

  return g_strcmp0 (mode, "full") == 0 ? IOP_PRINT_NAMES_FULL : IOP_PRINT_NAMES_SHORT;
}
