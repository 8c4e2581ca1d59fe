/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "iop-audit-view"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "iop-access.h"
#include "iop-a11y.h"
#include "iop-audit-view.h"
#include "iop-store-people.h"
#include "iop-window.h"

/*
 * The audit log, for supervisors and administrators: who did what to which
 * record and when, filtered by staff member, action, participant and dates,
 * with the state of the hash chain on top and a CSV export.
 */

#define MAX_SHOWN 5000

struct _IopAuditView
{
  AdwBin          parent_instance;

  /* template widgets */
  GtkBox         *chain_box;
  GtkImage       *chain_icon;
  GtkLabel       *chain_label;
  GtkDropDown    *staff_dropdown;
  GtkDropDown    *action_dropdown;
  GtkSearchEntry *record_entry;
  GtkEntry       *from_entry;
  GtkEntry       *to_entry;
  GtkStack       *content_stack;
  GtkColumnView  *column_view;

  /* owned */
  IopStore       *store;
  GListModel     *model;
  GArray         *staff_ids;      /* dropdown position → staff id (0: all) */
  GStrv           actions;        /* dropdown position - 1 → action */
  char           *chain_status;
  gboolean        dirty;
  gboolean        filling;
};

G_DEFINE_FINAL_TYPE (IopAuditView, iop_audit_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Helpers */

static gboolean
is_date_or_empty (const char *text)
{
  return *text == '\0' || g_regex_match_simple ("^\\d{4}-\\d{2}-\\d{2}$", text, 0, 0);
}

static void
read_filter (IopAuditView   *self,
             IopAuditFilter *filter,
             gint64         *participant_id,
             gboolean       *valid)
{
  guint staff = gtk_drop_down_get_selected (self->staff_dropdown);
  guint action = gtk_drop_down_get_selected (self->action_dropdown);
  const char *record = gtk_editable_get_text (GTK_EDITABLE (self->record_entry));
  const char *from = gtk_editable_get_text (GTK_EDITABLE (self->from_entry));
  const char *to = gtk_editable_get_text (GTK_EDITABLE (self->to_entry));

  *valid = TRUE;
  memset (filter, 0, sizeof *filter);
  if (staff != GTK_INVALID_LIST_POSITION && staff < self->staff_ids->len)
    filter->staff_id = g_array_index (self->staff_ids, gint64, staff);
  if (action != GTK_INVALID_LIST_POSITION && action > 0 && self->actions != NULL
      && action - 1 < g_strv_length (self->actions))
    filter->action = self->actions[action - 1];

  *participant_id = 0;
  if (*record != '\0')
    {
      g_autoptr(IopParticipant) p = iop_store_find_participant (self->store, record, NULL);

      /* An unknown record number matches nothing rather than everything. */
      *participant_id = p != NULL ? iop_participant_get_id (p) : G_MAXINT64;
    }
  filter->participant_id = *participant_id;

  if (is_date_or_empty (from))
    {
      filter->from = from;
      gtk_widget_remove_css_class (GTK_WIDGET (self->from_entry), "error");
    }
  else
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->from_entry), "error");
      *valid = FALSE;
    }
  if (is_date_or_empty (to))
    {
      filter->to = to;
      gtk_widget_remove_css_class (GTK_WIDGET (self->to_entry), "error");
    }
  else
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->to_entry), "error");
      *valid = FALSE;
    }
}

static void
update_chain (IopAuditView *self)
{
  g_autoptr(GError) error = NULL;
  IopAuditChainStatus status = { 0 };

  g_clear_pointer (&self->chain_status, g_free);
  gtk_widget_remove_css_class (GTK_WIDGET (self->chain_label), "success");
  gtk_widget_remove_css_class (GTK_WIDGET (self->chain_label), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->chain_icon), "success");
  gtk_widget_remove_css_class (GTK_WIDGET (self->chain_icon), "error");
  if (!iop_store_verify_audit (self->store, &status, &error))
    self->chain_status = g_strdup (error->message);
  else if (status.first_broken == 0)
    self->chain_status = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                       "The audit log is intact: %" G_GINT64_FORMAT " entry, none changed or removed.",
                                                       "The audit log is intact: %" G_GINT64_FORMAT " entries, none changed or removed.",
                                                       status.n_entries),
                                          status.n_entries);
  else
    self->chain_status = g_strdup_printf (_("The audit log was tampered with: entry %" G_GINT64_FORMAT " was changed, removed or inserted after it was written. Tell the program’s privacy officer."),
                                          status.first_broken);

  gtk_label_set_text (self->chain_label, self->chain_status);
  gtk_image_set_from_icon_name (self->chain_icon, error == NULL && status.first_broken == 0
                                                  ? "emblem-ok-symbolic" : "dialog-warning-symbolic");
  gtk_widget_add_css_class (GTK_WIDGET (self->chain_label),
                            error == NULL && status.first_broken == 0 ? "success" : "error");
  gtk_widget_add_css_class (GTK_WIDGET (self->chain_icon),
                            error == NULL && status.first_broken == 0 ? "success" : "error");
}

