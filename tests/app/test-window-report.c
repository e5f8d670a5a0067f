/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-window-report.c — the whole model out of the window: Export →
 * Workbook (XLSX) and Export → Report (PDF) in the menus, each driven with
 * a preset path as the file chooser would end, and Print… (Ctrl+P) as a
 * GtkPrintOperation exported to PDF; the files are read back (the XLSX as
 * a zip holding xl/workbook.xml, the PDFs with poppler's pdfinfo and
 * pdftotext), on the paper of the locale (LC_PAPER) */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "bk-application.h"
#include "bk-document.h"
#include "bk-monte-carlo.h"
#include "bk-test-app.h"
#include "bk-test-simulation.h"
#include "bk-test-ui.h"
#include "bk-window.h"
#include "bk-window-report.h"

static BkApplication *app;
static char *tmp_dir;

/* Whether @model (or a section or submenu of it) has an item for @action */
static gboolean
menu_has_action (GMenuModel *model,
                 const char *action)
{
  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autofree char *name = NULL;
      g_autoptr(GMenuLinkIter) links = NULL;
      const char *link;
      GMenuModel *child;

      if (g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_ACTION, "s", &name)
          && g_strcmp0 (name, action) == 0)
        return TRUE;
      links = g_menu_model_iterate_item_links (model, i);
      while (g_menu_link_iter_get_next (links, &link, &child))
        {
          gboolean found = menu_has_action (child, action);

          g_object_unref (child);
          if (found)
            return TRUE;
        }
    }
  return FALSE;
}

/* The menu of each GtkMenuButton of @widget's tree, in @menus */
static void
collect_menus (GtkWidget *widget,
               GPtrArray *menus)
{
  if (GTK_IS_MENU_BUTTON (widget) && gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (widget)) != NULL)
    g_ptr_array_add (menus, gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (widget)));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_menus (child, menus);
}

/* How many of the window's menus offer @action */
static guint
n_menus_with (BkWindow   *window,
              const char *action)
{
  g_autoptr(GPtrArray) menus = g_ptr_array_new ();
  guint n = 0;

  collect_menus (GTK_WIDGET (window), menus);
  for (guint i = 0; i < menus->len; i++)
    if (menu_has_action (menus->pdata[i], action))
      n++;
  return n;
}

static GBytes *
read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

/* A poppler tool's standard output; it must succeed.  Missing is a
 * failure, never a skip. */
static char *
poppler (const char *tool,
         const char *arg,
         const char *path)
{
  g_autofree char *program = g_find_program_in_path (tool);
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status = 0;
  const char *argv[] = { program, arg, path, "-", NULL };

  if (program == NULL)
    g_error ("%s is needed to read the reports; install poppler-utils", tool);
  if (arg == NULL)
    {
      argv[1] = path;
      argv[2] = NULL;
    }
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

/* A PDF that pdfinfo parses: its page count and size line */
static guint
assert_pdf (const char  *path,
            char       **size)
{
  g_autoptr(GBytes) bytes = read_file (path);
  g_autofree char *info = NULL;
  const char *pages;
  const char *size_line;

  g_assert_cmpuint (g_bytes_get_size (bytes), >, 1000);
  g_assert_true (g_str_has_prefix (g_bytes_get_data (bytes, NULL), "%PDF-"));
  info = poppler ("pdfinfo", NULL, path);
  pages = strstr (info, "Pages:");
  size_line = strstr (info, "Page size:");
  g_assert_nonnull (pages);
  g_assert_nonnull (size_line);
  if (size != NULL)
    *size = g_strndup (size_line, strcspn (size_line, "\n"));
  return (guint) g_ascii_strtoull (pages + strlen ("Pages:"), NULL, 10);
}

/* A zip (local header first, end-of-central-directory record last) that
 * holds xl/workbook.xml */
static void
assert_xlsx (const char *path)
{
  g_autoptr(GBytes) bytes = read_file (path);
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);
  gboolean found = FALSE;
  const char *name = "xl/workbook.xml";

  g_assert_cmpuint (size, >, 22);
  g_assert_cmpmem (data, 4, "PK\003\004", 4);
  g_assert_cmpmem (data + size - 22, 4, "PK\005\006", 4);
  for (gsize i = 0; i + strlen (name) <= size && !found; i++)
    found = memcmp (data + i, name, strlen (name)) == 0;
  g_assert_true (found);
}

