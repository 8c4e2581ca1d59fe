/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "iop-plan-section"

#include "config.h"

#include <glib/gi18n.h>

#include "iop-a11y.h"
#include "iop-date.h"
#include "iop-form-dialog.h"
#include "iop-plan-section.h"
#include "iop-store-plans.h"

/*
 * The "Treatment plan" section of a participant's page. It shows one version
 * at a time — the current one unless another is chosen — as problems → goals
 * → objectives → interventions. Older versions stay readable. When the draft
 * is shown, every row gets its editing controls, so the section is the plan
 * editor too; signing happens from here with the participant's agreement.
 */

struct _IopPlanSection
{
  AdwBin        parent_instance;

  /* template widgets */
  GtkLabel     *state_label;
  GtkButton    *new_version_button;
  GtkButton    *edit_draft_button;
  GtkButton    *sign_button;
  GtkBox       *version_box;
  GtkDropDown  *version_dropdown;
  GtkLabel     *info_label;
  GtkListBox   *tree_list;
  GtkBox       *draft_box;

  /* owned */
  IopStore     *store;
  GPtrArray    *plans;          /* IopTreatmentPlan, newest first */
  gint64        participant_id;
  gint64        shown_plan_id;
  gboolean      reloading;
};

G_DEFINE_FINAL_TYPE (IopPlanSection, iop_plan_section, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  PROP_PARTICIPANT_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* What a form edits: a new row under @parent_id, or the row @id. */
typedef struct {
  IopStore *store;
  gint64    id;
  gint64    parent_id;
  GArray   *choice_ids;     /* gint64: the ids behind a combo's choices */
  GPtrArray *sessions;      /* IopSessionRef: the sessions progress can come from */
} FormData;

static void
form_data_free (gpointer data)
{
  FormData *f = data;

  g_clear_object (&f->store);
  g_clear_pointer (&f->choice_ids, g_array_unref);
  g_clear_pointer (&f->sessions, g_ptr_array_unref);
  g_free (f);
}

static FormData *
form_data_new (IopStore *store,
               gint64    id,
               gint64    parent_id)
{
  FormData *f = g_new0 (FormData, 1);

  f->store = g_object_ref (store);
  f->id = id;
  f->parent_id = parent_id;
  f->choice_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  return f;
}

/* Helpers */

static void
toast (GtkWidget  *widget,
       const char *message)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (message));
  else
    g_warning ("%s", message);
}

static IopTreatmentPlan *
find_plan (IopPlanSection *self,
           gint64          plan_id)
{
  for (guint i = 0; self->plans != NULL && i < self->plans->len; i++)
    if (iop_treatment_plan_get_id (g_ptr_array_index (self->plans, i)) == plan_id)
      return g_ptr_array_index (self->plans, i);
  return NULL;
}

static IopTreatmentPlan *
find_state (IopPlanSection *self,
            const char     *state)
{
  for (guint i = 0; self->plans != NULL && i < self->plans->len; i++)
    if (g_strcmp0 (iop_treatment_plan_get_state (g_ptr_array_index (self->plans, i)), state) == 0)
      return g_ptr_array_index (self->plans, i);
  return NULL;
}

static char *
date_text (const char *iso)
{
  return iso != NULL && *iso ? iop_date_format (iso) : g_strdup (_("not set"));
}

static GtkWidget *
row_new (const char *title,
         const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL && *subtitle)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  return row;
}

static GtkWidget *
action_button (const char *icon_name,
               const char *tooltip,
               const char *action,
               GVariant   *target)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  gtk_widget_add_css_class (button, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), target);
  return button;
}

static GVariant *
item_target (const char *kind,
             gint64      id)
{
  return g_variant_new ("(sx)", kind, id);
}

static void
add_edit_buttons (GtkWidget  *row,
                  const char *kind,
                  gint64      id,
                  const char *add_action,
                  const char *add_tooltip)
{
  GtkWidget *buttons[3] = { NULL };
  guint n = 0;

  if (add_action != NULL)
    buttons[n++] = action_button ("list-add-symbolic", add_tooltip, add_action, g_variant_new_int64 (id));
  buttons[n++] = action_button ("document-edit-symbolic", _("Edit"), "plan.edit", item_target (kind, id));
  buttons[n++] = action_button ("user-trash-symbolic", _("Remove"), "plan.remove", item_target (kind, id));

  /* An expander row puts each new action before the previous ones. */
  for (guint i = 0; i < n; i++)
    {
      if (ADW_IS_EXPANDER_ROW (row))
        adw_expander_row_add_action (ADW_EXPANDER_ROW (row), buttons[n - 1 - i]);
      else
        adw_action_row_add_suffix (ADW_ACTION_ROW (row), buttons[i]);
    }
}

static char *
progress_summary (IopStore *store,
                  gint64    goal_id)
{
  g_autoptr(GPtrArray) entries = iop_store_list_progress (store, goal_id, NULL);
  IopProgressEntry *last;
  g_autofree char *date = NULL;

  if (entries == NULL || entries->len == 0)
    return g_strdup (_("No progress recorded yet"));
  last = g_ptr_array_index (entries, entries->len - 1);
  date = iop_date_format (iop_progress_entry_get_date (last));
  /* Translators: latest progress rating toward a goal, e.g. "Progress 6 of 10 on Nov 3 (8 entries)" */
  return g_strdup_printf (ngettext ("Progress %d of 10 on %s (%u entry)", "Progress %d of 10 on %s (%u entries)",
                                    entries->len),
                          iop_progress_entry_get_rating (last), date, entries->len);
}

