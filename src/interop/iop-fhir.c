/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "iop-fhir"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "iop-date.h"
#include "iop-fhir.h"
#include "iop-xml-reader.h"

/*
 * HL7 FHIR R4 XML. Export: one Bundle (type "collection") per participant:
 *
 *   Patient        identifier = the record number (system urn:example:iop:record-number, type MR)
 *   Condition      one per problem (category problem-list-item)
 *   Goal           one per goal; its objectives are Goals too (category "objective" in
 *                  urn:example:iop:goal-level) linked from the goal with the standard
 *                  goal-relationship extension (type milestone)
 *   CarePlan       one per plan version: status/intent, addresses → Conditions, goal →
 *                  Goals, one activity per intervention (detail.goal → its objective)
 *   QuestionnaireResponse + Observation   one pair per measure; the Observation carries
 *                  the total, with LOINC 44261-6 (PHQ-9) or 70274-6 (GAD-7)
 *
 * Every export is validated against the official R4 schema before it is written.
 *
 * Import reads single resources or a Bundle. Patients are matched by record number
 * (iop_store_exchange_match()); CarePlans, Goals and Conditions become a new draft
 * plan; QuestionnaireResponses and Observations of known instruments become
 * measures; everything else is listed as skipped, with the reason.
 */

#define RECORD_SYSTEM  "urn:example:iop:record-number"
#define LEVEL_SYSTEM   "urn:example:iop:goal-level"
#define INSTRUMENT_URN "urn:example:iop:instrument:"
#define RELATIONSHIP   "http://hl7.org/fhir/StructureDefinition/goal-relationship"
#define EXT_LIFE_AREA  "urn:example:iop:fhir:life-area"
#define EXT_OWN_WORDS  "urn:example:iop:fhir:own-words"
#define EXT_ASAM       "urn:example:iop:fhir:asam-dimension"

typedef struct
{
  const char *instrument;
  const char *loinc;
  const char *display;
} Instrument;

static const Instrument instruments[] = {
  { "PHQ-9", "44261-6", "Patient Health Questionnaire 9 item (PHQ-9) total score [Reported]" },
  { "GAD-7", "70274-6", "Generalized anxiety disorder 7 item (GAD-7) total score [Reported.PHQ]" },
};

/**
 * iop_fhir_schema_path:
 *
 * Where the official FHIR R4 schema (fhir-single.xsd) is: under
 * $CIRCLE_SHARED_DIR/interop/fhir-r4/xsd, the installed data folder, or
 * beside the source tree.
 *
 * Returns: (transfer none) (nullable): the path, or %NULL when it is nowhere
 */
const char *
iop_fhir_schema_path (void)
{
  static gsize initialized;
  static char *found;

  if (g_once_init_enter (&initialized))
    {
      const char *env = g_getenv ("CIRCLE_SHARED_DIR");
      g_autofree char *from_env = env != NULL ? g_build_filename (env, "interop", "fhir-r4", "xsd", "fhir-single.xsd", NULL) : NULL;
      g_autofree char *installed = g_build_filename (PKGDATADIR, "fhir-r4", "fhir-single.xsd", NULL);
      /* Beside the repository, or beside the folder of worktrees. */
      g_autofree char *source = g_build_filename (SOURCE_DATADIR, "..", "..", "shared", "interop", "fhir-r4", "xsd", "fhir-single.xsd", NULL);
      g_autofree char *worktree = g_build_filename (SOURCE_DATADIR, "..", "..", "..", "shared", "interop", "fhir-r4", "xsd", "fhir-single.xsd", NULL);
      const char *candidates[] = { from_env, installed, source, worktree };

      for (guint i = 0; i < G_N_ELEMENTS (candidates) && found == NULL; i++)
        if (candidates[i] != NULL && g_file_test (candidates[i], G_FILE_TEST_IS_REGULAR))
          found = g_strdup (candidates[i]);
      g_once_init_leave (&initialized, 1);
    }
  return found;
}

/* Export */

static xmlNode *
el (xmlNode    *parent,
    const char *name)
{
  return xmlNewChild (parent, NULL, (const xmlChar *) name, NULL);
}

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

/* A FHIR primitive: <name value="…"/>. FHIR strings may not be empty. */
static xmlNode *
val (xmlNode    *parent,
     const char *name,
     const char *value)
{
  g_autofree char *safe = NULL;
  xmlNode *node;

  if (value == NULL || *value == '\0')
    return NULL;
  safe = xml_safe (value);
  node = el (parent, name);
  xmlNewProp (node, (const xmlChar *) "value", (const xmlChar *) safe);
  return node;
}

static void
val_int (xmlNode    *parent,
         const char *name,
         gint64      value)
{
  g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, value);

  val (parent, name, text);
}

static void
coding (xmlNode    *parent,
        const char *system,
        const char *code,
        const char *display)
{
  xmlNode *c = el (parent, "coding");

  val (c, "system", system);
  val (c, "code", code);
  val (c, "display", display);
}

static void
concept (xmlNode    *parent,
         const char *name,
         const char *system,
         const char *code,
         const char *text)
{
  xmlNode *cc = el (parent, name);

  if (code != NULL)
    coding (cc, system, code, NULL);
  val (cc, "text", text);
}

static void
reference (xmlNode    *parent,
           const char *name,
           const char *target,
           const char *display)
{
  xmlNode *r = el (parent, name);

  val (r, "reference", target);
  val (r, "display", display);
}

/* Stable ids: the same record always gets the same uuid, so exports compare. */
static char *
stable_uuid (const char *record_number,
             const char *what)
{
  g_autofree char *seed = g_strdup_printf ("circle\x1f%s\x1f%s", record_number, what);
  g_autofree char *hex = g_compute_checksum_for_string (G_CHECKSUM_SHA1, seed, -1);

  /* RFC 4122 layout, version 5 (name-based), variant 10. */
  return g_strdup_printf ("%.8s-%.4s-5%.3s-%c%.3s-%.12s", hex, hex + 8, hex + 13,
                          "89ab"[g_ascii_xdigit_value (hex[16]) & 3], hex + 17, hex + 20);
}

static char *
urn (const char *record_number,
     const char *what)
{
  g_autofree char *uuid = stable_uuid (record_number, what);

  return g_strconcat ("urn:uuid:", uuid, NULL);
}

static xmlNode *
entry (xmlNode    *bundle,
       const char *record_number,
       const char *what,
       const char *type)
{
  g_autofree char *full = urn (record_number, what);
  g_autofree char *id = stable_uuid (record_number, what);
  xmlNode *e = el (bundle, "entry");
  xmlNode *r;

  val (e, "fullUrl", full);
  r = el (el (e, "resource"), type);
  val (r, "id", id);
  return r;
}

/* FHIR dateTime needs a time zone whenever it has a time; keep the date otherwise. */
static char *
fhir_datetime (const char *stamp)
{
  if (stamp == NULL || strlen (stamp) < 10)
    return NULL;
  if (g_regex_match_simple ("^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})$",
                            stamp, 0, 0))
    return g_strdup (stamp);
  return g_strndup (stamp, 10);
}

