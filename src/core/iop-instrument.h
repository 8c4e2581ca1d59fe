/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* A rating instrument (PHQ-9, GAD-7, BAM…) as plain data, and its scoring.
 * Definitions are built by src/interop's loader from XML files, or in C by tests;
 * nothing here knows about XML. */

#include <glib-object.h>

G_BEGIN_DECLS

#define IOP_INSTRUMENT_ERROR (iop_instrument_error_quark ())

/**
 * IopInstrumentError:
 * @IOP_INSTRUMENT_ERROR_INVALID_ANSWER: an answer is outside its item's range, or the
 *   number of answers does not match the number of items
 * @IOP_INSTRUMENT_ERROR_INVALID_DEFINITION: the definition breaks a rule (a band or
 *   subscale names an item that does not exist, bands overlap…)
 */
typedef enum {
  IOP_INSTRUMENT_ERROR_INVALID_ANSWER,
  IOP_INSTRUMENT_ERROR_INVALID_DEFINITION,
} IopInstrumentError;

GQuark iop_instrument_error_quark (void);

/* An answer not given. Never counted as 0. */
#define IOP_ANSWER_MISSING (-1)

typedef struct _IopInstrument IopInstrument;

/**
 * IopScore:
 * @complete: every item that counts toward a score was answered
 * @total: the sum of the items, or -1 when incomplete or the instrument has no total
 * @severity: (nullable): the severity band's label for @total
 * @subscores: (nullable): "use=3 risk=9 protective=14" for instruments with subscales
 *   (only the subscales whose items were all answered)
 * @safety_flag: an answer met a flag rule (PHQ-9 item 9 above 0)
 * @flag_label: (nullable): what the raised flag means, for the counselor
 */
typedef struct {
  gboolean  complete;
  int       total;
  char     *severity;
  char     *subscores;
  gboolean  safety_flag;
  char     *flag_label;
} IopScore;

void           iop_score_free                   (IopScore       *score);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (IopScore, iop_score_free)

GType          iop_instrument_get_type          (void) G_GNUC_CONST;
#define IOP_TYPE_INSTRUMENT (iop_instrument_get_type ())

IopInstrument *iop_instrument_new               (const char     *id,
                                                 const char     *name);
IopInstrument *iop_instrument_ref               (IopInstrument  *self);
void           iop_instrument_unref             (IopInstrument  *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (IopInstrument, iop_instrument_unref)

/* Building a definition */
void           iop_instrument_set_source        (IopInstrument  *self,
                                                 const char     *source);
void           iop_instrument_set_instructions  (IopInstrument  *self,
                                                 const char     *instructions);
void           iop_instrument_set_has_total     (IopInstrument  *self,
                                                 gboolean        has_total);
void           iop_instrument_add_default_choice (IopInstrument *self,
                                                 int             value,
                                                 const char     *label);
guint          iop_instrument_add_item          (IopInstrument  *self,
                                                 const char     *text,
                                                 int             min_value,
                                                 int             max_value);
void           iop_instrument_add_item_choice   (IopInstrument  *self,
                                                 guint           item,
                                                 int             value,
                                                 const char     *label);
void           iop_instrument_add_band          (IopInstrument  *self,
                                                 int             min_total,
                                                 int             max_total,
                                                 const char     *label);
void           iop_instrument_add_subscale      (IopInstrument  *self,
                                                 const char     *id,
                                                 const char     *label,
                                                 const guint    *items,
                                                 guint           n_items);
void           iop_instrument_add_flag          (IopInstrument  *self,
                                                 guint           item,
                                                 int             min_value,
                                                 const char     *label);
gboolean       iop_instrument_check             (IopInstrument  *self,
                                                 GError        **error);

/* Reading a definition */
const char    *iop_instrument_get_id            (IopInstrument  *self);
const char    *iop_instrument_get_name          (IopInstrument  *self);
const char    *iop_instrument_get_source        (IopInstrument  *self);
const char    *iop_instrument_get_instructions  (IopInstrument  *self);
gboolean       iop_instrument_get_has_total     (IopInstrument  *self);
int            iop_instrument_get_max_total     (IopInstrument  *self);
guint          iop_instrument_get_n_items       (IopInstrument  *self);
const char    *iop_instrument_get_item_text     (IopInstrument  *self,
                                                 guint           item);
void           iop_instrument_get_item_range    (IopInstrument  *self,
                                                 guint           item,
                                                 int            *min_value,
                                                 int            *max_value);
const char    *iop_instrument_get_choice_label  (IopInstrument  *self,
                                                 guint           item,
                                                 int             value);
guint          iop_instrument_get_n_subscales   (IopInstrument  *self);
const char    *iop_instrument_get_subscale_id   (IopInstrument  *self,
                                                 guint           index);
const char    *iop_instrument_get_subscale_label (IopInstrument *self,
                                                 guint           index);
int            iop_instrument_get_subscale_max  (IopInstrument  *self,
                                                 guint           index);

/* Scoring */
IopScore      *iop_instrument_score             (IopInstrument  *self,
                                                 const int      *answers,
                                                 guint           n_answers,
                                                 GError        **error);

/* A set of instruments, looked up by id ("PHQ-9"). */
typedef struct _IopInstrumentRegistry IopInstrumentRegistry;

GType          iop_instrument_registry_get_type (void) G_GNUC_CONST;
IopInstrumentRegistry *iop_instrument_registry_new   (void);
IopInstrumentRegistry *iop_instrument_registry_ref   (IopInstrumentRegistry *self);
void           iop_instrument_registry_unref    (IopInstrumentRegistry *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (IopInstrumentRegistry, iop_instrument_registry_unref)
void           iop_instrument_registry_add      (IopInstrumentRegistry *self,
                                                 IopInstrument         *instrument);
IopInstrument *iop_instrument_registry_lookup   (IopInstrumentRegistry *self,
                                                 const char            *id);
GPtrArray     *iop_instrument_registry_list     (IopInstrumentRegistry *self);
void           iop_instrument_registry_set_default (IopInstrumentRegistry *registry);
IopInstrumentRegistry *iop_instrument_registry_get_default (void);

int            iop_subscores_get                (const char     *subscores,
                                                 const char     *id);

G_END_DECLS
