/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "iop-window"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "iop-access.h"
#include "iop-audit-view.h"
#include "iop-backup.h"
#include "iop-goals-view.h"
#include "iop-cultural-view.h"
#include "iop-a11y.h"
#include "iop-groups-view.h"
#include "iop-participants-view.h"
#include "iop-reports-view.h"
#include "iop-sessions-view.h"
#include "iop-sign-in.h"
#include "iop-staff-view.h"
#include "iop-welcome.h"
#include "iop-window.h"

/*
 * Every area of the program is a view: a GtkWidget with a construct-only
 * "store" property and the widget actions "view.new" and "view.search".
 * A view may also have a "title" string property (shown in the header bar
 * while it is visible, for example the open group's name), a "subpage"
 * boolean property with a "view.back" action (the header's back button then
 * leaves the subpage), and a "new-label" string (the tooltip of the New
 * button). A new area is one line in this table; an area only some roles
 * may use names the permission it needs last (see update_actions()).
 */
typedef struct
{
  const char   *name;
  const char   *title;
  const char   *icon_name;
  GType       (*get_type) (void);
  IopPermission permission;
} IopViewInfo;

static const IopViewInfo views[] = {
  { "groups", N_("Groups"), "system-users-symbolic", iop_groups_view_get_type },
  { "participants", N_("Participants"), "avatar-default-symbolic", iop_participants_view_get_type },
  { "sessions", N_("Sessions"), "x-office-calendar-symbolic", iop_sessions_view_get_type },
  { "goals", N_("Goals"), "emblem-default-symbolic", iop_goals_view_get_type },
  { "cultural", N_("Cultural Notes"), "preferences-desktop-locale-symbolic", iop_cultural_view_get_type },
  { "reports", N_("Reports"), "x-office-spreadsheet-symbolic", iop_reports_view_get_type },
  { "audit", N_("Audit Log"), "document-open-recent-symbolic", iop_audit_view_get_type, IOP_PERMISSION_AUDIT_LOG },
  { "staff", N_("Staff"), "contact-new-symbolic", iop_staff_view_get_type, IOP_PERMISSION_MANAGE_STAFF },
};

/* Check for inactivity this often; lock after the lock-timeout-minutes setting. */
#define IDLE_CHECK_SECONDS 15
#define AUTO_BACKUP_CHECK_SECONDS 3600

struct _IopWindow
{
  AdwApplicationWindow  parent_instance;

  /* template widgets */
  AdwToastOverlay      *toast_overlay;
  GtkStack             *main_stack;
  GtkBox               *welcome_box;
  AdwLeaflet           *leaflet;
  GtkListBox           *sidebar_list;
  GtkButton            *back_button;
  GtkButton            *new_button;
  AdwWindowTitle       *content_title;
  GtkStack             *view_stack;
  GtkMenuButton        *menu_button;
  GtkMenuButton        *welcome_menu_button;

  /* borrowed */
  IopWelcome           *welcome;
  AdwToast             *last_toast;   /* weak */
  IopSignIn            *sign_in;
  IopSignIn            *lock_page;

  /* owned */
  IopStore             *store;
  GSettings            *settings;
  GPtrArray            *hidden_dialogs;   /* transient windows hidden while locked */
  GCancellable         *cancellable;

  gint64                last_activity;
  guint                 idle_source;
  guint                 backup_source;
  gboolean              setup_requested;
  gboolean              backup_hourly;
  gboolean              disposed;
};

G_DEFINE_FINAL_TYPE (IopWindow, iop_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void update_actions (IopWindow *self);

static const IopViewInfo *
find_view_info (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    if (g_strcmp0 (views[i].name, name) == 0)
      return &views[i];
  return NULL;
}

static GtkWidget *
visible_view (IopWindow *self)
{
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "views") != 0)
    return NULL;
  return gtk_stack_get_visible_child (self->view_stack);
}

static gboolean
view_has_subpage (GtkWidget *view)
{
  gboolean subpage = FALSE;

  if (view != NULL && g_object_class_find_property (G_OBJECT_GET_CLASS (view), "subpage") != NULL)
    g_object_get (view, "subpage", &subpage, NULL);
  return subpage;
}

static char *
view_dup_string (GtkWidget  *view,
                 const char *property)
{
  char *value = NULL;

  if (view != NULL && g_object_class_find_property (G_OBJECT_GET_CLASS (view), property) != NULL)
    g_object_get (view, property, &value, NULL);
  return value;
}

static void
update_header (IopWindow *self)
{
  GtkWidget *view;
  const char *name;
  const IopViewInfo *info;
  g_autofree char *title = NULL;
  g_autofree char *new_label = NULL;
  gboolean subpage;

  /* Views notify while the window is torn down, too. */
  if (self->disposed)
    return;

  view = gtk_stack_get_visible_child (self->view_stack);
  name = gtk_stack_get_visible_child_name (self->view_stack);
  info = find_view_info (name);
  title = view_dup_string (view, "title");
  new_label = view_dup_string (view, "new-label");
  subpage = view_has_subpage (view);

  if (title == NULL && info != NULL)
    title = g_strdup (_(info->title));
  adw_window_title_set_title (self->content_title, title != NULL ? title : "");

  gtk_widget_set_visible (GTK_WIDGET (self->back_button),
                          subpage || adw_leaflet_get_folded (self->leaflet));
  gtk_widget_set_visible (GTK_WIDGET (self->new_button), !subpage && new_label != NULL);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->new_button), new_label);
  if (new_label != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->new_button),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, new_label, -1);
}

