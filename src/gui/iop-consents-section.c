/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "iop-consents-section"

#include "config.h"

#include <glib/gi18n.h>

#include "iop-access.h"
#include "iop-consents-section.h"
#include "iop-date.h"
#include "iop-store-consents.h"
#include "iop-window.h"

/*
 * On the participant's page: their consents to disclose (with expiry and
 * revocation) and the history of disclosures made under them.
 */

struct _IopConsentsSection
{
  AdwBin      parent_instance;

  /* template widgets */
  GtkListBox *consents_list;
  GtkListBox *disclosures_list;

  /* owned */
  IopStore   *store;
  GListModel *consents;
  GListModel *disclosures;
  gint64      participant_id;
};

G_DEFINE_FINAL_TYPE (IopConsentsSection, iop_consents_section, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  PROP_PARTICIPANT_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Helpers */

static void
report (IopConsentsSection *self,
        const char         *heading,
        const GError       *error)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (IOP_IS_WINDOW (root))
    iop_window_show_error (IOP_WINDOW (root), heading, error->message);
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static GtkWidget *
placeholder_row (const char *text)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
  gtk_widget_add_css_class (row, "dim-label");
  return row;
}

static void revoke_clicked_cb (GtkButton *button, IopConsentsSection *self);

static GtkWidget *
consent_row (IopConsentsSection *self,
             IopConsent         *c,
             const char         *today)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *state = gtk_label_new (NULL);
  g_autofree char *signed_on = iop_date_format (iop_consent_get_signed_on (c));
  g_autofree char *expires = *iop_consent_get_expires_on (c) ? iop_date_format (iop_consent_get_expires_on (c)) : NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *dates = NULL;
  gboolean revoked = *iop_consent_get_revoked_on (c) != '\0';
  gboolean valid = iop_consent_is_valid_on (c, today);

  if (revoked)
    {
      g_autofree char *on = iop_date_format (iop_consent_get_revoked_on (c));
      dates = g_strdup_printf (_("signed %s, revoked %s"), signed_on, on);
    }
  else if (expires != NULL)
    dates = g_strdup_printf (_("signed %s, expires %s"), signed_on, expires);
  else
    dates = g_strdup_printf (_("signed %s, no expiry"), signed_on);
  subtitle = g_strdup_printf (_("No. %" G_GINT64_FORMAT " · %s · may disclose: %s · %s"),
                              iop_consent_get_id (c), iop_consent_get_purpose (c),
                              iop_consent_get_scope (c), dates);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), iop_consent_get_recipient (c));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);

  gtk_label_set_text (GTK_LABEL (state), revoked ? _("Revoked") : valid ? _("Valid")
                                         : g_strcmp0 (iop_consent_get_signed_on (c), today) > 0 ? _("Not Yet")
                                         : _("Expired"));
  gtk_widget_add_css_class (state, "iop-pill");
  gtk_widget_add_css_class (state, valid ? "success" : "warning");
  gtk_widget_set_valign (state, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), state);

  if (!revoked)
    {
      GtkWidget *revoke = gtk_button_new_with_mnemonic (_("_Revoke…"));

      gtk_widget_set_valign (revoke, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (revoke, "flat");
      g_object_set_data (G_OBJECT (revoke), "consent-id", GSIZE_TO_POINTER (iop_consent_get_id (c)));
      g_signal_connect_object (revoke, "clicked", G_CALLBACK (revoke_clicked_cb), self, 0);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), revoke);
    }
  return row;
}

static GtkWidget *
disclosure_row (IopDisclosure *d)
{
  GtkWidget *row = adw_action_row_new ();
  g_autoptr(GDateTime) utc = g_date_time_new_from_iso8601 (iop_disclosure_get_at (d), NULL);
  g_autoptr(GDateTime) local = utc != NULL ? g_date_time_to_local (utc) : NULL;
  g_autofree char *when = local != NULL ? g_date_time_format (local, "%x %H:%M") : g_strdup (iop_disclosure_get_at (d));
  g_autofree char *title = g_strdup_printf (_("%s to %s"), iop_disclosure_get_what (d), iop_disclosure_get_recipient (d));
  g_autofree char *subtitle = g_strdup_printf (_("%s · by %s · under consent No. %" G_GINT64_FORMAT),
                                               when, iop_disclosure_get_staff_name (d),
                                               iop_disclosure_get_consent_id (d));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  return row;
}