static void
fill_dropdowns (IopAuditView *self)
{
  g_autoptr(GtkStringList) staff = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) actions = gtk_string_list_new (NULL);
  g_autoptr(GListModel) people = iop_store_list_staff (self->store, NULL);
  gint64 all = 0;

  self->filling = TRUE;
  g_array_set_size (self->staff_ids, 0);
  gtk_string_list_append (staff, _("All Staff"));
  g_array_append_val (self->staff_ids, all);
  for (guint i = 0; people != NULL && i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(IopStaff) s = g_list_model_get_item (people, i);
      gint64 id = iop_staff_get_id (s);

      gtk_string_list_append (staff, iop_staff_get_full_name (s));
      g_array_append_val (self->staff_ids, id);
    }
  gtk_drop_down_set_model (self->staff_dropdown, G_LIST_MODEL (staff));

  g_clear_pointer (&self->actions, g_strfreev);
  self->actions = iop_store_list_audit_actions (self->store, NULL);
  gtk_string_list_append (actions, _("All Actions"));
  for (guint i = 0; self->actions != NULL && self->actions[i] != NULL; i++)
    gtk_string_list_append (actions, iop_audit_action_label (self->actions[i]));
  gtk_drop_down_set_model (self->action_dropdown, G_LIST_MODEL (actions));
  self->filling = FALSE;
}

static void
reload_now (IopAuditView *self)
{
  g_autoptr(GtkNoSelection) selection = NULL;
  IopAuditFilter filter;
  gint64 participant_id;
  gboolean valid;

  if (self->store == NULL || self->filling)
    return;
  self->dirty = FALSE;

  read_filter (self, &filter, &participant_id, &valid);
  if (!valid)
    return;

  g_clear_object (&self->model);
  self->model = iop_store_list_audit (self->store, &filter, MAX_SHOWN, NULL);
  if (self->model == NULL)
    self->model = G_LIST_MODEL (g_list_store_new (IOP_TYPE_AUDIT_ENTRY));
  selection = gtk_no_selection_new (g_object_ref (self->model));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (selection));
  gtk_stack_set_visible_child_name (self->content_stack,
                                    g_list_model_get_n_items (self->model) > 0 ? "list" : "empty");
  update_chain (self);
}

/* Every audited act changes the log: read it again only while it is on screen. */
static void
reload (IopAuditView *self)
{
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)) && self->model != NULL)
    self->dirty = TRUE;
  else
    reload_now (self);
}

static char *
entry_text (IopAuditEntry *entry,
            guint          column)
{
  switch (column)
    {
    case 0:
      {
        g_autoptr(GDateTime) utc = g_date_time_new_from_iso8601 (iop_audit_entry_get_at (entry), NULL);
        g_autoptr(GDateTime) local = utc != NULL ? g_date_time_to_local (utc) : NULL;

        return local != NULL ? g_date_time_format (local, "%x %X") : g_strdup (iop_audit_entry_get_at (entry));
      }
    case 1:
      return g_strdup (iop_audit_entry_get_staff_id (entry) > 0 ? iop_audit_entry_get_staff_username (entry)
                                                                 : C_("audit actor", "Circle"));
    case 2:
      return g_strdup (iop_audit_entry_get_action (entry) != NULL
                       ? iop_audit_action_label (iop_audit_entry_get_action (entry)) : "");
    case 3:
      if (iop_audit_entry_get_record_id (entry) > 0)
        return g_strdup_printf ("%s %" G_GINT64_FORMAT, iop_audit_entry_get_kind (entry),
                                iop_audit_entry_get_record_id (entry));
      return g_strdup (iop_audit_entry_get_kind (entry));
    case 4:
      return g_strdup (iop_audit_entry_get_record_number (entry));
    default:
      return g_strdup (iop_audit_entry_get_detail (entry));
    }
}

/* Callbacks */

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  GtkWidget *label = gtk_inscription_new (NULL);

  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (label), GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_inscription_set_min_chars (GTK_INSCRIPTION (label), 4);
  gtk_list_item_set_child (item, label);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  IopAuditEntry *entry = gtk_list_item_get_item (item);
  g_autofree char *text = entry_text (entry, GPOINTER_TO_UINT (user_data));

  gtk_inscription_set_text (GTK_INSCRIPTION (gtk_list_item_get_child (item)), text);
  gtk_widget_set_tooltip_text (gtk_list_item_get_child (item), text);
}

static void
filter_changed_cb (IopAuditView *self)
{
  reload (self);
}

