/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "iop-instrument"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "iop-instrument.h"

/*
 * Instruments are data so that a program can add its own without a new build.
 * Item numbers are 1-based everywhere in the API, as in the instruments' manuals.
 */

typedef struct {
  int   value;
  char *label;
} Choice;

typedef struct {
  char   *text;
  int     min_value;
  int     max_value;
  GArray *choices;      /* Choice; empty: the instrument's default choices */
} Item;

typedef struct {
  int   min_total;
  int   max_total;
  char *label;
} Band;

typedef struct {
  char   *id;
  char   *label;
  GArray *items;        /* guint item numbers */
} Subscale;

typedef struct {
  guint  item;
  int    min_value;
  char  *label;
} Flag;

struct _IopInstrument
{
  gatomicrefcount  ref_count;
  char            *id;
  char            *name;
  char            *source;
  char            *instructions;
  gboolean         has_total;
  GArray          *default_choices;  /* Choice */
  GArray          *items;            /* Item */
  GArray          *bands;            /* Band */
  GArray          *subscales;        /* Subscale */
  GArray          *flags;            /* Flag */
};

struct _IopInstrumentRegistry
{
  gatomicrefcount  ref_count;
  GPtrArray       *instruments;
};

/* The process's instruments, loaded once from XML by src/interop and shared. */
static IopInstrumentRegistry *default_registry;
G_LOCK_DEFINE_STATIC (default_registry);

G_DEFINE_QUARK (iop-instrument-error-quark, iop_instrument_error)
G_DEFINE_BOXED_TYPE (IopInstrument, iop_instrument, iop_instrument_ref, iop_instrument_unref)
G_DEFINE_BOXED_TYPE (IopInstrumentRegistry, iop_instrument_registry,
                     iop_instrument_registry_ref, iop_instrument_registry_unref)

/* Helpers */

static void
clear_choice (gpointer data)
{
  g_free (((Choice *) data)->label);
}

static void
clear_item (gpointer data)
{
  Item *item = data;

  g_free (item->text);
  g_array_unref (item->choices);
}

static void
clear_band (gpointer data)
{
  g_free (((Band *) data)->label);
}

static void
clear_subscale (gpointer data)
{
  Subscale *s = data;

  g_free (s->id);
  g_free (s->label);
  g_array_unref (s->items);
}

static void
clear_flag (gpointer data)
{
  g_free (((Flag *) data)->label);
}

static GArray *
new_array (gsize          element_size,
           GDestroyNotify clear)
{
  GArray *array = g_array_new (FALSE, TRUE, element_size);

  g_array_set_clear_func (array, clear);
  return array;
}

static Item *
get_item (IopInstrument *self,
          guint          item)
{
  g_return_val_if_fail (item >= 1 && item <= self->items->len, NULL);

  return &g_array_index (self->items, Item, item - 1);
}

static gboolean
invalid_definition (GError     **error,
                    const char  *id,
                    const char  *problem)
{
  g_set_error (error, IOP_INSTRUMENT_ERROR, IOP_INSTRUMENT_ERROR_INVALID_DEFINITION,
               _("The instrument “%s” is not defined correctly: %s"), id, problem);
  return FALSE;
}

/* Public API */

void
iop_score_free (IopScore *score)
{
  if (score == NULL)
    return;
  g_free (score->severity);
  g_free (score->subscores);
  g_free (score->flag_label);
  g_free (score);
}

/**
 * iop_instrument_new:
 * @id: the short name scores are stored under, e.g. "PHQ-9"
 * @name: the full name
 *
 * Returns: (transfer full): an empty definition; add items, bands, subscales and flags
 */