static GtkWidget *
ensure_view (IopWindow  *self,
             const char *name)
{
  const IopViewInfo *info = find_view_info (name);
  GtkWidget *view;

  if (info == NULL)
    return NULL;

  view = gtk_stack_get_child_by_name (self->view_stack, name);
  if (view != NULL)
    return view;

  view = g_object_new (info->get_type (), "store", self->store, NULL);
  gtk_stack_add_named (self->view_stack, view, name);

  /* Views without these properties simply never emit the notifications. */
  g_signal_connect_object (view, "notify", G_CALLBACK (update_header), self, G_CONNECT_SWAPPED);
  return view;
}

static void
select_sidebar_row (IopWindow  *self,
                    const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    if (g_strcmp0 (views[i].name, name) == 0)
      {
        GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->sidebar_list, i);

        if (row != gtk_list_box_get_selected_row (self->sidebar_list))
          gtk_list_box_select_row (self->sidebar_list, row);
      }
}

static void
show_views (IopWindow *self)
{
  const char *name = "groups";
  g_autofree char *last = NULL;

  if (self->settings != NULL)
    {
      last = g_settings_get_string (self->settings, "last-view");
      if (find_view_info (last) != NULL)
        name = last;
    }

  gtk_stack_set_visible_child_name (self->main_stack, "views");
  iop_window_show_view (self, name);

  /* When narrow, start on the content rather than on the list of areas. */
  adw_leaflet_set_visible_child_name (self->leaflet, "content");
}

/* Who is at the desk decides the page: nobody signed in sees the sign-in (or,
 * on a brand-new database, the welcome page with the sample program and the
 * first administrator); a locked window shows only the lock page. */
static void signed_in_cb  (IopWindow *self);
static void signed_out_cb (IopWindow *self);

/* The sign-in and lock pages, each under a plain header bar, are built the
 * first time they are shown: a window opened signed in never pays for them. */
static IopSignIn *
ensure_sign_in_page (IopWindow *self,
                     gboolean   locked)
{
  IopSignIn **slot = locked ? &self->lock_page : &self->sign_in;
  GtkWidget *box, *header, *page;

  if (*slot != NULL)
    return *slot;

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  page = iop_sign_in_new (self->store);
  gtk_widget_add_css_class (header, "flat");
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), adw_window_title_new ("", NULL));
  gtk_box_append (GTK_BOX (box), header);
  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (GTK_BOX (box), page);
  g_signal_connect_object (page, "signed-in", G_CALLBACK (signed_in_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (page, "signed-out", G_CALLBACK (signed_out_cb), self, G_CONNECT_SWAPPED);
  gtk_stack_add_named (self->main_stack, box, locked ? "locked" : "sign-in");
  *slot = IOP_SIGN_IN (page);
  if (locked)
    iop_sign_in_set_mode (*slot, IOP_SIGN_IN_MODE_LOCKED);
  return *slot;
}

static void
update_main_page (IopWindow *self)
{
  const char *page = gtk_stack_get_visible_child_name (self->main_stack);
  const char *target;

  if (self->disposed)
    return;

  if (!iop_access_is_signed_in (self->store))
    {
      gboolean has_staff = iop_access_has_staff (self->store);

      if (!has_staff && iop_store_is_empty (self->store) && !self->setup_requested)
        target = "welcome";
      else
        {
          IopSignInMode mode = has_staff ? IOP_SIGN_IN_MODE_SIGN_IN : IOP_SIGN_IN_MODE_SETUP;

          IopSignIn *sign_in = ensure_sign_in_page (self, FALSE);

          if (g_strcmp0 (page, "sign-in") != 0 || iop_sign_in_get_mode (sign_in) != mode)
            iop_sign_in_set_mode (sign_in, mode);
          target = "sign-in";
        }
    }
  else if (iop_access_is_locked (self->store))
    {
      ensure_sign_in_page (self, TRUE);
      target = "locked";
    }
  else if (iop_store_is_empty (self->store))
    target = "welcome";
  else
    target = "views";

  if (g_strcmp0 (target, "views") == 0)
    {
      /* Back from the lock page: exactly where the person left off. */
      if (g_strcmp0 (page, "views") != 0 && g_strcmp0 (page, "locked") == 0
          && gtk_stack_get_visible_child (self->view_stack) != NULL)
        gtk_stack_set_visible_child_name (self->main_stack, "views");
      else if (g_strcmp0 (page, "views") != 0)
        show_views (self);
    }
  else if (g_strcmp0 (page, target) != 0)
    gtk_stack_set_visible_child_name (self->main_stack, target);

  update_actions (self);
}

static GtkWidget *
create_sidebar_row (const IopViewInfo *info)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *icon = gtk_image_new_from_icon_name (info->icon_name);
  GtkWidget *label = gtk_label_new (_(info->title));

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_widget_set_name (row, info->name);
  return row;
}

