/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "iop-participant-list"

#include "config.h"

#include "iop-access.h"
#include "iop-participant-list.h"
#include "iop-store-people.h"

/**
 * IopParticipantList:
 *
 * A #GListModel of #IopParticipant that stays quick with tens of thousands of
 * people. The display order is read once (ids only); a filter change runs one
 * FTS query for the matching ids and keeps the ones in that set, walking the
 * order, so no keystroke sorts. A participant's row is read only when a view
 * asks for that item, and kept, so a scrolled list is not read twice.
 *
 * The list holds only the people the signed-in staff member may see (a
 * counselor's caseload; everyone for supervisors and administrators), read
 * with the keys in one query, so counts, search and empty states follow the
 * same scope as the store's own refusals.
 */
struct _IopParticipantList
{
  GObject      parent_instance;

  IopStore    *store;
  char        *filter;
  GArray      *keys;     /* IopParticipantKey: everyone in scope, in display order */
  GArray      *ids;      /* gint64: those shown, in display order */
  GHashTable  *loaded;   /* id → IopParticipant */
  gulong       changed_id;
  gboolean     active_only;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (IopParticipantList, iop_participant_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_FILTER,
  PROP_ACTIVE_ONLY,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Sets a bit per id in @ids; returns the bits and the largest id in *max_id. */
static guint8 *
id_bits (GArray *ids,
         gint64 *max_id)
{
  guint8 *bits;

  *max_id = 0;
  for (guint i = 0; i < ids->len; i++)
    *max_id = MAX (*max_id, g_array_index (ids, gint64, i));
  bits = g_malloc0 (*max_id / 8 + 1);
  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);

      if (id > 0)
        bits[id / 8] |= 1 << (id % 8);
    }
  return bits;
}

static inline gboolean
has_bit (const guint8 *bits,
         gint64        max_id,
         gint64        id)
{
  return id > 0 && id <= max_id && (bits[id / 8] & (1 << (id % 8))) != 0;
}

static void
load_keys (IopParticipantList *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) visible = NULL;
  gboolean everyone = FALSE;

  g_clear_pointer (&self->keys, g_array_unref);
  self->keys = iop_store_list_participant_keys (self->store, &error);
  if (self->keys == NULL)
    {
      g_warning ("Could not list participants: %s", error->message);
      self->keys = g_array_new (FALSE, FALSE, sizeof (IopParticipantKey));
      return;
    }

  visible = iop_access_list_visible_participants (self->store, &everyone, &error);
  if (everyone)
    return;
  if (visible == NULL)
    {
      /* When the scope cannot be read, show no one rather than everyone. */
      g_warning ("Could not read whose records may be seen: %s", error->message);
      g_array_set_size (self->keys, 0);
      return;
    }

  {
    g_autofree guint8 *bits = NULL;
    gint64 max_id;
    guint kept = 0;

    bits = id_bits (visible, &max_id);
    for (guint i = 0; i < self->keys->len; i++)
      {
        IopParticipantKey key = g_array_index (self->keys, IopParticipantKey, i);

        if (has_bit (bits, max_id, key.id))
          g_array_index (self->keys, IopParticipantKey, kept++) = key;
      }
    g_array_set_size (self->keys, kept);
  }
}

static void
refresh (IopParticipantList *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) matches = NULL;
  g_autoptr(GArray) ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), self->keys->len);
  g_autofree guint8 *wanted = NULL;
  gint64 max_id = 0;
  guint old_n = self->ids->len;

  matches = iop_store_match_participants (self->store, self->filter, &error);
  if (error != NULL)
    g_warning ("Could not search participants: %s", error->message);

  /* A bit per id: membership tests while walking the order are then free. */
  if (matches != NULL)
    wanted = id_bits (matches, &max_id);

  for (guint i = 0; i < self->keys->len; i++)
    {
      const IopParticipantKey *key = &g_array_index (self->keys, IopParticipantKey, i);

      if (self->active_only && key->discharged)
        continue;
      if (matches != NULL && !has_bit (wanted, max_id, key->id))
        continue;
      g_array_append_val (ids, key->id);
    }

  g_clear_pointer (&self->ids, g_array_unref);
  self->ids = g_steal_pointer (&ids);

  g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n, self->ids->len);
  if (old_n != self->ids->len)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

