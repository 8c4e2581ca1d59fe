/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "iop-reports-view"

#include "config.h"

#include <glib/gi18n.h>

#include "iop-a11y.h"
#include "iop-date.h"
#include "iop-report-render.h"
#include "iop-reports-view.h"
#include "iop-store-people.h"

/*
 * Group dynamics and program reports on screen. The report is computed in a
 * worker thread on its own IopStore connection (the window's connection is not
 * thread-safe), then shown as widgets with the charts drawn by the same Cairo
 * functions that draw them on paper, in the style's colours. Print, PDF and CSV
 * go through src/reports, so the screen, the printer and the files agree.
 * Members appear by initials unless "Full names (internal copy)" is switched on.
 */

#define UPDATE_DELAY_MS 350

struct _IopReportsView
{
  AdwBin             parent_instance;

  /* template widgets */
  GtkDropDown       *subject_dropdown;
  GtkEntry          *from_entry;
  GtkEntry          *to_entry;
  GtkSwitch         *full_names_switch;
  GtkLabel          *range_error;
  GtkStack          *stack;
  GtkSpinner        *spinner;
  AdwStatusPage     *status_page;
  GtkWidget         *again_button;
  GtkBox            *report_box;

  /* owned */
  IopStore          *store;
  GSettings         *settings;
  GtkStringList     *subjects;
  GArray            *subject_ids;      /* gint64 per subject; 0 is the program */
  GCancellable      *cancellable;
  IopGroupReport    *group_report;
  IopProgramReport  *program_report;
  guint              update_source;
  gboolean           dirty;
  gboolean           busy;
  gboolean           filling_subjects;
};

G_DEFINE_FINAL_TYPE (IopReportsView, iop_reports_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct {
  char             *path;
  gint64            group_id;
  IopReportOptions  options;
} Job;

typedef struct {
  IopGroupReport   *group_report;
  IopProgramReport *program_report;
} JobResult;

typedef struct {
  IopGroupReport   *group_report;
  IopProgramReport *program_report;
  char             *program_name;
  char             *path;
  gboolean          full_names;
  gboolean          pdf;
} ExportJob;

typedef struct {
  IopGroupReport   *group_report;
  IopProgramReport *program_report;
  int               chart;
} ChartData;

static void start_update (IopReportsView *self);

/* Helpers */

static void
job_free (gpointer data)
{
  Job *job = data;

  g_free (job->path);
  iop_report_options_clear (&job->options);
  g_free (job);
}

static void
job_result_free (gpointer data)
{
  JobResult *result = data;

  g_clear_pointer (&result->group_report, iop_group_report_unref);
  g_clear_pointer (&result->program_report, iop_program_report_unref);
  g_free (result);
}

static void
export_job_free (gpointer data)
{
  ExportJob *job = data;

  g_clear_pointer (&job->group_report, iop_group_report_unref);
  g_clear_pointer (&job->program_report, iop_program_report_unref);
  g_free (job->program_name);
  g_free (job->path);
  g_free (job);
}

static void
chart_data_free (gpointer data)
{
  ChartData *chart = data;

  g_clear_pointer (&chart->group_report, iop_group_report_unref);
  g_clear_pointer (&chart->program_report, iop_program_report_unref);
  g_free (chart);
}

static GSettings *
desk_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE);
  return schema != NULL ? g_settings_new (APPLICATION_ID) : NULL;
}

static char *
program_name (IopReportsView *self)
{
  return self->settings != NULL ? g_settings_get_string (self->settings, "program-name") : NULL;
}

static void
fill_options (IopReportsView   *self,
              IopReportOptions *options)
{
  iop_report_options_init (options, gtk_editable_get_text (GTK_EDITABLE (self->from_entry)),
                           gtk_editable_get_text (GTK_EDITABLE (self->to_entry)));
  if (self->settings != NULL)
    {
      options->hours_adult_iop = g_settings_get_double (self->settings, "hours-adult-iop");
      options->hours_adolescent_iop = g_settings_get_double (self->settings, "hours-adolescent-iop");
      options->hours_php = g_settings_get_double (self->settings, "hours-php");
      options->late_signature_days = g_settings_get_int (self->settings, "late-signature-days");
    }
}

static gint64
selected_group_id (IopReportsView *self)
{
  guint i = gtk_drop_down_get_selected (self->subject_dropdown);

  if (i == GTK_INVALID_LIST_POSITION || i >= self->subject_ids->len)
    return 0;
  return g_array_index (self->subject_ids, gint64, i);
}

static gboolean
full_names (IopReportsView *self)
{
  return gtk_switch_get_active (self->full_names_switch);
}

static void
fill_subjects (IopReportsView *self)
{
  g_autoptr(GListModel) groups = NULL;
  g_autoptr(GError) error = NULL;
  gint64 selected = selected_group_id (self);
  guint position = 0;
  gint64 program = 0;

  self->filling_subjects = TRUE;
  groups = iop_store_list_groups (self->store, TRUE, &error);
  gtk_string_list_splice (self->subjects, 0, g_list_model_get_n_items (G_LIST_MODEL (self->subjects)), NULL);
  g_array_set_size (self->subject_ids, 0);
  gtk_string_list_append (self->subjects, _("Whole program"));
  g_array_append_val (self->subject_ids, program);
  if (groups != NULL)
    for (guint i = 0; i < g_list_model_get_n_items (groups); i++)
      {
        g_autoptr(IopGroup) g = g_list_model_get_item (groups, i);
        gint64 id = iop_group_get_id (g);

        gtk_string_list_append (self->subjects, iop_group_get_name (g));
        g_array_append_val (self->subject_ids, id);
        if (id == selected)
          position = self->subject_ids->len - 1;
      }
  gtk_drop_down_set_selected (self->subject_dropdown, position);
  self->filling_subjects = FALSE;
}

static void
set_default_range (IopReportsView *self)
{
  g_autofree char *today = iop_date_today ();
  g_autofree char *from = iop_report_default_from (today);

  gtk_editable_set_text (GTK_EDITABLE (self->from_entry), from);
  gtk_editable_set_text (GTK_EDITABLE (self->to_entry), today);
}

