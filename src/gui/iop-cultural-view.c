/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "iop-cultural-view"

#include "config.h"

#include <glib/gi18n.h>

#include "iop-cultural-note-editor.h"
#include "iop-cultural-note-row.h"
#include "iop-cultural-profile-editor.h"
#include "iop-cultural-view.h"
#include "iop-store-cultural.h"
#include "iop-window.h"

/* Enough to see what happened lately; older notes live on each person's and group's page. */
#define RECENT_NOTES 200

/*
 * The program's cultural-responsiveness work in one place: the open gaps in
 * participants' profiles, each with the action that closes it, and the most
 * recent notes on participants and groups.
 */
struct _IopCulturalView
{
  AdwBin              parent_instance;

  /* template widgets */
  GtkSearchEntry     *search_entry;
  AdwViewStack       *stack;
  AdwViewStackPage   *gaps_page;
  GtkStack           *gaps_stack;
  GtkListView        *gaps_view;
  AdwStatusPage      *gaps_empty_page;
  GtkStack           *notes_stack;
  GtkListView        *notes_view;
  AdwStatusPage      *notes_empty_page;

  /* borrowed: owned by the filter models */
  GtkCustomFilter    *gap_filter;
  GtkCustomFilter    *note_filter;

  /* owned */
  IopStore           *store;
  GListStore         *gaps;
  GListStore         *notes;
  GtkFilterListModel *filtered_gaps;
  GtkFilterListModel *filtered_notes;
  char               *needle;
};

G_DEFINE_FINAL_TYPE (IopCulturalView, iop_cultural_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  PROP_NEW_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
matches (const char *needle,
         const char *text)
{
  g_autofree char *folded = NULL;

  if (text == NULL)
    return FALSE;
  folded = g_utf8_casefold (text, -1);
  return strstr (folded, needle) != NULL;
}

static gboolean
gap_visible (gpointer item,
             gpointer user_data)
{
  IopCulturalView *self = user_data;
  IopCulturalGap *gap = item;

  if (self->needle == NULL)
    return TRUE;
  return matches (self->needle, iop_cultural_gap_get_participant_name (gap))
         || matches (self->needle, iop_cultural_gap_get_record_number (gap))
         || matches (self->needle, iop_cultural_gap_kind_label (iop_cultural_gap_get_kind (gap)));
}

static gboolean
note_visible (gpointer item,
              gpointer user_data)
{
  IopCulturalView *self = user_data;
  IopCulturalNote *note = item;

  if (self->needle == NULL)
    return TRUE;
  return matches (self->needle, iop_cultural_note_get_subject_name (note))
         || matches (self->needle, iop_cultural_note_get_text (note))
         || matches (self->needle, iop_cultural_note_get_outcome (note))
         || matches (self->needle, iop_cultural_note_get_author_name (note));
}

static void
update_state (IopCulturalView *self)
{
  guint n_gaps = g_list_model_get_n_items (G_LIST_MODEL (self->filtered_gaps));
  guint n_notes = g_list_model_get_n_items (G_LIST_MODEL (self->filtered_notes));
  gboolean filtering = self->needle != NULL;

  gtk_stack_set_visible_child_name (self->gaps_stack, n_gaps > 0 ? "list" : "empty");
  gtk_stack_set_visible_child_name (self->notes_stack, n_notes > 0 ? "list" : "empty");
  adw_view_stack_page_set_badge_number (self->gaps_page, g_list_model_get_n_items (G_LIST_MODEL (self->gaps)));
  adw_view_stack_page_set_needs_attention (self->gaps_page, g_list_model_get_n_items (G_LIST_MODEL (self->gaps)) > 0);

  if (filtering)
    {
      adw_status_page_set_title (self->gaps_empty_page, _("No Gaps Match"));
      adw_status_page_set_description (self->gaps_empty_page, _("Try a different name or record number."));
      adw_status_page_set_title (self->notes_empty_page, _("No Notes Match"));
      adw_status_page_set_description (self->notes_empty_page, _("Try a different name, group or word."));
    }
  else
    {
      adw_status_page_set_title (self->gaps_empty_page, _("No Open Gaps"));
      adw_status_page_set_description (self->gaps_empty_page,
                                       _("Every active participant has a profile that was reviewed recently, and every interpreter needed is arranged."));
      adw_status_page_set_title (self->notes_empty_page, _("No Cultural Notes Yet"));
      adw_status_page_set_description (self->notes_empty_page,
                                       _("Note what you observe, the adaptations you try with a participant or a group, and how they work."));
    }
}

static void
replace_items (GListStore *store,
               GListModel *items)
{
  g_autoptr(GPtrArray) array = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; items != NULL && i < g_list_model_get_n_items (items); i++)
    g_ptr_array_add (array, g_list_model_get_item (items, i));
  g_list_store_splice (store, 0, g_list_model_get_n_items (G_LIST_MODEL (store)), array->pdata, array->len);
}

