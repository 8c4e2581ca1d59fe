/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "iop-name-guard.h"
#include "iop-test-util.h"

enum { MARIA = 1, TOMAS, HOPE_S, HOPE_A, WILL, PAT, THANH, JAMES, GRACE };

static IopNameGuard *
guard_new (void)
{
  IopNameGuard *guard = iop_name_guard_new ();

  iop_name_guard_add_participant (guard, MARIA, "María", "López", "Mari");
  iop_name_guard_add_participant (guard, TOMAS, "Tomás", "Herrera", "Tommy");
  iop_name_guard_add_participant (guard, HOPE_S, "Hope", "Sandoval", "");
  iop_name_guard_add_participant (guard, HOPE_A, "Hope", "Anderson", "");
  iop_name_guard_add_participant (guard, WILL, "William", "Begay", "Will");
  iop_name_guard_add_participant (guard, PAT, "Patricia", "O'Neil", "Pat");
  iop_name_guard_add_participant (guard, THANH, "Nguyen", "Van Thanh", "Thanh");
  iop_name_guard_add_participant (guard, JAMES, "James", "Whitfield", "Jim");
  iop_name_guard_add_participant (guard, GRACE, "Grace", "Okafor", "");
  return guard;
}

/* The names found, as "text=id" joined by commas. */
static char *
found (IopNameGuard *guard,
       const char   *text,
       gint64        except)
{
  g_autoptr(GArray) matches = iop_name_guard_find (guard, text, except);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < matches->len; i++)
    {
      const IopNameMatch *m = &g_array_index (matches, IopNameMatch, i);

      if (out->len > 0)
        g_string_append_c (out, ',');
      g_string_append_len (out, text + m->start, m->end - m->start);
      g_string_append_printf (out, "=%" G_GINT64_FORMAT, m->participant_id);
    }
  return g_string_free (out, FALSE);
}

#define assert_found(guard, text, except, expected) \
  G_STMT_START { g_autofree char *__f = found (guard, text, except); \
                 g_assert_cmpstr (__f, ==, expected); } G_STMT_END

static void
test_case_and_accents (void)
{
  g_autoptr(IopNameGuard) guard = guard_new ();

  assert_found (guard, "Talked with maria about work.", 0, "maria=1");
  assert_found (guard, "Talked with MARÍA about work.", 0, "MARÍA=1");
  /* decomposed input: a + combining acute */
  assert_found (guard, "Talked with Mari\xcc\x81" "a today.", 0, "Mari\xcc\x81" "a=1");
  assert_found (guard, "tomas and TOMMY are the same person", 0, "tomas=2,TOMMY=2");
  assert_found (guard, "lopez, Lopez and López", 0, "lopez=1,Lopez=1,López=1");
  /* the longest name wins */
  assert_found (guard, "Met María López at intake.", 0, "María López=1");
  assert_found (guard, "Spoke with Mari López.", 0, "Mari López=1");
  /* a last name of two words, and white space that wraps */
  assert_found (guard, "Mr. Van Thanh and van\nthanh", 0, "Van Thanh=7,van\nthanh=7");
  assert_found (guard, "Asked Patricia O’Neil and o'neil", 0, "Patricia O’Neil=6,o'neil=6");
}

static void
test_whole_words_and_possessives (void)
{
  g_autoptr(IopNameGuard) guard = guard_new ();

  assert_found (guard, "Marijuana use and Marisol's sister", 0, "");
  assert_found (guard, "Jimmy, Jamesons and Thanhs", 0, "");
  assert_found (guard, "Maria's sponsor called.", 0, "Maria=1");
  assert_found (guard, "It was Mari’s idea.", 0, "Mari=1");
  assert_found (guard, "Discussed James' plan.", 0, "James=8");
  assert_found (guard, "Tommy-style humor", 0, "Tommy=2");
}

