/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-sheet-view.c — the sheet view in a real window, driven by real input
 *
 * Keys and clicks are real X events sent with xdotool (see bk-test-ui.h),
 * so they travel the same path as a person's, through the shortcut
 * controllers, key controllers, input method and the editor.  Every step
 * waits for a condition (with a timeout), never a fixed time.  Without X11
 * or xdotool the tests that need them fail.
 */

#include "config.h"

#include <gtk/gtk.h>
#include <string.h>

#include "bk-sheet-view.h"
#include "bk-test-app.h"
#include "bk-test-table-model.h"
#include "bk-test-ui.h"

typedef struct
{
  GtkWidget        *window;
  GtkWidget        *entry;
  BkSheetView      *view;
  BkTestTableModel *model;
  guint             n_errors;
  char             *last_error;
  guint             n_set_range_at_start;
} Fixture;

/* The centre of a cell (or a header when @row or @column is -1), in the
 * view's coordinates. */
static void
cell_point (Fixture *f,
            int      row,
            int      column,
            double  *x,
            double  *y)
{
  GdkRectangle area;

  g_assert_true (bk_sheet_view_get_cell_area (f->view, MAX (row, 0), MAX (column, 0), &area));
  *x = area.x + area.width / 2;
  *y = area.y + area.height / 2;
  if (row < 0)
    *y = area.y - area.height / 2;
  if (column < 0)
    *x = 10;
}

static void
click_cell (Fixture *f,
            int      row,
            int      column,
            guint    n_clicks)
{
  double x, y;

  cell_point (f, row, column, &x, &y);
  bk_test_click (GTK_WIDGET (f->view), x, y, n_clicks);
}

static void
click_widget (GtkWidget *widget)
{
  bk_test_click (widget, gtk_widget_get_width (widget) / 2, gtk_widget_get_height (widget) / 2, 1);
}

static void
drag_cells (Fixture *f,
            int      row0,
            int      column0,
            int      row1,
            int      column1)
{
  GdkRectangle a, b;

  g_assert_true (bk_sheet_view_get_cell_area (f->view, row0, column0, &a));
  g_assert_true (bk_sheet_view_get_cell_area (f->view, row1, column1, &b));
  bk_test_drag (GTK_WIDGET (f->view),
                a.x + a.width / 2, a.y + a.height / 2,
                b.x + b.width / 2, b.y + b.height / 2);
}

static void
count_cb (guint *counter)
{
  (*counter)++;
}

static void
error_cb (BkSheetView *view,
          const char  *message,
          Fixture     *f)
{
  f->n_errors++;
  g_free (f->last_error);
  f->last_error = g_strdup (message);
}

static void
fixture_setup_with_model (Fixture          *f,
                          BkTestTableModel *model)
{
  GtkWidget *box, *scrolled;

  f->model = model;
  f->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (f->window), 800, 480);

  /* Another focusable widget above the sheet, as a formula bar would be */
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  f->entry = gtk_entry_new ();
  gtk_box_append (GTK_BOX (box), f->entry);
  scrolled = gtk_scrolled_window_new ();
  gtk_widget_set_vexpand (scrolled, TRUE);
  f->view = BK_SHEET_VIEW (bk_sheet_view_new (BK_TABLE_MODEL (f->model)));
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (f->view));
  gtk_box_append (GTK_BOX (box), scrolled);
  gtk_window_set_child (GTK_WINDOW (f->window), box);
  g_signal_connect (f->view, "error", G_CALLBACK (error_cb), f);

  bk_test_watch_keys (GTK_WINDOW (f->window));

  gtk_window_present (GTK_WINDOW (f->window));
  gtk_widget_grab_focus (GTK_WIDGET (f->view));

  /* Mapped and painted at least once */
  bk_test_app_wait_drawn (GTK_WIDGET (f->view));

  if (bk_test_have_xdotool ())
    {
      bk_test_focus_window (GTK_WINDOW (f->window));
      BK_WAIT_FOR (gtk_widget_has_focus (GTK_WIDGET (f->view)));
    }

  f->n_set_range_at_start = bk_test_table_model_get_n_set_range_calls (f->model);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  fixture_setup_with_model (f, bk_test_table_model_new (50, 12, TRUE));
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  gpointer view = f->view;
  gpointer model = f->model;

  g_object_add_weak_pointer (G_OBJECT (view), &view);
  g_object_add_weak_pointer (G_OBJECT (model), &model);

  gtk_window_destroy (GTK_WINDOW (f->window));
  BK_WAIT_FOR (view == NULL);

  g_object_unref (f->model);
  g_assert_null (model);

  g_free (f->last_error);
}

static guint
n_set_range_calls (Fixture *f)
{
  return bk_test_table_model_get_n_set_range_calls (f->model) - f->n_set_range_at_start;
}

static char *
edit_text (Fixture *f,
           guint    row,
           guint    column)
{
  return bk_table_model_dup_edit_text (BK_TABLE_MODEL (f->model), row, column);
}