static void
add_goal (IopPlanSection *self,
          IopGoal        *goal,
          gboolean        editable,
          gboolean        active)
{
  g_autoptr(GPtrArray) objectives = iop_store_list_objectives (self->store, iop_goal_get_id (goal), NULL);
  GtkWidget *row = adw_expander_row_new ();
  const char *own = iop_goal_get_own_words (goal);
  g_autofree char *target = date_text (iop_goal_get_target_date (goal));
  g_autofree char *subtitle = NULL;
  g_autofree char *title = g_strdup_printf (_("Goal: %s"), iop_goal_get_statement (goal));

  /* Translators: a goal's details: the participant's words, target date, status */
  subtitle = g_strdup_printf (_("In their words: %s\nTarget %s · %s"), *own ? own : _("not recorded"), target,
                              iop_goal_status_label (iop_goal_get_status (goal)));
  if (active)
    {
      g_autofree char *progress = progress_summary (self->store, iop_goal_get_id (goal));
      g_autofree char *with = g_strdup_printf ("%s\n%s", subtitle, progress);
      g_free (subtitle);
      subtitle = g_steal_pointer (&with);
    }

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  gtk_widget_set_margin_start (row, 0);

  if (editable)
    add_edit_buttons (row, "goal", iop_goal_get_id (goal), "plan.add-objective", _("Add an objective"));
  else if (active)
    {
      GtkWidget *button = gtk_button_new_with_mnemonic (_("Record _Progress…"));

      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "plan.record-progress");
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), g_variant_new_int64 (iop_goal_get_id (goal)));
      adw_expander_row_add_action (ADW_EXPANDER_ROW (row), button);
    }

  for (guint k = 0; objectives != NULL && k < objectives->len; k++)
    {
      IopObjective *o = g_ptr_array_index (objectives, k);
      g_autoptr(GPtrArray) interventions = iop_store_list_interventions (self->store, iop_objective_get_id (o), NULL);
      g_autofree char *o_target = date_text (iop_objective_get_target_date (o));
      g_autofree char *o_title = g_strdup_printf (_("Objective: %s"), iop_objective_get_statement (o));
      g_autofree char *o_subtitle = g_strdup_printf (_("Target %s · %s"), o_target,
                                                     iop_goal_status_label (iop_objective_get_status (o)));
      GtkWidget *orow = row_new (o_title, o_subtitle);

      if (editable)
        add_edit_buttons (orow, "objective", iop_objective_get_id (o), "plan.add-intervention",
                          _("Add an intervention"));
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), orow);

      for (guint n = 0; interventions != NULL && n < interventions->len; n++)
        {
          IopIntervention *iv = g_ptr_array_index (interventions, n);
          g_autofree char *i_title = g_strdup_printf (_("Intervention: %s"), iop_intervention_get_description (iv));
          /* Translators: who delivers an intervention · how often */
          g_autofree char *i_subtitle = g_strdup_printf (_("%s · %s"),
                                                         *iop_intervention_get_responsible (iv)
                                                           ? iop_intervention_get_responsible (iv) : _("who: not set"),
                                                         *iop_intervention_get_frequency (iv)
                                                           ? iop_intervention_get_frequency (iv) : _("how often: not set"));
          GtkWidget *irow = row_new (i_title, i_subtitle);

          gtk_widget_add_css_class (irow, "iop-plan-intervention");
          if (editable)
            add_edit_buttons (irow, "intervention", iop_intervention_get_id (iv), NULL, NULL);
          adw_expander_row_add_row (ADW_EXPANDER_ROW (row), irow);
        }
    }

  gtk_list_box_append (self->tree_list, row);
}

static void
build_tree (IopPlanSection   *self,
            IopTreatmentPlan *plan)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GPtrArray) goals = NULL;
  gboolean editable = iop_treatment_plan_is_draft (plan);
  gboolean active = g_strcmp0 (iop_treatment_plan_get_state (plan), "active") == 0;
  gboolean loose = FALSE;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->tree_list))) != NULL)
    gtk_list_box_remove (self->tree_list, child);

  problems = iop_store_list_problems (self->store, iop_treatment_plan_get_id (plan), NULL);
  goals = iop_store_list_goals (self->store, iop_treatment_plan_get_id (plan), NULL);
  if (problems == NULL || goals == NULL)
    return;

  for (guint i = 0; i < problems->len; i++)
    {
      IopProblem *p = g_ptr_array_index (problems, i);
      g_autofree char *title = g_strdup_printf (_("Problem: %s"), iop_problem_get_description (p));
      g_autofree char *subtitle = NULL;
      GtkWidget *row;

      if (iop_problem_get_asam_dimension (p) > 0)
        /* Translators: life area · ASAM dimension */
        subtitle = g_strdup_printf (_("%s · ASAM dimension %s"), iop_problem_get_life_area (p),
                                    iop_asam_dimension_label (iop_problem_get_asam_dimension (p)));
      else
        subtitle = g_strdup (iop_problem_get_life_area (p));
      row = row_new (title, subtitle);
      gtk_widget_add_css_class (row, "iop-plan-problem");
      if (editable)
        add_edit_buttons (row, "problem", iop_problem_get_id (p), "plan.add-goal", _("Add a goal for this problem"));
      gtk_list_box_append (self->tree_list, row);

      for (guint g = 0; g < goals->len; g++)
        if (iop_goal_get_problem_id (g_ptr_array_index (goals, g)) == iop_problem_get_id (p))
          add_goal (self, g_ptr_array_index (goals, g), editable, active);
    }

  for (guint g = 0; g < goals->len; g++)
    {
      if (iop_goal_get_problem_id (g_ptr_array_index (goals, g)) != 0)
        continue;
      if (!loose && problems->len > 0)
        {
          GtkWidget *row = row_new (_("Goals not tied to a problem"), NULL);
          gtk_widget_add_css_class (row, "iop-plan-problem");
          gtk_list_box_append (self->tree_list, row);
        }
      loose = TRUE;
      add_goal (self, g_ptr_array_index (goals, g), editable, active);
    }

  if (problems->len == 0 && goals->len == 0)
    gtk_list_box_append (self->tree_list,
                         row_new (_("This version has no problems or goals yet."),
                                  editable ? _("Add a problem, then the goals that address it.") : NULL));
}

