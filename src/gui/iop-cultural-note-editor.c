/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "iop-cultural-note-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "iop-access.h"
#include "iop-cultural-note-editor.h"
#include "iop-date.h"
#include "iop-store-cultural.h"
#include "iop-store-people.h"
#include "iop-window.h"

/*
 * Writes a new cultural note, or changes one that is not signed yet. A note
 * opened from a participant's or a group's page is about them; one started
 * from the Cultural Notes view asks whom it is about.
 */
struct _IopCulturalNoteEditor
{
  AdwWindow        parent_instance;

  /* template widgets */
  AdwWindowTitle  *window_title;
  GtkScrolledWindow *scroller;
  GtkLabel        *error_label;
  AdwComboRow     *subject_row;
  AdwActionRow    *subject_fixed_row;
  AdwEntryRow     *date_row;
  AdwComboRow     *kind_row;
  GtkStringList   *kind_list;
  GtkTextView     *text_view;
  GtkTextView     *outcome_view;

  /* owned */
  IopStore        *store;
  IopCulturalNote *note;
  GArray          *subject_participants;   /* gint64 per subject row: participant, or 0 */
  GArray          *subject_groups;         /* gint64 per subject row: group, or 0 */
};

G_DEFINE_FINAL_TYPE (IopCulturalNoteEditor, iop_cultural_note_editor, ADW_TYPE_WINDOW)

static void
set_text (GtkTextView *view,
          const char  *text)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), text != NULL ? text : "", -1);
}

static char *
dup_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
show_error (IopCulturalNoteEditor *self,
            const char            *message)
{
  GtkAdjustment *vadj = gtk_scrolled_window_get_vadjustment (self->scroller);

  gtk_label_set_text (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
  gtk_adjustment_set_value (vadj, gtk_adjustment_get_lower (vadj));
}

static void
fill_subjects (IopCulturalNoteEditor *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GListModel) groups = iop_store_list_groups (self->store, FALSE, NULL);
  g_autoptr(GPtrArray) people = iop_store_list_participants (self->store, NULL);
  g_autoptr(GArray) visible = NULL;
  g_autoptr(GHashTable) in_scope = g_hash_table_new (g_int64_hash, g_int64_equal);
  gboolean everyone = FALSE;
  gint64 actor = iop_store_get_actor (self->store);
  gint64 none = 0;

  /* A counselor writes about their own groups and caseload only: offer no one else. */
  visible = iop_access_list_visible_participants (self->store, &everyone, NULL);
  for (guint i = 0; visible != NULL && i < visible->len; i++)
    g_hash_table_add (in_scope, &g_array_index (visible, gint64, i));

  /* No preselected subject: a note must never land on someone by default. */
  gtk_string_list_append (names, _("Choose…"));
  g_array_append_val (self->subject_groups, none);
  g_array_append_val (self->subject_participants, none);
  for (guint i = 0; groups != NULL && i < g_list_model_get_n_items (groups); i++)
    {
      g_autoptr(IopGroup) g = g_list_model_get_item (groups, i);
      g_autofree char *label = g_strdup_printf (_("Group: %s"), iop_group_get_name (g));
      gint64 id = iop_group_get_id (g);

      if (!everyone && iop_group_get_facilitator_id (g) != actor
          && iop_group_get_co_facilitator_id (g) != actor)
        continue;
      gtk_string_list_append (names, label);
      g_array_append_val (self->subject_groups, id);
      g_array_append_val (self->subject_participants, none);
    }
  for (guint i = 0; people != NULL && i < people->len; i++)
    {
      IopParticipant *p = g_ptr_array_index (people, i);
      g_autofree char *name = NULL;
      g_autofree char *label = NULL;
      gint64 id = iop_participant_get_id (p);

      if (g_strcmp0 (iop_participant_get_status (p), "discharged") == 0)
        continue;
      if (!everyone && !g_hash_table_contains (in_scope, &id))
        continue;
      name = iop_participant_dup_display_name (p);
      label = g_strdup_printf (_("%s (%s)"), name, iop_participant_get_record_number (p));
      gtk_string_list_append (names, label);
      g_array_append_val (self->subject_groups, none);
      g_array_append_val (self->subject_participants, id);
    }
  adw_combo_row_set_model (self->subject_row, G_LIST_MODEL (names));
}