static void
reload (IopConsentsSection *self)
{
  g_autofree char *today = iop_date_today ();

  clear_list (self->consents_list);
  clear_list (self->disclosures_list);
  g_clear_object (&self->consents);
  g_clear_object (&self->disclosures);
  if (self->store == NULL || self->participant_id <= 0)
    return;

  /* Both lists need the right to see this record; without it they stay empty. */
  self->consents = iop_store_list_consents (self->store, self->participant_id, NULL);
  self->disclosures = iop_store_list_disclosures (self->store, self->participant_id, NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "consents.add", self->consents != NULL);

  if (self->consents == NULL || g_list_model_get_n_items (self->consents) == 0)
    gtk_list_box_append (self->consents_list, placeholder_row (_("No consents recorded")));
  for (guint i = 0; self->consents != NULL && i < g_list_model_get_n_items (self->consents); i++)
    {
      g_autoptr(IopConsent) c = g_list_model_get_item (self->consents, i);
      gtk_list_box_append (self->consents_list, consent_row (self, c, today));
    }

  if (self->disclosures == NULL || g_list_model_get_n_items (self->disclosures) == 0)
    gtk_list_box_append (self->disclosures_list, placeholder_row (_("Nothing was disclosed outside the program")));
  for (guint i = 0; self->disclosures != NULL && i < g_list_model_get_n_items (self->disclosures); i++)
    {
      g_autoptr(IopDisclosure) d = g_list_model_get_item (self->disclosures, i);
      gtk_list_box_append (self->disclosures_list, disclosure_row (d));
    }
}

static GtkWidget *
entry_row (const char *title,
           const char *text)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
  return row;
}

/* Callbacks */

static void
revoke_response_cb (AdwMessageDialog   *dialog,
                    const char         *response,
                    IopConsentsSection *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "consent-id"));
  g_autofree char *today = iop_date_today ();

  if (g_strcmp0 (response, "revoke") == 0)
    iop_consents_section_revoke (self, id, today);
}

static void
revoke_clicked_cb (GtkButton          *button,
                   IopConsentsSection *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "consent-id"));
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                       _("Revoke This Consent?"),
                                                       _("From today nothing more may be disclosed under it. Disclosures already made stay in the history.")));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "revoke", _("_Revoke"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "revoke", ADW_RESPONSE_DESTRUCTIVE);
  g_object_set_data (G_OBJECT (dialog), "consent-id", GSIZE_TO_POINTER (id));
  g_signal_connect_object (dialog, "response", G_CALLBACK (revoke_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static GtkWindow *add_dialog (IopConsentsSection *self,
                              IopConsent         *prefill);

static void
add_response_cb (AdwMessageDialog   *dialog,
                 const char         *response,
                 IopConsentsSection *self)
{
  const char *keys[] = { "recipient", "purpose", "scope", "signed", "expires" };
  const char *text[G_N_ELEMENTS (keys)];
  g_autoptr(IopConsent) c = iop_consent_new ();
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "add") != 0)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    text[i] = gtk_editable_get_text (g_object_get_data (G_OBJECT (dialog), keys[i]));
  iop_consent_set_participant_id (c, self->participant_id);
  iop_consent_set_recipient (c, text[0]);
  iop_consent_set_purpose (c, text[1]);
  iop_consent_set_scope (c, text[2]);
  iop_consent_set_signed_on (c, text[3]);
  iop_consent_set_expires_on (c, text[4]);
  if (!iop_store_add_consent (self->store, c, &error))
    {
      /* What was typed comes back in a new dialog, with the reason. */
      GtkWindow *again = add_dialog (self, c);

      adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (again), error->message);
      gtk_window_present (again);
      return;
    }
  iop_widget_add_toast (GTK_WIDGET (self), _("Consent recorded"));
}

static GtkWindow *
add_dialog (IopConsentsSection *self,
            IopConsent         *prefill)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autofree char *today = iop_date_today ();
  AdwMessageDialog *dialog;
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *rows[5];

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                       _("Record a Consent"),
                                                       _("As written on the signed consent form. Dates as YYYY-MM-DD; leave the expiry empty when the form sets none.")));
  rows[0] = entry_row (_("Recipient"), prefill ? iop_consent_get_recipient (prefill) : NULL);
  rows[1] = entry_row (_("Purpose"), prefill ? iop_consent_get_purpose (prefill) : NULL);
  rows[2] = entry_row (_("What May Be Disclosed"), prefill ? iop_consent_get_scope (prefill) : NULL);
  rows[3] = entry_row (_("Signed On"), prefill ? iop_consent_get_signed_on (prefill) : today);
  rows[4] = entry_row (_("Expires On"), prefill ? iop_consent_get_expires_on (prefill) : NULL);
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    gtk_list_box_append (GTK_LIST_BOX (list), rows[i]);
  adw_message_dialog_set_extra_child (dialog, list);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "add", _("_Record"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "add", ADW_RESPONSE_SUGGESTED);
  g_object_set_data (G_OBJECT (dialog), "recipient", rows[0]);
  g_object_set_data (G_OBJECT (dialog), "purpose", rows[1]);
  g_object_set_data (G_OBJECT (dialog), "scope", rows[2]);
  g_object_set_data (G_OBJECT (dialog), "signed", rows[3]);
  g_object_set_data (G_OBJECT (dialog), "expires", rows[4]);
  g_signal_connect_object (dialog, "response", G_CALLBACK (add_response_cb), self, 0);
  return GTK_WINDOW (dialog);
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  gtk_window_present (iop_consents_section_add_dialog (IOP_CONSENTS_SECTION (widget)));
}

static void
store_changed_cb (IopConsentsSection *self,
                  const char         *kind)
{
  if (g_strcmp0 (kind, IOP_KIND_CONSENT) == 0 || g_strcmp0 (kind, IOP_KIND_STAFF) == 0)
    reload (self);
}

