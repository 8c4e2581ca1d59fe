/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "iop-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "iop-access.h"
#include "iop-audit.h"
#include "iop-backup.h"
#include "iop-cli-private.h"
#include "iop-cli.h"
#include "iop-date.h"
#include "iop-instrument-loader.h"
#include "iop-sample.h"
#include "iop-store-consents.h"
#include "iop-store-people.h"

/*
 * The command line is part of the application: every job that makes sense in
 * batch can be scripted. Output is tab-separated, one line per item, for
 * scripts; errors go to standard error with a non-zero exit status. Each area
 * keeps its options in its own iop-cli-<area>.c, listed in `areas` below.
 */

static char *database_path;
static char *user_name;
static char *disclose_to;
static gint64 consent_id;

static const GOptionEntry entries[] = {
  { "user", 'u', 0, G_OPTION_ARG_STRING, NULL,
    N_("Act as the staff member NAME (or set CIRCLE_USER); the passphrase comes from a prompt or CIRCLE_PASSPHRASE"), N_("NAME") },
  { "check", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Check the database: integrity, references and the audit chain; exit 0 only when all hold"), NULL },
  { "backup", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write a backup of the database to FILE (administrators)"), N_("FILE") },
  { "restore", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Check the backup FILE and, when it is whole, make it the database; the replaced database is kept aside (administrators)"), N_("FILE") },
  { "encrypt", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Encrypt the backup or export with a passphrase (from a prompt or CIRCLE_FILE_PASSPHRASE)"), NULL },
  { "export-audit", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Export the audit log to FILE as CSV (supervisors and administrators)"), N_("FILE") },
  { "list-consents", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("List a participant's consents: ID, recipient, purpose, signed, expires, revoked, state (tab-separated)"), N_("RECORD") },
  { "export-participant", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Export a participant's face sheet (demographics, care, groups) as text"), N_("RECORD") },
  { "disclose-to", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("The export is for RECIPIENT outside the program: needs --consent; the disclosure is recorded and the output carries the 42 CFR § 2.32 notice"), N_("RECIPIENT") },
  { "consent", 0, 0, G_OPTION_ARG_INT64, NULL,
    N_("The participant's consent (its ID) a disclosure relies on"), N_("ID") },
  { "database", 'd', 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Use the database at PATH instead of the one in your data folder"), N_("PATH") },
  { "sample-data", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Load the sample program into an empty database and exit"), NULL },
  { "version", 'v', 0, G_OPTION_ARG_NONE, NULL,
    N_("Print the version and exit"), NULL },
  { "output", 'o', 0, G_OPTION_ARG_FILENAME, NULL,
    N_("The file to write"), N_("FILE") },
  { "list-groups", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("List groups: ID, name, type, members (tab-separated)"), NULL },
  { "list-participants", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("List participants: record number, first, last, preferred name, status (tab-separated)"), NULL },
  { NULL }
};

static const IopCliArea areas[] = {
  { iop_cli_sessions_entries, iop_cli_sessions_handle },
  { iop_cli_plans_entries, iop_cli_plans_handle },
  { iop_cli_exchange_entries, iop_cli_exchange_handle },
  { iop_cli_cultural_entries, iop_cli_cultural_handle },
  { iop_cli_reports_entries, iop_cli_reports_handle },
};

char *
iop_cli_field (const char *text)
{
  char *copy = g_strdup (text != NULL ? text : "");

  return g_strdelimit (copy, "\t\n\r", ' ');
}

int
iop_cli_fail (const char *message)
{
  g_printerr ("circle: %s\n", message);
  return 1;
}

static int
fail_error (const GError *error)
{
  return iop_cli_fail (error->message);
}

static IopStore *
open_store (GError **error)
{
  return iop_store_open (database_path, error);
}

/* Reads a secret from the terminal without echoing it. */
static char *
prompt_secret (const char  *prompt,
               GError     **error)
{
  struct termios saved, quiet;
  char buf[1024];
  FILE *tty;
  char *line;

  if (!isatty (STDIN_FILENO) || (tty = fopen ("/dev/tty", "r+")) == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           _("No terminal to ask for the passphrase: set CIRCLE_PASSPHRASE."));
      return NULL;
    }
  tcgetattr (fileno (tty), &saved);
  quiet = saved;
  quiet.c_lflag &= ~(tcflag_t) ECHO;
  tcsetattr (fileno (tty), TCSAFLUSH, &quiet);
  fputs (prompt, tty);
  fflush (tty);
  line = fgets (buf, sizeof buf, tty);
  tcsetattr (fileno (tty), TCSAFLUSH, &saved);
  fputc ('\n', tty);
  fclose (tty);
  if (line == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("No passphrase was entered."));
      return NULL;
    }
  buf[strcspn (buf, "\r\n")] = '\0';
  line = g_strdup (buf);
  explicit_bzero (buf, sizeof buf);
  return line;
}

/* A file passphrase for --encrypt and for encrypted backups: never on the command line. */
static char *
file_passphrase (GError **error)
{
  const char *env = g_getenv ("CIRCLE_FILE_PASSPHRASE");

  if (env != NULL && *env != '\0')
    return g_strdup (env);
  return prompt_secret (_("Passphrase for the file: "), error);
}

/* The store the job signed in to; signed out when the job ends. */
static IopStore *session;

/*
 * Every job acts as a named staff member, checked against their Argon2id
 * passphrase hash, so the audit log says who did it and the store enforces
 * their role. Only --version, --help, --check and --sample-data on an empty
 * database run without signing in.
 */
IopStore *
iop_cli_open_store (GError **error)
{
  g_autoptr(IopStore) store = NULL;
  g_autoptr(IopStaff) staff = NULL;
  g_autofree char *passphrase = NULL;
  const char *user = user_name;
  const char *env;

  if (session != NULL)
    return g_object_ref (session);

  if (user == NULL || *user == '\0')
    user = g_getenv ("CIRCLE_USER");
  if (user == NULL || *user == '\0')
    {
      g_set_error_literal (error, IOP_STORE_ERROR, IOP_STORE_ERROR_PERMISSION,
                           _("Sign in first: give your user name with --user NAME or CIRCLE_USER."));
      return NULL;
    }

  store = open_store (error);
  if (store == NULL)
    return NULL;

  env = g_getenv ("CIRCLE_PASSPHRASE");
  if (env != NULL)
    passphrase = g_strdup (env);
  else
    {
      g_autofree char *prompt = g_strdup_printf (_("Passphrase for %s: "), user);

      passphrase = prompt_secret (prompt, error);
      if (passphrase == NULL)
        return NULL;
    }

  staff = iop_access_authenticate (store, user, passphrase, error);
  explicit_bzero (passphrase, strlen (passphrase));
  if (staff == NULL)
    return NULL;
  session = g_object_ref (store);
  return g_steal_pointer (&store);
}

static void
end_session (void)
{
  if (session == NULL)
    return;
  iop_store_set_actor (session, 0);
  g_clear_object (&session);
}

static int
run_sample_data (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IopStore) store = open_store (&error);

  /* The sample's measures are scored with the shipped instrument definitions. */
  if (store == NULL
      || iop_instrument_registry_ensure_default (NULL, &error) == NULL
      || !iop_sample_load (store, &error))
    return iop_cli_fail (error->message);
  g_print (_("Loaded the sample program into %s\n"), iop_store_get_path (store));
  g_print (_("Sign in as admin, supervisor, counselor1 or counselor2 with the passphrase “sample”.\n"));
  return 0;
}

static int
run_check (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) report = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *default_path = NULL;
  const char *path = database_path;
  gboolean all_hold = FALSE;

  if (path == NULL)
    path = default_path = iop_store_default_path ();
  if (!iop_backup_check_database (path, &all_hold, report, &error))
    return fail_error (error);
  for (guint i = 0; i < report->len; i++)
    g_print ("%s\n", (char *) g_ptr_array_index (report, i));
  if (!all_hold)
    return iop_cli_fail (_("The database failed its check. Do not add to it: restore the latest backup that passes --check."));
  return 0;
}

static int
run_list_groups (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IopStore) store = iop_cli_open_store (&error);
  g_autoptr(GListModel) groups = NULL;

  if (store == NULL)
    return fail_error (error);
  groups = iop_store_list_groups (store, TRUE, &error);
  if (groups == NULL)
    return iop_cli_fail (error->message);

  for (guint i = 0; i < g_list_model_get_n_items (groups); i++)
    {
      g_autoptr(IopGroup) g = g_list_model_get_item (groups, i);
      g_autofree char *name = iop_cli_field (iop_group_get_name (g));

      g_print ("%" G_GINT64_FORMAT "\t%s\t%s\t%d\n", iop_group_get_id (g), name,
               iop_group_get_group_type (g), iop_group_get_member_count (g));
    }
  return 0;
}

static int
run_list_participants (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IopStore) store = iop_cli_open_store (&error);
  g_autoptr(GPtrArray) people = NULL;

  if (store == NULL)
    return fail_error (error);
  people = iop_store_list_participants (store, &error);
  if (people == NULL)
    return iop_cli_fail (error->message);

  for (guint i = 0; i < people->len; i++)
    {
      IopParticipant *p = g_ptr_array_index (people, i);
      g_autofree char *record = NULL;
      g_autofree char *first = NULL;
      g_autofree char *last = NULL;
      g_autofree char *preferred = NULL;

      /* A counselor sees their own caseload and groups only. */
      if (!iop_access_may_see_participant (store, iop_participant_get_id (p)))
        continue;
      record = iop_cli_field (iop_participant_get_record_number (p));
      first = iop_cli_field (iop_participant_get_first_name (p));
      last = iop_cli_field (iop_participant_get_last_name (p));
      preferred = iop_cli_field (iop_participant_get_preferred_name (p));
      g_print ("%s\t%s\t%s\t%s\t%s\n", record, first, last, preferred, iop_participant_get_status (p));
    }
  return 0;
}

static int
run_backup (const char *path,
            gboolean    encrypt)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IopStore) store = iop_cli_open_store (&error);
  g_autofree char *passphrase = NULL;

  if (store == NULL)
    return fail_error (error);
  if (!iop_access_may (store, IOP_PERMISSION_BACKUP))
    return iop_cli_fail (_("Only administrators back up and restore the database."));
  if (encrypt && (passphrase = file_passphrase (&error)) == NULL)
    return fail_error (error);
  if (!iop_backup_write (store, path, passphrase, &error))
    return fail_error (error);
  g_print (_("Backed up to %s\n"), path);
  return 0;
}