IopInstrument *
iop_instrument_new (const char *id,
                    const char *name)
{
  IopInstrument *self = g_new0 (IopInstrument, 1);

  g_return_val_if_fail (id != NULL, NULL);

  g_atomic_ref_count_init (&self->ref_count);
  self->id = g_strdup (id);
  self->name = g_strdup (name != NULL ? name : id);
  self->has_total = TRUE;
  self->default_choices = new_array (sizeof (Choice), clear_choice);
  self->items = new_array (sizeof (Item), clear_item);
  self->bands = new_array (sizeof (Band), clear_band);
  self->subscales = new_array (sizeof (Subscale), clear_subscale);
  self->flags = new_array (sizeof (Flag), clear_flag);
  return self;
}

IopInstrument *
iop_instrument_ref (IopInstrument *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
iop_instrument_unref (IopInstrument *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_free (self->id);
  g_free (self->name);
  g_free (self->source);
  g_free (self->instructions);
  g_array_unref (self->default_choices);
  g_array_unref (self->items);
  g_array_unref (self->bands);
  g_array_unref (self->subscales);
  g_array_unref (self->flags);
  g_free (self);
}

void
iop_instrument_set_source (IopInstrument *self,
                           const char    *source)
{
  g_return_if_fail (self != NULL);

  g_free (self->source);
  self->source = g_strdup (source);
}

void
iop_instrument_set_instructions (IopInstrument *self,
                                 const char    *instructions)
{
  g_return_if_fail (self != NULL);

  g_free (self->instructions);
  self->instructions = g_strdup (instructions);
}

/**
 * iop_instrument_set_has_total:
 * @self: an #IopInstrument
 * @has_total: whether the items add up to a total (the BAM has sub-scores only)
 */
void
iop_instrument_set_has_total (IopInstrument *self,
                              gboolean       has_total)
{
  g_return_if_fail (self != NULL);

  self->has_total = has_total;
}

/**
 * iop_instrument_add_default_choice:
 * @self: an #IopInstrument
 * @value: an answer's value
 * @label: how the answer reads ("Several days")
 *
 * Adds a response option shared by every item that has none of its own.
 */
void
iop_instrument_add_default_choice (IopInstrument *self,
                                   int            value,
                                   const char    *label)
{
  Choice c = { value, g_strdup (label) };

  g_return_if_fail (self != NULL);

  g_array_append_val (self->default_choices, c);
}

/**
 * iop_instrument_add_item:
 * @self: an #IopInstrument
 * @text: the item's wording
 * @min_value: the lowest valid answer
 * @max_value: the highest valid answer
 *
 * Returns: the new item's number (1-based)
 */
guint
iop_instrument_add_item (IopInstrument *self,
                         const char    *text,
                         int            min_value,
                         int            max_value)
{
  Item item = { g_strdup (text), min_value, max_value, new_array (sizeof (Choice), clear_choice) };

  g_return_val_if_fail (self != NULL, 0);

  g_array_append_val (self->items, item);
  return self->items->len;
}

void
iop_instrument_add_item_choice (IopInstrument *self,
                                guint          item,
                                int            value,
                                const char    *label)
{
  Item *it;
  Choice c;

  g_return_if_fail (self != NULL);
  it = get_item (self, item);
  g_return_if_fail (it != NULL);

  c.value = value;
  c.label = g_strdup (label);
  g_array_append_val (it->choices, c);
}

/**
 * iop_instrument_add_band:
 * @self: an #IopInstrument
 * @min_total: the lowest total in the band
 * @max_total: the highest total in the band
 * @label: the severity ("moderately severe")
 */
void
iop_instrument_add_band (IopInstrument *self,
                         int            min_total,
                         int            max_total,
                         const char    *label)
{
  Band b = { min_total, max_total, g_strdup (label) };

  g_return_if_fail (self != NULL);

  g_array_append_val (self->bands, b);
}

/**
 * iop_instrument_add_subscale:
 * @self: an #IopInstrument
 * @id: the key in the sub-score text ("use")
 * @label: how it reads ("Use")
 * @items: (array length=n_items): the item numbers summed
 * @n_items: how many
 */
void
iop_instrument_add_subscale (IopInstrument *self,
                             const char    *id,
                             const char    *label,
                             const guint   *items,
                             guint          n_items)
{
  Subscale s;

  g_return_if_fail (self != NULL);
  g_return_if_fail (id != NULL);

  s.id = g_strdup (id);
  s.label = g_strdup (label != NULL ? label : id);
  s.items = g_array_sized_new (FALSE, FALSE, sizeof (guint), n_items);
  g_array_append_vals (s.items, items, n_items);
  g_array_append_val (self->subscales, s);
}

/**
 * iop_instrument_add_flag:
 * @self: an #IopInstrument
 * @item: the item watched
 * @min_value: an answer at or above this raises the flag
 * @label: what the flag means for the counselor
 */
void
iop_instrument_add_flag (IopInstrument *self,
                         guint          item,
                         int            min_value,
                         const char    *label)
{
  Flag f = { item, min_value, g_strdup (label) };

  g_return_if_fail (self != NULL);

  g_array_append_val (self->flags, f);
}

/**
 * iop_instrument_check:
 * @self: an #IopInstrument
 * @error: return location for a #GError
 *
 * Checks what a schema cannot: bands cover every possible total exactly once,
 * subscales and flags name items that exist, choices lie inside their item's range.
 *
 * Returns: %TRUE when the definition can score answers
 */
gboolean
iop_instrument_check (IopInstrument  *self,
                      GError        **error)
{
  int max_total;

  g_return_val_if_fail (self != NULL, FALSE);

  if (self->items->len == 0)
    return invalid_definition (error, self->id, _("it has no items."));

  for (guint i = 0; i < self->items->len; i++)
    {
      Item *it = &g_array_index (self->items, Item, i);
      GArray *choices = it->choices->len > 0 ? it->choices : self->default_choices;

      if (it->min_value > it->max_value)
        return invalid_definition (error, self->id, _("an item's lowest value is above its highest."));
      for (guint c = 0; c < choices->len; c++)
        {
          int v = g_array_index (choices, Choice, c).value;
          if (v < it->min_value || v > it->max_value)
            return invalid_definition (error, self->id, _("an answer choice lies outside its item's range."));
        }
    }

  for (guint i = 0; i < self->subscales->len; i++)
    {
      Subscale *s = &g_array_index (self->subscales, Subscale, i);

      if (s->items->len == 0)
        return invalid_definition (error, self->id, _("a subscale has no items."));
      for (guint k = 0; k < s->items->len; k++)
        {
          guint n = g_array_index (s->items, guint, k);
          if (n < 1 || n > self->items->len)
            return invalid_definition (error, self->id, _("a subscale names an item that does not exist."));
        }
    }

  for (guint i = 0; i < self->flags->len; i++)
    {
      Flag *f = &g_array_index (self->flags, Flag, i);
      if (f->item < 1 || f->item > self->items->len)
        return invalid_definition (error, self->id, _("a flag names an item that does not exist."));
    }

  if (!self->has_total)
    {
      if (self->bands->len > 0)
        return invalid_definition (error, self->id, _("it has severity bands but no total."));
      return TRUE;
    }

  /* Every total from the lowest to the highest falls in exactly one band. */
  max_total = iop_instrument_get_max_total (self);
  if (self->bands->len > 0)
    {
      int min_total = 0;

      for (guint i = 0; i < self->items->len; i++)
        min_total += g_array_index (self->items, Item, i).min_value;
      for (int t = min_total; t <= max_total; t++)
        {
          guint hits = 0;
          for (guint b = 0; b < self->bands->len; b++)
            {
              Band *band = &g_array_index (self->bands, Band, b);
              if (t >= band->min_total && t <= band->max_total)
                hits++;
            }
          if (hits != 1)
            return invalid_definition (error, self->id,
                                       hits == 0 ? _("a possible total falls in no severity band.")
                                                 : _("severity bands overlap."));
        }
      for (guint b = 0; b < self->bands->len; b++)
        {
          Band *band = &g_array_index (self->bands, Band, b);
          if (band->min_total > band->max_total || band->min_total < min_total || band->max_total > max_total)
            return invalid_definition (error, self->id, _("a severity band lies outside the possible totals."));
        }
    }
  return TRUE;
}

const char *
iop_instrument_get_id (IopInstrument *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->id;
}

const char *
iop_instrument_get_name (IopInstrument *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->name;
}

const char *
iop_instrument_get_source (IopInstrument *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->source != NULL ? self->source : "";
}

const char *
iop_instrument_get_instructions (IopInstrument *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->instructions != NULL ? self->instructions : "";
}

gboolean
iop_instrument_get_has_total (IopInstrument *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->has_total;
}

/**
 * iop_instrument_get_max_total:
 * @self: an #IopInstrument
 *
 * Returns: the highest possible total (the sum of every item's highest value)
 */
int
iop_instrument_get_max_total (IopInstrument *self)
{
  int max = 0;

  g_return_val_if_fail (self != NULL, 0);

  for (guint i = 0; i < self->items->len; i++)
    max += g_array_index (self->items, Item, i).max_value;
  return max;
}

guint
iop_instrument_get_n_items (IopInstrument *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->items->len;
}

const char *
iop_instrument_get_item_text (IopInstrument *self,
                              guint          item)
{
  Item *it;

  g_return_val_if_fail (self != NULL, NULL);
  it = get_item (self, item);
  return it != NULL ? it->text : NULL;
}

void
iop_instrument_get_item_range (IopInstrument *self,
                               guint          item,
                               int           *min_value,
                               int           *max_value)
{
  Item *it;

  g_return_if_fail (self != NULL);
  it = get_item (self, item);
  g_return_if_fail (it != NULL);

  if (min_value != NULL)
    *min_value = it->min_value;
  if (max_value != NULL)
    *max_value = it->max_value;
}

/**
 * iop_instrument_get_choice_label:
 * @self: an #IopInstrument
 * @item: an item number
 * @value: an answer
 *
 * Returns: (nullable) (transfer none): how the answer reads for that item
 */
const char *
iop_instrument_get_choice_label (IopInstrument *self,
                                 guint          item,
                                 int            value)
{
  Item *it;
  GArray *choices;

  g_return_val_if_fail (self != NULL, NULL);
  it = get_item (self, item);
  g_return_val_if_fail (it != NULL, NULL);

  choices = it->choices->len > 0 ? it->choices : self->default_choices;
  for (guint i = 0; i < choices->len; i++)
    if (g_array_index (choices, Choice, i).value == value)
      return g_array_index (choices, Choice, i).label;
  return NULL;
}

guint
iop_instrument_get_n_subscales (IopInstrument *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->subscales->len;
}

const char *
iop_instrument_get_subscale_id (IopInstrument *self,
                                guint          index)
{
  g_return_val_if_fail (self != NULL && index < self->subscales->len, NULL);
  return g_array_index (self->subscales, Subscale, index).id;
}

const char *
iop_instrument_get_subscale_label (IopInstrument *self,
                                   guint          index)
{
  g_return_val_if_fail (self != NULL && index < self->subscales->len, NULL);
  return g_array_index (self->subscales, Subscale, index).label;
}

int
iop_instrument_get_subscale_max (IopInstrument *self,
                                 guint          index)
{
  Subscale *s;
  int max = 0;

  g_return_val_if_fail (self != NULL && index < self->subscales->len, 0);

  s = &g_array_index (self->subscales, Subscale, index);
  for (guint k = 0; k < s->items->len; k++)
    max += get_item (self, g_array_index (s->items, guint, k))->max_value;
  return max;
}

/**
 * iop_instrument_score:
 * @self: an #IopInstrument
 * @answers: (array length=n_answers): one value per item, in order;
 *   %IOP_ANSWER_MISSING for an item not answered
 * @n_answers: must equal the number of items
 * @error: return location for a #GError
 *
 * Scores a set of answers. A missing answer is never counted as 0: the total
 * (and any subscale that needs the item) is left out and the score is marked
 * incomplete, as the PHQ-9 and GAD-7 authors advise against scoring a
 * questionnaire with unanswered items. Flags are still raised from the items
 * that were answered — a safety concern is never hidden by a gap elsewhere.
 *
 * Returns: (transfer full): the score, or %NULL when an answer is invalid
 */
IopScore *
iop_instrument_score (IopInstrument  *self,
                      const int      *answers,
                      guint           n_answers,
                      GError        **error)
{
  g_autoptr(IopScore) score = NULL;
  g_autoptr(GString) subscores = NULL;
  int total = 0;

  g_return_val_if_fail (self != NULL, NULL);

  if (n_answers != self->items->len)
    {
      g_set_error (error, IOP_INSTRUMENT_ERROR, IOP_INSTRUMENT_ERROR_INVALID_ANSWER,
                   _("The %s has %u items, but %u answers were given."),
                   self->id, self->items->len, n_answers);
      return NULL;
    }

  score = g_new0 (IopScore, 1);
  score->complete = TRUE;

  for (guint i = 0; i < n_answers; i++)
    {
      Item *it = &g_array_index (self->items, Item, i);

      if (answers[i] == IOP_ANSWER_MISSING)
        {
          score->complete = FALSE;
          continue;
        }
      if (answers[i] < it->min_value || answers[i] > it->max_value)
        {
          g_set_error (error, IOP_INSTRUMENT_ERROR, IOP_INSTRUMENT_ERROR_INVALID_ANSWER,
                       _("Item %u of the %s takes an answer from %d to %d; %d is not one."),
                       i + 1, self->id, it->min_value, it->max_value, answers[i]);
          return NULL;
        }
      total += answers[i];
    }

  score->total = self->has_total && score->complete ? total : -1;
  if (score->total >= 0)
    for (guint b = 0; b < self->bands->len; b++)
      {
        Band *band = &g_array_index (self->bands, Band, b);
        if (total >= band->min_total && total <= band->max_total)
          {
            score->severity = g_strdup (band->label);
            break;
          }
      }

  subscores = g_string_new (NULL);
  for (guint s = 0; s < self->subscales->len; s++)
    {
      Subscale *sub = &g_array_index (self->subscales, Subscale, s);
      gboolean answered = TRUE;
      int sum = 0;

      for (guint k = 0; k < sub->items->len; k++)
        {
          int v = answers[g_array_index (sub->items, guint, k) - 1];
          if (v == IOP_ANSWER_MISSING)
            answered = FALSE;
          else
            sum += v;
        }
      if (!answered)
        continue;
      g_string_append_printf (subscores, "%s%s=%d", subscores->len > 0 ? " " : "", sub->id, sum);
    }
  if (subscores->len > 0)
    score->subscores = g_string_free (g_steal_pointer (&subscores), FALSE);

  for (guint f = 0; f < self->flags->len; f++)
    {
      Flag *flag = &g_array_index (self->flags, Flag, f);
      int v = answers[flag->item - 1];

      if (v != IOP_ANSWER_MISSING && v >= flag->min_value)
        {
          score->safety_flag = TRUE;
          if (score->flag_label == NULL)
            score->flag_label = g_strdup (flag->label);
        }
    }

  return g_steal_pointer (&score);
}

/**
 * iop_subscores_get:
 * @subscores: (nullable): text like "use=3 risk=9 protective=14"
 * @id: a subscale id
 *
 * Returns: the sub-score, or -1 when it is not there
 */
int
iop_subscores_get (const char *subscores,
                   const char *id)
{
  g_auto(GStrv) parts = NULL;
  gsize len;

  if (subscores == NULL || id == NULL)
    return -1;
  len = strlen (id);
  parts = g_strsplit (subscores, " ", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    if (strncmp (parts[i], id, len) == 0 && parts[i][len] == '=')
      return atoi (parts[i] + len + 1);
  return -1;
}

/* Registry */

IopInstrumentRegistry *
iop_instrument_registry_new (void)
{
  IopInstrumentRegistry *self = g_new0 (IopInstrumentRegistry, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->instruments = g_ptr_array_new_with_free_func ((GDestroyNotify) iop_instrument_unref);
  return self;
}

IopInstrumentRegistry *
iop_instrument_registry_ref (IopInstrumentRegistry *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
iop_instrument_registry_unref (IopInstrumentRegistry *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_ptr_array_unref (self->instruments);
  g_free (self);
}

/**
 * iop_instrument_registry_add:
 * @self: a registry
 * @instrument: a checked definition; replaces one with the same id
 */
void
iop_instrument_registry_add (IopInstrumentRegistry *self,
                             IopInstrument         *instrument)
{
  g_return_if_fail (self != NULL && instrument != NULL);

  for (guint i = 0; i < self->instruments->len; i++)
    if (g_strcmp0 (iop_instrument_get_id (g_ptr_array_index (self->instruments, i)), instrument->id) == 0)
      {
        g_ptr_array_remove_index (self->instruments, i);
        g_ptr_array_insert (self->instruments, i, iop_instrument_ref (instrument));
        return;
      }
  g_ptr_array_add (self->instruments, iop_instrument_ref (instrument));
}

/**
 * iop_instrument_registry_lookup:
 * @self: a registry
 * @id: "PHQ-9", "GAD-7", "BAM"…
 *
 * Returns: (transfer none) (nullable): the instrument
 */
IopInstrument *
iop_instrument_registry_lookup (IopInstrumentRegistry *self,
                                const char            *id)
{
  g_return_val_if_fail (self != NULL, NULL);

  for (guint i = 0; i < self->instruments->len; i++)
    if (g_strcmp0 (iop_instrument_get_id (g_ptr_array_index (self->instruments, i)), id) == 0)
      return g_ptr_array_index (self->instruments, i);
  return NULL;
}

/**
 * iop_instrument_registry_list:
 * @self: a registry
 *
 * Returns: (transfer container) (element-type IopInstrument): the instruments, in load order
 */
GPtrArray *
iop_instrument_registry_list (IopInstrumentRegistry *self)
{
  GPtrArray *list = g_ptr_array_new_with_free_func ((GDestroyNotify) iop_instrument_unref);

  g_return_val_if_fail (self != NULL, list);

  for (guint i = 0; i < self->instruments->len; i++)
    g_ptr_array_add (list, iop_instrument_ref (g_ptr_array_index (self->instruments, i)));
  return list;
}

/**
 * iop_instrument_registry_set_default:
 * @registry: (nullable): the instruments the program uses
 *
 * Set once at start-up by whoever loads the definitions (see
 * iop_instrument_registry_ensure_default() in src/interop), so core code —
 * the sample program — can score measures without knowing about XML.
 */
void
iop_instrument_registry_set_default (IopInstrumentRegistry *registry)
{
  IopInstrumentRegistry *old;

  G_LOCK (default_registry);
  old = default_registry;
  default_registry = registry != NULL ? iop_instrument_registry_ref (registry) : NULL;
  G_UNLOCK (default_registry);
  if (old != NULL)
    iop_instrument_registry_unref (old);
}

/**
 * iop_instrument_registry_get_default:
 *
 * Returns: (transfer none) (nullable): the instruments set with
 *   iop_instrument_registry_set_default(), or %NULL before they are loaded
 */
IopInstrumentRegistry *
iop_instrument_registry_get_default (void)
{
  IopInstrumentRegistry *registry;

  G_LOCK (default_registry);
  registry = default_registry;
  G_UNLOCK (default_registry);
  return registry;
}
