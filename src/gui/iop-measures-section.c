/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "iop-measures-section"

#include "config.h"

#include <glib/gi18n.h>

#include "iop-application.h"
#include "iop-chart.h"
#include "iop-date.h"
#include "iop-form-dialog.h"
#include "iop-instrument-loader.h"
#include "iop-measures-section.h"
#include "iop-store-measures.h"

/*
 * The "Measures" section of a participant's page: a raised PHQ-9 safety flag
 * first, until a counselor acknowledges it; a trend chart per instrument; the
 * entries with their score and severity in words. Measures are entered item
 * by item with the instrument's own wording.
 */

struct _IopMeasuresSection
{
  AdwBin          parent_instance;

  /* template widgets */
  GtkMenuButton  *add_button;
  GtkLabel       *due_label;
  GtkLabel       *refused_label;
  GtkListBox     *flags_list;
  GtkLabel       *empty_label;
  GtkBox         *charts_box;
  GtkListBox     *entries_list;

  /* owned */
  IopStore       *store;
  gint64          participant_id;
};

G_DEFINE_FINAL_TYPE (IopMeasuresSection, iop_measures_section, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  PROP_PARTICIPANT_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct {
  IopStore      *store;
  IopInstrument *instrument;
  gint64         participant_id;
} EntryData;

static void
entry_data_free (gpointer data)
{
  EntryData *e = data;

  g_clear_object (&e->store);
  g_clear_pointer (&e->instrument, iop_instrument_unref);
  g_free (e);
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

static void
clear_box (GtkWidget *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (box)) != NULL)
    {
      if (GTK_IS_LIST_BOX (box))
        gtk_list_box_remove (GTK_LIST_BOX (box), child);
      else
        gtk_box_remove (GTK_BOX (box), child);
    }
}

static IopInstrumentRegistry *
registry (void)
{
  g_autoptr(GError) error = NULL;
  IopInstrumentRegistry *r = iop_instrument_registry_ensure_default (NULL, &error);

  if (r == NULL)
    g_warning ("%s", error->message);
  return r;
}

/**
 * iop_measure_dup_score_text:
 * @instrument: "PHQ-9", "GAD-7", "BAM"…
 * @complete: every scored item was answered
 * @total: the total, or -1
 * @severity: the severity band
 * @subscores: the BAM's "use=3 risk=9 protective=14"
 *
 * Returns: (transfer full): the score as a counselor reads it
 */
char *
iop_measure_dup_score_text (const char *instrument,
                            gboolean    complete,
                            int         total,
                            const char *severity,
                            const char *subscores)
{
  if (!complete && (subscores == NULL || *subscores == '\0'))
    return g_strdup (_("Incomplete: an item was not answered, so no score"));
  if (subscores != NULL && *subscores)
    {
      int values[3] = { iop_subscores_get (subscores, "use"), iop_subscores_get (subscores, "risk"),
                        iop_subscores_get (subscores, "protective") };
      char numbers[3][16];
      g_autofree char *text = NULL;

      for (guint i = 0; i < 3; i++)
        {
          if (values[i] >= 0)
            g_snprintf (numbers[i], sizeof numbers[i], "%d", values[i]);
          else
            g_strlcpy (numbers[i], "—", sizeof numbers[i]);
        }
      if (values[0] >= 0 || values[1] >= 0 || values[2] >= 0)
        /* Translators: the BAM's three sub-scores */
        text = g_strdup_printf (_("Use %s · risk factors %s · protective factors %s"),
                                numbers[0], numbers[1], numbers[2]);
      else
        text = g_strdup (subscores);
      if (!complete)
        return g_strdup_printf (_("%s (incomplete)"), text);
      return g_steal_pointer (&text);
    }
  /* Translators: a total score and its severity, e.g. "11 · moderate" */
  return g_strdup_printf (_("%d · %s"), total, severity != NULL && *severity ? severity : _("no severity band"));
}

/* Adding a measure */

static GArray *
collect_answers (IopFormDialog *dialog,
                 IopInstrument *instrument)
{
  GArray *answers = g_array_new (FALSE, FALSE, sizeof (int));

  for (guint i = 1; i <= iop_instrument_get_n_items (instrument); i++)
    {
      g_autofree char *key = g_strdup_printf ("item-%u", i);
      guint selected = iop_form_dialog_get_selected (dialog, key);
      int min = 0;
      int value = IOP_ANSWER_MISSING;

      iop_instrument_get_item_range (instrument, i, &min, NULL);
      if (selected > 0)
        {
          GtkWidget *row = iop_form_dialog_get_widget (dialog, key);
          GArray *values = g_object_get_data (G_OBJECT (row), "iop-values");
          value = g_array_index (values, int, selected - 1);
        }
      g_array_append_val (answers, value);
    }
  return answers;
}