static int
run_restore (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IopStore) store = iop_cli_open_store (&error);
  g_autofree char *passphrase = NULL;
  g_autofree char *aside = NULL;

  if (store == NULL)
    return fail_error (error);
  if (iop_backup_is_encrypted_file (path) && (passphrase = file_passphrase (&error)) == NULL)
    return fail_error (error);
  if (!iop_backup_restore (store, path, passphrase, &aside, &error))
    return fail_error (error);
  g_print (_("Restored %s. The replaced database is kept as %s\n"), path, aside);
  return 0;
}

static int
run_export_audit (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IopStore) store = iop_cli_open_store (&error);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileOutputStream) out = NULL;

  if (store == NULL)
    return fail_error (error);
  if (!iop_store_require (store, IOP_PERMISSION_AUDIT_LOG, 0, &error))
    return fail_error (error);
  file = g_file_new_for_commandline_arg (path);
  out = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_PRIVATE | G_FILE_CREATE_REPLACE_DESTINATION,
                        NULL, &error);
  if (out == NULL
      || !iop_store_export_audit_csv (store, NULL, G_OUTPUT_STREAM (out), &error)
      || !g_output_stream_close (G_OUTPUT_STREAM (out), NULL, &error))
    {
      if (out != NULL)
        g_file_delete (file, NULL, NULL);
      return fail_error (error);
    }
  return 0;
}

