/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "iop-import-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "iop-import-dialog.h"
#include "iop-plan-import.h"
#include "iop-store-exchange.h"
#include "iop-window.h"

/*
 * Import… : the file is read, validated and matched against the program in a
 * worker thread with its own database connection, while this dialog pulses.
 * Then it shows who and what will be imported, with every warning, and only
 * "Import" writes — again in a worker, in one transaction.
 */

struct _IopImportDialog
{
  AdwMessageDialog  parent_instance;

  /* template widgets */
  GtkScrolledWindow *details_scroller;
  GtkLabel         *details_label;

  /* owned */
  IopStore         *store;
  GFile            *file;
  IopExchange      *exchange;
  char             *format;
  gboolean          ready;
};

G_DEFINE_FINAL_TYPE (IopImportDialog, iop_import_dialog, ADW_TYPE_MESSAGE_DIALOG)

typedef struct
{
  char        *path;
  char        *db_path;
  gint64       actor;
  IopExchange *exchange;
  char        *format;
  /* while reading */
  GtkWindow   *parent;
  IopStore    *store;
  GFile       *file;
  GtkWidget   *progress_dialog;
  GCancellable *cancellable;
} ImportJob;

static void
import_job_free (gpointer data)
{
  ImportJob *job = data;

  g_free (job->path);
  g_free (job->db_path);
  g_clear_pointer (&job->exchange, iop_exchange_free);
  g_free (job->format);
  g_clear_object (&job->parent);
  g_clear_object (&job->store);
  g_clear_object (&job->file);
  g_clear_object (&job->cancellable);
  g_clear_object (&job->progress_dialog);
  g_free (job);
}

/* Helpers */

static gboolean
pulse_cb (gpointer user_data)
{
  gtk_progress_bar_pulse (user_data);
  return G_SOURCE_CONTINUE;
}

static void
remove_source (gpointer data)
{
  g_source_remove (GPOINTER_TO_UINT (data));
}

/* Errors a person must act on go to a dialog, with the file and line. */
static void
show_error (GtkWindow    *parent,
            const char   *heading,
            const GError *error)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, heading, error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* A small modal dialog with a pulsing bar: long work is under way. */
static GtkWidget *
progress_dialog_new (GtkWindow  *parent,
                     const char *heading,
                     const char *body,
                     gboolean    cancellable)
{
  GtkWidget *bar = gtk_progress_bar_new ();
  GtkWidget *dialog = adw_message_dialog_new (parent, heading, body);

  gtk_progress_bar_set_pulse_step (GTK_PROGRESS_BAR (bar), 0.1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), bar);
  if (cancellable)
    {
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"));
      adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
    }
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  g_object_set_data_full (G_OBJECT (dialog), "pulse",
                          GUINT_TO_POINTER (g_timeout_add (100, pulse_cb, bar)),
                          remove_source);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

static char *
describe_exchange (IopExchange *exchange)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < exchange->participants->len; i++)
    {
      IopExchangeParticipant *p = g_ptr_array_index (exchange->participants, i);
      g_autofree char *plans = g_strdup_printf (ngettext ("%u plan", "%u plans", p->plans->len), p->plans->len);
      g_autofree char *measures = g_strdup_printf (ngettext ("%u measure", "%u measures", p->measures->len), p->measures->len);

      /* TRANSLATORS: "• IOP-1012 Will Begay — new participant: 2 plans, 3 measures" */
      g_string_append_printf (text, _("• %s %s %s — %s: %s, %s%s\n"),
                              p->record_number, p->first_name, p->last_name,
                              p->id == 0 ? _("new participant") : _("already here, plans added as new draft versions"),
                              plans, measures, p->profile != NULL ? _(", cultural profile") : "");
    }
  if (exchange->messages->len > 0)
    {
      g_string_append_c (text, '\n');
      g_string_append (text, _("Warnings:"));
      g_string_append_c (text, '\n');
      for (guint i = 0; i < exchange->messages->len; i++)
        g_string_append_printf (text, "• %s\n", (const char *) g_ptr_array_index (exchange->messages, i));
    }
  return g_strchomp (g_string_free (text, FALSE));
}

/* Threads: each opens its own connection to the same database (the window's
 * connection already runs the integrity check, so these skip it). */

static void
read_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  ImportJob *job = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(IopStore) store = NULL;
  IopPlanFormat format;

  job->exchange = iop_plan_import_read_file (job->path, &format, &error);
  if (job->exchange == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  job->format = g_strdup (iop_plan_format_to_string (format));
  store = iop_store_open_full (job->db_path, IOP_STORE_OPEN_DEFER_CHECK, &error);
  if (store == NULL || !iop_store_exchange_match (store, job->exchange, &error))
    {
      g_autofree char *name = g_path_get_basename (job->path);
      g_task_return_new_error (task, error->domain, error->code, "%s: %s", name, error->message);
      return;
    }
  g_task_return_boolean (task, TRUE);
}