static void
store_changed_cb (IopParticipantList *self,
                  const char         *kind,
                  IopStore           *store)
{
  if (g_strcmp0 (kind, IOP_KIND_PARTICIPANT) == 0)
    {
      /* Re-read rows lazily: a changed name must show the next time the row binds. */
      g_hash_table_remove_all (self->loaded);
    }
  else if (g_strcmp0 (kind, IOP_KIND_ENROLLMENT) != 0 && g_strcmp0 (kind, IOP_KIND_GROUP) != 0
           && g_strcmp0 (kind, IOP_KIND_STAFF) != 0)
    return;
  /* Enrollments, facilitators and roles move people in and out of a caseload. */
  load_keys (self);
  refresh (self);
}

static GType
iop_participant_list_get_item_type (GListModel *model)
{
  return IOP_TYPE_PARTICIPANT;
}

static guint
iop_participant_list_get_n_items (GListModel *model)
{
  return IOP_PARTICIPANT_LIST (model)->ids->len;
}

static gpointer
iop_participant_list_get_item (GListModel *model,
                               guint       position)
{
  IopParticipantList *self = IOP_PARTICIPANT_LIST (model);
  IopParticipant *participant;
  gint64 id;

  if (position >= self->ids->len)
    return NULL;

  id = g_array_index (self->ids, gint64, position);
  participant = g_hash_table_lookup (self->loaded, &id);
  if (participant == NULL)
    {
      gint64 *key = g_new (gint64, 1);

      participant = iop_store_get_participant (self->store, id, NULL);
      if (participant == NULL)
        {
          /* Removed by another program since the list was read: show a blank row
           * rather than break the model's contract. */
          participant = iop_participant_new ();
          iop_participant_set_id (participant, id);
        }
      *key = id;
      g_hash_table_insert (self->loaded, key, participant);
    }
  return g_object_ref (participant);
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = iop_participant_list_get_item_type;
  iface->get_n_items = iop_participant_list_get_n_items;
  iface->get_item = iop_participant_list_get_item;
}

static void
iop_participant_list_dispose (GObject *object)
{
  IopParticipantList *self = (IopParticipantList *) object;

  g_clear_signal_handler (&self->changed_id, self->store);
  g_clear_object (&self->store);
  if (self->loaded != NULL)
    g_hash_table_remove_all (self->loaded);

  G_OBJECT_CLASS (iop_participant_list_parent_class)->dispose (object);
}

static void
iop_participant_list_finalize (GObject *object)
{
  IopParticipantList *self = (IopParticipantList *) object;

  g_clear_pointer (&self->filter, g_free);
  g_clear_pointer (&self->ids, g_array_unref);
  g_clear_pointer (&self->keys, g_array_unref);
  g_clear_pointer (&self->loaded, g_hash_table_unref);

  G_OBJECT_CLASS (iop_participant_list_parent_class)->finalize (object);
}