/* Checks the range as it is typed; the error says what to fix, next to the entries. */
static gboolean
check_range (IopReportsView *self)
{
  g_autoptr(GError) error = NULL;
  IopReportOptions options;
  gboolean ok;

  fill_options (self, &options);
  ok = iop_report_options_validate (&options, &error);
  iop_report_options_clear (&options);
  gtk_widget_set_visible (GTK_WIDGET (self->range_error), !ok);
  if (!ok)
    gtk_label_set_text (self->range_error, error->message);
  if (!iop_date_is_valid (gtk_editable_get_text (GTK_EDITABLE (self->from_entry))))
    gtk_widget_add_css_class (GTK_WIDGET (self->from_entry), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->from_entry), "error");
  if (!iop_date_is_valid (gtk_editable_get_text (GTK_EDITABLE (self->to_entry))))
    gtk_widget_add_css_class (GTK_WIDGET (self->to_entry), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->to_entry), "error");
  return ok;
}

static void
show_error (IopReportsView *self,
            const char     *heading,
            const char     *message)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading, message));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
show_toast (IopReportsView *self,
            const char     *text)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (text));
}

/* Drawing on screen */

static void
widget_theme (GtkWidget     *widget,
              IopChartTheme *theme)
{
  GtkStyleContext *context = gtk_widget_get_style_context (widget);
  GdkRGBA fg, bg, accent;

  gtk_style_context_get_color (context, &fg);
  if (!gtk_style_context_lookup_color (context, "card_bg_color", &bg))
    bg = (GdkRGBA) { 1, 1, 1, 1 };
  if (!gtk_style_context_lookup_color (context, "accent_color", &accent))
    accent = fg;
  /* Charts fill hollow markers and hatching with an opaque background. */
  if (bg.alpha < 1)
    {
      GdkRGBA window;

      if (gtk_style_context_lookup_color (context, "window_bg_color", &window))
        bg = window;
      bg.alpha = 1;
    }
  *theme = (IopChartTheme) {
    { fg.red, fg.green, fg.blue, fg.alpha },
    { bg.red, bg.green, bg.blue, 1 },
    { accent.red, accent.green, accent.blue, 1 },
    { fg.red, fg.green, fg.blue, 0.18 },
  };
}

static void
draw_chart_cb (GtkDrawingArea *area,
               cairo_t        *cr,
               int             width,
               int             height,
               gpointer        data)
{
  ChartData *chart = data;
  IopChartTheme theme;

  widget_theme (GTK_WIDGET (area), &theme);
  if (chart->group_report != NULL)
    iop_group_report_draw_chart (chart->group_report, chart->chart, cr, width, height, &theme);
  else
    iop_program_report_draw_chart (chart->program_report, chart->chart, cr, width, height, &theme);
}

static void
queue_draw_charts (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_DRAWING_AREA (child))
        gtk_widget_queue_draw (child);
      queue_draw_charts (child);
    }
}

static void
dark_changed_cb (IopReportsView *self)
{
  queue_draw_charts (GTK_WIDGET (self->report_box));
}

/* Building the report's widgets */

static GtkWidget *
add_label (GtkBox     *box,
           const char *text,
           const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_selectable (GTK_LABEL (label), FALSE);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  gtk_box_append (box, label);
  return label;
}

static void
add_chart (IopReportsView   *self,
           const char       *title,
           int               height,
           IopGroupReport   *group_report,
           IopProgramReport *program_report,
           int               chart)
{
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *area = gtk_drawing_area_new ();
  ChartData *data = g_new0 (ChartData, 1);

  data->group_report = group_report != NULL ? iop_group_report_ref (group_report) : NULL;
  data->program_report = program_report != NULL ? iop_program_report_ref (program_report) : NULL;
  data->chart = chart;
  gtk_widget_add_css_class (card, "card");
  gtk_widget_add_css_class (card, "iop-report-chart");
  add_label (GTK_BOX (card), title, "heading");
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (area), height);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (area), draw_chart_cb, data, chart_data_free);
  gtk_widget_set_hexpand (area, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (area), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  gtk_box_append (GTK_BOX (card), area);
  gtk_box_append (self->report_box, card);
}

/* A small table; cells of @flag_column that are not empty get a warning icon. */
static void
add_table (IopReportsView     *self,
           const char * const *headers,
           guint               n_columns,
           GPtrArray          *rows,
           int                 flag_column)
{
  GtkWidget *grid = gtk_grid_new ();

  gtk_widget_add_css_class (grid, "card");
  gtk_widget_add_css_class (grid, "iop-report-table");
  gtk_grid_set_column_spacing (GTK_GRID (grid), 18);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 4);
  for (guint c = 0; c < n_columns; c++)
    {
      GtkWidget *label = gtk_label_new (headers[c]);

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (label, "heading");
      gtk_grid_attach (GTK_GRID (grid), label, c, 0, 1, 1);
    }
  for (guint r = 0; r < rows->len; r++)
    {
      GStrv row = g_ptr_array_index (rows, r);

      for (guint c = 0; c < n_columns && row[c] != NULL; c++)
        {
          GtkWidget *cell;

          if ((int) c == flag_column && row[c][0] != '\0')
            {
              GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
              GtkWidget *label = gtk_label_new (row[c]);

              cell = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
              gtk_widget_add_css_class (cell, "warning");
              gtk_label_set_xalign (GTK_LABEL (label), 0);
              gtk_label_set_wrap (GTK_LABEL (label), TRUE);
              gtk_box_append (GTK_BOX (cell), icon);
              gtk_box_append (GTK_BOX (cell), label);
            }
          else
            {
              cell = gtk_label_new (row[c]);
              gtk_label_set_xalign (GTK_LABEL (cell), 0);
              if (c == 0)
                gtk_label_set_selectable (GTK_LABEL (cell), FALSE);
              else
                gtk_widget_add_css_class (cell, "numeric");
            }
          gtk_grid_attach (GTK_GRID (grid), cell, c, r + 1, 1, 1);
        }
    }
  /* A table wider than a narrow window scrolls sideways instead of widening it. */
  {
    GtkWidget *scroller = gtk_scrolled_window_new ();

    gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_AUTOMATIC, GTK_POLICY_NEVER);
    gtk_scrolled_window_set_propagate_natural_width (GTK_SCROLLED_WINDOW (scroller), TRUE);
    gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
    gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), grid);
    /* The scroller takes the focus for keyboard scrolling: named by its columns. */
    {
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
      g_auto(GStrv) columns = NULL;
      g_autofree char *name = NULL;

      for (guint c = 0; c < n_columns; c++)
        g_strv_builder_add (builder, headers[c]);
      columns = g_strv_builder_end (builder);
      name = g_strjoinv (", ", columns);
      gtk_accessible_update_property (GTK_ACCESSIBLE (scroller), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
    }
    gtk_box_append (self->report_box, scroller);
  }
}

