/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "iop-participants-view"

#include "config.h"

#include <glib/gi18n.h>

#include "iop-participant-editor.h"
#include "iop-participant-list.h"
#include "iop-participant-row.h"
#include "iop-participants-view.h"
#include "iop-store-people.h"

struct _IopParticipantsView
{
  AdwBin              parent_instance;

  /* template widgets */
  GtkStack           *stack;
  GtkStack           *list_stack;
  GtkSearchEntry     *search_entry;
  GtkToggleButton    *discharged_toggle;
  GtkWidget          *show_discharged_button;
  GtkWidget          *clear_search_button;
  GtkListView        *list_view;
  AdwStatusPage      *no_match_page;
  IopParticipantPage *participant_page;

  /* owned */
  IopStore           *store;
  IopParticipantList *participants;
  GtkSingleSelection *selection;
};

G_DEFINE_FINAL_TYPE (IopParticipantsView, iop_participants_view, ADW_TYPE_BIN)

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
update_state (IopParticipantsView *self)
{
  const char *filter = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->participants));

  if (n > 0)
    {
      gtk_stack_set_visible_child_name (self->list_stack, "list");
      return;
    }

  if (iop_participant_list_count_in_scope (self->participants) == 0)
    {
      gtk_stack_set_visible_child_name (self->list_stack, "empty");
      return;
    }

  if (filter != NULL && *filter)
    {
      g_autofree char *title = g_strdup_printf (_("No participants match “%s”"), filter);

      adw_status_page_set_title (self->no_match_page, title);
      adw_status_page_set_description (self->no_match_page,
                                       gtk_toggle_button_get_active (self->discharged_toggle)
                                       ? _("Try a different name or record number.")
                                       : _("Try a different name or record number, or include discharged participants."));
    }
  else
    {
      adw_status_page_set_title (self->no_match_page, _("No Active Participants"));
      adw_status_page_set_description (self->no_match_page,
                                       _("Everyone in the program has been discharged. Show discharged participants to see them."));
    }
  /* The next useful step from an empty result: widen it. */
  gtk_widget_set_visible (self->show_discharged_button, !gtk_toggle_button_get_active (self->discharged_toggle));
  gtk_widget_set_visible (self->clear_search_button, filter != NULL && *filter);
  gtk_stack_set_visible_child_name (self->list_stack, "no-match");
}

static void
show_discharged_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  IopParticipantsView *self = IOP_PARTICIPANTS_VIEW (widget);

  gtk_toggle_button_set_active (self->discharged_toggle, TRUE);
}

static void
clear_search_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  IopParticipantsView *self = IOP_PARTICIPANTS_VIEW (widget);

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
search_changed_cb (IopParticipantsView *self)
{
  iop_participant_list_set_filter (self->participants, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

static void
search_activate_cb (IopParticipantsView *self)
{
  /* Enter on a search that found exactly one person opens their page. */
  if (g_list_model_get_n_items (G_LIST_MODEL (self->participants)) == 1)
    {
      g_autoptr(IopParticipant) participant = g_list_model_get_item (G_LIST_MODEL (self->participants), 0);

      iop_participants_view_show_participant (self, iop_participant_get_id (participant));
    }
}

static void
discharged_toggled_cb (IopParticipantsView *self)
{
  iop_participant_list_set_active_only (self->participants,
                                        !gtk_toggle_button_get_active (self->discharged_toggle));
}

static void
list_activate_cb (IopParticipantsView *self,
                  guint                position)
{
  g_autoptr(IopParticipant) participant = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  if (participant != NULL)
    iop_participants_view_show_participant (self, iop_participant_get_id (participant));
}

static void
page_title_cb (IopParticipantsView *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  gtk_list_item_set_child (item, iop_participant_row_new ());
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  user_data)
{
  iop_participant_row_set_participant (IOP_PARTICIPANT_ROW (gtk_list_item_get_child (item)),
                                       gtk_list_item_get_item (item));
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  IopParticipantsView *self = IOP_PARTICIPANTS_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  IopParticipantEditor *editor = iop_participant_editor_new (self->store, NULL);

  gtk_window_set_transient_for (GTK_WINDOW (editor), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  IopParticipantsView *self = IOP_PARTICIPANTS_VIEW (widget);

  iop_participants_view_show_list (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  iop_participants_view_show_list (IOP_PARTICIPANTS_VIEW (widget));
}

static void
iop_participants_view_constructed (GObject *object)
{
  IopParticipantsView *self = IOP_PARTICIPANTS_VIEW (object);
  GtkListItemFactory *factory;

  G_OBJECT_CLASS (iop_participants_view_parent_class)->constructed (object);

  g_assert (IOP_IS_STORE (self->store));

  iop_participant_page_set_store (self->participant_page, self->store);

  /* Filtering happens in SQL inside the list, so the list view sits right
   * on it: no filter or sort models that would visit every row. */
  self->participants = iop_participant_list_new (self->store);
  iop_participant_list_set_active_only (self->participants, TRUE);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->participants)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_object (self->participants, "items-changed", G_CALLBACK (update_state),
                           self, G_CONNECT_SWAPPED);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));

  update_state (self);
}

static void
iop_participants_view_dispose (GObject *object)
{
  IopParticipantsView *self = IOP_PARTICIPANTS_VIEW (object);

  g_clear_object (&self->selection);
  g_clear_object (&self->participants);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (iop_participants_view_parent_class)->dispose (object);
}

static void
iop_participants_view_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  IopParticipantsView *self = IOP_PARTICIPANTS_VIEW (object);
  gboolean on_page = g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "page") == 0;

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_TITLE:
      g_value_set_string (value, on_page ? iop_participant_page_get_title (self->participant_page) : NULL);
      break;
    case PROP_SUBPAGE:
      g_value_set_boolean (value, on_page);
      break;
    case PROP_NEW_LABEL:
      g_value_set_string (value, _("New Participant"));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
