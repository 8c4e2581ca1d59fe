/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include "iop-instrument-loader.h"
#include "iop-instrument.h"
#include "iop-xml-reader.h"
#include "iop-test-util.h"

/* Definitions built in C, as the published sources state them, so scoring is
 * tested apart from the XML; the shipped files are then checked to score the same. */

static IopInstrument *
build_phq9 (void)
{
  IopInstrument *i = iop_instrument_new ("PHQ-9", "PHQ-9");

  for (guint n = 0; n < 9; n++)
    iop_instrument_add_item (i, "item", 0, 3);
  iop_instrument_add_band (i, 0, 4, "minimal");
  iop_instrument_add_band (i, 5, 9, "mild");
  iop_instrument_add_band (i, 10, 14, "moderate");
  iop_instrument_add_band (i, 15, 19, "moderately severe");
  iop_instrument_add_band (i, 20, 27, "severe");
  iop_instrument_add_flag (i, 9, 1, "suicide risk");
  g_assert_true (iop_instrument_check (i, NULL));
  return i;
}

static IopInstrument *
build_gad7 (void)
{
  IopInstrument *i = iop_instrument_new ("GAD-7", "GAD-7");

  for (guint n = 0; n < 7; n++)
    iop_instrument_add_item (i, "item", 0, 3);
  iop_instrument_add_band (i, 0, 4, "minimal");
  iop_instrument_add_band (i, 5, 9, "mild");
  iop_instrument_add_band (i, 10, 14, "moderate");
  iop_instrument_add_band (i, 15, 21, "severe");
  g_assert_true (iop_instrument_check (i, NULL));
  return i;
}

static IopInstrument *
build_bam (void)
{
  static const guint use[] = { 4, 5, 6 };
  static const guint risk[] = { 1, 2, 3, 8, 11, 15 };
  static const guint protective[] = { 9, 10, 12, 13, 14, 16 };
  IopInstrument *i = iop_instrument_new ("BAM", "BAM");

  for (guint n = 0; n < 17; n++)
    iop_instrument_add_item (i, "item", 0, 4);
  iop_instrument_set_has_total (i, FALSE);
  iop_instrument_add_subscale (i, "use", "Use", use, G_N_ELEMENTS (use));
  iop_instrument_add_subscale (i, "risk", "Risk factors", risk, G_N_ELEMENTS (risk));
  iop_instrument_add_subscale (i, "protective", "Protective factors", protective, G_N_ELEMENTS (protective));
  g_assert_true (iop_instrument_check (i, NULL));
  return i;
}

/* Answers that add up to @total, spread from the first item, item 9 kept at 0
 * unless the total needs it. */
static void
answers_for_total (int *answers, guint n, int max_per_item, int total, guint keep_zero)
{
  memset (answers, 0, n * sizeof (int));
  for (guint i = 0; i < n && total > 0; i++)
    {
      if (i + 1 == keep_zero)
        continue;
      answers[i] = MIN (total, max_per_item);
      total -= answers[i];
    }
  for (guint i = 0; i < n && total > 0; i++)
    if (i + 1 == keep_zero)
      {
        answers[i] = MIN (total, max_per_item);
        total -= answers[i];
      }
  g_assert_cmpint (total, ==, 0);
}

typedef struct {
  int         total;
  const char *severity;
} Boundary;

static void
check_boundaries (IopInstrument *instrument, const Boundary *cases, guint n_cases)
{
  guint n = iop_instrument_get_n_items (instrument);

  for (guint c = 0; c < n_cases; c++)
    {
      g_autofree int *answers = g_new0 (int, n);
      g_autoptr(IopScore) score = NULL;
      g_autoptr(GError) error = NULL;

      answers_for_total (answers, n, 3, cases[c].total, 9);
      score = iop_instrument_score (instrument, answers, n, &error);
      g_assert_no_error (error);
      g_assert_true (score->complete);
      g_assert_cmpint (score->total, ==, cases[c].total);
      g_assert_cmpstr (score->severity, ==, cases[c].severity);
    }
}

static const Boundary phq9_boundaries[] = {
  { 0, "minimal" }, { 4, "minimal" }, { 5, "mild" }, { 9, "mild" }, { 10, "moderate" },
  { 14, "moderate" }, { 15, "moderately severe" }, { 19, "moderately severe" }, { 20, "severe" },
  { 27, "severe" },
};

