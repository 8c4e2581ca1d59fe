/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "iop-native"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <libxml/xmlsave.h>

#include "iop-date.h"
#include "iop-native.h"
#include "iop-xml-reader.h"

/*
 * Circle's own plan format (data/schemas/circle-plan-1.xsd documents it). The
 * writer emits every field in a fixed order, and optional values as absent
 * attributes or elements, so export → import → export gives the same bytes.
 * The reader runs only on documents that passed the schema; it still checks
 * what the schema cannot say (real dates, references to earlier keys, staff
 * that are listed) and reports the line.
 */

static const char *
first_existing (const char *const *candidates)
{
  for (guint i = 0; candidates[i] != NULL; i++)
    if (g_file_test (candidates[i], G_FILE_TEST_IS_REGULAR))
      return candidates[i];
  return NULL;
}

/**
 * iop_native_schema_path:
 *
 * Where circle-plan-1.xsd is: $CIRCLE_SOURCE_DATADIR (tests, uninstalled
 * runs), the installed data folder, or the source tree.
 *
 * Returns: (transfer none): a path (which may not exist when nothing was found)
 */
const char *
iop_native_schema_path (void)
{
  static gsize initialized;
  static char *path;

  if (g_once_init_enter (&initialized))
    {
      const char *env = g_getenv ("CIRCLE_SOURCE_DATADIR");
      g_autofree char *from_env = env != NULL ? g_build_filename (env, "schemas", "circle-plan-1.xsd", NULL) : NULL;
      g_autofree char *installed = g_build_filename (PKGDATADIR, "schemas", "circle-plan-1.xsd", NULL);
      g_autofree char *source = g_build_filename (SOURCE_DATADIR, "schemas", "circle-plan-1.xsd", NULL);
      const char *candidates[] = { from_env != NULL ? from_env : installed, installed, source, NULL };
      const char *found = first_existing (candidates);

      path = g_strdup (found != NULL ? found : installed);
      g_once_init_leave (&initialized, 1);
    }
  return path;
}

/* Writing */

/* XML 1.0 cannot carry most control characters; the database can. */
static char *
xml_safe (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text != NULL ? text : "", -1);
  GString *out = g_string_sized_new (strlen (valid));

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0xFFFE || c == 0xFFFF)
        g_string_append_unichar (out, 0xFFFD);
      else
        g_string_append_len (out, p, g_utf8_next_char (p) - p);
    }
  return g_string_free (out, FALSE);
}

static xmlNode *
add_child (xmlNode    *parent,
           const char *name)
{
  return xmlNewChild (parent, NULL, (const xmlChar *) name, NULL);
}

static xmlNode *
add_text (xmlNode    *parent,
          const char *name,
          const char *text)
{
  g_autofree char *safe = xml_safe (text);

  return xmlNewTextChild (parent, NULL, (const xmlChar *) name, (const xmlChar *) safe);
}

static void
add_text_opt (xmlNode    *parent,
              const char *name,
              const char *text)
{
  if (text != NULL)
    add_text (parent, name, text);
}

static void
set_attr (xmlNode    *node,
          const char *name,
          const char *value)
{
  g_autofree char *safe = NULL;

  if (value == NULL)
    return;
  safe = xml_safe (value);
  xmlNewProp (node, (const xmlChar *) name, (const xmlChar *) safe);
}

static void
set_int (xmlNode    *node,
         const char *name,
         gint64      value)
{
  char buf[32];

  g_snprintf (buf, sizeof buf, "%" G_GINT64_FORMAT, value);
  xmlNewProp (node, (const xmlChar *) name, (const xmlChar *) buf);
}

static void
set_bool (xmlNode    *node,
          const char *name,
          gboolean    value)
{
  xmlNewProp (node, (const xmlChar *) name, (const xmlChar *) (value ? "true" : "false"));
}