static GPtrArray *
new_rows (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
}

static void
add_row (GPtrArray *rows,
         guint      n,
         ...)
{
  GStrv row = g_new0 (char *, n + 1);
  va_list args;

  va_start (args, n);
  for (guint i = 0; i < n; i++)
    row[i] = va_arg (args, char *);   /* takes ownership */
  va_end (args);
  g_ptr_array_add (rows, row);
}

static char *
percent (double rate)
{
  return rate < 0 ? g_strdup ("—") : g_strdup_printf ("%.0f%%", rate * 100);
}

static void
add_flags (IopReportsView *self,
           GPtrArray      *flags)
{
  GtkWidget *list = gtk_list_box_new ();

  add_label (self->report_box, _("Needs attention"), "title-4");
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_widget_set_name (list, "flags");
  if (flags->len == 0)
    {
      GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);

      gtk_box_append (GTK_BOX (row), gtk_image_new_from_icon_name ("emblem-ok-symbolic"));
      add_label (GTK_BOX (row), _("Nothing in this period crossed a threshold."), NULL);
      gtk_widget_add_css_class (row, "iop-report-flag");
      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }
  for (guint i = 0; i < flags->len; i++)
    {
      GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

      gtk_widget_add_css_class (icon, "warning");
      gtk_box_append (GTK_BOX (row), icon);
      add_label (GTK_BOX (row), g_ptr_array_index (flags, i), NULL);
      gtk_widget_add_css_class (row, "iop-report-flag");
      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }
  gtk_box_append (self->report_box, list);
}

static void
clear_report_box (IopReportsView *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->report_box))) != NULL)
    gtk_box_remove (self->report_box, child);
}

static void
add_header (IopReportsView   *self,
            const char       *title,
            const IopReportOptions *options)
{
  g_autofree char *from = iop_date_format (options->from);
  g_autofree char *to = iop_date_format (options->to);
  g_autofree char *period = g_strdup_printf (_("%s to %s"), from, to);

  add_label (self->report_box, title, "title-2");
  add_label (self->report_box, period, "dim-label");
  if (full_names (self))
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

      gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name ("dialog-warning-symbolic"));
      add_label (GTK_BOX (box), _("Full names shown: internal copy, do not share outside the program."), "heading");
      gtk_box_append (self->report_box, box);
    }
}

