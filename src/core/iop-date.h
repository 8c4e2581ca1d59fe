/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Dates are ISO 8601 calendar dates (YYYY-MM-DD) everywhere in Circle. */

gboolean  iop_date_is_valid        (const char  *iso);
gboolean  iop_time_is_valid        (const char  *hhmm);
GDate    *iop_date_parse           (const char  *iso);
char     *iop_date_to_iso          (const GDate *date);
char     *iop_date_today           (void);
char     *iop_date_add_days        (const char  *iso,
                                    int          days);
int       iop_date_diff_days       (const char  *from,
                                    const char  *to);
int       iop_date_weekday         (const char  *iso);
char     *iop_date_week_start      (const char  *iso);
char     *iop_date_format          (const char  *iso);
char     *iop_timestamp_now        (void);
int       iop_age_on               (const char  *birth,
                                    const char  *on);

G_END_DECLS