static void
update_score (IopFormDialog *dialog)
{
  EntryData *e = g_object_get_data (G_OBJECT (dialog), "iop-entry");
  GtkWidget *row = iop_form_dialog_get_widget (dialog, "score");
  g_autoptr(GArray) answers = collect_answers (dialog, e->instrument);
  g_autoptr(IopScore) score = iop_instrument_score (e->instrument, (int *) answers->data, answers->len, NULL);
  g_autofree char *text = NULL;

  if (score == NULL)
    return;
  text = iop_measure_dup_score_text (iop_instrument_get_id (e->instrument), score->complete, score->total,
                                     score->severity, score->subscores);
  if (score->safety_flag)
    {
      g_autofree char *with = g_strdup_printf (_("%s\nSafety flag: %s"), text, score->flag_label);
      g_free (text);
      text = g_steal_pointer (&with);
    }
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), text);
}

static gboolean
save_measure (IopFormDialog  *dialog,
              gpointer        user_data,
              GError        **error)
{
  EntryData *e = user_data;
  g_autofree char *date = iop_form_dialog_dup_text (dialog, "date");
  g_autoptr(GArray) answers = collect_answers (dialog, e->instrument);

  return iop_store_add_measure (e->store, e->instrument, e->participant_id, date, (int *) answers->data, answers->len,
                                0, NULL, error);
}

/**
 * iop_measures_section_open_entry:
 * @self: an #IopMeasuresSection
 * @instrument: an instrument id
 *
 * Opens the Add Measure dialog for the instrument.
 *
 * Returns: (transfer none) (nullable): the dialog
 */