iop_participants_view_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  IopParticipantsView *self = IOP_PARTICIPANTS_VIEW (object);

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
iop_participants_view_class_init (IopParticipantsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = iop_participants_view_constructed;
  object_class->dispose = iop_participants_view_dispose;
  object_class->get_property = iop_participants_view_get_property;
  object_class->set_property = iop_participants_view_set_property;

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

  g_type_ensure (IOP_TYPE_PARTICIPANT_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/iop/iop-participants-view.ui");
  gtk_widget_class_bind_template_child (widget_class, IopParticipantsView, stack);
  gtk_widget_class_bind_template_child (widget_class, IopParticipantsView, list_stack);
  gtk_widget_class_bind_template_child (widget_class, IopParticipantsView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, IopParticipantsView, discharged_toggle);
  gtk_widget_class_bind_template_child (widget_class, IopParticipantsView, list_view);
  gtk_widget_class_bind_template_child (widget_class, IopParticipantsView, no_match_page);
  gtk_widget_class_bind_template_child (widget_class, IopParticipantsView, show_discharged_button);
  gtk_widget_class_bind_template_child (widget_class, IopParticipantsView, clear_search_button);
  gtk_widget_class_bind_template_child (widget_class, IopParticipantsView, participant_page);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, discharged_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, list_activate_cb);

  gtk_widget_class_install_action (widget_class, "view.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "view.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "view.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "view.show-discharged", NULL, show_discharged_action);
  gtk_widget_class_install_action (widget_class, "view.clear-search", NULL, clear_search_action);
}

static void
iop_participants_view_init (IopParticipantsView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_object (self->participant_page, "notify::title", G_CALLBACK (page_title_cb),
                           self, G_CONNECT_SWAPPED);
}

GtkWidget *
iop_participants_view_new (IopStore *store)
{
  return g_object_new (IOP_TYPE_PARTICIPANTS_VIEW, "store", store, NULL);
}

/**
 * iop_participants_view_show_participant:
 * @self: an #IopParticipantsView
 * @participant_id: whose page to open
 */
void
iop_participants_view_show_participant (IopParticipantsView *self,
                                        gint64               participant_id)
{
  g_return_if_fail (IOP_IS_PARTICIPANTS_VIEW (self));

  iop_participant_page_set_participant_id (self->participant_page, participant_id);
  gtk_stack_set_visible_child_name (self->stack, "page");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUBPAGE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

void
iop_participants_view_show_list (IopParticipantsView *self)
{
  g_return_if_fail (IOP_IS_PARTICIPANTS_VIEW (self));

  gtk_stack_set_visible_child_name (self->stack, "browse");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUBPAGE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

GtkSearchEntry *
iop_participants_view_get_search_entry (IopParticipantsView *self)
{
  g_return_val_if_fail (IOP_IS_PARTICIPANTS_VIEW (self), NULL);
  return self->search_entry;
}

GtkToggleButton *
iop_participants_view_get_discharged_toggle (IopParticipantsView *self)
{
  g_return_val_if_fail (IOP_IS_PARTICIPANTS_VIEW (self), NULL);
  return self->discharged_toggle;
}

/**
 * iop_participants_view_get_model:
 * @self: an #IopParticipantsView
 *
 * Returns: (transfer none): the listed participants, as the list view shows them
 */
GListModel *
iop_participants_view_get_model (IopParticipantsView *self)
{
  g_return_val_if_fail (IOP_IS_PARTICIPANTS_VIEW (self), NULL);
  return G_LIST_MODEL (self->selection);
}

/**
 * iop_participants_view_get_visible_page:
 * @self: an #IopParticipantsView
 *
 * Returns: "list", "empty", "no-match" or "page"
 */
const char *
iop_participants_view_get_visible_page (IopParticipantsView *self)
{
  g_return_val_if_fail (IOP_IS_PARTICIPANTS_VIEW (self), NULL);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "page") == 0)
    return "page";
  return gtk_stack_get_visible_child_name (self->list_stack);
}

AdwStatusPage *
iop_participants_view_get_no_match_page (IopParticipantsView *self)
{
  g_return_val_if_fail (IOP_IS_PARTICIPANTS_VIEW (self), NULL);
  return self->no_match_page;
}

IopParticipantPage *
iop_participants_view_get_participant_page (IopParticipantsView *self)
{
  g_return_val_if_fail (IOP_IS_PARTICIPANTS_VIEW (self), NULL);
  return self->participant_page;
}
