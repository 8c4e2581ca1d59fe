/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "iop-name-guard"

#include "config.h"

#include "iop-i18n.h"
#include <string.h>

#include "iop-name-guard.h"

/**
 * IopNameGuard:
 *
 * Finds participants' names in free text, so that one member's record never
 * names another: it marks names while a counselor writes an individualized
 * note, and replaces them with "another group member" when a shared note goes
 * into a member's copy.
 *
 * The rule, in order:
 *
 * - Each participant contributes their legal first name, legal last name,
 *   preferred name, and "first last" and "preferred last". Names shorter than
 *   two letters are ignored.
 * - Text and names are compared folded: each character is canonically
 *   decomposed (NFD) and its combining marks dropped, then case-folded, so
 *   "MARÍA", "maria" and "Maria" are the same name; typographic apostrophes
 *   (’ ‘ ʼ) count as "'"; any run of white space matches one space.
 * - Whole words only: "Mari" is not found in "Marijuana" nor "Sam" in "same".
 *   A possessive ("Maria's", "Maria’s", "James'") is a match.
 * - The longest name at a position wins, so "María López" is one match.
 * - A name that is also a common English word ("Hope", "Will", "Joy",
 *   "Grace", "Mark", "Rose", "Sky", …) is a name only when it looks like one:
 *   it is capitalized and does not start a sentence, or it is possessive.
 *   "She will call", "expressed hope" and "Hope is hard to hold on to" are
 *   left alone; "worked with Hope on" and "Will's sponsor" are found.
 * - Redaction is more cautious than marking: a capitalized common-word name
 *   at the start of a sentence is replaced too, since a false replacement costs
 *   a clumsy sentence while a missed one discloses a person.
 * - A name the member shares with another participant ("Hope" for Hope
 *   Sandoval and Hope Anderson) is not marked in that member's own note, but
 *   is always redacted, since a reader could not tell whom it names.
 */

typedef struct {
  GArray   *chars;     /* of gunichar, folded */
  GArray   *owners;    /* of gint64 */
  gboolean  common;
} Pattern;

typedef struct {
  gunichar c;          /* folded */
  gunichar original;
  gsize    start;      /* byte range of the original character */
  gsize    end;
} FoldedChar;

struct _IopNameGuard
{
  GObject parent_instance;

  GHashTable *patterns;     /* folded name → Pattern */
  GHashTable *by_first;     /* first folded character → GPtrArray of Pattern, longest
                             * first; NULL when stale */
  GHashTable *names;        /* participant id → display name */
};

G_DEFINE_FINAL_TYPE (IopNameGuard, iop_name_guard, G_TYPE_OBJECT)

/* Given names and surnames that are also everyday words: only a capitalized,
 * mid-sentence or possessive use counts as a name. */
static const char * const common_words[] = {
  "hope", "will", "joy", "faith", "grace", "mark", "rose", "sky", "lily", "mercy", "pat",
  "dawn", "summer", "april", "may", "june", "august", "autumn", "iris", "ruby", "daisy",
  "ivy", "angel", "chance", "destiny", "harmony", "honor", "justice", "love", "patience",
  "trinity", "sunny", "amber", "hunter", "forest", "river", "storm", "rich", "bill",
  "sue", "jack", "guy", "frank", "art", "drew", "gene", "miles", "lane", "reed", "baker",
  "brooks", "young", "king", "long", "white", "black", "green", "brown", "rice", "hill",
  "wood", "stone", "cook", "bell", "price", "hall", "rivers", "may", "sage", "haven",
  NULL
};

/* helpers */

static void
pattern_free (gpointer data)
{
  Pattern *pattern = data;

  g_array_unref (pattern->chars);
  g_array_unref (pattern->owners);
  g_free (pattern);
}

static gboolean
is_apostrophe (gunichar c)
{
  return c == '\'' || c == 0x2019 || c == 0x2018 || c == 0x02BC || c == 0x00B4 || c == '`';
}

static gboolean
is_word_char (gunichar c)
{
  return g_unichar_isalnum (c) || g_unichar_ismark (c);
}