GtkWidget *
iop_measures_section_open_entry (IopMeasuresSection *self,
                                 const char         *instrument)
{
  IopInstrumentRegistry *r = registry ();
  IopInstrument *def = r != NULL ? iop_instrument_registry_lookup (r, instrument) : NULL;
  g_autofree char *today = iop_date_today ();
  g_autofree char *title = NULL;
  g_autofree char *description = NULL;
  IopFormDialog *dialog;
  EntryData *e;

  g_return_val_if_fail (IOP_IS_MEASURES_SECTION (self), NULL);

  if (def == NULL || self->store == NULL || self->participant_id <= 0)
    {
      toast (GTK_WIDGET (self), _("This instrument’s definition could not be loaded."));
      return NULL;
    }

  e = g_new0 (EntryData, 1);
  e->store = g_object_ref (self->store);
  e->instrument = iop_instrument_ref (def);
  e->participant_id = self->participant_id;
  /* Translators: dialog title, e.g. "Add PHQ-9" */
  title = g_strdup_printf (_("Add %s"), iop_instrument_get_id (def));
  dialog = iop_form_dialog_new (GTK_WIDGET (self), title, _("_Save"), save_measure, e, entry_data_free);
  g_object_set_data (G_OBJECT (dialog), "iop-entry", e);
  gtk_window_set_default_size (GTK_WINDOW (dialog), 640, 720);

  description = g_strdup_printf ("%s\n%s", iop_instrument_get_name (def), iop_instrument_get_instructions (def));
  iop_form_dialog_set_description (dialog, description);
  iop_form_dialog_add_entry (dialog, "date", _("Date answered (YYYY-MM-DD)"), today);

  iop_form_dialog_add_group (dialog, _("Answers"), _("Choose “Not answered” for an item the participant skipped: the score is then marked incomplete, never counted as 0."));
  for (guint i = 1; i <= iop_instrument_get_n_items (def); i++)
    {
      g_autofree char *key = g_strdup_printf ("item-%u", i);
      g_autofree char *item_title = g_strdup_printf ("%u. %s", i, iop_instrument_get_item_text (def, i));
      g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
      GArray *values = g_array_new (FALSE, FALSE, sizeof (int));
      AdwComboRow *row;
      int min, max;

      iop_instrument_get_item_range (def, i, &min, &max);
      g_ptr_array_add (labels, g_strdup (_("Not answered")));
      for (int v = min; v <= max; v++)
        {
          const char *label = iop_instrument_get_choice_label (def, i, v);

          if (label == NULL && iop_instrument_get_choice_label (def, i, min) != NULL)
            continue;   /* only the listed choices, e.g. BAM item 14: No (0) or Yes (4) */
          g_ptr_array_add (labels, label != NULL ? g_strdup_printf ("%d · %s", v, label) : g_strdup_printf ("%d", v));
          g_array_append_val (values, v);
        }
      g_ptr_array_add (labels, NULL);
      row = iop_form_dialog_add_combo (dialog, key, item_title, (const char * const *) labels->pdata, 0);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
      g_object_set_data_full (G_OBJECT (row), "iop-values", values, (GDestroyNotify) g_array_unref);
      g_signal_connect_object (row, "notify::selected", G_CALLBACK (update_score), dialog, G_CONNECT_SWAPPED);
    }

  iop_form_dialog_add_group (dialog, NULL, iop_instrument_get_source (def));
  iop_form_dialog_add_info (dialog, "score", _("Score"), NULL);
  update_score (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WIDGET (dialog);
}

/* Showing */

/* How often each instrument is given: the desk's settings (every 2 weeks for the
 * PHQ-9 and GAD-7, weekly for the BAM unless changed). */
static int
interval_days (IopMeasuresSection *self,
               const char         *key,
               int                 fallback)
{
  GApplication *app = g_application_get_default ();
  GSettings *settings = IOP_IS_APPLICATION (app) ? iop_application_get_settings (IOP_APPLICATION (app)) : NULL;
  int days = settings != NULL ? g_settings_get_int (settings, key) : fallback;

  return days > 0 ? days : fallback;
}

static void
update_due (IopMeasuresSection *self)
{
  IopMeasureInterval intervals[] = {
    { "PHQ-9", interval_days (self, "phq9-interval-days", 14) },
    { "GAD-7", interval_days (self, "gad7-interval-days", 14) },
    { "BAM", interval_days (self, "bam-interval-days", 7) },
  };
  g_autoptr(GPtrArray) due = NULL;
  g_autoptr(GString) text = g_string_new (NULL);

  if (self->store != NULL && self->participant_id > 0)
    due = iop_store_list_measures_due (self->store, self->participant_id, NULL, intervals, G_N_ELEMENTS (intervals),
                                       NULL);
  for (guint i = 0; due != NULL && i < due->len; i++)
    {
      IopMeasureDue *d = g_ptr_array_index (due, i);
      g_autofree char *item = NULL;

      if (d->last_date != NULL)
        {
          g_autofree char *last = iop_date_format (d->last_date);
          /* Translators: an instrument due, e.g. "PHQ-9 (last given 11/13/26)" */
          item = g_strdup_printf (_("%s (last given %s)"), d->instrument, last);
        }
      else
        /* Translators: an instrument due that was never given, e.g. "GAD-7 (never given)" */
        item = g_strdup_printf (_("%s (never given)"), d->instrument);
      g_string_append_printf (text, "%s%s", text->len > 0 ? ", " : "", item);
    }
  if (text->len > 0)
    {
      g_autofree char *label = g_strdup_printf (_("Due now: %s"), text->str);
      gtk_label_set_text (self->due_label, label);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->due_label), text->len > 0);
}

