/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "iop-access-private.h"
#include "iop-access.h"
#include "iop-participant-list.h"
#include "iop-store-people.h"
#include "iop-store-private.h"
#include "iop-test-util.h"

typedef struct {
  guint calls;
  guint removed;
  guint added;
} ItemsChanged;

static void
items_changed_cb (GListModel *model, guint position, guint removed, guint added, ItemsChanged *seen)
{
  seen->calls++;
  seen->removed += removed;
  seen->added += added;
}

static void
test_filter_narrows (void)
{
  g_autoptr(IopStore) store = iop_test_open_sample ("list-filter");
  g_autoptr(IopParticipantList) list = iop_participant_list_new (store);
  ItemsChanged seen = { 0 };
  guint everyone = g_list_model_get_n_items (G_LIST_MODEL (list));

  g_assert_cmpuint (everyone, ==, 40);
  g_signal_connect (list, "items-changed", G_CALLBACK (items_changed_cb), &seen);

  iop_participant_list_set_filter (list, "ma");
  g_assert_cmpuint (seen.calls, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), <, everyone);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), >, 1);

  iop_participant_list_set_filter (list, "maria lopez");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  {
    g_autoptr(IopParticipant) p = g_list_model_get_item (G_LIST_MODEL (list), 0);
    g_assert_cmpstr (iop_participant_get_record_number (p), ==, "IOP-1001");
  }
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (list), 1));

  iop_participant_list_set_filter (list, "nobody-by-this-name");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);

  iop_participant_list_set_filter (list, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, everyone);
  g_assert_cmpuint (seen.removed, ==, seen.added);
}

static void
test_active_only (void)
{
  g_autoptr(IopStore) store = iop_test_open_sample ("list-active");
  g_autoptr(IopParticipantList) list = iop_participant_list_new (store);
  guint everyone = g_list_model_get_n_items (G_LIST_MODEL (list));

  iop_participant_list_set_active_only (list, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, everyone - 3);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (list)); i++)
    {
      g_autoptr(IopParticipant) p = g_list_model_get_item (G_LIST_MODEL (list), i);
      g_assert_cmpstr (iop_participant_get_status (p), !=, "discharged");
    }
}

static void
test_follows_store (void)
{
  g_autoptr(IopStore) store = iop_test_open_sample ("list-follows");
  g_autoptr(IopParticipantList) list = iop_participant_list_new (store);
  g_autoptr(IopParticipant) p = iop_participant_new ();
  g_autoptr(GError) error = NULL;
  guint before = g_list_model_get_n_items (G_LIST_MODEL (list));
  guint pos;

  iop_participant_list_set_filter (list, "Quintero");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);

  iop_participant_set_record_number (p, "IOP-2000");
  iop_participant_set_first_name (p, "Lupe");
  iop_participant_set_last_name (p, "Quintero");
  iop_participant_set_admission_date (p, "2026-01-10");
  g_assert_true (iop_store_add_participant (store, p, &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);

  iop_participant_list_set_filter (list, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, before + 1);
  pos = iop_participant_list_find (list, iop_participant_get_id (p));
  g_assert_cmpuint (pos, <, before + 1);

  /* A change of name shows in the item read afterwards */
  iop_participant_set_preferred_name (p, "Lu");
  g_assert_true (iop_store_update_participant (store, p, &error));
  {
    g_autoptr(IopParticipant) shown = g_list_model_get_item (G_LIST_MODEL (list),
                                                              iop_participant_list_find (list, iop_participant_get_id (p)));
    g_assert_cmpstr (iop_participant_get_preferred_name (shown), ==, "Lu");
  }
}


static IopStore *
open_signed_in (const char *name,
                const char *username)
{
  IopStore *store = iop_test_open_strict (name);

  iop_test_load_sample (store);
  iop_test_sign_in (store, username);
  return store;
}

/* The ids iop_access_may_see_participant() allows, one record at a time. */
static GHashTable *
seen_one_by_one (IopStore *store)
{
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GError) error = NULL;
  GHashTable *ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  /* Read everyone as Circle itself, then ask as the signed-in staff member. */
  {
    gint64 actor = iop_store_get_actor (store);

    iop_store_trust_system_actor (store, TRUE);
    people = iop_store_list_participants (store, &error);
    iop_store_trust_system_actor (store, FALSE);
    iop_store_set_actor (store, actor);
  }
  g_assert_no_error (error);
  for (guint i = 0; i < people->len; i++)
    {
      gint64 id = iop_participant_get_id (g_ptr_array_index (people, i));

      if (iop_access_may_see_participant (store, id))
        g_hash_table_add (ids, g_memdup2 (&id, sizeof id));
    }
  return ids;
}