static void
goal_status (xmlNode    *goal,
             const char *status)
{
  const char *lifecycle = "active";
  const char *achievement = "in-progress";

  if (g_strcmp0 (status, "met") == 0)
    lifecycle = "completed", achievement = "achieved";
  else if (g_strcmp0 (status, "partially-met") == 0)
    lifecycle = "completed", achievement = "improving";
  else if (g_strcmp0 (status, "not-met") == 0)
    lifecycle = "completed", achievement = "not-achieved";
  else if (g_strcmp0 (status, "discontinued") == 0)
    lifecycle = "cancelled", achievement = NULL;

  val (goal, "lifecycleStatus", lifecycle);
  if (achievement != NULL)
    concept (goal, "achievementStatus", "http://terminology.hl7.org/CodeSystem/goal-achievement", achievement, NULL);
}

static void
extension_string (xmlNode    *parent,
                  const char *url,
                  const char *value)
{
  xmlNode *ext;

  if (value == NULL || *value == '\0')
    return;
  ext = el (parent, "extension");
  xmlNewProp (ext, (const xmlChar *) "url", (const xmlChar *) url);
  val (ext, "valueString", value);
}

static void
build_plan (xmlNode                *bundle,
            IopExchangeParticipant *p,
            IopExchangePlan        *plan,
            const char             *patient)
{
  const char *rn = p->record_number;
  xmlNode *cp;
  g_autofree char *title = NULL;
  g_autofree char *created = NULL;

  for (guint i = 0; i < plan->problems->len; i++)
    {
      IopExchangeProblem *pr = g_ptr_array_index (plan->problems, i);
      xmlNode *c = entry (bundle, rn, pr->key, "Condition");
      xmlNode *cat;

      extension_string (c, EXT_LIFE_AREA, pr->life_area);
      if (pr->asam_dimension > 0)
        {
          xmlNode *ext = el (c, "extension");

          xmlNewProp (ext, (const xmlChar *) "url", (const xmlChar *) EXT_ASAM);
          val_int (ext, "valueInteger", pr->asam_dimension);
        }
      concept (c, "clinicalStatus", "http://terminology.hl7.org/CodeSystem/condition-clinical",
               g_strcmp0 (plan->state, "superseded") == 0 ? "inactive" : "active", NULL);
      cat = el (c, "category");
      coding (cat, "http://terminology.hl7.org/CodeSystem/condition-category", "problem-list-item", NULL);
      concept (c, "code", NULL, NULL, pr->description);
      reference (c, "subject", patient, NULL);
    }

  for (guint i = 0; i < plan->goals->len; i++)
    {
      IopExchangeGoal *g = g_ptr_array_index (plan->goals, i);
      xmlNode *gn = entry (bundle, rn, g->key, "Goal");

      for (guint j = 0; j < g->objectives->len; j++)
        {
          IopExchangeObjective *o = g_ptr_array_index (g->objectives, j);
          g_autofree char *target = urn (rn, o->key);
          xmlNode *ext = el (gn, "extension");
          xmlNode *type, *tgt;

          xmlNewProp (ext, (const xmlChar *) "url", (const xmlChar *) RELATIONSHIP);
          type = el (ext, "extension");
          xmlNewProp (type, (const xmlChar *) "url", (const xmlChar *) "type");
          concept (type, "valueCodeableConcept", "http://hl7.org/fhir/goal-relationship-type", "milestone", NULL);
          tgt = el (ext, "extension");
          xmlNewProp (tgt, (const xmlChar *) "url", (const xmlChar *) "target");
          reference (tgt, "valueReference", target, NULL);
        }
      extension_string (gn, EXT_OWN_WORDS, g->own_words);
      goal_status (gn, g->status);
      concept (gn, "description", NULL, NULL, g->statement);
      reference (gn, "subject", patient, NULL);
      if (g->target_date != NULL)
        val (el (gn, "target"), "dueDate", g->target_date);
      if (g->problem != NULL)
        {
          g_autofree char *cond = urn (rn, g->problem);

          reference (gn, "addresses", cond, NULL);
        }

      for (guint j = 0; j < g->objectives->len; j++)
        {
          IopExchangeObjective *o = g_ptr_array_index (g->objectives, j);
          xmlNode *on = entry (bundle, rn, o->key, "Goal");

          goal_status (on, o->status);
          concept (on, "category", LEVEL_SYSTEM, "objective", NULL);
          concept (on, "description", NULL, NULL, o->statement);
          reference (on, "subject", patient, NULL);
          if (o->target_date != NULL)
            val (el (on, "target"), "dueDate", o->target_date);
        }
    }

  cp = entry (bundle, rn, plan->key, "CarePlan");
  val (cp, "status", g_strcmp0 (plan->state, "active") == 0 ? "active"
                     : g_strcmp0 (plan->state, "draft") == 0 ? "draft" : "completed");
  val (cp, "intent", "plan");
  title = g_strdup_printf (_("Treatment plan, version %d"), plan->version);
  val (cp, "title", title);
  reference (cp, "subject", patient, NULL);
  if (plan->effective_date != NULL || plan->review_due != NULL)
    {
      xmlNode *period = el (cp, "period");

      val (period, "start", plan->effective_date);
      val (period, "end", plan->review_due);
    }
  created = fhir_datetime (plan->created_at);
  val (cp, "created", created);
  for (guint i = 0; i < plan->problems->len; i++)
    {
      g_autofree char *cond = urn (rn, ((IopExchangeProblem *) g_ptr_array_index (plan->problems, i))->key);

      reference (cp, "addresses", cond, NULL);
    }
  for (guint i = 0; i < plan->goals->len; i++)
    {
      g_autofree char *goal = urn (rn, ((IopExchangeGoal *) g_ptr_array_index (plan->goals, i))->key);

      reference (cp, "goal", goal, NULL);
    }
  for (guint i = 0; i < plan->goals->len; i++)
    {
      IopExchangeGoal *g = g_ptr_array_index (plan->goals, i);

      for (guint j = 0; j < g->objectives->len; j++)
        {
          IopExchangeObjective *o = g_ptr_array_index (g->objectives, j);
          g_autofree char *objective = urn (rn, o->key);

          for (guint k = 0; k < o->interventions->len; k++)
            {
              IopExchangeIntervention *iv = g_ptr_array_index (o->interventions, k);
              xmlNode *detail = el (el (cp, "activity"), "detail");

              reference (detail, "goal", objective, NULL);
              val (detail, "status", g_strcmp0 (plan->state, "superseded") == 0 ? "completed"
                                     : g_strcmp0 (plan->state, "active") == 0 ? "in-progress" : "not-started");
              val (detail, "scheduledString", iv->frequency);
              if (iv->responsible != NULL && *iv->responsible != '\0')
                reference (detail, "performer", NULL, iv->responsible);
              val (detail, "description", iv->description);
            }
        }
    }
}

