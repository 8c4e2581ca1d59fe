/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "iop-instrument-loader"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "iop-instrument-loader.h"
#include "iop-xml-reader.h"

/*
 * The schema checks the file's shape and types; this reader turns the tree
 * into an IopInstrument, and iop_instrument_check() then checks the rules a
 * schema cannot express (bands covering every total exactly once…). A file
 * that fails any step is refused whole, with a message naming the file.
 */

/* Messages for the files refused when the default registry was loaded. */
static GStrv default_refused;
G_LOCK_DEFINE_STATIC (default_refused);

/* Helpers */

static gboolean
is_element (xmlNode    *node,
            const char *name)
{
  return node->type == XML_ELEMENT_NODE && strcmp ((const char *) node->name, name) == 0;
}

static char *
node_text (xmlNode *node)
{
  xmlChar *content = xmlNodeGetContent (node);
  char *text = g_strstrip (g_strdup (content != NULL ? (const char *) content : ""));

  xmlFree (content);
  return text;
}

static char *
attribute (xmlNode    *node,
           const char *name)
{
  xmlChar *value = xmlGetProp (node, (const xmlChar *) name);
  char *copy = g_strdup (value != NULL ? (const char *) value : "");

  xmlFree (value);
  return copy;
}

static gboolean
int_attribute (xmlNode     *node,
               const char  *name,
               gint64       min,
               gint64       max,
               int         *out,
               GError     **error)
{
  g_autofree char *text = attribute (node, name);
  gint64 value;

  if (!g_ascii_string_to_signed (g_strstrip (text), 10, min, max, &value, NULL))
    {
      iop_xml_set_error (error, IOP_XML_ERROR_WRONG_FORMAT, node,
                         _("the attribute “%s” must be a whole number from %" G_GINT64_FORMAT " to %" G_GINT64_FORMAT),
                         name, min, max);
      return FALSE;
    }
  *out = (int) value;
  return TRUE;
}

static gboolean
read_choices (xmlNode        *choices,
              IopInstrument  *instrument,
              guint           item,
              GError        **error)
{
  for (xmlNode *c = choices->children; c != NULL; c = c->next)
    {
      g_autofree char *label = NULL;
      int value;

      if (!is_element (c, "choice"))
        continue;
      if (!int_attribute (c, "value", 0, 1000, &value, error))
        return FALSE;
      label = node_text (c);
      if (item == 0)
        iop_instrument_add_default_choice (instrument, value, label);
      else
        iop_instrument_add_item_choice (instrument, item, value, label);
    }
  return TRUE;
}

static gboolean
read_items (xmlNode        *items,
            IopInstrument  *instrument,
            GError        **error)
{
  guint expected = 1;

  for (xmlNode *it = items->children; it != NULL; it = it->next)
    {
      g_autofree char *text = NULL;
      xmlNode *choices = NULL;
      int number, min, max;
      guint added;

      if (!is_element (it, "item"))
        continue;
      if (!int_attribute (it, "number", 1, 500, &number, error)
          || !int_attribute (it, "min", 0, 1000, &min, error)
          || !int_attribute (it, "max", 0, 1000, &max, error))
        return FALSE;
      if ((guint) number != expected)
        {
          iop_xml_set_error (error, IOP_XML_ERROR_WRONG_FORMAT, it,
                             _("items must be numbered 1, 2, 3… in order; expected item %u"), expected);
          return FALSE;
        }
      for (xmlNode *c = it->children; c != NULL; c = c->next)
        {
          if (is_element (c, "text"))
            text = node_text (c);
          else if (is_element (c, "choices"))
            choices = c;
        }
      added = iop_instrument_add_item (instrument, text, min, max);
      if (choices != NULL && !read_choices (choices, instrument, added, error))
        return FALSE;
      expected++;
    }
  return TRUE;
}

