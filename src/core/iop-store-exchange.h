/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/*
 * Whole treatment-plan records as plain structs, for moving them in and out of
 * the database in one piece (the XML importers and exporters in src/interop).
 * Staff are referred to by user name and records inside one participant by
 * stable keys ("v2", "v2-g1", "v2-g1-o3"), never by database ids, so a record
 * reads the same in any database.
 */

#include "iop-store.h"

G_BEGIN_DECLS

typedef struct
{
  char *description;
  char *responsible;
  char *frequency;
} IopExchangeIntervention;

typedef struct
{
  char      *key;
  int        position;
  char      *statement;
  char      *target_date;     /* nullable */
  char      *status;
  char      *carried_from;    /* nullable: key of an objective in an earlier version */
  GPtrArray *interventions;   /* IopExchangeIntervention */
} IopExchangeObjective;

typedef struct
{
  char *date;
  int   rating;
  char *note;
  char *author;               /* nullable: staff user name */
  char *objective;            /* nullable: key of an objective of the same goal */
} IopExchangeProgress;

typedef struct
{
  char      *key;
  char      *problem;         /* nullable: key of a problem in the same plan */
  int        position;
  char      *own_words;
  char      *statement;
  char      *target_date;     /* nullable */
  char      *status;
  char      *carried_from;    /* nullable: key of a goal in an earlier version */
  GPtrArray *objectives;      /* IopExchangeObjective */
  GPtrArray *progress;        /* IopExchangeProgress */
} IopExchangeGoal;

typedef struct
{
  char *key;
  int   position;
  char *description;
  char *life_area;
  int   asam_dimension;       /* 0: none */
} IopExchangeProblem;

typedef struct
{
  char      *key;
  int        version;
  char      *state;           /* draft, active, superseded */
  char      *created_at;
  char      *created_by;      /* nullable: staff user name */
  char      *effective_date;  /* nullable */
  char      *review_due;      /* nullable */
  char      *signed_by;       /* nullable */
  char      *signed_at;       /* nullable */
  gboolean   participant_agreed;
  char      *agreement_note;
  char      *supersedes;      /* nullable: key of an earlier plan */
  GPtrArray *problems;        /* IopExchangeProblem */
  GPtrArray *goals;           /* IopExchangeGoal */
} IopExchangePlan;

typedef struct
{
  int item;
  int value;
} IopExchangeAnswer;

typedef struct
{
  char     *instrument;
  char     *date;
  gboolean  complete;
  gboolean  has_total;
  int       total;
  char     *severity;
  char     *subscores;
  gboolean  safety_flag;
  char     *safety_ack_by;    /* nullable */
  char     *safety_ack_at;    /* nullable */
  char     *entered_by;       /* nullable */
  GArray   *answers;          /* IopExchangeAnswer, by item */
} IopExchangeMeasure;

typedef struct
{
  int   domain;               /* 1-4, the Cultural Formulation Interview's domains */
  char *answer;
  char *recorded_on;          /* a date */
  char *recorded_by;          /* nullable */
} IopExchangeCfiAnswer;

typedef struct
{
  gboolean   interpreter_needed;
  gboolean   interpreter_arranged;
  char      *interpreter_details;
  char      *communication;
  char      *identity;
  char      *family_roles;
  char      *beliefs;
  char      *spirituality;
  char      *stigma_concerns;
  char      *observances;
  int        observance_weekdays;
  char      *observance_start;  /* nullable: HH:MM, with observance_end */
  char      *observance_end;    /* nullable */
  char      *dietary_needs;
  char      *accessibility;
  char      *respected_in_group;
  char      *created_at;
  char      *created_by;      /* nullable */
  char      *updated_at;
  char      *updated_by;      /* nullable */
  char      *reviewed_on;     /* a date */
  char      *reviewed_by;     /* nullable */
  GPtrArray *cfi;             /* IopExchangeCfiAnswer */
} IopExchangeProfile;

typedef struct
{
  char *username;
  char *full_name;
  char *role;
  char *credentials;          /* nullable */
} IopExchangeStaff;

