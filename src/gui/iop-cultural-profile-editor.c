/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "iop-cultural-profile-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "iop-cultural-profile-editor.h"
#include "iop-date.h"
#include "iop-group.h"
#include "iop-store-cultural.h"
#include "iop-store-people.h"
#include "iop-window.h"

/*
 * Starts or edits a participant's cultural profile. Preferred name, pronouns
 * and primary language are shown here because they belong in the same
 * conversation, but they are the participant record's own fields and are
 * saved there, in the same transaction as the profile.
 */
struct _IopCulturalProfileEditor
{
  AdwWindow           parent_instance;

  /* template widgets */
  AdwWindowTitle     *window_title;
  GtkScrolledWindow  *scroller;
  GtkBox             *content_box;
  GtkLabel           *error_label;

  /* borrowed: field name → the widget that edits it */
  GHashTable         *fields;

  /* owned */
  IopStore           *store;
  IopParticipant     *participant;
  IopCulturalProfile *profile;
};

G_DEFINE_FINAL_TYPE (IopCulturalProfileEditor, iop_cultural_profile_editor, ADW_TYPE_WINDOW)

typedef struct
{
  const char *property;
  const char *title;
  const char *hint;
} TextField;

static const TextField own_words_fields[] = {
  { "identity", N_("Identity"), N_("How they describe themselves: culture, heritage, community, anything else that matters to them. Never a category from a list.") },
  { "family-roles", N_("Family and Community in Recovery"), N_("Who is part of their recovery, and what role family and community play.") },
  { "beliefs", N_("Beliefs"), N_("What they believe about substance use, mental health and treatment; what their family or community believes.") },
  { "spirituality", N_("Spirituality or Religion"), N_("If and how it matters to them and to their recovery.") },
  { "stigma-concerns", N_("Stigma Concerns"), N_("Worries about who might find out, or how they might be seen.") },
  { "respected-in-group", N_("What Helps Me Feel Respected in Group"), N_("In their words.") },
};

static const TextField accommodation_fields[] = {
  { "dietary-needs", N_("Dietary Needs During Sessions"), N_("For example halal, kosher, vegetarian, fasting, or food-related topics to avoid.") },
  { "accessibility", N_("Accessibility"), N_("Seating, hearing, vision, mobility, reading, breaks.") },
};

static GtkWidget *
add_text_field (IopCulturalProfileEditor *self,
                AdwPreferencesGroup      *group,
                const char               *name,
                const char               *title,
                const char               *hint,
                const char               *text)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *title_label = gtk_label_new (title);
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkWidget *view = gtk_text_view_new ();

  gtk_label_set_xalign (GTK_LABEL (title_label), 0);
  gtk_label_set_wrap (GTK_LABEL (title_label), TRUE);
  gtk_box_append (GTK_BOX (box), title_label);
  if (hint != NULL && *hint)
    {
      GtkWidget *hint_label = gtk_label_new (hint);

      gtk_label_set_xalign (GTK_LABEL (hint_label), 0);
      gtk_label_set_wrap (GTK_LABEL (hint_label), TRUE);
      gtk_widget_add_css_class (hint_label, "dim-label");
      gtk_widget_add_css_class (hint_label, "caption");
      gtk_box_append (GTK_BOX (box), hint_label);
    }

  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 10);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 10);
  gtk_widget_set_size_request (view, -1, 72);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), text != NULL ? text : "", -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  gtk_frame_set_child (GTK_FRAME (frame), view);
  gtk_widget_set_margin_top (frame, 4);
  gtk_box_append (GTK_BOX (box), frame);
  /* Free text follows rows in the same group: keep it clear of the list above. */
  gtk_widget_set_margin_top (box, 12);

  adw_preferences_group_add (group, box);
  g_hash_table_insert (self->fields, g_strdup (name), view);
  return view;
}

static GtkWidget *
add_entry (IopCulturalProfileEditor *self,
           AdwPreferencesGroup      *group,
           const char               *name,
           const char               *title,
           const char               *text)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
  adw_preferences_group_add (group, row);
  g_hash_table_insert (self->fields, g_strdup (name), row);
  return row;
}

static GtkWidget *
add_switch (IopCulturalProfileEditor *self,
            AdwPreferencesGroup      *group,
            const char               *name,
            const char               *title,
            const char               *subtitle,
            gboolean                  active)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *toggle = gtk_switch_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_switch_set_active (GTK_SWITCH (toggle), active);
  gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), toggle);
  adw_preferences_group_add (group, row);
  g_hash_table_insert (self->fields, g_strdup (name), toggle);
  return toggle;
}

