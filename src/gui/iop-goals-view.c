/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "iop-goals-view"

#include "config.h"

#include <glib/gi18n.h>

#include "iop-chart.h"
#include "iop-date.h"
#include "iop-goals-view.h"
#include "iop-participant-list.h"
#include "iop-participant-row.h"
#include "iop-plan-section.h"
#include "iop-store-people.h"
#include "iop-store-plans.h"

/*
 * The Goals view: find a participant and see each active goal of their
 * current plan with its progress over time (across plan versions), or start
 * from the caseload's plans that are due or overdue for review.
 */

struct _IopGoalsView
{
  AdwBin              parent_instance;

  /* template widgets */
  AdwLeaflet         *leaflet;
  GtkWidget          *list_pane;
  GtkWidget          *separator;
  GtkSearchEntry     *search_entry;
  GtkListView        *participants_list;
  GtkLabel           *due_title;
  GtkListView        *due_list;
  GtkStack           *content_stack;
  GtkLabel           *name_label;
  GtkLabel           *plan_label;
  GtkBox             *goals_box;

  /* owned */
  IopStore           *store;
  IopParticipantList *participants;
  GListStore         *due_plans;
  gint64              participant_id;
};

G_DEFINE_FINAL_TYPE (IopGoalsView, iop_goals_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  PROP_NEW_LABEL,
  PROP_SUBPAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Helpers */

static GtkWidget *
goal_card (IopGoalsView *self,
           IopGoal      *goal)
{
  g_autoptr(GPtrArray) entries = iop_store_list_progress (self->store, iop_goal_get_id (goal), NULL);
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *frame;
  GtkWidget *title = gtk_label_new (iop_goal_get_statement (goal));
  GtkWidget *words = NULL;
  GtkWidget *chart = iop_chart_new ();
  GtkWidget *footer = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *latest;
  GtkWidget *button = gtk_button_new_with_mnemonic (_("Record _Progress…"));
  g_autofree char *latest_text = NULL;
  g_autofree char *accessible = NULL;
  guint series;

  gtk_widget_set_margin_top (card, 12);
  gtk_widget_set_margin_bottom (card, 12);
  gtk_widget_set_margin_start (card, 14);
  gtk_widget_set_margin_end (card, 14);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_add_css_class (title, "heading");
  gtk_box_append (GTK_BOX (card), title);

  if (*iop_goal_get_own_words (goal))
    {
      g_autofree char *text = g_strdup_printf (_("In their words: %s"), iop_goal_get_own_words (goal));
      words = gtk_label_new (text);
      gtk_label_set_wrap (GTK_LABEL (words), TRUE);
      gtk_label_set_xalign (GTK_LABEL (words), 0);
      gtk_widget_add_css_class (words, "dim-label");
      gtk_box_append (GTK_BOX (card), words);
    }

  iop_chart_set_range (IOP_CHART (chart), 0, 10);
  series = iop_chart_add_series (IOP_CHART (chart), _("Progress"));
  for (guint i = 0; entries != NULL && i < entries->len; i++)
    {
      IopProgressEntry *e = g_ptr_array_index (entries, i);
      iop_chart_add_point (IOP_CHART (chart), series, iop_progress_entry_get_date (e), iop_progress_entry_get_rating (e));
    }
  gtk_box_append (GTK_BOX (card), chart);

  if (entries != NULL && entries->len > 0)
    {
      IopProgressEntry *first = g_ptr_array_index (entries, 0);
      IopProgressEntry *last = g_ptr_array_index (entries, entries->len - 1);
      g_autofree char *date = iop_date_format (iop_progress_entry_get_date (last));

      /* Translators: e.g. "Latest 6 of 10 on Nov 20 · from 3 at the start · 8 entries" */
      latest_text = g_strdup_printf (ngettext ("Latest %d of 10 on %s · from %d at the start · %u entry",
                                               "Latest %d of 10 on %s · from %d at the start · %u entries",
                                               entries->len),
                                     iop_progress_entry_get_rating (last), date,
                                     iop_progress_entry_get_rating (first), entries->len);
    }
  else
    latest_text = g_strdup (_("No progress recorded yet"));
  accessible = g_strdup_printf (_("Progress chart, ratings from 0 to 10. %s"), latest_text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (chart), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);

  latest = gtk_label_new (latest_text);
  gtk_label_set_wrap (GTK_LABEL (latest), TRUE);
  gtk_label_set_xalign (GTK_LABEL (latest), 0);
  gtk_widget_set_hexpand (latest, TRUE);
  gtk_box_append (GTK_BOX (footer), latest);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "goals.record-progress");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), g_variant_new_int64 (iop_goal_get_id (goal)));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (footer), button);
  gtk_box_append (GTK_BOX (card), footer);

  frame = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_add_css_class (frame, "card");
  gtk_widget_add_css_class (frame, "iop-goal-card");
  gtk_box_append (GTK_BOX (frame), card);
  return frame;
}