static void
build_measure (xmlNode                *bundle,
               IopExchangeParticipant *p,
               IopExchangeMeasure     *m,
               guint                   index,
               const char             *patient)
{
  const char *rn = p->record_number;
  g_autofree char *what = g_strdup_printf ("measure-%u", index);
  g_autofree char *obs_what = g_strdup_printf ("measure-%u-total", index);
  g_autofree char *qr_urn = urn (rn, what);
  g_autofree char *questionnaire = g_strconcat (INSTRUMENT_URN, m->instrument, NULL);
  const Instrument *known = NULL;
  xmlNode *qr;

  for (guint i = 0; i < G_N_ELEMENTS (instruments); i++)
    if (g_strcmp0 (instruments[i].instrument, m->instrument) == 0)
      known = &instruments[i];

  qr = entry (bundle, rn, what, "QuestionnaireResponse");
  val (qr, "questionnaire", questionnaire);
  val (qr, "status", m->complete ? "completed" : "in-progress");
  reference (qr, "subject", patient, NULL);
  val (qr, "authored", m->date);
  for (guint i = 0; i < m->answers->len; i++)
    {
      IopExchangeAnswer *a = &g_array_index (m->answers, IopExchangeAnswer, i);
      g_autofree char *link = g_strdup_printf ("%d", a->item);
      xmlNode *item = el (qr, "item");

      val (item, "linkId", link);
      val_int (el (item, "answer"), "valueInteger", a->value);
    }

  if (m->has_total)
    {
      xmlNode *obs = entry (bundle, rn, obs_what, "Observation");
      xmlNode *code;

      val (obs, "status", "final");
      concept (obs, "category", "http://terminology.hl7.org/CodeSystem/observation-category", "survey", NULL);
      code = el (obs, "code");
      if (known != NULL)
        coding (code, "http://loinc.org", known->loinc, known->display);
      val (code, "text", m->instrument);
      reference (obs, "subject", patient, NULL);
      val (obs, "effectiveDateTime", m->date);
      val_int (obs, "valueInteger", m->total);
      if (m->severity != NULL && *m->severity != '\0')
        {
          xmlNode *interp = el (obs, "interpretation");

          val (interp, "text", m->severity);
        }
      reference (obs, "derivedFrom", qr_urn, NULL);
    }
}

/* The participant's Patient and everything that refers to it, as entries of @bundle. */
static void
add_participant (xmlNode                *bundle,
                 IopExchangeParticipant *p)
{
  g_autofree char *patient = urn (p->record_number, "patient");
  xmlNode *pt, *id, *name;

  pt = entry (bundle, p->record_number, "patient", "Patient");
  id = el (pt, "identifier");
  val (id, "use", "usual");
  concept (id, "type", "http://terminology.hl7.org/CodeSystem/v2-0203", "MR", NULL);
  val (id, "system", RECORD_SYSTEM);
  val (id, "value", p->record_number);
  val (pt, "active", g_strcmp0 (p->status, "discharged") == 0 ? "false" : "true");
  name = el (pt, "name");
  val (name, "use", "official");
  val (name, "family", p->last_name);
  val (name, "given", p->first_name);
  if (p->preferred_name != NULL && *p->preferred_name != '\0')
    {
      name = el (pt, "name");
      val (name, "use", "usual");
      val (name, "given", p->preferred_name);
    }
  if (p->phone != NULL && *p->phone != '\0')
    {
      xmlNode *t = el (pt, "telecom");
      val (t, "system", "phone");
      val (t, "value", p->phone);
    }
  if (p->email != NULL && *p->email != '\0')
    {
      xmlNode *t = el (pt, "telecom");
      val (t, "system", "email");
      val (t, "value", p->email);
    }
  val (pt, "birthDate", p->date_of_birth);
  if (p->primary_language != NULL && *p->primary_language != '\0')
    concept (el (pt, "communication"), "language", NULL, NULL, p->primary_language);

  for (guint i = 0; i < p->plans->len; i++)
    build_plan (bundle, p, g_ptr_array_index (p->plans, i), patient);
  for (guint i = 0; i < p->measures->len; i++)
    build_measure (bundle, p, g_ptr_array_index (p->measures, i), i + 1, patient);
}

static xmlDoc *
build_bundle (IopExchange             *exchange,
              IopExchangeParticipant  *only,
              GError                 **error)
{
  g_autoptr(xmlDoc) doc = xmlNewDoc ((const xmlChar *) "1.0");
  xmlNode *bundle = xmlNewNode (NULL, (const xmlChar *) "Bundle");
  xmlNs *ns = xmlNewNs (bundle, (const xmlChar *) IOP_FHIR_NAMESPACE, NULL);
  g_autofree char *bundle_id = NULL;
  const char *xsd = iop_fhir_schema_path ();

  if (xsd == NULL)
    {
      g_set_error (error, IOP_XML_ERROR, IOP_XML_ERROR_FAILED,
                   _("The HL7 FHIR R4 schema (fhir-single.xsd) is not installed, so the export cannot be checked; nothing was written"));
      return NULL;
    }

  if (only != NULL)
    bundle_id = stable_uuid (only->record_number, "bundle");
  else
    {
      /* The same selection always gets the same id, like a single record's bundle. */
      g_autoptr(GString) seed = g_string_new (NULL);

      for (guint i = 0; i < exchange->participants->len; i++)
        {
          IopExchangeParticipant *p = g_ptr_array_index (exchange->participants, i);
          g_string_append_printf (seed, "%s\x1e", p->record_number);
        }
      bundle_id = stable_uuid (seed->str, "collection");
    }

  xmlSetNs (bundle, ns);
  xmlDocSetRootElement (doc, bundle);
  doc->URL = xmlStrdup ((const xmlChar *) _("the exported FHIR bundle"));
  val (bundle, "id", bundle_id);
  val (bundle, "type", "collection");

  if (only != NULL)
    add_participant (bundle, only);
  else
    for (guint i = 0; i < exchange->participants->len; i++)
      add_participant (bundle, g_ptr_array_index (exchange->participants, i));

  if (!iop_xml_validate (doc, xsd, error))
    return NULL;
  return g_steal_pointer (&doc);
}

/**
 * iop_fhir_build:
 * @p: one participant's records
 * @error: return location for a #GError
 *
 * Builds the participant's FHIR R4 Bundle and validates it against the
 * official schema; refuses when the schema cannot be found.
 *
 * Returns: (transfer full) (nullable): a valid document
 */
xmlDoc *
iop_fhir_build (IopExchangeParticipant  *p,
                GError                 **error)
{
  return build_bundle (NULL, p, error);
}

