/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>

#include "iop-fhir.h"
#include "iop-plan-import.h"
#include "iop-test-exchange.h"
#include "iop-test-util.h"
#include "iop-xml-reader.h"

/*
 * A hostile corpus: every file must be refused with a clear error naming the
 * file, nothing may reach the network or the file system, and the database
 * must be exactly as it was.
 */

#define NATIVE_OPEN "<circle-plans xmlns=\"urn:example:iop:plan:1\" version=\"1\">"
#define NATIVE_CLOSE "</circle-plans>"

static guint connections;
static guint16 port;
static GSocketService *service;
static IopStore *store;

static gboolean
incoming_cb (GSocketService    *svc,
             GSocketConnection *connection,
             GObject           *source,
             gpointer           user_data)
{
  connections++;
  return FALSE;
}

static void
start_listener (void)
{
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) effective = NULL;
  g_autoptr(GError) error = NULL;

  service = g_socket_service_new ();
  g_socket_listener_add_address (G_SOCKET_LISTENER (service), address, G_SOCKET_TYPE_STREAM,
                                 G_SOCKET_PROTOCOL_TCP, NULL, &effective, &error);
  g_assert_no_error (error);
  port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (effective));
  g_signal_connect (service, "incoming", G_CALLBACK (incoming_cb), NULL);
  g_socket_service_start (service);
}

/* Let the listener see any connection that was attempted. */
static void
drain_listener (void)
{
  gint64 until = g_get_monotonic_time () + 200 * G_TIME_SPAN_MILLISECOND;

  while (g_get_monotonic_time () < until)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (5000);
}

static char *
write_case (const char *name,
            const char *contents,
            gssize      len)
{
  char *path = g_build_filename (iop_test_tmpdir (), name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, len, &error);
  g_assert_no_error (error);
  return path;
}

/* The whole import path, as the CLI and the window run it. */
static void
assert_refused (const char  *path,
                IopXmlError  code,
                const char  *words)
{
  g_autofree char *before = iop_test_checksum (store);
  g_autofree char *prefix = g_strdup_printf ("%s", path);
  g_autoptr(GError) error = NULL;
  g_autoptr(IopExchange) e = iop_plan_import_read_file (path, NULL, &error);

  if (e != NULL)
    iop_store_exchange_write (store, e, "test", &error);
  g_test_message ("%s → %s", path, error != NULL ? error->message : "(accepted)");
  g_assert_null (e);
  g_assert_error (error, IOP_XML_ERROR, (gint) code);
  g_assert_true (g_str_has_prefix (error->message, prefix));
  if (words != NULL)
    g_assert_nonnull (strstr (error->message, words));
  drain_listener ();
  g_assert_cmpuint (connections, ==, 0);
  iop_assert_unchanged (store, before);
}

static void
test_external_entity_file (void)
{
  g_autofree char *path = write_case ("file-entity.xml",
    "<?xml version=\"1.0\"?>\n<!DOCTYPE circle-plans [\n  <!ENTITY secret SYSTEM \"file:///etc/passwd\">\n]>\n"
    NATIVE_OPEN "&secret;" NATIVE_CLOSE, -1);

  assert_refused (path, IOP_XML_ERROR_FORBIDDEN, "DOCTYPE");
}

static void
test_external_entity_http (void)
{
  g_autofree char *doc = g_strdup_printf ("<?xml version=\"1.0\"?>\n<!DOCTYPE circle-plans [\n"
                                          "  <!ENTITY remote SYSTEM \"http://127.0.0.1:%u/entity\">\n]>\n"
                                          NATIVE_OPEN "&remote;" NATIVE_CLOSE, port);
  g_autofree char *path = write_case ("http-entity.xml", doc, -1);

  assert_refused (path, IOP_XML_ERROR_FORBIDDEN, NULL);
}

static void
test_external_dtd_http (void)
{
  g_autofree char *doc = g_strdup_printf ("<?xml version=\"1.0\"?>\n<!DOCTYPE circle-plans SYSTEM \"http://127.0.0.1:%u/plan.dtd\">\n"
                                          NATIVE_OPEN NATIVE_CLOSE, port);
  g_autofree char *path = write_case ("http-dtd.xml", doc, -1);

  assert_refused (path, IOP_XML_ERROR_FORBIDDEN, NULL);
}

static void
test_parameter_entity (void)
{
  g_autofree char *doc = g_strdup_printf ("<?xml version=\"1.0\"?>\n<!DOCTYPE circle-plans [\n"
                                          "  <!ENTITY %% pe SYSTEM \"http://127.0.0.1:%u/pe.dtd\">\n  %%pe;\n]>\n"
                                          NATIVE_OPEN NATIVE_CLOSE, port);
  g_autofree char *path = write_case ("parameter-entity.xml", doc, -1);

  assert_refused (path, IOP_XML_ERROR_FORBIDDEN, NULL);
}