static void
write_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  ImportJob *job = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(IopStore) store = iop_store_open_full (job->db_path, IOP_STORE_OPEN_DEFER_CHECK, &error);

  if (store == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  iop_store_set_actor (store, job->actor);
  if (!iop_store_exchange_write (store, job->exchange, job->format, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

/* Callbacks */

/* The progress dialog closes itself when cancelled: destroy it only once. */
static void
close_progress (ImportJob *job)
{
  if (gtk_widget_get_visible (job->progress_dialog))
    gtk_window_destroy (GTK_WINDOW (job->progress_dialog));
}

static void
written_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  ImportJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  close_progress (job);
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      show_error (job->parent != NULL && gtk_widget_get_visible (GTK_WIDGET (job->parent)) ? job->parent : NULL,
                  _("Nothing Was Imported"), error);
      return;
    }

  /* Another connection wrote: tell this one's models to reload. */
  if (iop_store_begin (job->store, NULL))
    {
      iop_store_emit_changed (job->store, IOP_KIND_PARTICIPANT);
      iop_store_emit_changed (job->store, IOP_KIND_PLAN);
      iop_store_emit_changed (job->store, IOP_KIND_MEASURE);
      iop_store_emit_changed (job->store, IOP_KIND_CULTURAL);
      iop_store_emit_changed (job->store, IOP_KIND_STAFF);
      iop_store_commit (job->store, NULL);
    }

  /* The window may have been closed while the import ran. */
  if (job->parent != NULL && IOP_IS_WINDOW (job->parent) && gtk_widget_get_visible (GTK_WIDGET (job->parent)))
    {
      g_autofree char *message = g_strdup_printf (ngettext ("Imported the plan record of %u participant",
                                                            "Imported the plan records of %u participants",
                                                            job->exchange->participants->len),
                                                  job->exchange->participants->len);
      iop_window_add_toast (IOP_WINDOW (job->parent), adw_toast_new (message));
    }
}

static void
start_write (IopImportDialog *self)
{
  g_autoptr(GTask) task = NULL;
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  ImportJob *job = g_new0 (ImportJob, 1);

  job->db_path = g_strdup (iop_store_get_path (self->store));
  job->actor = iop_store_get_actor (self->store);
  job->exchange = g_steal_pointer (&self->exchange);
  job->format = g_strdup (self->format);
  job->parent = parent != NULL ? g_object_ref (parent) : NULL;
  job->store = g_object_ref (self->store);
  job->progress_dialog = g_object_ref (progress_dialog_new (parent, _("Importing…"),
                                                            _("The records are written all at once: if anything goes wrong, nothing is changed."),
                                                            FALSE));

  task = g_task_new (NULL, NULL, written_cb, NULL);
  g_task_set_source_tag (task, start_write);
  g_task_set_task_data (task, job, import_job_free);
  g_task_run_in_thread (task, write_thread);
}

static IopImportDialog *
preview_new (ImportJob *job)
{
  IopImportDialog *self = g_object_new (IOP_TYPE_IMPORT_DIALOG, "transient-for", job->parent, NULL);
  g_autofree char *details = NULL;
  g_autofree char *name = g_file_get_basename (job->file);
  g_autofree char *body = NULL;
  guint n;

  self->store = g_object_ref (job->store);
  self->exchange = g_steal_pointer (&job->exchange);
  self->format = g_strdup (job->format);
  n = self->exchange->participants->len;
  if (n == 0)
    {
      adw_message_dialog_set_heading (ADW_MESSAGE_DIALOG (self), _("Nothing to Import"));
      body = g_strdup_printf (_("%s holds no one Circle can match to a record."), name);
      adw_message_dialog_set_response_label (ADW_MESSAGE_DIALOG (self), "cancel", _("_Close"));
    }
  else
    {
      body = g_strdup_printf (g_str_equal (self->format, "fhir")
                                ? ngettext ("%s (HL7 FHIR) holds the record of %u participant:",
                                            "%s (HL7 FHIR) holds the records of %u participants:", n)
                                : ngettext ("%s (Circle format) holds the record of %u participant:",
                                            "%s (Circle format) holds the records of %u participants:", n),
                              name, n);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (self), "import", _("_Import"));
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (self), "import", ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (self), "import");
      self->ready = TRUE;
    }
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self), body);
  details = describe_exchange (self->exchange);
  gtk_label_set_text (self->details_label, details);
  gtk_widget_set_visible (GTK_WIDGET (self->details_scroller), *details != '\0');
  gtk_window_present (GTK_WINDOW (self));
  return self;
}