static void
add_chart (IopMeasuresSection *self,
           IopInstrument      *def,
           GPtrArray          *measures)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *frame;
  GtkWidget *label;
  GtkWidget *chart = iop_chart_new ();
  g_autofree char *title = NULL;
  g_autofree char *trend = NULL;
  int first = -1, last = -1;
  guint points = 0;

  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_margin_start (box, 14);
  gtk_widget_set_margin_end (box, 14);

  if (iop_instrument_get_has_total (def))
    {
      guint series = iop_chart_add_series (IOP_CHART (chart), iop_instrument_get_id (def));

      iop_chart_set_range (IOP_CHART (chart), 0, iop_instrument_get_max_total (def));
      for (guint i = 0; i < measures->len; i++)
        {
          IopMeasure *m = g_ptr_array_index (measures, i);

          if (!iop_measure_get_complete (m) || iop_measure_get_total (m) < 0)
            continue;
          iop_chart_add_point (IOP_CHART (chart), series, iop_measure_get_date (m), iop_measure_get_total (m));
          if (first < 0)
            first = iop_measure_get_total (m);
          last = iop_measure_get_total (m);
          points++;
        }
      if (points == 1)
        trend = g_strdup (_("one entry so far"));
      else if (first >= 0 && last != first)
        /* Translators: how a total changed over the chart, e.g. "down 9 points since the first entry" */
        trend = g_strdup_printf (last < first ? _("down %d points since the first entry") : _("up %d points since the first entry"),
                                 ABS (last - first));
      else if (first >= 0)
        trend = g_strdup (_("unchanged since the first entry"));
      /* Translators: chart title, e.g. "PHQ-9 total (0–27): down 9 points since the first entry" */
      title = g_strdup_printf (_("%s total (0–%d): %s"), iop_instrument_get_id (def), iop_instrument_get_max_total (def),
                               trend != NULL ? trend : _("no complete entry yet"));
    }
  else
    {
      int max = 0;

      for (guint s = 0; s < iop_instrument_get_n_subscales (def); s++)
        {
          const char *id = iop_instrument_get_subscale_id (def, s);
          guint series = iop_chart_add_series (IOP_CHART (chart), iop_instrument_get_subscale_label (def, s));

          max = MAX (max, iop_instrument_get_subscale_max (def, s));
          for (guint i = 0; i < measures->len; i++)
            {
              IopMeasure *m = g_ptr_array_index (measures, i);
              int v = iop_subscores_get (iop_measure_get_subscores (m), id);

              if (v >= 0)
                iop_chart_add_point (IOP_CHART (chart), series, iop_measure_get_date (m), v);
            }
        }
      iop_chart_set_range (IOP_CHART (chart), 0, max);
      /* Translators: chart title for an instrument with sub-scores only, e.g. the BAM */
      title = g_strdup_printf (_("%s sub-scores over time"), iop_instrument_get_id (def));
    }

  label = gtk_label_new (title);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (GTK_BOX (box), label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (chart), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  gtk_box_append (GTK_BOX (box), chart);

  frame = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_add_css_class (frame, "card");
  gtk_widget_add_css_class (frame, "iop-chart-card");
  gtk_box_append (GTK_BOX (frame), box);
  gtk_box_append (self->charts_box, frame);
}

static GtkWidget *
entry_row (IopMeasure *m)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *score = iop_measure_dup_score_text (iop_measure_get_instrument (m), iop_measure_get_complete (m),
                                                       iop_measure_get_total (m), iop_measure_get_severity (m),
                                                       iop_measure_get_subscores (m));
  g_autofree char *title = g_strdup_printf ("%s · %s", iop_measure_get_instrument (m), score);
  g_autofree char *subtitle = iop_date_format (iop_measure_get_date (m));

  if (iop_measure_get_safety_flag (m))
    {
      g_autofree char *with = NULL;

      if (iop_measure_needs_acknowledgment (m))
        with = g_strdup_printf (_("%s · safety flag raised, not yet acknowledged"), subtitle);
      else
        {
          g_autofree char *at = g_strndup (iop_measure_get_safety_ack_at (m), 10);
          g_autofree char *on = iop_date_format (at);
          with = g_strdup_printf (_("%s · safety flag acknowledged by %s on %s"), subtitle,
                                  iop_measure_get_safety_ack_by_name (m), on);
        }
      g_free (subtitle);
      subtitle = g_steal_pointer (&with);
    }
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  return row;
}

static GtkWidget *
flag_row (IopMeasure *m)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Acknowledge"));
  g_autofree char *date = iop_date_format (iop_measure_get_date (m));
  /* Translators: the safety flag's row, e.g. "Safety flag: PHQ-9 of Nov 13" */
  g_autofree char *title = g_strdup_printf (_("Safety flag: %s of %s"), iop_measure_get_instrument (m), date);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                               _("Item 9 (thoughts of being better off dead or of self-harm) was answered above 0. Assess suicide risk, then acknowledge."));
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  gtk_widget_add_css_class (row, "iop-safety-flag");
  gtk_widget_add_css_class (icon, "error");
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, _("Record that you have seen the flag and assessed the risk"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "measures.acknowledge");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), g_variant_new_int64 (iop_measure_get_id (m)));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  return row;
}

/* The built-in instruments in the order counselors expect, then a program's own. */
static int
instrument_order (gconstpointer a,
                  gconstpointer b)
{
  static const char *order[] = { "PHQ-9", "GAD-7", "BAM" };
  const char *x = iop_instrument_get_id (*(IopInstrument * const *) a);
  const char *y = iop_instrument_get_id (*(IopInstrument * const *) b);
  guint ix = G_N_ELEMENTS (order), iy = G_N_ELEMENTS (order);

  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      if (g_strcmp0 (x, order[i]) == 0)
        ix = i;
      if (g_strcmp0 (y, order[i]) == 0)
        iy = i;
    }
  return ix != iy ? (int) ix - (int) iy : g_strcmp0 (x, y);
}

