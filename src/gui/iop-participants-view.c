/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "iop-participants-view"

#include "config.h"

#include <glib/gi18n.h>

#include "iop-participant-editor.h"
#include "iop-participant-list.h"
#include "iop-participant-row.h"
#include "iop-participants-view.h"
#include "iop-plans-export-dialog.h"
#include "iop-store-people.h"

struct _IopParticipantsView
{
  AdwBin              parent_instance;

  /* template widgets */
  GtkStack           *stack;
  GtkStack           *list_stack;
  GtkSearchEntry     *search_entry;
  GtkToggleButton    *discharged_toggle;
  GtkToggleButton    *select_toggle;
  GtkActionBar       *action_bar;
  GtkLabel           *selected_label;
  GtkWidget          *show_discharged_button;
  GtkWidget          *clear_search_button;
  GtkGridView        *list_view;
  AdwStatusPage      *no_match_page;
  IopParticipantPage *participant_page;   /* built when first opened */

  /* owned */
  IopStore           *store;
  IopParticipantList *participants;
  GtkSingleSelection *selection;
  GtkMultiSelection  *multi;      /* selection mode: the same list, with check boxes */

  gboolean            selection_mode;
};

G_DEFINE_FINAL_TYPE (IopParticipantsView, iop_participants_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  PROP_TITLE,
  PROP_SUBPAGE,
  PROP_NEW_LABEL,
  PROP_SELECTION_MODE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static guint
count_selected (IopParticipantsView *self)
{
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->multi));

  return (guint) gtk_bitset_get_size (selected);
}

static void
selection_changed_cb (IopParticipantsView *self)
{
  guint n = count_selected (self);
  g_autofree char *text = NULL;

  if (n == 0)
    text = g_strdup (_("No participants selected"));
  else
    text = g_strdup_printf (ngettext ("%u selected", "%u selected", n), n);
  gtk_label_set_label (self->selected_label, text);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "view.export-selection", self->selection_mode && n > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "view.select-none", self->selection_mode && n > 0);
}

/* The ids of the selected rows, by walking the bitset: no participant's row
 * is read, so selecting all of twenty thousand costs an array of ids. */
static GArray *
selected_ids (IopParticipantsView *self)
{
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->multi));
  GArray *ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), (guint) gtk_bitset_get_size (selected));
  GtkBitsetIter iter;
  guint position;

  for (gboolean more = gtk_bitset_iter_init_first (&iter, selected, &position);
       more;
       more = gtk_bitset_iter_next (&iter, &position))
    {
      gint64 id = iop_participant_list_get_id (self->participants, position);

      if (id > 0)
        g_array_append_val (ids, id);
    }
  return ids;
}

/* A new search or the discharged toggle rebuilds the list: keep the selected
 * people selected where they are still listed, so a counselor can search for
 * one person after another and tick each. */
static GHashTable *
remember_selection (IopParticipantsView *self)
{
  g_autoptr(GArray) ids = NULL;
  GHashTable *set;

  if (!self->selection_mode)
    return NULL;
  ids = selected_ids (self);
  set = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  for (guint i = 0; i < ids->len; i++)
    g_hash_table_add (set, g_memdup2 (&g_array_index (ids, gint64, i), sizeof (gint64)));
  return set;
}

static void
restore_selection (IopParticipantsView *self,
                   GHashTable          *set)
{
  g_autoptr(GtkBitset) selected = NULL;
  g_autoptr(GtkBitset) mask = NULL;
  guint n;

  if (set == NULL)
    return;
  n = g_list_model_get_n_items (G_LIST_MODEL (self->participants));
  selected = gtk_bitset_new_empty ();
  if (g_hash_table_size (set) > 0)
    for (guint i = 0; i < n; i++)
      {
        gint64 id = iop_participant_list_get_id (self->participants, i);

        if (g_hash_table_contains (set, &id))
          gtk_bitset_add (selected, i);
      }
  mask = gtk_bitset_new_range (0, n);
  gtk_selection_model_set_selection (GTK_SELECTION_MODEL (self->multi), selected, mask);
  g_hash_table_unref (set);
}

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
  GHashTable *kept = remember_selection (self);

  iop_participant_list_set_filter (self->participants, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  restore_selection (self, kept);
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
  GHashTable *kept = remember_selection (self);

  iop_participant_list_set_active_only (self->participants,
                                        !gtk_toggle_button_get_active (self->discharged_toggle));
  restore_selection (self, kept);
}

