/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-window-dnd.c — files dropped on a window open as documents (pattern:
 * GNOME Text Editor's editor-window-dnd.c) */
#include "config.h"

#include "bk-application.h"
#include "bk-window-private.h"

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         BkWindow      *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  GSList *files;

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST) || !BK_IS_APPLICATION (app))
    return FALSE;
  files = g_value_get_boxed (value);
  if (files == NULL)
    return FALSE;

  /* Each one as if opened from the file chooser: the application picks the
   * window (this one when it holds nothing worth keeping) */
  for (GSList *l = files; l; l = l->next)
    bk_application_open_file (BK_APPLICATION (app), l->data);
  return TRUE;
}

void
bk_window_init_dnd (BkWindow *self)
{
  GtkDropTarget *drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

  g_signal_connect (drop, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));
}
