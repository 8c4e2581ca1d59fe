/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "iop-frame-probe"

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "iop-frame-probe.h"

/*
 * For the benchmark only: with CIRCLE_BENCH_FIRST_FRAME set, the first frame
 * the window paints is reported on standard output as
 * "first-frame <CLOCK_MONOTONIC µs> <peak resident kB>" and the process exits.
 * The benchmark compares that moment with when it started the process.
 */

static long
peak_rss_kb (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;
  line = strstr (status, "VmHWM:");
  return line != NULL ? strtol (line + 6, NULL, 10) : -1;
}

static void
after_paint_cb (GdkFrameClock *clock,
                GtkWindow     *window)
{
  printf ("first-frame %" G_GINT64_FORMAT " %ld\n", g_get_monotonic_time (), peak_rss_kb ());
  fflush (stdout);
  exit (0);
}

static void
realize_cb (GtkWidget *widget)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);

  g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), widget);
}

/**
 * iop_frame_probe_attach:
 * @window: the main window
 *
 * Does nothing unless CIRCLE_BENCH_FIRST_FRAME is set in the environment.
 */
void
iop_frame_probe_attach (GtkWindow *window)
{
  if (g_getenv ("CIRCLE_BENCH_FIRST_FRAME") == NULL)
    return;
  g_signal_connect (window, "realize", G_CALLBACK (realize_cb), NULL);
}