static void
show_group_report (IopReportsView *self,
                   IopGroupReport *report)
{
  gboolean names = full_names (self);
  g_autoptr(GPtrArray) flags = iop_group_report_dup_flags (report, names);
  g_autofree char *summary = NULL;
  g_autofree char *rate = percent (report->mean_attendance_rate);
  GPtrArray *rows;

  add_header (self, report->group_name, &report->options);
  summary = g_strdup_printf (_("%u sessions held, %d cancelled · %d members at the start, %d at the end · attendance %s, trend %+.1f points a week"),
                             report->sessions->len, report->n_cancelled, report->size_start, report->size_end,
                             rate, report->attendance_slope * 100);
  add_label (self->report_box, summary, NULL);
  add_flags (self, flags);

  add_label (self->report_box, _("Attendance"), "title-4");
  add_chart (self, iop_group_chart_title (IOP_GROUP_CHART_ATTENDANCE), 220, report, NULL, IOP_GROUP_CHART_ATTENDANCE);
  rows = new_rows ();
  for (guint i = 0; i < report->members->len; i++)
    {
      const IopGroupReportMember *m = &g_array_index (report->members, IopGroupReportMember, i);
      g_autoptr(GPtrArray) why = g_ptr_array_new_with_free_func (g_free);

      if (m->outreach)
        g_ptr_array_add (why, g_strdup_printf (_("Outreach: %d absences in a row"), m->longest_absence_run));
      if (m->participation_low)
        g_ptr_array_add (why, g_strdup (_("Low participation")));
      if (m->weeks_under_hours > 0)
        g_ptr_array_add (why, g_strdup_printf (ngettext ("Under hours %d week", "Under hours %d weeks",
                                                         m->weeks_under_hours), m->weeks_under_hours));
      g_ptr_array_add (why, NULL);
      add_row (rows, 7, g_strdup (iop_group_report_member_name (report, i, names)),
               g_strdup_printf ("%d", m->n_attended), g_strdup_printf ("%d", m->n_absent + m->n_excused),
               percent (m->attendance_rate), g_strdup_printf ("%.1f", m->minutes / 60.0),
               m->participation_mean < 0 ? g_strdup ("—") : g_strdup_printf ("%.1f", m->participation_mean),
               g_strjoinv ("; ", (char **) why->pdata));
    }
  {
    const char *headers[] = { _("Member"), _("Attended"), _("Missed"), _("Rate"), _("Hours"), _("Participation"), _("Flags") };
    add_table (self, headers, 7, rows, 6);
  }
  g_ptr_array_unref (rows);

  add_label (self->report_box, _("Retention and turnover"), "title-4");
  {
    g_autofree char *left = report->mean_stay_days_left < 0 ? g_strdup ("—")
                            : g_strdup_printf (_("%.0f days"), report->mean_stay_days_left);
    g_autofree char *current = report->mean_stay_days_current < 0 ? g_strdup ("—")
                               : g_strdup_printf (_("%.0f days"), report->mean_stay_days_current);
    g_autofree char *text = g_strdup_printf (_("%d joined, %d left · average stay of those who left: %s · of current members so far: %s"),
                                             report->n_joins, report->n_exits, left, current);

    add_label (self->report_box, text, NULL);
  }
  if (report->events->len > 0)
    {
      const char *headers[] = { _("Date"), _("Member"), _("Change"), _("Reason") };

      rows = new_rows ();
      for (guint i = 0; i < report->events->len; i++)
        {
          const IopGroupReportEvent *e = &g_array_index (report->events, IopGroupReportEvent, i);

          add_row (rows, 4, iop_date_format (e->date), g_strdup (iop_group_report_member_name (report, e->member, names)),
                   g_strdup (e->kind == IOP_REPORT_EVENT_JOINED ? _("Joined") : _("Left")),
                   iop_report_redact_names (report->names, e->reason, names));
        }
      add_table (self, headers, 4, rows, -1);
      g_ptr_array_unref (rows);
    }
  add_chart (self, iop_group_chart_title (IOP_GROUP_CHART_GROUP_SIZE), 200, report, NULL, IOP_GROUP_CHART_GROUP_SIZE);

  add_label (self->report_box, _("Participation"), "title-4");
  add_chart (self, iop_group_chart_title (IOP_GROUP_CHART_PARTICIPATION), 220, report, NULL, IOP_GROUP_CHART_PARTICIPATION);

  add_label (self->report_box, _("Group climate"), "title-4");
  add_chart (self, iop_group_chart_title (IOP_GROUP_CHART_CLIMATE), 220, report, NULL, IOP_GROUP_CHART_CLIMATE);
  add_chart (self, iop_group_chart_title (IOP_GROUP_CHART_RATINGS), 200, report, NULL, IOP_GROUP_CHART_RATINGS);
  rows = new_rows ();
  for (guint i = 0; i < report->sessions->len; i++)
    {
      const IopGroupReportSession *s = &g_array_index (report->sessions, IopGroupReportSession, i);
      g_autoptr(GPtrArray) why = g_ptr_array_new ();

      if (!s->climate_low && !s->ratings_low)
        continue;
      if (s->climate_low)
        g_ptr_array_add (why, (gpointer) _("Low climate"));
      if (s->ratings_low)
        g_ptr_array_add (why, (gpointer) _("Low member ratings"));
      g_ptr_array_add (why, NULL);
      add_row (rows, 7, iop_date_format (s->date),
               s->climate[0] < 0 ? g_strdup ("—") : g_strdup_printf ("%d", s->climate[0]),
               s->climate[1] < 0 ? g_strdup ("—") : g_strdup_printf ("%d", s->climate[1]),
               s->climate[2] < 0 ? g_strdup ("—") : g_strdup_printf ("%d", s->climate[2]),
               s->climate[3] < 0 ? g_strdup ("—") : g_strdup_printf ("%d", s->climate[3]),
               s->rating_total_mean < 0 ? g_strdup ("—") : g_strdup_printf ("%.1f", s->rating_total_mean),
               g_strjoinv (", ", (char **) why->pdata));
    }
  if (rows->len > 0)
    {
      const char *headers[] = { _("Session"), _("Cohesion"), _("Engagement"), _("Avoidance"), _("Conflict"),
                                _("Members' mean of 40"), _("Flags") };
      add_table (self, headers, 7, rows, 6);
    }
  g_ptr_array_unref (rows);

  add_label (self->report_box, _("Outcomes"), "title-4");
  {
    g_autofree char *text = g_strdup_printf (_("%d of %d goals in active plans met · progress ratings %+.1f on average over %d goals"),
                                             report->goals_met, report->goals_total, report->progress_change,
                                             report->n_progress_goals);
    add_label (self->report_box, text, NULL);
  }
  add_chart (self, iop_group_chart_title (IOP_GROUP_CHART_MEASURES), 240, report, NULL, IOP_GROUP_CHART_MEASURES);
  rows = new_rows ();
  for (int k = 0; k < IOP_REPORT_N_MEASURES; k++)
    {
      const IopReportMeasureSummary *m = &report->measures[k];

      add_row (rows, 4, g_strdup (iop_report_measure_instrument (k)), g_strdup_printf ("%d", m->n_members),
               m->n_members > 0 ? g_strdup_printf ("%.1f → %.1f (%+.1f)", m->mean_first, m->mean_latest, m->mean_change)
                                : g_strdup ("—"),
               m->share_improved < 0 ? g_strdup ("—") : g_strdup_printf ("%d (%.0f%%)", m->n_improved, m->share_improved * 100));
    }
  {
    const char *headers[] = { _("Instrument"), _("Members"), _("Mean first → latest"), _("Improved") };
    add_table (self, headers, 4, rows, -1);
  }
  g_ptr_array_unref (rows);

  add_label (self->report_box, _("Weekly IOP hours"), "title-4");
  if (report->hours_gaps->len == 0)
    add_label (self->report_box, _("Every member checked met their level of care's weekly minimum."), NULL);
  else
    {
      const char *headers[] = { _("Week of"), _("Member"), _("Hours"), _("Minimum"), _("Flag") };

      rows = new_rows ();
      for (guint i = 0; i < report->hours_gaps->len; i++)
        {
          const IopGroupReportHoursGap *g = &g_array_index (report->hours_gaps, IopGroupReportHoursGap, i);

          add_row (rows, 5, iop_date_format (g->week_start), g_strdup (iop_group_report_member_name (report, g->member, names)),
                   g_strdup_printf ("%.1f", g->minutes / 60.0), g_strdup_printf ("%.1f", g->required_minutes / 60.0),
                   g_strdup (_("Under hours")));
        }
      add_table (self, headers, 5, rows, 4);
      g_ptr_array_unref (rows);
    }

  add_label (self->report_box, _("Documentation"), "title-4");
  rows = new_rows ();
  for (guint i = 0; i < report->sessions->len; i++)
    {
      const IopGroupReportSession *s = &g_array_index (report->sessions, IopGroupReportSession, i);

      if (!s->unsigned_note && !s->signed_late)
        continue;
      add_row (rows, 3, iop_date_format (s->date),
               s->signature_days >= 0 ? g_strdup_printf ("%d", s->signature_days) : g_strdup ("—"),
               g_strdup (s->unsigned_note ? _("Not signed") : _("Signed late")));
    }
  if (rows->len == 0)
    add_label (self->report_box, _("Every note in this period was signed on time."), NULL);
  else
    {
      const char *headers[] = { _("Session"), _("Days to signature"), _("Flag") };
      add_table (self, headers, 3, rows, 2);
    }
  g_ptr_array_unref (rows);
}

