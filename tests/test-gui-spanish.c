/* SPDX-License-Identifier: GPL-3.0-or-later */
/* With LANGUAGE=es the window speaks Spanish: the areas, headers and empty states. */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <locale.h>

#include "iop-groups-view.h"
#include "iop-test-util.h"
#include "iop-window.h"

extern GResource *iop_gui_get_resource (void);

static GtkLabel *
find_label (GtkWidget  *root,
            const char *text)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *found;

      if (GTK_IS_LABEL (child) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (child)), text) == 0)
        return GTK_LABEL (child);
      found = find_label (child, text);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_window_in_spanish (void)
{
  g_autoptr(IopStore) store = iop_test_open_sample ("gui-spanish");
  IopWindow *window = iop_window_new (NULL, store);

  gtk_window_present (GTK_WINDOW (window));
  iop_window_show_view (window, "groups");

  /* The sidebar, the group count and the archived switch. */
  g_assert_nonnull (find_label (GTK_WIDGET (window), "Grupos"));
  g_assert_nonnull (find_label (GTK_WIDGET (window), "Participantes"));
  g_assert_nonnull (find_label (GTK_WIDGET (window), "5 grupos"));
  g_assert_nonnull (find_label (GTK_WIDGET (window), "Mostrar archivados"));
  g_assert_null (find_label (GTK_WIDGET (window), "Groups"));

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("CIRCLE_LOCALEDIR");

  g_assert_nonnull (localedir);
  g_setenv ("LANGUAGE", "es", TRUE);
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();
  g_resources_register (iop_gui_get_resource ());

  g_test_add_func ("/gui/spanish/window", test_window_in_spanish);

  return g_test_run ();
}