/* Waits for the report the window is preparing, which must end well */
static void
wait_report (BkWindow *window)
{
  BK_WAIT_FOR (!bk_window_get_report_busy (window));
  g_assert_null (bk_window_get_last_error (window));
}

static char *
tmp_path (const char *name)
{
  return g_build_filename (tmp_dir, name, NULL);
}

/* Both exports are in the Export menu and the primary menu, and write
 * valid files named in a toast */
static void
test_exports (void)
{
  BkWindow *window = bk_test_app_present_window (app, NULL, 0, 0);
  g_autoptr(GError) error = NULL;
  g_autofree char *xlsx = tmp_path ("model.xlsx");
  g_autofree char *pdf = tmp_path ("report.pdf");
  g_autofree char *bear_pdf = tmp_path ("bear.pdf");
  g_autofree char *text = NULL;
  g_autofree char *first = NULL;

  g_assert_cmpuint (n_menus_with (window, "win.export-xlsx"), ==, 2);
  g_assert_cmpuint (n_menus_with (window, "win.export-report"), ==, 2);

  g_assert_true (bk_window_export_xlsx_path (window, xlsx, &error));
  g_assert_no_error (error);
  assert_xlsx (xlsx);
  g_assert_cmpstr (bk_window_get_last_toast (window), ==, "Exported “model.xlsx”");

  g_assert_true (bk_window_export_report_path (window, pdf, &error));
  g_assert_no_error (error);
  wait_report (window);
  g_assert_cmpuint (assert_pdf (pdf, NULL), >=, 5);
  g_assert_cmpstr (bk_window_get_last_toast (window), ==, "Exported “report.pdf”");
  text = poppler ("pdftotext", "-layout", pdf);
  g_assert_nonnull (strstr (text, "Scenario: Base"));
  g_assert_nonnull (strstr (text, "Key figures"));
  g_assert_nonnull (strstr (text, "Microsoft"));

  /* The window's scenario is the report's */
  bk_window_set_scenario (window, 1);
  g_assert_true (bk_window_export_report_path (window, bear_pdf, &error));
  g_assert_no_error (error);
  wait_report (window);
  first = poppler ("pdftotext", "-layout", bear_pdf);
  g_assert_nonnull (strstr (first, "Scenario: Bear — short GPU life, price war"));

  /* A folder that is not there: an error, no file */
  {
    g_autofree char *missing = g_build_filename (tmp_dir, "no-such-folder", "r.pdf", NULL);

    g_assert_false (bk_window_export_report_path (window, missing, &error));
    g_assert_nonnull (error);
    g_clear_error (&error);
    g_assert_false (bk_window_export_xlsx_path (window, missing, &error));
    g_assert_nonnull (error);
    g_clear_error (&error);
    g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  }

  bk_test_app_close_window (window);
}

/* The print operation exported to PDF: the report's pages, numbered, on
 * the paper the export uses */
static void
test_print_to_file (void)
{
  BkWindow *window = bk_test_app_present_window (app, NULL, 0, 0);
  g_autoptr(GError) error = NULL;
  g_autofree char *printed = tmp_path ("printed.pdf");
  g_autofree char *exported = tmp_path ("exported.pdf");
  g_autofree char *printed_size = NULL;
  g_autofree char *exported_size = NULL;
  g_autofree char *text = NULL;
  g_autofree char *last = NULL;
  guint n_printed, n_exported;

  g_assert_cmpuint (n_menus_with (window, "win.print"), >=, 1);

  g_assert_true (bk_window_print_to_file (window, printed, &error));
  g_assert_no_error (error);
  wait_report (window);
  g_assert_true (bk_window_export_report_path (window, exported, &error));
  g_assert_no_error (error);
  wait_report (window);

  n_printed = assert_pdf (printed, &printed_size);
  n_exported = assert_pdf (exported, &exported_size);
  g_assert_cmpuint (n_printed, ==, n_exported);
  /* GTK's A4 is 595.276 × 841.89 pt, the export's whole points: the same
   * paper by name */
  g_assert_cmpstr (strrchr (printed_size, '('), ==, strrchr (exported_size, '('));

  text = poppler ("pdftotext", "-layout", printed);
  last = g_strdup_printf ("Page %u of %u", n_printed, n_printed);
  g_assert_nonnull (strstr (text, "AI CapEx — sample"));
  g_assert_nonnull (strstr (text, "Key figures"));
  g_assert_nonnull (strstr (text, "Page 1 of "));
  g_assert_nonnull (strstr (text, last));
  g_assert_nonnull (strstr (text, "Sources"));

  bk_test_app_close_window (window);
}