static void
show_program_report (IopReportsView   *self,
                     IopProgramReport *report)
{
  gboolean names = full_names (self);
  g_autoptr(GPtrArray) flags = iop_program_report_dup_flags (report, names);
  g_autofree char *rate = percent (report->attendance_rate);
  g_autofree char *summary = NULL;
  GPtrArray *rows;

  add_header (self, _("Whole program"), &report->options);
  summary = g_strdup_printf (_("Census %d at the start, %d at the end · %u admitted, %u discharged · attendance %s over %d sessions · %d of %d person-weeks under their hours"),
                             report->census_start, report->census_end, report->admissions->len, report->discharges->len,
                             rate, report->n_sessions, report->hours_under, report->hours_checked);
  add_label (self->report_box, summary, NULL);
  add_flags (self, flags);

  add_label (self->report_box, _("Attendance"), "title-4");
  add_chart (self, iop_program_chart_title (IOP_PROGRAM_CHART_ATTENDANCE), 200, NULL, report, IOP_PROGRAM_CHART_ATTENDANCE);
  rows = new_rows ();
  for (guint i = 0; i < report->groups->len; i++)
    {
      const IopProgramReportGroup *g = &g_array_index (report->groups, IopProgramReportGroup, i);

      if (g->n_sessions == 0)
        continue;
      add_row (rows, 4, g_strdup (g->name), g_strdup_printf ("%d", g->n_sessions), percent (g->attendance_rate),
               g->attendance_rate >= 0 && g->attendance_rate < 0.75 ? g_strdup (_("Low attendance")) : g_strdup (""));
    }
  {
    const char *headers[] = { _("Group"), _("Sessions"), _("Attendance"), _("Flag") };
    add_table (self, headers, 4, rows, 3);
  }
  g_ptr_array_unref (rows);

  add_label (self->report_box, _("Weekly IOP hours"), "title-4");
  add_chart (self, iop_program_chart_title (IOP_PROGRAM_CHART_HOURS), 200, NULL, report, IOP_PROGRAM_CHART_HOURS);

  add_label (self->report_box, _("Documentation backlog by counselor"), "title-4");
  rows = new_rows ();
  for (guint i = 0; i < report->counselors->len; i++)
    {
      const IopProgramReportCounselor *c = &g_array_index (report->counselors, IopProgramReportCounselor, i);

      add_row (rows, 5, g_strdup (c->name), g_strdup_printf ("%d", c->n_due), g_strdup_printf ("%d", c->n_signed_late),
               g_strdup_printf ("%d", c->n_awaiting_cosign),
               c->n_unsigned > 0 ? g_strdup_printf (ngettext ("%d not signed", "%d not signed", c->n_unsigned), c->n_unsigned)
                                 : g_strdup (""));
    }
  {
    const char *headers[] = { _("Counselor"), _("Sessions"), _("Signed late"), _("Awaiting co-signature"), _("Not signed") };
    add_table (self, headers, 5, rows, 4);
  }
  g_ptr_array_unref (rows);

  add_label (self->report_box, _("Measures"), "title-4");
  add_chart (self, iop_program_chart_title (IOP_PROGRAM_CHART_MEASURES), 200, NULL, report, IOP_PROGRAM_CHART_MEASURES);

  add_label (self->report_box, _("Admissions and discharges"), "title-4");
  rows = new_rows ();
  for (guint i = 0; i < report->admissions->len; i++)
    {
      const IopProgramReportMove *m = &g_array_index (report->admissions, IopProgramReportMove, i);

      add_row (rows, 4, iop_date_format (m->date), g_strdup (iop_program_report_member_name (report, m->member, names)),
               g_strdup (_("Admitted")), g_strdup (""));
    }
  for (guint i = 0; i < report->discharges->len; i++)
    {
      const IopProgramReportMove *m = &g_array_index (report->discharges, IopProgramReportMove, i);

      add_row (rows, 4, iop_date_format (m->date), g_strdup (iop_program_report_member_name (report, m->member, names)),
               g_strdup (_("Discharged")), iop_report_redact_names (report->names, m->reason, names));
    }
  if (rows->len == 0)
    add_label (self->report_box, _("No admissions or discharges in this period."), NULL);
  else
    {
      const char *headers[] = { _("Date"), _("Participant"), _("Change"), _("Reason") };
      add_table (self, headers, 4, rows, -1);
    }
  g_ptr_array_unref (rows);
}

static void
rebuild (IopReportsView *self)
{
  clear_report_box (self);
  if (self->group_report != NULL)
    show_group_report (self, self->group_report);
  else if (self->program_report != NULL)
    show_program_report (self, self->program_report);
  else
    return;
  gtk_stack_set_visible_child_name (self->stack, "report");
}

/* Computing */