static gboolean
read_scoring (xmlNode        *scoring,
              IopInstrument  *instrument,
              GError        **error)
{
  g_autofree char *total = attribute (scoring, "total");

  iop_instrument_set_has_total (instrument, g_strcmp0 (total, "true") == 0 || g_strcmp0 (total, "1") == 0);

  for (xmlNode *n = scoring->children; n != NULL; n = n->next)
    {
      if (is_element (n, "band"))
        {
          g_autofree char *label = node_text (n);
          int min, max;

          if (!int_attribute (n, "min", 0, G_MAXINT / 2, &min, error)
              || !int_attribute (n, "max", 0, G_MAXINT / 2, &max, error))
            return FALSE;
          iop_instrument_add_band (instrument, min, max, label);
        }
      else if (is_element (n, "subscale"))
        {
          g_autofree char *id = attribute (n, "id");
          g_autofree char *label = attribute (n, "label");
          g_autofree char *list = attribute (n, "items");
          g_auto(GStrv) parts = g_strsplit_set (g_strstrip (list), " \t\n\r", -1);
          g_autoptr(GArray) items = g_array_new (FALSE, FALSE, sizeof (guint));

          for (guint i = 0; parts[i] != NULL; i++)
            {
              guint64 value;

              if (*parts[i] == '\0')
                continue;
              if (!g_ascii_string_to_unsigned (parts[i], 10, 1, 500, &value, NULL))
                {
                  iop_xml_set_error (error, IOP_XML_ERROR_WRONG_FORMAT, n,
                                     _("a subscale lists “%s”, which is not an item number"), parts[i]);
                  return FALSE;
                }
              g_array_append_val (items, (guint) { value });
            }
          iop_instrument_add_subscale (instrument, id, label, (const guint *) items->data, items->len);
        }
      else if (is_element (n, "flag"))
        {
          g_autofree char *label = node_text (n);
          int item, min;

          if (!int_attribute (n, "item", 1, 500, &item, error) || !int_attribute (n, "min", 0, 1000, &min, error))
            return FALSE;
          iop_instrument_add_flag (instrument, item, min, label);
        }
    }
  return TRUE;
}

static IopInstrument *
instrument_from_doc (xmlDoc      *doc,
                     const char  *xsd_path,
                     const char  *display_name,
                     GError     **error)
{
  g_autoptr(IopInstrument) instrument = NULL;
  g_autoptr(GString) source = NULL;
  g_autofree char *id = NULL;
  xmlNode *root;
  gboolean scored = FALSE;

  if (!iop_xml_validate (doc, xsd_path, error))
    return NULL;

  root = xmlDocGetRootElement (doc);
  if (root == NULL || !is_element (root, "instrument"))
    {
      g_set_error (error, IOP_XML_ERROR, IOP_XML_ERROR_WRONG_FORMAT,
                   _("%s: this is not an instrument definition"), display_name);
      return NULL;
    }

  id = attribute (root, "id");
  instrument = iop_instrument_new (id, NULL);
  source = g_string_new (NULL);

  for (xmlNode *n = root->children; n != NULL; n = n->next)
    {
      if (is_element (n, "name"))
        {
          g_autofree char *name = node_text (n);
          g_autoptr(IopInstrument) renamed = iop_instrument_new (id, name);

          /* The name comes first in the schema: nothing was added yet. */
          g_clear_pointer (&instrument, iop_instrument_unref);
          instrument = g_steal_pointer (&renamed);
        }
      else if (is_element (n, "source"))
        {
          g_autofree char *text = node_text (n);
          g_string_append_printf (source, "%s%s", source->len > 0 ? "\n" : "", text);
        }
      else if (is_element (n, "instructions"))
        {
          g_autofree char *text = node_text (n);
          iop_instrument_set_instructions (instrument, text);
        }
      else if (is_element (n, "choices"))
        {
          if (!read_choices (n, instrument, 0, error))
            return NULL;
        }
      else if (is_element (n, "items"))
        {
          if (!read_items (n, instrument, error))
            return NULL;
        }
      else if (is_element (n, "scoring"))
        {
          if (!read_scoring (n, instrument, error))
            return NULL;
          scored = TRUE;
        }
    }
  iop_instrument_set_source (instrument, source->str);

  if (!scored)
    {
      g_set_error (error, IOP_XML_ERROR, IOP_XML_ERROR_WRONG_FORMAT,
                   _("%s: the instrument has no scoring rules"), display_name);
      return NULL;
    }
  if (!iop_instrument_check (instrument, error))
    {
      g_prefix_error (error, "%s: ", display_name);
      return NULL;
    }
  return g_steal_pointer (&instrument);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(char * const *) a, *(char * const *) b);
}

/* Public API */

/**
 * iop_instrument_data_dir:
 *
 * Where the built-in instruments are: `$CIRCLE_DATADIR/instruments` when set
 * (tests and uninstalled runs set `CIRCLE_SOURCE_DATADIR`), otherwise the
 * installed `PKGDATADIR/instruments`, otherwise the source tree's.
 *
 * Returns: (transfer full): the folder
 */