/* Appends the folded form of one character: NFD, without combining marks, case-folded. */
static void
fold_char (gunichar  c,
           GArray   *out,
           gsize     start,
           gsize     end)
{
  gunichar decomposed[G_UNICHAR_MAX_DECOMPOSITION_LENGTH];
  gsize n;

  if (is_apostrophe (c))
    {
      FoldedChar f = { '\'', c, start, end };
      g_array_append_val (out, f);
      return;
    }
  if (g_unichar_isspace (c))
    {
      FoldedChar f = { ' ', c, start, end };
      g_array_append_val (out, f);
      return;
    }

  n = g_unichar_fully_decompose (c, FALSE, decomposed, G_N_ELEMENTS (decomposed));
  for (gsize i = 0; i < n; i++)
    {
      char utf8[8];
      int len;
      g_autofree char *folded = NULL;

      if (g_unichar_ismark (decomposed[i]))
        continue;
      len = g_unichar_to_utf8 (decomposed[i], utf8);
      folded = g_utf8_casefold (utf8, len);
      for (const char *p = folded; *p; p = g_utf8_next_char (p))
        {
          FoldedChar f = { g_utf8_get_char (p), c, start, end };
          g_array_append_val (out, f);
        }
    }
}

static GArray *
fold_text (const char *text)
{
  GArray *out = g_array_sized_new (FALSE, FALSE, sizeof (FoldedChar), strlen (text));

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char_validated (p, -1);

      if (c == (gunichar) -1 || c == (gunichar) -2)
        break;
      fold_char (c, out, p - text, g_utf8_next_char (p) - text);
    }
  return out;
}

