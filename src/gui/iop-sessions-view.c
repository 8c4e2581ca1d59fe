/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "iop-sessions-view"

#include "config.h"

#include <glib/gi18n.h>

#include "iop-date.h"
#include "iop-document-output.h"
#include "iop-a11y.h"
#include "iop-sessions-view.h"
#include "iop-store-people.h"
#include "iop-store-sessions.h"
#include "iop-window.h"

/*
 * The Sessions view: every session by date with filters, the counselor's
 * to-do list (opened first when it has anything), the supervisor's review
 * queue, and who is under the weekly IOP minimum. Opening a session shows the
 * session editor.
 *
 * Signatures, reviews and the audit log are the signed-in staff member's (the
 * store's actor), named above the tabs. A counselor's to-do list holds the
 * sessions they facilitate; a supervisor's or administrator's holds everyone's
 * undocumented sessions, with those awaiting their co-signature under Review.
 */

typedef enum {
  RANGE_AROUND_TODAY,
  RANGE_THIS_WEEK,
  RANGE_LAST_8_WEEKS,
  RANGE_NEXT_2_WEEKS,
  RANGE_ALL,
} Range;

struct _IopSessionsView
{
  AdwBin              parent_instance;

  /* template widgets */
  GtkStack           *stack;
  GtkStack           *tabs;
  GtkStackPage       *pending_page;
  GtkStackPage       *review_page;
  GtkStack           *list_stack;
  GtkListView        *list_view;
  GtkSearchEntry     *search_entry;
  GtkDropDown        *group_dropdown;
  GtkDropDown        *range_dropdown;
  GtkDropDown        *state_dropdown;
  GtkLabel           *signer_label;
  AdwPreferencesGroup *pending_group;
  GtkListBox         *pending_list;
  GtkListBox         *review_list;
  GtkListBox         *this_week_list;
  GtkListBox         *last_week_list;
  IopSessionEditor   *editor;

  /* owned */
  IopStore           *store;
  GtkSingleSelection *selection;
  GtkFilterListModel *filtered;
  GtkCustomFilter    *filter;
  GArray             *group_ids;      /* gint64, index 0 = all groups */
  GListModel         *pending;
  GListModel         *review;
  gboolean            opened;
  gboolean            loading;
};

G_DEFINE_FINAL_TYPE (IopSessionsView, iop_sessions_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  PROP_TITLE,
  PROP_SUBPAGE,
  PROP_NEW_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const state_filter[] = { NULL, "scheduled", "draft", "signed", "cosigned", "cancelled" };

/* helpers */

static char *
date_label (const char *iso)
{
  g_autoptr(GDate) date = iop_date_parse (iso);
  char buf[64];

  if (date == NULL || g_date_strftime (buf, sizeof buf, "%a %x", date) == 0)
    return g_strdup (iso);
  return g_strdup (buf);
}

static char *
session_subtitle (IopSession *s)
{
  g_autofree char *time = iop_session_dup_time_label (s);
  g_autofree char *counts = NULL;

  if (g_strcmp0 (iop_session_get_state (s), "cancelled") == 0)
    return g_strdup_printf ("%s · %s", time, iop_session_get_cancel_reason (s));
  if (g_strcmp0 (iop_session_get_state (s), "scheduled") == 0)
    counts = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d member", "%d members", iop_session_get_roster_count (s)),
                              iop_session_get_roster_count (s));
  else
    counts = g_strdup_printf (_("%d of %d attended"), iop_session_get_attended_count (s), iop_session_get_roster_count (s));
  if (*iop_session_get_topic (s))
    return g_strdup_printf ("%s · %s · %s", time, counts, iop_session_get_topic (s));
  return g_strdup_printf ("%s · %s", time, counts);
}

