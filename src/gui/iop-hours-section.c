/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "iop-hours-section"

#include "config.h"

#include <glib/gi18n.h>

#include "iop-date.h"
#include "iop-document-output.h"
#include "iop-hours-section.h"
#include "iop-store-people.h"
#include "iop-store-sessions.h"

/*
 * The participant page's "IOP Hours" section: the last eight weeks of
 * attendance (or since admission), newest first, each against the weekly
 * minimum for the participant's level of care. Under the minimum is said in
 * words, not only with colour.
 */

#define WEEKS_SHOWN 8

struct _IopHoursSection
{
  AdwBin                parent_instance;

  /* template widgets */
  AdwPreferencesGroup  *group;
  GtkListBox           *list;

  /* owned */
  IopStore             *store;
  gint64                participant_id;
  guint                 n_weeks;
};

G_DEFINE_FINAL_TYPE (IopHoursSection, iop_hours_section, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  PROP_PARTICIPANT_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

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

static void
reload (IopHoursSection *self)
{
  g_autoptr(IopParticipant) participant = NULL;
  g_autoptr(GArray) weeks = NULL;
  g_autofree char *today = iop_date_today ();
  g_autofree char *from = iop_date_add_days (today, -7 * (WEEKS_SHOWN - 1));
  IopHoursMinimums mins = minimums ();
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  self->n_weeks = 0;
  if (self->store == NULL || self->participant_id <= 0)
    return;

  participant = iop_store_get_participant (self->store, self->participant_id, NULL);
  if (participant == NULL)
    return;
  if (g_strcmp0 (iop_participant_get_admission_date (participant), from) > 0)
    {
      g_free (from);
      from = g_strdup (iop_participant_get_admission_date (participant));
    }
  if (g_strcmp0 (from, today) > 0)
    return;
  weeks = iop_store_list_weekly_hours (self->store, self->participant_id, from, today, &mins, NULL);
  if (weeks == NULL)
    return;

  for (guint i = weeks->len; i > 0; i--)
    {
      const IopWeekHours *week = &g_array_index (weeks, IopWeekHours, i - 1);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *pill = gtk_label_new (NULL);
      g_autofree char *date = iop_date_format (week->week_start);
      g_autofree char *title = i == weeks->len ? g_strdup_printf (_("This week (from %s, so far)"), date)
                                               : g_strdup_printf (_("Week of %s"), date);
      g_autofree char *subtitle =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%.1f of %.1f hours · %d day attended",
                                      "%.1f of %.1f hours · %d days attended", week->days),
                         week->minutes / 60.0, week->minimum_minutes / 60.0, week->days);
      gboolean met = week->minutes >= week->minimum_minutes;

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_label_set_text (GTK_LABEL (pill), met ? _("Minimum met") : _("Under the minimum"));
      gtk_widget_add_css_class (pill, "iop-pill");
      gtk_widget_add_css_class (pill, met ? "success" : "warning");
      gtk_widget_set_valign (pill, GTK_ALIGN_CENTER);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), pill);
      gtk_list_box_append (self->list, row);
      self->n_weeks++;
    }
}

static void
store_changed_cb (IopHoursSection *self,
                  const char      *kind)
{
  if (g_strcmp0 (kind, IOP_KIND_SESSION) == 0 || g_strcmp0 (kind, IOP_KIND_PARTICIPANT) == 0)
    reload (self);
}

static void
iop_hours_section_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  IopHoursSection *self = IOP_HOURS_SECTION (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_PARTICIPANT_ID:
      g_value_set_int64 (value, self->participant_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
iop_hours_section_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  IopHoursSection *self = IOP_HOURS_SECTION (object);

  switch (prop_id)
    {
    case PROP_STORE:
      iop_hours_section_set_participant (self, g_value_get_object (value), self->participant_id);
      break;
    case PROP_PARTICIPANT_ID:
      iop_hours_section_set_participant (self, self->store, g_value_get_int64 (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
iop_hours_section_dispose (GObject *object)
{
  IopHoursSection *self = IOP_HOURS_SECTION (object);

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (iop_hours_section_parent_class)->dispose (object);
}

static void
iop_hours_section_class_init (IopHoursSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = iop_hours_section_dispose;
  object_class->get_property = iop_hours_section_get_property;
  object_class->set_property = iop_hours_section_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, IOP_TYPE_STORE, G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_PARTICIPANT_ID] =
    g_param_spec_int64 ("participant-id", NULL, NULL, 0, G_MAXINT64, 0, G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/iop/iop-hours-section.ui");
  gtk_widget_class_bind_template_child (widget_class, IopHoursSection, group);
  gtk_widget_class_bind_template_child (widget_class, IopHoursSection, list);
}

static void
iop_hours_section_init (IopHoursSection *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
iop_hours_section_new (void)
{
  return g_object_new (IOP_TYPE_HOURS_SECTION, NULL);
}

/**
 * iop_hours_section_set_participant:
 * @self: an #IopHoursSection
 * @store: (nullable): the store
 * @participant_id: the participant, or 0
 */
void
iop_hours_section_set_participant (IopHoursSection *self,
                                   IopStore        *store,
                                   gint64           participant_id)
{
  g_return_if_fail (IOP_IS_HOURS_SECTION (self));

  if (self->store != store)
    {
      if (self->store != NULL)
        g_signal_handlers_disconnect_by_data (self->store, self);
      g_set_object (&self->store, store);
      if (store != NULL)
        g_signal_connect_object (store, "changed", G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);
    }
  self->participant_id = participant_id;
  reload (self);
}

guint
iop_hours_section_get_n_weeks (IopHoursSection *self)
{
  g_return_val_if_fail (IOP_IS_HOURS_SECTION (self), 0);
  return self->n_weeks;
}
