/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "iop-cultural-note-row"

#include "config.h"

#include <glib/gi18n.h>

#include "iop-cultural-note-editor.h"
#include "iop-cultural-note-row.h"
#include "iop-date.h"
#include "iop-store-cultural.h"
#include "iop-window.h"

/*
 * One cultural note as a counselor reads it: what kind, when, by whom, its
 * signed state in words, the text, how it worked, and any addenda, with the
 * one or two things that can still be done to it.
 */
struct _IopCulturalNoteRow
{
  AdwBin           parent_instance;

  /* template widgets */
  GtkLabel        *title_label;
  GtkLabel        *byline_label;
  GtkLabel        *state_label;
  GtkLabel        *text_label;
  GtkLabel        *outcome_label;
  GtkBox          *addenda_box;
  GtkButton       *edit_button;
  GtkButton       *sign_button;
  GtkButton       *addendum_button;

  /* owned */
  IopStore        *store;
  IopCulturalNote *note;
  gboolean         show_subject;
};

G_DEFINE_FINAL_TYPE (IopCulturalNoteRow, iop_cultural_note_row, ADW_TYPE_BIN)

typedef struct
{
  IopStore  *store;
  gint64     note_id;
  GtkWidget *parent;
  GtkWidget *text_view;
} NoteAction;

static void
note_action_free (gpointer data)
{
  NoteAction *action = data;

  g_clear_object (&action->store);
  g_clear_weak_pointer (&action->parent);
  g_free (action);
}