/* GObject */

static void
set_store (IopConsentsSection *self,
           IopStore           *store)
{
  if (self->store == store)
    return;
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_set_object (&self->store, store);
  if (store != NULL)
    g_signal_connect_object (store, "changed", G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);
  reload (self);
}

static void
iop_consents_section_dispose (GObject *object)
{
  IopConsentsSection *self = IOP_CONSENTS_SECTION (object);

  g_clear_object (&self->consents);
  g_clear_object (&self->disclosures);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (iop_consents_section_parent_class)->dispose (object);
}

static void
iop_consents_section_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  IopConsentsSection *self = IOP_CONSENTS_SECTION (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_PARTICIPANT_ID:
      g_value_set_int64 (value, self->participant_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
iop_consents_section_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  IopConsentsSection *self = IOP_CONSENTS_SECTION (object);

  switch (prop_id)
    {
    case PROP_STORE:
      set_store (self, g_value_get_object (value));
      break;
    case PROP_PARTICIPANT_ID:
      iop_consents_section_set_participant_id (self, g_value_get_int64 (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
iop_consents_section_class_init (IopConsentsSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = iop_consents_section_dispose;
  object_class->get_property = iop_consents_section_get_property;
  object_class->set_property = iop_consents_section_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, IOP_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_PARTICIPANT_ID] =
    g_param_spec_int64 ("participant-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/iop/iop-consents-section.ui");
  gtk_widget_class_bind_template_child (widget_class, IopConsentsSection, consents_list);
  gtk_widget_class_bind_template_child (widget_class, IopConsentsSection, disclosures_list);

  gtk_widget_class_install_action (widget_class, "consents.add", NULL, add_action);
}

static void
iop_consents_section_init (IopConsentsSection *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Public API */

GtkWidget *
iop_consents_section_new (IopStore *store)
{
  g_return_val_if_fail (store == NULL || IOP_IS_STORE (store), NULL);

  return g_object_new (IOP_TYPE_CONSENTS_SECTION, "store", store, NULL);
}

void
iop_consents_section_set_participant_id (IopConsentsSection *self,
                                         gint64              participant_id)
{
  g_return_if_fail (IOP_IS_CONSENTS_SECTION (self));

  if (self->participant_id == participant_id)
    return;
  self->participant_id = participant_id;
  reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PARTICIPANT_ID]);
}

/**
 * iop_consents_section_get_consents:
 *
 * Returns: (transfer none) (nullable): the consents shown
 */
GListModel *
iop_consents_section_get_consents (IopConsentsSection *self)
{
  g_return_val_if_fail (IOP_IS_CONSENTS_SECTION (self), NULL);

  return self->consents;
}

/**
 * iop_consents_section_get_disclosures:
 *
 * Returns: (transfer none) (nullable): the disclosure history shown
 */
GListModel *
iop_consents_section_get_disclosures (IopConsentsSection *self)
{
  g_return_val_if_fail (IOP_IS_CONSENTS_SECTION (self), NULL);

  return self->disclosures;
}

/**
 * iop_consents_section_add_dialog:
 *
 * Returns: (transfer none): a new "Record a Consent" dialog, not yet shown
 */
GtkWindow *
iop_consents_section_add_dialog (IopConsentsSection *self)
{
  g_return_val_if_fail (IOP_IS_CONSENTS_SECTION (self), NULL);

  return add_dialog (self, NULL);
}

/**
 * iop_consents_section_add:
 *
 * Records a consent as the dialog does; a refusal is shown to the person.
 *
 * Returns: %TRUE when recorded
 */
gboolean
iop_consents_section_add (IopConsentsSection *self,
                          const char         *recipient,
                          const char         *purpose,
                          const char         *scope,
                          const char         *signed_on,
                          const char         *expires_on)
{
  g_autoptr(IopConsent) c = iop_consent_new ();
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (IOP_IS_CONSENTS_SECTION (self), FALSE);

  iop_consent_set_participant_id (c, self->participant_id);
  iop_consent_set_recipient (c, recipient);
  iop_consent_set_purpose (c, purpose);
  iop_consent_set_scope (c, scope);
  iop_consent_set_signed_on (c, signed_on);
  iop_consent_set_expires_on (c, expires_on);
  if (!iop_store_add_consent (self->store, c, &error))
    {
      report (self, _("Consent Not Recorded"), error);
      return FALSE;
    }
  return TRUE;
}

/**
 * iop_consents_section_revoke:
 *
 * Returns: %TRUE when revoked
 */
gboolean
iop_consents_section_revoke (IopConsentsSection *self,
                             gint64              consent_id,
                             const char         *date)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (IOP_IS_CONSENTS_SECTION (self), FALSE);

  if (!iop_store_revoke_consent (self->store, consent_id, date, &error))
    {
      report (self, _("Consent Not Revoked"), error);
      return FALSE;
    }
  iop_widget_add_toast (GTK_WIDGET (self), _("Consent revoked"));
  return TRUE;
}