typedef struct
{
  gint64              id;     /* in this database: set by export and by iop_store_exchange_match() (0: new) */
  char               *record_number;
  /* Other identifiers the file gives for the same person (FHIR): none may
   * belong to another participant here. */
  GPtrArray          *other_identifiers;
  /* Level of care and admission date were not in the file (FHIR): defaults. */
  gboolean            identity_defaulted;
  char               *first_name;
  char               *last_name;
  char               *preferred_name;
  char               *pronouns;
  char               *date_of_birth;       /* nullable */
  char               *primary_language;
  char               *level_of_care;
  char               *admission_date;
  char               *discharge_date;      /* nullable */
  char               *discharge_reason;
  char               *status;
  char               *primary_counselor;   /* nullable: staff user name */
  char               *diagnoses;
  gboolean            co_occurring;
  char               *phone;
  char               *email;
  char               *address;
  char               *emergency_name;
  char               *emergency_phone;
  char               *emergency_relationship;
  GPtrArray          *plans;     /* IopExchangePlan, by version */
  GPtrArray          *measures;  /* IopExchangeMeasure, by date */
  IopExchangeProfile *profile;   /* nullable */
} IopExchangeParticipant;

typedef struct
{
  GPtrArray *staff;          /* IopExchangeStaff, by user name */
  GPtrArray *participants;   /* IopExchangeParticipant, by record number */
  /* What the import will leave out or change, one translated sentence each. */
  GPtrArray *messages;
  /* Written as a comment at the top of an exported file: the 42 CFR § 2.32
   * notice of a disclosure outside the program. Nullable. */
  char      *notice;
} IopExchange;

IopExchange             *iop_exchange_new                  (void);
void                     iop_exchange_free                 (IopExchange *exchange);
IopExchangeParticipant  *iop_exchange_participant_new      (void);
void                     iop_exchange_participant_free     (IopExchangeParticipant *participant);
IopExchangePlan         *iop_exchange_plan_new             (void);
IopExchangeProblem      *iop_exchange_problem_new          (void);
IopExchangeGoal         *iop_exchange_goal_new             (void);
IopExchangeObjective    *iop_exchange_objective_new        (void);
IopExchangeIntervention *iop_exchange_intervention_new     (void);
IopExchangeProgress     *iop_exchange_progress_new         (void);
IopExchangeMeasure      *iop_exchange_measure_new          (void);
IopExchangeProfile      *iop_exchange_profile_new          (void);
IopExchangeCfiAnswer    *iop_exchange_cfi_answer_new       (void);
IopExchangeStaff        *iop_exchange_staff_new            (void);
void                     iop_exchange_add_message          (IopExchange *exchange,
                                                            const char  *format,
                                                            ...) G_GNUC_PRINTF (2, 3);

/**
 * IopExchangeProgressFunc:
 * @done: participants read so far
 * @total: participants to read
 * @user_data: user data
 */
typedef void (*IopExchangeProgressFunc) (guint    done,
                                         guint    total,
                                         gpointer user_data);

IopExchange *iop_store_exchange_read_selection (IopStore                *self,
                                                const gint64            *ids,
                                                guint                    n_ids,
                                                GCancellable            *cancellable,
                                                IopExchangeProgressFunc  progress,
                                                gpointer                 user_data,
                                                GError                 **error);
IopExchange *iop_store_exchange_read        (IopStore     *self,
                                             const char   *record_number,
                                             GError      **error);
char       **iop_store_exchange_list_records (IopStore    *self,
                                             GError      **error);
gboolean     iop_store_exchange_log_export  (IopStore     *self,
                                             IopExchange  *exchange,
                                             const char   *format,
                                             GError      **error);
gboolean     iop_store_exchange_match       (IopStore     *self,
                                             IopExchange  *exchange,
                                             GError      **error);
gboolean     iop_store_exchange_write       (IopStore     *self,
                                             IopExchange  *exchange,
                                             const char   *format,
                                             GError      **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IopExchange, iop_exchange_free)

G_END_DECLS