#define assert_cursor(f, row, column)                                        \
  G_STMT_START {                                                             \
    g_assert_cmpint (bk_sheet_view_get_cursor_row ((f)->view), ==, (row));   \
    g_assert_cmpint (bk_sheet_view_get_cursor_column ((f)->view), ==, (column)); \
  } G_STMT_END

static void
assert_selection (Fixture *f,
                  guint    row,
                  guint    column,
                  guint    n_rows,
                  guint    n_columns)
{
  guint r, c, nr, nc;

  g_assert_true (bk_sheet_view_get_selection (f->view, &r, &c, &nr, &nc));
  g_assert_cmpuint (r, ==, row);
  g_assert_cmpuint (c, ==, column);
  g_assert_cmpuint (nr, ==, n_rows);
  g_assert_cmpuint (nc, ==, n_columns);
}

static void
assert_last_range (Fixture            *f,
                   guint               row,
                   guint               column,
                   guint               n_rows,
                   guint               n_columns,
                   const char * const *texts)
{
  guint r, c, nr, nc;

  bk_test_table_model_get_last_range (f->model, &r, &c, &nr, &nc);
  g_assert_cmpuint (r, ==, row);
  g_assert_cmpuint (c, ==, column);
  g_assert_cmpuint (nr, ==, n_rows);
  g_assert_cmpuint (nc, ==, n_columns);
  g_assert_cmpstrv (bk_test_table_model_get_last_texts (f->model), texts);
}

/* ------------------------------------------------------------------------ */

static void
test_keyboard_navigation (Fixture       *f,
                          gconstpointer  data)
{
  BK_TEST_REQUIRE_XDOTOOL ();

  assert_cursor (f, 0, 0);

  bk_test_send_keys (GTK_WINDOW (f->window), "Down", "Down", "Right", NULL);
  assert_cursor (f, 2, 1);

  bk_test_send_keys (GTK_WINDOW (f->window), "Up", "Left", "Left", NULL);
  assert_cursor (f, 1, 0);  /* clamped at the first column */

  /* Tab, Tab, Enter: down one row, back in the column the Tabs started */
  bk_test_send_keys (GTK_WINDOW (f->window), "Tab", "Tab", NULL);
  assert_cursor (f, 1, 2);
  bk_test_send_keys (GTK_WINDOW (f->window), "Return", NULL);
  assert_cursor (f, 2, 0);

  bk_test_send_keys (GTK_WINDOW (f->window), "shift+Return", NULL);
  assert_cursor (f, 1, 0);
  bk_test_send_keys (GTK_WINDOW (f->window), "Right", "shift+Tab", NULL);
  assert_cursor (f, 1, 0);

  bk_test_send_keys (GTK_WINDOW (f->window), "End", NULL);
  assert_cursor (f, 1, 11);
  bk_test_send_keys (GTK_WINDOW (f->window), "Home", NULL);
  assert_cursor (f, 1, 0);
  bk_test_send_keys (GTK_WINDOW (f->window), "ctrl+End", NULL);
  assert_cursor (f, 49, 11);
  bk_test_send_keys (GTK_WINDOW (f->window), "ctrl+Home", NULL);
  assert_cursor (f, 0, 0);

  /* Page Down moves by the visible rows and scrolls with the cursor */
  bk_test_send_keys (GTK_WINDOW (f->window), "Page_Down", NULL);
  g_assert_cmpint (bk_sheet_view_get_cursor_row (f->view), >, 5);
  g_assert_cmpint (bk_sheet_view_get_cursor_row (f->view), <, 49);
  bk_test_send_keys (GTK_WINDOW (f->window), "Page_Up", NULL);
  assert_cursor (f, 0, 0);

  /* Keeping the cursor visible */
  bk_test_send_keys (GTK_WINDOW (f->window), "ctrl+End", NULL);
  {
    GdkRectangle area;

    bk_test_flush ();
    g_assert_true (bk_sheet_view_get_cell_area (f->view, 49, 11, &area));
  }

  /* None of this changed anything */
  g_assert_cmpuint (n_set_range_calls (f), ==, 0);
}

static void
test_shift_arrow_selection (Fixture       *f,
                            gconstpointer  data)
{
  BK_TEST_REQUIRE_XDOTOOL ();

  bk_test_send_keys (GTK_WINDOW (f->window), "Down", "Right", NULL);
  bk_test_send_keys (GTK_WINDOW (f->window), "shift+Down", "shift+Down", "shift+Right", NULL);
  assert_selection (f, 1, 1, 3, 2);
  assert_cursor (f, 1, 1);  /* the active cell stays where the selection began */

  bk_test_send_keys (GTK_WINDOW (f->window), "shift+Up", NULL);
  assert_selection (f, 1, 1, 2, 2);

  bk_test_send_keys (GTK_WINDOW (f->window), "shift+Left", "shift+Left", NULL);
  assert_selection (f, 1, 0, 2, 2);

  /* A plain arrow collapses the selection */
  bk_test_send_keys (GTK_WINDOW (f->window), "Down", NULL);
  assert_selection (f, 2, 1, 1, 1);

  bk_test_send_keys (GTK_WINDOW (f->window), "ctrl+a", NULL);
  assert_selection (f, 0, 0, 50, 12);
}

