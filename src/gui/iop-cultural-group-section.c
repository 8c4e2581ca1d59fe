/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "iop-cultural-group-section"

#include "config.h"

#include <glib/gi18n.h>

#include "iop-cultural-group-section.h"
#include "iop-cultural-note-editor.h"
#include "iop-cultural-note-row.h"
#include "iop-store-cultural.h"
#include "iop-window.h"

/*
 * The group page's cultural composition (counts from the members' profiles),
 * who has an observance when the group meets (names, on screen only), and the
 * facilitators' cultural notes on the group.
 */
struct _IopCulturalGroupSection
{
  GtkBox          parent_instance;

  /* template widgets */
  AdwActionRow   *profiles_row;
  AdwActionRow   *languages_row;
  AdwActionRow   *interpreters_row;
  AdwActionRow   *accommodations_row;
  AdwExpanderRow *conflicts_row;
  GtkListBox     *notes_list;

  /* borrowed: the rows inside conflicts_row */
  GPtrArray      *conflict_rows;

  /* owned */
  IopGroupPage   *page;
  IopStore       *store;
  GListStore     *notes;
  gint64          group_id;
};

G_DEFINE_FINAL_TYPE (IopCulturalGroupSection, iop_cultural_group_section, GTK_TYPE_BOX)

static void
show_composition (IopCulturalGroupSection *self,
                  IopCulturalComposition  *comp)
{
  g_autofree char *profiles = NULL;
  g_autofree char *languages = iop_cultural_composition_dup_languages_label (comp);
  g_autofree char *interpreters = NULL;
  g_autofree char *accommodations = NULL;
  g_autofree char *conflicts = NULL;

  profiles = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u member", "%u of %u members", comp->n_members),
                              comp->n_profiles, comp->n_members);
  adw_action_row_set_subtitle (self->profiles_row, profiles);
  adw_action_row_set_subtitle (self->languages_row, languages);

  if (comp->interpreter_needed == 0)
    interpreters = g_strdup (_("None needed"));
  else if (comp->interpreter_arranged < comp->interpreter_needed)
    interpreters = g_strdup_printf (_("%u needed · %u arranged · %u still to arrange"), comp->interpreter_needed,
                                    comp->interpreter_arranged, comp->interpreter_needed - comp->interpreter_arranged);
  else
    interpreters = g_strdup_printf (_("%u needed · %u arranged"), comp->interpreter_needed, comp->interpreter_arranged);
  adw_action_row_set_subtitle (self->interpreters_row, interpreters);

  accommodations = g_strdup_printf (_("Observances %u · Dietary needs %u · Accessibility %u"),
                                    comp->n_observances, comp->n_dietary, comp->n_accessibility);
  adw_action_row_set_subtitle (self->accommodations_row, accommodations);

  conflicts = comp->schedule_conflicts == 0
    ? g_strdup (_("None: no member’s observance falls when the group meets"))
    : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u member · names below are shown on screen only",
                                    "%u members · names below are shown on screen only", comp->schedule_conflicts),
                       comp->schedule_conflicts);
  adw_expander_row_set_subtitle (self->conflicts_row, conflicts);
}

static void
show_conflicts (IopCulturalGroupSection *self)
{
  g_autoptr(GPtrArray) conflicts = NULL;

  for (guint i = 0; i < self->conflict_rows->len; i++)
    adw_expander_row_remove (self->conflicts_row, g_ptr_array_index (self->conflict_rows, i));
  g_ptr_array_set_size (self->conflict_rows, 0);

  /* Names, for the facilitator looking at this page; never printed or exported. */
  conflicts = iop_store_list_cultural_conflicts_for_screen (self->store, self->group_id, NULL, NULL);
  for (guint i = 0; conflicts != NULL && i < conflicts->len; i++)
    {
      IopCulturalConflict *conflict = g_ptr_array_index (conflicts, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *subtitle = *conflict->schedule
        ? g_strdup_printf ("%s (%s)", conflict->observances, conflict->schedule)
        : g_strdup (conflict->observances);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), conflict->participant_name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
      adw_expander_row_add_row (self->conflicts_row, row);
      g_ptr_array_add (self->conflict_rows, row);
    }
  gtk_widget_set_sensitive (GTK_WIDGET (self->conflicts_row), self->conflict_rows->len > 0);
}

static GtkWidget *
create_note_row (gpointer item,
                 gpointer user_data)
{
  IopCulturalGroupSection *self = user_data;
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *note_row = iop_cultural_note_row_new (self->store, FALSE);

  iop_cultural_note_row_set_note (IOP_CULTURAL_NOTE_ROW (note_row), item);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), note_row);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  return row;
}

static void
reload (IopCulturalGroupSection *self)
{
  g_autoptr(IopCulturalComposition) comp = NULL;
  g_autoptr(GListModel) notes = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;

  self->group_id = self->page != NULL ? iop_group_page_get_group_id (self->page) : 0;
  gtk_widget_set_visible (GTK_WIDGET (self), self->store != NULL && self->group_id > 0);
  if (self->store == NULL || self->group_id <= 0)
    return;

  comp = iop_store_get_cultural_composition (self->store, self->group_id, NULL, &error);
  if (comp == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Could not count the group’s cultural composition: %s"),
                                                  error->message);
      iop_widget_add_toast (GTK_WIDGET (self), message);
      return;
    }
  show_composition (self, comp);
  show_conflicts (self);

  notes = iop_store_list_cultural_notes_for_group (self->store, self->group_id, NULL);
  for (guint i = 0; notes != NULL && i < g_list_model_get_n_items (notes); i++)
    g_ptr_array_add (items, g_list_model_get_item (notes, i));
  g_list_store_splice (self->notes, 0, g_list_model_get_n_items (G_LIST_MODEL (self->notes)),
                       items->pdata, items->len);
}