static void
sidebar_row_activated_cb (GtkListBox    *list,
                          GtkListBoxRow *row,
                          IopWindow     *self)
{
  iop_window_show_view (self, gtk_widget_get_name (GTK_WIDGET (row)));
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
store_changed_cb (IopWindow  *self,
                  const char *kind)
{
  if (g_strcmp0 (kind, IOP_KIND_GROUP) == 0 || g_strcmp0 (kind, IOP_KIND_PARTICIPANT) == 0
      || g_strcmp0 (kind, IOP_KIND_STAFF) == 0)
    update_main_page (self);
}

/* Access: roles, sign-in, lock */

/* The one place that decides what the signed-in staff member is offered: areas
 * and actions their role may not use are hidden, not just refused by the store. */
static void
update_actions (IopWindow *self)
{
  gboolean active = iop_access_is_signed_in (self->store) && !iop_access_is_locked (self->store);
  gboolean person = iop_store_get_actor (self->store) > 0;
  const char *name = gtk_stack_get_visible_child_name (self->view_stack);
  const IopViewInfo *info = find_view_info (name);

  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->sidebar_list, i);
      gboolean allowed = views[i].permission == IOP_PERMISSION_NONE
                         || iop_access_may (self->store, views[i].permission);

      if (row != NULL)
        gtk_widget_set_visible (GTK_WIDGET (row), allowed);
    }

  /* An area the role lost (after a role change) is left for the first one. */
  if (active && info != NULL && info->permission != IOP_PERMISSION_NONE
      && !iop_access_may (self->store, info->permission)
      && g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "views") == 0)
    iop_window_show_view (self, views[0].name);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-item", active);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.search", active);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.lock", active && person);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.sign-out", person);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.backup",
                                 active && iop_access_may (self->store, IOP_PERMISSION_BACKUP));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.restore",
                                 active && iop_access_may (self->store, IOP_PERMISSION_BACKUP));
}

/* Dialogs over the window show records too: hidden while locked, closed on sign-out. */
static void
hide_dialogs (IopWindow *self,
              gboolean   destroy)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    {
      GtkWindow *window = l->data;

      if (window == GTK_WINDOW (self) || gtk_window_get_transient_for (window) != GTK_WINDOW (self))
        continue;
      if (destroy)
        gtk_window_destroy (window);
      else if (gtk_widget_get_visible (GTK_WIDGET (window)))
        {
          gtk_widget_set_visible (GTK_WIDGET (window), FALSE);
          g_ptr_array_add (self->hidden_dialogs, g_object_ref (window));
        }
    }
  if (destroy)
    {
      for (guint i = 0; i < self->hidden_dialogs->len; i++)
        gtk_window_destroy (g_ptr_array_index (self->hidden_dialogs, i));
      g_ptr_array_set_size (self->hidden_dialogs, 0);
    }
}

/* After a sign-out nothing of the last person's work may show to the next. */
static void
forget_views (IopWindow *self)
{
  GtkWidget *child;

  hide_dialogs (self, TRUE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->view_stack))) != NULL)
    gtk_stack_remove (self->view_stack, child);
}

static void
signed_in_cb (IopWindow *self)
{
  self->setup_requested = FALSE;
  self->last_activity = g_get_monotonic_time ();

  /* Unlocked: the dialogs come back as they were. */
  for (guint i = 0; i < self->hidden_dialogs->len; i++)
    gtk_window_present (g_ptr_array_index (self->hidden_dialogs, i));
  g_ptr_array_set_size (self->hidden_dialogs, 0);

  update_main_page (self);
}

static void
signed_out_cb (IopWindow *self)
{
  forget_views (self);
  update_main_page (self);
}

static void
activity_cb (IopWindow *self)
{
  self->last_activity = g_get_monotonic_time ();
}

static gboolean
idle_check_cb (gpointer user_data)
{
  IopWindow *self = user_data;

  iop_window_check_idle (self, g_get_monotonic_time ());
  return G_SOURCE_CONTINUE;
}

static void
auto_backup_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  const char *path = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(IopStore) store = NULL;
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *folder = g_build_filename (dir, "backups", NULL);
  gint64 interval = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (task), "interval"));
  gint64 keep = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (task), "keep"));
  g_autofree char *made = NULL;

  /* The window's connection belongs to the main thread: the backup takes its own. */
  store = iop_store_open (path, &error);
  if (store != NULL)
    made = iop_backup_run_automatic (store, folder, interval, keep, &error);
  if (error != NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, made != NULL);
}

static void
auto_backup_done_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error) && error != NULL
      && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_autofree char *message = g_strdup_printf (_("The automatic backup failed: %s"), error->message);

      iop_window_add_toast (IOP_WINDOW (object), adw_toast_new (message));
    }
}

static void auto_backup_run (IopWindow *self,
                             int        interval);

static gboolean
auto_backup_cb (gpointer user_data)
{
  IopWindow *self = user_data;
  int interval;

  if (self->settings == NULL)
    return G_SOURCE_CONTINUE;
  interval = g_settings_get_int (self->settings, "backup-interval-hours");
  if (interval <= 0)
    return G_SOURCE_CONTINUE;

  /* The first check runs a minute after start; then hourly. */
  if (self->backup_source != 0 && !self->backup_hourly)
    {
      self->backup_hourly = TRUE;
      self->backup_source = g_timeout_add_seconds (AUTO_BACKUP_CHECK_SECONDS, auto_backup_cb, self);
      auto_backup_run (self, interval);
      return G_SOURCE_REMOVE;
    }
  auto_backup_run (self, interval);
  return G_SOURCE_CONTINUE;
}