static void
iop_participant_list_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  IopParticipantList *self = IOP_PARTICIPANT_LIST (object);

  switch (prop_id)
    {
    case PROP_FILTER:
      g_value_set_string (value, self->filter);
      break;
    case PROP_ACTIVE_ONLY:
      g_value_set_boolean (value, self->active_only);
      break;
    case PROP_N_ITEMS:
      g_value_set_uint (value, self->ids->len);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
iop_participant_list_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  IopParticipantList *self = IOP_PARTICIPANT_LIST (object);

  switch (prop_id)
    {
    case PROP_FILTER:
      iop_participant_list_set_filter (self, g_value_get_string (value));
      break;
    case PROP_ACTIVE_ONLY:
      iop_participant_list_set_active_only (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
iop_participant_list_class_init (IopParticipantListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = iop_participant_list_dispose;
  object_class->finalize = iop_participant_list_finalize;
  object_class->get_property = iop_participant_list_get_property;
  object_class->set_property = iop_participant_list_set_property;

  properties[PROP_FILTER] =
    g_param_spec_string ("filter", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ACTIVE_ONLY] =
    g_param_spec_boolean ("active-only", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
iop_participant_list_init (IopParticipantList *self)
{
  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->loaded = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
}

/**
 * iop_participant_list_new:
 * @store: the store to read from
 *
 * Returns: (transfer full): everyone the signed-in staff member may see, by
 *   last name; it follows the store's changes
 */
IopParticipantList *
iop_participant_list_new (IopStore *store)
{
  IopParticipantList *self;

  g_return_val_if_fail (IOP_IS_STORE (store), NULL);

  self = g_object_new (IOP_TYPE_PARTICIPANT_LIST, NULL);
  self->store = g_object_ref (store);
  self->changed_id = g_signal_connect_object (store, "changed", G_CALLBACK (store_changed_cb), self,
                                              G_CONNECT_SWAPPED);
  load_keys (self);
  refresh (self);
  return self;
}

/**
 * iop_participant_list_set_filter:
 * @self: an #IopParticipantList
 * @text: (nullable): words to match at the start of a name or record number
 *
 * Narrows the list. Each call settles the model before it returns.
 */
void
iop_participant_list_set_filter (IopParticipantList *self,
                                 const char         *text)
{
  g_return_if_fail (IOP_IS_PARTICIPANT_LIST (self));

  /* An empty search is no filter: an emptied entry does not reread the list. */
  if (text != NULL && *text == '\0')
    text = NULL;
  if (g_strcmp0 (self->filter, text) == 0)
    return;
  g_free (self->filter);
  self->filter = g_strdup (text);
  refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILTER]);
}

const char *
iop_participant_list_get_filter (IopParticipantList *self)
{
  g_return_val_if_fail (IOP_IS_PARTICIPANT_LIST (self), NULL);

  return self->filter;
}

void
iop_participant_list_set_active_only (IopParticipantList *self,
                                      gboolean            active_only)
{
  g_return_if_fail (IOP_IS_PARTICIPANT_LIST (self));

  active_only = !!active_only;
  if (self->active_only == active_only)
    return;
  self->active_only = active_only;
  refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTIVE_ONLY]);
}

gboolean
iop_participant_list_get_active_only (IopParticipantList *self)
{
  g_return_val_if_fail (IOP_IS_PARTICIPANT_LIST (self), FALSE);

  return self->active_only;
}

/**
 * iop_participant_list_reload:
 * @self: an #IopParticipantList
 *
 * Reads the list again, for changes made by another program.
 */
void
iop_participant_list_reload (IopParticipantList *self)
{
  g_return_if_fail (IOP_IS_PARTICIPANT_LIST (self));

  g_hash_table_remove_all (self->loaded);
  load_keys (self);
  refresh (self);
}

/**
 * iop_participant_list_find:
 * @self: an #IopParticipantList
 * @participant_id: whom to find
 *
 * Returns: the position of @participant_id, or %G_MAXUINT when not listed
 */
guint
iop_participant_list_find (IopParticipantList *self,
                           gint64              participant_id)
{
  g_return_val_if_fail (IOP_IS_PARTICIPANT_LIST (self), G_MAXUINT);

  for (guint i = 0; i < self->ids->len; i++)
    if (g_array_index (self->ids, gint64, i) == participant_id)
      return i;
  return G_MAXUINT;
}

/**
 * iop_participant_list_count_in_scope:
 * @self: an #IopParticipantList
 *
 * Tells "no one to show" apart from "no one matches": the people the signed-in
 * staff member may see, whatever the filter and discharged status.
 *
 * Returns: how many participants the list could show
 */
guint
iop_participant_list_count_in_scope (IopParticipantList *self)
{
  g_return_val_if_fail (IOP_IS_PARTICIPANT_LIST (self), 0);

  return self->keys->len;
}

/**
 * iop_participant_list_get_id:
 * @self: an #IopParticipantList
 * @position: a position in the list
 *
 * The participant id at @position, without reading the participant's row:
 * a selection of thousands is resolved to ids this way.
 *
 * Returns: the id, or 0 past the end
 */
gint64
iop_participant_list_get_id (IopParticipantList *self,
                             guint               position)
{
  g_return_val_if_fail (IOP_IS_PARTICIPANT_LIST (self), 0);

  return position < self->ids->len ? g_array_index (self->ids, gint64, position) : 0;
}
