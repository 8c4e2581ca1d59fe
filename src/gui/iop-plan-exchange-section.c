/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "iop-plan-exchange-section"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "iop-consent-chooser.h"
#include "iop-fhir.h"
#include "iop-native.h"
#include "iop-participant-page.h"
#include "iop-plan-exchange-section.h"
#include "iop-store-consents.h"
#include "iop-store-exchange.h"
#include "iop-window.h"

/*
 * The participant page's "Plan Exchange" section: Export… asks for the format,
 * who the file is for, and the file, then builds, validates and writes it in a
 * worker thread with its own database connection. A file for someone outside
 * the program goes out only under one of the participant's valid consents
 * (chosen in IopConsentChooser; the disclosure is recorded in the transaction
 * that writes the file) and opens with the 42 CFR § 2.32
 * notice in a comment.
 */

struct _IopPlanExchangeSection
{
  AdwPreferencesGroup  parent_instance;

  /* template widgets */
  AdwActionRow        *export_row;

  /* owned */
  GCancellable        *cancellable;
  char                *record_number;
  char                *format;
  GFile               *file;
  gint64               participant_id;
  gboolean             outside;
};

G_DEFINE_FINAL_TYPE (IopPlanExchangeSection, iop_plan_exchange_section, ADW_TYPE_PREFERENCES_GROUP)

typedef struct
{
  char *db_path;
  gint64 actor;
  char *record_number;
  char *format;
  char *path;
  gint64 consent_id;
} ExportJob;

static void
export_job_free (gpointer data)
{
  ExportJob *job = data;

  g_free (job->db_path);
  g_free (job->record_number);
  g_free (job->format);
  g_free (job->path);
  g_free (job);
}

/* A disclosure is recorded with the file it makes: the record of it, the file
 * and the export's audit entry are committed together, or none is kept. */