static char *
fold_to_string (const char *text)
{
  g_autoptr(GArray) folded = fold_text (text);
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;

  for (guint i = 0; i < folded->len; i++)
    {
      gunichar c = g_array_index (folded, FoldedChar, i).c;

      if (c == ' ')
        {
          space = out->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

static void
add_pattern (IopNameGuard *self,
             const char   *name,
             gint64        participant_id)
{
  g_autofree char *folded = NULL;
  Pattern *pattern;
  glong n_chars;

  if (name == NULL)
    return;
  folded = fold_to_string (name);
  n_chars = g_utf8_strlen (folded, -1);
  if (n_chars < 2)
    return;

  pattern = g_hash_table_lookup (self->patterns, folded);
  if (pattern == NULL)
    {
      pattern = g_new0 (Pattern, 1);
      pattern->chars = g_array_new (FALSE, FALSE, sizeof (gunichar));
      pattern->owners = g_array_new (FALSE, FALSE, sizeof (gint64));
      for (const char *p = folded; *p; p = g_utf8_next_char (p))
        {
          gunichar c = g_utf8_get_char (p);
          g_array_append_val (pattern->chars, c);
        }
      pattern->common = iop_name_is_common_word (folded);
      g_hash_table_insert (self->patterns, g_strdup (folded), pattern);
    }
  for (guint i = 0; i < pattern->owners->len; i++)
    if (g_array_index (pattern->owners, gint64, i) == participant_id)
      return;
  g_array_append_val (pattern->owners, participant_id);
  g_clear_pointer (&self->by_first, g_hash_table_unref);
}

static int
compare_length (gconstpointer a,
                gconstpointer b)
{
  const Pattern *pa = *(const Pattern **) a;
  const Pattern *pb = *(const Pattern **) b;

  return (int) pb->chars->len - (int) pa->chars->len;
}

/* Patterns grouped by their first character: a word is tried only against the
 * names that start like it, so a scan stays quick with thousands of names. */
static GHashTable *
patterns_by_first (IopNameGuard *self)
{
  if (self->by_first == NULL)
    {
      GHashTableIter iter;
      gpointer value;

      self->by_first = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
      g_hash_table_iter_init (&iter, self->patterns);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        {
          Pattern *pattern = value;
          gpointer first = GUINT_TO_POINTER (g_array_index (pattern->chars, gunichar, 0));
          GPtrArray *bucket = g_hash_table_lookup (self->by_first, first);

          if (bucket == NULL)
            {
              bucket = g_ptr_array_new ();
              g_hash_table_insert (self->by_first, first, bucket);
            }
          g_ptr_array_add (bucket, pattern);
        }
      g_hash_table_iter_init (&iter, self->by_first);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        g_ptr_array_sort (value, compare_length);
    }
  return self->by_first;
}

/* Matches @pattern at @pos; returns the index just after it, or 0. A space in
 * the pattern takes any run of white space. */
static guint
match_at (GArray  *text,
          guint    pos,
          Pattern *pattern)
{
  guint t = pos;

  for (guint k = 0; k < pattern->chars->len; k++)
    {
      gunichar pc = g_array_index (pattern->chars, gunichar, k);

      if (t >= text->len)
        return 0;
      if (pc == ' ')
        {
          if (g_array_index (text, FoldedChar, t).c != ' ')
            return 0;
          while (t < text->len && g_array_index (text, FoldedChar, t).c == ' ')
            t++;
          continue;
        }
      if (g_array_index (text, FoldedChar, t).c != pc)
        return 0;
      t++;
    }
  return t;
}

static gboolean
is_sentence_start (GArray *text,
                   guint   pos)
{
  while (pos > 0)
    {
      const FoldedChar *f = &g_array_index (text, FoldedChar, pos - 1);

      if (f->original == '\n' || f->original == '\r')
        return TRUE;
      if (f->c == ' ' || f->c == '"' || f->c == '\'' || f->c == '(' || f->c == '['
          || f->original == 0x201C || f->original == 0x2018)
        {
          pos--;
          continue;
        }
      return strchr (".!?", (int) f->c) != NULL || f->original == 0x2026 || f->original == 0x2022;
    }
  return TRUE;
}

static gboolean
owned_only_by (Pattern *pattern,
               gint64   participant_id)
{
  for (guint i = 0; i < pattern->owners->len; i++)
    if (g_array_index (pattern->owners, gint64, i) != participant_id)
      return FALSE;
  return TRUE;
}

static gboolean
owned_by (Pattern *pattern,
          gint64   participant_id)
{
  for (guint i = 0; i < pattern->owners->len; i++)
    if (g_array_index (pattern->owners, gint64, i) == participant_id)
      return TRUE;
  return FALSE;
}

/* Finds every name; @redacting widens the common-word rule as documented above.
 * @matched_patterns receives the pattern behind each match, for ownership checks. */
static GArray *
scan (IopNameGuard *self,
      const char   *text,
      gboolean      redacting,
      GPtrArray    *matched_patterns)
{
  GArray *matches = g_array_new (FALSE, FALSE, sizeof (IopNameMatch));
  g_autoptr(GArray) folded = NULL;
  GHashTable *by_first;

  if (text == NULL || *text == '\0')
    return matches;

  folded = fold_text (text);
  by_first = patterns_by_first (self);

  for (guint i = 0; i < folded->len; i++)
    {
      const FoldedChar *here = &g_array_index (folded, FoldedChar, i);
      GPtrArray *patterns;

      if (!is_word_char (here->c))
        continue;
      if (i > 0 && is_word_char (g_array_index (folded, FoldedChar, i - 1).c))
        continue;
      patterns = g_hash_table_lookup (by_first, GUINT_TO_POINTER (here->c));
      if (patterns == NULL)
        continue;

      for (guint p = 0; p < patterns->len; p++)
        {
          Pattern *pattern = g_ptr_array_index (patterns, p);
          guint end = match_at (folded, i, pattern);
          gboolean possessive = FALSE;
          gboolean sentence_start;
          IopNameMatch match;

          if (end == 0)
            continue;
          if (end < folded->len)
            {
              gunichar next = g_array_index (folded, FoldedChar, end).c;

              if (is_word_char (next))
                continue;
              if (next == '\'')
                {
                  gunichar after = end + 1 < folded->len ? g_array_index (folded, FoldedChar, end + 1).c : ' ';
                  gunichar after2 = end + 2 < folded->len ? g_array_index (folded, FoldedChar, end + 2).c : ' ';

                  possessive = !is_word_char (after) || (after == 's' && !is_word_char (after2));
                }
            }

          sentence_start = is_sentence_start (folded, i);
          if (pattern->common && !possessive)
            {
              gboolean capitalized = g_unichar_isupper (here->original) || g_unichar_istitle (here->original);

              if (!capitalized || (sentence_start && !redacting))
                continue;
            }

          match.start = here->start;
          match.end = g_array_index (folded, FoldedChar, end - 1).end;
          match.participant_id = g_array_index (pattern->owners, gint64, 0);
          match.possessive = possessive;
          match.sentence_start = sentence_start;
          g_array_append_val (matches, match);
          g_ptr_array_add (matched_patterns, pattern);
          i = end - 1;
          break;
        }
    }
  return matches;
}

/* GObject vfuncs */

static void
iop_name_guard_finalize (GObject *object)
{
  IopNameGuard *self = IOP_NAME_GUARD (object);

  g_clear_pointer (&self->by_first, g_hash_table_unref);
  g_clear_pointer (&self->patterns, g_hash_table_unref);
  g_clear_pointer (&self->names, g_hash_table_unref);

  G_OBJECT_CLASS (iop_name_guard_parent_class)->finalize (object);
}

static void
iop_name_guard_class_init (IopNameGuardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = iop_name_guard_finalize;
}

static void
iop_name_guard_init (IopNameGuard *self)
{
  self->patterns = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, pattern_free);
  self->names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
}

/* public API */

/**
 * iop_name_guard_new:
 *
 * Returns: (transfer full): a guard with no names yet
 */
IopNameGuard *
iop_name_guard_new (void)
{
  return g_object_new (IOP_TYPE_NAME_GUARD, NULL);
}

/**
 * iop_name_guard_add_participant:
 * @participant_id: the participant
 * @first_name: the legal first name
 * @last_name: the legal last name
 * @preferred_name: (nullable): the preferred name
 *
 * Adds a participant whose names are to be found.
 */
void
iop_name_guard_add_participant (IopNameGuard *self,
                                gint64        participant_id,
                                const char   *first_name,
                                const char   *last_name,
                                const char   *preferred_name)
{
  g_autofree char *full = NULL;
  g_autofree char *preferred_full = NULL;
  gint64 *key;

  g_return_if_fail (IOP_IS_NAME_GUARD (self));

  add_pattern (self, first_name, participant_id);
  add_pattern (self, last_name, participant_id);
  add_pattern (self, preferred_name, participant_id);
  if (first_name != NULL && last_name != NULL)
    {
      full = g_strdup_printf ("%s %s", first_name, last_name);
      add_pattern (self, full, participant_id);
    }
  if (preferred_name != NULL && *preferred_name && last_name != NULL)
    {
      preferred_full = g_strdup_printf ("%s %s", preferred_name, last_name);
      add_pattern (self, preferred_full, participant_id);
    }

  key = g_new (gint64, 1);
  *key = participant_id;
  g_hash_table_replace (self->names, key,
                        preferred_name != NULL && *preferred_name
                        ? g_strdup_printf ("%s (%s %s)", preferred_name, first_name, last_name)
                        : g_strdup_printf ("%s %s", first_name, last_name));
}

gboolean
iop_name_guard_has_participant (IopNameGuard *self,
                                gint64        participant_id)
{
  g_return_val_if_fail (IOP_IS_NAME_GUARD (self), FALSE);
  return g_hash_table_contains (self->names, &participant_id);
}

/**
 * iop_name_guard_get_display_name:
 *
 * Returns: (transfer none) (nullable): how to name the participant in a warning
 */
const char *
iop_name_guard_get_display_name (IopNameGuard *self,
                                 gint64        participant_id)
{
  g_return_val_if_fail (IOP_IS_NAME_GUARD (self), NULL);
  return g_hash_table_lookup (self->names, &participant_id);
}

/**
 * iop_name_guard_find:
 * @text: the text to search
 * @except_id: the participant whose own note this is (0 for none): names that
 *   are theirs are not reported
 *
 * Returns: (transfer full) (element-type IopNameMatch): the other participants'
 *   names in @text, in order
 */
GArray *
iop_name_guard_find (IopNameGuard *self,
                     const char   *text,
                     gint64        except_id)
{
  g_autoptr(GPtrArray) patterns = g_ptr_array_new ();
  GArray *matches;
  GArray *result = g_array_new (FALSE, FALSE, sizeof (IopNameMatch));

  g_return_val_if_fail (IOP_IS_NAME_GUARD (self), result);

  matches = scan (self, text, FALSE, patterns);

  for (guint i = 0; i < matches->len; i++)
    {
      Pattern *pattern = g_ptr_array_index (patterns, i);
      IopNameMatch match = g_array_index (matches, IopNameMatch, i);

      if (except_id != 0 && owned_by (pattern, except_id))
        continue;
      g_array_append_val (result, match);
    }
  g_array_unref (matches);
  return result;
}

/* Replaces each name found in redacting mode with what @func says, except the
 * names that belong to @keep_id alone. */
static char *
replace_names (IopNameGuard           *self,
               const char             *text,
               gint64                  keep_id,
               IopNameReplacementFunc  func,
               gpointer                user_data)
{
  g_autoptr(GPtrArray) patterns = g_ptr_array_new ();
  g_autoptr(GArray) matches = NULL;
  GString *out;
  gsize copied = 0;

  if (text == NULL)
    return g_strdup ("");

  matches = scan (self, text, TRUE, patterns);

  out = g_string_sized_new (strlen (text) + 32);
  for (guint i = 0; i < matches->len; i++)
    {
      const IopNameMatch *match = &g_array_index (matches, IopNameMatch, i);
      Pattern *pattern = g_ptr_array_index (patterns, i);

      if (keep_id != 0 && owned_only_by (pattern, keep_id))
        continue;
      g_string_append_len (out, text + copied, match->start - copied);
      g_string_append (out, func (match, user_data));
      copied = match->end;
    }
  g_string_append (out, text + copied);
  return g_string_free (out, FALSE);
}

static const char *
another_member (const IopNameMatch *match,
                gpointer            user_data)
{
  return match->sentence_start ? C_("redaction", "Another group member")
                               : C_("redaction", "another group member");
}

/**
 * iop_name_guard_redact:
 * @text: (nullable): a shared note
 * @keep_id: the member whose copy this is (0 for none): only names that are
 *   theirs alone stay
 *
 * Returns: (transfer full): @text with every other participant's name replaced
 *   by “another group member”
 */
char *
iop_name_guard_redact (IopNameGuard *self,
                       const char   *text,
                       gint64        keep_id)
{
  g_return_val_if_fail (IOP_IS_NAME_GUARD (self), NULL);

  return replace_names (self, text, keep_id, another_member, NULL);
}

/**
 * iop_name_guard_replace:
 * @text: (nullable): free text
 * @func: (scope call): what each name becomes, from the match (its owner in
 *   @participant_id)
 * @user_data: data for @func
 *
 * Finds names as redaction does (accents folded, possessives kept outside the
 * name, names that are common words when capitalised) and replaces each with
 * what @func returns — a report's initials, for example.
 *
 * Returns: (transfer full): the text with the names replaced
 */
char *
iop_name_guard_replace (IopNameGuard           *self,
                        const char             *text,
                        IopNameReplacementFunc  func,
                        gpointer                user_data)
{
  g_return_val_if_fail (IOP_IS_NAME_GUARD (self), NULL);
  g_return_val_if_fail (func != NULL, NULL);

  return replace_names (self, text, 0, func, user_data);
}

/**
 * iop_name_is_common_word:
 * @name: a name
 *
 * Returns: %TRUE when @name is also an everyday English word ("Hope", "Will")
 */
gboolean
iop_name_is_common_word (const char *name)
{
  g_autofree char *folded = NULL;

  g_return_val_if_fail (name != NULL, FALSE);
  folded = fold_to_string (name);
  return g_strv_contains (common_words, folded);
}

/**
 * iop_name_fold:
 * @text: any text
 *
 * Returns: (transfer full): @text without accents, case-folded, white space
 *   collapsed, typographic apostrophes made plain — the form names are compared in
 */
char *
iop_name_fold (const char *text)
{
  g_return_val_if_fail (text != NULL, NULL);
  return fold_to_string (text);
}

static GHashTable *
shingles (const char *text)
{
  GHashTable *set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *folded = fold_to_string (text != NULL ? text : "");
  g_autoptr(GPtrArray) words = g_ptr_array_new_with_free_func (g_free);
  GString *word = g_string_new (NULL);

  for (const char *p = folded; ; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c != 0 && is_word_char (c))
        {
          g_string_append_unichar (word, c);
          continue;
        }
      if (word->len > 0)
        g_ptr_array_add (words, g_strdup (word->str));
      g_string_truncate (word, 0);
      if (c == 0)
        break;
    }
  g_string_free (word, TRUE);

  if (words->len > 0 && words->len < 3)
    {
      g_ptr_array_add (words, NULL);
      g_hash_table_add (set, g_strjoinv (" ", (char **) words->pdata));
      return set;
    }
  for (guint i = 0; i + 2 < words->len; i++)
    g_hash_table_add (set, g_strdup_printf ("%s %s %s",
                                            (char *) g_ptr_array_index (words, i),
                                            (char *) g_ptr_array_index (words, i + 1),
                                            (char *) g_ptr_array_index (words, i + 2)));
  return set;
}

/**
 * iop_text_similarity:
 * @a: (nullable): a text
 * @b: (nullable): another text
 *
 * How alike two notes are: the Jaccard index of their word 3-gram shingles,
 * compared folded (case and accents ignored). Texts of fewer than three words
 * count as one shingle. Two empty texts are not similar (0).
 *
 * Returns: 0 (nothing in common) to 1 (the same words in the same order)
 */
double
iop_text_similarity (const char *a,
                     const char *b)
{
  g_autoptr(GHashTable) sa = shingles (a);
  g_autoptr(GHashTable) sb = shingles (b);
  GHashTableIter iter;
  gpointer key;
  guint common = 0;
  guint total;

  if (g_hash_table_size (sa) == 0 || g_hash_table_size (sb) == 0)
    return 0;
  g_hash_table_iter_init (&iter, sa);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (g_hash_table_contains (sb, key))
      common++;
  total = g_hash_table_size (sa) + g_hash_table_size (sb) - common;
  return (double) common / total;
}