static void
update_buttons (IopPlanSection *self)
{
  IopTreatmentPlan *shown = find_plan (self, self->shown_plan_id);
  gboolean has_draft = find_state (self, "draft") != NULL;
  gboolean shown_draft = shown != NULL && iop_treatment_plan_is_draft (shown);

  gtk_widget_set_visible (GTK_WIDGET (self->new_version_button), !has_draft);
  gtk_widget_set_visible (GTK_WIDGET (self->edit_draft_button), has_draft && !shown_draft);
  gtk_widget_set_visible (GTK_WIDGET (self->sign_button), shown_draft);
  gtk_widget_set_visible (GTK_WIDGET (self->draft_box), shown_draft);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "plan.new-version", !has_draft && self->participant_id > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "plan.edit-draft", has_draft);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "plan.sign", shown_draft);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "plan.add-problem", shown_draft);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "plan.add-goal", shown_draft);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "plan.discard-draft", shown_draft);
}

static void
show_selected (IopPlanSection *self)
{
  IopTreatmentPlan *plan = find_plan (self, self->shown_plan_id);
  g_autofree char *info = NULL;
  const char *display;

  if (plan == NULL)
    {
      GtkWidget *child;

      while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->tree_list))) != NULL)
        gtk_list_box_remove (self->tree_list, child);
      gtk_list_box_append (self->tree_list,
                           row_new (_("No treatment plan yet"), _("Start one with New Version.")));
      gtk_widget_set_visible (GTK_WIDGET (self->state_label), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->version_box), FALSE);
      update_buttons (self);
      return;
    }

  display = iop_treatment_plan_get_display_state (plan);
  gtk_label_set_text (self->state_label, iop_plan_state_label (display));
  gtk_widget_remove_css_class (GTK_WIDGET (self->state_label), "warning");
  gtk_widget_remove_css_class (GTK_WIDGET (self->state_label), "accent");
  if (g_strcmp0 (display, "review-due") == 0 || g_strcmp0 (display, "draft") == 0)
    gtk_widget_add_css_class (GTK_WIDGET (self->state_label), "warning");
  gtk_widget_set_visible (GTK_WIDGET (self->state_label), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->version_box), TRUE);

  if (iop_treatment_plan_is_draft (plan))
    info = g_strdup (_("Draft — not signed yet. Edit it below, then sign it with the participant’s agreement."));
  else
    {
      g_autofree char *effective = date_text (iop_treatment_plan_get_effective_date (plan));
      g_autofree char *due = date_text (iop_treatment_plan_get_review_due (plan));
      g_autofree char *signed_day = g_strndup (iop_treatment_plan_get_signed_at (plan), 10);
      g_autofree char *signed_on = date_text (signed_day);
      const char *note = iop_treatment_plan_get_agreement_note (plan);

      /* Translators: effective date, review date, who signed, when, how the participant agreed */
      info = g_strdup_printf (_("Effective %s · review due %s\nSigned by %s on %s · participant agreed%s%s"),
                              effective, due, iop_treatment_plan_get_signed_by_name (plan), signed_on,
                              *note ? ": " : "", note);
    }
  gtk_label_set_text (self->info_label, info);
  build_tree (self, plan);
  update_buttons (self);
}

static void
version_selected_cb (IopPlanSection *self)
{
  guint selected = gtk_drop_down_get_selected (self->version_dropdown);

  if (self->reloading || self->plans == NULL || selected >= self->plans->len)
    return;
  self->shown_plan_id = iop_treatment_plan_get_id (g_ptr_array_index (self->plans, selected));
  show_selected (self);
}