static void
build_goal (xmlNode         *parent,
            IopExchangeGoal *g)
{
  xmlNode *node = add_child (parent, "goal");

  set_attr (node, "key", g->key);
  set_int (node, "position", g->position);
  set_attr (node, "problem", g->problem);
  set_attr (node, "target-date", g->target_date);
  set_attr (node, "status", g->status);
  set_attr (node, "carried-from", g->carried_from);
  add_text (node, "statement", g->statement);
  add_text (node, "own-words", g->own_words);

  for (guint i = 0; i < g->objectives->len; i++)
    {
      IopExchangeObjective *o = g_ptr_array_index (g->objectives, i);
      xmlNode *on = add_child (node, "objective");

      set_attr (on, "key", o->key);
      set_int (on, "position", o->position);
      set_attr (on, "target-date", o->target_date);
      set_attr (on, "status", o->status);
      set_attr (on, "carried-from", o->carried_from);
      add_text (on, "statement", o->statement);
      for (guint j = 0; j < o->interventions->len; j++)
        {
          IopExchangeIntervention *iv = g_ptr_array_index (o->interventions, j);
          xmlNode *in = add_child (on, "intervention");

          add_text (in, "description", iv->description);
          add_text (in, "responsible", iv->responsible);
          add_text (in, "frequency", iv->frequency);
        }
    }
  for (guint i = 0; i < g->progress->len; i++)
    {
      IopExchangeProgress *p = g_ptr_array_index (g->progress, i);
      xmlNode *pn = add_text (node, "progress", p->note);

      set_attr (pn, "date", p->date);
      set_int (pn, "rating", p->rating);
      set_attr (pn, "author", p->author);
      set_attr (pn, "objective", p->objective);
    }
}