static void
compute_thread (GTask        *task,
                gpointer      source,
                gpointer      task_data,
                GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(IopStore) store = iop_store_open (job->path, &error);
  JobResult *result;

  if (store == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  /* Cancel on the busy page interrupts the queries themselves. */
  iop_store_set_cancellable (store, cancellable);
  result = g_new0 (JobResult, 1);
  if (job->group_id != 0)
    result->group_report = iop_group_report_compute (store, job->group_id, &job->options, &error);
  else
    result->program_report = iop_program_report_compute (store, &job->options, &error);
  if (error != NULL)
    {
      job_result_free (result);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_return_pointer (task, result, job_result_free);
}

static void
show_message (IopReportsView *self,
              const char     *title,
              const char     *description,
              gboolean        offer_again)
{
  adw_status_page_set_title (self->status_page, title);
  adw_status_page_set_description (self->status_page, description);
  gtk_widget_set_visible (self->again_button, offer_again);
  gtk_stack_set_visible_child_name (self->stack, "message");
}

static void
compute_done_cb (GObject      *source,
                 GAsyncResult *res,
                 gpointer      user_data)
{
  IopReportsView *self = IOP_REPORTS_VIEW (source);
  g_autoptr(GError) error = NULL;
  JobResult *result = g_task_propagate_pointer (G_TASK (res), &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED)
      || g_task_get_cancellable (G_TASK (res)) != self->cancellable)
    {
      g_clear_pointer (&result, job_result_free);
      return;
    }
  self->busy = FALSE;
  gtk_spinner_stop (self->spinner);
  if (result == NULL)
    {
      show_message (self, _("The report could not be made"), error->message, FALSE);
      return;
    }
  g_clear_pointer (&self->group_report, iop_group_report_unref);
  g_clear_pointer (&self->program_report, iop_program_report_unref);
  self->group_report = g_steal_pointer (&result->group_report);
  self->program_report = g_steal_pointer (&result->program_report);
  job_result_free (result);
  rebuild (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "view.print", TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "view.export-pdf", TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "view.export-csv", TRUE);
}

static void
start_update (IopReportsView *self)
{
  g_autoptr(GTask) task = NULL;
  Job *job;

  g_clear_handle_id (&self->update_source, g_source_remove);
  self->dirty = FALSE;
  if (self->store == NULL || !check_range (self))
    return;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  job = g_new0 (Job, 1);
  job->path = g_strdup (iop_store_get_path (self->store));
  job->group_id = selected_group_id (self);
  fill_options (self, &job->options);

  self->busy = TRUE;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "view.print", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "view.export-pdf", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "view.export-csv", FALSE);
  gtk_spinner_start (self->spinner);
  gtk_stack_set_visible_child_name (self->stack, "busy");

  task = g_task_new (self, self->cancellable, compute_done_cb, NULL);
  g_task_set_source_tag (task, start_update);
  g_task_set_task_data (task, job, job_free);
  g_task_run_in_thread (task, compute_thread);
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  IopReportsView *self = IOP_REPORTS_VIEW (widget);

  if (!self->busy)
    return;
  /* The worker stops at its next query step; its result, if any, is dropped. */
  g_cancellable_cancel (self->cancellable);
  self->busy = FALSE;
  gtk_spinner_stop (self->spinner);
  show_message (self, _("Report Cancelled"),
                _("Nothing was changed. Make the report again, or choose another group or period."), TRUE);
}

static void
recompute_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  start_update (IOP_REPORTS_VIEW (widget));
}

static gboolean
update_timeout_cb (gpointer data)
{
  IopReportsView *self = data;

  self->update_source = 0;
  start_update (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_update (IopReportsView *self)
{
  g_clear_handle_id (&self->update_source, g_source_remove);
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->dirty = TRUE;
      return;
    }
  self->update_source = g_timeout_add (UPDATE_DELAY_MS, update_timeout_cb, self);
}

/* Exporting and printing */

static void
export_thread (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportJob *job = task_data;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (job->pdf)
    {
      g_autoptr(IopDocument) doc = job->group_report != NULL
        ? iop_group_report_build_document (job->group_report, job->program_name, job->full_names)
        : iop_program_report_build_document (job->program_report, job->program_name, job->full_names);

      ok = iop_document_write_pdf (doc, job->path, &error);
    }
  else
    {
      g_autofree char *csv = job->group_report != NULL ? iop_group_report_to_csv (job->group_report, job->full_names)
                                                       : iop_program_report_to_csv (job->program_report, job->full_names);

      ok = iop_report_write_text (job->path, csv, &error);
    }
  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

static void
export_done_cb (GObject      *source,
                GAsyncResult *res,
                gpointer      user_data)
{
  IopReportsView *self = IOP_REPORTS_VIEW (source);
  ExportJob *job = g_task_get_task_data (G_TASK (res));
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (res), &error))
    {
      show_error (self, _("The report was not saved"), error->message);
      return;
    }
  {
    g_autofree char *name = g_path_get_basename (job->path);
    g_autofree char *text = g_strdup_printf (_("Saved “%s”"), name);

    show_toast (self, text);
  }
}

static void
save_response_cb (GtkNativeDialog *dialog,
                  int              response,
                  gpointer         user_data)
{
  IopReportsView *self = IOP_REPORTS_VIEW (user_data);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GTask) task = NULL;
  ExportJob *job;

  if (response != GTK_RESPONSE_ACCEPT)
    goto out;
  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  if (file == NULL || g_file_peek_path (file) == NULL)
    {
      show_error (self, _("The report was not saved"), _("Choose a file on this computer."));
      goto out;
    }
  job = g_new0 (ExportJob, 1);
  job->group_report = self->group_report != NULL ? iop_group_report_ref (self->group_report) : NULL;
  job->program_report = self->program_report != NULL ? iop_program_report_ref (self->program_report) : NULL;
  job->program_name = program_name (self);
  job->path = g_file_get_path (file);
  job->full_names = full_names (self);
  job->pdf = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "pdf"));
  task = g_task_new (self, NULL, export_done_cb, NULL);
  g_task_set_task_data (task, job, export_job_free);
  g_task_run_in_thread (task, export_thread);

out:
  g_object_unref (dialog);
  g_object_unref (self);
}

static char *
suggested_name (IopReportsView *self,
                const char     *extension)
{
  const IopReportOptions *o = self->group_report != NULL ? &self->group_report->options : &self->program_report->options;
  g_autofree char *subject = NULL;

  if (self->group_report != NULL)
    subject = g_strdelimit (g_ascii_strdown (self->group_report->group_name, -1), " /\\:", '-');
  else
    subject = g_strdup (_("program"));
  return g_strdup_printf ("%s-%s-%s-%s.%s", _("report"), subject, o->from, o->to, extension);
}