static IopParticipant *
find_participant (IopStore    *store,
                  const char  *record,
                  GError     **error)
{
  IopParticipant *p = iop_store_find_participant (store, record, error);

  if (p == NULL && error != NULL && *error == NULL)
    g_set_error (error, IOP_STORE_ERROR, IOP_STORE_ERROR_NOT_FOUND,
                 _("There is no participant with the record number “%s”."), record);
  return p;
}

static int
run_list_consents (const char *record)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IopStore) store = iop_cli_open_store (&error);
  g_autoptr(IopParticipant) p = NULL;
  g_autoptr(GListModel) consents = NULL;
  g_autofree char *today = iop_date_today ();

  if (store == NULL)
    return fail_error (error);
  p = find_participant (store, record, &error);
  if (p == NULL)
    return fail_error (error);
  consents = iop_store_list_consents (store, iop_participant_get_id (p), &error);
  if (consents == NULL)
    return fail_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (consents); i++)
    {
      g_autoptr(IopConsent) c = g_list_model_get_item (consents, i);
      g_autofree char *recipient = iop_cli_field (iop_consent_get_recipient (c));
      g_autofree char *purpose = iop_cli_field (iop_consent_get_purpose (c));
      const char *state;

      if (*iop_consent_get_revoked_on (c) != '\0' && g_strcmp0 (iop_consent_get_revoked_on (c), today) <= 0)
        state = "revoked";
      else if (iop_consent_is_valid_on (c, today))
        state = "valid";
      else if (g_strcmp0 (iop_consent_get_signed_on (c), today) > 0)
        state = "not-yet";
      else
        state = "expired";
      g_print ("%" G_GINT64_FORMAT "\t%s\t%s\t%s\t%s\t%s\t%s\n", iop_consent_get_id (c), recipient, purpose,
               iop_consent_get_signed_on (c), iop_consent_get_expires_on (c), iop_consent_get_revoked_on (c),
               state);
    }
  return 0;
}