static void
read_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  ImportJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  close_progress (job);
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (job->parent, _("Cannot Import This File"), error);
      return;
    }
  preview_new (job);
}

static void
reading_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     GCancellable     *cancellable)
{
  g_cancellable_cancel (cancellable);
}

static void
iop_import_dialog_response (AdwMessageDialog *dialog,
                            const char       *response)
{
  IopImportDialog *self = IOP_IMPORT_DIALOG (dialog);

  if (g_strcmp0 (response, "import") == 0 && self->exchange != NULL)
    start_write (self);
}

/* GObject */

static void
iop_import_dialog_dispose (GObject *object)
{
  IopImportDialog *self = IOP_IMPORT_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->exchange, iop_exchange_free);
  g_clear_pointer (&self->format, g_free);

  G_OBJECT_CLASS (iop_import_dialog_parent_class)->dispose (object);
}

static void
iop_import_dialog_class_init (IopImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  AdwMessageDialogClass *dialog_class = ADW_MESSAGE_DIALOG_CLASS (klass);

  object_class->dispose = iop_import_dialog_dispose;
  dialog_class->response = iop_import_dialog_response;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/iop/iop-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, IopImportDialog, details_scroller);
  gtk_widget_class_bind_template_child (widget_class, IopImportDialog, details_label);
}

static void
iop_import_dialog_init (IopImportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Public API */

/**
 * iop_import_dialog_start:
 * @parent: (nullable): the window
 * @store: the program's store (the work uses its own connections to the same file)
 * @file: a plan file (Circle format or HL7 FHIR R4 XML)
 *
 * Reads @file in a worker thread while a cancellable progress dialog shows,
 * then presents an #IopImportDialog with the preview, or the error.
 */
void
iop_import_dialog_start (GtkWindow *parent,
                         IopStore  *store,
                         GFile     *file)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *body = g_strdup_printf (_("Checking %s against its format before anything is written."), name);
  ImportJob *job = g_new0 (ImportJob, 1);

  job->path = g_file_get_path (file);
  job->db_path = g_strdup (iop_store_get_path (store));
  job->parent = parent != NULL ? g_object_ref (parent) : NULL;
  job->store = g_object_ref (store);
  job->file = g_object_ref (file);
  job->cancellable = g_cancellable_new ();
  job->progress_dialog = g_object_ref (progress_dialog_new (parent, _("Reading the File…"), body, TRUE));
  g_signal_connect_object (job->progress_dialog, "response", G_CALLBACK (reading_response_cb), job->cancellable, 0);

  task = g_task_new (NULL, job->cancellable, read_cb, NULL);
  g_task_set_source_tag (task, iop_import_dialog_start);
  g_task_set_task_data (task, job, import_job_free);
  g_task_run_in_thread (task, read_thread);
}

/**
 * iop_import_dialog_is_ready:
 * @self: an #IopImportDialog
 *
 * Returns: %TRUE once the preview is shown and "import" can be chosen
 */
gboolean
iop_import_dialog_is_ready (IopImportDialog *self)
{
  g_return_val_if_fail (IOP_IS_IMPORT_DIALOG (self), FALSE);

  return self->ready;
}

/**
 * iop_import_dialog_get_details:
 * @self: an #IopImportDialog
 *
 * Returns: (transfer none): the list of people and warnings shown
 */
const char *
iop_import_dialog_get_details (IopImportDialog *self)
{
  g_return_val_if_fail (IOP_IS_IMPORT_DIALOG (self), NULL);

  return gtk_label_get_text (self->details_label);
}

static void
chooser_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     gpointer         user_data)
{
  IopStore *store = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;

      if (path != NULL)
        iop_import_dialog_start (gtk_native_dialog_get_transient_for (chooser), store, file);
    }
  g_object_unref (store);
  g_object_unref (chooser);
}

/**
 * iop_import_plan_choose_file:
 * @parent: the window
 * @store: the program's store
 *
 * Import…: asks for a file, then runs an #IopImportDialog on it.
 */
void
iop_import_plan_choose_file (GtkWindow *parent,
                             IopStore  *store)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) xml = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Import Treatment Plans"), parent, GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (xml, _("Plan files (Circle or HL7 FHIR XML)"));
  gtk_file_filter_add_suffix (xml, "xml");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), xml);
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), g_object_ref (store));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
