/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "iop-attendance"

#include "config.h"

#include "iop-i18n.h"

#include "iop-attendance.h"
#include "iop-entity-private.h"
#include "iop-validation.h"

/**
 * IopAttendance:
 *
 * One member's line in a session: attendance status (empty while unmarked), minutes attended, participation level (0-4, -1 when not rated) and the individualized note. on_roster tells whether the member belonged to the group on the session's date; a member who left later keeps the line.
 */
struct _IopAttendance
{
  GObject parent_instance;

  gint64 session_id;
  gint64 participant_id;
  char *record_number;
  char *first_name;
  char *last_name;
  char *preferred_name;
  char *level_of_care;
  char *status;
  int minutes;
  int participation;
  gboolean on_roster;
  gboolean has_note;
  char *note_presentation;
  char *note_participation;
  char *note_response;
  char *note_progress;
  char *note_plan;
};

G_DEFINE_FINAL_TYPE (IopAttendance, iop_attendance, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SESSION_ID,
  PROP_PARTICIPANT_ID,
  PROP_RECORD_NUMBER,
  PROP_FIRST_NAME,
  PROP_LAST_NAME,
  PROP_PREFERRED_NAME,
  PROP_LEVEL_OF_CARE,
  PROP_STATUS,
  PROP_MINUTES,
  PROP_PARTICIPATION,
  PROP_ON_ROSTER,
  PROP_HAS_NOTE,
  PROP_NOTE_PRESENTATION,
  PROP_NOTE_PARTICIPATION,
  PROP_NOTE_RESPONSE,
  PROP_NOTE_PROGRESS,
  PROP_NOTE_PLAN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const IopField fields[] = {
  IOP_FIELD (IopAttendance, session_id, IOP_FIELD_INT64),
  IOP_FIELD (IopAttendance, participant_id, IOP_FIELD_INT64),
  IOP_FIELD (IopAttendance, record_number, IOP_FIELD_STRING),
  IOP_FIELD (IopAttendance, first_name, IOP_FIELD_STRING),
  IOP_FIELD (IopAttendance, last_name, IOP_FIELD_STRING),
  IOP_FIELD (IopAttendance, preferred_name, IOP_FIELD_STRING),
  IOP_FIELD (IopAttendance, level_of_care, IOP_FIELD_STRING),
  IOP_FIELD (IopAttendance, status, IOP_FIELD_STRING),
  IOP_FIELD (IopAttendance, minutes, IOP_FIELD_INT),
  IOP_FIELD (IopAttendance, participation, IOP_FIELD_INT),
  IOP_FIELD (IopAttendance, on_roster, IOP_FIELD_BOOLEAN),
  IOP_FIELD (IopAttendance, has_note, IOP_FIELD_BOOLEAN),
  IOP_FIELD (IopAttendance, note_presentation, IOP_FIELD_STRING),
  IOP_FIELD (IopAttendance, note_participation, IOP_FIELD_STRING),
  IOP_FIELD (IopAttendance, note_response, IOP_FIELD_STRING),
  IOP_FIELD (IopAttendance, note_progress, IOP_FIELD_STRING),
  IOP_FIELD (IopAttendance, note_plan, IOP_FIELD_STRING),
};

IOP_ENTITY_VALUE_ACCESSORS (IopAttendance, iop_attendance, gint64, session_id, PROP_SESSION_ID)
IOP_ENTITY_VALUE_ACCESSORS (IopAttendance, iop_attendance, gint64, participant_id, PROP_PARTICIPANT_ID)
IOP_ENTITY_STRING_ACCESSORS (IopAttendance, iop_attendance, record_number, PROP_RECORD_NUMBER)
IOP_ENTITY_STRING_ACCESSORS (IopAttendance, iop_attendance, first_name, PROP_FIRST_NAME)
IOP_ENTITY_STRING_ACCESSORS (IopAttendance, iop_attendance, last_name, PROP_LAST_NAME)
IOP_ENTITY_STRING_ACCESSORS (IopAttendance, iop_attendance, preferred_name, PROP_PREFERRED_NAME)
IOP_ENTITY_STRING_ACCESSORS (IopAttendance, iop_attendance, level_of_care, PROP_LEVEL_OF_CARE)
IOP_ENTITY_STRING_ACCESSORS (IopAttendance, iop_attendance, status, PROP_STATUS)
IOP_ENTITY_VALUE_ACCESSORS (IopAttendance, iop_attendance, int, minutes, PROP_MINUTES)
IOP_ENTITY_VALUE_ACCESSORS (IopAttendance, iop_attendance, int, participation, PROP_PARTICIPATION)
IOP_ENTITY_VALUE_ACCESSORS (IopAttendance, iop_attendance, gboolean, on_roster, PROP_ON_ROSTER)
IOP_ENTITY_VALUE_ACCESSORS (IopAttendance, iop_attendance, gboolean, has_note, PROP_HAS_NOTE)
IOP_ENTITY_STRING_ACCESSORS (IopAttendance, iop_attendance, note_presentation, PROP_NOTE_PRESENTATION)
IOP_ENTITY_STRING_ACCESSORS (IopAttendance, iop_attendance, note_participation, PROP_NOTE_PARTICIPATION)
IOP_ENTITY_STRING_ACCESSORS (IopAttendance, iop_attendance, note_response, PROP_NOTE_RESPONSE)
IOP_ENTITY_STRING_ACCESSORS (IopAttendance, iop_attendance, note_progress, PROP_NOTE_PROGRESS)
IOP_ENTITY_STRING_ACCESSORS (IopAttendance, iop_attendance, note_plan, PROP_NOTE_PLAN)

static void
iop_attendance_finalize (GObject *object)
{
  iop_entity_free_strings (object, fields, G_N_ELEMENTS (fields));

  G_OBJECT_CLASS (iop_attendance_parent_class)->finalize (object);
}

static void
iop_attendance_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  if (prop_id == 0 || prop_id >= N_PROPS)
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
  else
    iop_entity_get_property (object, fields, prop_id, value);
}