static void
auto_backup_run (IopWindow *self,
                 int        interval)
{
  g_autoptr(GTask) task = NULL;

  task = g_task_new (self, self->cancellable, auto_backup_done_cb, NULL);
  g_task_set_source_tag (task, auto_backup_cb);
  g_task_set_task_data (task, g_strdup (iop_store_get_path (self->store)), g_free);
  g_object_set_data (G_OBJECT (task), "interval", GINT_TO_POINTER (interval));
  g_object_set_data (G_OBJECT (task), "keep", GINT_TO_POINTER (g_settings_get_int (self->settings, "backups-kept")));
  g_task_run_in_thread (task, auto_backup_thread);
}

static void
lock_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  iop_window_lock (IOP_WINDOW (widget));
}

static void
sign_out_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  IopWindow *self = IOP_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (!iop_access_sign_out (self->store, &error))
    {
      iop_window_add_toast (self, adw_toast_new (error->message));
      return;
    }
  signed_out_cb (self);
}

static void
setup_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  IopWindow *self = IOP_WINDOW (widget);

  self->setup_requested = TRUE;
  update_main_page (self);
}

static void
free_secret (gpointer secret)
{
  if (secret != NULL)
    explicit_bzero (secret, strlen (secret));
  g_free (secret);
}

static void
backup_response_cb (GtkNativeDialog *chooser,
                    int              response,
                    IopWindow       *self)
{
  const char *passphrase = g_object_get_data (G_OBJECT (chooser), "passphrase");
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);

      if (!iop_window_write_backup (self, path, passphrase, &error))
        iop_window_show_error (self, _("Backup Failed"), error->message);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

/* Either no passphrase (a plain backup) or the same one twice, long enough. */
static void
backup_passphrases_changed_cb (AdwMessageDialog *dialog)
{
  const char *first = gtk_editable_get_text (g_object_get_data (G_OBJECT (dialog), "first"));
  const char *again = gtk_editable_get_text (g_object_get_data (G_OBJECT (dialog), "again"));
  GtkWidget *hint = g_object_get_data (G_OBJECT (dialog), "hint");
  gboolean plain = *first == '\0' && *again == '\0';
  gboolean long_enough = g_utf8_strlen (first, -1) >= IOP_PASSPHRASE_MIN_LENGTH;
  gboolean same = g_strcmp0 (first, again) == 0;

  adw_message_dialog_set_response_enabled (dialog, "choose", plain || (long_enough && same));
  if (plain)
    gtk_label_set_text (GTK_LABEL (hint), _("Without a passphrase the backup is not encrypted: keep it where only the program's staff can reach it."));
  else if (!long_enough)
    {
      g_autofree char *text = g_strdup_printf (ngettext ("The passphrase needs at least %d character.",
                                                         "The passphrase needs at least %d characters.",
                                                         IOP_PASSPHRASE_MIN_LENGTH),
                                               IOP_PASSPHRASE_MIN_LENGTH);

      gtk_label_set_text (GTK_LABEL (hint), text);
    }
  else if (!same)
    gtk_label_set_text (GTK_LABEL (hint), _("The two passphrases are not the same."));
  else
    gtk_label_set_text (GTK_LABEL (hint), _("The backup will be encrypted. Without this passphrase it cannot be restored: keep it safe."));
}

