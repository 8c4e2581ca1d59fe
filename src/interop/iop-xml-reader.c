/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "iop-xml-reader"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>
#include <libxml/xmlschemas.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "iop-xml-reader.h"

/*
 * The one place where Circle sets up libxml2. Every XML document Circle reads
 * (a plan to import, a schema of our own) goes through here, so the rules are
 * kept in one place:
 *
 *  - the file is measured before it is read, and refused over 50 MB;
 *  - the parser never substitutes entities, never loads a DTD and never touches
 *    the network; a document that declares a document type at all is refused
 *    as soon as its DOCTYPE is seen, before any declaration inside it is read;
 *  - libxml2's own size safeguards stay on (no "huge" mode) and its recovery
 *    mode is never used: a document that is not well-formed is refused whole;
 *  - our SAX hooks refuse nesting deeper than IOP_XML_MAX_DEPTH and any text
 *    node longer than IOP_XML_MAX_TEXT_SIZE while parsing, before the tree grows;
 *  - the process-wide external entity loader refuses everything, except while
 *    a schema of ours is compiled on this thread, and then only files in that
 *    schema's own folder (the FHIR schema imports two siblings).
 *
 * Every error names the file, the line and what is wrong.
 */

G_DEFINE_QUARK (iop-xml-error-quark, iop_xml_error)

typedef struct
{
  const char *display_name;
  guint       depth;
  gsize       text_len;
  gboolean    failed;
  IopXmlError code;
  int         line;
  char       *message;
} ParseState;

typedef struct
{
  xmlDoc    *doc;
  xmlSchema *schema;
} CachedSchema;

/* The folder the schema being compiled on this thread may read from. */
static GPrivate allowed_dir_key = G_PRIVATE_INIT (g_free);
static GMutex schema_lock;
static GHashTable *schema_cache;

static void start_element_cb (void           *ctx,
                              const xmlChar  *localname,
                              const xmlChar  *prefix,
                              const xmlChar  *uri,
                              int             nb_namespaces,
                              const xmlChar **namespaces,
                              int             nb_attributes,
                              int             nb_defaulted,
                              const xmlChar **attributes);

/* Helpers */

static void
state_fail (ParseState  *state,
            IopXmlError  code,
            int          line,
            char        *message)
{
  if (state->failed)
    {
      g_free (message);
      return;
    }
  state->failed = TRUE;
  state->code = code;
  state->line = line;
  state->message = message;
}

/* libxml2's messages span lines; ours are one line, for "FILE:LINE: message". */
static char *
chomp_copy (const char *text)
{
  char *copy = g_strdup (text != NULL ? text : "");

  g_strstrip (copy);
  return g_strdelimit (copy, "\n\r\t", ' ');
}

static char *
resolve_url (const char *url)
{
  g_autofree char *path = NULL;

  if (url == NULL)
    return NULL;
  if (g_str_has_prefix (url, "file:"))
    path = g_filename_from_uri (url, NULL, NULL);
  else if (strstr (url, "://") == NULL)
    path = g_strdup (url);
  if (path == NULL)
    return NULL;
  return realpath (path, NULL);
}

/*
 * Installed once for the whole process: libxml2 asks it for every DTD, external
 * entity and schema include/import. Outside schema compilation the answer is
 * always no.
 */
static xmlParserInputPtr
deny_external_loader (const char       *url,
                      const char       *id,
                      xmlParserCtxtPtr  ctxt)
{
  const char *allowed_dir = g_private_get (&allowed_dir_key);
  g_autofree char *resolved = NULL;
  g_autofree char *dir = NULL;
  char *path;

  if (allowed_dir != NULL && (resolved = resolve_url (url)) != NULL)
    {
      dir = g_path_get_dirname (resolved);
      if (g_strcmp0 (dir, allowed_dir) == 0 && g_file_test (resolved, G_FILE_TEST_IS_REGULAR))
        return xmlNewInputFromFile (ctxt, resolved);
    }

  g_debug ("Refused to load external resource %s", url != NULL ? url : "(none)");
  /* Leave the caller a clear reason rather than libxml2's generic I/O error. */
  path = g_strdup (url != NULL ? url : "");
  if (ctxt != NULL && ctxt->sax != NULL && ctxt->sax->startElementNs == start_element_cb && ctxt->_private != NULL)
    state_fail (ctxt->_private, IOP_XML_ERROR_FORBIDDEN,
                ctxt->input != NULL ? ctxt->input->line : 0,
                g_strdup_printf (_("the document refers to an outside resource (%s); Circle does not load those"), path));
  g_free (path);
  return NULL;
}