static void
set_pill (GtkLabel   *pill,
          const char *state)
{
  gtk_label_set_text (pill, iop_session_state_label (state));
  gtk_widget_remove_css_class (GTK_WIDGET (pill), "success");
  gtk_widget_remove_css_class (GTK_WIDGET (pill), "warning");
  gtk_widget_remove_css_class (GTK_WIDGET (pill), "error");
  if (g_strcmp0 (state, "cosigned") == 0)
    gtk_widget_add_css_class (GTK_WIDGET (pill), "success");
  else if (g_strcmp0 (state, "draft") == 0 || g_strcmp0 (state, "signed") == 0)
    gtk_widget_add_css_class (GTK_WIDGET (pill), "warning");
  else if (g_strcmp0 (state, "cancelled") == 0)
    gtk_widget_add_css_class (GTK_WIDGET (pill), "error");
}

static GtkWidget *
session_action_row (gpointer item,
                    gpointer user_data)
{
  IopSession *s = item;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *pill = gtk_label_new (NULL);
  g_autofree char *date = date_label (iop_session_get_date (s));
  g_autofree char *title = g_strdup_printf ("%s · %s", date, iop_session_get_group_name (s));
  g_autofree char *subtitle = session_subtitle (s);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_widget_add_css_class (pill, "iop-pill");
  gtk_widget_set_valign (pill, GTK_ALIGN_CENTER);
  set_pill (GTK_LABEL (pill), iop_session_get_state (s));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), pill);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  g_object_set_data (G_OBJECT (row), "session-id", GINT_TO_POINTER ((int) iop_session_get_id (s)));
  return row;
}

static void
range_dates (Range   range,
             char  **from,
             char  **to)
{
  g_autofree char *today = iop_date_today ();
  g_autofree char *monday = iop_date_week_start (today);

  switch (range)
    {
    case RANGE_AROUND_TODAY:
      *from = iop_date_add_days (today, -14);
      *to = iop_date_add_days (today, 7);
      break;
    case RANGE_THIS_WEEK:
      *from = g_strdup (monday);
      *to = iop_date_add_days (monday, 6);
      break;
    case RANGE_LAST_8_WEEKS:
      *from = iop_date_add_days (today, -56);
      *to = g_strdup (today);
      break;
    case RANGE_NEXT_2_WEEKS:
      *from = g_strdup (today);
      *to = iop_date_add_days (today, 14);
      break;
    case RANGE_ALL:
    default:
      *from = NULL;
      *to = NULL;
      break;
    }
}

static IopHoursMinimums
minimums (void)
{
  IopHoursMinimums m = IOP_HOURS_MINIMUMS_INIT;
  GSettings *settings = iop_document_output_get_settings ();

  if (settings != NULL)
    {
      m.adult_iop = g_settings_get_double (settings, "hours-adult-iop");
      m.adolescent_iop = g_settings_get_double (settings, "hours-adolescent-iop");
      m.php = g_settings_get_double (settings, "hours-php");
    }
  return m;
}

static const char *
level_label (const char *level)
{
  if (g_strcmp0 (level, "adolescent-iop") == 0)
    return _("Adolescent IOP");
  if (g_strcmp0 (level, "php") == 0)
    return _("PHP");
  return _("Adult IOP");
}

static void
fill_hours (IopSessionsView *self,
            GtkListBox      *list,
            const char      *week)
{
  IopHoursMinimums mins = minimums ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) under = iop_store_list_under_minimum (self->store, week, &mins, &error);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
  if (under == NULL)
    {
      iop_widget_add_toast (GTK_WIDGET (self), error->message);
      return;
    }
  for (guint i = 0; i < under->len; i++)
    {
      IopHoursShortfall *s = g_ptr_array_index (under, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *subtitle = NULL;
      g_autofree char *title = g_strdup_printf ("%s (%s)", s->name, s->record_number);

      subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%.1f of %.1f hours · %d day · %s",
                                               "%.1f of %.1f hours · %d days · %s", s->days),
                                  s->minutes / 60.0, s->minimum_minutes / 60.0, s->days, level_label (s->level_of_care));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      g_object_set_data (G_OBJECT (row), "participant-id", GINT_TO_POINTER ((int) s->participant_id));
      gtk_list_box_append (list, row);
    }
  if (under->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Everyone has reached the minimum"));
      gtk_list_box_append (list, row);
    }
}