static GtkWindow *
parent_window (GtkWidget *widget)
{
  GtkRoot *root = widget != NULL ? gtk_widget_get_root (widget) : NULL;

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

/**
 * iop_cultural_show_error:
 * @widget: a widget in the window the error is about
 * @heading: what failed
 * @message: why, from the store
 *
 * Errors a person must act on get a dialog, never only the terminal.
 */
void
iop_cultural_show_error (GtkWidget  *widget,
                         const char *heading,
                         const char *message)
{
  GtkWidget *dialog = adw_message_dialog_new (parent_window (widget), heading, message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
sign_response_cb (AdwMessageDialog *dialog,
                  const char       *response,
                  gpointer          user_data)
{
  NoteAction *action = user_data;
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "sign") != 0)
    return;
  if (!iop_store_sign_cultural_note (action->store, action->note_id, &error))
    iop_cultural_show_error (action->parent, _("The note was not signed"), error->message);
  else if (action->parent != NULL)
    iop_widget_add_toast (action->parent, _("Note signed"));
}

void
iop_cultural_note_confirm_sign (GtkWidget *parent,
                                IopStore  *store,
                                gint64     note_id)
{
  AdwMessageDialog *dialog;
  NoteAction *action = g_new0 (NoteAction, 1);

  action->store = g_object_ref (store);
  action->note_id = note_id;
  g_set_weak_pointer (&action->parent, parent);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent_window (parent), _("Sign This Note?"),
                                                       _("A signed note can no longer be changed. Anything to add later goes in an addendum.")));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "sign", _("_Sign"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "sign", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_data (dialog, "response", G_CALLBACK (sign_response_cb), action,
                         (GClosureNotify) (void (*) (void)) note_action_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static char *
text_view_dup_text (GtkWidget *text_view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (text_view));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
addendum_changed_cb (GtkTextBuffer    *buffer,
                     AdwMessageDialog *dialog)
{
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  adw_message_dialog_set_response_enabled (dialog, "add", *g_strstrip (text) != '\0');
}

static void
addendum_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      gpointer          user_data)
{
  NoteAction *action = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  if (g_strcmp0 (response, "add") != 0)
    return;
  text = text_view_dup_text (action->text_view);
  if (!iop_store_add_cultural_note_addendum (action->store, action->note_id, text, NULL, &error))
    iop_cultural_show_error (action->parent, _("The addendum was not added"), error->message);
  else if (action->parent != NULL)
    iop_widget_add_toast (action->parent, _("Addendum added"));
}

void
iop_cultural_note_ask_addendum (GtkWidget *parent,
                                IopStore  *store,
                                gint64     note_id)
{
  AdwMessageDialog *dialog;
  GtkWidget *frame, *scroller, *text_view;
  NoteAction *action = g_new0 (NoteAction, 1);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent_window (parent), _("Add an Addendum"),
                                                       _("The signed note stays as it is; the addendum is added below it with your name and the time. Addenda are permanent too.")));
  text_view = gtk_text_view_new ();
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (text_view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (text_view), 8);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (text_view), 8);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (text_view), 8);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (text_view), 8);
  gtk_accessible_update_property (GTK_ACCESSIBLE (text_view), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Addendum"), -1);
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller), 120);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), text_view);
  frame = gtk_frame_new (NULL);
  gtk_frame_set_child (GTK_FRAME (frame), scroller);
  adw_message_dialog_set_extra_child (dialog, frame);

  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "add", _("_Add Addendum"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "add", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (dialog, "add", FALSE);
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (gtk_text_view_get_buffer (GTK_TEXT_VIEW (text_view)), "changed",
                           G_CALLBACK (addendum_changed_cb), dialog, 0);

  action->store = g_object_ref (store);
  action->note_id = note_id;
  action->text_view = text_view;
  g_set_weak_pointer (&action->parent, parent);
  g_signal_connect_data (dialog, "response", G_CALLBACK (addendum_response_cb), action,
                         (GClosureNotify) (void (*) (void)) note_action_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (text_view);
}

static void
update (IopCulturalNoteRow *self)
{
  IopCulturalNote *note = self->note;
  g_autofree char *date = NULL;
  g_autofree char *title = NULL;
  g_autofree char *byline = NULL;
  g_autofree char *state = NULL;
  g_autofree char *outcome = NULL;
  gboolean is_signed;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->addenda_box))) != NULL)
    gtk_box_remove (self->addenda_box, child);

  if (note == NULL)
    return;

  is_signed = iop_cultural_note_is_signed (note);
  date = iop_date_format (iop_cultural_note_get_date (note));
  /* Translators: kind of note · date, e.g. "Adaptation tried · 11/18/2026" */
  title = g_strdup_printf (_("%s · %s"), iop_cultural_note_kind_label (iop_cultural_note_get_kind (note)), date);
  gtk_label_set_text (self->title_label, title);

  if (self->show_subject)
    byline = g_strdup_printf (iop_cultural_note_get_group_id (note) > 0 ? _("Group: %s · by %s") : _("About %s · by %s"),
                              iop_cultural_note_get_subject_name (note),
                              *iop_cultural_note_get_author_name (note) ? iop_cultural_note_get_author_name (note)
                                                                        : _("unknown author"));
  else
    byline = g_strdup_printf (_("by %s"), *iop_cultural_note_get_author_name (note)
                                          ? iop_cultural_note_get_author_name (note) : _("unknown author"));
  gtk_label_set_text (self->byline_label, byline);

  state = iop_cultural_note_dup_state_label (note);
  gtk_label_set_text (self->state_label, state);
  if (is_signed)
    gtk_widget_remove_css_class (GTK_WIDGET (self->state_label), "iop-pill-draft");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->state_label), "iop-pill-draft");

  gtk_label_set_text (self->text_label, iop_cultural_note_get_text (note));
  if (*iop_cultural_note_get_outcome (note))
    outcome = g_strdup_printf (_("How it worked: %s"), iop_cultural_note_get_outcome (note));
  gtk_label_set_text (self->outcome_label, outcome != NULL ? outcome : "");
  gtk_widget_set_visible (GTK_WIDGET (self->outcome_label), outcome != NULL);

  if (iop_cultural_note_get_n_addenda (note) > 0 && self->store != NULL)
    {
      g_autoptr(GListModel) addenda = iop_store_list_cultural_note_addenda (self->store,
                                                                           iop_cultural_note_get_id (note), NULL);

      for (guint i = 0; addenda != NULL && i < g_list_model_get_n_items (addenda); i++)
        {
          g_autoptr(IopCulturalNoteAddendum) a = g_list_model_get_item (addenda, i);
          g_autofree char *when = g_strndup (iop_cultural_note_addendum_get_created_at (a), 10);
          g_autofree char *when_text = iop_date_format (when);
          g_autofree char *text = g_strdup_printf (_("Addendum, %s, by %s: %s"), when_text,
                                                   iop_cultural_note_addendum_get_author_name (a),
                                                   iop_cultural_note_addendum_get_text (a));
          GtkWidget *label = gtk_label_new (text);

          gtk_label_set_xalign (GTK_LABEL (label), 0);
          gtk_label_set_wrap (GTK_LABEL (label), TRUE);
          gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
                  gtk_widget_add_css_class (label, "iop-note-addendum");
          gtk_box_append (self->addenda_box, label);
        }
    }
  gtk_widget_set_visible (GTK_WIDGET (self->addenda_box), iop_cultural_note_get_n_addenda (note) > 0);

  gtk_widget_set_visible (GTK_WIDGET (self->edit_button), !is_signed);
  gtk_widget_set_visible (GTK_WIDGET (self->sign_button), !is_signed);
  gtk_widget_set_visible (GTK_WIDGET (self->addendum_button), is_signed);
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  IopCulturalNoteRow *self = IOP_CULTURAL_NOTE_ROW (widget);
  GtkWidget *editor;

  if (self->note == NULL || iop_cultural_note_is_signed (self->note))
    return;
  editor = iop_cultural_note_editor_new_for_note (self->store, self->note);
  gtk_window_set_transient_for (GTK_WINDOW (editor), parent_window (widget));
  gtk_window_present (GTK_WINDOW (editor));
}