static void
build_participant (xmlNode                *root,
                   IopExchangeParticipant *p)
{
  xmlNode *node = add_child (root, "participant");
  xmlNode *id;

  set_attr (node, "record-number", p->record_number);
  id = add_child (node, "identity");
  add_text (id, "first-name", p->first_name);
  add_text (id, "last-name", p->last_name);
  add_text (id, "preferred-name", p->preferred_name);
  add_text (id, "pronouns", p->pronouns);
  add_text_opt (id, "date-of-birth", p->date_of_birth);
  add_text (id, "primary-language", p->primary_language);
  add_text (id, "level-of-care", p->level_of_care);
  add_text (id, "admission-date", p->admission_date);
  add_text_opt (id, "discharge-date", p->discharge_date);
  add_text (id, "discharge-reason", p->discharge_reason);
  add_text (id, "status", p->status);
  add_text_opt (id, "primary-counselor", p->primary_counselor);
  add_text (id, "diagnoses", p->diagnoses);
  add_text (id, "co-occurring", p->co_occurring ? "true" : "false");
  add_text (id, "phone", p->phone);
  add_text (id, "email", p->email);
  add_text (id, "address", p->address);
  add_text (id, "emergency-name", p->emergency_name);
  add_text (id, "emergency-phone", p->emergency_phone);
  add_text (id, "emergency-relationship", p->emergency_relationship);

  for (guint i = 0; i < p->plans->len; i++)
    {
      IopExchangePlan *plan = g_ptr_array_index (p->plans, i);
      xmlNode *pn = add_child (node, "plan");

      set_attr (pn, "key", plan->key);
      set_int (pn, "version", plan->version);
      set_attr (pn, "state", plan->state);
      set_attr (pn, "created-at", plan->created_at);
      set_attr (pn, "created-by", plan->created_by);
      set_attr (pn, "effective-date", plan->effective_date);
      set_attr (pn, "review-due", plan->review_due);
      set_attr (pn, "signed-by", plan->signed_by);
      set_attr (pn, "signed-at", plan->signed_at);
      set_bool (pn, "participant-agreed", plan->participant_agreed);
      set_attr (pn, "supersedes", plan->supersedes);
      add_text (pn, "agreement-note", plan->agreement_note);
      for (guint j = 0; j < plan->problems->len; j++)
        {
          IopExchangeProblem *pr = g_ptr_array_index (plan->problems, j);
          xmlNode *prn = add_child (pn, "problem");

          set_attr (prn, "key", pr->key);
          set_int (prn, "position", pr->position);
          if (pr->asam_dimension > 0)
            set_int (prn, "asam-dimension", pr->asam_dimension);
          add_text (prn, "description", pr->description);
          add_text (prn, "life-area", pr->life_area);
        }
      for (guint j = 0; j < plan->goals->len; j++)
        build_goal (pn, g_ptr_array_index (plan->goals, j));
    }

  for (guint i = 0; i < p->measures->len; i++)
    {
      IopExchangeMeasure *m = g_ptr_array_index (p->measures, i);
      xmlNode *mn = add_child (node, "measure");

      set_attr (mn, "instrument", m->instrument);
      set_attr (mn, "date", m->date);
      set_bool (mn, "complete", m->complete);
      if (m->has_total)
        set_int (mn, "total", m->total);
      set_attr (mn, "severity", m->severity);
      set_attr (mn, "subscores", m->subscores);
      set_bool (mn, "safety-flag", m->safety_flag);
      set_attr (mn, "safety-ack-by", m->safety_ack_by);
      set_attr (mn, "safety-ack-at", m->safety_ack_at);
      set_attr (mn, "entered-by", m->entered_by);
      for (guint j = 0; j < m->answers->len; j++)
        {
          IopExchangeAnswer *a = &g_array_index (m->answers, IopExchangeAnswer, j);
          xmlNode *an = add_child (mn, "answer");

          set_int (an, "item", a->item);
          set_int (an, "value", a->value);
        }
    }

  if (p->profile != NULL)
    {
      IopExchangeProfile *c = p->profile;
      xmlNode *cn = add_child (node, "cultural-profile");

      set_bool (cn, "interpreter-needed", c->interpreter_needed);
      set_bool (cn, "interpreter-arranged", c->interpreter_arranged);
      set_int (cn, "observance-weekdays", c->observance_weekdays);
      set_attr (cn, "observance-start", c->observance_start);
      set_attr (cn, "observance-end", c->observance_end);
      set_attr (cn, "created-at", c->created_at);
      set_attr (cn, "created-by", c->created_by);
      set_attr (cn, "updated-at", c->updated_at);
      set_attr (cn, "updated-by", c->updated_by);
      set_attr (cn, "reviewed-on", c->reviewed_on);
      set_attr (cn, "reviewed-by", c->reviewed_by);
      add_text (cn, "interpreter-details", c->interpreter_details);
      add_text (cn, "communication", c->communication);
      add_text (cn, "identity", c->identity);
      add_text (cn, "family-roles", c->family_roles);
      add_text (cn, "beliefs", c->beliefs);
      add_text (cn, "spirituality", c->spirituality);
      add_text (cn, "stigma-concerns", c->stigma_concerns);
      add_text (cn, "observances", c->observances);
      add_text (cn, "dietary-needs", c->dietary_needs);
      add_text (cn, "accessibility", c->accessibility);
      add_text (cn, "respected-in-group", c->respected_in_group);
      for (guint i = 0; i < c->cfi->len; i++)
        {
          IopExchangeCfiAnswer *a = g_ptr_array_index (c->cfi, i);
          xmlNode *an = add_text (cn, "cfi-answer", a->answer);

          set_int (an, "domain", a->domain);
          set_attr (an, "recorded-on", a->recorded_on);
          set_attr (an, "recorded-by", a->recorded_by);
        }
    }
}

/**
 * iop_native_build:
 * @exchange: records read with iop_store_exchange_read()
 * @error: return location for a #GError
 *
 * Builds the document and validates it against circle-plan-1.xsd.
 *
 * Returns: (transfer full) (nullable): a valid document
 */