static void
load (IopCulturalNoteEditor *self)
{
  const char * const *kinds = iop_cultural_note_kind_values ();
  gboolean is_new = iop_cultural_note_get_id (self->note) <= 0;
  gboolean choose = is_new && iop_cultural_note_get_participant_id (self->note) <= 0
                    && iop_cultural_note_get_group_id (self->note) <= 0;

  adw_window_title_set_title (self->window_title, is_new ? _("New Cultural Note") : _("Edit Cultural Note"));
  gtk_widget_set_visible (GTK_WIDGET (self->subject_row), choose);
  gtk_widget_set_visible (GTK_WIDGET (self->subject_fixed_row), !choose);

  if (choose)
    fill_subjects (self);
  else
    {
      const char *name = iop_cultural_note_get_subject_name (self->note);

      if (*name == '\0' && iop_cultural_note_get_participant_id (self->note) > 0)
        {
          g_autoptr(IopParticipant) p = iop_store_get_participant (self->store,
                                                                   iop_cultural_note_get_participant_id (self->note),
                                                                   NULL);
          g_autofree char *display = p != NULL ? iop_participant_dup_display_name (p) : NULL;

          iop_cultural_note_set_subject_name (self->note, display);
        }
      else if (*name == '\0')
        {
          g_autoptr(IopGroup) g = iop_store_get_group (self->store, iop_cultural_note_get_group_id (self->note), NULL);

          iop_cultural_note_set_subject_name (self->note, g != NULL ? iop_group_get_name (g) : "");
        }
      adw_action_row_set_subtitle (self->subject_fixed_row, iop_cultural_note_get_subject_name (self->note));
      adw_window_title_set_subtitle (self->window_title, iop_cultural_note_get_subject_name (self->note));
    }

  gtk_editable_set_text (GTK_EDITABLE (self->date_row), iop_cultural_note_get_date (self->note));
  for (guint i = 0; kinds[i] != NULL; i++)
    {
      gtk_string_list_append (self->kind_list, iop_cultural_note_kind_label (kinds[i]));
      if (g_strcmp0 (kinds[i], iop_cultural_note_get_kind (self->note)) == 0)
        adw_combo_row_set_selected (self->kind_row, i);
    }
  set_text (self->text_view, iop_cultural_note_get_text (self->note));
  set_text (self->outcome_view, iop_cultural_note_get_outcome (self->note));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  IopCulturalNoteEditor *self = IOP_CULTURAL_NOTE_EDITOR (widget);
  g_autoptr(IopCulturalNote) note = iop_cultural_note_copy (self->note);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = dup_text (self->text_view);
  g_autofree char *outcome = dup_text (self->outcome_view);
  g_autofree char *date = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->date_row))));
  const char * const *kinds = iop_cultural_note_kind_values ();
  guint kind = adw_combo_row_get_selected (self->kind_row);
  gboolean is_new = iop_cultural_note_get_id (note) <= 0;
  gboolean ok;

  if (gtk_widget_get_visible (GTK_WIDGET (self->subject_row)))
    {
      guint subject = adw_combo_row_get_selected (self->subject_row);

      if (subject == GTK_INVALID_LIST_POSITION || subject >= self->subject_groups->len
          || (g_array_index (self->subject_groups, gint64, subject) == 0
              && g_array_index (self->subject_participants, gint64, subject) == 0))
        {
          show_error (self, _("Choose whom the note is about."));
          return;
        }
      iop_cultural_note_set_group_id (note, g_array_index (self->subject_groups, gint64, subject));
      iop_cultural_note_set_participant_id (note, g_array_index (self->subject_participants, gint64, subject));
    }

  iop_cultural_note_set_date (note, date);
  if (kind < g_strv_length ((char **) kinds))
    iop_cultural_note_set_kind (note, kinds[kind]);
  iop_cultural_note_set_text (note, g_strstrip (text));
  iop_cultural_note_set_outcome (note, g_strstrip (outcome));

  if (is_new)
    ok = iop_store_add_cultural_note (self->store, note, &error);
  else
    ok = iop_store_update_cultural_note (self->store, note, &error);
  if (!ok)
    {
      show_error (self, error->message);
      return;
    }

  iop_widget_add_toast (widget, is_new ? _("Note saved. Sign it when it is final.") : _("Note saved"));
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
iop_cultural_note_editor_dispose (GObject *object)
{
  IopCulturalNoteEditor *self = IOP_CULTURAL_NOTE_EDITOR (object);

  g_clear_object (&self->store);
  g_clear_object (&self->note);
  g_clear_pointer (&self->subject_participants, g_array_unref);
  g_clear_pointer (&self->subject_groups, g_array_unref);

  G_OBJECT_CLASS (iop_cultural_note_editor_parent_class)->dispose (object);
}

