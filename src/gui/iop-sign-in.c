/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "iop-sign-in"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "iop-access.h"
#include "iop-sign-in.h"
#include "iop-store-people.h"

/*
 * The page in front of everything: a staff member signs in; on a database
 * without staff the first start creates the administrator; when the window
 * locks after inactivity, the same person unlocks it (the window keeps their
 * work behind this page).
 */

struct _IopSignIn
{
  AdwBin             parent_instance;

  /* template widgets */
  AdwStatusPage     *status_page;
  AdwEntryRow       *full_name_row;
  AdwEntryRow       *username_row;
  AdwPasswordEntryRow *passphrase_row;
  AdwPasswordEntryRow *confirm_row;
  GtkLabel          *error_label;
  GtkButton         *submit_button;
  GtkButton         *sign_out_button;
  GtkLabel          *hint_label;

  /* owned */
  IopStore          *store;
  IopSignInMode      mode;
};

G_DEFINE_FINAL_TYPE (IopSignIn, iop_sign_in, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

enum {
  SIGNED_IN,
  SIGNED_OUT,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Helpers */

static void
show_error (IopSignIn  *self,
            const char *message)
{
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static void
clear_secrets (IopSignIn *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->passphrase_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->confirm_row), "");
}

static gboolean
is_sample_program (IopStore *store)
{
  g_autoptr(IopStaff) admin = iop_store_find_staff (store, "admin");
  g_autoptr(IopStaff) counselor = iop_store_find_staff (store, "counselor1");

  return admin != NULL && counselor != NULL
         && g_strcmp0 (iop_staff_get_full_name (admin), "Program Administrator") == 0;
}

static void
update_mode (IopSignIn *self)
{
  gboolean setup = self->mode == IOP_SIGN_IN_MODE_SETUP;
  gboolean locked = self->mode == IOP_SIGN_IN_MODE_LOCKED;
  g_autofree char *description = NULL;
  const char *hint = "";

  gtk_widget_set_visible (GTK_WIDGET (self->full_name_row), setup);
  gtk_widget_set_visible (GTK_WIDGET (self->confirm_row), setup);
  gtk_widget_set_visible (GTK_WIDGET (self->username_row), !locked);
  gtk_widget_set_visible (GTK_WIDGET (self->sign_out_button), locked);
  show_error (self, NULL);
  clear_secrets (self);

  switch (self->mode)
    {
    case IOP_SIGN_IN_MODE_SETUP:
      adw_status_page_set_icon_name (self->status_page, "avatar-default-symbolic");
      adw_status_page_set_title (self->status_page, _("Create the Administrator"));
      adw_status_page_set_description (self->status_page,
                                       _("Circle records who does what. The administrator signs in first and adds the program’s counselors and supervisors."));
      gtk_button_set_label (self->submit_button, _("_Create Administrator"));
      hint = _("Choose a passphrase of at least 8 characters that only you know.");
      break;

    case IOP_SIGN_IN_MODE_LOCKED:
      {
        g_autoptr(IopStaff) staff = iop_store_get_staff (self->store, iop_store_get_actor (self->store), NULL);

        adw_status_page_set_icon_name (self->status_page, "system-lock-screen-symbolic");
        adw_status_page_set_title (self->status_page, _("Circle Is Locked"));
        description = g_strdup_printf (_("Signed in as %s. Enter your passphrase to continue; your work is kept as you left it."),
                                       staff != NULL ? iop_staff_get_full_name (staff) : "");
        adw_status_page_set_description (self->status_page, description);
        gtk_button_set_label (self->submit_button, _("_Unlock"));
        break;
      }

    case IOP_SIGN_IN_MODE_SIGN_IN:
    default:
      adw_status_page_set_icon_name (self->status_page, "system-lock-screen-symbolic");
      adw_status_page_set_title (self->status_page, _("Sign In to Circle"));
      adw_status_page_set_description (self->status_page,
                                       _("The records in Circle are protected health information. Sign in with your own user name and passphrase."));
      gtk_button_set_label (self->submit_button, _("_Sign In"));
      if (self->store != NULL && is_sample_program (self->store))
        hint = _("This is the sample program: sign in as admin, supervisor, counselor1 or counselor2 with the passphrase “sample”.");
      break;
    }
  gtk_label_set_text (self->hint_label, hint);
  gtk_widget_set_visible (GTK_WIDGET (self->hint_label), *hint != '\0');
}

/* Callbacks */

static void
row_activated_cb (IopSignIn *self)
{
  iop_sign_in_submit (self);
}

static void
submit_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  iop_sign_in_submit (IOP_SIGN_IN (widget));
}