static void
ensure_initialized (void)
{
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      xmlInitParser ();
      xmlSetExternalEntityLoader (deny_external_loader);
      g_once_init_leave (&initialized, 1);
    }
}

static void
silent_generic_error (void       *ctx,
                      const char *msg,
                      ...)
{
}

/* SAX hooks: refuse what we never accept as early as libxml2 reports it. */

static ParseState *
state_from_ctx (void *ctx)
{
  xmlParserCtxtPtr ctxt = ctx;

  return ctxt->_private;
}

static void
refuse_and_stop (void        *ctx,
                 IopXmlError  code,
                 char        *message)
{
  xmlParserCtxtPtr ctxt = ctx;

  state_fail (state_from_ctx (ctx), code, xmlSAX2GetLineNumber (ctx), message);
  xmlStopParser (ctxt);
}

static void
internal_subset_cb (void          *ctx,
                    const xmlChar *name,
                    const xmlChar *external_id,
                    const xmlChar *system_id)
{
  refuse_and_stop (ctx, IOP_XML_ERROR_FORBIDDEN,
                   g_strdup (_("the document declares a document type (DOCTYPE); documents with DTDs or entity declarations are refused")));
}

static void
entity_decl_cb (void          *ctx,
                const xmlChar *name,
                int            type,
                const xmlChar *public_id,
                const xmlChar *system_id,
                xmlChar       *content)
{
  refuse_and_stop (ctx, IOP_XML_ERROR_FORBIDDEN,
                   g_strdup_printf (_("the document declares the entity “%s”; entity declarations are refused"), (const char *) name));
}

static void
start_element_cb (void           *ctx,
                  const xmlChar  *localname,
                  const xmlChar  *prefix,
                  const xmlChar  *uri,
                  int             nb_namespaces,
                  const xmlChar **namespaces,
                  int             nb_attributes,
                  int             nb_defaulted,
                  const xmlChar **attributes)
{
  ParseState *state = state_from_ctx (ctx);

  state->text_len = 0;
  if (++state->depth > IOP_XML_MAX_DEPTH)
    {
      refuse_and_stop (ctx, IOP_XML_ERROR_TOO_DEEP,
                       g_strdup_printf (_("elements are nested more than %d deep"), IOP_XML_MAX_DEPTH));
      return;
    }
  xmlSAX2StartElementNs (ctx, localname, prefix, uri, nb_namespaces, namespaces,
                         nb_attributes, nb_defaulted, attributes);
}

static void
end_element_cb (void          *ctx,
                const xmlChar *localname,
                const xmlChar *prefix,
                const xmlChar *uri)
{
  ParseState *state = state_from_ctx (ctx);

  state->text_len = 0;
  if (state->depth > 0)
    state->depth--;
  xmlSAX2EndElementNs (ctx, localname, prefix, uri);
}

/* Counts text against the limit; %FALSE (and the parse stopped) past it. */
static gboolean
count_text (void *ctx,
            int   len)
{
  ParseState *state = state_from_ctx (ctx);

  state->text_len += len;
  if (state->text_len <= IOP_XML_MAX_TEXT_SIZE)
    return TRUE;
  refuse_and_stop (ctx, IOP_XML_ERROR_TOO_LARGE,
                   g_strdup_printf (_("a text in the document is longer than %d KB"), IOP_XML_MAX_TEXT_SIZE / 1024));
  return FALSE;
}

static void
characters_cb (void          *ctx,
               const xmlChar *ch,
               int            len)
{
  if (count_text (ctx, len))
    xmlSAX2Characters (ctx, ch, len);
}