static void
store_changed_cb (IopAuditView *self,
                  const char   *kind)
{
  if (g_strcmp0 (kind, IOP_KIND_STAFF) == 0)
    fill_dropdowns (self);
  if (g_strcmp0 (kind, IOP_KIND_AUDIT) == 0 || g_strcmp0 (kind, IOP_KIND_STAFF) == 0)
    reload (self);
}

static void
map_cb (IopAuditView *self)
{
  if (self->dirty)
    reload (self);
}

static void
export_response_cb (GtkNativeDialog *chooser,
                    int              response,
                    IopAuditView    *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autoptr(GError) error = NULL;

      if (iop_audit_view_export (self, file, &error))
        iop_widget_add_toast (GTK_WIDGET (self), _("Audit log exported"));
      else
        {
          GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

          if (IOP_IS_WINDOW (root))
            iop_window_show_error (IOP_WINDOW (root), _("Export Failed"), error->message);
        }
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  IopAuditView *self = IOP_AUDIT_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Export the Audit Log"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("audit-log.csv"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (export_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  gtk_widget_grab_focus (GTK_WIDGET (IOP_AUDIT_VIEW (widget)->record_entry));
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  /* The audit log has no new items: people do not write it, Circle does. */
}

/* GObject */

static void
iop_audit_view_constructed (GObject *object)
{
  IopAuditView *self = IOP_AUDIT_VIEW (object);
  static const char *titles[] = { N_("When"), N_("Staff"), N_("Action"), N_("Record"),
                                  N_("Participant"), N_("Detail") };
  static const int widths[] = { 170, 110, 140, 110, 100, -1 };

  G_OBJECT_CLASS (iop_audit_view_parent_class)->constructed (object);

  /* GTK 4.8's column view puts every cell in the Tab order, so Tab could never
   * leave a long log. Keep the table out of the Tab order; the filters above it
   * and the CSV export reach every entry by keyboard. */
  gtk_widget_set_can_focus (GTK_WIDGET (self->column_view), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_ancestor (GTK_WIDGET (self->column_view),
                                                                           GTK_TYPE_SCROLLED_WINDOW)),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Audit log entries"), -1);
  iop_a11y_label_drop_down (self->staff_dropdown, _("Staff member"));
  iop_a11y_label_drop_down (self->action_dropdown, _("Action"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->record_entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Record number"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->from_entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("From date"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->to_entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("To date"), -1);

  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      GtkColumnViewColumn *column;

      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), NULL);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), GUINT_TO_POINTER (i));
      column = gtk_column_view_column_new (_(titles[i]), factory);
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_column_set_expand (column, i == 5);
      gtk_column_view_column_set_fixed_width (column, widths[i]);
      gtk_column_view_append_column (self->column_view, column);
      g_object_unref (column);
    }

  fill_dropdowns (self);
  g_signal_connect_object (self->store, "changed", G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);
  reload_now (self);
}

static void
iop_audit_view_dispose (GObject *object)
{
  IopAuditView *self = IOP_AUDIT_VIEW (object);

  g_clear_object (&self->model);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (iop_audit_view_parent_class)->dispose (object);
}

static void
iop_audit_view_finalize (GObject *object)
{
  IopAuditView *self = IOP_AUDIT_VIEW (object);

  g_clear_pointer (&self->staff_ids, g_array_unref);
  g_clear_pointer (&self->actions, g_strfreev);
  g_clear_pointer (&self->chain_status, g_free);

  G_OBJECT_CLASS (iop_audit_view_parent_class)->finalize (object);
}

static void
iop_audit_view_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  IopAuditView *self = IOP_AUDIT_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
iop_audit_view_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  IopAuditView *self = IOP_AUDIT_VIEW (object);

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
iop_audit_view_class_init (IopAuditViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = iop_audit_view_constructed;
  object_class->dispose = iop_audit_view_dispose;
  object_class->finalize = iop_audit_view_finalize;
  object_class->get_property = iop_audit_view_get_property;
  object_class->set_property = iop_audit_view_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, IOP_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/iop/iop-audit-view.ui");
  gtk_widget_class_bind_template_child (widget_class, IopAuditView, chain_box);
  gtk_widget_class_bind_template_child (widget_class, IopAuditView, chain_icon);
  gtk_widget_class_bind_template_child (widget_class, IopAuditView, chain_label);
  gtk_widget_class_bind_template_child (widget_class, IopAuditView, staff_dropdown);
  gtk_widget_class_bind_template_child (widget_class, IopAuditView, action_dropdown);
  gtk_widget_class_bind_template_child (widget_class, IopAuditView, record_entry);
  gtk_widget_class_bind_template_child (widget_class, IopAuditView, from_entry);
  gtk_widget_class_bind_template_child (widget_class, IopAuditView, to_entry);
  gtk_widget_class_bind_template_child (widget_class, IopAuditView, content_stack);
  gtk_widget_class_bind_template_child (widget_class, IopAuditView, column_view);

  gtk_widget_class_install_action (widget_class, "audit.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "view.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "view.new", NULL, new_action);
}