static void
backup_passphrase_response_cb (AdwMessageDialog *dialog,
                               const char       *response,
                               IopWindow        *self)
{
  GtkEditable *first = g_object_get_data (G_OBJECT (dialog), "first");
  GtkEditable *again = g_object_get_data (G_OBJECT (dialog), "again");
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *name = NULL;
  GtkFileChooserNative *chooser;
  char *passphrase = NULL;

  if (g_strcmp0 (response, "choose") == 0 && *gtk_editable_get_text (first) != '\0')
    passphrase = g_strdup (gtk_editable_get_text (first));
  /* The rows go with the dialog: nothing may ask them for their text then. */
  g_signal_handlers_disconnect_by_func (first, backup_passphrases_changed_cb, dialog);
  g_signal_handlers_disconnect_by_func (again, backup_passphrases_changed_cb, dialog);
  gtk_editable_set_text (first, "");
  gtk_editable_set_text (again, "");
  /* A focused passphrase entry destroyed with its dialog is still told of
   * caps-lock changes (GTK 4.8): let go of the focus first. */
  gtk_window_set_focus (GTK_WINDOW (dialog), NULL);
  if (g_strcmp0 (response, "choose") != 0)
    return;

  name = g_date_time_format (now, passphrase != NULL ? "circle-%Y-%m-%d.backup.sealed" : "circle-%Y-%m-%d.backup");
  chooser = gtk_file_chooser_native_new (_("Back Up the Database"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Back Up"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_object_set_data_full (G_OBJECT (chooser), "passphrase", passphrase, free_secret);
  g_signal_connect (chooser, "response", G_CALLBACK (backup_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* First an optional passphrase, entered twice, then the file. */
static void
backup_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  IopWindow *self = IOP_WINDOW (widget);
  AdwMessageDialog *dialog;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *first = adw_password_entry_row_new ();
  GtkWidget *again = adw_password_entry_row_new ();
  GtkWidget *hint = gtk_label_new (NULL);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Back Up the Database"),
                                                       _("A passphrase encrypts the backup, for a copy kept off site. Leave it empty for a plain backup.")));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (first), _("Backup Passphrase (Optional)"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (again), _("Backup Passphrase Again"));
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_list_box_append (GTK_LIST_BOX (list), first);
  gtk_list_box_append (GTK_LIST_BOX (list), again);
  gtk_label_set_wrap (GTK_LABEL (hint), TRUE);
  gtk_label_set_xalign (GTK_LABEL (hint), 0.0);
  gtk_widget_add_css_class (hint, "dim-label");
  gtk_accessible_update_relation (GTK_ACCESSIBLE (first), GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, hint, NULL, -1);
  gtk_box_append (GTK_BOX (box), list);
  gtk_box_append (GTK_BOX (box), hint);
  adw_message_dialog_set_extra_child (dialog, box);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "choose", _("_Choose File…"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "choose", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "choose");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data (G_OBJECT (dialog), "first", first);
  g_object_set_data (G_OBJECT (dialog), "again", again);
  g_object_set_data (G_OBJECT (dialog), "hint", hint);
  g_signal_connect_swapped (first, "changed", G_CALLBACK (backup_passphrases_changed_cb), dialog);
  g_signal_connect_swapped (again, "changed", G_CALLBACK (backup_passphrases_changed_cb), dialog);
  g_signal_connect (dialog, "response", G_CALLBACK (backup_passphrase_response_cb), self);
  backup_passphrases_changed_cb (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
restore_confirm_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    IopWindow        *self)
{
  const char *path = g_object_get_data (G_OBJECT (dialog), "path");
  g_autoptr(GError) error = NULL;
  g_autofree char *aside = NULL;

  if (g_strcmp0 (response, "restore") != 0)
    return;

  hide_dialogs (self, TRUE);
  if (!iop_backup_restore (self->store, path, g_object_get_data (G_OBJECT (dialog), "passphrase"),
                           &aside, &error))
    {
      iop_window_show_error (self, _("Nothing Was Restored"), error->message);
      return;
    }
  forget_views (self);
  update_main_page (self);
  {
    g_autofree char *name = g_path_get_basename (aside);
    g_autofree char *message = g_strdup_printf (_("Restored. The replaced database is kept as “%s”."), name);

    iop_window_add_toast (self, adw_toast_new (message));
  }
}


static void check_backup (IopWindow  *self,
                          const char *path,
                          const char *passphrase);

static void
backup_passphrase_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      IopWindow        *self)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "entry");
  g_autofree char *passphrase = NULL;

  /* As for the backup passphrase: let go of the focused entry before the
   * dialog is destroyed (GTK 4.8 still tells it of caps-lock changes). */
  gtk_window_set_focus (GTK_WINDOW (dialog), NULL);
  if (g_strcmp0 (response, "open") != 0)
    return;
  passphrase = g_strdup (gtk_editable_get_text (entry));
  gtk_editable_set_text (entry, "");
  check_backup (self, g_object_get_data (G_OBJECT (dialog), "path"), passphrase);
  explicit_bzero (passphrase, strlen (passphrase));
}

/* Proves the backup whole before asking anything; an encrypted one asks for
 * its passphrase first. */