static void
export (IopReportsView *self,
        gboolean        pdf)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkFileChooserNative *dialog;
  GtkFileFilter *filter = gtk_file_filter_new ();
  g_autofree char *name = suggested_name (self, pdf ? "pdf" : "csv");

  dialog = gtk_file_chooser_native_new (pdf ? _("Export Report as PDF") : _("Export Report Tables as CSV"),
                                        GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  gtk_file_filter_set_name (filter, pdf ? _("PDF documents") : _("CSV tables"));
  gtk_file_filter_add_suffix (filter, pdf ? "pdf" : "csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  g_object_unref (filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  g_object_set_data (G_OBJECT (dialog), "pdf", GINT_TO_POINTER (pdf));
  g_signal_connect (dialog, "response", G_CALLBACK (save_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
begin_print_cb (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                IopDocument       *doc)
{
  PangoContext *pango = gtk_print_context_create_pango_context (context);
  guint n_pages = iop_document_paginate (doc, pango, gtk_print_context_get_width (context),
                                         gtk_print_context_get_height (context));

  g_object_unref (pango);
  gtk_print_operation_set_n_pages (operation, MAX (n_pages, 1));
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page,
              IopDocument       *doc)
{
  if ((guint) page < iop_document_get_n_pages (doc))
    iop_document_render_page (doc, gtk_print_context_get_cairo_context (context), page);
}

/* Actions */

static void
print_done_cb (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               IopReportsView          *self)
{
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_autoptr(GError) error = NULL;

      gtk_print_operation_get_error (operation, &error);
      show_error (self, _("The report was not printed"), error != NULL ? error->message : "");
    }
  /* The reference taken when printing started. */
  g_object_unref (operation);
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  IopReportsView *self = IOP_REPORTS_VIEW (widget);
  GtkPrintOperation *operation;
  g_autoptr(IopDocument) doc = NULL;
  g_autofree char *name = program_name (self);
  g_autoptr(GError) error = NULL;
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkPrintOperationResult result;

  if (self->group_report == NULL && self->program_report == NULL)
    return;
  doc = self->group_report != NULL ? iop_group_report_build_document (self->group_report, name, full_names (self))
                                   : iop_program_report_build_document (self->program_report, name, full_names (self));
  operation = gtk_print_operation_new ();
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_job_name (operation, iop_document_get_title (doc));
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  /* No nested main loop: the window keeps drawing while the dialog is open. */
  gtk_print_operation_set_allow_async (operation, TRUE);
  g_signal_connect_data (operation, "begin-print", G_CALLBACK (begin_print_cb), g_object_ref (doc),
                         (GClosureNotify) (void (*) (void)) g_object_unref, 0);
  g_signal_connect_data (operation, "draw-page", G_CALLBACK (draw_page_cb), g_object_ref (doc),
                         (GClosureNotify) (void (*) (void)) g_object_unref, 0);
  g_signal_connect_object (operation, "done", G_CALLBACK (print_done_cb), self, 0);
  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                    GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, &error);
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    show_error (self, _("The report was not printed"), error->message);
  if (result != GTK_PRINT_OPERATION_RESULT_IN_PROGRESS)
    g_object_unref (operation);
}

static void
export_pdf_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  IopReportsView *self = IOP_REPORTS_VIEW (widget);

  if (self->group_report != NULL || self->program_report != NULL)
    export (self, TRUE);
}

static void
export_csv_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  IopReportsView *self = IOP_REPORTS_VIEW (widget);

  if (self->group_report != NULL || self->program_report != NULL)
    export (self, FALSE);
}

static void
last_weeks_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  set_default_range (IOP_REPORTS_VIEW (widget));
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  gtk_widget_grab_focus (GTK_WIDGET (IOP_REPORTS_VIEW (widget)->subject_dropdown));
}

/* Callbacks */

static void
subject_changed_cb (IopReportsView *self)
{
  if (self->filling_subjects)
    return;
  g_clear_handle_id (&self->update_source, g_source_remove);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    start_update (self);
  else
    self->dirty = TRUE;
}

static void
range_changed_cb (IopReportsView *self)
{
  if (check_range (self))
    schedule_update (self);
}

static void
full_names_changed_cb (IopReportsView *self)
{
  /* Names are chosen when showing, printing and exporting: no new computation. */
  rebuild (self);
}

static void
store_changed_cb (IopReportsView *self,
                  const char     *kind)
{
  if (g_strcmp0 (kind, IOP_KIND_AUDIT) == 0)
    return;
  if (g_strcmp0 (kind, IOP_KIND_GROUP) == 0)
    fill_subjects (self);
  schedule_update (self);
}

static void
map_cb (IopReportsView *self)
{
  if (self->dirty)
    start_update (self);
}

/* GObject */

static void
iop_reports_view_constructed (GObject *object)
{
  IopReportsView *self = IOP_REPORTS_VIEW (object);

  G_OBJECT_CLASS (iop_reports_view_parent_class)->constructed (object);

  g_assert (IOP_IS_STORE (self->store));
  fill_subjects (self);
  set_default_range (self);
  self->dirty = TRUE;
  g_signal_connect_object (self->store, "changed", G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);
}

static void
iop_reports_view_dispose (GObject *object)
{
  IopReportsView *self = IOP_REPORTS_VIEW (object);

  g_clear_handle_id (&self->update_source, g_source_remove);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->group_report, iop_group_report_unref);
  g_clear_pointer (&self->program_report, iop_program_report_unref);
  g_clear_object (&self->subjects);
  g_clear_object (&self->settings);
  g_clear_object (&self->store);
  gtk_widget_dispose_template (GTK_WIDGET (self), IOP_TYPE_REPORTS_VIEW);

  G_OBJECT_CLASS (iop_reports_view_parent_class)->dispose (object);
}

static void
iop_reports_view_finalize (GObject *object)
{
  IopReportsView *self = IOP_REPORTS_VIEW (object);

  g_clear_pointer (&self->subject_ids, g_array_unref);

  G_OBJECT_CLASS (iop_reports_view_parent_class)->finalize (object);
}

