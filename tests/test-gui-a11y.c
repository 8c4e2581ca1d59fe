/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Keyboard and screen-reader use of every view: the focus order is walked with
 * Tab as a person would, and every control it reaches must have an accessible
 * name. The views come from the window's own table, so areas added later are
 * walked too.
 */

#include "config.h"

#include <adwaita.h>

#include "iop-application.h"
#include "iop-date.h"
#include "iop-enroll-dialog.h"
#include "iop-group-editor.h"
#include "iop-participant-editor.h"
#include "iop-preferences-window.h"
#include "iop-sessions-view.h"
#include "iop-store-people.h"
#include "iop-store-sessions.h"
#include "iop-test-util.h"
#include "iop-window.h"

extern GResource *iop_gui_get_resource (void);

#define MAX_STOPS 3000

static void
settle (void)
{
  /* Let size allocation, mapping and idle reloads happen. */
  for (int i = 0; i < 50; i++)
    while (g_main_context_iteration (NULL, FALSE))
      ;
  g_usleep (2000);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static gboolean
has_label_property (GtkWidget *widget)
{
  return gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL);
}

/* A visible label with text somewhere inside: what “labelled by its content” reads. */
static gboolean
contains_text (GtkWidget *widget,
               int        depth)
{
  if (!gtk_widget_get_visible (widget))
    return FALSE;
  if (has_label_property (widget))
    return TRUE;
  if (GTK_IS_LABEL (widget) && *gtk_label_get_text (GTK_LABEL (widget)) != '\0')
    return TRUE;
  if (GTK_IS_INSCRIPTION (widget) && gtk_inscription_get_text (GTK_INSCRIPTION (widget)) != NULL)
    return TRUE;
  if (depth == 0)
    return FALSE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (contains_text (child, depth - 1))
      return TRUE;
  return FALSE;
}

/*
 * What a screen reader would announce for the focused widget. GTK 4.8 reads
 * the accessible label, or the labels a widget is labelled by (a button by
 * its own child: an icon-only button is labelled by a nameless image, so it
 * needs an explicit label). Text inside an editable speaks for its entry,
 * row or spin button; libadwaita rows are named by their titles; list items
 * by the text of the row they show.
 */
static gboolean
has_accessible_name (GtkWidget *widget)
{
  GtkWidget *row;

  if (has_label_property (widget))
    return TRUE;

  if (GTK_IS_TEXT (widget))
    {
      GtkWidget *owner = gtk_widget_get_parent (widget);

      while (owner != NULL && !GTK_IS_EDITABLE (owner))
        owner = gtk_widget_get_parent (owner);
      if (owner != NULL && has_label_property (owner))
        return TRUE;
      row = gtk_widget_get_ancestor (widget, ADW_TYPE_ENTRY_ROW);
      return row != NULL && *adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)) != '\0';
    }

  if (ADW_IS_PREFERENCES_ROW (widget))
    return *adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)) != '\0';

  /* A button is labelled by its own child, which may be a nameless icon; any
   * other widget labelled by something was labelled on purpose, by a heading
   * or a label beside it (GTK 4.8 cannot show a test the relation's target). */
  if (gtk_test_accessible_has_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY)
      && !GTK_IS_BUTTON (widget))
    return TRUE;

  if (gtk_test_accessible_has_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY)
      || GTK_IS_LIST_BOX_ROW (widget) || GTK_IS_FLOW_BOX_CHILD (widget)
      || g_str_equal (G_OBJECT_TYPE_NAME (widget), "GtkListItemWidget")
      || g_str_equal (G_OBJECT_TYPE_NAME (widget), "GtkColumnViewCell"))
    return contains_text (widget, 8);

  return FALSE;
}

static char *
describe (GtkWidget *widget)
{
  GString *path = g_string_new (G_OBJECT_TYPE_NAME (widget));
  const char *tooltip = gtk_widget_get_tooltip_text (widget);

  for (GtkWidget *w = gtk_widget_get_parent (widget); w != NULL; w = gtk_widget_get_parent (w))
    {
      g_string_prepend (path, " > ");
      g_string_prepend (path, G_OBJECT_TYPE_NAME (w));
      if (GTK_IS_ROOT (w))
        break;
    }
  if (tooltip != NULL)
    g_string_append_printf (path, " (tooltip “%s”)", tooltip);
  if (gtk_widget_get_parent (widget) != NULL && gtk_widget_get_parent (gtk_widget_get_parent (widget)) != NULL)
    {
      GtkWidget *first = gtk_widget_get_first_child (gtk_widget_get_parent (gtk_widget_get_parent (widget)));

      if (GTK_IS_LABEL (first))
        g_string_append_printf (path, " (after “%s”)", gtk_label_get_text (GTK_LABEL (first)));
    }
  return g_string_free (path, FALSE);
}

/*
 * Presses Tab until the focus comes back where it began and returns the
 * stops, in order. Fails on a focus trap (never coming back).
 */