static void
test_billion_laughs (void)
{
  g_autoptr(GString) doc = g_string_new ("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n <!ENTITY lol \"lol\">\n");
  g_autofree char *path = NULL;

  for (int i = 1; i <= 9; i++)
    {
      g_string_append_printf (doc, " <!ENTITY lol%d \"", i);
      for (int j = 0; j < 10; j++)
        {
          if (i == 1)
            g_string_append (doc, "&lol;");
          else
            g_string_append_printf (doc, "&lol%d;", i - 1);
        }
      g_string_append (doc, "\">\n");
    }
  g_string_append (doc, "]>\n" NATIVE_OPEN "&lol9;" NATIVE_CLOSE);
  path = write_case ("billion-laughs.xml", doc->str, doc->len);
  assert_refused (path, IOP_XML_ERROR_FORBIDDEN, NULL);
}

static void
test_xinclude_and_schema_location (void)
{
  g_autofree char *doc = g_strdup_printf ("<?xml version=\"1.0\"?>\n"
                                          "<circle-plans xmlns=\"urn:example:iop:plan:1\" version=\"1\""
                                          " xmlns:xi=\"http://www.w3.org/2001/XInclude\""
                                          " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
                                          " xsi:schemaLocation=\"urn:example:iop:plan:1 http://127.0.0.1:%u/evil.xsd\">\n"
                                          "<xi:include href=\"http://127.0.0.1:%u/more.xml\"/>\n"
                                          NATIVE_CLOSE, port, port);
  g_autofree char *path = write_case ("xinclude.xml", doc, -1);

  assert_refused (path, IOP_XML_ERROR_INVALID, NULL);
}

static void
test_deep_nesting (void)
{
  g_autoptr(GString) doc = g_string_new ("<?xml version=\"1.0\"?>\n" NATIVE_OPEN);
  g_autofree char *path = NULL;

  for (int i = 0; i < 300; i++)
    g_string_append (doc, "<participant>");
  for (int i = 0; i < 300; i++)
    g_string_append (doc, "</participant>");
  g_string_append (doc, NATIVE_CLOSE);
  path = write_case ("deep.xml", doc->str, doc->len);
  assert_refused (path, IOP_XML_ERROR_TOO_DEEP, NULL);
}

static void
test_sixty_megabytes (void)
{
  g_autofree char *path = g_build_filename (iop_test_tmpdir (), "sixty-mb.xml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GFileOutputStream) out = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_PRIVATE, NULL, &error);
  g_autofree char *chunk = g_malloc (1024 * 1024);

  g_assert_no_error (error);
  memset (chunk, ' ', 1024 * 1024);
  g_output_stream_write_all (G_OUTPUT_STREAM (out), NATIVE_OPEN, strlen (NATIVE_OPEN), NULL, NULL, &error);
  for (int i = 0; i < 60; i++)
    g_output_stream_write_all (G_OUTPUT_STREAM (out), chunk, 1024 * 1024, NULL, NULL, &error);
  g_output_stream_write_all (G_OUTPUT_STREAM (out), NATIVE_CLOSE, strlen (NATIVE_CLOSE), NULL, NULL, &error);
  g_output_stream_close (G_OUTPUT_STREAM (out), NULL, &error);
  g_assert_no_error (error);

  assert_refused (path, IOP_XML_ERROR_TOO_LARGE, "50 MB");
  g_unlink (path);
}

static void
test_ten_megabyte_text (void)
{
  gsize n = 10 * 1024 * 1024;
  g_autoptr(GString) doc = g_string_sized_new (n + 4096);
  g_autofree char *path = NULL;

  g_string_append (doc, "<?xml version=\"1.0\"?>\n" NATIVE_OPEN "<participant record-number=\"A\"><identity><first-name>");
  for (gsize i = 0; i < n; i++)
    g_string_append_c (doc, 'a');
  g_string_append (doc, "</first-name></identity></participant>" NATIVE_CLOSE);
  path = write_case ("ten-mb-text.xml", doc->str, doc->len);
  assert_refused (path, IOP_XML_ERROR_TOO_LARGE, NULL);
}

static void
test_invalid_utf8 (void)
{
  g_autofree char *path = write_case ("bad-utf8.xml",
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" NATIVE_OPEN "<staff username=\"a\xff\xfe\" full-name=\"x\" role=\"counselor\"/>" NATIVE_CLOSE, -1);

  assert_refused (path, IOP_XML_ERROR_MALFORMED, "UTF-8");
}

static void
test_wrong_namespace (void)
{
  g_autofree char *path = write_case ("wrong-ns.xml",
    "<?xml version=\"1.0\"?>\n<circle-plans xmlns=\"urn:example:iop:plan:2\" version=\"1\"/>", -1);

  assert_refused (path, IOP_XML_ERROR_WRONG_FORMAT, "urn:example:iop:plan:2");
}

static void
test_schema_invalid (void)
{
  g_autofree char *path = write_case ("schema-invalid.xml",
    "<?xml version=\"1.0\"?>\n" NATIVE_OPEN "\n<participant record-number=\"A-1\">\n<identity><first-name>Ann</first-name></identity>\n</participant>\n" NATIVE_CLOSE, -1);

  assert_refused (path, IOP_XML_ERROR_INVALID, ":4: ");
}

static void
test_fhir_schema_invalid (void)
{
  g_autofree char *path = NULL;

  if (iop_fhir_schema_path () == NULL)
    {
      g_test_skip ("The HL7 FHIR R4 schema is not here: set CIRCLE_SHARED_DIR to the folder holding interop/fhir-r4");
      return;
    }
  path = write_case ("fhir-invalid.xml",
    "<?xml version=\"1.0\"?>\n<Patient xmlns=\"http://hl7.org/fhir\">\n<name><family value=\"X\"/></name>\n<identifier><value value=\"1\"/></identifier>\n</Patient>", -1);
  assert_refused (path, IOP_XML_ERROR_INVALID, NULL);
}

static void
test_truncated (void)
{
  g_autofree char *path = write_case ("truncated.xml",
    "<?xml version=\"1.0\"?>\n" NATIVE_OPEN "\n<participant record-number=\"A-1\">\n<identity><first-name>An", -1);

  assert_refused (path, IOP_XML_ERROR_MALFORMED, NULL);
}

/* Schemas are ours, but their includes and imports still may not leave their folder. */
static void
test_schema_imports_confined (void)
{
  g_autofree char *dir = g_build_filename (iop_test_tmpdir (), "schemas", NULL);
  g_autofree char *outside = g_build_filename (iop_test_tmpdir (), "outside.xsd", NULL);
  g_autofree char *remote = g_strdup_printf ("<xs:import namespace=\"urn:remote\" schemaLocation=\"http://127.0.0.1:%u/remote.xsd\"/>", port);
  const char *bodies[] = { remote, "<xs:include schemaLocation=\"../outside.xsd\"/>",
                           "<xs:include schemaLocation=\"file:///etc/passwd\"/>" };
  g_autoptr(GError) error = NULL;
  g_autoptr(xmlDoc) doc = NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (outside, "<xs:schema xmlns:xs=\"http://www.w3.org/2001/XMLSchema\" targetNamespace=\"urn:t\"><xs:element name=\"u\" type=\"xs:string\"/></xs:schema>", -1, NULL));
  doc = iop_xml_read_memory ("<t xmlns='urn:t'>x</t>", strlen ("<t xmlns='urn:t'>x</t>"), "t.xml", &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (bodies); i++)
    {
      g_autofree char *name = g_strdup_printf ("evil-%u.xsd", i);
      g_autofree char *xsd = g_build_filename (dir, name, NULL);
      g_autofree char *schema = g_strdup_printf (
        "<xs:schema xmlns:xs=\"http://www.w3.org/2001/XMLSchema\" targetNamespace=\"urn:t\">\n%s\n"
        "<xs:element name=\"t\" type=\"xs:string\"/>\n</xs:schema>", bodies[i]);

      g_assert_true (g_file_set_contents (xsd, schema, -1, NULL));
      g_assert_false (iop_xml_validate (doc, xsd, &error));
      g_test_message ("%s", error->message);
      g_assert_error (error, IOP_XML_ERROR, IOP_XML_ERROR_FAILED);
      g_assert_true (g_str_has_prefix (error->message, xsd));
      g_clear_error (&error);
    }
  drain_listener ();
  g_assert_cmpuint (connections, ==, 0);
}

