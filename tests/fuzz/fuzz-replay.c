/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib.h>

#include "iop-fuzz.h"

/*
 * Replays a fuzzing corpus through the same entry point libFuzzer calls, as an
 * ordinary test: `fuzz-replay-native DIR...`. Built always; the corpus holds
 * valid files, hostile ones and whatever crashes the fuzzer found and we fixed.
 */
static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

int
main (int argc, char *argv[])
{
  guint n = 0;

  for (int a = 1; a < argc; a++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GDir) dir = g_dir_open (argv[a], 0, &error);
      g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
      const char *name;

      if (dir == NULL)
        g_error ("%s", error->message);
      while ((name = g_dir_read_name (dir)) != NULL)
        g_ptr_array_add (names, g_strdup (name));
      g_ptr_array_sort (names, compare_names);
      for (guint i = 0; i < names->len; i++)
        {
          g_autofree char *path = g_build_filename (argv[a], g_ptr_array_index (names, i), NULL);
          g_autofree char *contents = NULL;
          gsize len;

          if (!g_file_get_contents (path, &contents, &len, &error))
            g_error ("%s", error->message);
          g_print ("# %s\n", path);
          LLVMFuzzerTestOneInput ((const guint8 *) contents, len);
          n++;
        }
    }
  g_print ("1..1\nok 1 replayed %u inputs\n", n);
  return 0;
}