static void
test_type_to_replace (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *text = NULL;
  const char *expected[] = { "42.5", NULL };

  BK_TEST_REQUIRE_XDOTOOL ();

  bk_test_send_keys (GTK_WINDOW (f->window), "Down", "Right", NULL);
  bk_test_type_text (GTK_WINDOW (f->window), "42.5");
  g_assert_true (bk_sheet_view_get_editing (f->view));
  g_assert_cmpuint (n_set_range_calls (f), ==, 0);

  bk_test_send_keys (GTK_WINDOW (f->window), "Return", NULL);
  g_assert_false (bk_sheet_view_get_editing (f->view));
  g_assert_cmpuint (n_set_range_calls (f), ==, 1);
  assert_last_range (f, 1, 1, 1, 1, expected);
  text = edit_text (f, 1, 1);
  g_assert_cmpstr (text, ==, "42.5");
  assert_cursor (f, 2, 1);
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (f->view)));

  /* Tab commits and moves right; Up (while typing) commits and moves up */
  bk_test_type_text (GTK_WINDOW (f->window), "7");
  bk_test_send_keys (GTK_WINDOW (f->window), "Tab", NULL);
  assert_cursor (f, 2, 2);
  g_clear_pointer (&text, g_free);
  text = edit_text (f, 2, 1);
  g_assert_cmpstr (text, ==, "7");
  bk_test_type_text (GTK_WINDOW (f->window), "8");
  bk_test_send_keys (GTK_WINDOW (f->window), "Up", NULL);
  assert_cursor (f, 1, 2);
  g_clear_pointer (&text, g_free);
  text = edit_text (f, 2, 2);
  g_assert_cmpstr (text, ==, "8");
  g_assert_cmpuint (n_set_range_calls (f), ==, 3);
}

static void
test_escape_cancels (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *before = edit_text (f, 0, 0);
  g_autofree char *after = NULL;

  BK_TEST_REQUIRE_XDOTOOL ();

  bk_test_type_text (GTK_WINDOW (f->window), "99");
  g_assert_true (bk_sheet_view_get_editing (f->view));
  bk_test_send_keys (GTK_WINDOW (f->window), "Escape", NULL);
  g_assert_false (bk_sheet_view_get_editing (f->view));
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (f->view)));

  after = edit_text (f, 0, 0);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpuint (n_set_range_calls (f), ==, 0);
  assert_cursor (f, 0, 0);
}

static void
test_f2_edits_existing_text (Fixture       *f,
                             gconstpointer  data)
{
  g_autofree char *before = edit_text (f, 1, 0);
  g_autofree char *expected = g_strconcat (before, "5", NULL);
  g_autofree char *after = NULL;

  BK_TEST_REQUIRE_XDOTOOL ();

  bk_test_send_keys (GTK_WINDOW (f->window), "Down", "F2", NULL);
  g_assert_true (bk_sheet_view_get_editing (f->view));

  /* F2 keeps the text; the caret is at its end and arrows stay in the text */
  bk_test_type_text (GTK_WINDOW (f->window), "5");
  bk_test_send_keys (GTK_WINDOW (f->window), "Left", "Right", NULL);
  g_assert_true (bk_sheet_view_get_editing (f->view));
  bk_test_send_keys (GTK_WINDOW (f->window), "Return", NULL);

  after = edit_text (f, 1, 0);
  g_assert_cmpstr (after, ==, expected);
  assert_cursor (f, 2, 0);
}

static void
test_double_click_edits (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *before = edit_text (f, 3, 2);
  g_autofree char *expected = g_strconcat (before, "1", NULL);
  g_autofree char *after = NULL;

  BK_TEST_REQUIRE_XDOTOOL ();

  /* A click moves the cursor, a double click edits in place */
  click_cell (f, 1, 1, 1);
  assert_cursor (f, 1, 1);
  g_assert_false (bk_sheet_view_get_editing (f->view));

  click_cell (f, 3, 2, 2);
  assert_cursor (f, 3, 2);
  g_assert_true (bk_sheet_view_get_editing (f->view));
  bk_test_type_text (GTK_WINDOW (f->window), "1");

  /* Clicking another cell commits */
  click_cell (f, 5, 5, 1);
  g_assert_false (bk_sheet_view_get_editing (f->view));
  after = edit_text (f, 3, 2);
  g_assert_cmpstr (after, ==, expected);
  assert_cursor (f, 5, 5);
}

static void
test_mouse_selection (Fixture       *f,
                      gconstpointer  data)
{
  BK_TEST_REQUIRE_XDOTOOL ();

  drag_cells (f, 1, 1, 3, 4);
  assert_cursor (f, 1, 1);
  assert_selection (f, 1, 1, 3, 4);

  /* A column header selects the column, a row header the row */
  click_cell (f, -1, 2, 1);
  assert_selection (f, 0, 2, 50, 1);
  click_cell (f, 4, -1, 1);
  assert_selection (f, 4, 0, 1, 12);
  assert_cursor (f, 4, 0);
}

