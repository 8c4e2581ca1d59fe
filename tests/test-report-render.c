/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Report rendering: PDF pages that name members only by initials, charts, CSV. */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "iop-report-fixture.h"
#include "iop-report-render.h"
#include "iop-test-util.h"

static const char *fixture_names[] = {
  "Ann", "Alpha", "Bob", "Beta", "Cara", "Gamma", "Dan", "Delta", "Eve", "Epsilon", "Fay", "Zeta",
};

static IopGroupReport *
group_report (IopStore         *store,
              IopReportFixture *f)
{
  g_autoptr(GError) error = NULL;
  IopReportOptions options;
  IopGroupReport *report;

  iop_report_options_init (&options, IOP_FIXTURE_FROM, IOP_FIXTURE_TO);
  report = iop_group_report_compute (store, f->group_id, &options, &error);
  g_assert_no_error (error);
  iop_report_options_clear (&options);
  return report;
}

static char *
pdf_text (const char *pdf)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", pdf, "-", NULL };
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return g_steal_pointer (&out);
}

static gboolean
has_word (const char *text,
          const char *word)
{
  g_autofree char *escaped = g_regex_escape_string (word, -1);
  g_autofree char *pattern = g_strdup_printf ("(?<!\\w)%s(?!\\w)", escaped);

  return g_regex_match_simple (pattern, text, 0, 0);
}

