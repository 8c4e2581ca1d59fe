/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "iop-application"

#include "config.h"

#include <glib/gi18n.h>

#include "iop-application.h"
#include "iop-cli.h"
#include "iop-frame-probe.h"
#include "iop-preferences-window.h"
#include "iop-import-dialog.h"
#include "iop-instrument-loader.h"
#include "iop-window.h"

extern GResource *iop_gui_get_resource (void);

struct _IopApplication
{
  AdwApplication  parent_instance;

  /* owned */
  GSettings      *settings;
  IopStore       *store;
};

G_DEFINE_FINAL_TYPE (IopApplication, iop_application, ADW_TYPE_APPLICATION)

static void
open_failed_response_cb (AdwMessageDialog *dialog,
                         const char       *response,
                         IopApplication   *self)
{
  g_application_quit (G_APPLICATION (self));
}

static void
show_open_error (IopApplication *self,
                 const GError   *error)
{
  GtkWidget *dialog;

  /* Over the window when the damage is found after it opened (the background check). */
  dialog = adw_message_dialog_new (gtk_application_get_active_window (GTK_APPLICATION (self)),
                                   _("Cannot Open the Program’s Records"),
                                   error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Quit"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  g_signal_connect (dialog, "response", G_CALLBACK (open_failed_response_cb), self);
  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
iop_application_quit_action (GSimpleAction *action,
                             GVariant      *parameter,
                             gpointer       user_data)
{
  IopApplication *self = user_data;
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (self));

  /* Closing the windows first lets them save their size. */
  for (GList *l = windows; l != NULL;)
    {
      GtkWindow *window = l->data;
      l = l->next;
      gtk_window_close (window);
    }
  g_application_quit (G_APPLICATION (self));
}

static void
iop_application_about_action (GSimpleAction *action,
                              GVariant      *parameter,
                              gpointer       user_data)
{
  IopApplication *self = user_data;
  static const char *developers[] = { "The Circle developers https://example.org/circle", NULL };
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", parent,
                        "application-name", _("Circle"),
                        "application-icon", APPLICATION_ID,
                        "developer-name", _("The Circle developers"),
                        "version", PACKAGE_VERSION,
                        "website", "https://example.org/circle",
                        "issue-url", "https://example.org/circle/issues",
                        "comments", _("Group therapy records for Intensive Outpatient Programs: rosters, sessions, treatment plans and group dynamics, kept on this computer."),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "copyright", _("© 2026 The Circle developers"),
                        "developers", developers,
                        /* Translators: your names, one per line, as they should appear in the About window */
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
iop_application_preferences_action (GSimpleAction *action,
                                    GVariant      *parameter,
                                    gpointer       user_data)
{
  IopApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  IopPreferencesWindow *preferences;

  preferences = iop_preferences_window_new (parent, self->settings, self->store);
  gtk_window_present (GTK_WINDOW (preferences));
}

static void
iop_application_import_plan_action (GSimpleAction *action,
                                    GVariant      *parameter,
                                    gpointer       user_data)
{
  IopApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (self->store != NULL)
    iop_import_plan_choose_file (parent, self->store);
}

static const GActionEntry app_actions[] = {
  { "quit", iop_application_quit_action },
  { "import-plan", iop_application_import_plan_action },
  { "about", iop_application_about_action },
  { "preferences", iop_application_preferences_action },
};

static int
iop_application_handle_local_options (GApplication *app,
                                      GVariantDict *options)
{
  int exit_status = 0;

  if (iop_cli_handle (app, options, &exit_status))
    return exit_status;

  return G_APPLICATION_CLASS (iop_application_parent_class)->handle_local_options (app, options);
}

static void
iop_application_startup (GApplication *app)
{
  IopApplication *self = IOP_APPLICATION (app);
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *new_accels[] = { "<Control>n", NULL };
  static const char *search_accels[] = { "<Control>f", NULL };
  static const char *close_accels[] = { "<Control>w", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };
  static const char *import_accels[] = { "<Control>i", NULL };

  g_resources_register (iop_gui_get_resource ());

  G_APPLICATION_CLASS (iop_application_parent_class)->startup (app);

  self->settings = g_settings_new (APPLICATION_ID);

  /* The rating instruments are read once, before anything scores a measure. */
  {
    g_autoptr(GPtrArray) refused = NULL;
    g_autoptr(GError) error = NULL;

    if (iop_instrument_registry_ensure_default (&refused, &error) == NULL)
      g_warning ("%s", error->message);
    for (guint i = 0; refused != NULL && i < refused->len; i++)
      g_warning ("Instrument definition refused: %s", (char *) g_ptr_array_index (refused, i));
  }

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.new-item", new_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.search", search_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "window.close", close_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences", preferences_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.import-plan", import_accels);
}

static void
integrity_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  GError *error = NULL;

  if (iop_store_check_integrity (task_data, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
integrity_checked_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  IopApplication *self = IOP_APPLICATION (object);
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    show_open_error (self, error);
}

/* The integrity check reads the whole file: on a large program that takes seconds,
 * so it runs on its own connection while the window is already in use. */
static void
check_integrity_in_background (IopApplication *self)
{
  g_autoptr(GTask) task = g_task_new (self, NULL, integrity_checked_cb, NULL);

  g_task_set_source_tag (task, check_integrity_in_background);
  g_task_set_task_data (task, g_strdup (iop_store_get_path (self->store)), g_free);
  g_task_run_in_thread (task, integrity_thread);
}

static void
first_paint_cb (GdkFrameClock  *clock,
                IopApplication *self)
{
  g_signal_handlers_disconnect_by_func (clock, first_paint_cb, self);
  check_integrity_in_background (self);
}

/* Wait for the first frame so the check does not compete with putting the window up. */
static void
window_realize_cb (GtkWidget      *window,
                   IopApplication *self)
{
  g_signal_connect_object (gtk_widget_get_frame_clock (window), "after-paint",
                           G_CALLBACK (first_paint_cb), self, 0);
}

static void
iop_application_activate (GApplication *app)
{
  IopApplication *self = IOP_APPLICATION (app);
  GtkWindow *window;

  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (window != NULL)
    {
      gtk_window_present (window);
      return;
    }

  if (self->store == NULL)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *default_path = NULL;
      const char *path = iop_cli_get_database_path ();

      if (path == NULL)
        path = default_path = iop_store_default_path ();

      self->store = iop_store_open_full (path, IOP_STORE_OPEN_DEFER_CHECK, &error);
      if (self->store == NULL)
        {
          show_open_error (self, error);
          return;
        }
      iop_cli_sign_in_from_environment (self->store);
    }

  window = GTK_WINDOW (iop_window_new (self, self->store));
  g_signal_connect_object (window, "realize", G_CALLBACK (window_realize_cb), self, 0);
  iop_frame_probe_attach (window);
  gtk_window_present (window);
}

static void
iop_application_shutdown (GApplication *app)
{
  IopApplication *self = IOP_APPLICATION (app);

  G_APPLICATION_CLASS (iop_application_parent_class)->shutdown (app);

  if (self->store != NULL)
    iop_store_close (self->store);
}

static void
iop_application_dispose (GObject *object)
{
  IopApplication *self = IOP_APPLICATION (object);

  g_clear_object (&self->store);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (iop_application_parent_class)->dispose (object);
}

static void
iop_application_class_init (IopApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = iop_application_dispose;

  app_class->handle_local_options = iop_application_handle_local_options;
  app_class->startup = iop_application_startup;
  app_class->activate = iop_application_activate;
  app_class->shutdown = iop_application_shutdown;
}

static void
iop_application_init (IopApplication *self)
{
  iop_cli_add_options (G_APPLICATION (self));
}

IopApplication *
iop_application_new (void)
{
  return g_object_new (IOP_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", "/org/example/iop",
                       NULL);
}

/**
 * iop_application_get_settings:
 * @self: an #IopApplication
 *
 * Returns: (transfer none) (nullable): the application's settings, once started
 */
GSettings *
iop_application_get_settings (IopApplication *self)
{
  g_return_val_if_fail (IOP_IS_APPLICATION (self), NULL);

  return self->settings;
}

/**
 * iop_application_get_store:
 * @self: an #IopApplication
 *
 * Returns: (transfer none) (nullable): the open store
 */
IopStore *
iop_application_get_store (IopApplication *self)
{
  g_return_val_if_fail (IOP_IS_APPLICATION (self), NULL);

  return self->store;
}
