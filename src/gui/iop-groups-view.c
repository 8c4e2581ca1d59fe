/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "iop-groups-view"

#include "config.h"

#include <glib/gi18n.h>

#include "iop-group-editor.h"
#include "iop-group-row.h"
#include "iop-groups-view.h"
#include "iop-store-people.h"
#include "iop-window.h"

struct _IopGroupsView
{
  AdwBin              parent_instance;

  /* template widgets */
  GtkStack           *stack;
  GtkStack           *list_stack;
  GtkLabel           *count_label;
  GtkCheckButton     *archived_check;
  GtkListView        *list_view;
  AdwStatusPage      *empty_page;
  GtkWidget          *show_archived_button;
  IopGroupPage       *group_page;

  /* owned */
  IopStore           *store;
  GtkSingleSelection *selection;
  GHashTable         *staff_names;   /* gint64* → full name */
};

G_DEFINE_FINAL_TYPE (IopGroupsView, iop_groups_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  PROP_TITLE,
  PROP_SUBPAGE,
  PROP_NEW_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
reload_staff (IopGroupsView *self)
{
  g_autoptr(GListModel) staff = iop_store_list_staff (self->store, NULL);

  g_hash_table_remove_all (self->staff_names);
  for (guint i = 0; staff != NULL && i < g_list_model_get_n_items (staff); i++)
    {
      g_autoptr(IopStaff) member = g_list_model_get_item (staff, i);
      gint64 *id = g_new (gint64, 1);

      *id = iop_staff_get_id (member);
      g_hash_table_insert (self->staff_names, id, g_strdup (iop_staff_get_full_name (member)));
    }
}

/* With only archived groups left, the next step may be to look at them. */
static void
update_empty_page (IopGroupsView *self)
{
  g_autoptr(GListModel) all = iop_store_list_groups (self->store, TRUE, NULL);
  gboolean has_archived = all != NULL && g_list_model_get_n_items (all) > 0;

  adw_status_page_set_title (self->empty_page, has_archived ? _("No Current Groups") : _("No Groups Yet"));
  adw_status_page_set_description (self->empty_page,
                                   has_archived
                                   ? _("Every group has been archived. Create a new group, or show the archived ones.")
                                   : _("Create a group to keep its roster, schedule and sessions."));
  gtk_widget_set_visible (self->show_archived_button, has_archived);
}

static void
reload (IopGroupsView *self)
{
  g_autoptr(GListModel) groups = NULL;
  g_autoptr(GError) error = NULL;
  gboolean archived = gtk_check_button_get_active (self->archived_check);
  guint n;
  g_autofree char *count = NULL;

  reload_staff (self);

  groups = iop_store_list_groups (self->store, archived, &error);
  if (groups == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Could not list the groups: %s"), error->message);

      iop_widget_add_toast (GTK_WIDGET (self), message);
      groups = G_LIST_MODEL (g_list_store_new (IOP_TYPE_GROUP));
    }

  gtk_single_selection_set_model (self->selection, groups);

  n = g_list_model_get_n_items (groups);
  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u group", "%u groups", n), n);
  gtk_label_set_text (self->count_label, count);
  gtk_stack_set_visible_child_name (self->list_stack, n > 0 || archived ? "groups" : "empty");
  if (n == 0 && !archived)
    update_empty_page (self);
}

static void
store_changed_cb (IopGroupsView *self,
                  const char    *kind)
{
  if (g_strcmp0 (kind, IOP_KIND_GROUP) == 0
      || g_strcmp0 (kind, IOP_KIND_ENROLLMENT) == 0
      || g_strcmp0 (kind, IOP_KIND_STAFF) == 0
      || g_strcmp0 (kind, IOP_KIND_PARTICIPANT) == 0)
    reload (self);
}

static void
archived_toggled_cb (IopGroupsView *self)
{
  reload (self);
}

static void
list_activate_cb (IopGroupsView *self,
                  guint          position)
{
  g_autoptr(IopGroup) group = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  if (group != NULL)
    iop_groups_view_show_group (self, iop_group_get_id (group));
}

static void
group_page_title_cb (IopGroupsView *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              IopGroupsView            *self)
{
  gtk_list_item_set_child (item, iop_group_row_new ());
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             IopGroupsView            *self)
{
  IopGroup *group = gtk_list_item_get_item (item);
  gint64 facilitator = iop_group_get_facilitator_id (group);

  iop_group_row_set_group (IOP_GROUP_ROW (gtk_list_item_get_child (item)), group,
                           g_hash_table_lookup (self->staff_names, &facilitator));
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  IopGroupsView *self = IOP_GROUPS_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  IopGroupEditor *editor = iop_group_editor_new (self->store, NULL);

  gtk_window_set_transient_for (GTK_WINDOW (editor), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
show_archived_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  iop_groups_view_set_show_archived (IOP_GROUPS_VIEW (widget), TRUE);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  iop_groups_view_show_list (IOP_GROUPS_VIEW (widget));
}

static void
iop_groups_view_constructed (GObject *object)
{
  IopGroupsView *self = IOP_GROUPS_VIEW (object);

  G_OBJECT_CLASS (iop_groups_view_parent_class)->constructed (object);

  g_assert (IOP_IS_STORE (self->store));

  iop_group_page_set_store (self->group_page, self->store);
  g_signal_connect_object (self->store, "changed", G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);
  reload (self);
}

static void
iop_groups_view_dispose (GObject *object)
{
  IopGroupsView *self = IOP_GROUPS_VIEW (object);

  g_clear_object (&self->selection);
  g_clear_object (&self->store);
  g_clear_pointer (&self->staff_names, g_hash_table_unref);

  G_OBJECT_CLASS (iop_groups_view_parent_class)->dispose (object);
}

static void
iop_groups_view_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  IopGroupsView *self = IOP_GROUPS_VIEW (object);
  gboolean on_page = g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "page") == 0;

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_TITLE:
      g_value_set_string (value, on_page ? iop_group_page_get_title (self->group_page) : NULL);
      break;
    case PROP_SUBPAGE:
      g_value_set_boolean (value, on_page);
      break;
    case PROP_NEW_LABEL:
      g_value_set_string (value, _("New Group"));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
iop_groups_view_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  IopGroupsView *self = IOP_GROUPS_VIEW (object);

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
iop_groups_view_class_init (IopGroupsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = iop_groups_view_constructed;
  object_class->dispose = iop_groups_view_dispose;
  object_class->get_property = iop_groups_view_get_property;
  object_class->set_property = iop_groups_view_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, IOP_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SUBPAGE] =
    g_param_spec_boolean ("subpage", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NEW_LABEL] =
    g_param_spec_string ("new-label", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (IOP_TYPE_GROUP_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/iop/iop-groups-view.ui");
  gtk_widget_class_bind_template_child (widget_class, IopGroupsView, stack);
  gtk_widget_class_bind_template_child (widget_class, IopGroupsView, list_stack);
  gtk_widget_class_bind_template_child (widget_class, IopGroupsView, count_label);
  gtk_widget_class_bind_template_child (widget_class, IopGroupsView, archived_check);
  gtk_widget_class_bind_template_child (widget_class, IopGroupsView, list_view);
  gtk_widget_class_bind_template_child (widget_class, IopGroupsView, empty_page);
  gtk_widget_class_bind_template_child (widget_class, IopGroupsView, show_archived_button);
  gtk_widget_class_bind_template_child (widget_class, IopGroupsView, group_page);
  gtk_widget_class_bind_template_callback (widget_class, archived_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, list_activate_cb);

  gtk_widget_class_install_action (widget_class, "view.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "view.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "view.show-archived", NULL, show_archived_action);
}

static void
iop_groups_view_init (IopGroupsView *self)
{
  GtkListItemFactory *factory;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->staff_names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);

  self->selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));

  g_signal_connect_object (self->group_page, "notify::title", G_CALLBACK (group_page_title_cb),
                           self, G_CONNECT_SWAPPED);
}