/* Indentation between elements: counted against the limit like any text, but
 * kept out of the tree (nothing Circle reads is made of it). */
static void
blanks_cb (void          *ctx,
           const xmlChar *ch,
           int            len)
{
  count_text (ctx, len);
}

static void
parse_error_cb (void        *user_data,
                xmlErrorPtr  err)
{
  xmlParserCtxtPtr ctxt = user_data;
  ParseState *state = ctxt->_private;
  g_autofree char *detail = NULL;
  IopXmlError code = IOP_XML_ERROR_MALFORMED;
  char *message;

  if (err == NULL || err->level < XML_ERR_ERROR || state->failed)
    return;

  detail = chomp_copy (err->message);
  switch (err->code)
    {
    case XML_ERR_DOCUMENT_EMPTY:
      message = g_strdup (_("the file is empty"));
      break;
    case XML_ERR_INVALID_CHAR:
    case XML_ERR_INVALID_ENCODING:
    case XML_ERR_UNKNOWN_ENCODING:
    case XML_ERR_UNSUPPORTED_ENCODING:
      message = g_strdup_printf (_("the text is not in the encoding it declares (invalid UTF-8?): %s"), detail);
      break;
    case XML_ERR_DOCUMENT_END:
    case XML_ERR_TAG_NOT_FINISHED:
    case XML_ERR_LTSLASH_REQUIRED:
      message = g_strdup_printf (_("the document ends before it is complete (is the file cut short?): %s"), detail);
      break;
    case XML_ERR_UNDECLARED_ENTITY:
    case XML_WAR_UNDECLARED_ENTITY:
    case XML_ERR_ENTITY_LOOP:
    case XML_ERR_ENTITY_BOUNDARY:
    case XML_ERR_ENTITYREF_NO_NAME:
      code = IOP_XML_ERROR_FORBIDDEN;
      message = g_strdup_printf (_("the document uses an entity Circle does not expand: %s"), detail);
      break;
    default:
      message = g_strdup_printf (_("the document is not well-formed XML: %s"), detail);
      break;
    }
  state_fail (state, code, err->line, message);
}

static void
set_error_from_state (GError     **error,
                      ParseState  *state)
{
  if (state->line > 0)
    g_set_error (error, IOP_XML_ERROR, state->code, "%s:%d: %s",
                 state->display_name, state->line, state->message);
  else
    g_set_error (error, IOP_XML_ERROR, state->code, "%s: %s",
                 state->display_name, state->message);
}

/* Public API */

/**
 * iop_xml_read_memory:
 * @data: the document's bytes
 * @len: how many bytes
 * @display_name: the name errors give for the document (a path, usually)
 * @error: return location for an #IOP_XML_ERROR
 *
 * Parses a document with Circle's safety rules (see the top of this file).
 * Safe to call from any thread.
 *
 * Returns: (transfer full) (nullable): the document, or %NULL with @error set
 */
