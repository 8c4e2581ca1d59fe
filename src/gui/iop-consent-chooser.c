/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "iop-consent-chooser"

#include "config.h"

#include <glib/gi18n.h>

#include "iop-consent-chooser.h"
#include "iop-date.h"
#include "iop-store-consents.h"

/*
 * "Disclose…": before a participant's record is printed or exported for
 * someone outside the program, the person says which of the participant's
 * valid consents the disclosure relies on. Confirming records the disclosure
 * (disclosure history and audit log) and hands back the 42 CFR § 2.32 notice
 * the output must carry, through the "disclosed" signal. Without a valid
 * consent there is nothing to choose and nothing can be disclosed.
 */

struct _IopConsentChooser
{
  AdwMessageDialog  parent_instance;

  /* borrowed */
  GtkListBox       *list;

  /* owned */
  IopStore         *store;
  GArray           *ids;        /* row → consent id */
  GPtrArray        *checks;     /* row → GtkCheckButton */
  char             *what;
  char             *notice;
  gint64            participant_id;
  gboolean          deferred;   /* "chosen" instead of recording the disclosure */
};

G_DEFINE_FINAL_TYPE (IopConsentChooser, iop_consent_chooser, ADW_TYPE_MESSAGE_DIALOG)

enum {
  DISCLOSED,
  CHOSEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
response_cb (IopConsentChooser *self,
             const char        *response)
{
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "disclose") != 0)
    return;
  if (!iop_consent_chooser_disclose (self, &error))
    {
      GtkWidget *dialog = adw_message_dialog_new (gtk_window_get_transient_for (GTK_WINDOW (self)),
                                                  _("Nothing Was Disclosed"), error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
    }
}

static void
check_toggled_cb (IopConsentChooser *self)
{
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "disclose",
                                           iop_consent_chooser_get_selected (self) > 0);
}

static void
fill (IopConsentChooser *self)
{
  g_autoptr(GListModel) consents = iop_store_list_consents (self->store, self->participant_id, NULL);
  g_autofree char *today = iop_date_today ();
  GtkCheckButton *group = NULL;

  for (guint i = 0; consents != NULL && i < g_list_model_get_n_items (consents); i++)
    {
      g_autoptr(IopConsent) c = g_list_model_get_item (consents, i);
      g_autofree char *subtitle = NULL;
      g_autofree char *expires = NULL;
      GtkWidget *row;
      GtkWidget *check;
      gint64 id;

      if (!iop_consent_is_valid_on (c, today))
        continue;
      id = iop_consent_get_id (c);
      expires = *iop_consent_get_expires_on (c) ? iop_date_format (iop_consent_get_expires_on (c))
                                                : g_strdup (_("no expiry"));
      subtitle = g_strdup_printf (_("No. %" G_GINT64_FORMAT " · %s · may disclose: %s · until %s"),
                                  id, iop_consent_get_purpose (c), iop_consent_get_scope (c), expires);
      row = adw_action_row_new ();
      check = gtk_check_button_new ();
      if (group != NULL)
        gtk_check_button_set_group (GTK_CHECK_BUTTON (check), group);
      else
        group = GTK_CHECK_BUTTON (check);
      g_signal_connect_object (check, "toggled", G_CALLBACK (check_toggled_cb), self, G_CONNECT_SWAPPED);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), iop_consent_get_recipient (c));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      gtk_list_box_append (self->list, row);
      g_array_append_val (self->ids, id);
      g_ptr_array_add (self->checks, check);
    }

  if (self->ids->len == 0)
    adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self),
                                 _("This participant has no valid consent to disclose their record outside the program, so it cannot be printed or exported for someone outside it. Record the signed consent on their page first."));
  gtk_widget_set_visible (GTK_WIDGET (self->list), self->ids->len > 0);
  check_toggled_cb (self);
}

static void
iop_consent_chooser_finalize (GObject *object)
{
  IopConsentChooser *self = IOP_CONSENT_CHOOSER (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->ids, g_array_unref);
  g_clear_pointer (&self->checks, g_ptr_array_unref);
  g_clear_pointer (&self->what, g_free);
  g_clear_pointer (&self->notice, g_free);

  G_OBJECT_CLASS (iop_consent_chooser_parent_class)->finalize (object);
}