/**
 * iop_cli_is_disclosure:
 *
 * Returns: %TRUE when `--disclose-to` was given
 */
gboolean
iop_cli_is_disclosure (void)
{
  return disclose_to != NULL;
}

/**
 * iop_cli_check_disclosure:
 * @store: the signed-in store
 * @participant_id: whose record is printed or exported
 * @what: what it is, e.g. "Member copy of a session summary"
 * @notice: (out) (transfer full) (nullable): the 42 CFR § 2.32 notice the output
 *   must carry, or %NULL when the output stays inside the program
 * @error: return location for a #GError
 *
 * With `--disclose-to RECIPIENT --consent ID`, checks the consent and records
 * the disclosure (disclosure history and audit log). Print and export options
 * call this before writing a participant's record.
 *
 * Returns: %FALSE when the disclosure is not allowed: write nothing then
 */
gboolean
iop_cli_check_disclosure (IopStore    *store,
                          gint64       participant_id,
                          const char  *what,
                          char       **notice,
                          GError     **error)
{
  g_autoptr(IopConsent) consent = NULL;

  *notice = NULL;
  if (disclose_to == NULL)
    return TRUE;
  if (consent_id <= 0)
    {
      g_set_error_literal (error, IOP_STORE_ERROR, IOP_STORE_ERROR_PERMISSION,
                           _("A disclosure outside the program needs the participant's consent: give its ID with --consent (see --list-consents)."));
      return FALSE;
    }
  if (!iop_store_record_disclosure (store, participant_id, consent_id, disclose_to, what, NULL, error))
    return FALSE;
  consent = iop_store_get_consent (store, consent_id, error);
  if (consent == NULL)
    return FALSE;
  *notice = g_strdup_printf (_("Disclosed to %s under consent %" G_GINT64_FORMAT " (%s). %s"),
                             disclose_to, consent_id, iop_consent_get_purpose (consent),
                             iop_disclosure_notice ());
  return TRUE;
}

/* Inside the program an export is logged as such; outside it, as a disclosure. */
static char *
record_output (IopStore    *store,
               gint64       participant_id,
               const char  *what,
               GError     **error)
{
  g_autofree char *notice = NULL;

  if (disclose_to == NULL)
    {
      if (!iop_store_audit (store, "export", IOP_KIND_PARTICIPANT, participant_id, participant_id, what, error))
        return NULL;
      return g_strdup ("");
    }
  if (!iop_cli_check_disclosure (store, participant_id, what, &notice, error))
    return NULL;
  return g_strdup_printf ("\n%s\n", notice);
}

static int
write_output (const char  *text,
              const char  *output,
              gboolean     encrypt)
{
  g_autoptr(GError) error = NULL;

  if (output == NULL)
    {
      if (encrypt)
        return iop_cli_fail (_("An encrypted export needs a file: add --output FILE."));
      g_print ("%s", text);
      return 0;
    }
  if (!g_file_set_contents_full (output, text, -1,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE, 0600, &error))
    return fail_error (error);
  if (encrypt)
    {
      g_autofree char *passphrase = file_passphrase (&error);

      if (passphrase == NULL || !iop_backup_encrypt_file (output, passphrase, &error))
        {
          g_unlink (output);
          return fail_error (error);
        }
    }
  return 0;
}