/* Frames the window drew while its report was being prepared */
static gboolean
count_busy_frame_cb (GtkWidget     *widget,
                     GdkFrameClock *clock,
                     gpointer       data)
{
  if (bk_window_get_report_busy (BK_WINDOW (widget)))
    (*(guint *) data)++;
  return G_SOURCE_CONTINUE;
}

static void
report_ready_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      data)
{
  GError *error = NULL;
  BkReport *report = bk_window_report_finish (result, &error);

  g_assert_no_error (error);
  *(BkReport **) data = report;
}

/* The report's 10,000 Monte Carlo trials run off the main thread: the
 * window keeps drawing frames while they run, is busy meanwhile (another
 * report is refused, the pointer shows progress), and the report's
 * simulation is bk_monte_carlo_run()'s for the same trials and seed */
static void
test_off_main_thread (void)
{
  BkWindow *window = bk_test_app_present_window (app, NULL, 0, 0);
  BkWorkbook *workbook = bk_document_get_workbook (bk_window_get_document (window));
  g_autoptr(BkEngineInputs) inputs = bk_engine_inputs_new (workbook, BK_SCENARIO_BASE);
  g_autoptr(GHashTable) distributions = bk_workbook_dup_distributions (workbook);
  g_autoptr(GError) error = NULL;
  g_autoptr(BkReport) report = NULL;
  g_autofree char *pdf = tmp_path ("busy.pdf");
  BkMonteCarloResult *expected;
  BkMonteCarloParams params;
  guint frames = 0;
  guint tick;

  g_assert_cmpuint (g_hash_table_size (distributions), >, 0);
  tick = gtk_widget_add_tick_callback (GTK_WIDGET (window), count_busy_frame_cb, &frames, NULL);

  bk_window_report_async (window, report_ready_cb, &report);
  g_assert_true (bk_window_get_report_busy (window));
  g_assert_cmpstr (gdk_cursor_get_name (gtk_widget_get_cursor (GTK_WIDGET (window))), ==, "progress");
  /* One at a time */
  g_assert_false (bk_window_export_report_path (window, pdf, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PENDING);
  g_clear_error (&error);
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));

  BK_WAIT_FOR (report != NULL);
  g_assert_false (bk_window_get_report_busy (window));
  g_assert_null (gtk_widget_get_cursor (GTK_WIDGET (window)));
  /* The main loop ran while the trials did */
  g_assert_cmpuint (frames, >, 0);

  bk_monte_carlo_params_init (&params);
  params.trials = BK_REPORT_DEFAULT_TRIALS;
  params.seed = BK_REPORT_DEFAULT_SEED;
  expected = bk_monte_carlo_run (inputs, distributions, &params, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (bk_report_get_simulation (report));
  bk_test_assert_same_simulation (bk_report_get_simulation (report), expected);
  bk_monte_carlo_result_free (expected);

  /* Export → Report the same way: frames drawn while it is prepared, then
   * the file, with the simulation's figures */
  frames = 0;
  g_assert_true (bk_window_export_report_path (window, pdf, &error));
  g_assert_no_error (error);
  g_assert_true (bk_window_get_report_busy (window));
  wait_report (window);
  g_assert_cmpuint (frames, >, 0);
  g_assert_cmpstr (bk_window_get_last_toast (window), ==, "Exported “busy.pdf”");
  {
    g_autofree char *text = poppler ("pdftotext", "-layout", pdf);

    g_assert_nonnull (strstr (text, "Monte Carlo simulation"));
  }

  gtk_widget_remove_tick_callback (GTK_WIDGET (window), tick);
  bk_test_app_close_window (window);
}

static void
cancelled_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      data)
{
  g_autoptr(BkReport) report = bk_window_report_finish (result, data);
  g_assert_null (report);
}

/* Closing the window while its report is prepared cancels it: the window
 * goes, the report ends as cancelled, and no file is written */
static void
test_cancel_on_close (void)
{
  BkWindow *window = bk_test_app_present_window (app, NULL, 0, 0);
  g_autofree char *pdf = tmp_path ("never.pdf");
  g_autoptr(GError) error = NULL;
  GError *cancelled = NULL;

  bk_window_report_async (window, cancelled_cb, &cancelled);
  g_assert_false (bk_window_export_report_path (window, pdf, &error));
  g_clear_error (&error);
  /* The preparation does not keep the window: it goes at once */
  bk_test_app_close_window (window);
  BK_WAIT_FOR (cancelled != NULL);
  g_assert_error (cancelled, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&cancelled);
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
}