static void
check_backup (IopWindow  *self,
              const char *path,
              const char *passphrase)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) report = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) body = NULL;
  AdwMessageDialog *dialog;

  if (!iop_backup_verify_file (path, passphrase, report, &error))
    {
      if (g_error_matches (error, IOP_BACKUP_ERROR, IOP_BACKUP_ERROR_NEEDS_PASSPHRASE)
          || g_error_matches (error, IOP_BACKUP_ERROR, IOP_BACKUP_ERROR_WRONG_PASSPHRASE))
        {
          GtkWidget *list = gtk_list_box_new ();
          GtkWidget *entry = adw_password_entry_row_new ();

          dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Encrypted Backup"), error->message));
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (entry), _("Backup Passphrase"));
          gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
          gtk_widget_add_css_class (list, "boxed-list");
          gtk_list_box_append (GTK_LIST_BOX (list), entry);
          adw_message_dialog_set_extra_child (dialog, list);
          adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "open", _("_Check Backup"), NULL);
          adw_message_dialog_set_response_appearance (dialog, "open", ADW_RESPONSE_SUGGESTED);
          g_object_set_data (G_OBJECT (dialog), "entry", entry);
          g_object_set_data_full (G_OBJECT (dialog), "path", g_strdup (path), g_free);
          g_signal_connect (dialog, "response", G_CALLBACK (backup_passphrase_cb), self);
          gtk_window_present (GTK_WINDOW (dialog));
        }
      else
        iop_window_show_error (self, _("This Backup Cannot Be Restored"), error->message);
      return;
    }

  body = g_string_new (_("The backup passed every check:"));
  for (guint i = 0; i < report->len; i++)
    g_string_append_printf (body, "\n%s", (char *) g_ptr_array_index (report, i));
  g_string_append (body, "\n\n");
  g_string_append (body, _("Restoring replaces everything in Circle with the backup. Work done since the backup was made stays in the replaced database, which is kept next to it."));

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Restore This Backup?"), body->str));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "restore", _("_Restore"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "restore", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "path", g_strdup (path), g_free);
  g_object_set_data_full (G_OBJECT (dialog), "passphrase", g_strdup (passphrase), free_secret);
  g_signal_connect (dialog, "response", G_CALLBACK (restore_confirm_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
restore_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     IopWindow       *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);

      check_backup (self, path, NULL);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
restore_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  IopWindow *self = IOP_WINDOW (widget);
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Restore from a Backup"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Check and Restore…"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (restore_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
new_item_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  IopWindow *self = IOP_WINDOW (widget);
  GtkWidget *view = visible_view (self);

  if (view != NULL)
    gtk_widget_activate_action (view, "view.new", NULL);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  IopWindow *self = IOP_WINDOW (widget);
  GtkWidget *view = visible_view (self);

  if (view != NULL)
    {
      adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
      gtk_widget_activate_action (view, "view.search", NULL);
    }
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  IopWindow *self = IOP_WINDOW (widget);
  GtkWidget *view = visible_view (self);

  if (view_has_subpage (view))
    gtk_widget_activate_action (view, "view.back", NULL);
  else
    adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static gboolean
iop_window_close_request (GtkWindow *window)
{
  IopWindow *self = IOP_WINDOW (window);

  if (self->settings != NULL)
    {
      int width, height;

      gtk_window_get_default_size (window, &width, &height);
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
      g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
    }

  return GTK_WINDOW_CLASS (iop_window_parent_class)->close_request (window);
}

static void
iop_window_constructed (GObject *object)
{
  IopWindow *self = IOP_WINDOW (object);

  G_OBJECT_CLASS (iop_window_parent_class)->constructed (object);

  g_assert (IOP_IS_STORE (self->store));

  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    gtk_list_box_append (self->sidebar_list, create_sidebar_row (&views[i]));

  self->welcome = g_object_new (IOP_TYPE_WELCOME, "store", self->store, "vexpand", TRUE, NULL);
  gtk_box_append (self->welcome_box, GTK_WIDGET (self->welcome));

  /* Any key, click or pointer movement counts as activity. */
  {
    GtkEventController *keys = gtk_event_controller_key_new ();
    GtkEventController *motion = gtk_event_controller_motion_new ();
    GtkGesture *click = gtk_gesture_click_new ();

    gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
    gtk_event_controller_set_propagation_phase (motion, GTK_PHASE_CAPTURE);
    gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
    g_signal_connect_object (keys, "key-pressed", G_CALLBACK (activity_cb), self, G_CONNECT_SWAPPED);
    g_signal_connect_object (motion, "motion", G_CALLBACK (activity_cb), self, G_CONNECT_SWAPPED);
    g_signal_connect_object (click, "pressed", G_CALLBACK (activity_cb), self, G_CONNECT_SWAPPED);
    gtk_widget_add_controller (GTK_WIDGET (self), keys);
    gtk_widget_add_controller (GTK_WIDGET (self), motion);
    gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  }
  self->last_activity = g_get_monotonic_time ();
  self->idle_source = g_timeout_add_seconds (IDLE_CHECK_SECONDS, idle_check_cb, self);

  g_signal_connect_object (self->store, "changed", G_CALLBACK (store_changed_cb),
                           self, G_CONNECT_SWAPPED);
}

static void
iop_window_dispose (GObject *object)
{
  IopWindow *self = IOP_WINDOW (object);

  self->disposed = TRUE;
  if (self->last_toast != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->last_toast), (gpointer *) &self->last_toast);
  self->last_toast = NULL;
  g_clear_handle_id (&self->idle_source, g_source_remove);
  g_clear_handle_id (&self->backup_source, g_source_remove);
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->hidden_dialogs, g_ptr_array_unref);
  g_clear_object (&self->settings);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (iop_window_parent_class)->dispose (object);
}

static void
iop_window_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  IopWindow *self = IOP_WINDOW (object);

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
iop_window_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  IopWindow *self = IOP_WINDOW (object);

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
iop_window_class_init (IopWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = iop_window_constructed;
  object_class->dispose = iop_window_dispose;
  object_class->get_property = iop_window_get_property;
  object_class->set_property = iop_window_set_property;

  window_class->close_request = iop_window_close_request;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         IOP_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/iop/iop-window.ui");
  gtk_widget_class_bind_template_child (widget_class, IopWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, IopWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, IopWindow, welcome_box);
  gtk_widget_class_bind_template_child (widget_class, IopWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, IopWindow, sidebar_list);
  gtk_widget_class_bind_template_child (widget_class, IopWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, IopWindow, new_button);
  gtk_widget_class_bind_template_child (widget_class, IopWindow, content_title);
  gtk_widget_class_bind_template_child (widget_class, IopWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, IopWindow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, IopWindow, welcome_menu_button);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_row_activated_cb);

  gtk_widget_class_install_action (widget_class, "win.new-item", NULL, new_item_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "win.lock", NULL, lock_action);
  gtk_widget_class_install_action (widget_class, "win.sign-out", NULL, sign_out_action);
  gtk_widget_class_install_action (widget_class, "win.setup", NULL, setup_action);
  gtk_widget_class_install_action (widget_class, "win.backup", NULL, backup_action);
  gtk_widget_class_install_action (widget_class, "win.restore", NULL, restore_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "win.back", NULL);
}