static void
sign_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  IopCulturalNoteRow *self = IOP_CULTURAL_NOTE_ROW (widget);

  if (self->note != NULL)
    iop_cultural_note_confirm_sign (widget, self->store, iop_cultural_note_get_id (self->note));
}

static void
addendum_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  IopCulturalNoteRow *self = IOP_CULTURAL_NOTE_ROW (widget);

  if (self->note != NULL)
    iop_cultural_note_ask_addendum (widget, self->store, iop_cultural_note_get_id (self->note));
}

static void
iop_cultural_note_row_dispose (GObject *object)
{
  IopCulturalNoteRow *self = IOP_CULTURAL_NOTE_ROW (object);

  g_clear_object (&self->store);
  g_clear_object (&self->note);

  G_OBJECT_CLASS (iop_cultural_note_row_parent_class)->dispose (object);
}

static void
iop_cultural_note_row_class_init (IopCulturalNoteRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = iop_cultural_note_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/iop/iop-cultural-note-row.ui");
  gtk_widget_class_bind_template_child (widget_class, IopCulturalNoteRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, IopCulturalNoteRow, byline_label);
  gtk_widget_class_bind_template_child (widget_class, IopCulturalNoteRow, state_label);
  gtk_widget_class_bind_template_child (widget_class, IopCulturalNoteRow, text_label);
  gtk_widget_class_bind_template_child (widget_class, IopCulturalNoteRow, outcome_label);
  gtk_widget_class_bind_template_child (widget_class, IopCulturalNoteRow, addenda_box);
  gtk_widget_class_bind_template_child (widget_class, IopCulturalNoteRow, edit_button);
  gtk_widget_class_bind_template_child (widget_class, IopCulturalNoteRow, sign_button);
  gtk_widget_class_bind_template_child (widget_class, IopCulturalNoteRow, addendum_button);

  gtk_widget_class_install_action (widget_class, "note.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "note.sign", NULL, sign_action);
  gtk_widget_class_install_action (widget_class, "note.addendum", NULL, addendum_action);
}

static void
iop_cultural_note_row_init (IopCulturalNoteRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
iop_cultural_note_row_new (IopStore *store,
                           gboolean  show_subject)
{
  IopCulturalNoteRow *self = g_object_new (IOP_TYPE_CULTURAL_NOTE_ROW, NULL);

  self->store = store != NULL ? g_object_ref (store) : NULL;
  self->show_subject = show_subject;
  return GTK_WIDGET (self);
}

void
iop_cultural_note_row_set_note (IopCulturalNoteRow *self,
                                IopCulturalNote    *note)
{
  g_return_if_fail (IOP_IS_CULTURAL_NOTE_ROW (self));

  g_set_object (&self->note, note);
  update (self);
}

/**
 * iop_cultural_note_row_get_note:
 *
 * Returns: (transfer none) (nullable): the note shown
 */
IopCulturalNote *
iop_cultural_note_row_get_note (IopCulturalNoteRow *self)
{
  g_return_val_if_fail (IOP_IS_CULTURAL_NOTE_ROW (self), NULL);
  return self->note;
}

const char *
iop_cultural_note_row_get_state_text (IopCulturalNoteRow *self)
{
  g_return_val_if_fail (IOP_IS_CULTURAL_NOTE_ROW (self), NULL);
  return gtk_label_get_text (self->state_label);
}