static void
iop_attendance_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  if (prop_id == 0 || prop_id >= N_PROPS)
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
  else
    iop_entity_set_property (object, fields, prop_id, value, pspec);
}

static void
iop_attendance_class_init (IopAttendanceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = iop_attendance_finalize;
  object_class->get_property = iop_attendance_get_property;
  object_class->set_property = iop_attendance_set_property;

  G_STATIC_ASSERT (G_N_ELEMENTS (fields) == N_PROPS - 1);
  iop_entity_install_properties (object_class, fields, G_N_ELEMENTS (fields), properties);
}

static void
iop_attendance_init (IopAttendance *self)
{
  self->participation = -1;
}

IopAttendance *
iop_attendance_new (void)
{
  return g_object_new (IOP_TYPE_ATTENDANCE, NULL);
}

/**
 * iop_attendance_copy:
 * @self: a #IopAttendance
 *
 * Returns: (transfer full): an independent copy, for editing without touching @self
 */
IopAttendance *
iop_attendance_copy (IopAttendance *self)
{
  IopAttendance *copy = iop_attendance_new ();

  copy->session_id = self->session_id;
  copy->participant_id = self->participant_id;
  copy->record_number = g_strdup (self->record_number);
  copy->first_name = g_strdup (self->first_name);
  copy->last_name = g_strdup (self->last_name);
  copy->preferred_name = g_strdup (self->preferred_name);
  copy->level_of_care = g_strdup (self->level_of_care);
  copy->status = g_strdup (self->status);
  copy->minutes = self->minutes;
  copy->participation = self->participation;
  copy->on_roster = self->on_roster;
  copy->has_note = self->has_note;
  copy->note_presentation = g_strdup (self->note_presentation);
  copy->note_participation = g_strdup (self->note_participation);
  copy->note_response = g_strdup (self->note_response);
  copy->note_progress = g_strdup (self->note_progress);
  copy->note_plan = g_strdup (self->note_plan);
  return copy;
}

const char * const *
iop_attendance_status_values (void)
{
  static const char * const values[] = { "present", "late", "left-early", "absent", "excused", NULL };

  return values;
}

/**
 * iop_attendance_status_label:
 * @status: a status value, or "" while unmarked
 *
 * Returns: (transfer none): the status in words
 */
const char *
iop_attendance_status_label (const char *status)
{
  if (g_strcmp0 (status, "present") == 0)
    return C_("attendance", "Present");
  if (g_strcmp0 (status, "late") == 0)
    return C_("attendance", "Late");
  if (g_strcmp0 (status, "left-early") == 0)
    return C_("attendance", "Left early");
  if (g_strcmp0 (status, "absent") == 0)
    return C_("attendance", "Absent");
  if (g_strcmp0 (status, "excused") == 0)
    return C_("attendance", "Excused");
  return C_("attendance", "Not marked");
}

