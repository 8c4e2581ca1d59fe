/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/*
 * GTK 4.8 names some composite widgets by the inner widget that takes the
 * focus, and does not pass the outer widget's accessible label on to it:
 * these give that inner widget the name a screen reader should announce.
 */
void iop_a11y_label_menu_button (GtkMenuButton *button,
                                 const char    *label);
void iop_a11y_label_drop_down   (GtkDropDown   *drop_down,
                                 const char    *label);
void iop_a11y_label_status_page (AdwStatusPage *page);

G_END_DECLS