static void
reload (IopPlanSection *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  IopTreatmentPlan *shown;
  guint selected = 0;

  g_clear_pointer (&self->plans, g_ptr_array_unref);
  if (self->store != NULL && self->participant_id > 0)
    self->plans = iop_store_list_plans (self->store, self->participant_id, NULL);
  if (self->plans == NULL)
    self->plans = g_ptr_array_new_with_free_func (g_object_unref);

  /* Keep the version being read; otherwise the current one, then the draft. */
  shown = find_plan (self, self->shown_plan_id);
  if (shown == NULL)
    shown = find_state (self, "active");
  if (shown == NULL && self->plans->len > 0)
    shown = g_ptr_array_index (self->plans, 0);
  self->shown_plan_id = shown != NULL ? iop_treatment_plan_get_id (shown) : 0;

  for (guint i = 0; i < self->plans->len; i++)
    {
      IopTreatmentPlan *plan = g_ptr_array_index (self->plans, i);
      /* Translators: "Version 2 · Active" */
      g_autofree char *label = g_strdup_printf (_("Version %d · %s"), iop_treatment_plan_get_version (plan),
                                                iop_plan_state_label (iop_treatment_plan_get_display_state (plan)));
      gtk_string_list_append (labels, label);
      if (plan == shown)
        selected = i;
    }

  self->reloading = TRUE;
  gtk_drop_down_set_model (self->version_dropdown, G_LIST_MODEL (labels));
  gtk_drop_down_set_selected (self->version_dropdown, selected);
  self->reloading = FALSE;
  show_selected (self);
}

static void
store_changed_cb (IopPlanSection *self,
                  const char     *kind)
{
  if (g_strcmp0 (kind, IOP_KIND_PLAN) == 0)
    reload (self);
}

/* Forms */

static int
status_index (const char *status)
{
  const char * const *values = iop_goal_status_values ();

  for (int i = 0; values[i] != NULL; i++)
    if (g_strcmp0 (values[i], status) == 0)
      return i;
  return 0;
}

static void
add_status_combo (IopFormDialog *dialog,
                  const char    *status)
{
  const char * const *values = iop_goal_status_values ();
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  for (guint i = 0; values[i] != NULL; i++)
    g_ptr_array_add (labels, (gpointer) iop_goal_status_label (values[i]));
  g_ptr_array_add (labels, NULL);
  iop_form_dialog_add_combo (dialog, "status", _("Status"), (const char * const *) labels->pdata, status_index (status));
}

static gboolean
save_problem (IopFormDialog  *dialog,
              gpointer        user_data,
              GError        **error)
{
  FormData *f = user_data;
  g_autoptr(IopProblem) p = iop_problem_new ();
  g_autofree char *description = iop_form_dialog_dup_text (dialog, "description");
  g_autofree char *area = iop_form_dialog_dup_text (dialog, "life-area");

  iop_problem_set_id (p, f->id);
  iop_problem_set_plan_id (p, f->parent_id);
  iop_problem_set_description (p, description);
  iop_problem_set_life_area (p, area);
  iop_problem_set_asam_dimension (p, iop_form_dialog_get_selected (dialog, "asam"));
  return f->id > 0 ? iop_store_update_problem (f->store, p, error) : iop_store_add_problem (f->store, p, error);
}