static void
test_pdf_initials_only (void)
{
  IopReportFixture f;
  g_autoptr(IopStore) store = iop_report_fixture_open ("render-pdf", &f);
  g_autoptr(IopGroupReport) report = group_report (store, &f);
  g_autoptr(IopDocument) doc = iop_group_report_build_document (report, "Test Program", FALSE);
  g_autoptr(IopDocument) internal = iop_group_report_build_document (report, "Test Program", TRUE);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (iop_test_tmpdir (), "group.pdf", NULL);
  g_autofree char *internal_path = g_build_filename (iop_test_tmpdir (), "group-internal.pdf", NULL);
  g_autofree char *text = NULL;
  g_autofree char *internal_text = NULL;

  g_assert_true (iop_document_write_pdf (doc, path, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (iop_document_get_n_pages (doc), >, 1);
  text = pdf_text (path);

  g_assert_true (strstr (text, "Fixture Group") != NULL);
  g_assert_true (strstr (text, "A.A.") != NULL);
  g_assert_true (strstr (text, "Outreach: 1 member missed two or more sessions in a row: C.G. (3).") != NULL);
  g_assert_true (strstr (text, "Initials only") != NULL);
  for (guint i = 0; i < G_N_ELEMENTS (fixture_names); i++)
    if (has_word (text, fixture_names[i]))
      g_error ("the PDF names %s", fixture_names[i]);

  /* The internal copy does name them: the check above would notice. */
  g_assert_true (iop_document_write_pdf (internal, internal_path, &error));
  internal_text = pdf_text (internal_path);
  g_assert_true (has_word (internal_text, "Gamma"));
  g_assert_true (strstr (internal_text, "FULL NAMES") != NULL);
}

static void
test_program_pdf (void)
{
  IopReportFixture f;
  g_autoptr(IopStore) store = iop_report_fixture_open ("render-program-pdf", &f);
  g_autoptr(GError) error = NULL;
  g_autoptr(IopProgramReport) report = NULL;
  g_autoptr(IopDocument) doc = NULL;
  g_autofree char *path = g_build_filename (iop_test_tmpdir (), "program.pdf", NULL);
  g_autofree char *text = NULL;
  IopReportOptions options;

  iop_report_options_init (&options, IOP_FIXTURE_FROM, IOP_FIXTURE_TO);
  report = iop_program_report_compute (store, &options, &error);
  g_assert_no_error (error);
  iop_report_options_clear (&options);
  doc = iop_program_report_build_document (report, NULL, FALSE);
  g_assert_true (iop_document_write_pdf (doc, path, &error));
  g_assert_no_error (error);
  text = pdf_text (path);
  g_assert_true (strstr (text, "Casey Counselor") != NULL);
  g_assert_true (strstr (text, "F.Z.") != NULL);
  for (guint i = 0; i < G_N_ELEMENTS (fixture_names); i++)
    if (has_word (text, fixture_names[i]))
      g_error ("the PDF names %s", fixture_names[i]);
}

static void
test_redact_names (void)
{
  IopReportFixture f;
  g_autoptr(IopStore) store = iop_report_fixture_open ("render-redact", &f);
  g_autoptr(IopGroupReport) report = group_report (store, &f);
  g_autofree char *redacted = iop_report_redact_names (report->names, "Left after a conflict with cara gamma and Bob.", FALSE);
  g_autofree char *kept = iop_report_redact_names (report->names, "Left with Bob.", TRUE);
  g_autofree char *word = iop_report_redact_names (report->names, "Bobsled team", FALSE);

  g_autofree char *possessive = iop_report_redact_names (report->names, "Moved to CARA's group.", FALSE);

  /* A full name is one name: it becomes the initials once. */
  g_assert_cmpstr (redacted, ==, "Left after a conflict with C.G. and B.B..");
  g_assert_cmpstr (kept, ==, "Left with Bob.");
  g_assert_cmpstr (word, ==, "Bobsled team");
  g_assert_cmpstr (possessive, ==, "Moved to C.G.'s group.");
}

static gboolean
surface_has_ink (cairo_surface_t *surface)
{
  const unsigned char *data;
  int stride, w, h;

  cairo_surface_flush (surface);
  data = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  w = cairo_image_surface_get_width (surface);
  h = cairo_image_surface_get_height (surface);
  for (int y = 0; y < h; y++)
    for (int x = 0; x < w * 4; x++)
      if (data[y * stride + x] != 0)
        return TRUE;
  return FALSE;
}

static void
test_charts_draw (void)
{
  IopReportFixture f;
  g_autoptr(IopStore) store = iop_report_fixture_open ("render-charts", &f);
  g_autoptr(IopGroupReport) report = group_report (store, &f);
  g_autoptr(IopGroupReport) empty = NULL;
  g_autoptr(GError) error = NULL;
  IopChartTheme dark = { { 1, 1, 1, 1 }, { 0.1, 0.1, 0.1, 1 }, { 0.5, 0.7, 1, 1 }, { 1, 1, 1, 0.2 } };
  IopReportOptions options;

  /* A range with no sessions at all draws a message, not garbage. */
  iop_report_options_init (&options, "2025-01-06", "2025-01-19");
  empty = iop_group_report_compute (store, f.group_id, &options, &error);
  g_assert_no_error (error);
  iop_report_options_clear (&options);

  for (int chart = 0; chart < IOP_GROUP_N_CHARTS; chart++)
    for (int which = 0; which < 2; which++)
      {
        cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 500, 200);
        cairo_t *cr = cairo_create (surface);

        iop_group_report_draw_chart (which == 0 ? report : empty, chart, cr, 500, 200, &dark);
        g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
        g_assert_true (surface_has_ink (surface));
        g_assert_cmpstr (iop_group_chart_title (chart), !=, "");
        cairo_destroy (cr);
        cairo_surface_destroy (surface);
      }
}

static void
test_csv_field (void)
{
  struct { const char *in; const char *out; } cases[] = {
    { "plain", "plain" },
    { "", "" },
    { "a,b", "\"a,b\"" },
    { "say \"hi\"", "\"say \"\"hi\"\"\"" },
    { "two\r\nlines", "\"two\r\nlines\"" },
    { "=SUM(A1:A2)", "'=SUM(A1:A2)" },
    { "@cmd", "'@cmd" },
    { "-3", "-3" },
    { "-0.25", "-0.25" },
    { "+x,y", "\"'+x,y\"" },
    { "María O'Neil", "María O'Neil" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *got = iop_csv_field (cases[i].in);

      g_assert_cmpstr (got, ==, cases[i].out);
    }
}

/* A small RFC 4180 reader: every record must have the header's six fields. */
static GPtrArray *
parse_csv (const char *text)
{
  GPtrArray *records = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  GPtrArray *record = g_ptr_array_new_with_free_func (g_free);
  GString *field = g_string_new (NULL);
  const char *p = text;

  while (*p != '\0')
    {
      if (*p == '"')
        {
          g_assert_cmpuint (field->len, ==, 0);
          for (p++; ; p++)
            {
              g_assert_true (*p != '\0');
              if (*p == '"' && p[1] == '"')
                {
                  g_string_append_c (field, '"');
                  p++;
                }
              else if (*p == '"')
                {
                  p++;
                  break;
                }
              else
                g_string_append_c (field, *p);
            }
          g_assert_true (*p == ',' || *p == '\r');
        }
      else if (*p == ',')
        {
          g_ptr_array_add (record, g_string_free (field, FALSE));
          field = g_string_new (NULL);
          p++;
        }
      else if (*p == '\r')
        {
          g_assert_true (p[1] == '\n');
          g_ptr_array_add (record, g_string_free (field, FALSE));
          field = g_string_new (NULL);
          g_ptr_array_add (records, record);
          record = g_ptr_array_new_with_free_func (g_free);
          p += 2;
        }
      else
        {
          g_assert_true (*p != '\n');
          g_string_append_c (field, *p++);
        }
    }
  g_assert_cmpuint (record->len, ==, 0);
  g_assert_cmpuint (field->len, ==, 0);
  g_ptr_array_unref (record);
  g_string_free (field, TRUE);
  return records;
}

static gboolean
has_record (GPtrArray   *records,
            const char  *section,
            const char  *date,
            const char  *member,
            const char  *metric,
            const char  *value,
            const char  *flag)
{
  for (guint i = 0; i < records->len; i++)
    {
      GPtrArray *r = g_ptr_array_index (records, i);

      if (g_str_equal (g_ptr_array_index (r, 0), section) && g_str_equal (g_ptr_array_index (r, 1), date)
          && g_str_equal (g_ptr_array_index (r, 2), member) && g_str_equal (g_ptr_array_index (r, 3), metric)
          && g_str_equal (g_ptr_array_index (r, 4), value) && g_str_equal (g_ptr_array_index (r, 5), flag))
        return TRUE;
    }
  return FALSE;
}

static void
test_group_csv (void)
{
  IopReportFixture f;
  g_autoptr(IopStore) store = iop_report_fixture_open ("render-csv", &f);
  g_autoptr(IopGroupReport) report = group_report (store, &f);
  g_autofree char *csv = iop_group_report_to_csv (report, FALSE);
  g_autofree char *internal = iop_group_report_to_csv (report, TRUE);
  g_autoptr(GPtrArray) records = parse_csv (csv);
  g_autoptr(GPtrArray) internal_records = parse_csv (internal);
  GPtrArray *header = g_ptr_array_index (records, 0);

  g_assert_cmpstr (g_ptr_array_index (header, 0), ==, "section");
  g_assert_cmpstr (g_ptr_array_index (header, 5), ==, "flag");
  for (guint i = 0; i < records->len; i++)
    g_assert_cmpuint (((GPtrArray *) g_ptr_array_index (records, i))->len, ==, 6);

  g_assert_true (has_record (records, "session", "2026-09-14", "", "attendance_rate", "0.6667", ""));
  g_assert_true (has_record (records, "member", "", "C.G.", "longest_absence_run", "3", "outreach"));
  g_assert_true (has_record (records, "member", "", "B.B.", "participation_mean", "0.6667", "low-participation"));
  g_assert_true (has_record (records, "climate", "2026-09-21", "", "member_rating_mean_of_40", "", ""));
  g_assert_true (has_record (records, "documentation", "2026-09-21", "", "state", "draft", "unsigned"));
  g_assert_true (has_record (records, "retention", "2026-09-11", "E.E.", "left", "Moved away", ""));
  g_assert_true (has_record (records, "hours", "2026-09-28", "A.A.", "minutes", "480", "under-hours"));
  g_assert_true (has_record (records, "measure", "", "", "PHQ-9_mean_change", "-2.00", ""));
  g_assert_true (has_record (records, "member", "2026-10-01", "B.B.", "PHQ-9_change", "2", ""));
  for (guint i = 0; i < G_N_ELEMENTS (fixture_names); i++)
    g_assert_false (has_word (csv, fixture_names[i]));
  g_assert_true (has_record (internal_records, "member", "", "Cara Gamma", "longest_absence_run", "3", "outreach"));
}

static void
test_program_csv (void)
{
  IopReportFixture f;
  g_autoptr(IopStore) store = iop_report_fixture_open ("render-program-csv", &f);
  g_autoptr(GError) error = NULL;
  g_autoptr(IopProgramReport) report = NULL;
  g_autofree char *csv = NULL;
  g_autoptr(GPtrArray) records = NULL;
  IopReportOptions options;

  iop_report_options_init (&options, IOP_FIXTURE_FROM, IOP_FIXTURE_TO);
  report = iop_program_report_compute (store, &options, &error);
  g_assert_no_error (error);
  iop_report_options_clear (&options);
  csv = iop_program_report_to_csv (report, FALSE);
  records = parse_csv (csv);
  for (guint i = 0; i < records->len; i++)
    g_assert_cmpuint (((GPtrArray *) g_ptr_array_index (records, i))->len, ==, 6);
  g_assert_true (has_record (records, "census", IOP_FIXTURE_TO, "", "php", "1", ""));
  g_assert_true (has_record (records, "discharge", "2026-09-12", "E.E.", "discharged", "Moved away", ""));
  g_assert_true (has_record (records, "backlog", "", "Riley Other", "unsigned", "3", "unsigned"));
  g_assert_true (has_record (records, "week", "2026-09-14", "", "census", "4", ""));
  for (guint i = 0; i < G_N_ELEMENTS (fixture_names); i++)
    g_assert_false (has_word (csv, fixture_names[i]));
}

static void
test_write_text (void)
{
  g_autofree char *path = g_build_filename (iop_test_tmpdir (), "out.csv", NULL);
  g_autofree char *missing = g_build_filename (iop_test_tmpdir (), "no-such-folder", "out.csv", NULL);
  g_autofree char *back = NULL;
  g_autoptr(GError) error = NULL;
  GStatBuf st;

  g_assert_true (iop_report_write_text (path, "a,b\r\n", &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &back, NULL, NULL));
  g_assert_cmpstr (back, ==, "a,b\r\n");
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_false (iop_report_write_text (missing, "x", &error));
  g_assert_nonnull (error);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/report-render/pdf-initials-only", test_pdf_initials_only);
  g_test_add_func ("/report-render/program-pdf", test_program_pdf);
  g_test_add_func ("/report-render/redact-names", test_redact_names);
  g_test_add_func ("/report-render/charts-draw", test_charts_draw);
  g_test_add_func ("/report-render/csv-field", test_csv_field);
  g_test_add_func ("/report-render/group-csv", test_group_csv);
  g_test_add_func ("/report-render/program-csv", test_program_csv);
  g_test_add_func ("/report-render/write-text", test_write_text);
  return g_test_run ();
}