static void
test_delete_clears_selection (Fixture       *f,
                              gconstpointer  data)
{
  const char *expected[] = { "", "", "", "", "", "", NULL };
  g_autofree char *text = NULL;

  BK_TEST_REQUIRE_XDOTOOL ();

  bk_test_send_keys (GTK_WINDOW (f->window), "Down", "shift+Down", "shift+Right", "shift+Right", NULL);
  bk_test_send_keys (GTK_WINDOW (f->window), "Delete", NULL);

  g_assert_cmpuint (n_set_range_calls (f), ==, 1);
  assert_last_range (f, 1, 0, 2, 3, expected);
  text = edit_text (f, 2, 2);
  g_assert_cmpstr (text, ==, "");

  /* BackSpace too */
  bk_test_send_keys (GTK_WINDOW (f->window), "Down", "Down", "BackSpace", NULL);
  g_assert_cmpuint (n_set_range_calls (f), ==, 2);
}

typedef struct
{
  char    *text;
  gboolean done;
} ReadData;

static void
read_text_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  ReadData *data = user_data;

  data->text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, NULL);
  data->done = TRUE;
}

static char *
read_clipboard (Fixture *f)
{
  ReadData data = { NULL, FALSE };

  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (f->window), NULL,
                                 read_text_cb, &data);
  BK_WAIT_FOR (data.done);

  return data.text;
}

static void
test_copy_block (Fixture       *f,
                 gconstpointer  data)
{
  const char *texts[] = { "1.5", "=prev*2", "", "1e-7", NULL };
  g_autofree char *clipboard = NULL;

  BK_TEST_REQUIRE_XDOTOOL ();

  g_assert_true (bk_table_model_set_range (BK_TABLE_MODEL (f->model), 2, 3, 2, 2, texts, NULL));

  bk_sheet_view_set_cursor (f->view, 2, 3);
  bk_test_send_keys (GTK_WINDOW (f->window), "shift+Down", "shift+Right", "ctrl+c", NULL);

  clipboard = read_clipboard (f);
  g_assert_cmpstr (clipboard, ==, "1.5\t=prev*2\n\t1e-7");

  /* Cut = copy + clear, as one change */
  g_clear_pointer (&clipboard, g_free);
  texts[2] = "3";
  g_assert_true (bk_table_model_set_range (BK_TABLE_MODEL (f->model), 2, 3, 2, 2, texts, NULL));
  f->n_set_range_at_start = bk_test_table_model_get_n_set_range_calls (f->model);
  bk_test_send_keys (GTK_WINDOW (f->window), "ctrl+x", NULL);
  clipboard = read_clipboard (f);
  g_assert_cmpstr (clipboard, ==, "1.5\t=prev*2\n3\t1e-7");
  g_assert_cmpuint (n_set_range_calls (f), ==, 1);
  {
    const char *cleared[] = { "", "", "", "", NULL };

    assert_last_range (f, 2, 3, 2, 2, cleared);
  }
}

static void
test_copy_quotes (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *text = NULL;

  /* Not through the clipboard: the quoting of awkward cells */
  bk_sheet_view_select_range (f->view, 0, 0, 1, 1);
  text = bk_sheet_view_dup_selection_text (f->view);
  g_assert_cmpstr (text, ==, "0");

  /* A pasted block with quotes (as LibreOffice writes cells with tabs or
   * newlines), CRLF line ends and a trailing newline */
  bk_sheet_view_set_cursor (f->view, 1, 1);
  g_assert_true (bk_sheet_view_paste_text (f->view, "\"1\"\t\"=prev*2\"\r\n3\t4\r\n"));
  {
    const char *expected[] = { "1", "=prev*2", "3", "4", NULL };

    assert_last_range (f, 1, 1, 2, 2, expected);
  }

  /* The pasted block stays selected; a selection that is a multiple of the
   * block is tiled with it */
  assert_selection (f, 1, 1, 2, 2);
  g_assert_true (bk_sheet_view_paste_text (f->view, "5\n"));
  {
    const char *expected[] = { "5", "5", "5", "5", NULL };

    assert_last_range (f, 1, 1, 2, 2, expected);
  }

  /* Quoted cells: tabs and doubled quotes inside */
  bk_sheet_view_set_cursor (f->view, 1, 1);
  g_assert_false (bk_sheet_view_paste_text (f->view, "\"a\tb\"\t\"say \"\"hi\"\"\"\n"));
  {
    const char *expected[] = { "a\tb", "say \"hi\"", NULL };

    assert_last_range (f, 1, 1, 1, 2, expected);
  }
}