static void
reload (IopMeasuresSection *self)
{
  g_autoptr(GPtrArray) measures = NULL;
  g_autoptr(GMenu) menu = g_menu_new ();
  IopInstrumentRegistry *r = registry ();
  g_autoptr(GPtrArray) instruments = r != NULL ? iop_instrument_registry_list (r) : NULL;
  gboolean flags = FALSE;

  if (instruments != NULL)
    g_ptr_array_sort (instruments, instrument_order);
  clear_box (GTK_WIDGET (self->flags_list));
  clear_box (GTK_WIDGET (self->charts_box));
  clear_box (GTK_WIDGET (self->entries_list));

  for (guint i = 0; instruments != NULL && i < instruments->len; i++)
    {
      IopInstrument *def = g_ptr_array_index (instruments, i);
      g_autofree char *action = g_strdup_printf ("measures.add('%s')", iop_instrument_get_id (def));
      g_menu_append (menu, iop_instrument_get_name (def), action);
    }
  gtk_menu_button_set_menu_model (self->add_button, G_MENU_MODEL (menu));

  /* An instrument file a program added that could not be used says why, here. */
  {
    g_auto(GStrv) refused = iop_instrument_registry_dup_default_refused ();
    g_autofree char *joined = g_strjoinv ("\n", refused);
    g_autofree char *text = g_strdup_printf (ngettext ("This instrument definition was not loaded:\n%s",
                                                      "These instrument definitions were not loaded:\n%s",
                                                      g_strv_length (refused)), joined);

    gtk_label_set_text (self->refused_label, text);
    gtk_widget_set_visible (GTK_WIDGET (self->refused_label), refused[0] != NULL);
  }

  update_due (self);
  if (self->store != NULL && self->participant_id > 0)
    measures = iop_store_list_measures (self->store, self->participant_id, NULL, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->empty_label), measures == NULL || measures->len == 0);
  gtk_widget_set_visible (GTK_WIDGET (self->entries_list), measures != NULL && measures->len > 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->add_button), self->participant_id > 0);
  if (measures == NULL)
    return;

  for (guint i = 0; i < measures->len; i++)
    if (iop_measure_needs_acknowledgment (g_ptr_array_index (measures, i)))
      {
        gtk_list_box_append (self->flags_list, flag_row (g_ptr_array_index (measures, i)));
        flags = TRUE;
      }
  gtk_widget_set_visible (GTK_WIDGET (self->flags_list), flags);

  for (guint i = 0; instruments != NULL && i < instruments->len; i++)
    {
      IopInstrument *def = g_ptr_array_index (instruments, i);
      g_autoptr(GPtrArray) mine = g_ptr_array_new ();

      for (guint k = 0; k < measures->len; k++)
        if (g_strcmp0 (iop_measure_get_instrument (g_ptr_array_index (measures, k)), iop_instrument_get_id (def)) == 0)
          g_ptr_array_add (mine, g_ptr_array_index (measures, k));
      if (mine->len > 0)
        add_chart (self, def, mine);
    }

  /* Newest first: the latest entry of each instrument, then the rest under one row. */
  {
    GtkWidget *earlier = adw_expander_row_new ();
    g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
    guint n_earlier = 0;
    g_autofree char *earlier_title = NULL;

    for (guint k = measures->len; k > 0; k--)
      {
        IopMeasure *m = g_ptr_array_index (measures, k - 1);

        if (!g_hash_table_contains (seen, iop_measure_get_instrument (m)))
          {
            g_hash_table_add (seen, (gpointer) iop_measure_get_instrument (m));
            gtk_list_box_append (self->entries_list, entry_row (m));
          }
        else
          {
            adw_expander_row_add_row (ADW_EXPANDER_ROW (earlier), entry_row (m));
            n_earlier++;
          }
      }
    earlier_title = g_strdup_printf (ngettext ("%u earlier entry", "%u earlier entries", n_earlier), n_earlier);
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (earlier), earlier_title);
    if (n_earlier > 0)
      gtk_list_box_append (self->entries_list, earlier);
    else
      {
        g_object_ref_sink (earlier);
        g_object_unref (earlier);
      }
  }
}

