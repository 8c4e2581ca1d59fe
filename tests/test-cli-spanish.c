/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The command line speaks the language the person asked for. */

#include "config.h"

#include <glib.h>
#include <string.h>

#include "iop-test-util.h"

static void
test_help_in_spanish (void)
{
  const char *args[] = { "--help", NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status;

  g_setenv ("LANGUAGE", "es", TRUE);
  iop_test_run_circle (args, &out, &err, &status);
  g_unsetenv ("LANGUAGE");

  g_assert_cmpint (status, ==, 0);
  /* The summary and every option of ours, translated by GOption through our domain. */
  g_assert_nonnull (strstr (out, "Circle lleva los expedientes de terapia de grupo"));
  g_assert_nonnull (strstr (out, "--database=RUTA"));
  g_assert_nonnull (strstr (out, "Usar la base de datos en RUTA"));
  g_assert_nonnull (strstr (out, "Cargar el programa de ejemplo"));
  g_assert_null (strstr (out, "Load the sample program"));
}

static void
test_errors_in_spanish (void)
{
  g_autofree char *path = iop_test_db_path ("cli-spanish-sample");
  const char *args[] = { "--database", path, "--sample-data", NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *out2 = NULL;
  g_autofree char *err2 = NULL;
  int status;

  g_setenv ("LANGUAGE", "es", TRUE);
  iop_test_run_circle (args, &out, &err, &status);
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (out, "Se cargó el programa de ejemplo en"));

  /* A second load is refused, in Spanish, on standard error. */
  iop_test_run_circle (args, &out2, &err2, &status);
  g_unsetenv ("LANGUAGE");
  g_assert_cmpint (status, !=, 0);
  g_assert_nonnull (strstr (err2, "circle: El programa de ejemplo solo se puede cargar en una base de datos vacía."));
}

static void
test_help_in_english (void)
{
  const char *args[] = { "--help", NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status;

  g_unsetenv ("LANGUAGE");
  iop_test_run_circle (args, &out, &err, &status);
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (out, "Load the sample program into an empty database and exit"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/spanish/help", test_help_in_spanish);
  g_test_add_func ("/cli/spanish/errors", test_errors_in_spanish);
  g_test_add_func ("/cli/spanish/english-by-default", test_help_in_english);

  return g_test_run ();
}