static void
iop_audit_view_init (IopAuditView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->staff_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_signal_connect_swapped (self->staff_dropdown, "notify::selected", G_CALLBACK (filter_changed_cb), self);
  g_signal_connect_swapped (self->action_dropdown, "notify::selected", G_CALLBACK (filter_changed_cb), self);
  g_signal_connect_swapped (self->record_entry, "search-changed", G_CALLBACK (filter_changed_cb), self);
  g_signal_connect_swapped (self->from_entry, "changed", G_CALLBACK (filter_changed_cb), self);
  g_signal_connect_swapped (self->to_entry, "changed", G_CALLBACK (filter_changed_cb), self);
  g_signal_connect_swapped (self, "map", G_CALLBACK (map_cb), self);
}

/* Public API */

/**
 * iop_audit_view_get_model:
 * @self: an #IopAuditView
 *
 * Returns: (transfer none): the entries shown, newest first
 */
GListModel *
iop_audit_view_get_model (IopAuditView *self)
{
  g_return_val_if_fail (IOP_IS_AUDIT_VIEW (self), NULL);

  if (self->dirty)
    reload_now (self);
  return self->model;
}

/**
 * iop_audit_view_set_filter:
 * @self: an #IopAuditView
 * @username: (nullable): a staff member's user name, or %NULL for all
 * @action: (nullable): an action, or %NULL for all
 * @record_number: (nullable): a participant's record number
 * @from: (nullable): first day, YYYY-MM-DD
 * @to: (nullable): last day, YYYY-MM-DD
 *
 * Sets the filters as a person would pick them.
 */
void
iop_audit_view_set_filter (IopAuditView *self,
                           const char   *username,
                           const char   *action,
                           const char   *record_number,
                           const char   *from,
                           const char   *to)
{
  guint staff_position = 0;
  guint action_position = 0;

  g_return_if_fail (IOP_IS_AUDIT_VIEW (self));

  if (username != NULL)
    {
      g_autoptr(IopStaff) s = iop_store_find_staff (self->store, username);

      for (guint i = 0; s != NULL && i < self->staff_ids->len; i++)
        if (g_array_index (self->staff_ids, gint64, i) == iop_staff_get_id (s))
          staff_position = i;
    }
  for (guint i = 0; action != NULL && self->actions != NULL && self->actions[i] != NULL; i++)
    if (g_str_equal (self->actions[i], action))
      action_position = i + 1;

  self->filling = TRUE;
  gtk_drop_down_set_selected (self->staff_dropdown, staff_position);
  gtk_drop_down_set_selected (self->action_dropdown, action_position);
  gtk_editable_set_text (GTK_EDITABLE (self->record_entry), record_number != NULL ? record_number : "");
  gtk_editable_set_text (GTK_EDITABLE (self->from_entry), from != NULL ? from : "");
  gtk_editable_set_text (GTK_EDITABLE (self->to_entry), to != NULL ? to : "");
  self->filling = FALSE;
  reload_now (self);
}

/**
 * iop_audit_view_get_chain_status:
 * @self: an #IopAuditView
 *
 * Returns: the sentence shown about the hash chain
 */
const char *
iop_audit_view_get_chain_status (IopAuditView *self)
{
  g_return_val_if_fail (IOP_IS_AUDIT_VIEW (self), NULL);

  return self->chain_status;
}

/**
 * iop_audit_view_export:
 * @self: an #IopAuditView
 * @file: where to write the CSV (0600)
 * @error: return location for a #GError
 *
 * Exports the entries the filters select.
 *
 * Returns: %TRUE when written
 */
gboolean
iop_audit_view_export (IopAuditView  *self,
                       GFile         *file,
                       GError       **error)
{
  g_autoptr(GFileOutputStream) out = NULL;
  IopAuditFilter filter;
  gint64 participant_id;
  gboolean valid;

  g_return_val_if_fail (IOP_IS_AUDIT_VIEW (self), FALSE);

  read_filter (self, &filter, &participant_id, &valid);
  out = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_PRIVATE | G_FILE_CREATE_REPLACE_DESTINATION,
                        NULL, error);
  if (out == NULL)
    return FALSE;
  if (!iop_store_export_audit_csv (self->store, valid ? &filter : NULL, G_OUTPUT_STREAM (out), error)
      || !g_output_stream_close (G_OUTPUT_STREAM (out), NULL, error))
    {
      g_file_delete (file, NULL, NULL);
      return FALSE;
    }
  return TRUE;
}