static void
list_activate_cb (IopParticipantsView *self,
                  guint                position)
{
  g_autoptr(IopParticipant) participant = NULL;

  /* In selection mode a click or Enter ticks the row instead of opening it. */
  if (self->selection_mode)
    {
      GtkSelectionModel *model = GTK_SELECTION_MODEL (self->multi);

      if (gtk_selection_model_is_selected (model, position))
        gtk_selection_model_unselect_item (model, position);
      else
        gtk_selection_model_select_item (model, position, FALSE);
      return;
    }

  participant = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  if (participant != NULL)
    iop_participants_view_show_participant (self, iop_participant_get_id (participant));
}

static void
page_title_cb (IopParticipantsView *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

static void
check_toggled_cb (GtkCheckButton *check,
                  GtkListItem    *item)
{
  GtkWidget *widget = gtk_widget_get_ancestor (GTK_WIDGET (check), IOP_TYPE_PARTICIPANTS_VIEW);
  IopParticipantsView *self = widget != NULL ? IOP_PARTICIPANTS_VIEW (widget) : NULL;
  GtkSelectionModel *model;
  guint position = gtk_list_item_get_position (item);
  gboolean active = gtk_check_button_get_active (check);

  if (self == NULL || !self->selection_mode || position == GTK_INVALID_LIST_POSITION)
    return;
  model = GTK_SELECTION_MODEL (self->multi);
  if (active && !gtk_selection_model_is_selected (model, position))
    gtk_selection_model_select_item (model, position, FALSE);
  else if (!active && gtk_selection_model_is_selected (model, position))
    gtk_selection_model_unselect_item (model, position);
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *check = gtk_check_button_new ();
  GtkWidget *row = iop_participant_row_new ();

  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_start (check, 12);
  gtk_widget_set_visible (check, FALSE);
  gtk_widget_add_css_class (check, "selection-mode");
  gtk_widget_set_hexpand (row, TRUE);
  gtk_box_append (GTK_BOX (box), check);
  gtk_box_append (GTK_BOX (box), row);
  /* The tick follows the model, whoever changed it (Select All, a click). */
  g_object_bind_property (item, "selected", check, "active", G_BINDING_SYNC_CREATE);
  g_signal_connect (check, "toggled", G_CALLBACK (check_toggled_cb), item);
  g_object_set_data (G_OBJECT (item), "iop-check", check);
  g_object_set_data (G_OBJECT (item), "iop-row", row);
  gtk_list_item_set_child (item, box);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             IopParticipantsView      *self)
{
  IopParticipant *participant = gtk_list_item_get_item (item);
  GtkWidget *check = g_object_get_data (G_OBJECT (item), "iop-check");

  iop_participant_row_set_participant (IOP_PARTICIPANT_ROW (g_object_get_data (G_OBJECT (item), "iop-row")),
                                       participant);
  gtk_widget_set_visible (check, self->selection_mode);
  iop_participant_row_set_selection_mode (IOP_PARTICIPANT_ROW (g_object_get_data (G_OBJECT (item), "iop-row")),
                                          self->selection_mode);
  /* Ticks, not the list's own click-to-select, choose rows in selection mode:
   * a hover or a plain click must never drop the rest of the selection. */
  gtk_list_item_set_selectable (item, !self->selection_mode);
  if (self->selection_mode)
    {
      g_autofree char *label = g_strdup_printf (_("Select %s %s"),
                                                iop_participant_get_first_name (participant),
                                                iop_participant_get_last_name (participant));

      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
    }
}

static void
set_selection_mode (IopParticipantsView *self,
                    gboolean             selection_mode)
{
  selection_mode = !!selection_mode;
  if (self->selection_mode == selection_mode)
    return;
  self->selection_mode = selection_mode;
  if (!selection_mode)
    gtk_selection_model_unselect_all (GTK_SELECTION_MODEL (self->multi));
  /* Setting the model rebinds the rows: check boxes shown or hidden. */
  gtk_grid_view_set_model (self->list_view, selection_mode ? GTK_SELECTION_MODEL (self->multi)
                                                           : GTK_SELECTION_MODEL (self->selection));
  gtk_widget_set_visible (GTK_WIDGET (self->action_bar), selection_mode);
  gtk_action_bar_set_revealed (self->action_bar, selection_mode);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "view.select-all", selection_mode);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "view.leave-selection", selection_mode);
  selection_changed_cb (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTION_MODE]);
}