static const Boundary gad7_boundaries[] = {
  { 0, "minimal" }, { 4, "minimal" }, { 5, "mild" }, { 9, "mild" }, { 10, "moderate" },
  { 14, "moderate" }, { 15, "severe" }, { 21, "severe" },
};

static void
test_phq9_boundaries (void)
{
  g_autoptr(IopInstrument) phq9 = build_phq9 ();

  check_boundaries (phq9, phq9_boundaries, G_N_ELEMENTS (phq9_boundaries));
}

static void
test_gad7_boundaries (void)
{
  g_autoptr(IopInstrument) gad7 = build_gad7 ();

  check_boundaries (gad7, gad7_boundaries, G_N_ELEMENTS (gad7_boundaries));
}

static void
test_phq9_item9 (void)
{
  g_autoptr(IopInstrument) phq9 = build_phq9 ();
  int answers[9] = { 0 };

  for (int v = 0; v <= 3; v++)
    {
      g_autoptr(IopScore) score = NULL;

      answers[8] = v;
      score = iop_instrument_score (phq9, answers, 9, NULL);
      g_assert_nonnull (score);
      g_assert_cmpint (score->safety_flag, ==, v > 0);
      g_assert_cmpint (score->total, ==, v);
    }

  /* A gap elsewhere never hides the flag. */
  {
    int gap[9] = { 1, IOP_ANSWER_MISSING, 0, 0, 0, 0, 0, 0, 2 };
    g_autoptr(IopScore) score = iop_instrument_score (phq9, gap, 9, NULL);

    g_assert_false (score->complete);
    g_assert_true (score->safety_flag);
    g_assert_nonnull (score->flag_label);
  }
}

static void
test_incomplete (void)
{
  g_autoptr(IopInstrument) phq9 = build_phq9 ();
  g_autoptr(IopInstrument) gad7 = build_gad7 ();
  g_autoptr(IopInstrument) bam = build_bam ();
  int phq[9] = { 3, 3, 3, 3, 3, 3, 3, 3, IOP_ANSWER_MISSING };
  int gad[7] = { IOP_ANSWER_MISSING, 0, 0, 0, 0, 0, 0 };
  int b[17] = { 1, 2, 3, 1, 0, IOP_ANSWER_MISSING, 0, 1, 4, 3, 1, 2, 4, 4, 0, 4, 3 };
  g_autoptr(IopScore) s1 = iop_instrument_score (phq9, phq, 9, NULL);
  g_autoptr(IopScore) s2 = iop_instrument_score (gad7, gad, 7, NULL);
  g_autoptr(IopScore) s3 = iop_instrument_score (bam, b, 17, NULL);

  /* Never counted as 0: 24 answered would read "severe" if it were. */
  g_assert_false (s1->complete);
  g_assert_cmpint (s1->total, ==, -1);
  g_assert_null (s1->severity);
  g_assert_false (s2->complete);
  g_assert_cmpint (s2->total, ==, -1);
  g_assert_null (s2->severity);
  /* BAM: the Use sub-score needs item 6; the others are still computed. */
  g_assert_false (s3->complete);
  g_assert_cmpint (iop_subscores_get (s3->subscores, "use"), ==, -1);
  g_assert_cmpint (iop_subscores_get (s3->subscores, "risk"), ==, 1 + 2 + 3 + 1 + 1 + 0);
  g_assert_cmpint (iop_subscores_get (s3->subscores, "protective"), ==, 4 + 3 + 2 + 4 + 4 + 4);
}

static void
test_invalid_answers (void)
{
  g_autoptr(IopInstrument) phq9 = build_phq9 ();
  int too_high[9] = { 0, 0, 0, 4, 0, 0, 0, 0, 0 };
  int negative[9] = { 0, 0, 0, 0, -2, 0, 0, 0, 0 };
  int too_few[8] = { 0 };
  g_autoptr(GError) error = NULL;

  g_assert_null (iop_instrument_score (phq9, too_high, 9, &error));
  g_assert_error (error, IOP_INSTRUMENT_ERROR, IOP_INSTRUMENT_ERROR_INVALID_ANSWER);
  g_assert_nonnull (strstr (error->message, "Item 4"));
  g_clear_error (&error);
  g_assert_null (iop_instrument_score (phq9, negative, 9, &error));
  g_assert_error (error, IOP_INSTRUMENT_ERROR, IOP_INSTRUMENT_ERROR_INVALID_ANSWER);
  g_clear_error (&error);
  g_assert_null (iop_instrument_score (phq9, too_few, 8, &error));
  g_assert_error (error, IOP_INSTRUMENT_ERROR, IOP_INSTRUMENT_ERROR_INVALID_ANSWER);
}