static void
test_paste_block (Fixture       *f,
                  gconstpointer  data)
{
  const char *expected[] = { "1", "2", "3", "4", NULL };
  guint before;

  BK_TEST_REQUIRE_XDOTOOL ();

  bk_test_send_keys (GTK_WINDOW (f->window), "Down", "Right", NULL);
  gdk_clipboard_set_text (gtk_widget_get_clipboard (f->window), "1\t2\r\n3\t4\r\n");
  bk_test_send_keys (GTK_WINDOW (f->window), "ctrl+v", NULL);
  BK_WAIT_FOR (n_set_range_calls (f) == 1);

  assert_last_range (f, 1, 1, 2, 2, expected);
  assert_selection (f, 1, 1, 2, 2);

  /* One value into a larger selection fills it */
  bk_test_send_keys (GTK_WINDOW (f->window), "Down", "Down", "shift+Down", "shift+Right", NULL);
  gdk_clipboard_set_text (gtk_widget_get_clipboard (f->window), "9\n");
  before = n_set_range_calls (f);
  bk_test_send_keys (GTK_WINDOW (f->window), "ctrl+v", NULL);
  BK_WAIT_FOR (n_set_range_calls (f) == before + 1);
  {
    const char *nines[] = { "9", "9", "9", "9", NULL };

    assert_last_range (f, 3, 1, 2, 2, nines);
  }

  /* A block past the table's edge is refused whole, never clipped: a 2 × 3
   * block at the last row and period stores nothing and says how much did
   * not fit (issue 11: it used to keep the one value that fitted). */
  bk_sheet_view_set_cursor (f->view, 49, 11);
  gdk_clipboard_set_text (gtk_widget_get_clipboard (f->window), "5\t6\t7\n8\t9\t10");
  before = n_set_range_calls (f);
  {
    guint errors = f->n_errors;

    bk_test_send_keys (GTK_WINDOW (f->window), "ctrl+v", NULL);
    BK_WAIT_FOR (f->n_errors == errors + 1);
  }
  g_assert_cmpuint (n_set_range_calls (f), ==, before);
  g_assert_nonnull (strstr (f->last_error, "1 row and 2 columns"));
  g_assert_nonnull (strstr (f->last_error, "2 × 3"));
  assert_cursor (f, 49, 11);
}

static void
test_fill_down_right (Fixture       *f,
                      gconstpointer  data)
{
  const char *source[] = { "1", "=prev*2", NULL };

  BK_TEST_REQUIRE_XDOTOOL ();

  g_assert_true (bk_table_model_set_range (BK_TABLE_MODEL (f->model), 0, 0, 1, 2, source, NULL));
  f->n_set_range_at_start = bk_test_table_model_get_n_set_range_calls (f->model);

  bk_test_send_keys (GTK_WINDOW (f->window), "shift+Down", "shift+Down", "shift+Down", "shift+Right", "ctrl+d", NULL);
  g_assert_cmpuint (n_set_range_calls (f), ==, 1);
  {
    const char *expected[] = { "1", "=prev*2", "1", "=prev*2", "1", "=prev*2", NULL };

    assert_last_range (f, 1, 0, 3, 2, expected);
  }

  /* Fill right: the left column over the rest of the selection */
  bk_test_send_keys (GTK_WINDOW (f->window), "ctrl+Home", "shift+Down", "shift+Right", "shift+Right", "ctrl+r", NULL);
  g_assert_cmpuint (n_set_range_calls (f), ==, 2);
  {
    const char *expected[] = { "1", "1", "1", "1", NULL };

    assert_last_range (f, 0, 1, 2, 2, expected);
  }

  /* With one cell selected, Ctrl+D copies the cell above */
  bk_test_send_keys (GTK_WINDOW (f->window), "Down", "Down", "ctrl+d", NULL);
  g_assert_cmpuint (n_set_range_calls (f), ==, 3);
  {
    g_autofree char *above = edit_text (f, 1, 0);
    const char *expected[] = { above, NULL };

    assert_cursor (f, 2, 0);
    assert_last_range (f, 2, 0, 1, 1, expected);
  }
}

static void
test_rejected_value (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *before = edit_text (f, 1, 0);
  g_autofree char *after = NULL;
  const char *expected[] = { "abc", NULL };
  GtkWidget *editor;

  BK_TEST_REQUIRE_XDOTOOL ();

  bk_test_send_keys (GTK_WINDOW (f->window), "Down", NULL);
  bk_test_type_text (GTK_WINDOW (f->window), "abc");
  bk_test_send_keys (GTK_WINDOW (f->window), "Return", NULL);

  /* Refused: the cell keeps its value, the editor stays open with the
   * text, the cursor does not move, and the message is shown and emitted */
  g_assert_cmpuint (n_set_range_calls (f), ==, 1);
  assert_last_range (f, 1, 0, 1, 1, expected);
  after = edit_text (f, 1, 0);
  g_assert_cmpstr (after, ==, before);
  g_assert_true (bk_sheet_view_get_editing (f->view));
  assert_cursor (f, 1, 0);
  g_assert_cmpuint (f->n_errors, ==, 1);
  g_assert_nonnull (strstr (f->last_error, "Expected a number"));

  editor = gtk_root_get_focus (GTK_ROOT (f->window));
  g_assert_true (GTK_IS_TEXT (editor));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (editor)), ==, "abc");

  /* The message is on screen, in a popover next to the cell */
  {
    gboolean shown = FALSE;

    for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (f->view));
         child != NULL; child = gtk_widget_get_next_sibling (child))
      if (GTK_IS_POPOVER (child) && gtk_widget_get_visible (child))
        {
          GtkWidget *label = gtk_popover_get_child (GTK_POPOVER (child));

          g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==, f->last_error);
          shown = TRUE;
        }
    g_assert_true (shown);
  }

  /* Fixing the text and pressing Enter commits */
  bk_test_send_keys (GTK_WINDOW (f->window), "BackSpace", "BackSpace", "BackSpace", NULL);
  bk_test_type_text (GTK_WINDOW (f->window), "12");
  bk_test_send_keys (GTK_WINDOW (f->window), "Return", NULL);
  g_assert_false (bk_sheet_view_get_editing (f->view));
  g_clear_pointer (&after, g_free);
  after = edit_text (f, 1, 0);
  g_assert_cmpstr (after, ==, "12");
  assert_cursor (f, 2, 0);

  /* A refused paste changes nothing and says why */
  g_assert_false (bk_sheet_view_paste_text (f->view, "1\tx\n"));
  g_assert_cmpuint (f->n_errors, ==, 2);
}