static void
select_all_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  IopParticipantsView *self = IOP_PARTICIPANTS_VIEW (widget);

  if (self->selection_mode)
    gtk_selection_model_select_all (GTK_SELECTION_MODEL (self->multi));
}

static void
select_none_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  IopParticipantsView *self = IOP_PARTICIPANTS_VIEW (widget);

  gtk_selection_model_unselect_all (GTK_SELECTION_MODEL (self->multi));
}

static void
leave_selection_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  set_selection_mode (IOP_PARTICIPANTS_VIEW (widget), FALSE);
}

static void
export_selection_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  IopParticipantsView *self = IOP_PARTICIPANTS_VIEW (widget);
  IopPlansExportDialog *dialog = iop_participants_view_open_export_dialog (self);

  if (dialog != NULL)
    gtk_window_present (GTK_WINDOW (dialog));
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
  gtk_grid_view_set_factory (self->list_view, factory);
  g_object_unref (factory);
  gtk_grid_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));

  self->multi = gtk_multi_selection_new (g_object_ref (G_LIST_MODEL (self->participants)));
  g_signal_connect_object (self->multi, "selection-changed", G_CALLBACK (selection_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->multi, "items-changed", G_CALLBACK (selection_changed_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "view.select-all", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "view.leave-selection", FALSE);
  selection_changed_cb (self);

  update_state (self);
}

static void
iop_participants_view_dispose (GObject *object)
{
  IopParticipantsView *self = IOP_PARTICIPANTS_VIEW (object);

  g_clear_object (&self->selection);
  g_clear_object (&self->multi);
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
    case PROP_SELECTION_MODE:
      g_value_set_boolean (value, self->selection_mode);
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
    case PROP_SELECTION_MODE:
      set_selection_mode (self, g_value_get_boolean (value));
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
  properties[PROP_SELECTION_MODE] =
    g_param_spec_boolean ("selection-mode", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (IOP_TYPE_PARTICIPANT_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/iop/iop-participants-view.ui");
  gtk_widget_class_bind_template_child (widget_class, IopParticipantsView, stack);
  gtk_widget_class_bind_template_child (widget_class, IopParticipantsView, list_stack);
  gtk_widget_class_bind_template_child (widget_class, IopParticipantsView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, IopParticipantsView, discharged_toggle);
  gtk_widget_class_bind_template_child (widget_class, IopParticipantsView, select_toggle);
  gtk_widget_class_bind_template_child (widget_class, IopParticipantsView, action_bar);
  gtk_widget_class_bind_template_child (widget_class, IopParticipantsView, selected_label);
  gtk_widget_class_bind_template_child (widget_class, IopParticipantsView, list_view);
  gtk_widget_class_bind_template_child (widget_class, IopParticipantsView, no_match_page);
  gtk_widget_class_bind_template_child (widget_class, IopParticipantsView, show_discharged_button);
  gtk_widget_class_bind_template_child (widget_class, IopParticipantsView, clear_search_button);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, discharged_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, list_activate_cb);

  gtk_widget_class_install_action (widget_class, "view.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "view.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "view.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "view.show-discharged", NULL, show_discharged_action);
  gtk_widget_class_install_action (widget_class, "view.clear-search", NULL, clear_search_action);
  gtk_widget_class_install_property_action (widget_class, "view.selection-mode", "selection-mode");
  gtk_widget_class_install_action (widget_class, "view.select-all", NULL, select_all_action);
  gtk_widget_class_install_action (widget_class, "view.select-none", NULL, select_none_action);
  gtk_widget_class_install_action (widget_class, "view.leave-selection", NULL, leave_selection_action);
  gtk_widget_class_install_action (widget_class, "view.export-selection", NULL, export_selection_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_a, GDK_CONTROL_MASK, "view.select-all", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "view.leave-selection", NULL);
}

static void
iop_participants_view_init (IopParticipantsView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* A participant's page is a large tree of sections: it is built the first time
 * someone opens a record, not when the list first appears. */
static IopParticipantPage *
ensure_participant_page (IopParticipantsView *self)
{
  if (self->participant_page != NULL)
    return self->participant_page;

  self->participant_page = g_object_new (IOP_TYPE_PARTICIPANT_PAGE, NULL);
  iop_participant_page_set_store (self->participant_page, self->store);
  g_signal_connect_object (self->participant_page, "notify::title", G_CALLBACK (page_title_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->participant_page), "page");
  return self->participant_page;
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

  iop_participant_page_set_participant_id (ensure_participant_page (self), participant_id);
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
  return ensure_participant_page (self);
}

gboolean
iop_participants_view_get_selection_mode (IopParticipantsView *self)
{
  g_return_val_if_fail (IOP_IS_PARTICIPANTS_VIEW (self), FALSE);
  return self->selection_mode;
}

/**
 * iop_participants_view_set_selection_mode:
 * @self: an #IopParticipantsView
 * @selection_mode: whether rows get check boxes and the export action bar
 *
 * Leaving selection mode drops the selection.
 */
void
iop_participants_view_set_selection_mode (IopParticipantsView *self,
                                          gboolean             selection_mode)
{
  g_return_if_fail (IOP_IS_PARTICIPANTS_VIEW (self));
  set_selection_mode (self, selection_mode);
}

/**
 * iop_participants_view_get_selection:
 * @self: an #IopParticipantsView
 *
 * Returns: (transfer none): the multiple selection used in selection mode
 */
GtkSelectionModel *
iop_participants_view_get_selection (IopParticipantsView *self)
{
  g_return_val_if_fail (IOP_IS_PARTICIPANTS_VIEW (self), NULL);
  return GTK_SELECTION_MODEL (self->multi);
}

/**
 * iop_participants_view_get_selected_ids:
 * @self: an #IopParticipantsView
 *
 * Returns: (transfer full) (element-type gint64): the selected participants, in list order
 */
GArray *
iop_participants_view_get_selected_ids (IopParticipantsView *self)
{
  g_return_val_if_fail (IOP_IS_PARTICIPANTS_VIEW (self), NULL);
  return selected_ids (self);
}

const char *
iop_participants_view_get_selected_text (IopParticipantsView *self)
{
  g_return_val_if_fail (IOP_IS_PARTICIPANTS_VIEW (self), NULL);
  return gtk_label_get_label (self->selected_label);
}

/**
 * iop_participants_view_open_export_dialog:
 * @self: an #IopParticipantsView
 *
 * Returns: (transfer none) (nullable): the export dialog for the selection,
 *   transient for the window and not yet presented; %NULL with nothing selected
 */
IopPlansExportDialog *
iop_participants_view_open_export_dialog (IopParticipantsView *self)
{
  g_autoptr(GArray) ids = NULL;
  IopPlansExportDialog *dialog;
  GtkRoot *root;

  g_return_val_if_fail (IOP_IS_PARTICIPANTS_VIEW (self), NULL);

  ids = selected_ids (self);
  if (ids->len == 0)
    return NULL;
  root = gtk_widget_get_root (GTK_WIDGET (self));
  dialog = iop_plans_export_dialog_new (self->store, ids, GTK_WIDGET (self));
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL);
  return dialog;
}

/**
 * iop_participants_view_export_selection_to_file:
 * @self: an #IopParticipantsView
 * @format: "native" or "fhir"
 * @file: where to write
 * @cancellable: (nullable): stops the work; nothing is written then
 * @callback: called when done; finish with iop_plans_export_finish()
 * @user_data: for @callback
 *
 * What Export Plans… does once the format and the file are chosen.
 */
void
iop_participants_view_export_selection_to_file (IopParticipantsView *self,
                                                const char          *format,
                                                GFile               *file,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data)
{
  g_autoptr(GArray) ids = NULL;

  g_return_if_fail (IOP_IS_PARTICIPANTS_VIEW (self));

  ids = selected_ids (self);
  iop_plans_export_async (self->store, ids, format, file, cancellable, NULL, NULL, callback, user_data);
}
