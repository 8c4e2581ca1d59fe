/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gstdio.h>
#include <unistd.h>

#include "iop-document.h"
#include "iop-test-util.h"

#define NOTICE "42 CFR part 2 prohibits unauthorized use or disclosure of these records."

static char *
pdf_text (const char *path)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;
  const char *argv[] = { "pdftotext", "-layout", path, "-", NULL };

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               &out, &err, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return g_steal_pointer (&out);
}

static IopDocument *
long_table_document (guint n_rows)
{
  IopDocument *doc = iop_document_new ("Attendance");
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  const char *headers[] = { "Member", "Status", "Minutes" };
  const double widths[] = { 3, 2, 1 };

  iop_document_set_program_name (doc, "Riverside Recovery IOP");
  iop_document_set_footer_notice (doc, NOTICE);
  iop_document_add_heading (doc, 1, "Session summary");
  iop_document_add_field (doc, "Group", "Morning Process Group");
  iop_document_add_paragraph (doc, "A paragraph before the table.");
  for (guint i = 0; i < n_rows; i++)
    {
      GStrv row = g_new0 (char *, 4);

      row[0] = g_strdup_printf ("Member number %u", i);
      row[1] = g_strdup ("present");
      row[2] = g_strdup ("180");
      g_ptr_array_add (rows, row);
    }
  iop_document_add_table (doc, 3, headers, widths, rows);
  iop_document_add_signature_line (doc, "Counselor");
  return doc;
}

static guint
count_occurrences (const char *haystack,
                   const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (haystack, needle); p != NULL; p = strstr (p + 1, needle))
    n++;
  return n;
}

static void
test_document_long_table (void)
{
  g_autoptr(IopDocument) doc = long_table_document (150);
  g_autofree char *path = g_build_filename (iop_test_tmpdir (), "long.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) pages = NULL;
  guint n_pages;

  n_pages = iop_document_paginate (doc, NULL, IOP_DOCUMENT_LETTER_WIDTH, IOP_DOCUMENT_LETTER_HEIGHT);
  g_assert_cmpuint (n_pages, >=, 3);

  g_assert_true (iop_document_write_pdf (doc, path, &error));
  g_assert_no_error (error);
  text = pdf_text (path);

  /* pdftotext separates pages with a form feed */
  pages = g_strsplit (text, "\f", -1);
  g_assert_cmpuint (g_strv_length (pages), >=, n_pages);
  for (guint i = 0; i < n_pages; i++)
    {
      g_autofree char *page_no = g_strdup_printf ("Page %u of %u", i + 1, n_pages);

      g_assert_nonnull (strstr (pages[i], "42 CFR part 2 prohibits unauthorized use or disclosure"));
      g_assert_nonnull (strstr (pages[i], page_no));
      g_assert_nonnull (strstr (pages[i], "Riverside Recovery IOP"));
      /* the header row repeats on every page the table spans */
      g_assert_cmpuint (count_occurrences (pages[i], "Member "), >=, 1);
      if (i < n_pages - 1 || strstr (pages[i], "Member number") != NULL)
        g_assert_nonnull (strstr (pages[i], "Status"));
    }
  for (guint i = 0; i < 150; i++)
    {
      g_autofree char *row = g_strdup_printf ("Member number %u ", i);
      g_autofree char *row_eol = g_strdup_printf ("Member number %u\n", i);

      g_assert_true (strstr (text, row) != NULL || strstr (text, row_eol) != NULL);
    }
  g_assert_cmpuint (count_occurrences (text, "Minutes"), ==, n_pages);
}

static void
test_document_long_paragraph (void)
{
  g_autoptr(IopDocument) doc = iop_document_new ("Notes");
  g_autoptr(GString) text = g_string_new (NULL);
  guint n_pages;

  for (guint i = 0; i < 600; i++)
    g_string_append_printf (text, "Sentence %u of a long shared note. ", i);
  iop_document_set_footer_notice (doc, NOTICE);
  iop_document_add_paragraph (doc, text->str);
  n_pages = iop_document_paginate (doc, NULL, IOP_DOCUMENT_LETTER_WIDTH, IOP_DOCUMENT_LETTER_HEIGHT);
  g_assert_cmpuint (n_pages, >=, 2);
}

static void
draw_box (cairo_t *cr,
          double   width,
          double   height,
          gpointer user_data)
{
  guint *calls = user_data;

  g_assert_cmpfloat (width, >, 100);
  g_assert_cmpfloat (height, ==, 120);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_stroke (cr);
  (*calls)++;
}

static void
test_document_render_image (void)
{
  g_autoptr(IopDocument) doc = iop_document_new ("Chart");
  cairo_surface_t *surface;
  cairo_t *cr;
  guint calls = 0;
  guint n_pages;

  iop_document_add_heading (doc, 2, "Attendance");
  iop_document_add_drawing (doc, 120, draw_box, &calls, NULL);
  iop_document_add_page_break (doc);
  iop_document_add_page_break (doc);
  iop_document_add_paragraph (doc, "after the break");
  n_pages = iop_document_paginate (doc, NULL, 400, 500);
  g_assert_cmpuint (n_pages, ==, 2);

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 400, 500);
  cr = cairo_create (surface);
  for (guint i = 0; i < n_pages; i++)
    iop_document_render_page (doc, cr, i);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  g_assert_cmpuint (calls, ==, 1);
}

static void
test_document_write_failure (void)
{
  g_autoptr(IopDocument) doc = long_table_document (5);
  g_autofree char *dir = g_build_filename (iop_test_tmpdir (), "readonly", NULL);
  g_autofree char *path = g_build_filename (dir, "summary.pdf", NULL);
  g_autofree char *missing = g_build_filename (iop_test_tmpdir (), "no-such-folder", "x.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) listing = NULL;

  g_assert_cmpint (g_mkdir (dir, 0500), ==, 0);

  if (access (dir, W_OK) == 0)
    {
      /* root writes anywhere: use a folder that does not exist instead */
      g_assert_false (iop_document_write_pdf (doc, missing, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
      g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
    }
  else
    {
      g_assert_false (iop_document_write_pdf (doc, path, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
      g_assert_nonnull (strstr (error->message, "summary.pdf"));
      g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
    }

  /* nothing half-written is left behind */
  listing = g_dir_open (dir, 0, NULL);
  g_assert_nonnull (listing);
  g_assert_null (g_dir_read_name (listing));
  g_chmod (dir, 0700);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/document/long-table", test_document_long_table);
  g_test_add_func ("/document/long-paragraph", test_document_long_paragraph);
  g_test_add_func ("/document/render-image", test_document_render_image);
  g_test_add_func ("/document/write-failure", test_document_write_failure);
  return g_test_run ();
}