/**
 * iop_cultural_view_reload:
 * @self: an #IopCulturalView
 *
 * Reads the gaps (as of today) and the recent notes again.
 */
void
iop_cultural_view_reload (IopCulturalView *self)
{
  g_autoptr(GListModel) gaps = NULL;
  g_autoptr(GListModel) notes = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (IOP_IS_CULTURAL_VIEW (self));

  if (self->store == NULL)
    return;
  gaps = iop_store_list_cultural_gaps (self->store, NULL, iop_store_get_cultural_review_days (self->store), &error);
  if (gaps == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Could not list the open gaps: %s"), error->message);
      iop_widget_add_toast (GTK_WIDGET (self), message);
      g_clear_error (&error);
    }
  notes = iop_store_list_recent_cultural_notes (self->store, RECENT_NOTES, &error);
  if (notes == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Could not list the cultural notes: %s"), error->message);
      iop_widget_add_toast (GTK_WIDGET (self), message);
    }
  replace_items (self->gaps, gaps);
  replace_items (self->notes, notes);
  update_state (self);
}

static void
store_changed_cb (IopCulturalView *self,
                  const char      *kind)
{
  if (g_strcmp0 (kind, IOP_KIND_CULTURAL) == 0 || g_strcmp0 (kind, IOP_KIND_PARTICIPANT) == 0
      || g_strcmp0 (kind, IOP_KIND_GROUP) == 0 || g_strcmp0 (kind, IOP_KIND_STAFF) == 0)
    iop_cultural_view_reload (self);
}

static void
search_changed_cb (IopCulturalView *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  g_clear_pointer (&self->needle, g_free);
  if (*stripped)
    self->needle = g_utf8_casefold (stripped, -1);
  gtk_filter_changed (GTK_FILTER (self->gap_filter), GTK_FILTER_CHANGE_DIFFERENT);
  gtk_filter_changed (GTK_FILTER (self->note_filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_state (self);
}

/* Gap rows */

static void
setup_gap_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *detail = gtk_label_new (NULL);
  GtkWidget *kind = gtk_label_new (NULL);
  GtkWidget *button = gtk_button_new ();

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (name, "heading");
  gtk_label_set_xalign (GTK_LABEL (detail), 0);
  gtk_label_set_ellipsize (GTK_LABEL (detail), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (detail, "dim-label");
  gtk_widget_add_css_class (detail, "caption");
  gtk_box_append (GTK_BOX (labels), name);
  gtk_box_append (GTK_BOX (labels), detail);
  gtk_widget_set_hexpand (labels, TRUE);
  gtk_widget_set_valign (labels, GTK_ALIGN_CENTER);

  gtk_widget_set_valign (kind, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (kind, "iop-pill");
  /* One line when there is room; in a narrow window the pill wraps. */
  gtk_label_set_wrap (GTK_LABEL (kind), TRUE);
  gtk_label_set_natural_wrap_mode (GTK_LABEL (kind), GTK_NATURAL_WRAP_WORD);
  gtk_label_set_justify (GTK_LABEL (kind), GTK_JUSTIFY_CENTER);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);

  gtk_box_append (GTK_BOX (box), labels);
  gtk_box_append (GTK_BOX (box), kind);
  gtk_box_append (GTK_BOX (box), button);
  gtk_list_item_set_child (item, box);
  gtk_list_item_set_activatable (item, FALSE);
}

static void
bind_gap_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  user_data)
{
  IopCulturalGap *gap = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *labels = gtk_widget_get_first_child (box);
  GtkWidget *name = gtk_widget_get_first_child (labels);
  GtkWidget *detail = gtk_widget_get_next_sibling (name);
  GtkWidget *kind = gtk_widget_get_next_sibling (labels);
  GtkWidget *button = gtk_widget_get_next_sibling (kind);
  g_autofree char *name_text = g_strdup_printf (_("%s (%s)"), iop_cultural_gap_get_participant_name (gap),
                                                iop_cultural_gap_get_record_number (gap));
  g_autofree char *detail_text = iop_cultural_gap_dup_detail (gap);

  gtk_label_set_text (GTK_LABEL (name), name_text);
  gtk_label_set_text (GTK_LABEL (detail), detail_text);
  gtk_label_set_text (GTK_LABEL (kind), iop_cultural_gap_kind_label (iop_cultural_gap_get_kind (gap)));
  gtk_button_set_label (GTK_BUTTON (button), iop_cultural_gap_next_action (gap));
  {
    /* Translators: a button's action, then whose profile it opens, for screen readers and tooltips */
    g_autofree char *what = g_strdup_printf (_("%s: open the cultural profile of %s"), iop_cultural_gap_next_action (gap),
                                             iop_cultural_gap_get_participant_name (gap));

    gtk_widget_set_tooltip_text (button, what);
    gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, what, -1);
  }
  /* Target first: the action takes the participant's id. */
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "x", iop_cultural_gap_get_participant_id (gap));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "cultural.open-gap");
}