char *
iop_instrument_data_dir (void)
{
  const char *env = g_getenv ("CIRCLE_DATADIR");
  g_autofree char *installed = NULL;

  if (env == NULL || *env == '\0')
    env = g_getenv ("CIRCLE_SOURCE_DATADIR");
  if (env != NULL && *env != '\0')
    return g_build_filename (env, "instruments", NULL);
  installed = g_build_filename (PKGDATADIR, "instruments", NULL);
  if (g_file_test (installed, G_FILE_TEST_IS_DIR))
    return g_steal_pointer (&installed);
  return g_build_filename (SOURCE_DATADIR, "instruments", NULL);
}

/**
 * iop_instrument_user_dir:
 *
 * Returns: (transfer full): where a program adds its own instruments:
 *   `$XDG_DATA_HOME/org.example.iop/instruments`
 */
char *
iop_instrument_user_dir (void)
{
  return g_build_filename (g_get_user_data_dir (), APPLICATION_ID, "instruments", NULL);
}

/**
 * iop_instrument_schema_path:
 *
 * Returns: (transfer full): the instrument schema beside the built-in instruments
 */
char *
iop_instrument_schema_path (void)
{
  g_autofree char *instruments = iop_instrument_data_dir ();
  g_autofree char *data = g_path_get_dirname (instruments);

  return g_build_filename (data, "schemas", "instrument.xsd", NULL);
}

/**
 * iop_instrument_load_file:
 * @path: an instrument definition
 * @xsd_path: the instrument schema
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the checked instrument, or %NULL with @error set
 *   (%IOP_XML_ERROR for a file that is unreadable, malformed or off-schema,
 *   %IOP_INSTRUMENT_ERROR for scoring rules that do not add up)
 */
IopInstrument *
iop_instrument_load_file (const char  *path,
                          const char  *xsd_path,
                          GError     **error)
{
  g_autoptr(xmlDoc) doc = NULL;

  g_return_val_if_fail (path != NULL && xsd_path != NULL, NULL);

  doc = iop_xml_read_file (path, error);
  if (doc == NULL)
    return NULL;
  return instrument_from_doc (doc, xsd_path, path, error);
}

/**
 * iop_instrument_load_memory:
 * @data: (array length=len): a definition's text
 * @len: its length
 * @display_name: how errors name it
 * @xsd_path: the instrument schema
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the checked instrument, or %NULL with @error set
 */
IopInstrument *
iop_instrument_load_memory (const char  *data,
                            gsize        len,
                            const char  *display_name,
                            const char  *xsd_path,
                            GError     **error)
{
  g_autoptr(xmlDoc) doc = NULL;

  g_return_val_if_fail (data != NULL && xsd_path != NULL, NULL);

  doc = iop_xml_read_memory (data, len, display_name, error);
  if (doc == NULL)
    return NULL;
  return instrument_from_doc (doc, xsd_path, display_name, error);
}

/**
 * iop_instrument_registry_load:
 * @dirs: (array zero-terminated=1): folders to read `*.xml` from, in order; a
 *   later file with an instrument id already loaded is refused
 * @xsd_path: the instrument schema
 * @out_refused: (out) (optional) (transfer container) (element-type utf8): one
 *   message per file that was refused
 * @error: return location for a #GError
 *
 * A refused file does not stop the others from loading: the messages say which
 * file and why, so the person who added it can fix it.
 *
 * Returns: (transfer full): the registry, or %NULL with @error set when no
 *   instrument at all could be loaded
 */
