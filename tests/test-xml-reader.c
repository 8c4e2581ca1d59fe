/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>

#include "iop-test-util.h"
#include "iop-xml-reader.h"

static xmlDoc *
read_string (const char *text, GError **error)
{
  return iop_xml_read_memory (text, strlen (text), "test.xml", error);
}

static void
test_reads_plain_document (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(xmlDoc) doc = read_string ("<?xml version='1.0'?><a xmlns='urn:x'><b>t&amp;x<![CDATA[<y>]]></b></a>", &error);

  g_assert_no_error (error);
  g_assert_nonnull (doc);
  g_assert_cmpstr ((const char *) xmlDocGetRootElement (doc)->name, ==, "a");
  g_assert_cmpstr ((const char *) doc->URL, ==, "test.xml");
}

static void
test_refuses_doctype (void)
{
  g_autoptr(GError) error = NULL;
  xmlDoc *doc = read_string ("<?xml version='1.0'?>\n<!DOCTYPE a [<!ENTITY x 'y'>]>\n<a>&x;</a>", &error);

  g_assert_null (doc);
  g_assert_error (error, IOP_XML_ERROR, IOP_XML_ERROR_FORBIDDEN);
  g_assert_true (g_str_has_prefix (error->message, "test.xml:2: "));
}

static void
test_refuses_deep (void)
{
  g_autoptr(GString) s = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  xmlDoc *doc;

  for (int i = 0; i < 300; i++)
    g_string_append (s, "<a>");
  for (int i = 0; i < 300; i++)
    g_string_append (s, "</a>");
  doc = read_string (s->str, &error);
  g_assert_null (doc);
  g_assert_error (error, IOP_XML_ERROR, IOP_XML_ERROR_TOO_DEEP);
}

static void
test_refuses_truncated (void)
{
  g_autoptr(GError) error = NULL;
  xmlDoc *doc = read_string ("<a>\n<b>text</b>\n<c>", &error);

  g_assert_null (doc);
  g_assert_error (error, IOP_XML_ERROR, IOP_XML_ERROR_MALFORMED);
  g_assert_true (g_str_has_prefix (error->message, "test.xml:"));
}

static void
test_missing_file (void)
{
  g_autoptr(GError) error = NULL;
  xmlDoc *doc = iop_xml_read_file ("/nonexistent/plan.xml", &error);

  g_assert_null (doc);
  g_assert_error (error, IOP_XML_ERROR, IOP_XML_ERROR_FAILED);
}

static void
test_validates_fhir_example (void)
{
  const char *shared = g_getenv ("CIRCLE_SHARED_DIR");
  g_autofree char *xsd = NULL;
  g_autofree char *example = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(xmlDoc) doc = NULL;
  g_autoptr(xmlDoc) bad = NULL;

  xsd = g_build_filename (shared != NULL ? shared : "", "interop", "fhir-r4", "xsd", "fhir-single.xsd", NULL);
  if (shared == NULL || !g_file_test (xsd, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("The FHIR R4 schema is not present (set CIRCLE_SHARED_DIR to the folder holding interop/fhir-r4)");
      return;
    }
  example = g_build_filename (shared, "interop", "fhir-r4", "examples", "careplan-example.xml", NULL);
  doc = iop_xml_read_file (example, &error);
  g_assert_no_error (error);
  g_assert_true (iop_xml_validate (doc, xsd, &error));
  g_assert_no_error (error);

  bad = read_string ("<Patient xmlns='http://hl7.org/fhir'><bogus/></Patient>", &error);
  g_assert_no_error (error);
  g_assert_false (iop_xml_validate (bad, xsd, &error));
  g_assert_error (error, IOP_XML_ERROR, IOP_XML_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "test.xml:1: "));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/xml-reader/plain", test_reads_plain_document);
  g_test_add_func ("/xml-reader/doctype", test_refuses_doctype);
  g_test_add_func ("/xml-reader/deep", test_refuses_deep);
  g_test_add_func ("/xml-reader/truncated", test_refuses_truncated);
  g_test_add_func ("/xml-reader/missing", test_missing_file);
  g_test_add_func ("/xml-reader/fhir-schema", test_validates_fhir_example);
  return g_test_run ();
}