xmlDoc *
iop_xml_read_memory (const char  *data,
                     gsize        len,
                     const char  *display_name,
                     GError     **error)
{
  ParseState state = { 0 };
  xmlParserCtxtPtr ctxt;
  xmlDoc *doc;

  g_return_val_if_fail (data != NULL || len == 0, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);

  ensure_initialized ();
  state.display_name = display_name;

  if (len > IOP_XML_MAX_FILE_SIZE)
    {
      g_set_error (error, IOP_XML_ERROR, IOP_XML_ERROR_TOO_LARGE,
                   _("%s: the file is larger than %d MB; Circle does not read files that large"),
                   display_name, IOP_XML_MAX_FILE_SIZE / 1000 / 1000);
      return NULL;
    }
  if (len == 0)
    {
      g_set_error (error, IOP_XML_ERROR, IOP_XML_ERROR_MALFORMED, _("%s: the file is empty"), display_name);
      return NULL;
    }

  ctxt = xmlCreateMemoryParserCtxt (data, (int) len);
  if (ctxt == NULL)
    {
      g_set_error (error, IOP_XML_ERROR, IOP_XML_ERROR_FAILED,
                   _("%s: could not start reading the document (out of memory?)"), display_name);
      return NULL;
    }

  /* NOBLANKS and COMPACT: a plan file is mostly indentation and short texts;
   * leaving out the one and storing the other inside its node halves the
   * allocations a large file costs to build and to free. */
  xmlCtxtUseOptions (ctxt, XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_NOBLANKS | XML_PARSE_COMPACT);
  ctxt->_private = &state;
  ctxt->sax->internalSubset = internal_subset_cb;
  ctxt->sax->entityDecl = entity_decl_cb;
  ctxt->sax->startElementNs = start_element_cb;
  ctxt->sax->endElementNs = end_element_cb;
  ctxt->sax->characters = characters_cb;
  ctxt->sax->ignorableWhitespace = blanks_cb;
  ctxt->sax->serror = parse_error_cb;
  ctxt->sax->error = NULL;
  ctxt->sax->warning = NULL;
  ctxt->vctxt.error = NULL;
  ctxt->vctxt.warning = NULL;
  if (ctxt->input != NULL && ctxt->input->filename == NULL)
    ctxt->input->filename = (char *) xmlStrdup ((const xmlChar *) display_name);

  /* A few libxml2 layers (encoding conversion) still print to the generic
   * channel: keep them off the terminal; the parser reports them to us too. */
  xmlSetGenericErrorFunc (NULL, silent_generic_error);
  xmlParseDocument (ctxt);
  xmlSetGenericErrorFunc (NULL, NULL);
  doc = ctxt->myDoc;
  ctxt->myDoc = NULL;

  if (!state.failed && (!ctxt->wellFormed || ctxt->errNo != XML_ERR_OK))
    state_fail (&state, IOP_XML_ERROR_MALFORMED, ctxt->lastError.line,
                g_strdup_printf (_("the document is not well-formed XML: %s"),
                                 ctxt->lastError.message != NULL ? g_strdelimit (g_strstrip (ctxt->lastError.message), "\n\r\t", ' ') : "?"));
  if (!state.failed && (doc == NULL || xmlDocGetRootElement (doc) == NULL))
    state_fail (&state, IOP_XML_ERROR_MALFORMED, 0, g_strdup (_("the file holds no XML document")));

  ctxt->_private = NULL;
  xmlFreeParserCtxt (ctxt);

  if (state.failed)
    {
      set_error_from_state (error, &state);
      g_free (state.message);
      g_clear_pointer (&doc, xmlFreeDoc);
      return NULL;
    }
  return doc;
}

/**
 * iop_xml_read_file:
 * @path: a file name
 * @error: return location for an #IOP_XML_ERROR
 *
 * Measures, reads and parses @path with Circle's safety rules. A file over
 * 50 MB is refused before it is read.
 *
 * Returns: (transfer full) (nullable): the document, or %NULL with @error set
 */
xmlDoc *
iop_xml_read_file (const char  *path,
                   GError     **error)
{
  g_autoptr(GMappedFile) mapped = NULL;
  g_autoptr(GError) local_error = NULL;
  GStatBuf st;

  g_return_val_if_fail (path != NULL, NULL);

  if (g_stat (path, &st) != 0)
    {
      int saved = errno;

      g_set_error (error, IOP_XML_ERROR, IOP_XML_ERROR_FAILED, _("%s: cannot read the file: %s"),
                   path, g_strerror (saved));
      return NULL;
    }
  if (!S_ISREG (st.st_mode))
    {
      g_set_error (error, IOP_XML_ERROR, IOP_XML_ERROR_FAILED, _("%s: not a regular file"), path);
      return NULL;
    }
  if (st.st_size > IOP_XML_MAX_FILE_SIZE)
    {
      g_set_error (error, IOP_XML_ERROR, IOP_XML_ERROR_TOO_LARGE,
                   _("%s: the file is larger than %d MB; Circle does not read files that large"),
                   path, IOP_XML_MAX_FILE_SIZE / 1000 / 1000);
      return NULL;
    }

  /* The file may have grown since it was measured: read_memory measures again. */
  mapped = g_mapped_file_new (path, FALSE, &local_error);
  if (mapped == NULL)
    {
      g_set_error (error, IOP_XML_ERROR, IOP_XML_ERROR_FAILED, _("%s: cannot read the file: %s"),
                   path, local_error->message);
      return NULL;
    }
  return iop_xml_read_memory (g_mapped_file_get_contents (mapped) != NULL ? g_mapped_file_get_contents (mapped) : "",
                              g_mapped_file_get_length (mapped), path, error);
}

