/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "iop-initials"

#include "config.h"

#include "iop-initials.h"

/*
 * A person's initials on a coloured disc: a plain label styled by
 * style.css (.iop-initials, .iop-initials-N). The participant list shows
 * dozens at once, and AdwAvatar measures its text at several font sizes each
 * time it is given a name; a label costs one layout. The colour follows the
 * name, so a person keeps theirs in the list and on their page.
 */

#define N_COLORS 8

static const char *color_classes[N_COLORS] = {
  "iop-initials-1", "iop-initials-2", "iop-initials-3", "iop-initials-4",
  "iop-initials-5", "iop-initials-6", "iop-initials-7", "iop-initials-8",
};

/**
 * iop_initials_for:
 * @name: (nullable): a display name, "Maria Lopez" or "María “Mari” López"
 *
 * Returns: (transfer full): the upper-case first letters of its first and
 *   last words ("ML"), one letter for a single word, "" for none
 */
char *
iop_initials_for (const char *name)
{
  g_autoptr(GString) initials = g_string_new (NULL);
  const char *first = NULL;
  const char *last = NULL;
  gboolean in_word = FALSE;

  for (const char *p = name; p != NULL && *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalnum (c))
        {
          if (!in_word)
            {
              if (first == NULL)
                first = p;
              else
                last = p;
            }
          in_word = TRUE;
        }
      else if (c != '\'' && c != 0x2019 && c != '-')
        in_word = FALSE;
    }
  if (first != NULL)
    g_string_append_unichar (initials, g_unichar_toupper (g_utf8_get_char (first)));
  if (last != NULL)
    g_string_append_unichar (initials, g_unichar_toupper (g_utf8_get_char (last)));
  return g_string_free (g_steal_pointer (&initials), FALSE);
}

/**
 * iop_initials_set:
 * @badge: a label with the .iop-initials style class
 * @name: (nullable): whose initials to show
 *
 * Shows @name's initials on the colour that @name always gets.
 */
void
iop_initials_set (GtkLabel   *badge,
                  const char *name)
{
  g_autofree char *initials = iop_initials_for (name);
  guint color = g_str_hash (name != NULL ? name : "") % N_COLORS;

  gtk_label_set_text (badge, initials);
  for (guint i = 0; i < N_COLORS; i++)
    if (i == color)
      gtk_widget_add_css_class (GTK_WIDGET (badge), color_classes[i]);
    else
      gtk_widget_remove_css_class (GTK_WIDGET (badge), color_classes[i]);
}