static void
problem_form (IopPlanSection *self,
              IopProblem     *problem)
{
  const char *asam[] = { NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL };
  FormData *f = form_data_new (self->store, problem != NULL ? iop_problem_get_id (problem) : 0, self->shown_plan_id);
  IopFormDialog *dialog = iop_form_dialog_new (GTK_WIDGET (self), problem != NULL ? _("Edit Problem") : _("Add Problem"),
                                               problem != NULL ? _("_Save") : _("_Add"), save_problem, f, form_data_free);

  for (int i = 0; i <= 6; i++)
    asam[i] = iop_asam_dimension_label (i);
  iop_form_dialog_add_entry (dialog, "description", _("Problem"), problem != NULL ? iop_problem_get_description (problem) : NULL);
  iop_form_dialog_add_entry (dialog, "life-area", _("Life area (substance use, mental health, housing…)"),
                             problem != NULL ? iop_problem_get_life_area (problem) : NULL);
  iop_form_dialog_add_combo (dialog, "asam", _("ASAM dimension"), asam,
                             problem != NULL ? iop_problem_get_asam_dimension (problem) : 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
save_goal (IopFormDialog  *dialog,
           gpointer        user_data,
           GError        **error)
{
  FormData *f = user_data;
  g_autoptr(IopGoal) g = iop_goal_new ();
  g_autofree char *own = iop_form_dialog_dup_text (dialog, "own-words");
  g_autofree char *statement = iop_form_dialog_dup_text (dialog, "statement");
  g_autofree char *target = iop_form_dialog_dup_text (dialog, "target");
  guint problem = iop_form_dialog_get_selected (dialog, "problem");

  iop_goal_set_id (g, f->id);
  iop_goal_set_plan_id (g, f->parent_id);
  iop_goal_set_problem_id (g, problem < f->choice_ids->len ? g_array_index (f->choice_ids, gint64, problem) : 0);
  iop_goal_set_own_words (g, own);
  iop_goal_set_statement (g, statement);
  iop_goal_set_target_date (g, target);
  iop_goal_set_status (g, iop_goal_status_values ()[iop_form_dialog_get_selected (dialog, "status")]);
  return f->id > 0 ? iop_store_update_goal (f->store, g, error) : iop_store_add_goal (f->store, g, error);
}

static void
goal_form (IopPlanSection *self,
           IopGoal        *goal,
           gint64          problem_id)
{
  FormData *f = form_data_new (self->store, goal != NULL ? iop_goal_get_id (goal) : 0, self->shown_plan_id);
  IopFormDialog *dialog = iop_form_dialog_new (GTK_WIDGET (self), goal != NULL ? _("Edit Goal") : _("Add Goal"),
                                               goal != NULL ? _("_Save") : _("_Add"), save_goal, f, form_data_free);
  g_autoptr(GPtrArray) problems = iop_store_list_problems (self->store, self->shown_plan_id, NULL);
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  gint64 none = 0;
  guint selected = 0;

  if (goal != NULL)
    problem_id = iop_goal_get_problem_id (goal);
  g_ptr_array_add (labels, g_strdup (_("None")));
  g_array_append_val (f->choice_ids, none);
  for (guint i = 0; problems != NULL && i < problems->len; i++)
    {
      gint64 id = iop_problem_get_id (g_ptr_array_index (problems, i));
      g_ptr_array_add (labels, g_strdup (iop_problem_get_description (g_ptr_array_index (problems, i))));
      g_array_append_val (f->choice_ids, id);
      if (id == problem_id)
        selected = i + 1;
    }
  g_ptr_array_add (labels, NULL);

  iop_form_dialog_set_description (dialog, _("Write the goal in the participant’s own words, then as a measurable statement: what will be different, how much, and how you will know."));
  iop_form_dialog_add_entry (dialog, "own-words", _("In the participant’s own words"),
                             goal != NULL ? iop_goal_get_own_words (goal) : NULL);
  iop_form_dialog_add_entry (dialog, "statement", _("Measurable goal"), goal != NULL ? iop_goal_get_statement (goal) : NULL);
  iop_form_dialog_add_entry (dialog, "target", _("Target date (YYYY-MM-DD)"),
                             goal != NULL ? iop_goal_get_target_date (goal) : NULL);
  add_status_combo (dialog, goal != NULL ? iop_goal_get_status (goal) : "active");
  iop_form_dialog_add_combo (dialog, "problem", _("Problem it addresses"), (const char * const *) labels->pdata, selected);
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
save_objective (IopFormDialog  *dialog,
                gpointer        user_data,
                GError        **error)
{
  FormData *f = user_data;
  g_autoptr(IopObjective) o = iop_objective_new ();
  g_autofree char *statement = iop_form_dialog_dup_text (dialog, "statement");
  g_autofree char *target = iop_form_dialog_dup_text (dialog, "target");

  iop_objective_set_id (o, f->id);
  iop_objective_set_goal_id (o, f->parent_id);
  iop_objective_set_statement (o, statement);
  iop_objective_set_target_date (o, target);
  iop_objective_set_status (o, iop_goal_status_values ()[iop_form_dialog_get_selected (dialog, "status")]);
  return f->id > 0 ? iop_store_update_objective (f->store, o, error) : iop_store_add_objective (f->store, o, error);
}

static void
objective_form (IopPlanSection *self,
                IopObjective   *objective,
                gint64          goal_id)
{
  FormData *f = form_data_new (self->store, objective != NULL ? iop_objective_get_id (objective) : 0, goal_id);
  IopFormDialog *dialog = iop_form_dialog_new (GTK_WIDGET (self), objective != NULL ? _("Edit Objective") : _("Add Objective"),
                                               objective != NULL ? _("_Save") : _("_Add"), save_objective, f,
                                               form_data_free);

  iop_form_dialog_add_entry (dialog, "statement", _("Measurable step"),
                             objective != NULL ? iop_objective_get_statement (objective) : NULL);
  iop_form_dialog_add_entry (dialog, "target", _("Target date (YYYY-MM-DD)"),
                             objective != NULL ? iop_objective_get_target_date (objective) : NULL);
  add_status_combo (dialog, objective != NULL ? iop_objective_get_status (objective) : "active");
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
save_intervention (IopFormDialog  *dialog,
                   gpointer        user_data,
                   GError        **error)
{
  FormData *f = user_data;
  g_autoptr(IopIntervention) iv = iop_intervention_new ();
  g_autofree char *description = iop_form_dialog_dup_text (dialog, "description");
  g_autofree char *who = iop_form_dialog_dup_text (dialog, "responsible");
  g_autofree char *often = iop_form_dialog_dup_text (dialog, "frequency");

  iop_intervention_set_id (iv, f->id);
  iop_intervention_set_objective_id (iv, f->parent_id);
  iop_intervention_set_description (iv, description);
  iop_intervention_set_responsible (iv, who);
  iop_intervention_set_frequency (iv, often);
  return f->id > 0 ? iop_store_update_intervention (f->store, iv, error) : iop_store_add_intervention (f->store, iv, error);
}

static void
intervention_form (IopPlanSection  *self,
                   IopIntervention *iv,
                   gint64           objective_id)
{
  FormData *f = form_data_new (self->store, iv != NULL ? iop_intervention_get_id (iv) : 0, objective_id);
  IopFormDialog *dialog = iop_form_dialog_new (GTK_WIDGET (self), iv != NULL ? _("Edit Intervention") : _("Add Intervention"),
                                               iv != NULL ? _("_Save") : _("_Add"), save_intervention, f, form_data_free);

  iop_form_dialog_add_entry (dialog, "description", _("What (e.g. relapse prevention group)"),
                             iv != NULL ? iop_intervention_get_description (iv) : NULL);
  iop_form_dialog_add_entry (dialog, "responsible", _("Who"), iv != NULL ? iop_intervention_get_responsible (iv) : NULL);
  iop_form_dialog_add_entry (dialog, "frequency", _("How often (e.g. 2 times a week)"),
                             iv != NULL ? iop_intervention_get_frequency (iv) : NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
save_sign (IopFormDialog  *dialog,
           gpointer        user_data,
           GError        **error)
{
  FormData *f = user_data;
  g_autofree char *date = iop_form_dialog_dup_text (dialog, "effective");
  g_autofree char *note = iop_form_dialog_dup_text (dialog, "note");

  return iop_store_sign_plan (f->store, f->id, date, iop_form_dialog_get_active (dialog, "agreed"), note, error);
}

static gboolean
save_progress (IopFormDialog  *dialog,
               gpointer        user_data,
               GError        **error)
{
  FormData *f = user_data;
  g_autoptr(IopProgressEntry) entry = iop_progress_entry_new ();
  g_autofree char *date = iop_form_dialog_dup_text (dialog, "date");
  g_autofree char *note = iop_form_dialog_dup_text (dialog, "note");
  guint objective = iop_form_dialog_get_selected (dialog, "objective");
  guint session;

  iop_progress_entry_set_goal_id (entry, f->id);
  iop_progress_entry_set_objective_id (entry, objective < f->choice_ids->len
                                               ? g_array_index (f->choice_ids, gint64, objective) : 0);
  iop_progress_entry_set_date (entry, date);
  iop_progress_entry_set_rating (entry, iop_form_dialog_get_int (dialog, "rating"));
  iop_progress_entry_set_note (entry, note);

  /* Progress from a session note is dated on the session's day and linked to it. */
  session = iop_form_dialog_get_selected (dialog, "session");
  if (session > 0 && f->sessions != NULL && session - 1 < f->sessions->len)
    {
      IopSessionRef *ref = g_ptr_array_index (f->sessions, session - 1);

      iop_progress_entry_set_session_id (entry, ref->session_id);
      iop_progress_entry_set_date (entry, ref->date);
    }
  return iop_store_add_progress (f->store, entry, error);
}

/**
 * iop_plan_record_progress:
 * @parent: a widget in the window the dialog belongs to
 * @store: the store
 * @goal_id: a goal of an active plan
 *
 * Opens the Record Progress dialog for a goal.
 */
void
iop_plan_record_progress (GtkWidget *parent,
                          IopStore  *store,
                          gint64     goal_id)
{
  g_autoptr(IopGoal) goal = iop_store_get_goal (store, goal_id, NULL);
  g_autoptr(GPtrArray) objectives = iop_store_list_objectives (store, goal_id, NULL);
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) session_labels = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(IopTreatmentPlan) plan = NULL;
  g_autofree char *today = iop_date_today ();
  FormData *f;
  IopFormDialog *dialog;
  gint64 none = 0;

  if (goal == NULL)
    return;
  f = form_data_new (store, goal_id, 0);
  dialog = iop_form_dialog_new (parent, _("Record Progress"), _("_Record"), save_progress, f, form_data_free);
  g_ptr_array_add (labels, g_strdup (_("The goal as a whole")));
  g_array_append_val (f->choice_ids, none);
  for (guint i = 0; objectives != NULL && i < objectives->len; i++)
    {
      gint64 id = iop_objective_get_id (g_ptr_array_index (objectives, i));
      g_ptr_array_add (labels, g_strdup (iop_objective_get_statement (g_ptr_array_index (objectives, i))));
      g_array_append_val (f->choice_ids, id);
    }
  g_ptr_array_add (labels, NULL);

  iop_form_dialog_set_description (dialog, iop_goal_get_statement (goal));

  /* The sessions this participant attended with a note written, most recent first. */
  plan = iop_store_get_plan (store, iop_goal_get_plan_id (goal), NULL);
  if (plan != NULL)
    f->sessions = iop_store_list_progress_sessions (store, iop_treatment_plan_get_participant_id (plan), NULL);
  g_ptr_array_add (session_labels, g_strdup (_("None (not from a session)")));
  for (guint i = 0; f->sessions != NULL && i < f->sessions->len && i < 12; i++)
    {
      IopSessionRef *ref = g_ptr_array_index (f->sessions, i);
      g_autofree char *day = iop_date_format (ref->date);

      /* Translators: a session in a list: its day and group */
      g_ptr_array_add (session_labels, g_strdup_printf (_("%s · %s"), day, ref->group_name));
    }
  g_ptr_array_add (session_labels, NULL);
  iop_form_dialog_add_combo (dialog, "session", _("From the note of session"),
                             (const char * const *) session_labels->pdata, 0);
  iop_form_dialog_add_entry (dialog, "date", _("Date (YYYY-MM-DD; a session’s day when one is chosen)"), today);
  iop_form_dialog_add_spin (dialog, "rating", _("Progress toward the goal"), _("0 none · 10 goal reached"), 0, 10, 5);
  iop_form_dialog_add_combo (dialog, "objective", _("Objective"), (const char * const *) labels->pdata, 0);
  iop_form_dialog_add_entry (dialog, "note", _("Note"), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Actions */

static void
new_version_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  IopPlanSection *self = IOP_PLAN_SECTION (widget);
  g_autoptr(GError) error = NULL;
  gint64 plan_id = 0;

  if (!iop_store_create_plan_version (self->store, self->participant_id, &plan_id, &error))
    {
      toast (widget, error->message);
      return;
    }
  iop_plan_section_show_plan (self, plan_id);
}

static void
edit_draft_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  IopPlanSection *self = IOP_PLAN_SECTION (widget);
  IopTreatmentPlan *draft = find_state (self, "draft");

  if (draft != NULL)
    iop_plan_section_show_plan (self, iop_treatment_plan_get_id (draft));
}

static void
sign_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  IopPlanSection *self = IOP_PLAN_SECTION (widget);
  g_autofree char *today = iop_date_today ();
  g_autofree char *description = NULL;
  IopFormDialog *dialog;

  description = g_strdup_printf (_("Signing makes this draft the participant’s active plan; the current version is kept, superseded. A signed plan can no longer be changed. The plan is due for review after %d days."),
                                 iop_store_get_plan_review_days (self->store));
  dialog = iop_form_dialog_new (widget, _("Sign Treatment Plan"), _("_Sign"), save_sign,
                                form_data_new (self->store, self->shown_plan_id, 0), form_data_free);
  iop_form_dialog_set_description (dialog, description);
  iop_form_dialog_add_entry (dialog, "effective", _("Effective date (YYYY-MM-DD)"), today);
  iop_form_dialog_add_switch (dialog, "agreed", _("The participant agrees to this plan"),
                              _("Required: review the plan with them first"), FALSE);
  iop_form_dialog_add_entry (dialog, "note", _("How they agreed (e.g. signed the paper copy)"), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_problem_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  problem_form (IOP_PLAN_SECTION (widget), NULL);
}

static void
add_goal_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  goal_form (IOP_PLAN_SECTION (widget), NULL, g_variant_get_int64 (parameter));
}

static void
add_objective_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  objective_form (IOP_PLAN_SECTION (widget), NULL, g_variant_get_int64 (parameter));
}

static void
add_intervention_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  intervention_form (IOP_PLAN_SECTION (widget), NULL, g_variant_get_int64 (parameter));
}

static void
record_progress_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  IopPlanSection *self = IOP_PLAN_SECTION (widget);

  iop_plan_record_progress (widget, self->store, g_variant_get_int64 (parameter));
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  IopPlanSection *self = IOP_PLAN_SECTION (widget);
  const char *kind;
  gint64 id;

  g_variant_get (parameter, "(&sx)", &kind, &id);

  if (g_str_equal (kind, "problem"))
    {
      g_autoptr(GPtrArray) problems = iop_store_list_problems (self->store, self->shown_plan_id, NULL);
      for (guint i = 0; problems != NULL && i < problems->len; i++)
        if (iop_problem_get_id (g_ptr_array_index (problems, i)) == id)
          problem_form (self, g_ptr_array_index (problems, i));
    }
  else if (g_str_equal (kind, "goal"))
    {
      g_autoptr(IopGoal) goal = iop_store_get_goal (self->store, id, NULL);
      if (goal != NULL)
        goal_form (self, goal, 0);
    }
  else
    {
      g_autoptr(GPtrArray) goals = iop_store_list_goals (self->store, self->shown_plan_id, NULL);

      for (guint g = 0; goals != NULL && g < goals->len; g++)
        {
          g_autoptr(GPtrArray) objectives = iop_store_list_objectives (self->store,
                                                                       iop_goal_get_id (g_ptr_array_index (goals, g)), NULL);
          for (guint k = 0; objectives != NULL && k < objectives->len; k++)
            {
              IopObjective *o = g_ptr_array_index (objectives, k);
              g_autoptr(GPtrArray) interventions = NULL;

              if (g_str_equal (kind, "objective") && iop_objective_get_id (o) == id)
                {
                  objective_form (self, o, iop_objective_get_goal_id (o));
                  return;
                }
              interventions = iop_store_list_interventions (self->store, iop_objective_get_id (o), NULL);
              for (guint n = 0; interventions != NULL && n < interventions->len; n++)
                if (g_str_equal (kind, "intervention")
                    && iop_intervention_get_id (g_ptr_array_index (interventions, n)) == id)
                  {
                    intervention_form (self, g_ptr_array_index (interventions, n), iop_objective_get_id (o));
                    return;
                  }
            }
        }
    }
}

static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  IopPlanSection *self = IOP_PLAN_SECTION (widget);
  g_autoptr(GError) error = NULL;
  const char *kind;
  gboolean ok = FALSE;
  gint64 id;

  g_variant_get (parameter, "(&sx)", &kind, &id);
  if (g_str_equal (kind, "problem"))
    ok = iop_store_remove_problem (self->store, id, &error);
  else if (g_str_equal (kind, "goal"))
    ok = iop_store_remove_goal (self->store, id, &error);
  else if (g_str_equal (kind, "objective"))
    ok = iop_store_remove_objective (self->store, id, &error);
  else if (g_str_equal (kind, "intervention"))
    ok = iop_store_remove_intervention (self->store, id, &error);
  if (!ok && error != NULL)
    toast (widget, error->message);
}

