/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "iop-welcome"

#include "config.h"

#include <glib/gi18n.h>

#include "iop-access.h"
#include "iop-group-editor.h"
#include "iop-sample.h"
#include "iop-welcome.h"
#include "iop-window.h"

struct _IopWelcome
{
  AdwBin      parent_instance;

  /* template widgets */
  GtkSpinner *spinner;
  GtkLabel   *sample_label;

  /* owned */
  IopStore   *store;
  guint       load_source;
};

G_DEFINE_FINAL_TYPE (IopWelcome, iop_welcome, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_loading (IopWelcome *self,
             gboolean    loading)
{
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), loading);
  gtk_spinner_set_spinning (self->spinner, loading);
  gtk_label_set_text_with_mnemonic (self->sample_label,
                                    loading ? _("Loading Sample Program…") : _("_Load Sample Program"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "welcome.load-sample", !loading);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "welcome.create-group", !loading);
}

static gboolean
load_sample_cb (gpointer user_data)
{
  IopWelcome *self = user_data;
  g_autoptr(GError) error = NULL;

  self->load_source = 0;

  /* The store's connection belongs to the main thread, so the sample loads
   * here; the spinner has had its first frames drawn by now. */
  if (!iop_sample_load (self->store, &error))
    {
      g_autofree char *message = g_strdup_printf (_("Could not load the sample program: %s"), error->message);

      iop_widget_add_toast (GTK_WIDGET (self), message);
    }
  set_loading (self, FALSE);
  return G_SOURCE_REMOVE;
}

static void
load_sample_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  IopWelcome *self = IOP_WELCOME (widget);

  if (self->load_source != 0)
    return;

  set_loading (self, TRUE);
  self->load_source = g_timeout_add (150, load_sample_cb, self);
}

static void
create_group_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  IopWelcome *self = IOP_WELCOME (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  IopGroupEditor *editor;

  /* A new program starts with its administrator, who then creates the group. */
  if (!iop_access_is_signed_in (self->store))
    {
      gtk_widget_activate_action (widget, "win.setup", NULL);
      return;
    }

  editor = iop_group_editor_new (self->store, NULL);

  gtk_window_set_transient_for (GTK_WINDOW (editor), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
iop_welcome_dispose (GObject *object)
{
  IopWelcome *self = IOP_WELCOME (object);

  g_clear_handle_id (&self->load_source, g_source_remove);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (iop_welcome_parent_class)->dispose (object);
}

static void
iop_welcome_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  IopWelcome *self = IOP_WELCOME (object);

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
iop_welcome_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  IopWelcome *self = IOP_WELCOME (object);

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
iop_welcome_class_init (IopWelcomeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = iop_welcome_dispose;
  object_class->get_property = iop_welcome_get_property;
  object_class->set_property = iop_welcome_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         IOP_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/iop/iop-welcome.ui");
  gtk_widget_class_bind_template_child (widget_class, IopWelcome, spinner);
  gtk_widget_class_bind_template_child (widget_class, IopWelcome, sample_label);

  gtk_widget_class_install_action (widget_class, "welcome.create-group", NULL, create_group_action);
  gtk_widget_class_install_action (widget_class, "welcome.load-sample", NULL, load_sample_action);
}

static void
iop_welcome_init (IopWelcome *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
iop_welcome_new (IopStore *store)
{
  g_return_val_if_fail (IOP_IS_STORE (store), NULL);

  return g_object_new (IOP_TYPE_WELCOME, "store", store, NULL);
}