static void
iop_consent_chooser_class_init (IopConsentChooserClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = iop_consent_chooser_finalize;

  /**
   * IopConsentChooser::disclosed:
   * @consent_id: the consent the disclosure relied on
   * @notice: the notice the output must carry
   *
   * The disclosure was recorded: print or export now, with @notice.
   */
  signals[DISCLOSED] = g_signal_new ("disclosed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_STRING);

  /**
   * IopConsentChooser::chosen:
   * @consent_id: the consent chosen
   *
   * With iop_consent_chooser_set_deferred(): a consent was chosen and confirmed;
   * nothing is recorded yet. The handler records the disclosure in the same
   * transaction as the output it writes, so one never exists without the other.
   */
  signals[CHOSEN] = g_signal_new ("chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
}

static void
iop_consent_chooser_init (IopConsentChooser *self)
{
  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->checks = g_ptr_array_new ();
  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (self), GTK_WIDGET (self->list));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (self),
                                    "cancel", _("_Cancel"), "disclose", _("_Disclose"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (self), "disclose", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (self), "cancel");
  g_signal_connect (self, "response", G_CALLBACK (response_cb), NULL);
}

/**
 * iop_consent_chooser_new:
 * @parent: (nullable): the window
 * @store: the store
 * @participant_id: whose record is disclosed
 * @what: what is disclosed, e.g. "Member copy of a session summary"
 *
 * Returns: (transfer none): the dialog, not yet shown
 */
IopConsentChooser *
iop_consent_chooser_new (GtkWindow  *parent,
                         IopStore   *store,
                         gint64      participant_id,
                         const char *what)
{
  IopConsentChooser *self;
  g_autofree char *body = NULL;

  g_return_val_if_fail (IOP_IS_STORE (store), NULL);

  body = g_strdup_printf (_("The %s goes to someone outside the program. Choose the participant’s consent it relies on; the disclosure is recorded, and the printout carries the federal notice against redisclosure."),
                          what);
  self = g_object_new (IOP_TYPE_CONSENT_CHOOSER,
                       "transient-for", parent,
                       "modal", TRUE,
                       "heading", _("Disclose Outside the Program?"),
                       "body", body,
                       NULL);
  self->store = g_object_ref (store);
  self->participant_id = participant_id;
  self->what = g_strdup (what);
  fill (self);
  return self;
}

guint
iop_consent_chooser_get_n_consents (IopConsentChooser *self)
{
  g_return_val_if_fail (IOP_IS_CONSENT_CHOOSER (self), 0);

  return self->ids->len;
}

void
iop_consent_chooser_select (IopConsentChooser *self,
                            gint64             consent_id)
{
  g_return_if_fail (IOP_IS_CONSENT_CHOOSER (self));

  for (guint i = 0; i < self->ids->len; i++)
    if (g_array_index (self->ids, gint64, i) == consent_id)
      gtk_check_button_set_active (g_ptr_array_index (self->checks, i), TRUE);
}

gint64
iop_consent_chooser_get_selected (IopConsentChooser *self)
{
  g_return_val_if_fail (IOP_IS_CONSENT_CHOOSER (self), 0);

  for (guint i = 0; i < self->ids->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (self->checks, i)))
      return g_array_index (self->ids, gint64, i);
  return 0;
}

/**
 * iop_consent_chooser_disclose:
 * @self: an #IopConsentChooser
 * @error: return location for a #GError
 *
 * Records the disclosure under the chosen consent and emits
 * #IopConsentChooser::disclosed.
 *
 * Returns: %TRUE when recorded
 */
gboolean
iop_consent_chooser_disclose (IopConsentChooser  *self,
                              GError            **error)
{
  g_autoptr(IopConsent) consent = NULL;
  gint64 id;

  g_return_val_if_fail (IOP_IS_CONSENT_CHOOSER (self), FALSE);

  id = iop_consent_chooser_get_selected (self);
  if (id <= 0)
    {
      g_set_error_literal (error, IOP_STORE_ERROR, IOP_STORE_ERROR_PERMISSION,
                           _("Choose the consent this disclosure relies on."));
      return FALSE;
    }
  if (self->deferred)
    {
      /* The caller records the disclosure together with the output it makes. */
      g_signal_emit (self, signals[CHOSEN], 0, id);
      return TRUE;
    }
  consent = iop_store_get_consent (self->store, id, error);
  if (consent == NULL
      || !iop_store_record_disclosure (self->store, self->participant_id, id,
                                       iop_consent_get_recipient (consent), self->what, NULL, error))
    return FALSE;

  g_free (self->notice);
  self->notice = iop_disclosure_notice_for (iop_consent_get_recipient (consent), id);
  g_signal_emit (self, signals[DISCLOSED], 0, id, self->notice);
  return TRUE;
}

/**
 * iop_consent_chooser_set_deferred:
 * @deferred: %TRUE to leave recording the disclosure to the caller
 *
 * For outputs written elsewhere (a worker thread): confirming emits
 * #IopConsentChooser::chosen instead of recording the disclosure.
 */
void
iop_consent_chooser_set_deferred (IopConsentChooser *self,
                                  gboolean           deferred)
{
  g_return_if_fail (IOP_IS_CONSENT_CHOOSER (self));

  self->deferred = !!deferred;
}

/**
 * iop_consent_chooser_get_notice:
 *
 * Returns: (nullable): the notice for the output, once disclosed
 */
const char *
iop_consent_chooser_get_notice (IopConsentChooser *self)
{
  g_return_val_if_fail (IOP_IS_CONSENT_CHOOSER (self), NULL);

  return self->notice;
}
