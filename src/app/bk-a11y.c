/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-a11y.c — names for controls whose parts GTK 4.8 leaves unnamed
 *
 * A GtkMenuButton is a button around a toggle button (which GTK labels
 * by the menu button); an AdwSplitButton holds a button and a
 * GtkMenuButton.  GTK 4.8 names no menu button from its icon, label or
 * tooltip, so a screen reader says "GtkMenuButton"; and a button with a
 * mnemonic label is named "_Open Open", the raw label then the shown one.
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "bk-a11y.h"

static void
label_one (GtkWidget  *widget,
           const char *label)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
}

void
bk_a11y_set_label (GtkWidget  *widget,
                   const char *label)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (label != NULL);

  if (ADW_IS_SPLIT_BUTTON (widget))
    {
      /* The button keeps its own label; the arrow is the part to name */
      for (GtkWidget *child = gtk_widget_get_first_child (widget);
           child != NULL;
           child = gtk_widget_get_next_sibling (child))
        if (GTK_IS_MENU_BUTTON (child))
          bk_a11y_set_label (child, label);
      return;
    }

  /* A menu button's toggle is labelled by the menu button already */
  label_one (widget, label);
}

/* "_Export" → "Export"; "__" stands for one underscore */
static char *
strip_mnemonic (const char *text)
{
  GString *out = g_string_sized_new (strlen (text));

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '_')
        {
          if (p[1] != '_')
            continue;
          p++;
        }
      g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

static GtkWidget *
find_label (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *label = find_label (child);

      if (label != NULL)
        return label;
    }
  return NULL;
}

/* GTK 4.8 does not read a described-by relation: the text is copied */
static void
describe_by_label (GtkLabel   *label,
                   GParamSpec *pspec,
                   GtkWidget  *widget)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, gtk_label_get_text (label),
                                  -1);
}

static char *
menu_button_name (GtkMenuButton *button)
{
  const char *label = gtk_menu_button_get_label (button);
  const char *tooltip = gtk_widget_get_tooltip_text (GTK_WIDGET (button));

  if (label != NULL && *label != '\0')
    return gtk_menu_button_get_use_underline (button) ? strip_mnemonic (label) : g_strdup (label);
  if (tooltip != NULL && *tooltip != '\0')
    return g_strdup (tooltip);
  return NULL;
}

/* A drop-down's button is named by what it shows, as that changes */
static void
name_dropdown (GtkDropDown *dropdown,
               GParamSpec  *pspec,
               GtkWidget   *button)
{
  GObject *item = gtk_drop_down_get_selected_item (dropdown);
  const char *tooltip = gtk_widget_get_tooltip_text (GTK_WIDGET (dropdown));

  const char *name = tooltip != NULL && *tooltip != '\0' ? tooltip
                     : GTK_IS_STRING_OBJECT (item) ? gtk_string_object_get_string (GTK_STRING_OBJECT (item))
                     : NULL;

  if (name == NULL)
    return;
  bk_a11y_set_label (GTK_WIDGET (dropdown), name);
  bk_a11y_set_label (button, name);
}

static GtkWidget *
find_toggle_button (GtkWidget *root)
{
  if (GTK_IS_TOGGLE_BUTTON (root))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_toggle_button (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

void
bk_a11y_name_controls (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  if (GTK_IS_DROP_DOWN (root))
    {
      GtkWidget *button = find_toggle_button (root);

      if (button != NULL)
        {
          g_signal_connect_object (root, "notify::selected-item", G_CALLBACK (name_dropdown), button, 0);
          name_dropdown (GTK_DROP_DOWN (root), NULL, button);
        }
      return;
    }
  if (GTK_IS_SCROLLED_WINDOW (root))
    bk_a11y_name_scrollbars (root);
  if (GTK_IS_SPIN_BUTTON (root))
    {
      /* Its − and + buttons, which GTK 4.8 reads as "GtkButton" */
      for (GtkWidget *child = gtk_widget_get_first_child (root);
           child != NULL;
           child = gtk_widget_get_next_sibling (child))
        if (GTK_IS_BUTTON (child))
          bk_a11y_set_label (child, gtk_widget_has_css_class (child, "up") ? C_("spin button", "Increase")
                                                                          : C_("spin button", "Decrease"));
      return;
    }

  if (ADW_IS_SPLIT_BUTTON (root))
    {
      const char *tooltip = adw_split_button_get_dropdown_tooltip (ADW_SPLIT_BUTTON (root));

      if (tooltip != NULL && *tooltip != '\0')
        bk_a11y_set_label (root, tooltip);
      for (GtkWidget *child = gtk_widget_get_first_child (root);
           child != NULL;
           child = gtk_widget_get_next_sibling (child))
        if (!GTK_IS_MENU_BUTTON (child))
          bk_a11y_name_controls (child);
      return;
    }
  if (GTK_IS_BUTTON (root) && gtk_button_get_use_underline (GTK_BUTTON (root)) &&
      gtk_button_get_label (GTK_BUTTON (root)) != NULL)
    {
      /* The label widget inside names it without the underscore */
      gtk_accessible_reset_property (GTK_ACCESSIBLE (root), GTK_ACCESSIBLE_PROPERTY_LABEL);
      return;
    }
  if (GTK_IS_MENU_BUTTON (root))
    {
      g_autofree char *name = menu_button_name (GTK_MENU_BUTTON (root));
      GtkWidget *child = gtk_menu_button_get_child (GTK_MENU_BUTTON (root));
      GtkWidget *shown = child != NULL ? find_label (child) : NULL;

      if (name != NULL)
        bk_a11y_set_label (root, name);
      /* What it shows (the scenario's name) describes it, as it changes,
       * rather than a tooltip that repeats its name */
      if (shown != NULL)
        {
          g_signal_connect_object (shown, "notify::label", G_CALLBACK (describe_by_label), root, 0);
          describe_by_label (GTK_LABEL (shown), NULL, root);
        }
      return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    bk_a11y_name_controls (child);
}

void
bk_a11y_name_scrollbars (GtkWidget *scrolled_window)
{
  GtkScrolledWindow *scroller;

  g_return_if_fail (GTK_IS_SCROLLED_WINDOW (scrolled_window));

  scroller = GTK_SCROLLED_WINDOW (scrolled_window);
  /* Translators: the accessible names of scroll bars ("Horizontal scroll bar") */
  label_one (gtk_scrolled_window_get_hscrollbar (scroller), C_("scroll bar", "Horizontal"));
  label_one (gtk_scrolled_window_get_vscrollbar (scroller), C_("scroll bar", "Vertical"));
}