static gboolean
export_in_transaction (IopStore   *store,
                       ExportJob  *job,
                       GError    **error)
{
  g_autoptr(IopExchange) exchange = NULL;
  gboolean ok;

  exchange = iop_store_exchange_read (store, job->record_number, error);
  if (exchange == NULL)
    return FALSE;
  if (job->consent_id > 0)
    {
      IopExchangeParticipant *p;
      g_autoptr(IopConsent) consent = NULL;

      if (exchange->participants->len != 1)
        {
          g_set_error_literal (error, IOP_STORE_ERROR, IOP_STORE_ERROR_INVALID,
                               _("A disclosure is of one participant’s record."));
          return FALSE;
        }
      p = g_ptr_array_index (exchange->participants, 0);
      consent = iop_store_get_consent (store, job->consent_id, error);
      if (consent == NULL
          || !iop_store_record_disclosure (store, p->id, job->consent_id, iop_consent_get_recipient (consent),
                                           _("Treatment plan"), NULL, error))
        return FALSE;
      exchange->notice = iop_disclosure_notice_for (iop_consent_get_recipient (consent), job->consent_id);
    }
  if (g_str_equal (job->format, "fhir"))
    ok = iop_fhir_write_file (exchange, job->path, error);
  else
    ok = iop_native_write_file (exchange, job->path, error);
  return ok && iop_store_exchange_log_export (store, exchange, job->format, error);
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
  gboolean existed;

  if (store == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  iop_store_set_actor (store, job->actor);
  existed = g_file_test (job->path, G_FILE_TEST_EXISTS);
  if (!iop_store_begin (store, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (!export_in_transaction (store, job, &error) || !iop_store_commit (store, &error))
    {
      iop_store_rollback (store);
      /* The file was replaced whole, so a failure after writing leaves none of
       * this export behind; a file that was there before is not ours to remove. */
      if (!existed)
        g_unlink (job->path);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_return_boolean (task, TRUE);
}

/**
 * iop_plan_export_async:
 * @store: the program's store (the work uses its own connection to the same file)
 * @record_number: whose record
 * @format: "native" or "fhir"
 * @file: where to write (a temporary file is renamed over it when complete)
 * @consent_id: for someone outside the program, the participant's consent the
 *   disclosure relies on; 0 for use inside the program
 *
 * Exports in a worker thread; the export is validated before it is written
 * and recorded in the audit log. With @consent_id, the disclosure is recorded
 * in the same transaction and the file opens with the 42 CFR § 2.32 notice.
 */
void
iop_plan_export_async (IopStore            *store,
                       const char          *record_number,
                       const char          *format,
                       GFile               *file,
                       gint64               consent_id,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  ExportJob *job = g_new0 (ExportJob, 1);

  job->db_path = g_strdup (iop_store_get_path (store));
  job->actor = iop_store_get_actor (store);
  job->record_number = g_strdup (record_number);
  job->format = g_strdup (format);
  job->path = g_file_get_path (file);
  job->consent_id = consent_id;
  g_task_set_source_tag (task, iop_plan_export_async);
  g_task_set_task_data (task, job, export_job_free);
  g_task_run_in_thread (task, export_thread);
}

gboolean
iop_plan_export_finish (GAsyncResult  *result,
                        GError       **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Callbacks */

static void
exported_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(IopPlanExchangeSection) self = user_data;
  g_autoptr(GError) error = NULL;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  gtk_widget_set_sensitive (GTK_WIDGET (self->export_row), TRUE);
  if (!iop_plan_export_finish (result, &error))
    {
      GtkWidget *dialog;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                       _("Cannot Export the Plan"), error->message);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }
  iop_widget_add_toast (GTK_WIDGET (self), self->outside ? _("Plan exported and the disclosure recorded")
                                                          : _("Plan exported"));
}

static void
start_export (IopPlanExchangeSection *self,
              gint64                  consent_id)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (!IOP_IS_WINDOW (root) || self->file == NULL)
    return;
  gtk_widget_set_sensitive (GTK_WIDGET (self->export_row), FALSE);
  iop_plan_export_async (iop_window_get_store (IOP_WINDOW (root)), self->record_number, self->format,
                         self->file, consent_id, self->cancellable, exported_cb, g_object_ref (self));
}

/* The consent was chosen: the export records the disclosure with the file. */
static void
chosen_cb (IopConsentChooser      *chooser,
           gint64                  consent_id,
           IopPlanExchangeSection *self)
{
  start_export (self, consent_id);
}

static void
save_response_cb (GtkNativeDialog        *chooser,
                  int                     response,
                  IopPlanExchangeSection *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (response == GTK_RESPONSE_ACCEPT && IOP_IS_WINDOW (root))
    {
      g_set_object (&self->file, NULL);
      self->file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      if (!self->outside)
        start_export (self, 0);
      else
        {
          /* The file is chosen first, so a confirmed consent is always followed by the export. */
          IopConsentChooser *consents = iop_consent_chooser_new (GTK_WINDOW (root),
                                                                 iop_window_get_store (IOP_WINDOW (root)),
                                                                 self->participant_id, _("Treatment plan"));

          iop_consent_chooser_set_deferred (consents, TRUE);
          g_signal_connect_object (consents, "chosen", G_CALLBACK (chosen_cb), self, 0);
          gtk_window_present (GTK_WINDOW (consents));
        }
    }
  g_object_unref (chooser);
}

static void
format_response_cb (AdwMessageDialog       *dialog,
                    const char             *response,
                    IopPlanExchangeSection *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkFileChooserNative *chooser;
  g_autofree char *name = NULL;

  if (!g_str_equal (response, "native") && !g_str_equal (response, "fhir"))
    return;
  g_free (self->format);
  self->format = g_strdup (response);
  self->outside = gtk_check_button_get_active (g_object_get_data (G_OBJECT (dialog), "outside"));

  chooser = gtk_file_chooser_native_new (_("Export Plan"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  /* A file name is no place for a person's name: the record number only. */
  name = g_strdup_printf ("%s-%s.xml", self->record_number, g_str_equal (response, "fhir") ? "fhir" : "plan");
  g_strdelimit (name, "/\\:", '-');
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect (chooser, "response", G_CALLBACK (save_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
export_plan_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  IopPlanExchangeSection *self = IOP_PLAN_EXCHANGE_SECTION (widget);
  GtkWidget *page = gtk_widget_get_ancestor (widget, IOP_TYPE_PARTICIPANT_PAGE);
  IopParticipant *participant = page != NULL ? iop_participant_page_get_participant (IOP_PARTICIPANT_PAGE (page)) : NULL;
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *dialog;

  if (participant == NULL)
    return;
  g_free (self->record_number);
  self->record_number = g_strdup (iop_participant_get_record_number (participant));
  self->participant_id = iop_participant_get_id (participant);

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, _("Export Plan"),
                                   _("Circle’s own format keeps everything, for another Circle program. "
                                     "HL7 FHIR R4 is read by health records and other programs; it carries the plan, "
                                     "goals, objectives, interventions and measures."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "fhir", _("_HL7 FHIR"),
                                    "native", _("C_ircle Format"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "native", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "native");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  /* Who it is for: outside the program it needs the participant's consent. */
  {
    GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
    GtkWidget *inside = gtk_check_button_new_with_mnemonic (_("For use _inside the program"));
    GtkWidget *outside = gtk_check_button_new_with_mnemonic (_("For someone _outside the program… (needs their consent)"));

    gtk_check_button_set_group (GTK_CHECK_BUTTON (outside), GTK_CHECK_BUTTON (inside));
    gtk_check_button_set_active (GTK_CHECK_BUTTON (inside), TRUE);
    gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Who the plan is for"), -1);
    gtk_box_append (GTK_BOX (box), inside);
    gtk_box_append (GTK_BOX (box), outside);
    adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
    g_object_set_data (G_OBJECT (dialog), "outside", outside);
  }
  g_signal_connect_object (dialog, "response", G_CALLBACK (format_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* GObject */

static void
iop_plan_exchange_section_dispose (GObject *object)
{
  IopPlanExchangeSection *self = IOP_PLAN_EXCHANGE_SECTION (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->record_number, g_free);
  g_clear_pointer (&self->format, g_free);
  g_clear_object (&self->file);

  G_OBJECT_CLASS (iop_plan_exchange_section_parent_class)->dispose (object);
}

static void
iop_plan_exchange_section_class_init (IopPlanExchangeSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = iop_plan_exchange_section_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/iop/iop-plan-exchange-section.ui");
  gtk_widget_class_bind_template_child (widget_class, IopPlanExchangeSection, export_row);
  gtk_widget_class_install_action (widget_class, "section.export-plan", NULL, export_plan_action);
}

static void
iop_plan_exchange_section_init (IopPlanExchangeSection *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
}

GtkWidget *
iop_plan_exchange_section_new (void)
{
  return g_object_new (IOP_TYPE_PLAN_EXCHANGE_SECTION, NULL);
}