/* Note rows */

static void
setup_note_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  IopCulturalView *self = user_data;

  gtk_list_item_set_child (item, iop_cultural_note_row_new (self->store, TRUE));
  gtk_list_item_set_activatable (item, FALSE);
}

static void
bind_note_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  iop_cultural_note_row_set_note (IOP_CULTURAL_NOTE_ROW (gtk_list_item_get_child (item)),
                                  gtk_list_item_get_item (item));
}

static void
unbind_note_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  user_data)
{
  iop_cultural_note_row_set_note (IOP_CULTURAL_NOTE_ROW (gtk_list_item_get_child (item)), NULL);
}

/* Actions */

static GtkWindow *
parent_window (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  IopCulturalView *self = IOP_CULTURAL_VIEW (widget);
  GtkWidget *editor = iop_cultural_note_editor_new (self->store);

  gtk_window_set_transient_for (GTK_WINDOW (editor), parent_window (widget));
  gtk_window_present (GTK_WINDOW (editor));
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  IopCulturalView *self = IOP_CULTURAL_VIEW (widget);

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
open_gap_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  IopCulturalView *self = IOP_CULTURAL_VIEW (widget);
  gint64 participant_id = g_variant_get_int64 (parameter);
  GtkWindow *window = parent_window (widget);
  g_autoptr(GError) error = NULL;
  GtkWidget *editor;

  /* Land on the participant's page, with the profile open to close the gap. */
  if (IOP_IS_WINDOW (window))
    iop_window_show_participant (IOP_WINDOW (window), participant_id);
  editor = iop_cultural_profile_editor_new (self->store, participant_id, &error);
  if (editor == NULL)
    {
      iop_cultural_show_error (widget, _("The cultural profile could not be opened"), error->message);
      return;
    }
  gtk_window_set_transient_for (GTK_WINDOW (editor), window);
  gtk_window_present (GTK_WINDOW (editor));
}

/* GObject */

static void
iop_cultural_view_constructed (GObject *object)
{
  IopCulturalView *self = IOP_CULTURAL_VIEW (object);
  GtkListItemFactory *factory;
  GtkSelectionModel *selection;

  G_OBJECT_CLASS (iop_cultural_view_parent_class)->constructed (object);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_gap_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_gap_cb), self);
  gtk_list_view_set_factory (self->gaps_view, factory);
  g_object_unref (factory);
  selection = GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->filtered_gaps))));
  gtk_list_view_set_model (self->gaps_view, selection);
  g_object_unref (selection);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_note_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_note_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_note_cb), self);
  gtk_list_view_set_factory (self->notes_view, factory);
  g_object_unref (factory);
  selection = GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->filtered_notes))));
  gtk_list_view_set_model (self->notes_view, selection);
  g_object_unref (selection);

  if (self->store != NULL)
    g_signal_connect_object (self->store, "changed", G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);
  iop_cultural_view_reload (self);
}