static void
discard_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     IopPlanSection   *self)
{
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "discard") != 0)
    return;
  if (!iop_store_delete_draft_plan (self->store, self->shown_plan_id, &error))
    toast (GTK_WIDGET (self), error->message);
  else
    {
      self->shown_plan_id = 0;
      reload (self);
    }
}

static void
discard_draft_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                              _("Discard the Draft?"),
                                              _("Everything in this draft is removed. Signed versions are not affected."));

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "discard", _("_Discard"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (discard_response_cb), widget, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* GObject */

static void
iop_plan_section_dispose (GObject *object)
{
  IopPlanSection *self = IOP_PLAN_SECTION (object);

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);
  g_clear_pointer (&self->plans, g_ptr_array_unref);

  G_OBJECT_CLASS (iop_plan_section_parent_class)->dispose (object);
}

static void
iop_plan_section_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  IopPlanSection *self = IOP_PLAN_SECTION (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_PARTICIPANT_ID:
      g_value_set_int64 (value, self->participant_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
iop_plan_section_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  IopPlanSection *self = IOP_PLAN_SECTION (object);

  switch (prop_id)
    {
    case PROP_STORE:
      iop_plan_section_set_store (self, g_value_get_object (value));
      break;
    case PROP_PARTICIPANT_ID:
      iop_plan_section_set_participant_id (self, g_value_get_int64 (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
iop_plan_section_class_init (IopPlanSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = iop_plan_section_dispose;
  object_class->get_property = iop_plan_section_get_property;
  object_class->set_property = iop_plan_section_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, IOP_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PARTICIPANT_ID] =
    g_param_spec_int64 ("participant-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/iop/iop-plan-section.ui");
  gtk_widget_class_bind_template_child (widget_class, IopPlanSection, state_label);
  gtk_widget_class_bind_template_child (widget_class, IopPlanSection, new_version_button);
  gtk_widget_class_bind_template_child (widget_class, IopPlanSection, edit_draft_button);
  gtk_widget_class_bind_template_child (widget_class, IopPlanSection, sign_button);
  gtk_widget_class_bind_template_child (widget_class, IopPlanSection, version_box);
  gtk_widget_class_bind_template_child (widget_class, IopPlanSection, version_dropdown);
  gtk_widget_class_bind_template_child (widget_class, IopPlanSection, info_label);
  gtk_widget_class_bind_template_child (widget_class, IopPlanSection, tree_list);
  gtk_widget_class_bind_template_child (widget_class, IopPlanSection, draft_box);

  gtk_widget_class_install_action (widget_class, "plan.new-version", NULL, new_version_action);
  gtk_widget_class_install_action (widget_class, "plan.edit-draft", NULL, edit_draft_action);
  gtk_widget_class_install_action (widget_class, "plan.sign", NULL, sign_action);
  gtk_widget_class_install_action (widget_class, "plan.add-problem", NULL, add_problem_action);
  gtk_widget_class_install_action (widget_class, "plan.add-goal", "x", add_goal_action);
  gtk_widget_class_install_action (widget_class, "plan.add-objective", "x", add_objective_action);
  gtk_widget_class_install_action (widget_class, "plan.add-intervention", "x", add_intervention_action);
  gtk_widget_class_install_action (widget_class, "plan.record-progress", "x", record_progress_action);
  gtk_widget_class_install_action (widget_class, "plan.edit", "(sx)", edit_action);
  gtk_widget_class_install_action (widget_class, "plan.remove", "(sx)", remove_action);
  gtk_widget_class_install_action (widget_class, "plan.discard-draft", NULL, discard_draft_action);
}

static void
iop_plan_section_init (IopPlanSection *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  iop_a11y_label_drop_down (self->version_dropdown, _("Plan version"));
  g_signal_connect_swapped (self->version_dropdown, "notify::selected", G_CALLBACK (version_selected_cb), self);
  reload (self);
}

GtkWidget *
iop_plan_section_new (void)
{
  return g_object_new (IOP_TYPE_PLAN_SECTION, NULL);
}

void
iop_plan_section_set_store (IopPlanSection *self,
                            IopStore       *store)
{
  g_return_if_fail (IOP_IS_PLAN_SECTION (self));

  if (self->store == store)
    return;
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_set_object (&self->store, store);
  if (store != NULL)
    g_signal_connect_object (store, "changed", G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);
  reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

void
iop_plan_section_set_participant_id (IopPlanSection *self,
                                     gint64          participant_id)
{
  g_return_if_fail (IOP_IS_PLAN_SECTION (self));

  if (self->participant_id == participant_id)
    return;
  self->participant_id = participant_id;
  self->shown_plan_id = 0;
  reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PARTICIPANT_ID]);
}

gint64
iop_plan_section_get_shown_plan_id (IopPlanSection *self)
{
  g_return_val_if_fail (IOP_IS_PLAN_SECTION (self), 0);
  return self->shown_plan_id;
}

/**
 * iop_plan_section_show_plan:
 * @self: an #IopPlanSection
 * @plan_id: one of the participant's versions
 *
 * Shows that version (the draft shows with its editing controls).
 */
void
iop_plan_section_show_plan (IopPlanSection *self,
                            gint64          plan_id)
{
  g_return_if_fail (IOP_IS_PLAN_SECTION (self));

  self->shown_plan_id = plan_id;
  reload (self);
}

/**
 * iop_plan_section_get_tree:
 * @self: an #IopPlanSection
 *
 * Returns: (transfer none): the list of the shown version's rows, for tests
 */
GtkListBox *
iop_plan_section_get_tree (IopPlanSection *self)
{
  g_return_val_if_fail (IOP_IS_PLAN_SECTION (self), NULL);
  return self->tree_list;
}