GtkWidget *
iop_groups_view_new (IopStore *store)
{
  return g_object_new (IOP_TYPE_GROUPS_VIEW, "store", store, NULL);
}

/**
 * iop_groups_view_show_group:
 * @self: an #IopGroupsView
 * @group_id: the group to show
 *
 * Opens the group's page, with its roster and history.
 */
void
iop_groups_view_show_group (IopGroupsView *self,
                            gint64         group_id)
{
  g_return_if_fail (IOP_IS_GROUPS_VIEW (self));

  iop_group_page_set_group_id (self->group_page, group_id);
  gtk_stack_set_visible_child_name (self->stack, "page");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUBPAGE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

void
iop_groups_view_show_list (IopGroupsView *self)
{
  g_return_if_fail (IOP_IS_GROUPS_VIEW (self));

  gtk_stack_set_visible_child_name (self->stack, "list");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUBPAGE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

void
iop_groups_view_set_show_archived (IopGroupsView *self,
                                   gboolean       show_archived)
{
  g_return_if_fail (IOP_IS_GROUPS_VIEW (self));

  gtk_check_button_set_active (self->archived_check, show_archived);
}

/**
 * iop_groups_view_get_model:
 * @self: an #IopGroupsView
 *
 * Returns: (transfer none): the listed groups, as the list view shows them
 */
GListModel *
iop_groups_view_get_model (IopGroupsView *self)
{
  g_return_val_if_fail (IOP_IS_GROUPS_VIEW (self), NULL);

  return G_LIST_MODEL (self->selection);
}

/**
 * iop_groups_view_get_visible_page:
 * @self: an #IopGroupsView
 *
 * Returns: "groups", "empty" or "page"
 */
const char *
iop_groups_view_get_visible_page (IopGroupsView *self)
{
  g_return_val_if_fail (IOP_IS_GROUPS_VIEW (self), NULL);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "page") == 0)
    return "page";
  return gtk_stack_get_visible_child_name (self->list_stack);
}

IopGroupPage *
iop_groups_view_get_group_page (IopGroupsView *self)
{
  g_return_val_if_fail (IOP_IS_GROUPS_VIEW (self), NULL);

  return self->group_page;
}