static void
iop_window_init (IopWindow *self)
{
  g_type_ensure (IOP_TYPE_WELCOME);

  gtk_widget_init_template (GTK_WIDGET (self));
  iop_a11y_label_menu_button (self->menu_button, _("Main Menu"));
  iop_a11y_label_menu_button (self->welcome_menu_button, _("Main Menu"));

  self->hidden_dialogs = g_ptr_array_new_with_free_func (g_object_unref);
  self->cancellable = g_cancellable_new ();

  g_signal_connect_object (self->leaflet, "notify::folded", G_CALLBACK (update_header),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->view_stack, "notify::visible-child", G_CALLBACK (update_header),
                           self, G_CONNECT_SWAPPED);
}

/**
 * iop_window_new:
 * @application: (nullable): the application, or %NULL in tests
 * @store: the open store
 *
 * Returns: (transfer full): a new window showing @store's program
 */
IopWindow *
iop_window_new (IopApplication *application,
                IopStore       *store)
{
  IopWindow *self;
  GSettings *settings = NULL;

  g_return_val_if_fail (application == NULL || IOP_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (IOP_IS_STORE (store), NULL);

  self = g_object_new (IOP_TYPE_WINDOW,
                       "application", application,
                       "store", store,
                       NULL);

  if (application != NULL)
    settings = iop_application_get_settings (application);
  if (settings != NULL)
    {
      self->settings = g_object_ref (settings);
      gtk_window_set_default_size (GTK_WINDOW (self),
                                   g_settings_get_int (settings, "window-width"),
                                   g_settings_get_int (settings, "window-height"));
      if (g_settings_get_boolean (settings, "window-maximized"))
        gtk_window_maximize (GTK_WINDOW (self));

      /* Automatic backups: once shortly after start, then hourly when due. */
      self->backup_source = g_timeout_add_seconds (60, auto_backup_cb, self);
    }

  update_main_page (self);
  return self;
}

/**
 * iop_window_get_store:
 * @self: an #IopWindow
 *
 * Returns: (transfer none): the window's store
 */
IopStore *
iop_window_get_store (IopWindow *self)
{
  g_return_val_if_fail (IOP_IS_WINDOW (self), NULL);

  return self->store;
}

/**
 * iop_window_show_view:
 * @self: an #IopWindow
 * @name: a view's name from the table of views, such as "groups"
 *
 * Shows the view, creating it the first time, and remembers it for the next start.
 */
void
iop_window_show_view (IopWindow  *self,
                      const char *name)
{
  GtkWidget *view;

  g_return_if_fail (IOP_IS_WINDOW (self));

  view = ensure_view (self, name);
  if (view == NULL)
    {
      g_warning ("No view named “%s”", name);
      return;
    }

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "views") != 0)
    gtk_stack_set_visible_child_name (self->main_stack, "views");
  gtk_stack_set_visible_child (self->view_stack, view);
  select_sidebar_row (self, name);
  update_header (self);

  if (self->settings != NULL)
    g_settings_set_string (self->settings, "last-view", name);
}

/**
 * iop_window_get_view:
 * @self: an #IopWindow
 * @name: a view's name
 *
 * Returns: (transfer none) (nullable): the view, created if needed
 */
GtkWidget *
iop_window_get_view (IopWindow  *self,
                     const char *name)
{
  g_return_val_if_fail (IOP_IS_WINDOW (self), NULL);

  return ensure_view (self, name);
}

/**
 * iop_window_get_visible_view:
 * @self: an #IopWindow
 *
 * Returns: (nullable): the name of the visible view, or %NULL on the welcome page
 */
const char *
iop_window_get_visible_view (IopWindow *self)
{
  g_return_val_if_fail (IOP_IS_WINDOW (self), NULL);

  if (visible_view (self) == NULL)
    return NULL;
  return gtk_stack_get_visible_child_name (self->view_stack);
}

/**
 * iop_window_get_visible_page:
 * @self: an #IopWindow
 *
 * Returns: "welcome" on first start, "views" otherwise
 */
const char *
iop_window_get_visible_page (IopWindow *self)
{
  g_return_val_if_fail (IOP_IS_WINDOW (self), NULL);

  return gtk_stack_get_visible_child_name (self->main_stack);
}

/**
 * iop_window_add_toast:
 * @self: an #IopWindow
 * @toast: (transfer full): a toast
 */