/**
 * iop_attendance_status_is_attending:
 *
 * Returns: %TRUE for present, late and left early: the member was in the room
 */
gboolean
iop_attendance_status_is_attending (const char *status)
{
  return g_strcmp0 (status, "present") == 0 || g_strcmp0 (status, "late") == 0
         || g_strcmp0 (status, "left-early") == 0;
}

gboolean
iop_attendance_is_attending (IopAttendance *self)
{
  g_return_val_if_fail (IOP_IS_ATTENDANCE (self), FALSE);
  return iop_attendance_status_is_attending (self->status);
}

gboolean
iop_attendance_is_marked (IopAttendance *self)
{
  g_return_val_if_fail (IOP_IS_ATTENDANCE (self), FALSE);
  return self->status != NULL && *self->status != '\0';
}

/**
 * iop_participation_label:
 * @level: 0 to 4, or -1
 *
 * Returns: (transfer none): the participation level in words
 */
const char *
iop_participation_label (int level)
{
  switch (level)
    {
    case 0: return C_("participation", "0 – Did not take part");
    case 1: return C_("participation", "1 – Minimal, only when asked");
    case 2: return C_("participation", "2 – Some, on topic");
    case 3: return C_("participation", "3 – Active, shared and listened");
    case 4: return C_("participation", "4 – Very active, supported others");
    default: return C_("participation", "Not rated");
    }
}

/**
 * iop_attendance_dup_short_name:
 *
 * Returns: (transfer full): the preferred (or first) name and the last initial, “Mari L.”
 */
char *
iop_attendance_dup_short_name (IopAttendance *self)
{
  const char *given;
  g_autofree char *initial = NULL;

  g_return_val_if_fail (IOP_IS_ATTENDANCE (self), NULL);
  given = self->preferred_name != NULL && *self->preferred_name ? self->preferred_name : self->first_name;
  if (self->last_name != NULL && *self->last_name)
    {
      const char *next = g_utf8_next_char (self->last_name);
      initial = g_strndup (self->last_name, next - self->last_name);
    }
  return initial != NULL ? g_strdup_printf ("%s %s.", given != NULL ? given : "", initial)
                         : g_strdup (given != NULL ? given : "");
}

/**
 * iop_attendance_dup_full_name:
 *
 * Returns: (transfer full): “María (Mari) López”
 */
char *
iop_attendance_dup_full_name (IopAttendance *self)
{
  g_return_val_if_fail (IOP_IS_ATTENDANCE (self), NULL);
  if (self->preferred_name != NULL && *self->preferred_name
      && g_strcmp0 (self->preferred_name, self->first_name) != 0)
    return g_strdup_printf ("%s (%s) %s", self->first_name, self->preferred_name, self->last_name);
  return g_strdup_printf ("%s %s", self->first_name, self->last_name);
}

gboolean
iop_attendance_note_is_blank (IopAttendance *self)
{
  const char *parts[5];

  g_return_val_if_fail (IOP_IS_ATTENDANCE (self), TRUE);
  parts[0] = self->note_presentation;
  parts[1] = self->note_participation;
  parts[2] = self->note_response;
  parts[3] = self->note_progress;
  parts[4] = self->note_plan;
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    if (!iop_text_is_blank (parts[i]))
      return FALSE;
  return TRUE;
}

/**
 * iop_attendance_dup_note_text:
 *
 * Returns: (transfer full): the five parts of the individualized note joined by blank lines
 */
char *
iop_attendance_dup_note_text (IopAttendance *self)
{
  const char *parts[5];
  GString *text = g_string_new (NULL);

  g_return_val_if_fail (IOP_IS_ATTENDANCE (self), NULL);
  parts[0] = self->note_presentation;
  parts[1] = self->note_participation;
  parts[2] = self->note_response;
  parts[3] = self->note_progress;
  parts[4] = self->note_plan;
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    if (parts[i] != NULL && *parts[i])
      {
        if (text->len > 0)
          g_string_append (text, "\n\n");
        g_string_append (text, parts[i]);
      }
  return g_string_free (text, FALSE);
}