static void
reload_filters (IopSessionsView *self)
{
  g_autoptr(GListModel) groups = iop_store_list_groups (self->store, TRUE, NULL);
  g_autoptr(GtkStringList) group_names = gtk_string_list_new (NULL);
  gint64 actor = iop_store_get_actor (self->store);
  g_autoptr(IopStaff) signer = actor > 0 ? iop_store_get_staff (self->store, actor, NULL) : NULL;
  gint64 group_id = 0;
  guint group_index = 0;
  gint64 none = 0;

  if (self->group_ids->len > 0)
    group_id = g_array_index (self->group_ids, gint64, gtk_drop_down_get_selected (self->group_dropdown));

  g_array_set_size (self->group_ids, 0);
  g_array_append_val (self->group_ids, none);
  gtk_string_list_append (group_names, _("All groups"));
  for (guint i = 0; groups != NULL && i < g_list_model_get_n_items (groups); i++)
    {
      g_autoptr(IopGroup) g = g_list_model_get_item (groups, i);
      gint64 id = iop_group_get_id (g);

      if (id == group_id)
        group_index = self->group_ids->len;
      g_array_append_val (self->group_ids, id);
      gtk_string_list_append (group_names, iop_group_get_name (g));
    }

  self->loading = TRUE;
  gtk_drop_down_set_model (self->group_dropdown, G_LIST_MODEL (group_names));
  gtk_drop_down_set_selected (self->group_dropdown, group_index);
  self->loading = FALSE;

  /* Who signs here is whoever signed in: said, not chosen. */
  if (signer != NULL)
    {
      g_autofree char *text = g_strdup_printf (_("Signing as %s (%s)"), iop_staff_get_full_name (signer),
                                               iop_staff_role_label (iop_staff_get_role (signer)));

      gtk_label_set_text (self->signer_label, text);
    }
  else
    gtk_label_set_text (self->signer_label, "");
  gtk_widget_set_visible (GTK_WIDGET (self->signer_label), signer != NULL);
}

static void
reload_lists (IopSessionsView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) sessions = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *pending_title = NULL;
  g_autofree char *review_title = NULL;
  g_autofree char *today = iop_date_today ();
  g_autofree char *last_week = iop_date_add_days (today, -7);
  IopSessionQuery query = { 0 };
  guint state = gtk_drop_down_get_selected (self->state_dropdown);
  gint64 actor = iop_store_get_actor (self->store);
  g_autoptr(IopStaff) signer = actor > 0 ? iop_store_get_staff (self->store, actor, NULL) : NULL;
  gint64 pending_staff = signer != NULL && g_strcmp0 (iop_staff_get_role (signer), "counselor") == 0 ? actor : 0;

  range_dates ((Range) gtk_drop_down_get_selected (self->range_dropdown), &from, &to);
  query.group_id = g_array_index (self->group_ids, gint64, MIN (gtk_drop_down_get_selected (self->group_dropdown),
                                                                self->group_ids->len - 1));
  query.from = from;
  query.to = to;
  query.state = state < G_N_ELEMENTS (state_filter) ? state_filter[state] : NULL;

  sessions = iop_store_list_sessions (self->store, &query, &error);
  if (sessions == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Could not list the sessions: %s"), error->message);

      iop_widget_add_toast (GTK_WIDGET (self), message);
      sessions = G_LIST_MODEL (g_list_store_new (IOP_TYPE_SESSION));
    }
  gtk_filter_list_model_set_model (self->filtered, sessions);
  gtk_stack_set_visible_child_name (self->list_stack,
                                    g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) > 0 ? "list" : "empty");

  g_clear_object (&self->pending);
  g_clear_object (&self->review);
  self->pending = iop_store_list_sessions_to_document (self->store, pending_staff, NULL, NULL);
  self->review = iop_store_list_review_queue (self->store, NULL);
  if (self->pending == NULL)
    self->pending = G_LIST_MODEL (g_list_store_new (IOP_TYPE_SESSION));
  if (self->review == NULL)
    self->review = G_LIST_MODEL (g_list_store_new (IOP_TYPE_SESSION));
  gtk_list_box_bind_model (self->pending_list, self->pending, session_action_row, self, NULL);
  gtk_list_box_bind_model (self->review_list, self->review, session_action_row, self, NULL);
  pending_title = g_strdup_printf (_("To Do (%u)"), g_list_model_get_n_items (self->pending));
  review_title = g_strdup_printf (_("Review (%u)"), g_list_model_get_n_items (self->review));
  gtk_stack_page_set_title (self->pending_page, pending_title);
  gtk_stack_page_set_title (self->review_page, review_title);
  adw_preferences_group_set_description (self->pending_group,
                                         pending_staff > 0 ? _("Sessions you facilitate that are not documented or not signed yet.")
                                                        : _("Everyone’s sessions that are not documented or not signed yet. Sessions awaiting your co-signature are under Review."));

  fill_hours (self, self->this_week_list, today);
  fill_hours (self, self->last_week_list, last_week);
}