static void
test_empty (void)
{
  g_autofree char *path = write_case ("empty.xml", "", 0);

  assert_refused (path, IOP_XML_ERROR_MALFORMED, NULL);
}

int
main (int argc, char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IopExchange) records = iop_test_exchange (2);
  int ret;

  g_test_init (&argc, &argv, NULL);
  start_listener ();
  store = iop_test_open_store ("safety.db");
  g_assert_true (iop_store_exchange_write (store, records, "test", &error));
  g_assert_no_error (error);

  g_test_add_func ("/xml-safety/external-entity/file", test_external_entity_file);
  g_test_add_func ("/xml-safety/external-entity/http", test_external_entity_http);
  g_test_add_func ("/xml-safety/external-dtd/http", test_external_dtd_http);
  g_test_add_func ("/xml-safety/parameter-entity", test_parameter_entity);
  g_test_add_func ("/xml-safety/billion-laughs", test_billion_laughs);
  g_test_add_func ("/xml-safety/xinclude-schema-location", test_xinclude_and_schema_location);
  g_test_add_func ("/xml-safety/nesting-300", test_deep_nesting);
  g_test_add_func ("/xml-safety/sixty-megabytes", test_sixty_megabytes);
  g_test_add_func ("/xml-safety/ten-megabyte-text", test_ten_megabyte_text);
  g_test_add_func ("/xml-safety/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/xml-safety/wrong-namespace", test_wrong_namespace);
  g_test_add_func ("/xml-safety/schema-invalid", test_schema_invalid);
  g_test_add_func ("/xml-safety/fhir-schema-invalid", test_fhir_schema_invalid);
  g_test_add_func ("/xml-safety/truncated", test_truncated);
  g_test_add_func ("/xml-safety/empty", test_empty);
  g_test_add_func ("/xml-safety/schema-imports-confined", test_schema_imports_confined);
  ret = g_test_run ();

  g_socket_service_stop (service);
  g_clear_object (&service);
  g_clear_object (&store);
  return ret;
}