static void
iop_cultural_view_dispose (GObject *object)
{
  IopCulturalView *self = IOP_CULTURAL_VIEW (object);

  if (self->gaps_view != NULL)
    {
      gtk_list_view_set_model (self->gaps_view, NULL);
      gtk_list_view_set_model (self->notes_view, NULL);
    }
  g_clear_object (&self->filtered_gaps);
  g_clear_object (&self->filtered_notes);
  g_clear_object (&self->gaps);
  g_clear_object (&self->notes);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (iop_cultural_view_parent_class)->dispose (object);
}

static void
iop_cultural_view_finalize (GObject *object)
{
  IopCulturalView *self = IOP_CULTURAL_VIEW (object);

  g_free (self->needle);

  G_OBJECT_CLASS (iop_cultural_view_parent_class)->finalize (object);
}

static void
iop_cultural_view_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  IopCulturalView *self = IOP_CULTURAL_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_NEW_LABEL:
      g_value_set_string (value, _("New Cultural Note"));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
iop_cultural_view_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  IopCulturalView *self = IOP_CULTURAL_VIEW (object);

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
iop_cultural_view_class_init (IopCulturalViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = iop_cultural_view_constructed;
  object_class->dispose = iop_cultural_view_dispose;
  object_class->finalize = iop_cultural_view_finalize;
  object_class->get_property = iop_cultural_view_get_property;
  object_class->set_property = iop_cultural_view_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, IOP_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NEW_LABEL] =
    g_param_spec_string ("new-label", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/iop/iop-cultural-view.ui");
  gtk_widget_class_bind_template_child (widget_class, IopCulturalView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, IopCulturalView, stack);
  gtk_widget_class_bind_template_child (widget_class, IopCulturalView, gaps_page);
  gtk_widget_class_bind_template_child (widget_class, IopCulturalView, gaps_stack);
  gtk_widget_class_bind_template_child (widget_class, IopCulturalView, gaps_view);
  gtk_widget_class_bind_template_child (widget_class, IopCulturalView, gaps_empty_page);
  gtk_widget_class_bind_template_child (widget_class, IopCulturalView, notes_stack);
  gtk_widget_class_bind_template_child (widget_class, IopCulturalView, notes_view);
  gtk_widget_class_bind_template_child (widget_class, IopCulturalView, notes_empty_page);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);

  gtk_widget_class_install_action (widget_class, "view.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "view.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "cultural.open-gap", "x", open_gap_action);
}

static void
iop_cultural_view_init (IopCulturalView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->gaps = g_list_store_new (IOP_TYPE_CULTURAL_GAP);
  self->notes = g_list_store_new (IOP_TYPE_CULTURAL_NOTE);
  self->gap_filter = gtk_custom_filter_new (gap_visible, self, NULL);
  self->note_filter = gtk_custom_filter_new (note_visible, self, NULL);
  self->filtered_gaps = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->gaps)),
                                                   GTK_FILTER (self->gap_filter));
  self->filtered_notes = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->notes)),
                                                    GTK_FILTER (self->note_filter));
}

GtkWidget *
iop_cultural_view_new (IopStore *store)
{
  return g_object_new (IOP_TYPE_CULTURAL_VIEW, "store", store, NULL);
}

/**
 * iop_cultural_view_get_gaps:
 *
 * Returns: (transfer none): the #IopCulturalGap items shown
 */
GListModel *
iop_cultural_view_get_gaps (IopCulturalView *self)
{
  return G_LIST_MODEL (self->filtered_gaps);
}

/**
 * iop_cultural_view_get_notes:
 *
 * Returns: (transfer none): the #IopCulturalNote items shown
 */
GListModel *
iop_cultural_view_get_notes (IopCulturalView *self)
{
  return G_LIST_MODEL (self->filtered_notes);
}

GtkSearchEntry *
iop_cultural_view_get_search_entry (IopCulturalView *self)
{
  return self->search_entry;
}

AdwViewStack *
iop_cultural_view_get_stack (IopCulturalView *self)
{
  return self->stack;
}
