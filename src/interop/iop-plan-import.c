/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "iop-plan-import"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "iop-fhir.h"
#include "iop-native.h"
#include "iop-plan-import.h"
#include "iop-xml-reader.h"

/*
 * Reading a plan file for import: parse safely, tell the format from the root
 * element's namespace, validate against that format's schema, then map. Pure
 * computation, no database: safe in a GTask worker, and what the fuzzers call.
 */

static IopExchange *
import_doc (xmlDoc         *doc,
            IopPlanFormat  *format,
            GError        **error)
{
  xmlNode *root = xmlDocGetRootElement (doc);
  const char *ns = root->ns != NULL ? (const char *) root->ns->href : "";

  if (g_str_equal (ns, IOP_NATIVE_NAMESPACE))
    {
      if (format != NULL)
        *format = IOP_PLAN_FORMAT_NATIVE;
      if (!iop_xml_validate (doc, iop_native_schema_path (), error))
        return NULL;
      return iop_native_parse (doc, error);
    }
  if (g_str_equal (ns, IOP_FHIR_NAMESPACE))
    {
      const char *xsd = iop_fhir_schema_path ();
      IopExchange *exchange;

      if (format != NULL)
        *format = IOP_PLAN_FORMAT_FHIR;
      if (xsd != NULL && !iop_xml_validate (doc, xsd, error))
        return NULL;
      exchange = iop_fhir_parse (doc, error);
      if (exchange != NULL && xsd == NULL)
        iop_exchange_add_message (exchange, _("The HL7 FHIR R4 schema is not installed: the file was read without checking it against the schema"));
      return exchange;
    }

  iop_xml_set_error (error, IOP_XML_ERROR_WRONG_FORMAT, root,
                     _("Circle does not read “%s” documents in the namespace “%s”; it reads its own plan files (%s) and HL7 FHIR R4 XML (%s)"),
                     (const char *) root->name, *ns != '\0' ? ns : _("(none)"), IOP_NATIVE_NAMESPACE, IOP_FHIR_NAMESPACE);
  return NULL;
}

/**
 * iop_plan_import_read_file:
 * @path: a Circle plan file or FHIR R4 XML
 * @format: (out) (optional): which format it was
 * @error: return location for an #IOP_XML_ERROR
 *
 * Returns: (transfer full) (nullable): the records to import, with messages
 *   about what will be skipped
 */
IopExchange *
iop_plan_import_read_file (const char     *path,
                           IopPlanFormat  *format,
                           GError        **error)
{
  g_autoptr(xmlDoc) doc = iop_xml_read_file (path, error);

  if (doc == NULL)
    return NULL;
  return import_doc (doc, format, error);
}

IopExchange *
iop_plan_import_read_memory (const char     *data,
                             gsize           len,
                             const char     *display_name,
                             IopPlanFormat  *format,
                             GError        **error)
{
  g_autoptr(xmlDoc) doc = iop_xml_read_memory (data, len, display_name, error);

  if (doc == NULL)
    return NULL;
  return import_doc (doc, format, error);
}

const char *
iop_plan_format_to_string (IopPlanFormat format)
{
  return format == IOP_PLAN_FORMAT_FHIR ? "fhir" : "native";
}