static void
reload (IopSessionsView *self)
{
  reload_filters (self);
  reload_lists (self);
}

/* callbacks */

static void
store_changed_cb (IopSessionsView *self,
                  const char      *kind)
{
  if (g_strcmp0 (kind, IOP_KIND_GROUP) == 0 || g_strcmp0 (kind, IOP_KIND_STAFF) == 0)
    reload (self);
  else if (g_strcmp0 (kind, IOP_KIND_SESSION) == 0 || g_strcmp0 (kind, IOP_KIND_ENROLLMENT) == 0
           || g_strcmp0 (kind, IOP_KIND_PARTICIPANT) == 0)
    reload_lists (self);
}

static void
filter_changed_cb (IopSessionsView *self)
{
  if (self->loading)
    return;
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  gtk_stack_set_visible_child_name (self->list_stack,
                                    g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) > 0 ? "list" : "empty");
}

static void
query_changed_cb (IopSessionsView *self)
{
  if (!self->loading)
    reload_lists (self);
}

static gboolean
match_cb (gpointer item,
          gpointer user_data)
{
  IopSessionsView *self = user_data;
  IopSession *s = item;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *needle = NULL;
  g_autofree char *haystack = NULL;

  if (text == NULL || *text == '\0')
    return TRUE;
  needle = g_utf8_casefold (text, -1);
  haystack = g_utf8_casefold (iop_session_get_group_name (s), -1);
  if (strstr (haystack, needle) != NULL)
    return TRUE;
  g_free (haystack);
  haystack = g_utf8_casefold (iop_session_get_topic (s), -1);
  return strstr (haystack, needle) != NULL;
}

static void
list_activate_cb (IopSessionsView *self,
                  guint            position)
{
  g_autoptr(IopSession) s = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  if (s != NULL)
    iop_sessions_view_show_session (self, iop_session_get_id (s));
}

static void
row_activated_cb (IopSessionsView *self,
                  GtkListBoxRow   *row)
{
  gint64 id = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "session-id"));

  if (id > 0)
    iop_sessions_view_show_session (self, id);
}

static void
hours_row_activated_cb (IopSessionsView *self,
                        GtkListBoxRow   *row)
{
  gint64 id = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "participant-id"));
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (id > 0 && IOP_IS_WINDOW (root))
    iop_window_show_participant (IOP_WINDOW (root), id);
}