static void
sign_out_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  IopSignIn *self = IOP_SIGN_IN (widget);
  g_autoptr(GError) error = NULL;

  if (!iop_access_sign_out (self->store, &error))
    {
      show_error (self, error->message);
      return;
    }
  g_signal_emit (self, signals[SIGNED_OUT], 0);
}

/* GObject */

static void
iop_sign_in_dispose (GObject *object)
{
  IopSignIn *self = IOP_SIGN_IN (object);

  g_clear_object (&self->store);

  G_OBJECT_CLASS (iop_sign_in_parent_class)->dispose (object);
}

static void
iop_sign_in_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  IopSignIn *self = IOP_SIGN_IN (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
iop_sign_in_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  IopSignIn *self = IOP_SIGN_IN (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
iop_sign_in_constructed (GObject *object)
{
  G_OBJECT_CLASS (iop_sign_in_parent_class)->constructed (object);

  update_mode (IOP_SIGN_IN (object));
}

static void
iop_sign_in_class_init (IopSignInClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = iop_sign_in_dispose;
  object_class->get_property = iop_sign_in_get_property;
  object_class->set_property = iop_sign_in_set_property;
  object_class->constructed = iop_sign_in_constructed;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, IOP_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * IopSignIn::signed-in:
   *
   * A staff member signed in, the first administrator was created and signed
   * in, or the locked window was unlocked.
   */
  signals[SIGNED_IN] = g_signal_new ("signed-in", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * IopSignIn::signed-out:
   *
   * The staff member signed out from the lock page.
   */
  signals[SIGNED_OUT] = g_signal_new ("signed-out", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                      0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/iop/iop-sign-in.ui");
  gtk_widget_class_bind_template_child (widget_class, IopSignIn, status_page);
  gtk_widget_class_bind_template_child (widget_class, IopSignIn, full_name_row);
  gtk_widget_class_bind_template_child (widget_class, IopSignIn, username_row);
  gtk_widget_class_bind_template_child (widget_class, IopSignIn, passphrase_row);
  gtk_widget_class_bind_template_child (widget_class, IopSignIn, confirm_row);
  gtk_widget_class_bind_template_child (widget_class, IopSignIn, error_label);
  gtk_widget_class_bind_template_child (widget_class, IopSignIn, submit_button);
  gtk_widget_class_bind_template_child (widget_class, IopSignIn, sign_out_button);
  gtk_widget_class_bind_template_child (widget_class, IopSignIn, hint_label);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);

  gtk_widget_class_install_action (widget_class, "sign-in.submit", NULL, submit_action);
  gtk_widget_class_install_action (widget_class, "sign-in.sign-out", NULL, sign_out_action);
}

static void
iop_sign_in_init (IopSignIn *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Public API */

GtkWidget *
iop_sign_in_new (IopStore *store)
{
  g_return_val_if_fail (IOP_IS_STORE (store), NULL);

  return g_object_new (IOP_TYPE_SIGN_IN, "store", store, NULL);
}

void
iop_sign_in_set_mode (IopSignIn     *self,
                      IopSignInMode  mode)
{
  g_return_if_fail (IOP_IS_SIGN_IN (self));

  self->mode = mode;
  update_mode (self);
}

IopSignInMode
iop_sign_in_get_mode (IopSignIn *self)
{
  g_return_val_if_fail (IOP_IS_SIGN_IN (self), IOP_SIGN_IN_MODE_SIGN_IN);

  return self->mode;
}

/**
 * iop_sign_in_fill:
 * @self: an #IopSignIn
 * @full_name: (nullable): for the first administrator
 * @username: (nullable): the user name
 * @passphrase: (nullable): the passphrase (typed twice on the first start)
 *
 * Fills the page as a person would type into it.
 */
void
iop_sign_in_fill (IopSignIn  *self,
                  const char *full_name,
                  const char *username,
                  const char *passphrase)
{
  g_return_if_fail (IOP_IS_SIGN_IN (self));

  if (full_name != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->full_name_row), full_name);
  if (username != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->username_row), username);
  if (passphrase != NULL)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->passphrase_row), passphrase);
      gtk_editable_set_text (GTK_EDITABLE (self->confirm_row), passphrase);
    }
}