static void
show_goals (IopGoalsView *self)
{
  g_autoptr(IopParticipant) participant = NULL;
  g_autoptr(IopTreatmentPlan) plan = NULL;
  g_autoptr(GPtrArray) goals = NULL;
  g_autofree char *name = NULL;
  g_autofree char *info = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->goals_box))) != NULL)
    gtk_box_remove (self->goals_box, child);

  if (self->store == NULL || self->participant_id <= 0
      || (participant = iop_store_get_participant (self->store, self->participant_id, NULL)) == NULL)
    {
      gtk_stack_set_visible_child_name (self->content_stack, "empty");
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "view.new", FALSE);
      return;
    }

  name = iop_participant_dup_display_name (participant);
  gtk_label_set_text (self->name_label, name);
  plan = iop_store_get_current_plan (self->store, self->participant_id, NULL);
  goals = iop_store_list_active_goals (self->store, self->participant_id, NULL);

  if (plan == NULL)
    info = g_strdup (_("No signed treatment plan yet. Write and sign one on the participant’s page."));
  else
    {
      g_autofree char *effective = iop_date_format (iop_treatment_plan_get_effective_date (plan));
      g_autofree char *due = iop_date_format (iop_treatment_plan_get_review_due (plan));

      /* Translators: "Plan version 2, effective Oct 1 · review due Oct 31 (overdue)" */
      info = g_strdup_printf (_("Plan version %d, effective %s · review due %s%s"), iop_treatment_plan_get_version (plan),
                              effective, due,
                              g_strcmp0 (iop_treatment_plan_get_display_state (plan), "review-due") == 0
                                ? _(" (due now)") : "");
    }
  gtk_label_set_text (self->plan_label, info);

  for (guint i = 0; goals != NULL && i < goals->len; i++)
    gtk_box_append (self->goals_box, goal_card (self, g_ptr_array_index (goals, i)));
  if (plan != NULL && (goals == NULL || goals->len == 0))
    {
      GtkWidget *none = gtk_label_new (_("Every goal of the current plan is met or closed."));
      gtk_widget_add_css_class (none, "dim-label");
      gtk_box_append (self->goals_box, none);
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "view.new", goals != NULL && goals->len > 0);
  gtk_stack_set_visible_child_name (self->content_stack, "goals");
}

static void
reload_due (IopGoalsView *self)
{
  g_autoptr(GPtrArray) due = NULL;
  g_autofree char *title = NULL;

  g_list_store_remove_all (self->due_plans);
  if (self->store != NULL)
    due = iop_store_list_plans_due_for_review (self->store, NULL, NULL);
  for (guint i = 0; due != NULL && i < due->len; i++)
    g_list_store_append (self->due_plans, g_ptr_array_index (due, i));
  title = g_strdup_printf (ngettext ("%u plan due or overdue for review", "%u plans due or overdue for review",
                                     due != NULL ? due->len : 0),
                           due != NULL ? due->len : 0);
  gtk_label_set_text (self->due_title, title);
}

/* Callbacks */

static void
search_changed_cb (IopGoalsView *self)
{
  iop_participant_list_set_filter (self->participants, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

static gboolean
showing_content (IopGoalsView *self)
{
  return adw_leaflet_get_folded (self->leaflet)
         && adw_leaflet_get_visible_child (self->leaflet) == GTK_WIDGET (self->content_stack);
}

static void
leaflet_changed_cb (IopGoalsView *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUBPAGE]);
}

static void
search_activate_cb (IopGoalsView *self)
{
  /* Enter shows the first match: the one the person most likely meant. */
  g_autoptr(IopParticipant) participant = g_list_model_get_item (G_LIST_MODEL (self->participants), 0);

  if (participant != NULL)
    iop_goals_view_show_participant (self, iop_participant_get_id (participant));
}

static void
participant_activate_cb (IopGoalsView *self,
                         guint         position)
{
  g_autoptr(IopParticipant) participant = g_list_model_get_item (G_LIST_MODEL (self->participants), position);

  if (participant != NULL)
    iop_goals_view_show_participant (self, iop_participant_get_id (participant));
}

static void
due_activate_cb (IopGoalsView *self,
                 guint         position)
{
  g_autoptr(IopTreatmentPlan) plan = g_list_model_get_item (G_LIST_MODEL (self->due_plans), position);

  if (plan != NULL)
    iop_goals_view_show_participant (self, iop_treatment_plan_get_participant_id (plan));
}

