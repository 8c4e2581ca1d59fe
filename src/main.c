/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "iop-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(IopApplication) app = NULL;
  const char *localedir = g_getenv ("CIRCLE_LOCALEDIR");

  /* Run from the build tree (tests, build-aux/run), the translations are in <builddir>/po. */
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL && *localedir ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = iop_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