/**
 * iop_sign_in_submit:
 * @self: an #IopSignIn
 *
 * Signs in, creates the first administrator or unlocks, as the mode says.
 *
 * Returns: %TRUE when it worked (and #IopSignIn::signed-in was emitted)
 */
gboolean
iop_sign_in_submit (IopSignIn *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IopStaff) staff = NULL;
  g_autofree char *username = NULL;
  g_autofree char *passphrase = NULL;
  g_autofree char *full_name = NULL;
  gboolean ok = FALSE;

  g_return_val_if_fail (IOP_IS_SIGN_IN (self), FALSE);

  /* Copies: the window may switch this page's mode (clearing it) while the
   * store announces the new administrator. */
  username = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->username_row)));
  passphrase = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->passphrase_row)));
  full_name = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->full_name_row)));

  switch (self->mode)
    {
    case IOP_SIGN_IN_MODE_SETUP:
      if (g_strcmp0 (passphrase, gtk_editable_get_text (GTK_EDITABLE (self->confirm_row))) != 0)
        {
          show_error (self, _("The two passphrases differ; type the same passphrase twice."));
          clear_secrets (self);
          return FALSE;
        }
      staff = iop_access_create_first_administrator (self->store, username, full_name, passphrase, &error);
      if (staff != NULL)
        {
          g_clear_object (&staff);
          staff = iop_access_sign_in (self->store, username, passphrase, &error);
        }
      ok = staff != NULL;
      break;

    case IOP_SIGN_IN_MODE_LOCKED:
      ok = iop_access_unlock (self->store, passphrase, &error);
      break;

    case IOP_SIGN_IN_MODE_SIGN_IN:
    default:
      staff = iop_access_sign_in (self->store, username, passphrase, &error);
      ok = staff != NULL;
      break;
    }

  clear_secrets (self);
  explicit_bzero (passphrase, strlen (passphrase));
  if (!ok)
    {
      show_error (self, error->message);
      gtk_widget_grab_focus (GTK_WIDGET (self->passphrase_row));
      return FALSE;
    }

  show_error (self, NULL);
  if (self->mode != IOP_SIGN_IN_MODE_LOCKED)
    gtk_editable_set_text (GTK_EDITABLE (self->username_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->full_name_row), "");
  g_signal_emit (self, signals[SIGNED_IN], 0);
  return TRUE;
}

/**
 * iop_sign_in_get_error_text:
 * @self: an #IopSignIn
 *
 * Returns: the message shown, or "" when none
 */
const char *
iop_sign_in_get_error_text (IopSignIn *self)
{
  g_return_val_if_fail (IOP_IS_SIGN_IN (self), "");

  return gtk_widget_get_visible (GTK_WIDGET (self->error_label)) ? gtk_label_get_text (self->error_label) : "";
}