/* Sets LC_PAPER to @locale, which must be installed (build-aux/test
 * generates en_US.UTF-8 and de_DE.UTF-8) */
static void
set_paper_locale (const char *locale)
{
  if (setlocale (LC_PAPER, locale) == NULL)
    g_error ("The locale %s is needed; build-aux/test generates it", locale);
}

/* The window's paper is the locale's: letter under en_US, A4 under de_DE,
 * for the exported report and the print operation's first page setup */
static void
test_paper_locale (void)
{
  const struct { const char *locale; BkReportPaper paper; const char *size; const char *name; } cases[] = {
    { "en_US.UTF-8", BK_REPORT_PAPER_LETTER, "612 x 792 pts (letter)", "(letter)" },
    { "de_DE.UTF-8", BK_REPORT_PAPER_A4, "595 x 842 pts (A4)", "(A4)" },
  };
  g_autofree char *saved = g_strdup (setlocale (LC_PAPER, NULL));
  BkWindow *window = bk_test_app_present_window (app, NULL, 0, 0);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *exported = g_strdup_printf ("%s/paper-%u.pdf", tmp_dir, i);
      g_autofree char *printed = g_strdup_printf ("%s/paper-printed-%u.pdf", tmp_dir, i);
      g_autofree char *size = NULL;
      g_autofree char *printed_size = NULL;

      set_paper_locale (cases[i].locale);
      g_assert_cmpint (bk_window_get_report_paper (), ==, cases[i].paper);

      g_assert_true (bk_window_export_report_path (window, exported, &error));
      g_assert_no_error (error);

      wait_report (window);
      assert_pdf (exported, &size);
      g_assert_true (g_str_has_prefix (size, "Page size:"));
      g_assert_cmpstr (g_strstrip (size + strlen ("Page size:")), ==, cases[i].size);

      /* GTK's papers are in fractions of a point: the same paper by name */
      g_assert_true (bk_window_print_to_file (window, printed, &error));
      g_assert_no_error (error);
      wait_report (window);
      assert_pdf (printed, &printed_size);
      g_assert_cmpstr (strrchr (printed_size, '('), ==, cases[i].name);
    }

  setlocale (LC_PAPER, saved);
  bk_test_app_close_window (window);
}

/* The print dialog of the window, if it shows one */
static GtkWindow *
find_print_dialog (BkWindow *window)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) w = g_list_model_get_item (toplevels, i);

      if (gtk_window_get_transient_for (w) == GTK_WINDOW (window) && gtk_widget_get_visible (GTK_WIDGET (w))
          && g_str_has_prefix (G_OBJECT_TYPE_NAME (w), "GtkPrint"))
        return w;
    }
  return NULL;
}

/* Ctrl+P, a real key press, opens GTK's print dialog over the window */
static void
test_ctrl_p (void)
{
  BkWindow *window;
  GtkWindow *dialog = NULL;

  BK_TEST_REQUIRE_XDOTOOL ();
  window = bk_test_app_present_window (app, NULL, 0, 0);
  bk_test_focus_window (GTK_WINDOW (window));
  g_assert_null (find_print_dialog (window));

  bk_test_send_keys (GTK_WINDOW (window), "ctrl+p", NULL);
  BK_WAIT_FOR ((dialog = find_print_dialog (window)) != NULL);
  g_assert_nonnull (dialog);

  /* Cancelled, the operation ends without an error */
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  BK_WAIT_FOR (find_print_dialog (window) == NULL);
  g_assert_null (find_print_dialog (window));
  g_assert_null (bk_window_get_last_error (window));

  bk_test_app_close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  app = bk_test_app_init (&argc, &argv, "test-window-report");
  tmp_dir = bk_test_app_make_dir ("test-window-report");

  g_test_add_func ("/window-report/exports", test_exports);
  g_test_add_func ("/window-report/print-to-file", test_print_to_file);
  g_test_add_func ("/window-report/paper-locale", test_paper_locale);
  g_test_add_func ("/window-report/ctrl-p", test_ctrl_p);
  g_test_add_func ("/window-report/off-main-thread", test_off_main_thread);
  g_test_add_func ("/window-report/cancel-on-close", test_cancel_on_close);

  status = bk_test_app_run (app);
  g_free (tmp_dir);
  return status;
}