static AdwPreferencesGroup *
add_group (IopCulturalProfileEditor *self,
           const char               *title,
           const char               *description)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  if (description != NULL)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  gtk_box_append (self->content_box, group);
  return ADW_PREFERENCES_GROUP (group);
}

static char *
profile_dup_string (IopCulturalProfile *profile,
                    const char         *property)
{
  char *text = NULL;

  g_object_get (profile, property, &text, NULL);
  return text;
}

static void
interpreter_needed_cb (IopCulturalProfileEditor *self)
{
  GtkWidget *needed = g_hash_table_lookup (self->fields, "interpreter-needed");
  GtkWidget *arranged = g_hash_table_lookup (self->fields, "interpreter-arranged");
  gboolean on = gtk_switch_get_active (GTK_SWITCH (needed));

  if (!on)
    gtk_switch_set_active (GTK_SWITCH (arranged), FALSE);
  gtk_widget_set_sensitive (gtk_widget_get_ancestor (arranged, ADW_TYPE_ACTION_ROW), on);
}

static void
build (IopCulturalProfileEditor *self)
{
  IopCulturalProfile *c = self->profile;
  g_autofree char *name = iop_participant_dup_display_name (self->participant);
  g_autofree char *today = iop_date_today ();
  AdwPreferencesGroup *group;
  GtkWidget *row, *box, *needed;
  int weekdays = iop_cultural_profile_get_observance_weekdays (c);

  adw_window_title_set_subtitle (self->window_title, name);

  group = add_group (self, _("In the Participant’s Record"),
                     _("These belong to the participant’s record: changing them here changes them there."));
  add_entry (self, group, "preferred-name", _("Preferred Name"), iop_participant_get_preferred_name (self->participant));
  add_entry (self, group, "pronouns", _("Pronouns"), iop_participant_get_pronouns (self->participant));
  add_entry (self, group, "primary-language", _("Primary Language"),
             iop_participant_get_primary_language (self->participant));

  group = add_group (self, _("Language and Communication"), NULL);
  needed = add_switch (self, group, "interpreter-needed", _("Interpreter Needed"),
                       _("For group, individual sessions, or both"), iop_cultural_profile_get_interpreter_needed (c));
  add_switch (self, group, "interpreter-arranged", _("Interpreter Arranged"),
              _("Off shows in the program’s open gaps"), iop_cultural_profile_get_interpreter_arranged (c));
  add_entry (self, group, "interpreter-details", _("Interpreter Details"),
             iop_cultural_profile_get_interpreter_details (c));
  add_text_field (self, group, "communication", _("Communication Preferences"),
                  _("How they like to be spoken to and to take part; what helps them understand and be understood."),
                  iop_cultural_profile_get_communication (c));
  g_signal_connect_object (needed, "notify::active", G_CALLBACK (interpreter_needed_cb), self, G_CONNECT_SWAPPED);

  group = add_group (self, _("In Their Own Words"), NULL);
  for (guint i = 0; i < G_N_ELEMENTS (own_words_fields); i++)
    {
      g_autofree char *text = profile_dup_string (c, own_words_fields[i].property);

      add_text_field (self, group, own_words_fields[i].property, _(own_words_fields[i].title),
                      _(own_words_fields[i].hint), text);
    }

  group = add_group (self, _("Accommodations"), NULL);
  add_text_field (self, group, "observances", _("Observances That Affect the Schedule"),
                  _("Prayer times, Sabbath, fasting, ceremonies, holidays. Choose the days below to have conflicts with their groups counted."),
                  iop_cultural_profile_get_observances (c));
  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Days"));
  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  for (int d = 0; d < 7; d++)
    {
      GtkWidget *toggle = gtk_toggle_button_new_with_label (iop_weekday_short_label (d));
      g_autofree char *key = g_strdup_printf ("weekday-%d", d);

      gtk_widget_add_css_class (toggle, "iop-weekday");
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (toggle), (weekdays & (1 << d)) != 0);
      gtk_box_append (GTK_BOX (box), toggle);
      g_hash_table_insert (self->fields, g_steal_pointer (&key), toggle);
    }
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), box);
  adw_preferences_group_add (group, row);
  add_entry (self, group, "observance-start", _("From (HH:MM, optional)"), iop_cultural_profile_get_observance_start (c));
  add_entry (self, group, "observance-end", _("Until (HH:MM, optional)"), iop_cultural_profile_get_observance_end (c));
  for (guint i = 0; i < G_N_ELEMENTS (accommodation_fields); i++)
    {
      g_autofree char *text = profile_dup_string (c, accommodation_fields[i].property);

      add_text_field (self, group, accommodation_fields[i].property, _(accommodation_fields[i].title),
                      _(accommodation_fields[i].hint), text);
    }

  group = add_group (self, _("Cultural Formulation Interview"),
                     _("The participant’s own words for each domain of the DSM-5 Cultural Formulation Interview. A changed answer is recorded with the interview date and your name."));
  add_entry (self, group, "interview-date", _("Interview Date (YYYY-MM-DD)"), today);
  for (IopCfiDomain d = 0; d < IOP_CFI_N_DOMAINS; d++)
    {
      g_autofree char *key = g_strdup_printf ("cfi-%d", d + 1);
      g_autofree char *hint = NULL;
      const char *recorded = iop_cultural_profile_get_cfi_recorded_on (c, d);

      if (*recorded)
        {
          g_autofree char *date = iop_date_format (recorded);

          hint = g_strdup_printf (_("%s Recorded %s by %s."), iop_cfi_domain_prompt (d), date,
                                  *iop_cultural_profile_get_cfi_recorded_by_name (c, d)
                                  ? iop_cultural_profile_get_cfi_recorded_by_name (c, d) : _("unknown"));
        }
      add_text_field (self, group, key, iop_cfi_domain_label (d), hint != NULL ? hint : iop_cfi_domain_prompt (d),
                      iop_cultural_profile_get_cfi_answer (c, d));
    }

  interpreter_needed_cb (self);
}