xmlDoc *
iop_native_build (IopExchange  *exchange,
                  GError      **error)
{
  g_autoptr(xmlDoc) doc = xmlNewDoc ((const xmlChar *) "1.0");
  xmlNode *root = xmlNewNode (NULL, (const xmlChar *) "circle-plans");
  xmlNs *ns = xmlNewNs (root, (const xmlChar *) IOP_NATIVE_NAMESPACE, NULL);

  xmlSetNs (root, ns);
  xmlDocSetRootElement (doc, root);
  xmlNewProp (root, (const xmlChar *) "version", (const xmlChar *) "1");
  doc->URL = xmlStrdup ((const xmlChar *) _("the exported plan"));

  for (guint i = 0; i < exchange->staff->len; i++)
    {
      IopExchangeStaff *s = g_ptr_array_index (exchange->staff, i);
      xmlNode *sn = add_child (root, "staff");

      set_attr (sn, "username", s->username);
      set_attr (sn, "full-name", s->full_name);
      set_attr (sn, "role", s->role);
      set_attr (sn, "credentials", s->credentials);
    }
  for (guint i = 0; i < exchange->participants->len; i++)
    build_participant (root, g_ptr_array_index (exchange->participants, i));

  if (!iop_xml_validate (doc, iop_native_schema_path (), error))
    return NULL;
  return g_steal_pointer (&doc);
}

/**
 * iop_native_write_file:
 * @exchange: records read with iop_store_exchange_read()
 * @path: where to write
 * @error: return location for a #GError
 *
 * Builds, validates and writes the file: to a temporary file first, renamed
 * over @path only when complete, readable by the owner only.
 */
gboolean
iop_native_write_file (IopExchange  *exchange,
                       const char   *path,
                       GError      **error)
{
  g_autoptr(xmlDoc) doc = iop_native_build (exchange, error);
  xmlChar *mem = NULL;
  int size = 0;
  gboolean ok;

  if (doc == NULL)
    return FALSE;
  /* Validated already: the notice is a comment, outside what the schema sees. */
  iop_xml_prepend_comment (doc, exchange->notice);
  xmlDocDumpFormatMemoryEnc (doc, &mem, &size, "UTF-8", 1);
  if (mem == NULL)
    {
      g_set_error (error, IOP_XML_ERROR, IOP_XML_ERROR_FAILED, _("%s: could not write the document (out of memory?)"), path);
      return FALSE;
    }
  ok = g_file_set_contents_full (path, (const char *) mem, size, G_FILE_SET_CONTENTS_CONSISTENT, 0600, error);
  xmlFree (mem);
  return ok;
}

/* Reading */

typedef struct
{
  GHashTable *staff;  /* user names listed in the file */
  GHashTable *keys;   /* keys seen so far in the current participant */
} ParseContext;

static gboolean
is_element (xmlNode    *node,
            const char *name)
{
  return node->type == XML_ELEMENT_NODE && node->ns != NULL
         && xmlStrEqual (node->ns->href, (const xmlChar *) IOP_NATIVE_NAMESPACE)
         && (name == NULL || xmlStrEqual (node->name, (const xmlChar *) name));
}

static char *
attr (xmlNode    *node,
      const char *name)
{
  xmlChar *value = xmlGetNoNsProp (node, (const xmlChar *) name);
  char *copy;

  if (value == NULL)
    return NULL;
  copy = g_strdup ((const char *) value);
  xmlFree (value);
  return copy;
}

static int
attr_int (xmlNode    *node,
          const char *name)
{
  g_autofree char *value = attr (node, name);

  return value != NULL ? (int) g_ascii_strtoll (value, NULL, 10) : 0;
}

static gboolean
attr_bool (xmlNode    *node,
           const char *name)
{
  g_autofree char *value = attr (node, name);

  return value != NULL && (g_str_equal (value, "true") || g_str_equal (value, "1"));
}

static char *
content (xmlNode *node)
{
  xmlChar *value = xmlNodeGetContent (node);
  char *copy = g_strdup (value != NULL ? (const char *) value : "");

  xmlFree (value);
  return copy;
}

/* The text of a child element, or NULL when it is absent. */
static char *
child_text (xmlNode    *parent,
            const char *name)
{
  for (xmlNode *c = parent->children; c != NULL; c = c->next)
    if (is_element (c, name))
      return content (c);
  return NULL;
}