static void
editor_title_cb (IopSessionsView *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              IopSessionsView          *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *subtitle = gtk_label_new (NULL);
  GtkWidget *pill = gtk_label_new (NULL);

  gtk_widget_set_hexpand (text, TRUE);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_ellipsize (GTK_LABEL (subtitle), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (title, "heading");
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_widget_add_css_class (pill, "iop-pill");
  gtk_widget_set_valign (pill, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (text), title);
  gtk_box_append (GTK_BOX (text), subtitle);
  gtk_box_append (GTK_BOX (box), text);
  gtk_box_append (GTK_BOX (box), pill);
  g_object_set_data (G_OBJECT (box), "title", title);
  g_object_set_data (G_OBJECT (box), "subtitle", subtitle);
  g_object_set_data (G_OBJECT (box), "pill", pill);
  gtk_list_item_set_child (item, box);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             IopSessionsView          *self)
{
  IopSession *s = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  g_autofree char *date = date_label (iop_session_get_date (s));
  g_autofree char *title = g_strdup_printf ("%s · %s", date, iop_session_get_group_name (s));
  g_autofree char *subtitle = session_subtitle (s);

  gtk_label_set_text (g_object_get_data (G_OBJECT (box), "title"), title);
  gtk_label_set_text (g_object_get_data (G_OBJECT (box), "subtitle"), subtitle);
  set_pill (g_object_get_data (G_OBJECT (box), "pill"), iop_session_get_state (s));
}

/* dialogs */

typedef struct {
  IopSessionsView *self;
  GtkDropDown     *group;
  GtkEditable     *from;
  GtkEditable     *to;
  GtkEditable     *time;
  GtkSpinButton   *duration;
  GtkEditable     *topic;
} SessionForm;

static void
session_form_free (SessionForm *form)
{
  g_object_unref (form->self);
  g_free (form);
}

static GtkWidget *
form_entry (GtkWidget  *grid,
            int         row,
            const char *label,
            const char *text)
{
  GtkWidget *title = gtk_label_new_with_mnemonic (label);
  GtkWidget *entry = gtk_entry_new ();

  gtk_label_set_xalign (GTK_LABEL (title), 1);
  gtk_label_set_mnemonic_widget (GTK_LABEL (title), entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), text != NULL ? text : "");
  gtk_widget_set_hexpand (entry, TRUE);
  gtk_grid_attach (GTK_GRID (grid), title, 0, row, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), entry, 1, row, 1, 1);
  return entry;
}

static GtkDropDown *
form_group_dropdown (SessionForm *form,
                     GtkWidget   *grid,
                     gboolean     with_all)
{
  IopSessionsView *self = form->self;
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  GtkWidget *title = gtk_label_new_with_mnemonic (_("_Group"));
  GtkWidget *dropdown;
  guint selected = gtk_drop_down_get_selected (self->group_dropdown);
  GtkStringList *groups = GTK_STRING_LIST (gtk_drop_down_get_model (self->group_dropdown));

  for (guint i = with_all ? 0 : 1; i < self->group_ids->len; i++)
    gtk_string_list_append (names, gtk_string_list_get_string (groups, i));
  dropdown = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (names)), NULL);
  if (with_all)
    gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), selected);
  else if (selected > 0)
    gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), selected - 1);
  gtk_label_set_xalign (GTK_LABEL (title), 1);
  gtk_label_set_mnemonic_widget (GTK_LABEL (title), dropdown);
  gtk_grid_attach (GTK_GRID (grid), title, 0, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), dropdown, 1, 0, 1, 1);
  return GTK_DROP_DOWN (dropdown);
}

static void
generate_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      SessionForm      *form)
{
  IopSessionsView *self = form->self;
  g_autoptr(GError) error = NULL;
  gint64 group_id;
  guint created = 0;

  if (g_strcmp0 (response, "generate") != 0)
    return;
  group_id = g_array_index (self->group_ids, gint64, gtk_drop_down_get_selected (form->group));
  if (!iop_store_generate_sessions (self->store, group_id, gtk_editable_get_text (form->from),
                                    gtk_editable_get_text (form->to), &created, &error))
    {
      iop_document_output_show_error (GTK_WIDGET (self), _("Could Not Generate Sessions"), error->message);
      return;
    }
  {
    g_autofree char *message = created == 0
      ? g_strdup (_("No new sessions: they all exist already"))
      : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Added %u session", "Added %u sessions", created), created);

    iop_widget_add_toast (GTK_WIDGET (self), message);
  }
}