static void
setup_participant_cb (GtkSignalListItemFactory *factory,
                      GtkListItem              *item,
                      gpointer                  user_data)
{
  gtk_list_item_set_child (item, iop_participant_row_new ());
}

static void
bind_participant_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *item,
                     gpointer                  user_data)
{
  iop_participant_row_set_participant (IOP_PARTICIPANT_ROW (gtk_list_item_get_child (item)),
                                       gtk_list_item_get_item (item));
}

static void
setup_due_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *when = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (when), 0);
  gtk_label_set_wrap (GTK_LABEL (when), TRUE);
  gtk_widget_add_css_class (when, "dim-label");
  gtk_widget_add_css_class (when, "caption");
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), when);
  gtk_widget_set_margin_top (box, 4);
  gtk_widget_set_margin_bottom (box, 4);
  gtk_list_item_set_child (item, box);
}

static void
bind_due_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  user_data)
{
  IopTreatmentPlan *plan = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *name = gtk_widget_get_first_child (box);
  GtkWidget *when = gtk_widget_get_last_child (box);
  g_autofree char *today = iop_date_today ();
  g_autofree char *due = iop_date_format (iop_treatment_plan_get_review_due (plan));
  int days = iop_date_diff_days (iop_treatment_plan_get_review_due (plan), today);
  g_autofree char *label = g_strdup_printf ("%s · %s", iop_treatment_plan_get_participant_name (plan),
                                            iop_treatment_plan_get_record_number (plan));
  g_autofree char *text = NULL;

  if (days > 0)
    /* Translators: "Version 1 · review was due Nov 1, 25 days ago" */
    text = g_strdup_printf (ngettext ("Version %d · review was due %s, %d day ago",
                                      "Version %d · review was due %s, %d days ago", days),
                            iop_treatment_plan_get_version (plan), due, days);
  else
    text = g_strdup_printf (_("Version %d · review due today"), iop_treatment_plan_get_version (plan));
  gtk_label_set_text (GTK_LABEL (name), label);
  gtk_label_set_text (GTK_LABEL (when), text);
}

static void
store_changed_cb (IopGoalsView *self,
                  const char   *kind)
{
  if (g_strcmp0 (kind, IOP_KIND_PLAN) == 0)
    {
      reload_due (self);
      show_goals (self);
    }
  else if (g_strcmp0 (kind, IOP_KIND_PARTICIPANT) == 0)
    iop_participant_list_reload (self->participants);
}

/* Actions */

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  IopGoalsView *self = IOP_GOALS_VIEW (widget);
  g_autoptr(GPtrArray) goals = iop_store_list_active_goals (self->store, self->participant_id, NULL);

  if (goals != NULL && goals->len > 0)
    iop_plan_record_progress (widget, self->store, iop_goal_get_id (g_ptr_array_index (goals, 0)));
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  IopGoalsView *self = IOP_GOALS_VIEW (widget);

  adw_leaflet_set_visible_child (self->leaflet, self->list_pane);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* Narrow, the list and a participant's goals take turns, like the window's areas. */
static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  IopGoalsView *self = IOP_GOALS_VIEW (widget);

  adw_leaflet_set_visible_child (self->leaflet, self->list_pane);
}

static void
record_progress_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  iop_plan_record_progress (widget, IOP_GOALS_VIEW (widget)->store, g_variant_get_int64 (parameter));
}

/* GObject */

static void
iop_goals_view_constructed (GObject *object)
{
  IopGoalsView *self = IOP_GOALS_VIEW (object);
  GtkListItemFactory *factory;

  G_OBJECT_CLASS (iop_goals_view_parent_class)->constructed (object);

  self->participants = iop_participant_list_new (self->store);
  iop_participant_list_set_active_only (self->participants, TRUE);
  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_participant_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_participant_cb), NULL);
  gtk_list_view_set_factory (self->participants_list, factory);
  g_object_unref (factory);
  {
    g_autoptr(GtkSingleSelection) selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->participants)));

    gtk_single_selection_set_autoselect (selection, FALSE);
    gtk_list_view_set_model (self->participants_list, GTK_SELECTION_MODEL (selection));
  }

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_due_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_due_cb), NULL);
  gtk_list_view_set_factory (self->due_list, factory);
  g_object_unref (factory);
  {
    g_autoptr(GtkNoSelection) selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->due_plans)));

    gtk_list_view_set_model (self->due_list, GTK_SELECTION_MODEL (selection));
  }

  if (self->store != NULL)
    g_signal_connect_object (self->store, "changed", G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);
  reload_due (self);
  show_goals (self);
}

static void
iop_goals_view_dispose (GObject *object)
{
  IopGoalsView *self = IOP_GOALS_VIEW (object);

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->participants);
  g_clear_object (&self->due_plans);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (iop_goals_view_parent_class)->dispose (object);
}

