/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-window-a11y.c — the window's accessible properties, read through
 * GTK's test accessibility backend (GTK_A11Y=test, tests/meson.build):
 * named controls, the grid saying its active cell as real keys move it
 * and edit it, charts described by their numbers
 *
 * tests/app/test-a11y.py reads the same over AT-SPI, as Orca would. */
#include "config.h"

#include <string.h>

#include "bk-application.h"
#include "bk-chart-view.h"
#include "bk-kpi-strip.h"
#include "bk-test-app.h"
#include "bk-test-ui.h"
#include "bk-window-private.h"

typedef BkTestAppWindow Fixture;

/* The value of a string property: GTK 4.8 has no getter, but the test
 * backend's check returns the value when it is not the one asked for. */
static char *
dup_property (gpointer              widget,
              GtkAccessibleProperty property)
{
  g_assert_true (gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), property));
  return gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget), property, "\x01");
}

/* Whether a string property is no longer @value.  The check returns the
 * value it found (transfer full) when it differs: freed here, or every
 * wait would leak one. */
static gboolean
property_differs (gpointer              widget,
                  GtkAccessibleProperty property,
                  const char           *value)
{
  g_autofree char *found = gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget), property, value);

  return found != NULL;
}

/* Controls that show an icon and no text, or that GTK 4.8 leaves unnamed:
 * every one must have an accessible label */
static void
collect_unnamed (GtkWidget *widget,
                 GString   *unnamed,
                 guint     *n_checked)
{
  gboolean needs_label = FALSE;

  /* A closed menu is not on screen, nor in the accessibility tree */
  if (GTK_IS_POPOVER (widget) && !gtk_widget_get_visible (widget))
    return;
  if (GTK_IS_MENU_BUTTON (widget))
    needs_label = TRUE;
  else if (GTK_IS_BUTTON (widget) && gtk_button_get_icon_name (GTK_BUTTON (widget)) != NULL)
    needs_label = TRUE;
  else if (GTK_IS_SCROLLBAR (widget) || ADW_IS_VIEW_SWITCHER (widget) || BK_IS_KPI_STRIP (widget))
    needs_label = TRUE;

  if (needs_label && gtk_widget_get_visible (widget))
    {
      (*n_checked)++;
      if (!gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL))
        {
          const char *tooltip = gtk_widget_get_tooltip_text (widget);

          g_string_append_printf (unnamed, "%s (%s) in", G_OBJECT_TYPE_NAME (widget),
                                  tooltip != NULL ? tooltip : "no tooltip");
          for (GtkWidget *up = gtk_widget_get_parent (widget); up != NULL; up = gtk_widget_get_parent (up))
            g_string_append_printf (unnamed, " %s", G_OBJECT_TYPE_NAME (up));
          g_string_append_c (unnamed, '\n');
        }
      if (GTK_IS_MENU_BUTTON (widget))
        return;  /* its toggle is labelled by it */
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_unnamed (child, unnamed, n_checked);
}

static void
test_named_controls (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GString) unnamed = g_string_new (NULL);
  guint n_checked = 0;
  BkWindow *w = f->window;

  /* The header's icon buttons, by the names a screen reader says */
  gtk_test_accessible_assert_property (w->undo_button, GTK_ACCESSIBLE_PROPERTY_LABEL, "Undo");
  gtk_test_accessible_assert_property (w->redo_button, GTK_ACCESSIBLE_PROPERTY_LABEL, "Redo");
  gtk_test_accessible_assert_property (w->scenario_button, GTK_ACCESSIBLE_PROPERTY_LABEL, "Scenario");
  /* …described by the scenario it shows, as that changes */
  gtk_test_accessible_assert_property (w->scenario_button, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, "Base");
  bk_window_set_scenario (w, 1);
  g_assert_cmpstr (gtk_label_get_text (w->scenario_label), !=, "Base");
  /* the whole name, even where the label shows a short form */
  gtk_test_accessible_assert_property (w->scenario_button, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      bk_workbook_get_scenario_name (bk_document_get_workbook (bk_window_get_document (w)), 1));
  bk_window_set_scenario (w, 0);

  /* Every page, every menu and icon button, the charts' ⋮ included */
  for (guint i = 0; i < 6; i++)
    {
      static const char *const pages[] = { "capex", "backlog", "tokens", "share", "assumptions", "results" };

      bk_window_set_page (w, pages[i]);
      bk_test_flush ();
      collect_unnamed (GTK_WIDGET (w), unnamed, &n_checked);
    }
  g_assert_cmpuint (n_checked, >, 20);
  if (unnamed->len > 0)
    g_error ("controls without an accessible name:\n%s", unnamed->str);
}