/**
 * iop_fhir_build_collection:
 * @exchange: the records of one or more participants
 * @error: return location for a #GError
 *
 * Builds one Bundle of type collection holding every participant's Patient,
 * Conditions, Goals, CarePlans, QuestionnaireResponses and Observations, and
 * validates it against the official schema. Every entry's fullUrl is derived
 * from its participant's record number, so they are unique in the Bundle
 * (FHIR's bdl-7), and each resource's subject names its own Patient.
 *
 * Returns: (transfer full) (nullable): a valid document
 */
xmlDoc *
iop_fhir_build_collection (IopExchange  *exchange,
                           GError      **error)
{
  return build_bundle (exchange, NULL, error);
}

/**
 * iop_fhir_write_file:
 * @exchange: records of one or more participants
 * @path: where to write
 * @error: return location for a #GError
 *
 * Writes one participant's Bundle, or for several one Bundle of type
 * collection (iop_fhir_build_collection()), validated, through a temporary
 * file renamed over @path only when complete.
 */
gboolean
iop_fhir_write_file (IopExchange  *exchange,
                     const char   *path,
                     GError      **error)
{
  g_autoptr(xmlDoc) doc = NULL;
  xmlChar *mem = NULL;
  int size = 0;
  gboolean ok;

  if (exchange->participants->len == 0)
    {
      g_set_error (error, IOP_XML_ERROR, IOP_XML_ERROR_FAILED,
                   _("A FHIR export needs at least one participant; nothing was written"));
      return FALSE;
    }
  if (exchange->participants->len == 1)
    doc = iop_fhir_build (g_ptr_array_index (exchange->participants, 0), error);
  else
    doc = iop_fhir_build_collection (exchange, error);
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

/* Import */

typedef struct
{
  IopExchange *exchange;
  GHashTable  *index;       /* reference ("urn:uuid:…", "Patient/x", full URL) → resource node */
  GHashTable  *people;      /* Patient node → IopExchangeParticipant */
  GHashTable  *used;        /* resource nodes already taken into a plan */
  GPtrArray   *resources;   /* every top-level resource, in document order */
} ImportContext;

static gboolean
is_fhir (xmlNode    *node,
         const char *name)
{
  return node != NULL && node->type == XML_ELEMENT_NODE && node->ns != NULL
         && xmlStrEqual (node->ns->href, (const xmlChar *) IOP_FHIR_NAMESPACE)
         && (name == NULL || xmlStrEqual (node->name, (const xmlChar *) name));
}

static xmlNode *
child (xmlNode    *node,
       const char *name)
{
  if (node == NULL)
    return NULL;
  for (xmlNode *c = node->children; c != NULL; c = c->next)
    if (is_fhir (c, name))
      return c;
  return NULL;
}

static xmlNode *
next_sibling (xmlNode    *node,
              const char *name)
{
  for (xmlNode *c = node->next; c != NULL; c = c->next)
    if (is_fhir (c, name))
      return c;
  return NULL;
}

#define FOREACH_CHILD(var, parent, name) \
  for (xmlNode *var = child ((parent), (name)); var != NULL; var = next_sibling (var, (name)))

/* The value attribute of a primitive, or NULL. */
static char *
value_of (xmlNode *node)
{
  xmlChar *v;
  char *copy;

  if (node == NULL)
    return NULL;
  v = xmlGetNoNsProp (node, (const xmlChar *) "value");
  if (v == NULL)
    return NULL;
  copy = g_strstrip (g_strdup ((const char *) v));
  xmlFree (v);
  if (*copy == '\0')
    g_clear_pointer (&copy, g_free);
  return copy;
}

static char *
child_value (xmlNode    *node,
             const char *name)
{
  return value_of (child (node, name));
}

static char *
concept_text (xmlNode *cc)
{
  char *text;

  if (cc == NULL)
    return NULL;
  text = child_value (cc, "text");
  if (text != NULL)
    return text;
  FOREACH_CHILD (c, cc, "coding")
    {
      text = child_value (c, "display");
      if (text == NULL)
        text = child_value (c, "code");
      if (text != NULL)
        return text;
    }
  return NULL;
}

static gboolean
concept_has (xmlNode    *cc,
             const char *system,
             const char *code)
{
  FOREACH_CHILD (c, cc, "coding")
    {
      g_autofree char *s = child_value (c, "system");
      g_autofree char *k = child_value (c, "code");

      if (g_strcmp0 (k, code) == 0 && (system == NULL || g_strcmp0 (s, system) == 0))
        return TRUE;
    }
  return FALSE;
}

static char *
concept_code (xmlNode    *cc,
              const char *system)
{
  FOREACH_CHILD (c, cc, "coding")
    {
      g_autofree char *s = child_value (c, "system");

      if (g_strcmp0 (s, system) == 0)
        return child_value (c, "code");
    }
  return NULL;
}

static const char *
resource_type (xmlNode *resource)
{
  return (const char *) resource->name;
}

static char *
describe (xmlNode *resource)
{
  g_autofree char *id = child_value (resource, "id");

  if (id != NULL)
    return g_strdup_printf ("%s/%s (line %ld)", resource_type (resource), id, xmlGetLineNo (resource));
  return g_strdup_printf ("%s (line %ld)", resource_type (resource), xmlGetLineNo (resource));
}

static void
skip (ImportContext *ctx,
      xmlNode       *resource,
      const char    *reason)
{
  g_autofree char *what = describe (resource);

  /* TRANSLATORS: first %s is a FHIR resource, e.g. "Goal/example (line 3)"; second is why */
  iop_exchange_add_message (ctx->exchange, _("Skipped %s: %s"), what, reason);
}

/* Resolve a Reference element against the file: contained (#id), fullUrl or Type/id. */
static xmlNode *
resolve (ImportContext *ctx,
         xmlNode       *owner,
         xmlNode       *ref)
{
  g_autofree char *target = child_value (ref, "reference");
  xmlNode *found;

  if (target == NULL)
    return NULL;
  if (target[0] == '#')
    {
      FOREACH_CHILD (contained, owner, "contained")
        for (xmlNode *r = contained->children; r != NULL; r = r->next)
          if (is_fhir (r, NULL))
            {
              g_autofree char *id = child_value (r, "id");

              if (g_strcmp0 (id, target + 1) == 0)
                return r;
            }
      return NULL;
    }
  found = g_hash_table_lookup (ctx->index, target);
  if (found != NULL)
    return found;
  /* An absolute URL whose tail is Type/id. */
  {
    g_auto(GStrv) parts = g_strsplit (target, "/", -1);
    guint n = g_strv_length (parts);

    if (n >= 2)
      {
        g_autofree char *tail = g_strdup_printf ("%s/%s", parts[n - 2], parts[n - 1]);

        return g_hash_table_lookup (ctx->index, tail);
      }
  }
  return NULL;
}

static IopExchangeParticipant *
subject_of (ImportContext *ctx,
            xmlNode       *resource)
{
  xmlNode *ref = child (resource, "subject");
  xmlNode *patient;

  if (ref == NULL)
    ref = child (resource, "patient");
  patient = ref != NULL ? resolve (ctx, resource, ref) : NULL;
  if (patient == NULL || !is_fhir (patient, "Patient"))
    return NULL;
  return g_hash_table_lookup (ctx->people, patient);
}

static void
index_resource (ImportContext *ctx,
                xmlNode       *resource,
                const char    *full_url)
{
  g_autofree char *id = child_value (resource, "id");

  g_ptr_array_add (ctx->resources, resource);
  if (full_url != NULL)
    g_hash_table_insert (ctx->index, g_strdup (full_url), resource);
  if (id != NULL)
    g_hash_table_insert (ctx->index, g_strdup_printf ("%s/%s", resource_type (resource), id), resource);
}

static gboolean
map_patient (ImportContext  *ctx,
             xmlNode        *resource)
{
  g_autoptr(GPtrArray) identifiers = g_ptr_array_new_with_free_func (g_free);
  IopExchangeParticipant *p;
  g_autofree char *record = NULL;
  g_autofree char *family = NULL;
  g_autofree char *given = NULL;
  g_autofree char *preferred = NULL;
  g_autofree char *birth = NULL;
  xmlNode *official = NULL;
  int best = -1;

  /* The record number: our own system first, then a medical record number, then
   * the only identifier there is. Every other identifier must not lead elsewhere. */
  FOREACH_CHILD (ident, resource, "identifier")
    {
      g_autofree char *system = child_value (ident, "system");
      char *value = child_value (ident, "value");
      int rank = 0;

      if (value == NULL)
        continue;
      if (g_strcmp0 (system, RECORD_SYSTEM) == 0)
        rank = 3;
      else if (concept_has (child (ident, "type"), "http://terminology.hl7.org/CodeSystem/v2-0203", "MR"))
        rank = 2;
      else
        rank = 1;
      if (rank > best)
        {
          if (record != NULL)
            g_ptr_array_add (identifiers, g_steal_pointer (&record));
          record = value;
          best = rank;
        }
      else
        g_ptr_array_add (identifiers, value);
    }

  FOREACH_CHILD (name, resource, "name")
    {
      g_autofree char *use = child_value (name, "use");

      if (official == NULL && (use == NULL || g_str_equal (use, "official")))
        official = name;
      else if (preferred == NULL && g_strcmp0 (use, "usual") == 0)
        preferred = child_value (name, "given");
    }
  if (official == NULL)
    official = child (resource, "name");
  family = child_value (official, "family");
  given = child_value (official, "given");
  birth = child_value (resource, "birthDate");

  if (record == NULL)
    {
      skip (ctx, resource, _("it has no identifier, and Circle matches people only by record number"));
      return FALSE;
    }
  if (family == NULL || given == NULL)
    {
      skip (ctx, resource, _("it has no given and family name, which Circle needs to add a participant"));
      return FALSE;
    }

  p = iop_exchange_participant_new ();
  p->record_number = g_steal_pointer (&record);
  g_ptr_array_extend_and_steal (p->other_identifiers, g_steal_pointer (&identifiers));
  p->first_name = g_steal_pointer (&given);
  p->last_name = g_steal_pointer (&family);
  p->preferred_name = g_strdup (preferred != NULL && g_strcmp0 (preferred, p->first_name) != 0 ? preferred : "");
  p->pronouns = g_strdup ("");
  if (birth != NULL && iop_date_is_valid (birth))
    p->date_of_birth = g_steal_pointer (&birth);
  else if (birth != NULL)
    iop_exchange_add_message (ctx->exchange, _("%s: the birth date “%s” is not a full date and was left out"),
                              p->record_number, birth);
  p->primary_language = concept_text (child (child (resource, "communication"), "language"));
  if (p->primary_language == NULL)
    p->primary_language = g_strdup ("");
  /* FHIR has no level of care or admission: defaults a counselor corrects (said when the person is new). */
  p->level_of_care = g_strdup ("adult-iop");
  p->admission_date = iop_date_today ();
  p->identity_defaulted = TRUE;
  p->discharge_reason = g_strdup ("");
  p->status = g_strdup ("active");
  p->diagnoses = g_strdup ("");
  p->phone = g_strdup ("");
  p->email = g_strdup ("");
  FOREACH_CHILD (t, resource, "telecom")
    {
      g_autofree char *system = child_value (t, "system");
      g_autofree char *value = child_value (t, "value");

      if (value == NULL)
        continue;
      if (g_strcmp0 (system, "phone") == 0 && *p->phone == '\0')
        g_free (p->phone), p->phone = g_steal_pointer (&value);
      else if (g_strcmp0 (system, "email") == 0 && *p->email == '\0')
        g_free (p->email), p->email = g_steal_pointer (&value);
    }
  p->address = g_strdup ("");
  p->emergency_name = g_strdup ("");
  p->emergency_phone = g_strdup ("");
  p->emergency_relationship = g_strdup ("");

  g_ptr_array_add (ctx->exchange->participants, p);
  g_hash_table_insert (ctx->people, resource, p);
  return TRUE;
}

static char *
goal_status_from (xmlNode *goal)
{
  g_autofree char *lifecycle = child_value (goal, "lifecycleStatus");
  g_autofree char *achievement = concept_code (child (goal, "achievementStatus"),
                                               "http://terminology.hl7.org/CodeSystem/goal-achievement");

  if (g_strcmp0 (lifecycle, "cancelled") == 0 || g_strcmp0 (lifecycle, "rejected") == 0
      || g_strcmp0 (lifecycle, "entered-in-error") == 0)
    return g_strdup ("discontinued");
  if (g_strcmp0 (achievement, "achieved") == 0)
    return g_strdup ("met");
  if (g_strcmp0 (lifecycle, "completed") == 0)
    {
      if (g_strcmp0 (achievement, "improving") == 0 || g_strcmp0 (achievement, "sustaining") == 0
          || g_strcmp0 (achievement, "in-progress") == 0)
        return g_strdup ("partially-met");
      return g_strdup ("not-met");
    }
  return g_strdup ("active");
}

static char *
extension_value (xmlNode    *resource,
                 const char *url,
                 const char *value_name)
{
  FOREACH_CHILD (ext, resource, "extension")
    {
      xmlChar *u = xmlGetNoNsProp (ext, (const xmlChar *) "url");
      gboolean match = u != NULL && xmlStrEqual (u, (const xmlChar *) url);

      xmlFree (u);
      if (match)
        return child_value (ext, value_name);
    }
  return NULL;
}

static char *
due_date (xmlNode *goal)
{
  FOREACH_CHILD (target, goal, "target")
    {
      char *due = child_value (target, "dueDate");

      if (due != NULL && iop_date_is_valid (due))
        return due;
      g_free (due);
    }
  return NULL;
}

typedef struct
{
  ImportContext   *ctx;
  IopExchangePlan *plan;
  GHashTable      *problems;    /* Condition node → problem key */
  GHashTable      *goals;       /* Goal node → IopExchangeGoal */
  GHashTable      *objectives;  /* Goal node → IopExchangeObjective */
} PlanBuilder;

static const char *
add_problem (PlanBuilder *b,
             xmlNode     *condition)
{
  IopExchangeProblem *pr;
  g_autofree char *asam = NULL;
  char *text;

  if (g_hash_table_contains (b->problems, condition))
    return g_hash_table_lookup (b->problems, condition);
  text = concept_text (child (condition, "code"));
  if (text == NULL)
    {
      skip (b->ctx, condition, _("it has no code or text saying what the problem is"));
      g_hash_table_insert (b->problems, condition, NULL);
      return NULL;
    }
  pr = iop_exchange_problem_new ();
  pr->position = b->plan->problems->len + 1;
  pr->key = g_strdup_printf ("%s-pr%d", b->plan->key, pr->position);
  pr->description = text;
  pr->life_area = extension_value (condition, EXT_LIFE_AREA, "valueString");
  if (pr->life_area == NULL)
    pr->life_area = g_strdup ("");
  asam = extension_value (condition, EXT_ASAM, "valueInteger");
  if (asam != NULL)
    pr->asam_dimension = CLAMP ((int) g_ascii_strtoll (asam, NULL, 10), 0, 6);
  g_ptr_array_add (b->plan->problems, pr);
  g_hash_table_insert (b->problems, condition, pr->key);
  g_hash_table_add (b->ctx->used, condition);
  return pr->key;
}

static IopExchangeObjective *
add_objective (PlanBuilder     *b,
               IopExchangeGoal *g,
               xmlNode         *node,
               const char      *statement)
{
  IopExchangeObjective *o = iop_exchange_objective_new ();

  o->position = g->objectives->len + 1;
  o->key = g_strdup_printf ("%s-o%d", g->key, o->position);
  o->statement = g_strdup (statement);
  o->status = node != NULL ? goal_status_from (node) : g_strdup (g->status);
  o->target_date = node != NULL ? due_date (node) : NULL;
  g_ptr_array_add (g->objectives, o);
  if (node != NULL)
    {
      g_hash_table_insert (b->objectives, node, o);
      g_hash_table_add (b->ctx->used, node);
    }
  return o;
}

static IopExchangeGoal *
add_goal (PlanBuilder *b,
          xmlNode     *owner,
          xmlNode     *goal)
{
  IopExchangeGoal *g;
  char *text;

  if (g_hash_table_contains (b->goals, goal))
    return g_hash_table_lookup (b->goals, goal);
  text = concept_text (child (goal, "description"));
  if (text == NULL)
    {
      skip (b->ctx, goal, _("it has no description"));
      g_hash_table_insert (b->goals, goal, NULL);
      return NULL;
    }
  g = iop_exchange_goal_new ();
  g->position = b->plan->goals->len + 1;
  g->key = g_strdup_printf ("%s-g%d", b->plan->key, g->position);
  g->statement = text;
  g->own_words = extension_value (goal, EXT_OWN_WORDS, "valueString");
  if (g->own_words == NULL)
    g->own_words = g_strdup ("");
  g->status = goal_status_from (goal);
  g->target_date = due_date (goal);
  g_ptr_array_add (b->plan->goals, g);
  g_hash_table_insert (b->goals, goal, g);
  g_hash_table_add (b->ctx->used, goal);

  FOREACH_CHILD (addresses, goal, "addresses")
    {
      xmlNode *condition = resolve (b->ctx, goal, addresses);

      if (condition != NULL && is_fhir (condition, "Condition") && g->problem == NULL)
        g->problem = g_strdup (add_problem (b, condition));
    }

  /* Objectives: the milestones this goal names (goal-relationship extension). */
  FOREACH_CHILD (ext, goal, "extension")
    {
      xmlChar *url = xmlGetNoNsProp (ext, (const xmlChar *) "url");
      gboolean relationship = url != NULL && xmlStrEqual (url, (const xmlChar *) RELATIONSHIP);
      gboolean milestone = FALSE;
      xmlNode *target = NULL;

      xmlFree (url);
      if (!relationship)
        continue;
      FOREACH_CHILD (part, ext, "extension")
        {
          xmlChar *u = xmlGetNoNsProp (part, (const xmlChar *) "url");

          if (u != NULL && xmlStrEqual (u, (const xmlChar *) "type"))
            milestone = concept_has (child (part, "valueCodeableConcept"), NULL, "milestone");
          else if (u != NULL && xmlStrEqual (u, (const xmlChar *) "target"))
            target = resolve (b->ctx, goal, child (part, "valueReference"));
          xmlFree (u);
        }
      if (milestone && target != NULL && is_fhir (target, "Goal") && !g_hash_table_contains (b->objectives, target))
        {
          g_autofree char *statement = concept_text (child (target, "description"));

          if (statement != NULL)
            add_objective (b, g, target, statement);
          else
            skip (b->ctx, target, _("it has no description"));
        }
    }
  return g;
}

static void
add_activity (PlanBuilder *b,
              xmlNode     *careplan,
              xmlNode     *activity)
{
  xmlNode *detail = child (activity, "detail");
  IopExchangeObjective *objective = NULL;
  IopExchangeIntervention *iv;
  g_autofree char *description = NULL;
  g_autofree char *plan_name = describe (careplan);
  g_autofree char *where = g_strdup_printf (_("an activity of %s"), plan_name);
  xmlNode *performer;

  description = child_value (detail, "description");
  if (description == NULL)
    description = concept_text (child (detail, "code"));
  if (description == NULL)
    {
      iop_exchange_add_message (b->ctx->exchange, _("Skipped %s: it has no description"), where);
      return;
    }

  FOREACH_CHILD (ref, detail, "goal")
    {
      xmlNode *goal = resolve (b->ctx, careplan, ref);

      if (goal == NULL)
        continue;
      objective = g_hash_table_lookup (b->objectives, goal);
      if (objective == NULL && g_hash_table_lookup (b->goals, goal) != NULL)
        {
          IopExchangeGoal *g = g_hash_table_lookup (b->goals, goal);

          /* Circle keeps interventions under objectives: one with the goal's own
           * wording holds those attached to the goal itself. */
          if (g->objectives->len == 0)
            {
              add_objective (b, g, NULL, g->statement);
              iop_exchange_add_message (b->ctx->exchange,
                                        _("An objective worded like the goal “%s” was added to hold its activities"),
                                        g->statement);
            }
          objective = g_ptr_array_index (g->objectives, 0);
        }
      if (objective != NULL)
        break;
    }
  if (objective == NULL)
    {
      iop_exchange_add_message (b->ctx->exchange,
                                _("Skipped %s (“%s”): it is not linked to a goal in the file, and Circle keeps interventions under goals"),
                                where, description);
      return;
    }

  iv = iop_exchange_intervention_new ();
  iv->description = g_steal_pointer (&description);
  performer = child (detail, "performer");
  iv->responsible = performer != NULL ? child_value (performer, "display") : NULL;
  if (iv->responsible == NULL)
    iv->responsible = g_strdup ("");
  iv->frequency = child_value (detail, "scheduledString");
  if (iv->frequency == NULL)
    iv->frequency = g_strdup ("");
  g_ptr_array_add (objective->interventions, iv);
}

static IopExchangePlan *
new_plan (IopExchangeParticipant *p,
          const char             *created)
{
  IopExchangePlan *plan = iop_exchange_plan_new ();

  plan->version = p->plans->len + 1;
  plan->key = g_strdup_printf ("v%d", plan->version);
  /* FHIR carries no signature: every imported plan is a draft to review and sign. */
  plan->state = g_strdup ("draft");
  plan->created_at = created != NULL ? g_strdup (created) : iop_timestamp_now ();
  plan->agreement_note = g_strdup ("");
  g_ptr_array_add (p->plans, plan);
  return plan;
}

static void
map_careplan (ImportContext          *ctx,
              IopExchangeParticipant *p,
              xmlNode                *careplan)
{
  g_autoptr(GHashTable) problems = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) goals = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) objectives = g_hash_table_new (NULL, NULL);
  g_autofree char *created = child_value (careplan, "created");
  g_autofree char *stamp = NULL;
  xmlNode *period = child (careplan, "period");
  g_autofree char *plan_name = describe (careplan);
  PlanBuilder b = { ctx, NULL, problems, goals, objectives };

  if (created != NULL && strlen (created) == 10)
    stamp = g_strconcat (created, "T00:00:00Z", NULL);
  else if (created != NULL && strlen (created) > 10)
    stamp = g_strdup (created);
  b.plan = new_plan (p, stamp);
  if (period != NULL)
    {
      char *start = child_value (period, "start");
      char *end = child_value (period, "end");

      if (start != NULL && strlen (start) >= 10)
        b.plan->effective_date = g_strndup (start, 10);
      if (end != NULL && strlen (end) >= 10)
        b.plan->review_due = g_strndup (end, 10);
      g_free (start);
      g_free (end);
      if ((b.plan->effective_date != NULL && !iop_date_is_valid (b.plan->effective_date)))
        g_clear_pointer (&b.plan->effective_date, g_free);
      if ((b.plan->review_due != NULL && !iop_date_is_valid (b.plan->review_due)))
        g_clear_pointer (&b.plan->review_due, g_free);
    }
  g_hash_table_add (ctx->used, careplan);

  FOREACH_CHILD (ref, careplan, "addresses")
    {
      xmlNode *condition = resolve (ctx, careplan, ref);
      g_autofree char *target = child_value (ref, "reference");

      if (condition != NULL && is_fhir (condition, "Condition"))
        add_problem (&b, condition);
      else
        iop_exchange_add_message (ctx->exchange, _("Skipped a problem of %s: %s is not in the file"),
                                  plan_name, target != NULL ? target : _("(no reference)"));
    }
  FOREACH_CHILD (ref, careplan, "goal")
    {
      xmlNode *goal = resolve (ctx, careplan, ref);
      g_autofree char *target = child_value (ref, "reference");

      if (goal != NULL && is_fhir (goal, "Goal"))
        add_goal (&b, careplan, goal);
      else
        iop_exchange_add_message (ctx->exchange, _("Skipped a goal of %s: %s is not in the file"),
                                  plan_name, target != NULL ? target : _("(no reference)"));
    }
  FOREACH_CHILD (activity, careplan, "activity")
    add_activity (&b, careplan, activity);
}

