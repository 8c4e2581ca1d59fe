/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "iop-catalog"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "iop-catalog.h"

/*
 * gettext answers in one language per process (LANGUAGE and LC_MESSAGES are
 * process-wide, and switching them while windows are drawn would leak the
 * member's language into the counselor's screen). A member's document is
 * made on one thread in one go, so Circle reads the compiled catalog itself:
 * a GNU .mo file is a sorted table of original strings and a parallel table
 * of translations, looked up here by binary search.
 */

#define MO_MAGIC          0x950412deU
#define MO_MAGIC_SWAPPED  0xde120495U

struct _IopCatalog
{
  gatomicrefcount  ref_count;
  char            *language;
  GBytes          *data;        /* NULL for English, the source language */
  gboolean         swapped;
  guint32          n_strings;
  guint32          originals;   /* offset of the table of originals */
  guint32          translations;
  int              plural_rule; /* 0: n != 1, 1: n > 1, 2: always the first form */
};

G_DEFINE_BOXED_TYPE (IopCatalog, iop_catalog, iop_catalog_ref, iop_catalog_unref)

static GPrivate thread_default = G_PRIVATE_INIT (NULL);

static guint32
read_u32 (IopCatalog *self,
          gsize       offset)
{
  gsize size;
  const guint8 *bytes = g_bytes_get_data (self->data, &size);
  guint32 value;

  if (offset + 4 > size)
    return 0;
  memcpy (&value, bytes + offset, 4);
  return self->swapped ? GUINT32_SWAP_LE_BE (value) : value;
}

/* The string at entry @index of the table at @table, or NULL when the file is damaged. */
static const char *
string_at (IopCatalog *self,
           guint32     table,
           guint32     index,
           guint32    *out_length)
{
  gsize size;
  const char *bytes = g_bytes_get_data (self->data, &size);
  guint32 length = read_u32 (self, table + 8 * (gsize) index);
  guint32 offset = read_u32 (self, table + 8 * (gsize) index + 4);

  if ((gsize) offset + length >= size || bytes[offset + length] != '\0')
    return NULL;
  if (out_length != NULL)
    *out_length = length;
  return bytes + offset;
}

static gint64
find (IopCatalog *self,
      const char *msgid)
{
  guint32 low = 0, high = self->n_strings;

  while (low < high)
    {
      guint32 middle = low + (high - low) / 2;
      const char *original = string_at (self, self->originals, middle, NULL);
      int cmp;

      if (original == NULL)
        return -1;
      /* Plural entries are "msgid\0msgid_plural": strcmp stops at the first NUL. */
      cmp = strcmp (msgid, original);
      if (cmp == 0)
        return middle;
      if (cmp < 0)
        high = middle;
      else
        low = middle + 1;
    }
  return -1;
}

/* Only the plural rules of the languages Circle ships are understood; others
 * fall back to “one, many”, which is right for most European languages. */
static int
parse_plural_rule (const char *header)
{
  const char *plural = header != NULL ? strstr (header, "plural=") : NULL;
  g_autofree char *rule = NULL;
  char *end;

  if (plural == NULL)
    return 0;
  rule = g_strdup (plural + strlen ("plural="));
  end = strpbrk (rule, ";\n");
  if (end != NULL)
    *end = '\0';
  g_strdelimit (rule, "()", ' ');
  g_strstrip (rule);
  if (g_str_equal (rule, "n > 1") || g_str_equal (rule, "n>1"))
    return 1;
  if (g_str_equal (rule, "0"))
    return 2;
  return 0;
}

/**
 * iop_catalog_new_from_file:
 * @path: a compiled GNU message catalog (.mo)
 * @language: the language it translates into, such as "es"
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the catalog, or %NULL if the file cannot be read
 */