static gboolean
is_mapped_chart (GtkWidget *widget)
{
  return BK_IS_CHART_VIEW (widget) && gtk_widget_get_mapped (widget);
}

static GtkWidget *
find_mapped (GtkWidget *root,
             gboolean (*match) (GtkWidget *))
{
  if (match (root))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_mapped (child, match);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
is_chart_menu (GtkWidget *widget)
{
  return GTK_IS_MENU_BUTTON (widget) && gtk_widget_get_mapped (widget) &&
         g_strcmp0 (gtk_menu_button_get_icon_name (GTK_MENU_BUTTON (widget)), "view-more-symbolic") == 0;
}

static void
assert_description_prefix (gpointer    widget,
                           const char *prefix)
{
  g_autofree char *description = dup_property (widget, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);

  if (!g_str_has_prefix (description, prefix))
    g_error ("description \"%s\" does not start with \"%s\"", description, prefix);
}

/* The grid says the active cell as real keys move the cursor and edit */
static void
test_sheet_announces_cell (Fixture       *f,
                           gconstpointer  data)
{
  BkSheetView *sheet = bk_window_get_sheet (f->window);
  g_autofree char *announced = NULL;

  gtk_test_accessible_assert_role (sheet, GTK_ACCESSIBLE_ROLE_GRID);
  gtk_test_accessible_assert_property (sheet, GTK_ACCESSIBLE_PROPERTY_LABEL, "CapEx");
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (sheet)));

  /* What it says is the announcement, note included */
  announced = bk_sheet_view_dup_cell_announcement (sheet);
  g_assert_nonnull (announced);
  gtk_test_accessible_assert_property (sheet, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, announced);
  assert_description_prefix (sheet, "Microsoft, 2023, CapEx: 28.10 US$ B. Note: ");

  bk_test_send_keys (GTK_WINDOW (f->window), "Down", NULL);
  assert_description_prefix (sheet, "Alphabet, 2023, CapEx: 32.30 US$ B");
  bk_test_send_keys (GTK_WINDOW (f->window), "Right", NULL);
  assert_description_prefix (sheet, "Alphabet, 2024, CapEx: 52.50 US$ B");

  /* An edit where the cursor stays, then its undo */
  bk_test_send_keys (GTK_WINDOW (f->window), "Delete", NULL);
  assert_description_prefix (sheet, "Alphabet, 2024, CapEx: empty");
  bk_test_send_keys (GTK_WINDOW (f->window), "ctrl+z", NULL);
  assert_description_prefix (sheet, "Alphabet, 2024, CapEx: 52.50 US$ B");

  /* A typed value with its unit */
  bk_test_type_text (GTK_WINDOW (f->window), "61.5");
  bk_test_send_keys (GTK_WINDOW (f->window), "Return", "Up", NULL);
  assert_description_prefix (sheet, "Alphabet, 2024, CapEx: 61.50 US$ B");
}

/* Charts: named by their title, described by their numbers, anew when
 * the numbers change; the ⋮ button names its chart */