static const char *
instrument_of (xmlNode *resource)
{
  g_autofree char *questionnaire = child_value (resource, "questionnaire");
  xmlNode *code = child (resource, "code");

  for (guint i = 0; i < G_N_ELEMENTS (instruments); i++)
    {
      g_autofree char *ours = g_strconcat (INSTRUMENT_URN, instruments[i].instrument, NULL);

      if (g_strcmp0 (questionnaire, ours) == 0 || (code != NULL && concept_has (code, "http://loinc.org", instruments[i].loinc)))
        return instruments[i].instrument;
    }
  return NULL;
}

static char *
date_part (const char *value)
{
  if (value == NULL || strlen (value) < 10)
    return NULL;
  return g_strndup (value, 10);
}

static void
map_measures (ImportContext          *ctx,
              IopExchangeParticipant *p)
{
  g_autoptr(GHashTable) by_response = g_hash_table_new (NULL, NULL);

  for (guint i = 0; i < ctx->resources->len; i++)
    {
      xmlNode *r = g_ptr_array_index (ctx->resources, i);
      g_autofree char *questionnaire = NULL;
      g_autofree char *authored = NULL;
      g_autofree char *status = NULL;
      g_autofree char *date = NULL;
      IopExchangeMeasure *m;

      if (!is_fhir (r, "QuestionnaireResponse") || subject_of (ctx, r) != p)
        continue;
      questionnaire = child_value (r, "questionnaire");
      authored = child_value (r, "authored");
      status = child_value (r, "status");
      date = date_part (authored);
      if (questionnaire == NULL || !g_str_has_prefix (questionnaire, INSTRUMENT_URN) || date == NULL
          || !iop_date_is_valid (date))
        {
          skip (ctx, r, _("it is not a Circle instrument (PHQ-9, GAD-7, BAM…) with a date"));
          g_hash_table_add (ctx->used, r);
          continue;
        }
      m = iop_exchange_measure_new ();
      m->instrument = g_strdup (questionnaire + strlen (INSTRUMENT_URN));
      m->date = g_steal_pointer (&date);
      m->complete = g_strcmp0 (status, "completed") == 0;
      m->severity = g_strdup ("");
      m->subscores = g_strdup ("");
      FOREACH_CHILD (item, r, "item")
        {
          g_autofree char *link = child_value (item, "linkId");
          g_autofree char *value = child_value (child (item, "answer"), "valueInteger");
          gint64 n = link != NULL ? g_ascii_strtoll (link, NULL, 10) : 0;
          gboolean dup = FALSE;

          if (n < 1 || n > 200 || value == NULL)
            continue;
          for (guint j = 0; j < m->answers->len; j++)
            dup |= g_array_index (m->answers, IopExchangeAnswer, j).item == n;
          if (!dup)
            {
              IopExchangeAnswer a = { (int) n, (int) g_ascii_strtoll (value, NULL, 10) };
              g_array_append_val (m->answers, a);
            }
        }
      g_ptr_array_add (p->measures, m);
      g_hash_table_insert (by_response, r, m);
      g_hash_table_add (ctx->used, r);
    }

  for (guint i = 0; i < ctx->resources->len; i++)
    {
      xmlNode *r = g_ptr_array_index (ctx->resources, i);
      g_autofree char *value = NULL;
      g_autofree char *date = NULL;
      IopExchangeMeasure *m = NULL;
      const char *instrument;

      if (!is_fhir (r, "Observation") || subject_of (ctx, r) != p)
        continue;
      g_hash_table_add (ctx->used, r);
      FOREACH_CHILD (ref, r, "derivedFrom")
        if (m == NULL)
          m = g_hash_table_lookup (by_response, resolve (ctx, r, ref));
      value = child_value (r, "valueInteger");
      if (value == NULL)
        {
          xmlNode *q = child (r, "valueQuantity");
          value = child_value (q, "value");
        }
      instrument = instrument_of (r);
      if (m == NULL && instrument == NULL)
        {
          skip (ctx, r, _("it is not the total of a PHQ-9 or GAD-7 (LOINC 44261-6, 70274-6)"));
          continue;
        }
      if (value == NULL)
        {
          skip (ctx, r, _("it has no whole-number value"));
          continue;
        }
      if (m == NULL)
        {
          g_autofree char *effective = child_value (r, "effectiveDateTime");

          date = date_part (effective);
          if (date == NULL || !iop_date_is_valid (date))
            {
              skip (ctx, r, _("it has no date"));
              continue;
            }
          m = iop_exchange_measure_new ();
          m->instrument = g_strdup (instrument);
          m->date = g_steal_pointer (&date);
          m->complete = FALSE;
          m->severity = g_strdup ("");
          m->subscores = g_strdup ("");
          g_ptr_array_add (p->measures, m);
        }
      m->has_total = TRUE;
      m->total = (int) g_ascii_strtoll (value, NULL, 10);
      {
        g_autofree char *severity = concept_text (child (r, "interpretation"));

        if (severity != NULL)
          g_free (m->severity), m->severity = g_steal_pointer (&severity);
      }
    }
}