static GPtrArray *
walk_focus (GtkWindow *window)
{
  GPtrArray *stops = g_ptr_array_new ();
  GtkWidget *first = NULL;

  gtk_window_set_focus (window, NULL);
  for (int i = 0; i < MAX_STOPS; i++)
    {
      GtkWidget *focus;

      if (!gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_FORWARD))
        {
          /* The end of the chain: Tab wraps around to the start. */
          gtk_window_set_focus (window, NULL);
          if (!gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_FORWARD))
            break;
        }
      focus = gtk_root_get_focus (GTK_ROOT (window));
      if (focus == NULL)
        continue;
      if (focus == first)
        return stops;
      if (first == NULL)
        first = focus;
      g_ptr_array_add (stops, focus);
    }

  if (stops->len > 0)
    g_error ("The focus never came back to its first stop after %d presses of Tab: a focus trap", MAX_STOPS);
  return stops;
}

static guint
check_names (GPtrArray  *stops,
             const char *where)
{
  guint unnamed = 0;

  for (guint i = 0; i < stops->len; i++)
    {
      GtkWidget *widget = g_ptr_array_index (stops, i);

      if (g_test_verbose ())
        {
          g_autofree char *description = describe (widget);
          g_test_message ("%s: %u %s", where, i, description);
        }
      if (!has_accessible_name (widget))
        {
          g_autofree char *description = describe (widget);

          g_printerr ("%s: focus stop %u has no accessible name: %s\n", where, i, description);
          unnamed++;
        }
    }
  return unnamed;
}

/* The view's own stops come in one run, after the header bar's: Tab never leaves a view and comes back. */
static void
check_order (GPtrArray *stops,
             GtkWidget *view,
             GtkWidget *header_widget,
             const char *where)
{
  int first_in_view = -1, last_in_view = -1, header = -1;
  guint in_view = 0;

  for (guint i = 0; i < stops->len; i++)
    {
      GtkWidget *widget = g_ptr_array_index (stops, i);

      if (gtk_widget_is_ancestor (widget, view))
        {
          if (first_in_view < 0)
            first_in_view = i;
          last_in_view = i;
          in_view++;
        }
      if (header_widget != NULL && (widget == header_widget || gtk_widget_is_ancestor (widget, header_widget)))
        header = i;
    }

  g_test_message ("%s: %u focus stops, %u in the view", where, stops->len, in_view);
  g_assert_cmpint (first_in_view, >=, 0);
  g_assert_cmpuint (in_view, ==, last_in_view - first_in_view + 1);
  if (header >= 0)
    g_assert_cmpint (header, <, first_in_view);
}

static guint
walk_view (IopWindow  *window,
           const char *name,
           const char *where)
{
  GtkWidget *view = iop_window_get_view (window, name);
  g_autoptr(GPtrArray) stops = NULL;
  guint unnamed;

  settle ();
  stops = walk_focus (GTK_WINDOW (window));
  g_assert_cmpuint (stops->len, >, 0);
  unnamed = check_names (stops, where);
  /* The content's header bar sits above the stack of views. */
  check_order (stops, view, gtk_widget_get_first_child (gtk_widget_get_parent (gtk_widget_get_parent (view))),
               where);
  return unnamed;
}

static void
test_every_view (gconstpointer data)
{
  gboolean narrow = GPOINTER_TO_INT (data);
  g_autoptr(IopStore) store = iop_test_open_sample (narrow ? "a11y-narrow" : "a11y-wide");
  IopWindow *window = iop_window_new (NULL, store);
  g_auto(GStrv) names = iop_window_dup_view_names (window);
  guint unnamed = 0;

  gtk_window_set_default_size (GTK_WINDOW (window), narrow ? 400 : 1100, 720);
  gtk_window_present (GTK_WINDOW (window));

  g_assert_cmpuint (g_strv_length (names), >=, 2);
  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *where = g_strdup_printf ("view “%s”%s", names[i], narrow ? " (narrow)" : "");

      iop_window_show_view (window, names[i]);
      unnamed += walk_view (window, names[i], where);
    }
  g_assert_cmpuint (unnamed, ==, 0);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The pages a list opens: a group with its roster, a participant's record. */