static void
generate_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  IopSessionsView *self = IOP_SESSIONS_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                              _("Generate Sessions"),
                                              _("Adds the sessions of each group’s weekly schedule between two dates. Sessions that already exist are kept as they are."));
  GtkWidget *grid = gtk_grid_new ();
  SessionForm *form = g_new0 (SessionForm, 1);
  g_autofree char *today = iop_date_today ();
  g_autofree char *later = iop_date_add_days (today, 27);

  form->self = g_object_ref (self);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 8);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  form->group = form_group_dropdown (form, grid, TRUE);
  form->from = GTK_EDITABLE (form_entry (grid, 1, _("_From (YYYY-MM-DD)"), today));
  form->to = GTK_EDITABLE (form_entry (grid, 2, _("_To (YYYY-MM-DD)"), later));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), grid);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "generate", _("_Generate"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "generate", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "generate");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_data (dialog, "response", G_CALLBACK (generate_response_cb), form,
                         (GClosureNotify) (void (*) (void)) session_form_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
one_off_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     SessionForm      *form)
{
  IopSessionsView *self = form->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(IopSession) session = iop_session_new ();
  g_autoptr(IopGroup) group = NULL;
  gint64 group_id;

  if (g_strcmp0 (response, "add") != 0)
    return;
  group_id = g_array_index (self->group_ids, gint64, gtk_drop_down_get_selected (form->group) + 1);
  group = iop_store_get_group (self->store, group_id, NULL);
  iop_session_set_group_id (session, group_id);
  iop_session_set_date (session, gtk_editable_get_text (form->from));
  iop_session_set_start_time (session, gtk_editable_get_text (form->time));
  iop_session_set_duration_minutes (session, gtk_spin_button_get_value_as_int (form->duration));
  iop_session_set_topic (session, gtk_editable_get_text (form->topic));
  if (group != NULL)
    {
      iop_session_set_location (session, iop_group_get_location (group));
      iop_session_set_facilitator_id (session, iop_group_get_facilitator_id (group));
      iop_session_set_co_facilitator_id (session, iop_group_get_co_facilitator_id (group));
    }
  if (!iop_store_add_session (self->store, session, &error))
    {
      iop_document_output_show_error (GTK_WIDGET (self), _("Could Not Add the Session"), error->message);
      return;
    }
  iop_sessions_view_show_session (self, iop_session_get_id (session));
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  IopSessionsView *self = IOP_SESSIONS_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *dialog;
  GtkWidget *grid;
  GtkWidget *label;
  SessionForm *form;
  g_autofree char *today = iop_date_today ();

  if (self->group_ids->len <= 1)
    {
      iop_document_output_show_error (widget, _("No Groups Yet"), _("Create a group first, in the Groups view."));
      return;
    }
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, _("New One-off Session"),
                                   _("A session outside the group’s weekly schedule, such as a make-up or family session."));
  grid = gtk_grid_new ();
  form = g_new0 (SessionForm, 1);
  form->self = g_object_ref (self);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 8);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  form->group = form_group_dropdown (form, grid, FALSE);
  form->from = GTK_EDITABLE (form_entry (grid, 1, _("_Date (YYYY-MM-DD)"), today));
  form->time = GTK_EDITABLE (form_entry (grid, 2, _("_Start time (HH:MM)"), "09:00"));
  label = gtk_label_new_with_mnemonic (_("D_uration (minutes)"));
  gtk_label_set_xalign (GTK_LABEL (label), 1);
  form->duration = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (15, 720, 15));
  gtk_spin_button_set_value (form->duration, 90);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), GTK_WIDGET (form->duration));
  gtk_grid_attach (GTK_GRID (grid), label, 0, 3, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), GTK_WIDGET (form->duration), 1, 3, 1, 1);
  form->topic = GTK_EDITABLE (form_entry (grid, 4, _("To_pic"), ""));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), grid);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "add", _("_Add Session"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "add", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "add");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_data (dialog, "response", G_CALLBACK (one_off_response_cb), form,
                         (GClosureNotify) (void (*) (void)) session_form_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  IopSessionsView *self = IOP_SESSIONS_VIEW (widget);

  iop_sessions_view_show_list (self);
  gtk_stack_set_visible_child_name (self->tabs, "sessions");
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  iop_sessions_view_show_list (IOP_SESSIONS_VIEW (widget));
}

/* GObject vfuncs */

static void
iop_sessions_view_map (GtkWidget *widget)
{
  IopSessionsView *self = IOP_SESSIONS_VIEW (widget);

  GTK_WIDGET_CLASS (iop_sessions_view_parent_class)->map (widget);

  /* the to-do list on opening, when there is something to do */
  if (!self->opened)
    {
      self->opened = TRUE;
      if (self->pending != NULL && g_list_model_get_n_items (self->pending) > 0)
        gtk_stack_set_visible_child_name (self->tabs, "pending");
    }
}