static void
store_changed_cb (IopCulturalGroupSection *self,
                  const char              *kind)
{
  if (g_strcmp0 (kind, IOP_KIND_CULTURAL) == 0 || g_strcmp0 (kind, IOP_KIND_PARTICIPANT) == 0
      || g_strcmp0 (kind, IOP_KIND_ENROLLMENT) == 0 || g_strcmp0 (kind, IOP_KIND_GROUP) == 0)
    reload (self);
}

static void
page_store_cb (IopCulturalGroupSection *self)
{
  IopStore *store = NULL;

  g_object_get (self->page, "store", &store, NULL);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_set_object (&self->store, store);
  if (store != NULL)
    g_signal_connect_object (store, "changed", G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);
  g_clear_object (&store);
  reload (self);
}

static void
new_group_note_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  IopCulturalGroupSection *self = IOP_CULTURAL_GROUP_SECTION (widget);
  GtkWidget *editor;
  GtkRoot *root = gtk_widget_get_root (widget);

  if (self->store == NULL || self->group_id <= 0)
    return;
  editor = iop_cultural_note_editor_new_for_group (self->store, self->group_id);
  gtk_window_set_transient_for (GTK_WINDOW (editor), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
iop_cultural_group_section_dispose (GObject *object)
{
  IopCulturalGroupSection *self = IOP_CULTURAL_GROUP_SECTION (object);

  g_clear_weak_pointer (&self->page);
  g_clear_object (&self->store);
  g_clear_object (&self->notes);
  g_clear_pointer (&self->conflict_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (iop_cultural_group_section_parent_class)->dispose (object);
}

static void
iop_cultural_group_section_class_init (IopCulturalGroupSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = iop_cultural_group_section_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/iop/iop-cultural-group-section.ui");
  gtk_widget_class_bind_template_child (widget_class, IopCulturalGroupSection, profiles_row);
  gtk_widget_class_bind_template_child (widget_class, IopCulturalGroupSection, languages_row);
  gtk_widget_class_bind_template_child (widget_class, IopCulturalGroupSection, interpreters_row);
  gtk_widget_class_bind_template_child (widget_class, IopCulturalGroupSection, accommodations_row);
  gtk_widget_class_bind_template_child (widget_class, IopCulturalGroupSection, conflicts_row);
  gtk_widget_class_bind_template_child (widget_class, IopCulturalGroupSection, notes_list);

  gtk_widget_class_install_action (widget_class, "cultural.new-group-note", NULL, new_group_note_action);
}

static void
iop_cultural_group_section_init (IopCulturalGroupSection *self)
{
  GtkWidget *placeholder;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->conflict_rows = g_ptr_array_new ();
  self->notes = g_list_store_new (IOP_TYPE_CULTURAL_NOTE);
  gtk_list_box_bind_model (self->notes_list, G_LIST_MODEL (self->notes), create_note_row, self, NULL);
  placeholder = gtk_label_new (_("No cultural notes on this group yet."));
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 18);
  gtk_widget_set_margin_bottom (placeholder, 18);
  gtk_list_box_set_placeholder (self->notes_list, placeholder);
}

IopCulturalGroupSection *
iop_cultural_group_section_attach (IopGroupPage *page)
{
  IopCulturalGroupSection *self;

  g_return_val_if_fail (IOP_IS_GROUP_PAGE (page), NULL);

  self = g_object_new (IOP_TYPE_CULTURAL_GROUP_SECTION, NULL);
  g_set_weak_pointer (&self->page, page);
  gtk_box_append (iop_group_page_get_sections_box (page), GTK_WIDGET (self));
  /* The page says which group it shows by renaming itself. */
  g_signal_connect_object (page, "notify::store", G_CALLBACK (page_store_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (page, "notify::title", G_CALLBACK (reload), self, G_CONNECT_SWAPPED);
  page_store_cb (self);
  return self;
}

/**
 * iop_cultural_group_section_dup_text:
 *
 * Returns: (transfer full): the composition as shown, one "title: value" per line
 */
char *
iop_cultural_group_section_dup_text (IopCulturalGroupSection *self)
{
  AdwActionRow *rows[] = { self->profiles_row, self->languages_row, self->interpreters_row, self->accommodations_row };
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    g_string_append_printf (text, "%s: %s\n", adw_preferences_row_get_title (ADW_PREFERENCES_ROW (rows[i])),
                            adw_action_row_get_subtitle (rows[i]));
  g_string_append_printf (text, "%s: %s\n", adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self->conflicts_row)),
                          adw_expander_row_get_subtitle (self->conflicts_row));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

GListModel *
iop_cultural_group_section_get_notes (IopCulturalGroupSection *self)
{
  return G_LIST_MODEL (self->notes);
}

guint
iop_cultural_group_section_get_n_conflict_rows (IopCulturalGroupSection *self)
{
  return self->conflict_rows->len;
}