static void
test_pages (void)
{
  g_autoptr(IopStore) store = iop_test_open_sample ("a11y-pages");
  g_autoptr(GListModel) groups = iop_store_list_groups (store, FALSE, NULL);
  g_autoptr(GPtrArray) people = iop_store_list_participants (store, NULL);
  g_autoptr(IopGroup) group = g_list_model_get_item (groups, 0);
  IopWindow *window = iop_window_new (NULL, store);
  guint unnamed = 0;

  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 720);
  gtk_window_present (GTK_WINDOW (window));

  iop_window_show_group (window, iop_group_get_id (group));
  unnamed += walk_view (window, "groups", "group page");

  iop_window_show_participant (window, iop_participant_get_id (g_ptr_array_index (people, 0)));
  unnamed += walk_view (window, "participants", "participant page");

  /* Documenting a session by keyboard alone: a draft and a signed one. */
  for (const char * const *state = (const char * const[]) { "draft", "cosigned", NULL }; *state != NULL; state++)
    {
      IopSessionQuery query = { 0, NULL, NULL, *state };
      g_autoptr(GListModel) sessions = iop_store_list_sessions (store, &query, NULL);
      g_autoptr(IopSession) session = g_list_model_get_item (sessions, 0);
      g_autofree char *where = g_strdup_printf ("%s session editor", *state);

      iop_window_show_view (window, "sessions");
      iop_sessions_view_show_session (IOP_SESSIONS_VIEW (iop_window_get_view (window, "sessions")),
                                      iop_session_get_id (session));
      unnamed += walk_view (window, "sessions", where);
    }
  g_assert_cmpuint (unnamed, ==, 0);

  gtk_window_destroy (GTK_WINDOW (window));
}

static guint
walk_dialog (GtkWindow  *dialog,
             const char *where)
{
  g_autoptr(GPtrArray) stops = NULL;
  guint unnamed;

  gtk_window_present (dialog);
  settle ();
  stops = walk_focus (dialog);
  g_test_message ("%s: %u focus stops", where, stops->len);
  g_assert_cmpuint (stops->len, >, 1);
  unnamed = check_names (stops, where);
  gtk_window_destroy (dialog);
  return unnamed;
}

static void
test_dialogs (void)
{
  g_autoptr(IopStore) store = iop_test_open_sample ("a11y-dialogs");
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autoptr(GListModel) groups = iop_store_list_groups (store, FALSE, NULL);
  g_autoptr(IopGroup) group = g_list_model_get_item (groups, 0);

  guint unnamed = 0;

  unnamed += walk_dialog (GTK_WINDOW (iop_preferences_window_new (NULL, settings, store)), "preferences");
  unnamed += walk_dialog (GTK_WINDOW (iop_group_editor_new (store, NULL)), "new group");
  unnamed += walk_dialog (GTK_WINDOW (iop_group_editor_new (store, group)), "edit group");
  unnamed += walk_dialog (GTK_WINDOW (iop_participant_editor_new (store, NULL)), "new participant");
  unnamed += walk_dialog (GTK_WINDOW (iop_enroll_dialog_new (store, group)), "enroll");
  g_assert_cmpuint (unnamed, ==, 0);
}

/* Every accelerator the application installs is listed in the shortcuts window. */
static void
test_shortcuts_documented (void)
{
  g_autoptr(IopApplication) app = iop_application_new ();
  g_autoptr(GtkBuilder) builder = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) actions = NULL;
  GtkShortcutsWindow *overlay;
  GSList *objects;
  g_autoptr(GPtrArray) documented = g_ptr_array_new_with_free_func (g_free);

  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);

  builder = gtk_builder_new_from_resource ("/org/example/iop/gtk/help-overlay.ui");
  overlay = GTK_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "help_overlay"));
  g_assert_nonnull (overlay);
  objects = gtk_builder_get_objects (builder);
  for (GSList *l = objects; l != NULL; l = l->next)
    {
      char *action_name = NULL;

      if (GTK_IS_SHORTCUTS_SHORTCUT (l->data))
        {
          g_object_get (l->data, "action-name", &action_name, NULL);
          if (action_name != NULL)
            g_ptr_array_add (documented, action_name);
        }
    }
  g_slist_free (objects);

  actions = gtk_application_list_action_descriptions (GTK_APPLICATION (app));
  for (guint i = 0; actions[i] != NULL; i++)
    {
      g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), actions[i]);
      gboolean found = FALSE;

      if (accels[0] == NULL)
        continue;
      for (guint j = 0; j < documented->len; j++)
        found |= g_str_equal (g_ptr_array_index (documented, j), actions[i]);
      if (!found)
        g_printerr ("The shortcut for “%s” (%s) is missing from gtk/help-overlay.ui\n", actions[i], accels[0]);
      g_assert_true (found);
    }

  gtk_window_destroy (GTK_WINDOW (overlay));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();
  g_resources_register (iop_gui_get_resource ());
  /* Walk the settled layout, not a leaflet halfway through its slide. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  g_test_add_data_func ("/gui/a11y/every-view", GINT_TO_POINTER (FALSE), test_every_view);
  g_test_add_data_func ("/gui/a11y/every-view-narrow", GINT_TO_POINTER (TRUE), test_every_view);
  g_test_add_func ("/gui/a11y/pages", test_pages);
  g_test_add_func ("/gui/a11y/dialogs", test_dialogs);
  g_test_add_func ("/gui/a11y/shortcuts-documented", test_shortcuts_documented);

  return g_test_run ();
}