static void
iop_sessions_view_constructed (GObject *object)
{
  IopSessionsView *self = IOP_SESSIONS_VIEW (object);

  G_OBJECT_CLASS (iop_sessions_view_parent_class)->constructed (object);

  g_assert (IOP_IS_STORE (self->store));
  iop_session_editor_set_store (self->editor, self->store);
  g_signal_connect_object (self->store, "changed", G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);
  reload (self);
}

static void
iop_sessions_view_dispose (GObject *object)
{
  IopSessionsView *self = IOP_SESSIONS_VIEW (object);

  g_clear_object (&self->selection);
  g_clear_object (&self->pending);
  g_clear_object (&self->review);
  g_clear_object (&self->store);
  g_clear_pointer (&self->group_ids, g_array_unref);

  G_OBJECT_CLASS (iop_sessions_view_parent_class)->dispose (object);
}

static void
iop_sessions_view_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  IopSessionsView *self = IOP_SESSIONS_VIEW (object);
  gboolean on_session = g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "session") == 0;

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_TITLE:
      g_value_set_string (value, on_session ? iop_session_editor_get_title (self->editor) : NULL);
      break;
    case PROP_SUBPAGE:
      g_value_set_boolean (value, on_session);
      break;
    case PROP_NEW_LABEL:
      g_value_set_string (value, _("New One-off Session"));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
iop_sessions_view_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  IopSessionsView *self = IOP_SESSIONS_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
iop_sessions_view_class_init (IopSessionsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = iop_sessions_view_constructed;
  object_class->dispose = iop_sessions_view_dispose;
  object_class->get_property = iop_sessions_view_get_property;
  object_class->set_property = iop_sessions_view_set_property;
  widget_class->map = iop_sessions_view_map;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, IOP_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SUBPAGE] =
    g_param_spec_boolean ("subpage", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NEW_LABEL] =
    g_param_spec_string ("new-label", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (IOP_TYPE_SESSION_EDITOR);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/iop/iop-sessions-view.ui");
  gtk_widget_class_bind_template_child (widget_class, IopSessionsView, stack);
  gtk_widget_class_bind_template_child (widget_class, IopSessionsView, tabs);
  gtk_widget_class_bind_template_child (widget_class, IopSessionsView, pending_page);
  gtk_widget_class_bind_template_child (widget_class, IopSessionsView, review_page);
  gtk_widget_class_bind_template_child (widget_class, IopSessionsView, list_stack);
  gtk_widget_class_bind_template_child (widget_class, IopSessionsView, list_view);
  gtk_widget_class_bind_template_child (widget_class, IopSessionsView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, IopSessionsView, group_dropdown);
  gtk_widget_class_bind_template_child (widget_class, IopSessionsView, range_dropdown);
  gtk_widget_class_bind_template_child (widget_class, IopSessionsView, state_dropdown);
  gtk_widget_class_bind_template_child (widget_class, IopSessionsView, signer_label);
  gtk_widget_class_bind_template_child (widget_class, IopSessionsView, pending_group);
  gtk_widget_class_bind_template_child (widget_class, IopSessionsView, pending_list);
  gtk_widget_class_bind_template_child (widget_class, IopSessionsView, review_list);
  gtk_widget_class_bind_template_child (widget_class, IopSessionsView, this_week_list);
  gtk_widget_class_bind_template_child (widget_class, IopSessionsView, last_week_list);
  gtk_widget_class_bind_template_child (widget_class, IopSessionsView, editor);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, list_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, hours_row_activated_cb);

  gtk_widget_class_install_action (widget_class, "view.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "view.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "view.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "view.generate", NULL, generate_action);
}

