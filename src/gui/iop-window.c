/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "iop-window"

#include "config.h"

#include <glib/gi18n.h>

#include "iop-goals-view.h"
#include "iop-cultural-view.h"
#include "iop-a11y.h"
#include "iop-groups-view.h"
#include "iop-participants-view.h"
#include "iop-reports-view.h"
#include "iop-sessions-view.h"
#include "iop-welcome.h"
#include "iop-window.h"

/*
 * Every area of the program is a view: a GtkWidget with a construct-only
 * "store" property and the widget actions "view.new" and "view.search".
 * A view may also have a "title" string property (shown in the header bar
 * while it is visible, for example the open group's name), a "subpage"
 * boolean property with a "view.back" action (the header's back button then
 * leaves the subpage), and a "new-label" string (the tooltip of the New
 * button). A new area is one line in this table.
 */
typedef struct
{
  const char *name;
  const char *title;
  const char *icon_name;
  GType     (*get_type) (void);
} IopViewInfo;

static const IopViewInfo views[] = {
  { "groups", N_("Groups"), "system-users-symbolic", iop_groups_view_get_type },
  { "participants", N_("Participants"), "avatar-default-symbolic", iop_participants_view_get_type },
  { "sessions", N_("Sessions"), "x-office-calendar-symbolic", iop_sessions_view_get_type },
  { "goals", N_("Goals"), "emblem-default-symbolic", iop_goals_view_get_type },
  { "cultural", N_("Cultural Notes"), "preferences-desktop-locale-symbolic", iop_cultural_view_get_type },
  { "reports", N_("Reports"), "x-office-spreadsheet-symbolic", iop_reports_view_get_type },
};

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

  /* owned */
  IopStore             *store;
  GSettings            *settings;

  gboolean              disposed;
};

G_DEFINE_FINAL_TYPE (IopWindow, iop_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

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

static void
update_main_page (IopWindow *self)
{
  const char *page = gtk_stack_get_visible_child_name (self->main_stack);

  if (iop_store_is_empty (self->store))
    {
      if (g_strcmp0 (page, "welcome") != 0)
        gtk_stack_set_visible_child_name (self->main_stack, "welcome");
    }
  else if (g_strcmp0 (page, "views") != 0)
    show_views (self);
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
  if (g_strcmp0 (kind, IOP_KIND_GROUP) == 0 || g_strcmp0 (kind, IOP_KIND_PARTICIPANT) == 0)
    update_main_page (self);
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

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "win.back", NULL);
}

static void
iop_window_init (IopWindow *self)
{
  g_type_ensure (IOP_TYPE_WELCOME);

  gtk_widget_init_template (GTK_WIDGET (self));
  iop_a11y_label_menu_button (self->menu_button, _("Main Menu"));
  iop_a11y_label_menu_button (self->welcome_menu_button, _("Main Menu"));

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