static int
run_export_participant (const char *record,
                        const char *output,
                        gboolean    encrypt)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IopStore) store = iop_cli_open_store (&error);
  g_autoptr(IopParticipant) p = NULL;
  g_autoptr(IopStaff) counselor = NULL;
  g_autoptr(IopStaff) me = NULL;
  g_autoptr(GPtrArray) groups = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *trailer = NULL;
  g_autofree char *now = iop_timestamp_now ();

  if (store == NULL)
    return fail_error (error);
  p = find_participant (store, record, &error);
  if (p == NULL)
    return fail_error (error);
  groups = iop_store_list_participant_enrollments (store, iop_participant_get_id (p), &error);
  if (groups == NULL)
    return fail_error (error);
  trailer = record_output (store, iop_participant_get_id (p), _("Face sheet"), &error);
  if (trailer == NULL)
    return fail_error (error);
  if (iop_participant_get_primary_counselor_id (p) > 0)
    counselor = iop_store_get_staff (store, iop_participant_get_primary_counselor_id (p), NULL);
  me = iop_store_get_staff (store, iop_store_get_actor (store), NULL);

  g_string_append_printf (text, _("Face sheet — %s %s"), iop_participant_get_first_name (p),
                          iop_participant_get_last_name (p));
  g_string_append_c (text, '\n');
  g_string_append_printf (text, _("Record number: %s\n"), iop_participant_get_record_number (p));
  if (*iop_participant_get_preferred_name (p) != '\0')
    g_string_append_printf (text, _("Preferred name: %s\n"), iop_participant_get_preferred_name (p));
  if (*iop_participant_get_pronouns (p) != '\0')
    g_string_append_printf (text, _("Pronouns: %s\n"), iop_participant_get_pronouns (p));
  g_string_append_printf (text, _("Date of birth: %s\n"), iop_participant_get_date_of_birth (p));
  if (*iop_participant_get_primary_language (p) != '\0')
    g_string_append_printf (text, _("Primary language: %s\n"), iop_participant_get_primary_language (p));
  g_string_append_printf (text, _("Level of care: %s\n"), iop_level_of_care_label (iop_participant_get_level_of_care (p)));
  g_string_append_printf (text, _("Admitted: %s\n"), iop_participant_get_admission_date (p));
  g_string_append_printf (text, _("Status: %s\n"), iop_participant_status_label (iop_participant_get_status (p)));
  if (counselor != NULL)
    g_string_append_printf (text, _("Primary counselor: %s\n"), iop_staff_get_full_name (counselor));
  for (guint i = 0; i < groups->len; i++)
    {
      IopEnrollment *e = g_ptr_array_index (groups, i);

      if (*iop_enrollment_get_left_on (e) == '\0')
        g_string_append_printf (text, _("Group: %s, since %s\n"), iop_enrollment_get_group_name (e),
                                iop_enrollment_get_joined (e));
      else
        g_string_append_printf (text, _("Group: %s, %s to %s\n"), iop_enrollment_get_group_name (e),
                                iop_enrollment_get_joined (e), iop_enrollment_get_left_on (e));
    }
  g_string_append_printf (text, _("Exported by %s at %s\n"), me != NULL ? iop_staff_get_full_name (me) : "",
                          now);
  g_string_append (text, trailer);
  return write_output (text->str, output, encrypt);
}

/**
 * iop_cli_dup_output:
 * @options: the parsed options
 *
 * Returns: (transfer full) (nullable): the file given with `--output`
 */
char *
iop_cli_dup_output (GVariantDict *options)
{
  char *output = NULL;

  g_variant_dict_lookup (options, "output", "^ay", &output);
  return output;
}

/**
 * iop_cli_add_options:
 * @app: the application
 *
 * Registers every command-line option.
 */
void
iop_cli_add_options (GApplication *app)
{
  g_application_add_main_option_entries (app, entries);
  for (guint i = 0; i < G_N_ELEMENTS (areas); i++)
    g_application_add_main_option_entries (app, areas[i].entries);
  g_application_set_option_context_summary (app, _("Circle keeps group therapy records for intensive outpatient programs. Without options it opens the application."));
}

/**
 * iop_cli_handle:
 * @app: the application
 * @options: the parsed options
 * @exit_status: (out): the status to exit with when %TRUE is returned
 *
 * Runs a command-line job when one was asked for.
 *
 * Returns: %TRUE when the process should exit with @exit_status, %FALSE to open the window
 */