static void
store_changed_cb (IopMeasuresSection *self,
                  const char         *kind)
{
  if (g_strcmp0 (kind, IOP_KIND_MEASURE) == 0)
    reload (self);
}

/* Actions */

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  iop_measures_section_open_entry (IOP_MEASURES_SECTION (widget), g_variant_get_string (parameter, NULL));
}

static void
acknowledge_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  IopMeasuresSection *self = IOP_MEASURES_SECTION (widget);
  g_autoptr(GError) error = NULL;

  if (!iop_store_acknowledge_safety_flag (self->store, g_variant_get_int64 (parameter), &error))
    toast (widget, error->message);
  else
    toast (widget, _("Safety flag acknowledged"));
}

/* GObject */

static void
iop_measures_section_dispose (GObject *object)
{
  IopMeasuresSection *self = IOP_MEASURES_SECTION (object);

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (iop_measures_section_parent_class)->dispose (object);
}

static void
iop_measures_section_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  IopMeasuresSection *self = IOP_MEASURES_SECTION (object);

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
iop_measures_section_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  IopMeasuresSection *self = IOP_MEASURES_SECTION (object);

  switch (prop_id)
    {
    case PROP_STORE:
      iop_measures_section_set_store (self, g_value_get_object (value));
      break;
    case PROP_PARTICIPANT_ID:
      iop_measures_section_set_participant_id (self, g_value_get_int64 (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
iop_measures_section_class_init (IopMeasuresSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = iop_measures_section_dispose;
  object_class->get_property = iop_measures_section_get_property;
  object_class->set_property = iop_measures_section_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, IOP_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PARTICIPANT_ID] =
    g_param_spec_int64 ("participant-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/iop/iop-measures-section.ui");
  gtk_widget_class_bind_template_child (widget_class, IopMeasuresSection, add_button);
  gtk_widget_class_bind_template_child (widget_class, IopMeasuresSection, due_label);
  gtk_widget_class_bind_template_child (widget_class, IopMeasuresSection, refused_label);
  gtk_widget_class_bind_template_child (widget_class, IopMeasuresSection, flags_list);
  gtk_widget_class_bind_template_child (widget_class, IopMeasuresSection, empty_label);
  gtk_widget_class_bind_template_child (widget_class, IopMeasuresSection, charts_box);
  gtk_widget_class_bind_template_child (widget_class, IopMeasuresSection, entries_list);

  gtk_widget_class_install_action (widget_class, "measures.add", "s", add_action);
  gtk_widget_class_install_action (widget_class, "measures.acknowledge", "x", acknowledge_action);
}

static void
iop_measures_section_init (IopMeasuresSection *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  reload (self);
}

GtkWidget *
iop_measures_section_new (void)
{
  return g_object_new (IOP_TYPE_MEASURES_SECTION, NULL);
}

void
iop_measures_section_set_store (IopMeasuresSection *self,
                                IopStore           *store)
{
  g_return_if_fail (IOP_IS_MEASURES_SECTION (self));

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
iop_measures_section_set_participant_id (IopMeasuresSection *self,
                                         gint64              participant_id)
{
  g_return_if_fail (IOP_IS_MEASURES_SECTION (self));

  if (self->participant_id == participant_id)
    return;
  self->participant_id = participant_id;
  reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PARTICIPANT_ID]);
}

GtkListBox *
iop_measures_section_get_flags_list (IopMeasuresSection *self)
{
  g_return_val_if_fail (IOP_IS_MEASURES_SECTION (self), NULL);
  return self->flags_list;
}

GtkListBox *
iop_measures_section_get_entries_list (IopMeasuresSection *self)
{
  g_return_val_if_fail (IOP_IS_MEASURES_SECTION (self), NULL);
  return self->entries_list;
}

GtkBox *
iop_measures_section_get_charts_box (IopMeasuresSection *self)
{
  g_return_val_if_fail (IOP_IS_MEASURES_SECTION (self), NULL);
  return self->charts_box;
}

GtkLabel *
iop_measures_section_get_refused_label (IopMeasuresSection *self)
{
  g_return_val_if_fail (IOP_IS_MEASURES_SECTION (self), NULL);
  return self->refused_label;
}

GtkLabel *
iop_measures_section_get_due_label (IopMeasuresSection *self)
{
  g_return_val_if_fail (IOP_IS_MEASURES_SECTION (self), NULL);
  return self->due_label;
}