static void
iop_sessions_view_init (IopSessionsView *self)
{
  g_autoptr(GtkStringList) ranges = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) states = gtk_string_list_new (NULL);
  GtkListItemFactory *factory;

  gtk_widget_init_template (GTK_WIDGET (self));
  /* The filters are named by their tooltips. */
  iop_a11y_label_drop_down (self->group_dropdown, NULL);
  iop_a11y_label_drop_down (self->range_dropdown, NULL);
  iop_a11y_label_drop_down (self->state_dropdown, NULL);

  self->group_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  gtk_string_list_append (ranges, _("Last two weeks and next week"));
  gtk_string_list_append (ranges, _("This week"));
  gtk_string_list_append (ranges, _("Last eight weeks"));
  gtk_string_list_append (ranges, _("Next two weeks"));
  gtk_string_list_append (ranges, _("All dates"));
  gtk_drop_down_set_model (self->range_dropdown, G_LIST_MODEL (ranges));
  gtk_string_list_append (states, _("Any state"));
  for (guint i = 1; i < G_N_ELEMENTS (state_filter); i++)
    gtk_string_list_append (states, iop_session_state_label (state_filter[i]));
  gtk_drop_down_set_model (self->state_dropdown, G_LIST_MODEL (states));

  g_signal_connect_object (self->group_dropdown, "notify::selected", G_CALLBACK (query_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->range_dropdown, "notify::selected", G_CALLBACK (query_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->state_dropdown, "notify::selected", G_CALLBACK (query_changed_cb), self, G_CONNECT_SWAPPED);

  self->filter = gtk_custom_filter_new (match_cb, self, NULL);
  self->filtered = gtk_filter_list_model_new (NULL, GTK_FILTER (self->filter));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (self->filtered));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));

  g_signal_connect_object (self->editor, "notify::title", G_CALLBACK (editor_title_cb), self, G_CONNECT_SWAPPED);
}

/* public API */

GtkWidget *
iop_sessions_view_new (IopStore *store)
{
  return g_object_new (IOP_TYPE_SESSIONS_VIEW, "store", store, NULL);
}

/**
 * iop_sessions_view_show_session:
 * @self: an #IopSessionsView
 * @session_id: the session
 *
 * Opens the session in the editor.
 */
void
iop_sessions_view_show_session (IopSessionsView *self,
                                gint64           session_id)
{
  g_return_if_fail (IOP_IS_SESSIONS_VIEW (self));

  iop_session_editor_set_session_id (self->editor, session_id);
  gtk_stack_set_visible_child_name (self->stack, "session");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUBPAGE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

void
iop_sessions_view_show_list (IopSessionsView *self)
{
  g_return_if_fail (IOP_IS_SESSIONS_VIEW (self));

  iop_session_editor_flush (self->editor);
  gtk_stack_set_visible_child_name (self->stack, "list");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUBPAGE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

/**
 * iop_sessions_view_get_signer_text:
 * @self: an #IopSessionsView
 *
 * Returns: who signs here, as shown: the signed-in staff member
 */
const char *
iop_sessions_view_get_signer_text (IopSessionsView *self)
{
  g_return_val_if_fail (IOP_IS_SESSIONS_VIEW (self), NULL);
  return gtk_label_get_text (self->signer_label);
}

IopSessionEditor *
iop_sessions_view_get_editor (IopSessionsView *self)
{
  g_return_val_if_fail (IOP_IS_SESSIONS_VIEW (self), NULL);
  return self->editor;
}

/**
 * iop_sessions_view_get_model:
 *
 * Returns: (transfer none): the sessions as listed, after the filters
 */
GListModel *
iop_sessions_view_get_model (IopSessionsView *self)
{
  g_return_val_if_fail (IOP_IS_SESSIONS_VIEW (self), NULL);
  return G_LIST_MODEL (self->selection);
}

guint
iop_sessions_view_get_pending_count (IopSessionsView *self)
{
  g_return_val_if_fail (IOP_IS_SESSIONS_VIEW (self), 0);
  return self->pending != NULL ? g_list_model_get_n_items (self->pending) : 0;
}

guint
iop_sessions_view_get_review_count (IopSessionsView *self)
{
  g_return_val_if_fail (IOP_IS_SESSIONS_VIEW (self), 0);
  return self->review != NULL ? g_list_model_get_n_items (self->review) : 0;
}

const char *
iop_sessions_view_get_visible_tab (IopSessionsView *self)
{
  g_return_val_if_fail (IOP_IS_SESSIONS_VIEW (self), NULL);
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "session") == 0)
    return "session";
  return gtk_stack_get_visible_child_name (self->tabs);
}