static void
test_bam_subscores (void)
{
  g_autoptr(IopInstrument) bam = build_bam ();
  /* item:      1  2  3  4  5  6  7  8  9 10 11 12 13 14 15 16 17 */
  int a[17] = { 2, 3, 1, 1, 0, 2, 4, 3, 4, 3, 0, 2, 4, 4, 0, 1, 4 };
  g_autoptr(IopScore) s = iop_instrument_score (bam, a, 17, NULL);

  g_assert_true (s->complete);
  g_assert_cmpint (s->total, ==, -1);
  g_assert_cmpstr (s->subscores, ==, "use=3 risk=9 protective=18");

  /* Items 7 and 17 are in no sub-score: changing them changes nothing. */
  {
    int b[17];
    g_autoptr(IopScore) t = NULL;

    memcpy (b, a, sizeof a);
    b[6] = 0;
    b[16] = 0;
    t = iop_instrument_score (bam, b, 17, NULL);
    g_assert_cmpstr (t->subscores, ==, s->subscores);
  }

  /* The extremes of each sub-score. */
  {
    int zeros[17] = { 0 };
    int fours[17];
    g_autoptr(IopScore) lo = iop_instrument_score (bam, zeros, 17, NULL);
    g_autoptr(IopScore) hi = NULL;

    for (guint i = 0; i < 17; i++)
      fours[i] = 4;
    hi = iop_instrument_score (bam, fours, 17, NULL);
    g_assert_cmpstr (lo->subscores, ==, "use=0 risk=0 protective=0");
    g_assert_cmpstr (hi->subscores, ==, "use=12 risk=24 protective=24");
  }
}

static void
test_bad_definitions (void)
{
  g_autoptr(IopInstrument) gap = iop_instrument_new ("X", "X");
  g_autoptr(IopInstrument) overlap = iop_instrument_new ("Y", "Y");
  g_autoptr(IopInstrument) missing_item = iop_instrument_new ("Z", "Z");
  static const guint items[] = { 1, 5 };
  g_autoptr(GError) error = NULL;

  iop_instrument_add_item (gap, "a", 0, 3);
  iop_instrument_add_item (gap, "b", 0, 3);
  iop_instrument_add_band (gap, 0, 2, "low");
  iop_instrument_add_band (gap, 4, 6, "high");
  g_assert_false (iop_instrument_check (gap, &error));
  g_assert_error (error, IOP_INSTRUMENT_ERROR, IOP_INSTRUMENT_ERROR_INVALID_DEFINITION);
  g_clear_error (&error);

  iop_instrument_add_item (overlap, "a", 0, 3);
  iop_instrument_add_band (overlap, 0, 2, "low");
  iop_instrument_add_band (overlap, 2, 3, "high");
  g_assert_false (iop_instrument_check (overlap, &error));
  g_assert_error (error, IOP_INSTRUMENT_ERROR, IOP_INSTRUMENT_ERROR_INVALID_DEFINITION);
  g_clear_error (&error);

  iop_instrument_add_item (missing_item, "a", 0, 3);
  iop_instrument_add_subscale (missing_item, "s", "S", items, G_N_ELEMENTS (items));
  g_assert_false (iop_instrument_check (missing_item, &error));
  g_assert_error (error, IOP_INSTRUMENT_ERROR, IOP_INSTRUMENT_ERROR_INVALID_DEFINITION);
}

/* The shipped files */

static IopInstrumentRegistry *
load_shipped (void)
{
  g_autoptr(GPtrArray) refused = NULL;
  g_autoptr(GError) error = NULL;
  IopInstrumentRegistry *registry = iop_instrument_registry_load_default (&refused, &error);

  g_assert_no_error (error);
  g_assert_nonnull (registry);
  g_assert_cmpuint (refused->len, ==, 0);
  return registry;
}