IopCatalog *
iop_catalog_new_from_file (const char  *path,
                           const char  *language,
                           GError     **error)
{
  g_autoptr(IopCatalog) self = NULL;
  g_autofree char *contents = NULL;
  const char *header;
  gsize length;
  guint32 magic;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (language != NULL, NULL);

  if (!g_file_get_contents (path, &contents, &length, error))
    return NULL;

  self = g_new0 (IopCatalog, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->language = g_strdup (language);
  self->data = g_bytes_new_take (g_steal_pointer (&contents), length);

  if (length < 28)
    goto invalid;
  memcpy (&magic, g_bytes_get_data (self->data, NULL), 4);
  if (magic == MO_MAGIC_SWAPPED)
    self->swapped = TRUE;
  else if (magic != MO_MAGIC)
    goto invalid;

  self->n_strings = read_u32 (self, 8);
  self->originals = read_u32 (self, 12);
  self->translations = read_u32 (self, 16);
  if ((gsize) self->originals + 8 * (gsize) self->n_strings > length
      || (gsize) self->translations + 8 * (gsize) self->n_strings > length)
    goto invalid;

  header = iop_catalog_lookup (self, "");
  self->plural_rule = parse_plural_rule (header != NULL && *header ? header : NULL);
  return g_steal_pointer (&self);

invalid:
  g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL,
               _("“%s” is not a compiled message catalog."), path);
  return NULL;
}

/**
 * iop_catalog_new_for_language:
 * @language: a language code such as "es" or "es_MX"
 *
 * Finds Circle's translation into @language where the application's own
 * translations are installed. English, the language Circle is written in,
 * always exists.
 *
 * Returns: (transfer full) (nullable): the catalog, or %NULL when Circle has no translation into @language
 */
IopCatalog *
iop_catalog_new_for_language (const char *language)
{
  const char *localedir;
  g_autofree char *base = NULL;
  const char *candidates[2];

  g_return_val_if_fail (language != NULL, NULL);

  if (g_str_has_prefix (language, "en") && (language[2] == '\0' || language[2] == '_'))
    {
      IopCatalog *english = g_new0 (IopCatalog, 1);

      g_atomic_ref_count_init (&english->ref_count);
      english->language = g_strdup ("en");
      return english;
    }

  /* Where main() bound the domain: installed, or the build tree's po/. */
  localedir = bindtextdomain (GETTEXT_PACKAGE, NULL);
  if (localedir == NULL)
    localedir = LOCALEDIR;

  base = g_strndup (language, strcspn (language, "_.@"));
  candidates[0] = language;
  candidates[1] = base;
  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    {
      g_autofree char *file = g_strconcat (GETTEXT_PACKAGE, ".mo", NULL);
      g_autofree char *path = g_build_filename (localedir, candidates[i], "LC_MESSAGES", file, NULL);
      IopCatalog *catalog;

      if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
        continue;
      catalog = iop_catalog_new_from_file (path, candidates[i], NULL);
      if (catalog != NULL)
        return catalog;
    }
  return NULL;
}

