/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "iop-a11y"

#include "config.h"

#include "iop-a11y.h"

static void
label_widget (GtkWidget  *widget,
              const char *label)
{
  if (widget != NULL && label != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

static GtkWidget *
find_child (GtkWidget *widget,
            GType      type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        return child;
      found = find_child (child, type);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/**
 * iop_a11y_label_menu_button:
 * @button: a menu button
 * @label: its name, such as “Main Menu”
 *
 * Names the button and the toggle button inside it, which takes the focus.
 */
void
iop_a11y_label_menu_button (GtkMenuButton *button,
                            const char    *label)
{
  g_return_if_fail (GTK_IS_MENU_BUTTON (button));

  label_widget (GTK_WIDGET (button), label);
  label_widget (find_child (GTK_WIDGET (button), GTK_TYPE_TOGGLE_BUTTON), label);
}

/**
 * iop_a11y_label_drop_down:
 * @drop_down: a drop-down
 * @label: (nullable): what is chosen, such as “Group”; %NULL for its tooltip
 *
 * Names the drop-down and the button inside it, which takes the focus.
 */
void
iop_a11y_label_drop_down (GtkDropDown *drop_down,
                          const char  *label)
{
  g_return_if_fail (GTK_IS_DROP_DOWN (drop_down));

  if (label == NULL)
    label = gtk_widget_get_tooltip_text (GTK_WIDGET (drop_down));
  label_widget (GTK_WIDGET (drop_down), label);
  label_widget (find_child (GTK_WIDGET (drop_down), GTK_TYPE_TOGGLE_BUTTON), label);
}

/**
 * iop_a11y_label_status_page:
 * @page: a status page
 *
 * A status page scrolls when the window is small, and its scrolled window then
 * takes the focus so the keyboard can scroll it: it is named by the page's title.
 */
void
iop_a11y_label_status_page (AdwStatusPage *page)
{
  g_return_if_fail (ADW_IS_STATUS_PAGE (page));

  label_widget (GTK_WIDGET (page), adw_status_page_get_title (page));
  label_widget (find_child (GTK_WIDGET (page), GTK_TYPE_SCROLLED_WINDOW), adw_status_page_get_title (page));
}