static void
test_shipped_files (void)
{
  g_autoptr(IopInstrumentRegistry) registry = load_shipped ();
  IopInstrument *phq9 = iop_instrument_registry_lookup (registry, "PHQ-9");
  IopInstrument *gad7 = iop_instrument_registry_lookup (registry, "GAD-7");
  IopInstrument *bam = iop_instrument_registry_lookup (registry, "BAM");

  g_assert_nonnull (phq9);
  g_assert_nonnull (gad7);
  g_assert_nonnull (bam);
  g_assert_cmpuint (iop_instrument_get_n_items (phq9), ==, 9);
  g_assert_cmpuint (iop_instrument_get_n_items (gad7), ==, 7);
  g_assert_cmpuint (iop_instrument_get_n_items (bam), ==, 17);
  g_assert_cmpint (iop_instrument_get_max_total (phq9), ==, 27);
  g_assert_cmpint (iop_instrument_get_max_total (gad7), ==, 21);
  g_assert_false (iop_instrument_get_has_total (bam));
  g_assert_nonnull (strstr (iop_instrument_get_source (phq9), "Kroenke"));
  g_assert_nonnull (strstr (iop_instrument_get_source (gad7), "Spitzer"));
  g_assert_nonnull (strstr (iop_instrument_get_source (bam), "Cacciola"));
  g_assert_cmpstr (iop_instrument_get_choice_label (phq9, 9, 2), ==, "More than half the days");
  g_assert_cmpstr (iop_instrument_get_choice_label (bam, 14, 4), ==, "Yes");
  g_assert_nonnull (strstr (iop_instrument_get_item_text (phq9, 9), "better off dead"));

  /* Every boundary again, through the files. */
  check_boundaries (phq9, phq9_boundaries, G_N_ELEMENTS (phq9_boundaries));
  check_boundaries (gad7, gad7_boundaries, G_N_ELEMENTS (gad7_boundaries));
  {
    int a[17] = { 2, 3, 1, 1, 0, 2, 4, 3, 4, 3, 0, 2, 4, 4, 0, 1, 4 };
    int nine[9] = { 0, 0, 0, 0, 0, 0, 0, 0, 1 };
    g_autoptr(IopScore) s = iop_instrument_score (bam, a, 17, NULL);
    g_autoptr(IopScore) f = iop_instrument_score (phq9, nine, 9, NULL);

    g_assert_cmpstr (s->subscores, ==, "use=3 risk=9 protective=18");
    g_assert_true (f->safety_flag);
  }
}

static char *
read_shipped (const char *name)
{
  g_autofree char *dir = iop_instrument_data_dir ();
  g_autofree char *path = g_build_filename (dir, name, NULL);
  char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  return text;
}

static void
expect_refused (const char *xml, GQuark domain, int code, const char *fragment)
{
  g_autofree char *xsd = iop_instrument_schema_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(IopInstrument) instrument = iop_instrument_load_memory (xml, strlen (xml), "custom.xml", xsd, &error);

  g_assert_null (instrument);
  g_assert_error (error, domain, code);
  if (fragment != NULL && strstr (error->message, fragment) == NULL)
    g_error ("“%s” not in the message: %s", fragment, error->message);
}

static char *
replace (const char *text, const char *from, const char *to)
{
  g_auto(GStrv) parts = g_strsplit (text, from, 2);

  g_assert_nonnull (parts[1]);
  return g_strconcat (parts[0], to, parts[1], NULL);
}