static void
iop_cultural_note_editor_class_init (IopCulturalNoteEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = iop_cultural_note_editor_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/iop/iop-cultural-note-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, IopCulturalNoteEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, IopCulturalNoteEditor, scroller);
  gtk_widget_class_bind_template_child (widget_class, IopCulturalNoteEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, IopCulturalNoteEditor, subject_row);
  gtk_widget_class_bind_template_child (widget_class, IopCulturalNoteEditor, subject_fixed_row);
  gtk_widget_class_bind_template_child (widget_class, IopCulturalNoteEditor, date_row);
  gtk_widget_class_bind_template_child (widget_class, IopCulturalNoteEditor, kind_row);
  gtk_widget_class_bind_template_child (widget_class, IopCulturalNoteEditor, kind_list);
  gtk_widget_class_bind_template_child (widget_class, IopCulturalNoteEditor, text_view);
  gtk_widget_class_bind_template_child (widget_class, IopCulturalNoteEditor, outcome_view);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
iop_cultural_note_editor_init (IopCulturalNoteEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->subject_participants = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->subject_groups = g_array_new (FALSE, FALSE, sizeof (gint64));
}

static GtkWidget *
editor_new (IopStore        *store,
            IopCulturalNote *note)
{
  IopCulturalNoteEditor *self = g_object_new (IOP_TYPE_CULTURAL_NOTE_EDITOR, NULL);

  self->store = g_object_ref (store);
  self->note = note;
  load (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->text_view));
  return GTK_WIDGET (self);
}

static IopCulturalNote *
new_note (void)
{
  IopCulturalNote *note = iop_cultural_note_new ();
  g_autofree char *today = iop_date_today ();

  iop_cultural_note_set_date (note, today);
  return note;
}

GtkWidget *
iop_cultural_note_editor_new (IopStore *store)
{
  g_return_val_if_fail (IOP_IS_STORE (store), NULL);

  return editor_new (store, new_note ());
}

GtkWidget *
iop_cultural_note_editor_new_for_participant (IopStore *store,
                                              gint64    participant_id)
{
  IopCulturalNote *note;

  g_return_val_if_fail (IOP_IS_STORE (store), NULL);

  note = new_note ();
  iop_cultural_note_set_participant_id (note, participant_id);
  return editor_new (store, note);
}

GtkWidget *
iop_cultural_note_editor_new_for_group (IopStore *store,
                                        gint64    group_id)
{
  IopCulturalNote *note;

  g_return_val_if_fail (IOP_IS_STORE (store), NULL);

  note = new_note ();
  iop_cultural_note_set_group_id (note, group_id);
  return editor_new (store, note);
}

GtkWidget *
iop_cultural_note_editor_new_for_note (IopStore        *store,
                                       IopCulturalNote *note)
{
  g_return_val_if_fail (IOP_IS_STORE (store), NULL);
  g_return_val_if_fail (IOP_IS_CULTURAL_NOTE (note), NULL);

  return editor_new (store, iop_cultural_note_copy (note));
}

GtkTextView *
iop_cultural_note_editor_get_text_view (IopCulturalNoteEditor *self)
{
  return self->text_view;
}

GtkTextView *
iop_cultural_note_editor_get_outcome_view (IopCulturalNoteEditor *self)
{
  return self->outcome_view;
}

AdwEntryRow *
iop_cultural_note_editor_get_date_row (IopCulturalNoteEditor *self)
{
  return self->date_row;
}

AdwComboRow *
iop_cultural_note_editor_get_kind_row (IopCulturalNoteEditor *self)
{
  return self->kind_row;
}

AdwComboRow *
iop_cultural_note_editor_get_subject_row (IopCulturalNoteEditor *self)
{
  return self->subject_row;
}

GtkLabel *
iop_cultural_note_editor_get_error_label (IopCulturalNoteEditor *self)
{
  return self->error_label;
}
