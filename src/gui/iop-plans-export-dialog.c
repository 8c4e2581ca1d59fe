/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "iop-plans-export-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "iop-date.h"
#include "iop-fhir.h"
#include "iop-native.h"
#include "iop-plans-export-dialog.h"
#include "iop-window.h"
#include "iop-xml-reader.h"

/*
 * Export the plans of a selection of participants, inside the program: the
 * format, then the file, then the work in a worker thread with its own
 * database connection, with progress and Cancel. Disclosure outside the
 * program goes through one participant's page, where their consent is asked.
 */

struct _IopPlansExportDialog
{
  AdwWindow       parent_instance;

  /* template widgets */
  AdwWindowTitle *window_title;
  GtkStack       *stack;
  GtkCheckButton *native_check;
  GtkCheckButton *fhir_check;
  GtkButton      *export_button;
  GtkLabel       *progress_label;
  GtkProgressBar *progress_bar;

  /* borrowed */
  GtkWidget      *toast_target;   /* weak pointer */

  /* owned */
  IopStore       *store;
  GArray         *ids;
  GCancellable   *cancellable;
  char           *progress_text;
  gboolean        running;
};

G_DEFINE_FINAL_TYPE (IopPlansExportDialog, iop_plans_export_dialog, ADW_TYPE_WINDOW)

/* The job */

typedef struct
{
  char                    *db_path;
  gint64                   actor;
  GArray                  *ids;
  char                    *format;
  char                    *path;
  IopExchangeProgressFunc  progress;
  GObject                 *progress_target;
  GMainContext            *context;
  gint64                   last_report;
  /* results */
  guint                    n_exported;
  GPtrArray               *skipped;
} ExportJob;

static void
export_job_free (gpointer data)
{
  ExportJob *job = data;

  g_free (job->db_path);
  g_array_unref (job->ids);
  g_free (job->format);
  g_free (job->path);
  g_clear_object (&job->progress_target);
  g_main_context_unref (job->context);
  g_clear_pointer (&job->skipped, g_ptr_array_unref);
  g_free (job);
}

typedef struct
{
  IopExchangeProgressFunc  progress;
  GObject                 *target;
  guint                    done;
  guint                    total;
} ProgressReport;

static gboolean
report_progress_cb (gpointer data)
{
  ProgressReport *report = data;

  report->progress (report->done, report->total, report->target);
  return G_SOURCE_REMOVE;
}

static void
progress_report_free (gpointer data)
{
  ProgressReport *report = data;

  g_clear_object (&report->target);
  g_free (report);
}

/* In the worker thread: hand the count to the main loop, a few times a second. */
static void
thread_progress_cb (guint    done,
                    guint    total,
                    gpointer user_data)
{
  ExportJob *job = user_data;
  gint64 now = g_get_monotonic_time ();
  ProgressReport *report;

  if (job->progress == NULL || (done != total && done != 1 && now - job->last_report < 50 * 1000))
    return;
  job->last_report = now;
  report = g_new0 (ProgressReport, 1);
  report->progress = job->progress;
  report->target = job->progress_target != NULL ? g_object_ref (job->progress_target) : NULL;
  report->done = done;
  report->total = total;
  /* Always through the dialog's main loop: g_main_context_invoke() would run
   * the callback right here, in the worker, whenever the main loop was idle. */
  {
    g_autoptr(GSource) source = g_idle_source_new ();

    g_source_set_priority (source, G_PRIORITY_DEFAULT);
    g_source_set_callback (source, report_progress_cb, report, progress_report_free);
    g_source_attach (source, job->context);
  }
}

static char *
describe_participant (IopExchangeParticipant *p)
{
  /* TRANSLATORS: a participant in a list: "Ana Ruiz (C-00012)" */
  return g_strdup_printf (_("%s %s (%s)"), p->first_name, p->last_name, p->record_number);
}