static void
test_read_only_cells (Fixture       *f,
                      gconstpointer  data)
{
  guint activated = 0;

  BK_TEST_REQUIRE_XDOTOOL ();

  bk_test_table_model_set_flags (f->model, 0, 0, BK_TABLE_CELL_READ_ONLY | BK_TABLE_CELL_TOTAL);
  g_signal_connect_swapped (f->view, "activate-cell", G_CALLBACK (count_cb), &activated);

  /* No editing on a read-only cell: typing does nothing, F2 activates */
  bk_test_type_text (GTK_WINDOW (f->window), "5");
  g_assert_false (bk_sheet_view_get_editing (f->view));
  bk_test_send_keys (GTK_WINDOW (f->window), "F2", NULL);
  g_assert_false (bk_sheet_view_get_editing (f->view));
  g_assert_cmpuint (activated, ==, 1);

  /* Delete is refused by the model, as a whole */
  bk_test_send_keys (GTK_WINDOW (f->window), "shift+Right", "Delete", NULL);
  g_assert_cmpuint (n_set_range_calls (f), ==, 1);
  g_assert_cmpuint (f->n_errors, ==, 1);
}

static void
test_visible_cells_only (Fixture       *f,
                         gconstpointer  data)
{
  GtkAdjustment *vadjustment;
  guint drawn;

  fixture_teardown (f, NULL);
  memset (f, 0, sizeof *f);
  fixture_setup_with_model (f, bk_test_table_model_new (100000, 60, TRUE));

  drawn = bk_sheet_view_get_n_drawn_cells (f->view);
  g_assert_cmpuint (drawn, >, 0);
  g_assert_cmpuint (drawn, <, 40 * 12);

  /* Scroll to the middle: a new frame draws about as many cells */
  vadjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (f->view));
  g_assert_cmpfloat (gtk_adjustment_get_upper (vadjustment), >, 100000.0 * 10);
  {
    GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (f->view));
    gint64 frame = gdk_frame_clock_get_frame_counter (clock);

    gtk_adjustment_set_value (vadjustment, gtk_adjustment_get_upper (vadjustment) / 2);
    BK_WAIT_FOR (gdk_frame_clock_get_frame_counter (clock) > frame + 1);
  }
  g_assert_cmpuint (bk_sheet_view_get_n_drawn_cells (f->view), <, 40 * 12);
  g_assert_cmpuint (bk_sheet_view_get_n_drawn_cells (f->view), >, 0);

  /* Moving the cursor to the last cell scrolls it into view */
  bk_sheet_view_set_cursor (f->view, 99999, 59);
  {
    GdkRectangle area;

    BK_WAIT_FOR (bk_sheet_view_get_cell_area (f->view, 99999, 59, &area) &&
              area.y + area.height <= gtk_widget_get_height (GTK_WIDGET (f->view)));
  }
}

static void
test_api_and_accessibility (Fixture       *f,
                            gconstpointer  data)
{
  guint moved = 0;

  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (f->view)),
                   ==, GTK_ACCESSIBLE_ROLE_GRID);
  g_assert_cmpstr (gtk_widget_get_css_name (GTK_WIDGET (f->view)), ==, "sheetview");

  g_signal_connect_swapped (f->view, "cursor-moved", G_CALLBACK (count_cb), &moved);
  g_object_set (f->view, "cursor-row", 4, "cursor-column", 3, NULL);
  assert_cursor (f, 4, 3);
  g_assert_cmpuint (moved, ==, 2);

  /* Actions, as the app's menus use them */
  bk_sheet_view_select_range (f->view, 4, 3, 2, 2);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "sheet.clear", NULL));
  g_assert_cmpuint (n_set_range_calls (f), ==, 1);

  /* Editing through the API */
  g_assert_true (bk_sheet_view_start_editing (f->view, "=prev+1"));
  g_assert_true (bk_sheet_view_get_editing (f->view));
  g_assert_true (bk_sheet_view_commit_edit (f->view));
  g_assert_false (bk_sheet_view_get_editing (f->view));
  {
    g_autofree char *text = edit_text (f, 4, 3);

    g_assert_cmpstr (text, ==, "=prev+1");
    g_assert_true (bk_table_model_get_cell (BK_TABLE_MODEL (f->model), 4, 3, NULL) & BK_TABLE_CELL_FORMULA);
  }

  /* A model reset that shrinks the table keeps the cursor inside it */
  bk_test_table_model_set_shape (f->model, 3, 2);
  assert_cursor (f, 2, 1);
  assert_selection (f, 2, 1, 1, 1);

  /* Column widths */
  bk_sheet_view_set_column_width (f->view, 1, 150);
  g_assert_cmpuint (bk_sheet_view_get_column_width (f->view, 1), ==, 150);
}

