/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "iop-participant-list.h"
#include "iop-store-people.h"
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

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/participant-list/filter-narrows", test_filter_narrows);
  g_test_add_func ("/participant-list/active-only", test_active_only);
  g_test_add_func ("/participant-list/follows-store", test_follows_store);
  return g_test_run ();
}
