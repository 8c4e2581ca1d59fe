/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Shared by the group and program reports; not for other layers. */

#include "iop-group-report.h"

G_BEGIN_DECLS

/* People rows → IopGroupReportMember with unique initials; fills id → index + 1. */
GArray     *iop_report_members_from_people (GArray     *people,
                                            GHashTable *index_by_id);
gboolean    iop_report_lookup_index        (GHashTable *table,
                                            gint64      id,
                                            guint      *out);
const char *iop_report_member_label        (GArray     *members,
                                            guint       member,
                                            gboolean    full_names);

GArray     *iop_report_new_array           (gsize           element_size,
                                            GDestroyNotify  clear);
void        iop_report_gap_clear           (gpointer        gap);
gboolean    iop_report_status_attended     (const char     *status);

G_END_DECLS