typedef struct
{
  char *first;
  int   line;
  char *file;
} ErrorCollector;

static void
collect_error_cb (void        *user_data,
                  xmlErrorPtr  err)
{
  ErrorCollector *collector = user_data;

  if (err == NULL || err->level < XML_ERR_ERROR || collector->first != NULL)
    return;
  collector->first = chomp_copy (err->message);
  collector->line = err->line;
  collector->file = g_strdup (err->file);
}

static void
collector_clear (ErrorCollector *collector)
{
  g_clear_pointer (&collector->first, g_free);
  g_clear_pointer (&collector->file, g_free);
}

static void
cached_schema_free (gpointer data)
{
  CachedSchema *cached = data;

  xmlSchemaFree (cached->schema);
  xmlFreeDoc (cached->doc);
  g_free (cached);
}

/* Called with schema_lock held. */
static xmlSchema *
compile_schema (const char  *real_path,
                GError     **error)
{
  ErrorCollector collector = { 0 };
  xmlSchemaParserCtxtPtr pctxt;
  xmlSchema *schema;
  xmlDoc *doc;
  CachedSchema *cached;

  doc = iop_xml_read_file (real_path, error);
  if (doc == NULL)
    return NULL;

  g_private_replace (&allowed_dir_key, g_path_get_dirname (real_path));
  xmlSetStructuredErrorFunc (&collector, collect_error_cb);

  pctxt = xmlSchemaNewDocParserCtxt (doc);
  xmlSchemaSetParserStructuredErrors (pctxt, collect_error_cb, &collector);
  schema = xmlSchemaParse (pctxt);
  xmlSchemaFreeParserCtxt (pctxt);

  xmlSetStructuredErrorFunc (NULL, NULL);
  g_private_replace (&allowed_dir_key, NULL);

  if (schema == NULL)
    {
      g_set_error (error, IOP_XML_ERROR, IOP_XML_ERROR_FAILED, _("%s:%d: the schema cannot be used: %s"),
                   collector.file != NULL ? collector.file : real_path, collector.line,
                   collector.first != NULL ? collector.first : "?");
      collector_clear (&collector);
      xmlFreeDoc (doc);
      return NULL;
    }
  collector_clear (&collector);

  /* The compiled schema may point into its document: they live together. */
  cached = g_new0 (CachedSchema, 1);
  cached->doc = doc;
  cached->schema = schema;
  if (schema_cache == NULL)
    schema_cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, cached_schema_free);
  g_hash_table_insert (schema_cache, g_strdup (real_path), cached);
  return schema;
}

/**
 * iop_xml_validate:
 * @doc: a document read with iop_xml_read_file() or iop_xml_read_memory()
 * @xsd_path: an XML Schema 1.0 file; it may include or import files from its own folder only
 * @error: return location for an #IOP_XML_ERROR
 *
 * Validates @doc against the schema. Compiled schemas are kept for the life of
 * the process and shared between threads; validation itself may run in any
 * thread.
 *
 * Returns: %TRUE when @doc is valid
 */