void
iop_window_add_toast (IopWindow *self,
                      AdwToast  *toast)
{
  g_return_if_fail (IOP_IS_WINDOW (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  if (self->last_toast != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->last_toast), (gpointer *) &self->last_toast);
  self->last_toast = toast;
  g_object_add_weak_pointer (G_OBJECT (toast), (gpointer *) &self->last_toast);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/**
 * iop_window_get_last_toast:
 * @self: an #IopWindow
 *
 * For tests: the toast shown last, while it is still shown or queued.
 *
 * Returns: (transfer none) (nullable): the toast
 */
AdwToast *
iop_window_get_last_toast (IopWindow *self)
{
  g_return_val_if_fail (IOP_IS_WINDOW (self), NULL);

  return self->last_toast;
}

/**
 * iop_window_dup_view_names:
 * @self: an #IopWindow
 *
 * Returns: (transfer full): the names of every view, in the sidebar's order
 */
GStrv
iop_window_dup_view_names (IopWindow *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (IOP_IS_WINDOW (self), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    g_strv_builder_add (builder, views[i].name);
  return g_strv_builder_end (builder);
}

void
iop_window_show_participant (IopWindow *self,
                             gint64     participant_id)
{
  g_return_if_fail (IOP_IS_WINDOW (self));

  iop_window_show_view (self, "participants");
  iop_participants_view_show_participant (IOP_PARTICIPANTS_VIEW (ensure_view (self, "participants")),
                                          participant_id);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

void
iop_window_show_group (IopWindow *self,
                       gint64     group_id)
{
  g_return_if_fail (IOP_IS_WINDOW (self));

  iop_window_show_view (self, "groups");
  iop_groups_view_show_group (IOP_GROUPS_VIEW (ensure_view (self, "groups")), group_id);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

/**
 * iop_widget_add_toast:
 * @widget: a widget in an #IopWindow, or in a dialog transient for one
 * @message: the toast's text
 *
 * Shows a passing message in the main window.
 */
void
iop_widget_add_toast (GtkWidget  *widget,
                      const char *message)
{
  GtkRoot *root;
  GtkWindow *window;

  g_return_if_fail (GTK_IS_WIDGET (widget));

  root = gtk_widget_get_root (widget);
  window = GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
  while (window != NULL && !IOP_IS_WINDOW (window))
    window = gtk_window_get_transient_for (window);

  if (window != NULL)
    iop_window_add_toast (IOP_WINDOW (window), adw_toast_new (message));
}

/**
 * iop_window_get_welcome:
 * @self: an #IopWindow
 *
 * Returns: (transfer none): the first-start page, with its "welcome.*" actions
 */
GtkWidget *
iop_window_get_welcome (IopWindow *self)
{
  g_return_val_if_fail (IOP_IS_WINDOW (self), NULL);

  return GTK_WIDGET (self->welcome);
}

/**
 * iop_window_lock:
 * @self: an #IopWindow
 *
 * Hides the records behind the lock page until the signed-in staff member
 * enters their passphrase; everything open stays as it was.
 */
void
iop_window_lock (IopWindow *self)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (IOP_IS_WINDOW (self));

  if (iop_store_get_actor (self->store) <= 0 || iop_access_is_locked (self->store))
    return;
  if (!iop_access_lock (self->store, &error))
    {
      iop_window_add_toast (self, adw_toast_new (error->message));
      return;
    }
  hide_dialogs (self, FALSE);
  iop_sign_in_set_mode (ensure_sign_in_page (self, TRUE), IOP_SIGN_IN_MODE_LOCKED);
  update_main_page (self);
}

/**
 * iop_window_check_idle:
 * @self: an #IopWindow
 * @now: monotonic time, in microseconds
 *
 * Locks the window when nothing happened in it for the lock-timeout-minutes
 * setting (10 minutes when the window has no settings).
 */
void
iop_window_check_idle (IopWindow *self,
                       gint64     now)
{
  int minutes = 10;

  g_return_if_fail (IOP_IS_WINDOW (self));

  if (self->settings != NULL)
    minutes = g_settings_get_int (self->settings, "lock-timeout-minutes");
  if (iop_access_idle_expired (self->last_activity, now, MAX (minutes, 0)))
    iop_window_lock (self);
}

/**
 * iop_window_get_sign_in:
 * @self: an #IopWindow
 * @locked: %TRUE for the lock page, %FALSE for the sign-in page
 *
 * Returns: (transfer none): the page
 */
GtkWidget *
iop_window_get_sign_in (IopWindow *self,
                        gboolean   locked)
{
  g_return_val_if_fail (IOP_IS_WINDOW (self), NULL);

  return GTK_WIDGET (ensure_sign_in_page (self, locked));
}

/**
 * iop_window_is_view_offered:
 * @self: an #IopWindow
 * @name: a view's name
 *
 * Returns: %TRUE when the sidebar offers the view to the signed-in staff member
 */
gboolean
iop_window_is_view_offered (IopWindow  *self,
                            const char *name)
{
  g_return_val_if_fail (IOP_IS_WINDOW (self), FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    if (g_strcmp0 (views[i].name, name) == 0)
      {
        GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->sidebar_list, i);
        return row != NULL && gtk_widget_get_visible (GTK_WIDGET (row));
      }
  return FALSE;
}

/**
 * iop_window_show_error:
 * @self: an #IopWindow
 * @heading: what failed
 * @message: why, and what to do
 *
 * For errors a person must act on.
 */
void
iop_window_show_error (IopWindow  *self,
                       const char *heading,
                       const char *message)
{
  GtkWidget *dialog;

  g_return_if_fail (IOP_IS_WINDOW (self));

  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * iop_window_write_backup:
 * @self: an #IopWindow
 * @path: the backup file to write
 * @passphrase: (nullable): encrypts the backup when given
 * @error: return location for a #GError
 *
 * Backs up the database as win.back-up does once the file is chosen, and
 * says so in a toast.
 *
 * Returns: %TRUE when written
 */
gboolean
iop_window_write_backup (IopWindow   *self,
                         const char  *path,
                         const char  *passphrase,
                         GError     **error)
{
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;

  g_return_val_if_fail (IOP_IS_WINDOW (self), FALSE);

  if (!iop_backup_write (self->store, path, passphrase != NULL && *passphrase ? passphrase : NULL, error))
    return FALSE;
  name = g_path_get_basename (path);
  message = passphrase != NULL && *passphrase ? g_strdup_printf (_("Backed up and encrypted to “%s”"), name)
                                              : g_strdup_printf (_("Backed up to “%s”"), name);
  iop_window_add_toast (self, adw_toast_new (message));
  return TRUE;
}