gboolean
iop_cli_handle (GApplication *app,
                GVariantDict *options,
                int          *exit_status)
{
  g_autofree char *backup = NULL;
  g_autofree char *restore = NULL;
  g_autofree char *export_audit = NULL;
  g_autofree char *output = NULL;
  const char *list_consents = NULL;
  const char *export_participant = NULL;
  gboolean encrypt;

  g_clear_pointer (&database_path, g_free);
  g_clear_pointer (&user_name, g_free);
  g_clear_pointer (&disclose_to, g_free);
  consent_id = 0;
  g_variant_dict_lookup (options, "database", "^ay", &database_path);
  g_variant_dict_lookup (options, "user", "s", &user_name);
  g_variant_dict_lookup (options, "disclose-to", "s", &disclose_to);
  g_variant_dict_lookup (options, "consent", "x", &consent_id);
  g_variant_dict_lookup (options, "backup", "^ay", &backup);
  g_variant_dict_lookup (options, "restore", "^ay", &restore);
  g_variant_dict_lookup (options, "export-audit", "^ay", &export_audit);
  output = iop_cli_dup_output (options);
  g_variant_dict_lookup (options, "list-consents", "&s", &list_consents);
  g_variant_dict_lookup (options, "export-participant", "&s", &export_participant);
  encrypt = g_variant_dict_contains (options, "encrypt");

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("%s %s\n", PACKAGE_NAME, PACKAGE_VERSION);
      *exit_status = 0;
      return TRUE;
    }

  if (consent_id != 0 && disclose_to == NULL)
    {
      *exit_status = iop_cli_fail (_("--consent goes with --disclose-to RECIPIENT."));
      return TRUE;
    }
  if ((disclose_to != NULL || consent_id != 0) && export_participant == NULL
      && !g_variant_dict_contains (options, "session-summary")
      && !g_variant_dict_contains (options, "export-plan"))
    {
      *exit_status = iop_cli_fail (_("--disclose-to and --consent go with an option that prints or exports a participant's record: --export-participant, --export-plan RECORD_NUMBER, or --session-summary with --for."));
      return TRUE;
    }

  if (g_variant_dict_contains (options, "check"))
    *exit_status = run_check ();
  else if (g_variant_dict_contains (options, "sample-data"))
    *exit_status = run_sample_data ();
  else if (backup != NULL)
    *exit_status = run_backup (backup, encrypt);
  else if (restore != NULL)
    *exit_status = run_restore (restore);
  else if (export_audit != NULL)
    *exit_status = run_export_audit (export_audit);
  else if (list_consents != NULL)
    *exit_status = run_list_consents (list_consents);
  else if (export_participant != NULL)
    *exit_status = run_export_participant (export_participant, output, encrypt);
  else if (g_variant_dict_contains (options, "list-groups"))
    *exit_status = run_list_groups ();
  else if (g_variant_dict_contains (options, "list-participants"))
    *exit_status = run_list_participants ();
  else
    {
      gboolean ran = FALSE;

      for (guint i = 0; !ran && i < G_N_ELEMENTS (areas); i++)
        ran = areas[i].handle (options, exit_status);
      end_session ();
      return ran;
    }

  end_session ();
  return TRUE;
}

/**
 * iop_cli_get_database_path:
 *
 * Returns: (nullable): the database chosen with `--database`, or %NULL for the default
 */
const char *
iop_cli_get_database_path (void)
{
  return database_path;
}

/**
 * iop_cli_sign_in_from_environment:
 * @store: the open store
 *
 * When the window is opened with `--user NAME` (or CIRCLE_USER) and
 * CIRCLE_PASSPHRASE, it starts signed in, as the command line would.
 * Otherwise it starts at the sign-in page.
 */
void
iop_cli_sign_in_from_environment (IopStore *store)
{
  g_autoptr(IopStaff) staff = NULL;
  g_autoptr(GError) error = NULL;
  const char *user = user_name != NULL ? user_name : g_getenv ("CIRCLE_USER");
  const char *passphrase = g_getenv ("CIRCLE_PASSPHRASE");

  if (user == NULL || *user == '\0' || passphrase == NULL)
    return;
  staff = iop_access_sign_in (store, user, passphrase, &error);
  if (staff == NULL)
    g_printerr ("circle: %s\n", error->message);
}