gboolean
iop_xml_validate (xmlDoc      *doc,
                  const char  *xsd_path,
                  GError     **error)
{
  g_autofree char *real_path = NULL;
  ErrorCollector collector = { 0 };
  xmlSchemaValidCtxtPtr vctxt;
  CachedSchema *cached;
  xmlSchema *schema;
  int ret;

  g_return_val_if_fail (doc != NULL, FALSE);
  g_return_val_if_fail (xsd_path != NULL, FALSE);

  ensure_initialized ();

  real_path = realpath (xsd_path, NULL);
  if (real_path == NULL)
    {
      int saved = errno;

      g_set_error (error, IOP_XML_ERROR, IOP_XML_ERROR_FAILED, _("%s: cannot read the schema: %s"),
                   xsd_path, g_strerror (saved));
      return FALSE;
    }

  g_mutex_lock (&schema_lock);
  cached = schema_cache != NULL ? g_hash_table_lookup (schema_cache, real_path) : NULL;
  schema = cached != NULL ? cached->schema : compile_schema (real_path, error);
  g_mutex_unlock (&schema_lock);
  if (schema == NULL)
    return FALSE;

  vctxt = xmlSchemaNewValidCtxt (schema);
  if (vctxt == NULL)
    {
      g_set_error (error, IOP_XML_ERROR, IOP_XML_ERROR_FAILED, _("%s: could not start validation (out of memory?)"),
                   doc->URL != NULL ? (const char *) doc->URL : "?");
      return FALSE;
    }
  xmlSchemaSetValidStructuredErrors (vctxt, collect_error_cb, &collector);
  ret = xmlSchemaValidateDoc (vctxt, doc);
  xmlSchemaFreeValidCtxt (vctxt);

  if (ret != 0)
    {
      const char *name = doc->URL != NULL ? (const char *) doc->URL : "?";

      if (ret < 0)
        g_set_error (error, IOP_XML_ERROR, IOP_XML_ERROR_FAILED, _("%s: validation failed for an internal reason"), name);
      else if (collector.line > 0)
        g_set_error (error, IOP_XML_ERROR, IOP_XML_ERROR_INVALID, _("%s:%d: the document does not follow its schema: %s"),
                     name, collector.line, collector.first != NULL ? collector.first : "?");
      else  /* a document built in memory has no lines */
        g_set_error (error, IOP_XML_ERROR, IOP_XML_ERROR_INVALID, _("%s: the document does not follow its schema: %s"),
                     name, collector.first != NULL ? collector.first : "?");
      collector_clear (&collector);
      return FALSE;
    }
  collector_clear (&collector);
  return TRUE;
}

/**
 * iop_xml_set_error:
 * @error: return location for an error
 * @code: the #IopXmlError code
 * @node: (nullable): the element the problem is at, for the file name and line
 * @format: printf-style, translated message saying what is wrong
 *
 * Sets @error to "FILE:LINE: message", the form every importer error takes.
 */
void
iop_xml_set_error (GError      **error,
                   IopXmlError   code,
                   xmlNode      *node,
                   const char   *format,
                   ...)
{
  g_autofree char *message = NULL;
  const char *name = "?";
  long line = 0;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (node != NULL)
    {
      if (node->doc != NULL && node->doc->URL != NULL)
        name = (const char *) node->doc->URL;
      line = xmlGetLineNo (node);
    }
  if (line > 0)
    g_set_error (error, IOP_XML_ERROR, code, "%s:%ld: %s", name, line, message);
  else
    g_set_error (error, IOP_XML_ERROR, code, "%s: %s", name, message);
}

/**
 * iop_xml_prepend_comment:
 * @doc: a document with a root element
 * @text: (nullable): the comment, e.g. the 42 CFR § 2.32 notice of a disclosure
 *
 * Puts @text in a comment before the root element, where any reader sees it
 * first and where neither schema validation nor an import looks. Hyphen runs
 * that XML forbids inside a comment are broken up.
 */
void
iop_xml_prepend_comment (xmlDoc     *doc,
                         const char *text)
{
  g_autoptr(GString) safe = NULL;
  xmlNode *root;
  xmlNode *comment;

  g_return_if_fail (doc != NULL);

  root = xmlDocGetRootElement (doc);
  if (text == NULL || *text == '\0' || root == NULL)
    return;
  safe = g_string_new (" ");
  for (const char *c = text; *c != '\0'; c++)
    {
      g_string_append_c (safe, *c);
      if (*c == '-' && (c[1] == '-' || c[1] == '\0'))
        g_string_append_c (safe, ' ');
    }
  g_string_append_c (safe, ' ');
  comment = xmlNewDocComment (doc, (const xmlChar *) safe->str);
  xmlAddPrevSibling (root, comment);
}