static void
test_schema_refuses (void)
{
  g_autofree char *phq9 = read_shipped ("phq9.xml");
  /* Off-schema: an unknown missing-answer rule, a non-number, no source. */
  g_autofree char *prorate = replace (phq9, "missing=\"incomplete\"", "missing=\"count-as-zero\"");
  g_autofree char *word = replace (phq9, "<item number=\"3\" min=\"0\" max=\"3\">",
                                   "<item number=\"3\" min=\"0\" max=\"three\">");
  g_autofree char *no_source = NULL;
  /* Well-formed and on-schema, but rules that do not add up. */
  g_autofree char *gap = replace (phq9, "<band min=\"5\" max=\"9\">mild</band>", "<band min=\"6\" max=\"9\">mild</band>");
  g_autofree char *order = replace (phq9, "<item number=\"2\"", "<item number=\"12\"");

  {
    const char *start = strstr (phq9, "<source>");
    const char *end = strstr (phq9, "</source>") + strlen ("</source>");
    g_autofree char *head = g_strndup (phq9, start - phq9);

    no_source = g_strconcat (head, end, NULL);
  }

  expect_refused (prorate, IOP_XML_ERROR, IOP_XML_ERROR_INVALID, "custom.xml");
  expect_refused (word, IOP_XML_ERROR, IOP_XML_ERROR_INVALID, "custom.xml");
  expect_refused (no_source, IOP_XML_ERROR, IOP_XML_ERROR_INVALID, "custom.xml");
  expect_refused (gap, IOP_INSTRUMENT_ERROR, IOP_INSTRUMENT_ERROR_INVALID_DEFINITION, "band");
  expect_refused (order, IOP_XML_ERROR, IOP_XML_ERROR_WRONG_FORMAT, "numbered");
  expect_refused ("<instrument id=\"X\"", IOP_XML_ERROR, IOP_XML_ERROR_MALFORMED, NULL);
  expect_refused ("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e \"boom\">]><instrument/>",
                  IOP_XML_ERROR, IOP_XML_ERROR_FORBIDDEN, NULL);
}

static void
test_program_adds_instrument (void)
{
  g_autofree char *builtin = iop_instrument_data_dir ();
  g_autofree char *xsd = iop_instrument_schema_path ();
  g_autofree char *own = g_build_filename (iop_test_tmpdir (), "own-instruments", NULL);
  g_autofree char *gad7 = read_shipped ("gad7.xml");
  g_autofree char *custom = replace (gad7, "id=\"GAD-7\"", "id=\"GAD-2\"");
  g_autofree char *redefine = g_strdup (gad7);
  g_autofree char *broken = g_strdup ("<instrument id=\"BROKEN\" format=\"1\"><name>x</name></instrument>");
  g_autofree char *p1 = g_build_filename (own, "gad2.xml", NULL);
  g_autofree char *p2 = g_build_filename (own, "gad7-copy.xml", NULL);
  g_autofree char *p3 = g_build_filename (own, "broken.xml", NULL);
  const char *dirs[] = { builtin, own, NULL };
  g_autoptr(GPtrArray) refused = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(IopInstrumentRegistry) registry = NULL;

  g_assert_cmpint (g_mkdir_with_parents (own, 0700), ==, 0);
  g_assert_true (g_file_set_contents (p1, custom, -1, NULL));
  g_assert_true (g_file_set_contents (p2, redefine, -1, NULL));
  g_assert_true (g_file_set_contents (p3, broken, -1, NULL));

  registry = iop_instrument_registry_load (dirs, xsd, &refused, &error);
  g_assert_no_error (error);
  g_assert_nonnull (iop_instrument_registry_lookup (registry, "GAD-2"));
  g_assert_nonnull (iop_instrument_registry_lookup (registry, "PHQ-9"));
  /* The broken file and the redefinition of a built-in are refused, by name. */
  g_assert_cmpuint (refused->len, ==, 2);
  g_assert_nonnull (strstr (g_ptr_array_index (refused, 0), "broken.xml"));
  g_assert_nonnull (strstr (g_ptr_array_index (refused, 1), "gad7-copy.xml"));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/instruments/phq9-boundaries", test_phq9_boundaries);
  g_test_add_func ("/instruments/gad7-boundaries", test_gad7_boundaries);
  g_test_add_func ("/instruments/phq9-item9", test_phq9_item9);
  g_test_add_func ("/instruments/incomplete", test_incomplete);
  g_test_add_func ("/instruments/invalid-answers", test_invalid_answers);
  g_test_add_func ("/instruments/bam-subscores", test_bam_subscores);
  g_test_add_func ("/instruments/bad-definitions", test_bad_definitions);
  g_test_add_func ("/instruments/shipped-files", test_shipped_files);
  g_test_add_func ("/instruments/schema-refuses", test_schema_refuses);
  g_test_add_func ("/instruments/program-adds-instrument", test_program_adds_instrument);

  return g_test_run ();
}