IopCatalog *
iop_catalog_ref (IopCatalog *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
iop_catalog_unref (IopCatalog *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_clear_pointer (&self->data, g_bytes_unref);
  g_free (self->language);
  g_free (self);
}

const char *
iop_catalog_get_language (IopCatalog *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->language;
}

/**
 * iop_catalog_lookup:
 * @self: a catalog
 * @msgid: the original string; with a context, "context\004string"
 *
 * Returns: (nullable): the translation, or %NULL when the catalog has none
 */
const char *
iop_catalog_lookup (IopCatalog *self,
                    const char *msgid)
{
  gint64 index;
  const char *translation;
  guint32 length;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (msgid != NULL, NULL);

  if (self->data == NULL)
    return NULL;
  index = find (self, msgid);
  if (index < 0)
    return NULL;
  translation = string_at (self, self->translations, index, &length);
  /* An empty translation means “not translated”. */
  return translation != NULL && length > 0 ? translation : NULL;
}

/**
 * iop_catalog_lookup_plural:
 * @self: a catalog
 * @msgid: the singular original
 * @msgid_plural: the plural original
 * @n: the number the text is about
 *
 * Returns: the translation for @n, or the original when there is none
 */
const char *
iop_catalog_lookup_plural (IopCatalog *self,
                           const char *msgid,
                           const char *msgid_plural,
                           gulong      n)
{
  gint64 index;
  const char *forms, *end;
  guint32 length;
  guint form;

  g_return_val_if_fail (self != NULL, NULL);

  index = self->data != NULL ? find (self, msgid) : -1;
  forms = index >= 0 ? string_at (self, self->translations, index, &length) : NULL;
  if (forms == NULL || length == 0)
    return n == 1 ? msgid : msgid_plural;

  form = self->plural_rule == 1 ? (n > 1) : self->plural_rule == 2 ? 0 : (n != 1);
  end = forms + length;
  for (guint i = 0; i < form; i++)
    {
      const char *next = forms + strlen (forms) + 1;

      if (next >= end)
        break;
      forms = next;
    }
  return forms;
}

static const struct {
  const char *code;
  const char *names[6];
} language_names[] = {
  { "en", { "english", "inglés", "ingles", NULL } },
  { "es", { "spanish", "español", "espanol", "castellano", "castilian", NULL } },
};

/**
 * iop_language_code_from_name:
 * @name: (nullable): a language as people write it in a record: “Spanish”,
 *   “Español”, “Spanish (Mexico)”, or a code such as “es_MX”
 *
 * Returns: (transfer full) (nullable): the language code, or %NULL when unknown
 */
char *
iop_language_code_from_name (const char *name)
{
  g_autofree char *folded = NULL;
  g_autofree char *word = NULL;

  if (name == NULL)
    return NULL;
  folded = g_utf8_strdown (name, -1);
  g_strstrip (folded);
  if (*folded == '\0')
    return NULL;

  /* “Spanish (Mexico)”, “Spanish, some English”: the first word decides. */
  word = g_strndup (folded, strcspn (folded, " (,;/"));
  for (guint i = 0; i < G_N_ELEMENTS (language_names); i++)
    for (guint j = 0; language_names[i].names[j] != NULL; j++)
      if (g_str_equal (word, language_names[i].names[j]))
        return g_strdup (language_names[i].code);

  /* A code: two or three letters, with an optional territory. */
  if (g_regex_match_simple ("^[a-z]{2,3}([_-][a-z]{2})?$", word, 0, 0))
    {
      char *code = g_strdup (name);

      g_strstrip (code);
      g_strdelimit (code, "-", '_');
      if (strlen (code) > 3)
        {
          code[0] = g_ascii_tolower (code[0]);
          code[1] = g_ascii_tolower (code[1]);
          for (char *c = strchr (code, '_') + 1; *c; c++)
            *c = g_ascii_toupper (*c);
        }
      else
        for (char *c = code; *c; c++)
          *c = g_ascii_tolower (*c);
      return code;
    }
  return NULL;
}

/**
 * iop_catalog_push_thread_default:
 * @self: a catalog
 *
 * Makes @self answer iop_gettext() on this thread until the matching
 * iop_catalog_pop_thread_default().
 */
void
iop_catalog_push_thread_default (IopCatalog *self)
{
  GSList *stack = g_private_get (&thread_default);

  g_return_if_fail (self != NULL);

  g_private_set (&thread_default, g_slist_prepend (stack, iop_catalog_ref (self)));
}

void
iop_catalog_pop_thread_default (IopCatalog *self)
{
  GSList *stack = g_private_get (&thread_default);

  g_return_if_fail (stack != NULL && stack->data == self);

  stack = g_slist_delete_link (stack, stack);
  g_private_set (&thread_default, stack);
  iop_catalog_unref (self);
}

/**
 * iop_catalog_get_thread_default:
 *
 * Returns: (transfer none) (nullable): the catalog in force on this thread
 */
IopCatalog *
iop_catalog_get_thread_default (void)
{
  GSList *stack = g_private_get (&thread_default);

  return stack != NULL ? stack->data : NULL;
}

const char *
iop_gettext (const char *msgid)
{
  IopCatalog *catalog = iop_catalog_get_thread_default ();
  const char *translation;

  if (catalog == NULL)
    return g_dgettext (GETTEXT_PACKAGE, msgid);
  translation = iop_catalog_lookup (catalog, msgid);
  return translation != NULL ? translation : msgid;
}

const char *
iop_pgettext (const char *msgctxt_id,
              gsize       msgid_offset)
{
  IopCatalog *catalog = iop_catalog_get_thread_default ();
  const char *translation;

  if (catalog == NULL)
    return g_dpgettext (GETTEXT_PACKAGE, msgctxt_id, msgid_offset);
  translation = iop_catalog_lookup (catalog, msgctxt_id);
  return translation != NULL ? translation : msgctxt_id + msgid_offset;
}

const char *
iop_ngettext (const char *msgid,
              const char *msgid_plural,
              gulong      n)
{
  IopCatalog *catalog = iop_catalog_get_thread_default ();

  if (catalog == NULL)
    return g_dngettext (GETTEXT_PACKAGE, msgid, msgid_plural, n);
  return iop_catalog_lookup_plural (catalog, msgid, msgid_plural, n);
}