static char *
child_text_or_empty (xmlNode    *parent,
                     const char *name)
{
  char *text = child_text (parent, name);

  return text != NULL ? text : g_strdup ("");
}

static gboolean
check_date (xmlNode     *node,
            const char  *value,
            GError     **error)
{
  if (value != NULL && !iop_date_is_valid (value))
    {
      iop_xml_set_error (error, IOP_XML_ERROR_INVALID, node, _("“%s” is not a real date"), value);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_staff (ParseContext  *ctx,
             xmlNode       *node,
             const char    *username,
             GError       **error)
{
  if (username != NULL && !g_hash_table_contains (ctx->staff, username))
    {
      iop_xml_set_error (error, IOP_XML_ERROR_INVALID, node,
                         _("the staff member “%s” is not listed at the top of the file"), username);
      return FALSE;
    }
  return TRUE;
}

/* Records refer only to what came before them, so an import can insert in order. */
static gboolean
check_earlier_key (ParseContext  *ctx,
                   xmlNode       *node,
                   const char    *key,
                   GError       **error)
{
  if (key != NULL && !g_hash_table_contains (ctx->keys, key))
    {
      iop_xml_set_error (error, IOP_XML_ERROR_INVALID, node,
                         _("“%s” refers to a record that does not come earlier in the file"), key);
      return FALSE;
    }
  return TRUE;
}

static gboolean
define_key (ParseContext  *ctx,
            xmlNode       *node,
            const char    *key,
            GError       **error)
{
  if (!g_hash_table_add (ctx->keys, g_strdup (key)))
    {
      iop_xml_set_error (error, IOP_XML_ERROR_INVALID, node, _("the key “%s” is used twice"), key);
      return FALSE;
    }
  return TRUE;
}

static gboolean
parse_goal (ParseContext     *ctx,
            xmlNode          *node,
            IopExchangeGoal  *g,
            GError          **error)
{
  g->key = attr (node, "key");
  g->position = attr_int (node, "position");
  g->problem = attr (node, "problem");
  g->target_date = attr (node, "target-date");
  g->status = attr (node, "status");
  g->carried_from = attr (node, "carried-from");
  g->statement = child_text_or_empty (node, "statement");
  g->own_words = child_text_or_empty (node, "own-words");
  if (!check_date (node, g->target_date, error)
      || !check_earlier_key (ctx, node, g->problem, error)
      || !check_earlier_key (ctx, node, g->carried_from, error)
      || !define_key (ctx, node, g->key, error))
    return FALSE;

  for (xmlNode *c = node->children; c != NULL; c = c->next)
    {
      if (is_element (c, "objective"))
        {
          IopExchangeObjective *o = iop_exchange_objective_new ();

          g_ptr_array_add (g->objectives, o);
          o->key = attr (c, "key");
          o->position = attr_int (c, "position");
          o->target_date = attr (c, "target-date");
          o->status = attr (c, "status");
          o->carried_from = attr (c, "carried-from");
          o->statement = child_text_or_empty (c, "statement");
          if (!check_date (c, o->target_date, error)
              || !check_earlier_key (ctx, c, o->carried_from, error)
              || !define_key (ctx, c, o->key, error))
            return FALSE;
          for (xmlNode *i = c->children; i != NULL; i = i->next)
            if (is_element (i, "intervention"))
              {
                IopExchangeIntervention *iv = iop_exchange_intervention_new ();

                iv->description = child_text_or_empty (i, "description");
                iv->responsible = child_text_or_empty (i, "responsible");
                iv->frequency = child_text_or_empty (i, "frequency");
                g_ptr_array_add (o->interventions, iv);
              }
        }
      else if (is_element (c, "progress"))
        {
          IopExchangeProgress *p = iop_exchange_progress_new ();

          g_ptr_array_add (g->progress, p);
          p->date = attr (c, "date");
          p->rating = attr_int (c, "rating");
          p->author = attr (c, "author");
          p->objective = attr (c, "objective");
          p->note = content (c);
          if (!check_date (c, p->date, error)
              || !check_staff (ctx, c, p->author, error)
              || !check_earlier_key (ctx, c, p->objective, error))
            return FALSE;
        }
    }
  return TRUE;
}

static gboolean
parse_plan (ParseContext     *ctx,
            xmlNode          *node,
            IopExchangePlan  *plan,
            GError          **error)
{
  plan->key = attr (node, "key");
  plan->version = attr_int (node, "version");
  plan->state = attr (node, "state");
  plan->created_at = attr (node, "created-at");
  plan->created_by = attr (node, "created-by");
  plan->effective_date = attr (node, "effective-date");
  plan->review_due = attr (node, "review-due");
  plan->signed_by = attr (node, "signed-by");
  plan->signed_at = attr (node, "signed-at");
  plan->participant_agreed = attr_bool (node, "participant-agreed");
  plan->supersedes = attr (node, "supersedes");
  plan->agreement_note = child_text_or_empty (node, "agreement-note");
  if (!check_date (node, plan->effective_date, error) || !check_date (node, plan->review_due, error)
      || !check_staff (ctx, node, plan->created_by, error) || !check_staff (ctx, node, plan->signed_by, error)
      || !check_earlier_key (ctx, node, plan->supersedes, error)
      || !define_key (ctx, node, plan->key, error))
    return FALSE;

  for (xmlNode *c = node->children; c != NULL; c = c->next)
    {
      if (is_element (c, "problem"))
        {
          IopExchangeProblem *pr = iop_exchange_problem_new ();

          g_ptr_array_add (plan->problems, pr);
          pr->key = attr (c, "key");
          pr->position = attr_int (c, "position");
          pr->asam_dimension = attr_int (c, "asam-dimension");
          pr->description = child_text_or_empty (c, "description");
          pr->life_area = child_text_or_empty (c, "life-area");
          if (!define_key (ctx, c, pr->key, error))
            return FALSE;
        }
      else if (is_element (c, "goal"))
        {
          IopExchangeGoal *g = iop_exchange_goal_new ();

          g_ptr_array_add (plan->goals, g);
          if (!parse_goal (ctx, c, g, error))
            return FALSE;
        }
    }
  return TRUE;
}

static gboolean
parse_measure (ParseContext        *ctx,
               xmlNode             *node,
               IopExchangeMeasure  *m,
               GError             **error)
{
  g_autofree char *total = attr (node, "total");

  m->instrument = attr (node, "instrument");
  m->date = attr (node, "date");
  m->complete = attr_bool (node, "complete");
  m->has_total = total != NULL;
  m->total = attr_int (node, "total");
  m->severity = attr (node, "severity");
  m->subscores = attr (node, "subscores");
  m->safety_flag = attr_bool (node, "safety-flag");
  m->safety_ack_by = attr (node, "safety-ack-by");
  m->safety_ack_at = attr (node, "safety-ack-at");
  m->entered_by = attr (node, "entered-by");
  if (!check_date (node, m->date, error) || !check_staff (ctx, node, m->safety_ack_by, error)
      || !check_staff (ctx, node, m->entered_by, error))
    return FALSE;

  for (xmlNode *c = node->children; c != NULL; c = c->next)
    if (is_element (c, "answer"))
      {
        IopExchangeAnswer a = { attr_int (c, "item"), attr_int (c, "value") };

        for (guint i = 0; i < m->answers->len; i++)
          if (g_array_index (m->answers, IopExchangeAnswer, i).item == a.item)
            {
              iop_xml_set_error (error, IOP_XML_ERROR_INVALID, c, _("item %d is answered twice"), a.item);
              return FALSE;
            }
        g_array_append_val (m->answers, a);
      }
  return TRUE;
}

static gboolean
parse_profile (ParseContext        *ctx,
               xmlNode             *node,
               IopExchangeProfile  *c,
               GError             **error)
{
  guint seen = 0;

  c->interpreter_needed = attr_bool (node, "interpreter-needed");
  c->interpreter_arranged = attr_bool (node, "interpreter-arranged");
  c->observance_weekdays = attr_int (node, "observance-weekdays");
  c->observance_start = attr (node, "observance-start");
  c->observance_end = attr (node, "observance-end");
  c->created_at = attr (node, "created-at");
  c->created_by = attr (node, "created-by");
  c->updated_at = attr (node, "updated-at");
  c->updated_by = attr (node, "updated-by");
  c->reviewed_on = attr (node, "reviewed-on");
  c->reviewed_by = attr (node, "reviewed-by");
  c->interpreter_details = child_text_or_empty (node, "interpreter-details");
  c->communication = child_text_or_empty (node, "communication");
  c->identity = child_text_or_empty (node, "identity");
  c->family_roles = child_text_or_empty (node, "family-roles");
  c->beliefs = child_text_or_empty (node, "beliefs");
  c->spirituality = child_text_or_empty (node, "spirituality");
  c->stigma_concerns = child_text_or_empty (node, "stigma-concerns");
  c->observances = child_text_or_empty (node, "observances");
  c->dietary_needs = child_text_or_empty (node, "dietary-needs");
  c->accessibility = child_text_or_empty (node, "accessibility");
  c->respected_in_group = child_text_or_empty (node, "respected-in-group");
  if (!check_staff (ctx, node, c->created_by, error) || !check_staff (ctx, node, c->updated_by, error)
      || !check_staff (ctx, node, c->reviewed_by, error) || !check_date (node, c->reviewed_on, error))
    return FALSE;
  if ((c->observance_start == NULL) != (c->observance_end == NULL))
    {
      iop_xml_set_error (error, IOP_XML_ERROR_INVALID, node, _("an observance time needs both a start and an end"));
      return FALSE;
    }
  if (c->interpreter_arranged && !c->interpreter_needed)
    {
      iop_xml_set_error (error, IOP_XML_ERROR_INVALID, node, _("an interpreter is arranged but not needed"));
      return FALSE;
    }

  for (xmlNode *n = node->children; n != NULL; n = n->next)
    if (is_element (n, "cfi-answer"))
      {
        IopExchangeCfiAnswer *a = iop_exchange_cfi_answer_new ();

        g_ptr_array_add (c->cfi, a);
        a->domain = attr_int (n, "domain");
        a->answer = content (n);
        a->recorded_on = attr (n, "recorded-on");
        a->recorded_by = attr (n, "recorded-by");
        if (!check_staff (ctx, n, a->recorded_by, error) || !check_date (n, a->recorded_on, error))
          return FALSE;
        if (seen & (1u << a->domain))
          {
            iop_xml_set_error (error, IOP_XML_ERROR_INVALID, n, _("the interview domain %d is answered twice"), a->domain);
            return FALSE;
          }
        seen |= 1u << a->domain;
      }
  return TRUE;
}

static gboolean
parse_participant (ParseContext            *ctx,
                   xmlNode                 *node,
                   IopExchangeParticipant  *p,
                   GError                 **error)
{
  xmlNode *id = NULL;
  g_autofree char *co = NULL;

  for (xmlNode *c = node->children; c != NULL && id == NULL; c = c->next)
    if (is_element (c, "identity"))
      id = c;
  g_assert (id != NULL);  /* the schema requires it */

  p->record_number = attr (node, "record-number");
  p->first_name = child_text_or_empty (id, "first-name");
  p->last_name = child_text_or_empty (id, "last-name");
  p->preferred_name = child_text_or_empty (id, "preferred-name");
  p->pronouns = child_text_or_empty (id, "pronouns");
  p->date_of_birth = child_text (id, "date-of-birth");
  p->primary_language = child_text_or_empty (id, "primary-language");
  p->level_of_care = child_text_or_empty (id, "level-of-care");
  p->admission_date = child_text_or_empty (id, "admission-date");
  p->discharge_date = child_text (id, "discharge-date");
  p->discharge_reason = child_text_or_empty (id, "discharge-reason");
  p->status = child_text_or_empty (id, "status");
  p->primary_counselor = child_text (id, "primary-counselor");
  p->diagnoses = child_text_or_empty (id, "diagnoses");
  co = child_text_or_empty (id, "co-occurring");
  p->co_occurring = g_str_equal (co, "true") || g_str_equal (co, "1");
  p->phone = child_text_or_empty (id, "phone");
  p->email = child_text_or_empty (id, "email");
  p->address = child_text_or_empty (id, "address");
  p->emergency_name = child_text_or_empty (id, "emergency-name");
  p->emergency_phone = child_text_or_empty (id, "emergency-phone");
  p->emergency_relationship = child_text_or_empty (id, "emergency-relationship");
  if (!check_date (id, p->date_of_birth, error) || !check_date (id, p->admission_date, error)
      || !check_date (id, p->discharge_date, error) || !check_staff (ctx, id, p->primary_counselor, error))
    return FALSE;
  if (p->discharge_date != NULL && strcmp (p->discharge_date, p->admission_date) < 0)
    {
      iop_xml_set_error (error, IOP_XML_ERROR_INVALID, id, _("the discharge date is before the admission date"));
      return FALSE;
    }

  g_hash_table_remove_all (ctx->keys);
  for (xmlNode *c = node->children; c != NULL; c = c->next)
    {
      if (is_element (c, "plan"))
        {
          IopExchangePlan *plan = iop_exchange_plan_new ();

          g_ptr_array_add (p->plans, plan);
          if (!parse_plan (ctx, c, plan, error))
            return FALSE;
          if (p->plans->len > 1
              && plan->version <= ((IopExchangePlan *) g_ptr_array_index (p->plans, p->plans->len - 2))->version)
            {
              iop_xml_set_error (error, IOP_XML_ERROR_INVALID, c, _("plan versions must be listed in increasing order"));
              return FALSE;
            }
        }
      else if (is_element (c, "measure"))
        {
          IopExchangeMeasure *m = iop_exchange_measure_new ();

          g_ptr_array_add (p->measures, m);
          if (!parse_measure (ctx, c, m, error))
            return FALSE;
        }
      else if (is_element (c, "cultural-profile"))
        {
          p->profile = iop_exchange_profile_new ();
          if (!parse_profile (ctx, c, p->profile, error))
            return FALSE;
        }
    }
  return TRUE;
}

/**
 * iop_native_parse:
 * @doc: a document that passed iop_xml_validate() against circle-plan-1.xsd
 * @error: return location for an #IOP_XML_ERROR
 *
 * Returns: (transfer full) (nullable): the records in the document
 */
IopExchange *
iop_native_parse (xmlDoc  *doc,
                  GError **error)
{
  g_autoptr(IopExchange) exchange = iop_exchange_new ();
  g_autoptr(GHashTable) staff = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  ParseContext ctx = { staff, keys };
  xmlNode *root = xmlDocGetRootElement (doc);

  if (root == NULL || !is_element (root, "circle-plans"))
    {
      iop_xml_set_error (error, IOP_XML_ERROR_WRONG_FORMAT, root,
                         _("this is not a Circle plan file (the root element must be circle-plans in %s)"),
                         IOP_NATIVE_NAMESPACE);
      return NULL;
    }

  for (xmlNode *c = root->children; c != NULL; c = c->next)
    {
      if (is_element (c, "staff"))
        {
          IopExchangeStaff *s = iop_exchange_staff_new ();

          s->username = attr (c, "username");
          s->full_name = attr (c, "full-name");
          s->role = attr (c, "role");
          s->credentials = attr (c, "credentials");
          g_ptr_array_add (exchange->staff, s);
          g_hash_table_add (staff, g_strdup (s->username));
        }
      else if (is_element (c, "participant"))
        {
          IopExchangeParticipant *p = iop_exchange_participant_new ();

          g_ptr_array_add (exchange->participants, p);
          if (!parse_participant (&ctx, c, p, error))
            return NULL;
        }
    }
  return g_steal_pointer (&exchange);
}