IopInstrumentRegistry *
iop_instrument_registry_load (const char * const  *dirs,
                              const char          *xsd_path,
                              GPtrArray          **out_refused,
                              GError             **error)
{
  g_autoptr(IopInstrumentRegistry) registry = iop_instrument_registry_new ();
  g_autoptr(GPtrArray) refused = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) loaded = NULL;

  g_return_val_if_fail (dirs != NULL, NULL);

  for (guint d = 0; dirs[d] != NULL; d++)
    {
      g_autoptr(GDir) dir = g_dir_open (dirs[d], 0, NULL);
      g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
      const char *name;

      if (dir == NULL)
        continue;
      while ((name = g_dir_read_name (dir)) != NULL)
        if (g_str_has_suffix (name, ".xml"))
          g_ptr_array_add (files, g_build_filename (dirs[d], name, NULL));
      g_ptr_array_sort (files, compare_strings);

      for (guint i = 0; i < files->len; i++)
        {
          g_autoptr(GError) local_error = NULL;
          g_autoptr(IopInstrument) instrument = iop_instrument_load_file (g_ptr_array_index (files, i), xsd_path,
                                                                          &local_error);
          if (instrument == NULL)
            {
              g_ptr_array_add (refused, g_strdup (local_error->message));
              continue;
            }
          /* A program's own file adds an instrument; it never silently changes
           * how an existing one is scored. */
          if (iop_instrument_registry_lookup (registry, iop_instrument_get_id (instrument)) != NULL)
            {
              g_ptr_array_add (refused, g_strdup_printf (_("%s: an instrument named “%s” is already defined"),
                                                         (char *) g_ptr_array_index (files, i),
                                                         iop_instrument_get_id (instrument)));
              continue;
            }
          iop_instrument_registry_add (registry, instrument);
        }
    }

  loaded = iop_instrument_registry_list (registry);
  if (loaded->len == 0)
    {
      g_set_error (error, IOP_XML_ERROR, IOP_XML_ERROR_FAILED,
                   refused->len > 0 ? _("No rating instrument could be loaded: %s")
                                    : _("No rating instrument definitions were found%s."),
                   refused->len > 0 ? (const char *) g_ptr_array_index (refused, 0) : "");
      return NULL;
    }
  if (out_refused != NULL)
    *out_refused = g_steal_pointer (&refused);
  return g_steal_pointer (&registry);
}

/**
 * iop_instrument_registry_load_default:
 * @out_refused: (out) (optional) (transfer container) (element-type utf8): messages for refused files
 * @error: return location for a #GError
 *
 * Loads the built-in instruments, then the program's own from
 * iop_instrument_user_dir(). The GUI and the command line call this once.
 *
 * Returns: (transfer full): the registry, or %NULL with @error set
 */
IopInstrumentRegistry *
iop_instrument_registry_load_default (GPtrArray **out_refused,
                                      GError    **error)
{
  g_autofree char *builtin = iop_instrument_data_dir ();
  g_autofree char *user = iop_instrument_user_dir ();
  g_autofree char *xsd = iop_instrument_schema_path ();
  const char *dirs[] = { builtin, user, NULL };

  return iop_instrument_registry_load (dirs, xsd, out_refused, error);
}

/**
 * iop_instrument_registry_ensure_default:
 * @out_refused: (out) (optional) (transfer container) (element-type utf8):
 *   messages for files refused by this call (empty when already loaded)
 * @error: return location for a #GError
 *
 * Loads the instruments once per process with
 * iop_instrument_registry_load_default() and makes them the default registry
 * (iop_instrument_registry_get_default()). Call it at start-up from the
 * application, the command line and tests.
 *
 * Returns: (transfer none): the default registry, or %NULL with @error set
 */
IopInstrumentRegistry *
iop_instrument_registry_ensure_default (GPtrArray **out_refused,
                                        GError    **error)
{
  g_autoptr(IopInstrumentRegistry) loaded = NULL;
  g_autoptr(GPtrArray) refused = NULL;
  IopInstrumentRegistry *registry = iop_instrument_registry_get_default ();

  if (registry != NULL)
    {
      if (out_refused != NULL)
        *out_refused = g_ptr_array_new_with_free_func (g_free);
      return registry;
    }
  loaded = iop_instrument_registry_load_default (&refused, error);
  if (loaded == NULL)
    return NULL;

  G_LOCK (default_refused);
  g_clear_pointer (&default_refused, g_strfreev);
  {
    g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

    for (guint i = 0; i < refused->len; i++)
      g_strv_builder_add (builder, g_ptr_array_index (refused, i));
    default_refused = g_strv_builder_end (builder);
  }
  G_UNLOCK (default_refused);

  iop_instrument_registry_set_default (loaded);
  if (out_refused != NULL)
    *out_refused = g_steal_pointer (&refused);
  return iop_instrument_registry_get_default ();
}

/**
 * iop_instrument_registry_dup_default_refused:
 *
 * What the application shows so the person who added an instrument file can
 * fix it.
 *
 * Returns: (transfer full): one message per file refused when the default
 *   registry was loaded (empty when none, or not loaded yet)
 */
GStrv
iop_instrument_registry_dup_default_refused (void)
{
  GStrv copy;

  G_LOCK (default_refused);
  copy = default_refused != NULL ? g_strdupv (default_refused) : g_new0 (char *, 1);
  G_UNLOCK (default_refused);
  return copy;
}