static void
test_chart_descriptions (Fixture       *f,
                         gconstpointer  data)
{
  GtkWidget *chart = find_mapped (GTK_WIDGET (f->window), is_mapped_chart);
  GtkWidget *menu = find_mapped (GTK_WIDGET (f->window), is_chart_menu);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_assert_nonnull (chart);
  g_assert_nonnull (menu);
  gtk_test_accessible_assert_property (chart, GTK_ACCESSIBLE_PROPERTY_LABEL, "Capital expenditure by company");
  gtk_test_accessible_assert_property (menu, GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      "Chart options: Capital expenditure by company");
  assert_description_prefix (chart, "Capital expenditure by company: Microsoft $28.1B in 2023 to $167B in 2027, ");
  before = dup_property (chart, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
  g_assert_nonnull (strstr (before, "Highest: Amazon in 2027, $220B."));
  g_assert_true (g_str_has_suffix (before, "US$ billion, Base"));

  /* Microsoft's 2023 CapEx, typed: the description follows */
  bk_test_type_text (GTK_WINDOW (f->window), "30");
  bk_test_send_keys (GTK_WINDOW (f->window), "Return", NULL);
  BK_WAIT_FOR (property_differs (chart, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, before));
  assert_description_prefix (chart, "Capital expenditure by company: Microsoft $30B in 2023 to $167B in 2027, ");

  /* Results: NPV by company, one value a company, and the extremes */
  bk_window_set_page (f->window, "assumptions");
  BK_WAIT_FOR (find_mapped (GTK_WIDGET (f->window), is_mapped_chart) != NULL &&
               find_mapped (GTK_WIDGET (f->window), is_mapped_chart) != chart);
  chart = find_mapped (GTK_WIDGET (f->window), is_mapped_chart);
  g_assert_nonnull (chart);
  after = dup_property (chart, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
  g_assert_true (g_str_has_prefix (after, "Net present value by company: Microsoft $"));
  g_assert_nonnull (strstr (after, ". Highest: Microsoft, $"));
  g_assert_nonnull (strstr (after, ". Lowest: Amazon, −$"));
}

/* The ⋮ menu is built when it is first opened, and then offers Export
 * and Copy for its chart */
static void
test_chart_menu_opens (Fixture       *f,
                       gconstpointer  data)
{
  GtkWidget *button = find_mapped (GTK_WIDGET (f->window), is_chart_menu);
  GMenuModel *model;
  GtkPopover *popover;
  g_autofree char *action = NULL;

  BK_TEST_REQUIRE_XDOTOOL ();
  g_assert_nonnull (button);
  g_assert_null (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button)));
  g_assert_null (gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (button)));

  bk_test_click (button, gtk_widget_get_width (button) / 2.0, gtk_widget_get_height (button) / 2.0, 1);
  BK_WAIT_FOR ((popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (button))) != NULL &&
               gtk_widget_get_mapped (GTK_WIDGET (popover)));
  g_assert_true (GTK_IS_POPOVER_MENU (popover));
  model = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (button));
  g_assert_nonnull (model);
  g_assert_cmpint (g_menu_model_get_n_items (model), ==, 2);
  g_assert_true (g_menu_model_get_item_attribute (model, 0, G_MENU_ATTRIBUTE_ACTION, "s", &action));
  g_assert_cmpstr (action, ==, "win.export-chart");
  g_clear_pointer (&action, g_free);
  g_assert_true (g_menu_model_get_item_attribute (model, 1, G_MENU_ATTRIBUTE_ACTION, "s", &action));
  g_assert_cmpstr (action, ==, "win.copy-chart");
  gtk_popover_popdown (popover);
  BK_WAIT_FOR (!gtk_widget_get_mapped (GTK_WIDGET (popover)));
}

int
main (int   argc,
      char *argv[])
{
  BkApplication *app = bk_test_app_init (&argc, &argv, "test-window-a11y");

#define ADD(path, func) \
  g_test_add ("/window-a11y/" path, Fixture, NULL, bk_test_app_window_setup, func, \
              bk_test_app_window_teardown)
  ADD ("named-controls", test_named_controls);
  ADD ("sheet-announces-cell", test_sheet_announces_cell);
  ADD ("chart-descriptions", test_chart_descriptions);
  ADD ("chart-menu-opens", test_chart_menu_opens);
#undef ADD

  return bk_test_app_run (app);
}