static void
test_context_menu (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  GtkWidget *popover = NULL;

  BK_TEST_REQUIRE_XDOTOOL ();

  g_menu_append (menu, "Fill Down", "sheet.fill-down");
  bk_sheet_view_set_context_menu (f->view, G_MENU_MODEL (menu));
  /* The popover is built when the menu first opens, not before */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (f->view));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    g_assert_false (GTK_IS_POPOVER_MENU (child));

  bk_test_send_keys (GTK_WINDOW (f->window), "shift+F10", NULL);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (f->view));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_POPOVER_MENU (child))
      popover = child;
  g_assert_nonnull (popover);
  BK_WAIT_FOR (gtk_widget_get_mapped (popover));
  gtk_popover_popdown (GTK_POPOVER (popover));
}

/* A sheet off screen (another page's) says a changed cell when it is
 * shown again, not inside the change: a result sheet would recompute the
 * engine for it within the edit */
static void
test_hidden_sheet_announces_when_shown (Fixture       *f,
                                        gconstpointer  data)
{
  const char *texts[] = { "42" };
  g_autofree char *before = bk_sheet_view_dup_cell_announcement (f->view);
  g_autofree char *after = NULL;
  g_autofree char *problem = NULL;
  g_autoptr(GError) error = NULL;

  bk_sheet_view_set_cursor (f->view, 0, 0);
  g_free (before);
  before = bk_sheet_view_dup_cell_announcement (f->view);
  problem = gtk_test_accessible_check_property (GTK_ACCESSIBLE (f->view),
                                                GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, before);
  g_assert_null (problem);

  gtk_widget_set_visible (GTK_WIDGET (f->view), FALSE);
  BK_WAIT_FOR (!gtk_widget_get_mapped (GTK_WIDGET (f->view)));
  g_assert_true (bk_table_model_set_range (BK_TABLE_MODEL (f->model), 0, 0, 1, 1, texts, &error));
  g_assert_no_error (error);
  after = bk_sheet_view_dup_cell_announcement (f->view);
  g_assert_cmpstr (after, !=, before);
  /* Not said while hidden */
  problem = gtk_test_accessible_check_property (GTK_ACCESSIBLE (f->view),
                                                GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, before);
  g_assert_null (problem);

  /* Said when shown */
  gtk_widget_set_visible (GTK_WIDGET (f->view), TRUE);
  BK_WAIT_FOR (gtk_widget_get_mapped (GTK_WIDGET (f->view)));
  problem = gtk_test_accessible_check_property (GTK_ACCESSIBLE (f->view),
                                                GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, after);
  g_assert_null (problem);

  /* Shown, a change is said at once */
  texts[0] = "43";
  g_assert_true (bk_table_model_set_range (BK_TABLE_MODEL (f->model), 0, 0, 1, 1, texts, &error));
  g_assert_no_error (error);
  g_free (after);
  after = bk_sheet_view_dup_cell_announcement (f->view);
  g_assert_nonnull (strstr (after, "43"));
  problem = gtk_test_accessible_check_property (GTK_ACCESSIBLE (f->view),
                                                GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, after);
  g_assert_null (problem);
}

static void
test_focus_out_commits (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *text = NULL;

  BK_TEST_REQUIRE_XDOTOOL ();

  bk_test_send_keys (GTK_WINDOW (f->window), "Right", NULL);
  bk_test_type_text (GTK_WINDOW (f->window), "3");
  g_assert_true (bk_sheet_view_get_editing (f->view));

  /* Clicking another widget (a formula bar, say) commits the edit */
  click_widget (f->entry);
  BK_WAIT_FOR (!bk_sheet_view_get_editing (f->view));
  text = edit_text (f, 0, 1);
  g_assert_cmpstr (text, ==, "3");
  g_assert_cmpuint (n_set_range_calls (f), ==, 1);
  g_assert_false (gtk_widget_has_focus (GTK_WIDGET (f->view)));
}