static void
test_counselor_scope (void)
{
  g_autoptr(IopStore) store = open_signed_in ("list-counselor", "counselor1");
  g_autoptr(IopParticipantList) list = iop_participant_list_new (store);
  g_autoptr(GHashTable) allowed = seen_one_by_one (store);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (list));
  guint matched = 0;

  /* Exactly the caseload: everyone allowed, no one else, and fewer than all. */
  g_assert_cmpuint (n, >, 0);
  g_assert_cmpuint (n, <, 40);
  g_assert_cmpuint (n, ==, g_hash_table_size (allowed));
  g_assert_cmpuint (iop_participant_list_count_in_scope (list), ==, n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(IopParticipant) p = g_list_model_get_item (G_LIST_MODEL (list), i);
      gint64 id = iop_participant_get_id (p);

      g_assert_true (g_hash_table_contains (allowed, &id));
    }

  /* Search stays inside the caseload: a name of someone outside finds no one. */
  {
    g_autoptr(GPtrArray) people = NULL;
    const char *outside = NULL;
    const char *inside = NULL;

    iop_store_trust_system_actor (store, TRUE);
    people = iop_store_list_participants (store, NULL);
    iop_store_trust_system_actor (store, FALSE);
    for (guint i = 0; i < people->len; i++)
      {
        IopParticipant *p = g_ptr_array_index (people, i);
        gint64 id = iop_participant_get_id (p);

        if (g_hash_table_contains (allowed, &id))
          inside = inside != NULL ? inside : iop_participant_get_record_number (p);
        else
          outside = outside != NULL ? outside : iop_participant_get_record_number (p);
      }
    g_assert_nonnull (inside);
    g_assert_nonnull (outside);

    iop_participant_list_set_filter (list, outside);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
    /* Not "no participants": the caseload is there, the search found no one. */
    g_assert_cmpuint (iop_participant_list_count_in_scope (list), ==, n);
    iop_participant_list_set_filter (list, inside);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
    iop_participant_list_set_filter (list, "IOP");
    for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (list)); i++)
      {
        g_autoptr(IopParticipant) p = g_list_model_get_item (G_LIST_MODEL (list), i);
        gint64 id = iop_participant_get_id (p);

        g_assert_true (g_hash_table_contains (allowed, &id));
      }
    matched = g_list_model_get_n_items (G_LIST_MODEL (list));
    g_assert_cmpuint (matched, <=, n);
  }
}

static void
test_counselor_scope_follows_enrollment (void)
{
  g_autoptr(IopStore) store = open_signed_in ("list-counselor-enroll", "counselor1");
  g_autoptr(IopParticipantList) list = iop_participant_list_new (store);
  g_autoptr(GHashTable) allowed = seen_one_by_one (store);
  g_autoptr(GListModel) groups = NULL;
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GError) error = NULL;
  guint before = g_list_model_get_n_items (G_LIST_MODEL (list));
  gint64 group_id = 0;
  gint64 outsider = 0;
  gint64 actor = iop_store_get_actor (store);

  /* An administrator's change, seen by the counselor's list: someone joins a
   * group counselor1 facilitates and so joins the caseload. */
  iop_store_trust_system_actor (store, TRUE);
  groups = iop_store_list_groups (store, FALSE, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (groups) && group_id == 0; i++)
    {
      g_autoptr(IopGroup) g = g_list_model_get_item (groups, i);

      if (iop_group_get_facilitator_id (g) == actor)
        group_id = iop_group_get_id (g);
    }
  people = iop_store_list_participants (store, &error);
  for (guint i = 0; i < people->len && outsider == 0; i++)
    {
      IopParticipant *p = g_ptr_array_index (people, i);
      gint64 id = iop_participant_get_id (p);

      if (!g_hash_table_contains (allowed, &id))
        outsider = id;
    }
  g_assert_cmpint (group_id, >, 0);
  g_assert_cmpint (outsider, >, 0);
  iop_store_set_actor (store, 0);
  g_assert_true (iop_store_enroll (store, outsider, group_id, "2026-11-20",
                                   IOP_ENROLL_OVERRIDE_CAPACITY | IOP_ENROLL_OVERRIDE_CLOSED, NULL, &error));
  g_assert_no_error (error);
  iop_store_trust_system_actor (store, FALSE);
  iop_store_set_actor (store, actor);
  /* The list re-reads the caseload as the counselor when enrollments change. */
  g_assert_true (iop_store_begin (store, &error));
  iop_store_mark_changed (store, IOP_KIND_ENROLLMENT);
  g_assert_true (iop_store_commit (store, &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, before + 1);
  g_assert_cmpuint (iop_participant_list_find (list, outsider), !=, G_MAXUINT);
}

static void
test_supervisor_sees_all (void)
{
  g_autoptr(IopStore) store = open_signed_in ("list-supervisor", "supervisor");
  g_autoptr(IopParticipantList) list = iop_participant_list_new (store);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 40);
  g_assert_cmpuint (iop_participant_list_count_in_scope (list), ==, 40);
}

static void
test_no_one_signed_in_sees_no_one (void)
{
  g_autoptr(IopStore) store = iop_test_open_strict ("list-nobody");
  g_autoptr(IopParticipantList) list = NULL;

  iop_test_load_sample (store);
  iop_store_set_actor (store, 0);
  list = iop_participant_list_new (store);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
  g_assert_cmpuint (iop_participant_list_count_in_scope (list), ==, 0);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/participant-list/filter-narrows", test_filter_narrows);
  g_test_add_func ("/participant-list/active-only", test_active_only);
  g_test_add_func ("/participant-list/follows-store", test_follows_store);
  g_test_add_func ("/participant-list/counselor-scope", test_counselor_scope);
  g_test_add_func ("/participant-list/counselor-scope-follows-enrollment", test_counselor_scope_follows_enrollment);
  g_test_add_func ("/participant-list/supervisor-sees-all", test_supervisor_sees_all);
  g_test_add_func ("/participant-list/no-one-signed-in", test_no_one_signed_in_sees_no_one);
  return g_test_run ();
}