static void
iop_reports_view_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  IopReportsView *self = IOP_REPORTS_VIEW (object);

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
iop_reports_view_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  IopReportsView *self = IOP_REPORTS_VIEW (object);

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
iop_reports_view_class_init (IopReportsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = iop_reports_view_constructed;
  object_class->dispose = iop_reports_view_dispose;
  object_class->finalize = iop_reports_view_finalize;
  object_class->get_property = iop_reports_view_get_property;
  object_class->set_property = iop_reports_view_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         IOP_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/iop/iop-reports-view.ui");
  gtk_widget_class_bind_template_child (widget_class, IopReportsView, subject_dropdown);
  gtk_widget_class_bind_template_child (widget_class, IopReportsView, from_entry);
  gtk_widget_class_bind_template_child (widget_class, IopReportsView, to_entry);
  gtk_widget_class_bind_template_child (widget_class, IopReportsView, full_names_switch);
  gtk_widget_class_bind_template_child (widget_class, IopReportsView, range_error);
  gtk_widget_class_bind_template_child (widget_class, IopReportsView, stack);
  gtk_widget_class_bind_template_child (widget_class, IopReportsView, spinner);
  gtk_widget_class_bind_template_child (widget_class, IopReportsView, status_page);
  gtk_widget_class_bind_template_child (widget_class, IopReportsView, again_button);
  gtk_widget_class_bind_template_child (widget_class, IopReportsView, report_box);
  gtk_widget_class_bind_template_callback (widget_class, subject_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, range_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, full_names_changed_cb);

  gtk_widget_class_install_action (widget_class, "view.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "view.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "view.recompute", NULL, recompute_action);
  gtk_widget_class_install_action (widget_class, "view.export-pdf", NULL, export_pdf_action);
  gtk_widget_class_install_action (widget_class, "view.export-csv", NULL, export_csv_action);
  gtk_widget_class_install_action (widget_class, "view.last-weeks", NULL, last_weeks_action);
  gtk_widget_class_install_action (widget_class, "view.search", NULL, search_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "view.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "view.export-pdf", NULL);
}

static void
iop_reports_view_init (IopReportsView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  iop_a11y_label_drop_down (self->subject_dropdown, _("Report"));

  self->subjects = gtk_string_list_new (NULL);
  self->subject_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->settings = desk_settings ();
  gtk_drop_down_set_model (self->subject_dropdown, G_LIST_MODEL (self->subjects));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "view.print", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "view.export-pdf", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "view.export-csv", FALSE);
  show_message (self, _("Choose a report"), NULL, FALSE);
  g_signal_connect (self, "map", G_CALLBACK (map_cb), NULL);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark", G_CALLBACK (dark_changed_cb), self,
                           G_CONNECT_SWAPPED);
}

/* Public API */

GtkWidget *
iop_reports_view_new (IopStore *store)
{
  return g_object_new (IOP_TYPE_REPORTS_VIEW, "store", store, NULL);
}

void
iop_reports_view_select_program (IopReportsView *self)
{
  g_return_if_fail (IOP_IS_REPORTS_VIEW (self));
  gtk_drop_down_set_selected (self->subject_dropdown, 0);
}

/**
 * iop_reports_view_select_group:
 * @self: the view
 * @group_id: a group
 *
 * Returns: %TRUE when the group is in the list and now chosen
 */
gboolean
iop_reports_view_select_group (IopReportsView *self,
                               gint64          group_id)
{
  g_return_val_if_fail (IOP_IS_REPORTS_VIEW (self), FALSE);

  for (guint i = 1; i < self->subject_ids->len; i++)
    if (g_array_index (self->subject_ids, gint64, i) == group_id)
      {
        gtk_drop_down_set_selected (self->subject_dropdown, i);
        return TRUE;
      }
  return FALSE;
}

void
iop_reports_view_set_range (IopReportsView *self,
                            const char     *from,
                            const char     *to)
{
  g_return_if_fail (IOP_IS_REPORTS_VIEW (self));
  gtk_editable_set_text (GTK_EDITABLE (self->from_entry), from != NULL ? from : "");
  gtk_editable_set_text (GTK_EDITABLE (self->to_entry), to != NULL ? to : "");
}

void
iop_reports_view_set_full_names (IopReportsView *self,
                                 gboolean        full_names)
{
  g_return_if_fail (IOP_IS_REPORTS_VIEW (self));
  gtk_switch_set_active (self->full_names_switch, full_names);
}

gboolean
iop_reports_view_is_busy (IopReportsView *self)
{
  g_return_val_if_fail (IOP_IS_REPORTS_VIEW (self), FALSE);
  return self->busy || self->update_source != 0 || self->dirty;
}

const char *
iop_reports_view_get_visible_page (IopReportsView *self)
{
  g_return_val_if_fail (IOP_IS_REPORTS_VIEW (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}

/**
 * iop_reports_view_get_group_report:
 * @self: the view
 *
 * Returns: (transfer none) (nullable): the group report shown
 */
IopGroupReport *
iop_reports_view_get_group_report (IopReportsView *self)
{
  g_return_val_if_fail (IOP_IS_REPORTS_VIEW (self), NULL);
  return self->group_report;
}

/**
 * iop_reports_view_get_program_report:
 * @self: the view
 *
 * Returns: (transfer none) (nullable): the program report shown
 */
IopProgramReport *
iop_reports_view_get_program_report (IopReportsView *self)
{
  g_return_val_if_fail (IOP_IS_REPORTS_VIEW (self), NULL);
  return self->program_report;
}

static void
collect_text (GtkWidget *widget,
              GString   *out)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget))
    {
      g_string_append (out, gtk_label_get_text (GTK_LABEL (widget)));
      g_string_append_c (out, '\n');
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    collect_text (child, out);
}

/**
 * iop_reports_view_dup_flags:
 * @self: the view
 *
 * Returns: (transfer full) (element-type utf8): the "Needs attention" lines shown
 */
GPtrArray *
iop_reports_view_dup_flags (IopReportsView *self)
{
  GPtrArray *flags = g_ptr_array_new_with_free_func (g_free);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->report_box)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_BOX (child) && g_strcmp0 (gtk_widget_get_name (child), "flags") == 0)
      {
        for (int i = 0; ; i++)
          {
            GtkListBoxRow *row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (child), i);
            GString *text;

            if (row == NULL)
              break;
            text = g_string_new (NULL);
            collect_text (GTK_WIDGET (row), text);
            g_strchomp (text->str);
            g_ptr_array_add (flags, g_string_free (text, FALSE));
          }
      }
  return flags;
}

/**
 * iop_reports_view_dup_text:
 * @self: the view
 *
 * Returns: (transfer full): every label of the shown report, one per line
 */
char *
iop_reports_view_dup_text (IopReportsView *self)
{
  GString *out = g_string_new (NULL);

  collect_text (GTK_WIDGET (self->report_box), out);
  return g_string_free (out, FALSE);
}