static xmlDoc *
build_document (ExportJob    *job,
                IopExchange  *exchange,
                GError      **error)
{
  if (g_str_equal (job->format, "fhir"))
    return exchange->participants->len == 1
           ? iop_fhir_build (g_ptr_array_index (exchange->participants, 0), error)
           : iop_fhir_build_collection (exchange, error);
  return iop_native_build (exchange, error);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportJob *job = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(IopStore) store = iop_store_open_full (job->db_path, IOP_STORE_OPEN_DEFER_CHECK, &error);
  g_autoptr(IopExchange) exchange = NULL;
  g_autoptr(xmlDoc) doc = NULL;
  xmlChar *mem = NULL;
  int size = 0;
  gboolean ok;

  if (store == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  iop_store_set_actor (store, job->actor);

  /* Refuses the whole selection, before anything is read, when any one of
   * them is outside what the signed-in staff member may see. */
  exchange = iop_store_exchange_read_selection (store, (const gint64 *) job->ids->data, job->ids->len,
                                                cancellable, thread_progress_cb, job, &error);
  if (exchange == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* A person with no treatment plan yet has nothing to transfer: say who,
   * rather than send an empty record that reads like a lost plan. */
  for (guint i = exchange->participants->len; i-- > 0;)
    {
      IopExchangeParticipant *p = g_ptr_array_index (exchange->participants, i);

      if (p->plans->len == 0)
        {
          g_ptr_array_insert (job->skipped, 0, describe_participant (p));
          g_ptr_array_remove_index (exchange->participants, i);
        }
    }
  if (exchange->participants->len == 0)
    {
      g_task_return_new_error (task, IOP_STORE_ERROR, IOP_STORE_ERROR_NOT_FOUND,
                               ngettext ("The selected participant has no treatment plan yet, so nothing was exported.",
                                         "None of the selected participants has a treatment plan yet, so nothing was exported.",
                                         job->ids->len));
      return;
    }

  /* Every export is checked against its schema before a byte is written. */
  doc = build_document (job, exchange, &error);
  if (doc == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  xmlDocDumpFormatMemoryEnc (doc, &mem, &size, "UTF-8", 1);
  if (mem == NULL)
    {
      g_task_return_new_error (task, IOP_XML_ERROR, IOP_XML_ERROR_FAILED,
                               _("%s: could not write the document (out of memory?)"), job->path);
      return;
    }
  if (g_task_return_error_if_cancelled (task))
    {
      xmlFree (mem);
      return;
    }

  /* The audit entries and the file go together: the entries are committed
   * only when the file is complete (written to a temporary file in the same
   * folder, then renamed), and a refused or failed entry writes no file. */
  ok = iop_store_begin (store, &error)
       && iop_store_exchange_log_export (store, exchange, job->format, &error);
  if (ok)
    {
      ok = g_file_set_contents_full (job->path, (const char *) mem, size, G_FILE_SET_CONTENTS_CONSISTENT, 0600, &error);
      /* The commit is the point of no return: a Cancel that came while the
       * file was written still takes it back. */
      if (ok && g_cancellable_set_error_if_cancelled (cancellable, &error))
        {
          g_unlink (job->path);
          ok = FALSE;
        }
      if (!ok)
        iop_store_rollback (store);
      else if (!iop_store_commit (store, &error))
        {
          g_unlink (job->path);
          ok = FALSE;
        }
    }
  xmlFree (mem);
  if (!ok)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  job->n_exported = exchange->participants->len;
  g_task_return_boolean (task, TRUE);
}

/**
 * iop_plans_export_async:
 * @store: the program's store (the work uses its own connection to the same file)
 * @ids: (element-type gint64): the participants
 * @format: "native" (one file with every plan) or "fhir" (one Bundle of type collection)
 * @file: where to write
 * @cancellable: (nullable): stops the work; nothing is written then
 * @progress: (nullable): called on this thread's main context as participants are read
 * @progress_target: (nullable): passed to @progress, kept alive until then
 * @callback: called when done
 * @user_data: for @callback
 *
 * Exports the plans of @ids in a worker thread. Participants with no plan are
 * skipped and named by iop_plans_export_finish(). The file is validated
 * before it is written, each participant exported is recorded in the audit
 * log, and a failure or cancellation leaves no file.
 */
void
iop_plans_export_async (IopStore                *store,
                        GArray                  *ids,
                        const char              *format,
                        GFile                   *file,
                        GCancellable            *cancellable,
                        IopExchangeProgressFunc  progress,
                        GObject                 *progress_target,
                        GAsyncReadyCallback      callback,
                        gpointer                 user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  ExportJob *job = g_new0 (ExportJob, 1);

  g_return_if_fail (IOP_IS_STORE (store));
  g_return_if_fail (ids != NULL);
  g_return_if_fail (G_IS_FILE (file));

  job->db_path = g_strdup (iop_store_get_path (store));
  job->actor = iop_store_get_actor (store);
  job->ids = g_array_ref (ids);
  job->format = g_strdup (g_strcmp0 (format, "fhir") == 0 ? "fhir" : "native");
  job->path = g_file_get_path (file);
  job->progress = progress;
  job->progress_target = progress_target != NULL ? g_object_ref (progress_target) : NULL;
  job->context = g_main_context_ref_thread_default ();
  job->skipped = g_ptr_array_new_with_free_func (g_free);
  g_task_set_source_tag (task, iop_plans_export_async);
  g_task_set_task_data (task, job, export_job_free);
  /* Once committed, the file exists and the audit log says so: a Cancel that
   * comes after that point must not be reported as if nothing was written. */
  g_task_set_check_cancellable (task, FALSE);
  if (job->path == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                               _("Choose a folder on this computer: Circle writes exports only to local files."));
      return;
    }
  g_task_run_in_thread (task, export_thread);
}

/**
 * iop_plans_export_finish:
 * @result: the result
 * @n_exported: (out) (optional): how many participants' plans were written
 * @skipped: (out) (optional) (transfer full): those left out for having no plan
 * @error: return location for a #GError
 *
 * Returns: whether the file was written
 */
gboolean
iop_plans_export_finish (GAsyncResult  *result,
                         guint         *n_exported,
                         char        ***skipped,
                         GError       **error)
{
  ExportJob *job = g_task_get_task_data (G_TASK (result));

  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == iop_plans_export_async, FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;
  if (n_exported != NULL)
    *n_exported = job->n_exported;
  if (skipped != NULL)
    {
      GStrvBuilder *builder = g_strv_builder_new ();

      for (guint i = 0; i < job->skipped->len; i++)
        g_strv_builder_add (builder, g_ptr_array_index (job->skipped, i));
      *skipped = g_strv_builder_end (builder);
      g_strv_builder_unref (builder);
    }
  return TRUE;
}

/* Helpers */

static void
set_running (IopPlansExportDialog *self,
             gboolean              running)
{
  self->running = running;
  gtk_stack_set_visible_child_name (self->stack, running ? "progress" : "options");
  gtk_widget_set_visible (GTK_WIDGET (self->export_button), !running);
}

static void
set_progress_text (IopPlansExportDialog *self,
                   char                 *text)
{
  g_free (self->progress_text);
  self->progress_text = text;
  gtk_label_set_label (self->progress_label, text);
}

static GtkWindow *
parent_window (IopPlansExportDialog *self)
{
  return gtk_window_get_transient_for (GTK_WINDOW (self));
}

static void
show_message (IopPlansExportDialog *self,
              const char           *heading,
              const char           *body)
{
  GtkWidget *dialog = adw_message_dialog_new (parent_window (self), heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Callbacks */

static void
progress_cb (guint    done,
             guint    total,
             gpointer user_data)
{
  IopPlansExportDialog *self = user_data;

  if (!self->running)
    return;
  gtk_progress_bar_set_fraction (self->progress_bar, total > 0 ? (double) done / total : 0.0);
  if (done < total)
    set_progress_text (self, g_strdup_printf (ngettext ("Exporting %u of %u participant…",
                                                        "Exporting %u of %u participants…", total),
                                              done, total));
  else
    set_progress_text (self, g_strdup (_("Checking the file against its schema and writing it…")));
}

static void
exported_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(IopPlansExportDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) skipped = NULL;
  guint n_exported = 0;

  set_running (self, FALSE);
  if (!iop_plans_export_finish (result, &n_exported, &skipped, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          if (self->toast_target != NULL)
            iop_widget_add_toast (self->toast_target, _("Export cancelled; no file was written"));
        }
      else
        show_message (self, _("Nothing Was Exported"), error->message);
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }

  if (skipped != NULL && skipped[0] != NULL)
    {
      guint n_skipped = g_strv_length (skipped);
      g_autofree char *names = g_strjoinv ("\n", skipped);
      g_autofree char *summary =
        g_strdup_printf (ngettext ("%u plan record exported; ", "%u plan records exported; ", n_exported), n_exported);
      g_autofree char *body =
        g_strdup_printf (ngettext ("%s%u participant has no treatment plan yet and was skipped:\n\n%s",
                                   "%s%u participants have no treatment plan yet and were skipped:\n\n%s", n_skipped),
                         summary, n_skipped, names);

      show_message (self, _("Plans Exported"), body);
    }
  else if (self->toast_target != NULL)
    {
      g_autofree char *message =
        g_strdup_printf (ngettext ("%u participant’s plans exported", "%u participants’ plans exported", n_exported),
                         n_exported);

      iop_widget_add_toast (self->toast_target, message);
    }
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
save_response_cb (GtkNativeDialog      *chooser,
                  int                   response,
                  IopPlansExportDialog *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      iop_plans_export_dialog_export_to_file (self, file);
    }
  g_object_unref (chooser);
  g_object_unref (self);
}

static void
choose_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  IopPlansExportDialog *self = IOP_PLANS_EXPORT_DIALOG (widget);
  gboolean fhir = g_str_equal (iop_plans_export_dialog_get_format (self), "fhir");
  GtkFileChooserNative *chooser;
  g_autofree char *today = iop_date_today ();
  g_autofree char *name = NULL;

  if (self->running)
    return;
  chooser = gtk_file_chooser_native_new (_("Export Plans"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  /* No one's name in a file name: the date and how many. */
  name = g_strdup_printf ("plans-%s-%u%s.xml", today, self->ids->len, fhir ? "-fhir" : "");
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect (chooser, "response", G_CALLBACK (save_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  IopPlansExportDialog *self = IOP_PLANS_EXPORT_DIALOG (widget);

  if (self->running)
    {
      set_progress_text (self, g_strdup (_("Cancelling…")));
      g_cancellable_cancel (self->cancellable);
      return;
    }
  gtk_window_destroy (GTK_WINDOW (self));
}

static gboolean
close_request_cb (GtkWindow *window)
{
  IopPlansExportDialog *self = IOP_PLANS_EXPORT_DIALOG (window);

  /* Closing while the work runs cancels it; the window goes when it stops. */
  if (self->running)
    {
      cancel_action (GTK_WIDGET (self), NULL, NULL);
      return TRUE;
    }
  return FALSE;
}

/* GObject */

static void
iop_plans_export_dialog_dispose (GObject *object)
{
  IopPlansExportDialog *self = IOP_PLANS_EXPORT_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  g_clear_pointer (&self->ids, g_array_unref);
  g_clear_pointer (&self->progress_text, g_free);
  if (self->toast_target != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->toast_target), (gpointer *) &self->toast_target);
  self->toast_target = NULL;

  G_OBJECT_CLASS (iop_plans_export_dialog_parent_class)->dispose (object);
}

static void
iop_plans_export_dialog_class_init (IopPlansExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = iop_plans_export_dialog_dispose;
  window_class->close_request = close_request_cb;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/iop/iop-plans-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, IopPlansExportDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, IopPlansExportDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, IopPlansExportDialog, native_check);
  gtk_widget_class_bind_template_child (widget_class, IopPlansExportDialog, fhir_check);
  gtk_widget_class_bind_template_child (widget_class, IopPlansExportDialog, export_button);
  gtk_widget_class_bind_template_child (widget_class, IopPlansExportDialog, progress_label);
  gtk_widget_class_bind_template_child (widget_class, IopPlansExportDialog, progress_bar);

  gtk_widget_class_install_action (widget_class, "export.choose", NULL, choose_action);
  gtk_widget_class_install_action (widget_class, "export.cancel", NULL, cancel_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "export.cancel", NULL);
}

static void
iop_plans_export_dialog_init (IopPlansExportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
}

/* Public API */

/**
 * iop_plans_export_dialog_new:
 * @store: the program's store
 * @ids: (element-type gint64): the selected participants
 * @toast_target: (nullable): a widget in the main window, for the toast when done
 *
 * Returns: (transfer floating): the dialog, to present transient for the window
 */
IopPlansExportDialog *
iop_plans_export_dialog_new (IopStore  *store,
                             GArray    *ids,
                             GtkWidget *toast_target)
{
  IopPlansExportDialog *self = g_object_new (IOP_TYPE_PLANS_EXPORT_DIALOG, NULL);
  g_autofree char *subtitle = NULL;

  g_return_val_if_fail (IOP_IS_STORE (store), NULL);
  g_return_val_if_fail (ids != NULL, NULL);

  self->store = g_object_ref (store);
  self->ids = g_array_ref (ids);
  self->toast_target = toast_target;
  if (toast_target != NULL)
    g_object_add_weak_pointer (G_OBJECT (toast_target), (gpointer *) &self->toast_target);
  subtitle = g_strdup_printf (ngettext ("%u participant selected", "%u participants selected", ids->len), ids->len);
  adw_window_title_set_subtitle (self->window_title, subtitle);
  return self;
}

const char *
iop_plans_export_dialog_get_format (IopPlansExportDialog *self)
{
  g_return_val_if_fail (IOP_IS_PLANS_EXPORT_DIALOG (self), NULL);
  return gtk_check_button_get_active (self->fhir_check) ? "fhir" : "native";
}

void
iop_plans_export_dialog_set_format (IopPlansExportDialog *self,
                                    const char           *format)
{
  g_return_if_fail (IOP_IS_PLANS_EXPORT_DIALOG (self));

  if (g_strcmp0 (format, "fhir") == 0)
    gtk_check_button_set_active (self->fhir_check, TRUE);
  else
    gtk_check_button_set_active (self->native_check, TRUE);
}

/**
 * iop_plans_export_dialog_export_to_file:
 * @self: an #IopPlansExportDialog
 * @file: where to write
 *
 * Starts the export in the chosen format, as the file chooser does when a
 * file is picked; the dialog shows progress and closes when done.
 */
void
iop_plans_export_dialog_export_to_file (IopPlansExportDialog *self,
                                        GFile                *file)
{
  g_return_if_fail (IOP_IS_PLANS_EXPORT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->running)
    return;
  set_running (self, TRUE);
  gtk_progress_bar_set_fraction (self->progress_bar, 0.0);
  set_progress_text (self, g_strdup_printf (ngettext ("Exporting %u participant…", "Exporting %u participants…",
                                                      self->ids->len), self->ids->len));
  iop_plans_export_async (self->store, self->ids, iop_plans_export_dialog_get_format (self), file,
                          self->cancellable, progress_cb, G_OBJECT (self), exported_cb, g_object_ref (self));
}

gboolean
iop_plans_export_dialog_get_running (IopPlansExportDialog *self)
{
  g_return_val_if_fail (IOP_IS_PLANS_EXPORT_DIALOG (self), FALSE);
  return self->running;
}

const char *
iop_plans_export_dialog_get_progress_text (IopPlansExportDialog *self)
{
  g_return_val_if_fail (IOP_IS_PLANS_EXPORT_DIALOG (self), NULL);
  return self->progress_text;
}