static void
test_column_resize (Fixture       *f,
                    gconstpointer  data)
{
  guint width = bk_sheet_view_get_column_width (f->view, 1);
  guint resized = 0;
  GdkRectangle header;

  BK_TEST_REQUIRE_XDOTOOL ();

  g_signal_connect_swapped (f->view, "column-resized", G_CALLBACK (count_cb), &resized);

  /* Drag the right edge of column 1's header 40 px to the right */
  g_assert_true (bk_sheet_view_get_cell_area (f->view, 0, 1, &header));
  bk_test_drag (GTK_WIDGET (f->view),
                header.x + header.width - 1, header.y - header.height / 2,
                header.x + header.width + 39, header.y - header.height / 2);

  g_assert_cmpuint (bk_sheet_view_get_column_width (f->view, 1), ==, width + 40);
  g_assert_cmpuint (resized, ==, 1);
  assert_cursor (f, 0, 0);  /* resizing is not selecting */
}

/* The width of @text in the sheet's font, in bold as a selected row's
 * header is drawn */
static int
bold_text_width (GtkWidget  *widget,
                 const char *text)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, text);
  PangoAttrList *attrs = pango_attr_list_new ();
  int width;

  pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
  pango_layout_get_pixel_size (layout, &width, NULL);
  return width;
}

/* Row headers size to their names, bold as a selected row's header is
 * ("CoreWeave" never shows as "CoreWe…"), up to a limit; a longer name is
 * cut and shown whole in the header's tooltip */
static void
test_row_headers_fit (Fixture       *f,
                      gconstpointer  data)
{
  static const char long_name[] = "International Business Machines Corporation (IBM Cloud)";
  GdkRectangle area;
  double x, y;

  BK_TEST_REQUIRE_XDOTOOL ();

  bk_test_table_model_set_shape (f->model, 3, 4);
  bk_test_table_model_set_row_name (f->model, 0, "Meta");
  bk_test_table_model_set_row_name (f->model, 1, "Oracle");
  bk_test_table_model_set_row_name (f->model, 2, "CoreWeave");

  /* Select the whole row: its header turns bold */
  cell_point (f, 2, -1, &x, &y);
  bk_test_click (GTK_WIDGET (f->view), x, y, 1);
  assert_selection (f, 2, 0, 1, 4);
  bk_test_wait_frames (GTK_WIDGET (f->view), 1);

  g_assert_true (bk_sheet_view_get_cell_area (f->view, 2, 0, &area));
  g_assert_cmpint (area.x, >=, bold_text_width (GTK_WIDGET (f->view), "CoreWeave") + 2 * 6);
  for (guint r = 0; r < 3; r++)
    g_assert_null (bk_sheet_view_dup_row_header_tooltip (f->view, r));

  /* Past the limit: cut, with the whole name in the tooltip */
  bk_test_table_model_set_row_name (f->model, 1, long_name);
  bk_test_wait_frames (GTK_WIDGET (f->view), 1);
  g_assert_true (bk_sheet_view_get_cell_area (f->view, 1, 0, &area));
  g_assert_cmpint (area.x, >=, bold_text_width (GTK_WIDGET (f->view), "CoreWeave") + 2 * 6);
  g_assert_cmpint (area.x, <, bold_text_width (GTK_WIDGET (f->view), long_name));
  {
    g_autofree char *tip = bk_sheet_view_dup_row_header_tooltip (f->view, 1);

    g_assert_cmpstr (tip, ==, long_name);
  }
  g_assert_null (bk_sheet_view_dup_row_header_tooltip (f->view, 2));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/sheet-view/keyboard-navigation", test_keyboard_navigation);
  ADD ("/sheet-view/shift-arrow-selection", test_shift_arrow_selection);
  ADD ("/sheet-view/type-to-replace", test_type_to_replace);
  ADD ("/sheet-view/escape-cancels", test_escape_cancels);
  ADD ("/sheet-view/f2-edits-existing-text", test_f2_edits_existing_text);
  ADD ("/sheet-view/double-click-edits", test_double_click_edits);
  ADD ("/sheet-view/mouse-selection", test_mouse_selection);
  ADD ("/sheet-view/delete-clears-selection", test_delete_clears_selection);
  ADD ("/sheet-view/copy-block", test_copy_block);
  ADD ("/sheet-view/tsv-quoting", test_copy_quotes);
  ADD ("/sheet-view/paste-block", test_paste_block);
  ADD ("/sheet-view/fill-down-right", test_fill_down_right);
  ADD ("/sheet-view/rejected-value", test_rejected_value);
  ADD ("/sheet-view/read-only-cells", test_read_only_cells);
  ADD ("/sheet-view/visible-cells-only", test_visible_cells_only);
  ADD ("/sheet-view/api-and-accessibility", test_api_and_accessibility);
  ADD ("/sheet-view/context-menu", test_context_menu);
  ADD ("/sheet-view/hidden-sheet-announces-when-shown", test_hidden_sheet_announces_when_shown);
  ADD ("/sheet-view/focus-out-commits", test_focus_out_commits);
  ADD ("/sheet-view/column-resize", test_column_resize);
  ADD ("/sheet-view/row-headers-fit", test_row_headers_fit);

#undef ADD

  return g_test_run ();
}