static void
collect_resources (ImportContext *ctx,
                   xmlNode       *root)
{
  if (is_fhir (root, "Bundle"))
    {
      FOREACH_CHILD (e, root, "entry")
        {
          g_autofree char *full_url = child_value (e, "fullUrl");
          xmlNode *holder = child (e, "resource");
          xmlNode *resource = NULL;

          for (xmlNode *c = holder != NULL ? holder->children : NULL; c != NULL && resource == NULL; c = c->next)
            if (is_fhir (c, NULL))
              resource = c;
          if (resource == NULL)
            {
              g_autofree char *method = child_value (child (e, "request"), "method");

              iop_exchange_add_message (ctx->exchange, _("Skipped a bundle entry at line %ld: it holds no resource (%s)"),
                                        xmlGetLineNo (e), method != NULL ? method : _("nothing to import"));
              continue;
            }
          index_resource (ctx, resource, full_url);
        }
    }
  else
    index_resource (ctx, root, NULL);
}

/**
 * iop_fhir_parse:
 * @doc: a FHIR R4 XML document (a Bundle or a single resource)
 * @error: return location for an #IOP_XML_ERROR
 *
 * Maps what Circle models; the exchange's messages say what was skipped and
 * why. Patients new to the database get level of care adult IOP and today as
 * admission date, both said in the messages.
 *
 * Returns: (transfer full) (nullable): the records
 */