static void
test_common_word_names (void)
{
  g_autoptr(IopNameGuard) guard = guard_new ();
  g_autoptr(GArray) matches = NULL;

  g_assert_true (iop_name_is_common_word ("Hope"));
  g_assert_true (iop_name_is_common_word ("WILL"));
  g_assert_false (iop_name_is_common_word ("Mari"));

  /* lower case: an ordinary word */
  assert_found (guard, "She will call her sponsor and expressed hope about work.", 0, "");
  assert_found (guard, "Showed grace under pressure.", 0, "");
  /* capitalized and not starting a sentence: a name */
  assert_found (guard, "Worked with Will on the plan.", 0, "Will=5");
  assert_found (guard, "Later, Grace shared a story.", 0, "Grace=9");
  /* starting a sentence: left alone when marking */
  assert_found (guard, "Hope is hard to hold on to. Will power is not enough.", 0, "");
  assert_found (guard, "Talked about it.\nPat on the back.", 0, "");
  /* possessive: a name wherever it stands */
  assert_found (guard, "Will's sponsor came. Spoke of hope's role.", 0, "Will=5,hope=3");
  /* first name with last name is never an ordinary word */
  assert_found (guard, "Hope Sandoval arrived.", 0, "Hope Sandoval=3");

  matches = iop_name_guard_find (guard, "Sat with Hope.", 0);
  g_assert_cmpuint (matches->len, ==, 1);
  g_assert_cmpuint (g_array_index (matches, IopNameMatch, 0).start, ==, 9);
  g_assert_cmpuint (g_array_index (matches, IopNameMatch, 0).end, ==, 13);
}

static void
test_own_name (void)
{
  g_autoptr(IopNameGuard) guard = guard_new ();

  /* a member's own names are not marked in their own note */
  assert_found (guard, "Mari reported that Tommy helped.", MARIA, "Tommy=2");
  /* "Hope" is Hope Sandoval's own name even though Hope Anderson shares it */
  assert_found (guard, "Talked with Hope and Anderson.", HOPE_S, "Anderson=4");
}

static void
test_redact (void)
{
  g_autoptr(IopNameGuard) guard = guard_new ();
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *c = NULL;
  g_autofree char *d = NULL;
  g_autofree char *e = NULL;
  const char *note = "Mari shared that the weekend was hard. Tommy and Keisha role-played, and Hope's feedback helped. Will said he will return.";

  a = iop_name_guard_redact (guard, note, MARIA);
  g_assert_cmpstr (a, ==, "Mari shared that the weekend was hard. Another group member and Keisha role-played, and another group member's feedback helped. Another group member said he will return.");
  b = iop_name_guard_redact (guard, note, TOMAS);
  g_assert_cmpstr (b, ==, "Another group member shared that the weekend was hard. Tommy and Keisha role-played, and another group member's feedback helped. Another group member said he will return.");
  /* a shared first name is always replaced: the reader cannot tell whom it means */
  c = iop_name_guard_redact (guard, "Worked with Hope on it.", HOPE_S);
  g_assert_cmpstr (c, ==, "Worked with another group member on it.");
  d = iop_name_guard_redact (guard, "Hope is important; she will keep hoping.", 0);
  g_assert_cmpstr (d, ==, "Another group member is important; she will keep hoping.");
  e = iop_name_guard_redact (guard, "María López's sister visited.", 0);
  g_assert_cmpstr (e, ==, "Another group member's sister visited.");
}

static void
test_similarity (void)
{
  const char *a = "Presented calm and well groomed; reported good sleep and no cravings this week. Participated in role-play.";
  const char *b = "Presented calm and well groomed; reported good sleep and no cravings this week. Participated in role play.";
  const char *c = "Arrived late, appeared tired, and said little during the check-in round about the weekend.";

  g_assert_cmpfloat (iop_text_similarity (a, a), ==, 1.0);
  g_assert_cmpfloat (iop_text_similarity (a, b), >=, IOP_SIMILARITY_WARNING);
  g_assert_cmpfloat (iop_text_similarity ("PRESENTED calm", "presented Calm"), ==, 1.0);
  g_assert_cmpfloat (iop_text_similarity (a, c), <, 0.2);
  g_assert_cmpfloat (iop_text_similarity ("", ""), ==, 0.0);
  g_assert_cmpfloat (iop_text_similarity (NULL, a), ==, 0.0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/name-guard/case-and-accents", test_case_and_accents);
  g_test_add_func ("/name-guard/whole-words-and-possessives", test_whole_words_and_possessives);
  g_test_add_func ("/name-guard/common-word-names", test_common_word_names);
  g_test_add_func ("/name-guard/own-name", test_own_name);
  g_test_add_func ("/name-guard/redact", test_redact);
  g_test_add_func ("/name-guard/similarity", test_similarity);
  return g_test_run ();
}