static char *
field_text (IopCulturalProfileEditor *self,
            const char               *name)
{
  GtkWidget *widget = g_hash_table_lookup (self->fields, name);
  char *text;

  g_assert (widget != NULL);
  if (GTK_IS_TEXT_VIEW (widget))
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget));
      GtkTextIter start, end;

      gtk_text_buffer_get_bounds (buffer, &start, &end);
      text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    }
  else
    text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (widget)));
  return g_strstrip (text);
}

static gboolean
field_active (IopCulturalProfileEditor *self,
              const char               *name)
{
  GtkWidget *widget = g_hash_table_lookup (self->fields, name);

  if (GTK_IS_SWITCH (widget))
    return gtk_switch_get_active (GTK_SWITCH (widget));
  return gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (widget));
}

static void
show_error (IopCulturalProfileEditor *self,
            const char               *message)
{
  GtkAdjustment *vadj = gtk_scrolled_window_get_vadjustment (self->scroller);

  gtk_label_set_text (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
  gtk_adjustment_set_value (vadj, gtk_adjustment_get_lower (vadj));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  IopCulturalProfileEditor *self = IOP_CULTURAL_PROFILE_EDITOR (widget);
  g_autoptr(IopCulturalProfile) c = iop_cultural_profile_copy (self->profile);
  g_autoptr(IopParticipant) p = iop_participant_copy (self->participant);
  g_autoptr(GError) error = NULL;
  g_autofree char *today = iop_date_today ();
  g_autofree char *interview = field_text (self, "interview-date");
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;
  gboolean is_new = *iop_cultural_profile_get_created_at (self->profile) == '\0';
  const char *simple[] = { "communication", "observances", "dietary-needs", "accessibility", "identity",
                           "family-roles", "beliefs", "spirituality", "stigma-concerns", "respected-in-group",
                           "interpreter-details", "observance-start", "observance-end" };
  int weekdays = 0;

  {
    g_autofree char *preferred = field_text (self, "preferred-name");
    g_autofree char *pronouns = field_text (self, "pronouns");
    g_autofree char *language = field_text (self, "primary-language");

    iop_participant_set_preferred_name (p, preferred);
    iop_participant_set_pronouns (p, pronouns);
    iop_participant_set_primary_language (p, language);
  }

  for (guint i = 0; i < G_N_ELEMENTS (simple); i++)
    {
      g_autofree char *text = field_text (self, simple[i]);

      g_object_set (c, simple[i], *text ? text : NULL, NULL);
    }
  iop_cultural_profile_set_interpreter_needed (c, field_active (self, "interpreter-needed"));
  iop_cultural_profile_set_interpreter_arranged (c, field_active (self, "interpreter-needed")
                                                    && field_active (self, "interpreter-arranged"));
  for (int d = 0; d < 7; d++)
    {
      g_autofree char *key = g_strdup_printf ("weekday-%d", d);

      if (field_active (self, key))
        weekdays |= 1 << d;
    }
  iop_cultural_profile_set_observance_weekdays (c, weekdays);

  for (IopCfiDomain d = 0; d < IOP_CFI_N_DOMAINS; d++)
    {
      g_autofree char *key = g_strdup_printf ("cfi-%d", d + 1);
      g_autofree char *answer = field_text (self, key);

      if (g_strcmp0 (answer, iop_cultural_profile_get_cfi_answer (self->profile, d)) == 0)
        continue;
      iop_cultural_profile_set_cfi_answer (c, d, answer);
      iop_cultural_profile_set_cfi_recorded_on (c, d, *interview ? interview : today);
    }

  /* Going over the profile with the participant is what a review is. */
  iop_cultural_profile_set_reviewed_on (c, today);

  if (!iop_store_save_cultural_profile (self->store, c, p, &error))
    {
      show_error (self, error->message);
      return;
    }

  name = iop_participant_dup_display_name (p);
  message = g_strdup_printf (is_new ? _("Started the cultural profile for %s") : _("Saved the cultural profile for %s"),
                             name);
  iop_widget_add_toast (widget, message);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
iop_cultural_profile_editor_dispose (GObject *object)
{
  IopCulturalProfileEditor *self = IOP_CULTURAL_PROFILE_EDITOR (object);

  g_clear_pointer (&self->fields, g_hash_table_unref);
  g_clear_object (&self->store);
  g_clear_object (&self->participant);
  g_clear_object (&self->profile);

  G_OBJECT_CLASS (iop_cultural_profile_editor_parent_class)->dispose (object);
}

static void
iop_cultural_profile_editor_class_init (IopCulturalProfileEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = iop_cultural_profile_editor_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/iop/iop-cultural-profile-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, IopCulturalProfileEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, IopCulturalProfileEditor, scroller);
  gtk_widget_class_bind_template_child (widget_class, IopCulturalProfileEditor, content_box);
  gtk_widget_class_bind_template_child (widget_class, IopCulturalProfileEditor, error_label);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
iop_cultural_profile_editor_init (IopCulturalProfileEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->fields = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

/**
 * iop_cultural_profile_editor_new:
 * @store: the store
 * @participant_id: whose profile; it is started when there is none yet
 *
 * @error: return location for a #GError
 *
 * Returns: (transfer floating) (nullable): the editor, or %NULL when the
 *   participant or their profile cannot be read
 */
GtkWidget *
iop_cultural_profile_editor_new (IopStore  *store,
                                 gint64     participant_id,
                                 GError   **error)
{
  IopCulturalProfileEditor *self;
  g_autoptr(IopParticipant) participant = NULL;
  g_autoptr(IopCulturalProfile) profile = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (IOP_IS_STORE (store), NULL);

  participant = iop_store_get_participant (store, participant_id, &local_error);
  if (participant != NULL)
    profile = iop_store_get_cultural_profile (store, participant_id, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  self = g_object_new (IOP_TYPE_CULTURAL_PROFILE_EDITOR, NULL);
  self->store = g_object_ref (store);
  self->participant = g_steal_pointer (&participant);
  self->profile = profile != NULL ? g_steal_pointer (&profile) : iop_cultural_profile_new (participant_id);
  build (self);
  return GTK_WIDGET (self);
}

/**
 * iop_cultural_profile_editor_get_field:
 *
 * Returns: (transfer none) (nullable): the widget editing @field
 */
GtkWidget *
iop_cultural_profile_editor_get_field (IopCulturalProfileEditor *self,
                                       const char               *field)
{
  g_return_val_if_fail (IOP_IS_CULTURAL_PROFILE_EDITOR (self), NULL);
  return g_hash_table_lookup (self->fields, field);
}

GtkLabel *
iop_cultural_profile_editor_get_error_label (IopCulturalProfileEditor *self)
{
  g_return_val_if_fail (IOP_IS_CULTURAL_PROFILE_EDITOR (self), NULL);
  return self->error_label;
}