static void
iop_goals_view_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  IopGoalsView *self = IOP_GOALS_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_NEW_LABEL:
      g_value_set_string (value, _("Record Progress"));
      break;
    case PROP_SUBPAGE:
      g_value_set_boolean (value, showing_content (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
iop_goals_view_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  IopGoalsView *self = IOP_GOALS_VIEW (object);

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
iop_goals_view_class_init (IopGoalsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = iop_goals_view_constructed;
  object_class->dispose = iop_goals_view_dispose;
  object_class->get_property = iop_goals_view_get_property;
  object_class->set_property = iop_goals_view_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, IOP_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NEW_LABEL] =
    g_param_spec_string ("new-label", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SUBPAGE] =
    g_param_spec_boolean ("subpage", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/iop/iop-goals-view.ui");
  gtk_widget_class_bind_template_child (widget_class, IopGoalsView, leaflet);
  gtk_widget_class_bind_template_child (widget_class, IopGoalsView, list_pane);
  gtk_widget_class_bind_template_child (widget_class, IopGoalsView, separator);
  gtk_widget_class_bind_template_child (widget_class, IopGoalsView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, IopGoalsView, participants_list);
  gtk_widget_class_bind_template_child (widget_class, IopGoalsView, due_title);
  gtk_widget_class_bind_template_child (widget_class, IopGoalsView, due_list);
  gtk_widget_class_bind_template_child (widget_class, IopGoalsView, content_stack);
  gtk_widget_class_bind_template_child (widget_class, IopGoalsView, name_label);
  gtk_widget_class_bind_template_child (widget_class, IopGoalsView, plan_label);
  gtk_widget_class_bind_template_child (widget_class, IopGoalsView, goals_box);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, participant_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, due_activate_cb);

  gtk_widget_class_install_action (widget_class, "view.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "view.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "view.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "goals.record-progress", "x", record_progress_action);
}

static void
iop_goals_view_init (IopGoalsView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  adw_leaflet_page_set_navigatable (adw_leaflet_get_page (self->leaflet, self->separator), FALSE);
  g_signal_connect_object (self->leaflet, "notify::folded", G_CALLBACK (leaflet_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->leaflet, "notify::visible-child", G_CALLBACK (leaflet_changed_cb),
                           self, G_CONNECT_SWAPPED);
  self->due_plans = g_list_store_new (IOP_TYPE_TREATMENT_PLAN);
}

GtkWidget *
iop_goals_view_new (IopStore *store)
{
  return g_object_new (IOP_TYPE_GOALS_VIEW, "store", store, NULL);
}

/**
 * iop_goals_view_show_participant:
 * @self: an #IopGoalsView
 * @participant_id: whose goals to show
 *
 * Shows the participant's active goals, and notes in the audit log that their
 * record was read.
 */
void
iop_goals_view_show_participant (IopGoalsView *self,
                                 gint64        participant_id)
{
  g_return_if_fail (IOP_IS_GOALS_VIEW (self));

  if (participant_id != self->participant_id && participant_id > 0 && self->store != NULL)
    {
      g_autoptr(GError) error = NULL;

      if (!iop_store_audit (self->store, "view", IOP_KIND_PLAN, 0, participant_id, "goals", &error))
        g_warning ("Could not record the view in the audit log: %s", error->message);
    }
  self->participant_id = participant_id;
  show_goals (self);
  if (participant_id > 0)
    adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->content_stack));
}

gint64
iop_goals_view_get_participant_id (IopGoalsView *self)
{
  g_return_val_if_fail (IOP_IS_GOALS_VIEW (self), 0);
  return self->participant_id;
}

/**
 * iop_goals_view_get_goals_box:
 * @self: an #IopGoalsView
 *
 * Returns: (transfer none): the box of goal cards, each with its chart
 */
GtkBox *
iop_goals_view_get_goals_box (IopGoalsView *self)
{
  g_return_val_if_fail (IOP_IS_GOALS_VIEW (self), NULL);
  return self->goals_box;
}

/**
 * iop_goals_view_get_due_plans:
 * @self: an #IopGoalsView
 *
 * Returns: (transfer none): the caseload's plans due or overdue for review
 */
GListModel *
iop_goals_view_get_due_plans (IopGoalsView *self)
{
  g_return_val_if_fail (IOP_IS_GOALS_VIEW (self), NULL);
  return G_LIST_MODEL (self->due_plans);
}

GListModel *
iop_goals_view_get_participants (IopGoalsView *self)
{
  g_return_val_if_fail (IOP_IS_GOALS_VIEW (self), NULL);
  return G_LIST_MODEL (self->participants);
}
