/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define IOP_TYPE_GROUP (iop_group_get_type ())
G_DECLARE_FINAL_TYPE (IopGroup, iop_group, IOP, GROUP, GObject)

IopGroup *iop_group_new (void);
IopGroup *iop_group_copy (IopGroup *self);

gint64 iop_group_get_id (IopGroup *self);
void iop_group_set_id (IopGroup *self, gint64 value);
const char *iop_group_get_name (IopGroup *self);
void iop_group_set_name (IopGroup *self, const char *value);
const char *iop_group_get_group_type (IopGroup *self);
void iop_group_set_group_type (IopGroup *self, const char *value);
const char *iop_group_get_enrollment (IopGroup *self);
void iop_group_set_enrollment (IopGroup *self, const char *value);
int iop_group_get_min_size (IopGroup *self);
void iop_group_set_min_size (IopGroup *self, int value);
int iop_group_get_max_size (IopGroup *self);
void iop_group_set_max_size (IopGroup *self, int value);
int iop_group_get_weekdays (IopGroup *self);
void iop_group_set_weekdays (IopGroup *self, int value);
const char *iop_group_get_start_time (IopGroup *self);
void iop_group_set_start_time (IopGroup *self, const char *value);
int iop_group_get_duration_minutes (IopGroup *self);
void iop_group_set_duration_minutes (IopGroup *self, int value);
const char *iop_group_get_location (IopGroup *self);
void iop_group_set_location (IopGroup *self, const char *value);
gint64 iop_group_get_facilitator_id (IopGroup *self);
void iop_group_set_facilitator_id (IopGroup *self, gint64 value);
gint64 iop_group_get_co_facilitator_id (IopGroup *self);
void iop_group_set_co_facilitator_id (IopGroup *self, gint64 value);
const char *iop_group_get_start_date (IopGroup *self);
void iop_group_set_start_date (IopGroup *self, const char *value);
const char *iop_group_get_end_date (IopGroup *self);
void iop_group_set_end_date (IopGroup *self, const char *value);
gboolean iop_group_get_archived (IopGroup *self);
void iop_group_set_archived (IopGroup *self, gboolean value);
int iop_group_get_member_count (IopGroup *self);
void iop_group_set_member_count (IopGroup *self, int value);

gboolean     iop_group_validate               (IopGroup   *self,
                                               GError    **error);
char        *iop_group_dup_schedule_label     (IopGroup   *self);
gboolean     iop_group_meets_on               (IopGroup   *self,
                                               const char *date);

const char * const *iop_group_type_values     (void);
const char  *iop_group_type_label             (const char *type);
const char  *iop_weekday_short_label          (int         weekday);

G_END_DECLS