IopExchange *
iop_fhir_parse (xmlDoc  *doc,
                GError **error)
{
  g_autoptr(IopExchange) exchange = iop_exchange_new ();
  g_autoptr(GHashTable) index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) people = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) used = g_hash_table_new (NULL, NULL);
  g_autoptr(GPtrArray) resources = g_ptr_array_new ();
  ImportContext ctx = { exchange, index, people, used, resources };
  xmlNode *root = xmlDocGetRootElement (doc);

  if (!is_fhir (root, NULL))
    {
      iop_xml_set_error (error, IOP_XML_ERROR_WRONG_FORMAT, root,
                         _("this is not HL7 FHIR XML (the root element must be in %s)"), IOP_FHIR_NAMESPACE);
      return NULL;
    }

  collect_resources (&ctx, root);

  for (guint i = 0; i < resources->len; i++)
    {
      xmlNode *r = g_ptr_array_index (resources, i);

      if (is_fhir (r, "Patient"))
        {
          g_hash_table_add (used, r);
          map_patient (&ctx, r);
        }
    }

  for (guint i = 0; i < exchange->participants->len; i++)
    {
      IopExchangeParticipant *p = g_ptr_array_index (exchange->participants, i);
      g_autoptr(GHashTable) problems = g_hash_table_new (NULL, NULL);
      g_autoptr(GHashTable) goals = g_hash_table_new (NULL, NULL);
      g_autoptr(GHashTable) objectives = g_hash_table_new (NULL, NULL);
      PlanBuilder loose = { &ctx, NULL, problems, goals, objectives };

      for (guint j = 0; j < resources->len; j++)
        {
          xmlNode *r = g_ptr_array_index (resources, j);

          if (is_fhir (r, "CarePlan") && subject_of (&ctx, r) == p)
            map_careplan (&ctx, p, r);
        }

      /* Goals and Conditions of this person that no CarePlan named: one more draft
       * plan holds them, rather than losing them. Objectives were taken already. */
      for (guint j = 0; j < resources->len; j++)
        {
          xmlNode *r = g_ptr_array_index (resources, j);
          gboolean objective;

          if (g_hash_table_contains (used, r) || subject_of (&ctx, r) != p
              || !(is_fhir (r, "Goal") || is_fhir (r, "Condition")))
            continue;
          objective = is_fhir (r, "Goal") && concept_has (child (r, "category"), LEVEL_SYSTEM, "objective");
          if (objective)
            continue;
          if (loose.plan == NULL)
            {
              loose.plan = new_plan (p, NULL);
              iop_exchange_add_message (exchange,
                                        _("%s: goals and problems that no care plan in the file lists were put in a plan of their own (version %d of the file)"),
                                        p->record_number, loose.plan->version);
            }
          if (is_fhir (r, "Goal"))
            add_goal (&loose, NULL, r);
          else
            add_problem (&loose, r);
        }

      map_measures (&ctx, p);
      if (p->plans->len == 0 && p->measures->len == 0)
        iop_exchange_add_message (exchange, _("%s: the file holds the person but no plan"), p->record_number);
    }

  for (guint i = 0; i < resources->len; i++)
    {
      xmlNode *r = g_ptr_array_index (resources, i);
      const char *type = resource_type (r);

      if (g_hash_table_contains (used, r))
        continue;
      if (is_fhir (r, "CarePlan") || is_fhir (r, "Goal") || is_fhir (r, "Condition")
          || is_fhir (r, "QuestionnaireResponse") || is_fhir (r, "Observation"))
        {
          if (is_fhir (r, "Goal") && concept_has (child (r, "category"), LEVEL_SYSTEM, "objective"))
            skip (&ctx, r, _("it is an objective whose goal is not in the file"));
          else
            skip (&ctx, r, _("its patient is not in the file with an identifier, so Circle cannot tell whose record it belongs to"));
        }
      else
        {
          g_autofree char *reason = g_strdup_printf (_("Circle does not keep %s resources"), type);
          skip (&ctx, r, reason);
        }
    }

  return g_steal_pointer (&exchange);
}
