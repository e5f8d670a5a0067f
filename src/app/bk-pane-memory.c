/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-pane-memory.c — dividers that fit the sheet, or stay where the
 * person put them
 *
 * GtkPaned on its own puts the divider at its start child's minimum size
 * (a sheet shows a column or two).  Here the page that holds the paned
 * fits the divider to the start child's natural size in each allocation,
 * before it allocates the paned; once the person drags it, it stays.  The positions of all pages live in one a{si} key, by name, and
 * a write waits until the divider has been still for a moment, so a drag
 * costs one write. */
#include "config.h"

#include "bk-pane-memory.h"

#define KEY            "pane-positions"
#define SAVE_DELAY_MS  300
#define MEMORY_DATA    "bk-pane-memory"
#define HANDLE_ROOM    8    /* a wide handle, and some slack */

typedef struct
{
  GtkPaned  *paned;     /* unowned: the memory goes with it */
  GSettings *settings;  /* or NULL: nothing is remembered */
  char      *name;
  guint      save_id;
  gboolean   automatic;
  gboolean   fitting;   /* our own gtk_paned_set_position () */
  double     max_share; /* of the room, for the start child's natural size */
  int        offset;    /* bk_pane_memory_set_steps() */
  int        step;
  int        end_room;  /* bk_pane_memory_set_end_room() */
} Memory;

static void
memory_free (Memory *memory)
{
  g_clear_handle_id (&memory->save_id, g_source_remove);
  g_clear_object (&memory->settings);
  g_free (memory->name);
  g_free (memory);
}

static gboolean
save_cb (gpointer data)
{
  Memory *memory = data;
  g_autoptr(GVariant) old = g_settings_get_value (memory->settings, KEY);
  GVariantBuilder builder;
  GVariantIter iter;
  const char *name;
  int position;

  memory->save_id = 0;

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a{si}"));
  g_variant_iter_init (&iter, old);
  while (g_variant_iter_next (&iter, "{&si}", &name, &position))
    if (g_strcmp0 (name, memory->name) != 0)
      g_variant_builder_add (&builder, "{si}", name, position);
  g_variant_builder_add (&builder, "{si}", memory->name, gtk_paned_get_position (memory->paned));
  g_settings_set_value (memory->settings, KEY, g_variant_builder_end (&builder));

  return G_SOURCE_REMOVE;
}

static void
position_cb (GtkPaned   *paned,
             GParamSpec *pspec,
             Memory     *memory)
{
  gboolean set = FALSE;

  g_object_get (paned, "position-set", &set, NULL);
  if (!set || memory->fitting)
    return;

  /* The person placed it */
  memory->automatic = FALSE;
  if (memory->settings != NULL)
    {
      g_clear_handle_id (&memory->save_id, g_source_remove);
      memory->save_id = g_timeout_add (SAVE_DELAY_MS, save_cb, memory);
    }
}

void
bk_pane_memory_fit (GtkPaned *paned,
                    int       room,
                    int       other)
{
  Memory *memory;
  GtkWidget *start, *end;
  GtkOrientation orientation;
  int start_min, start_nat, end_min, position;

  g_return_if_fail (GTK_IS_PANED (paned));

  memory = g_object_get_data (G_OBJECT (paned), MEMORY_DATA);
  start = gtk_paned_get_start_child (paned);
  end = gtk_paned_get_end_child (paned);
  if (memory == NULL || !memory->automatic || start == NULL || end == NULL || room <= 0)
    return;

  orientation = gtk_orientable_get_orientation (GTK_ORIENTABLE (paned));
  gtk_widget_measure (start, orientation, other, &start_min, &start_nat, NULL, NULL);
  gtk_widget_measure (end, orientation, other, &end_min, NULL, NULL, NULL);
  position = MIN (start_nat, (int) (memory->max_share * room));
  position = MIN (position, room - MAX (end_min, memory->end_room) - HANDLE_ROOM);
  if (memory->step > 0 && position < start_nat && position > memory->offset)
    position = memory->offset + (position - memory->offset) / memory->step * memory->step;
  position = MAX (position, start_min);

  if (position != gtk_paned_get_position (paned))
    {
      memory->fitting = TRUE;
      gtk_paned_set_position (paned, position);
      memory->fitting = FALSE;
    }
}

void
bk_pane_memory_attach (GtkPaned   *paned,
                       GSettings  *settings,
                       const char *name,
                       double      max_share)
{
  Memory *memory;
  int position;

  g_return_if_fail (GTK_IS_PANED (paned));
  g_return_if_fail (settings == NULL || G_IS_SETTINGS (settings));
  g_return_if_fail (name != NULL);
  g_return_if_fail (max_share > 0 && max_share <= 1);
  g_return_if_fail (g_object_get_data (G_OBJECT (paned), MEMORY_DATA) == NULL);

  memory = g_new0 (Memory, 1);
  memory->paned = paned;
  memory->settings = settings ? g_object_ref (settings) : NULL;
  memory->name = g_strdup (name);
  memory->automatic = TRUE;
  memory->max_share = max_share;
  g_object_set_data_full (G_OBJECT (paned), MEMORY_DATA, memory, (GDestroyNotify) memory_free);

  if (settings != NULL)
    {
      g_autoptr(GVariant) positions = g_settings_get_value (settings, KEY);

      if (g_variant_lookup (positions, name, "i", &position) && position >= 0)
        {
          memory->automatic = FALSE;
          gtk_paned_set_position (paned, position);
        }
    }
  g_signal_connect (paned, "notify::position", G_CALLBACK (position_cb), memory);
}

gboolean
bk_pane_memory_is_automatic (GtkPaned *paned)
{
  Memory *memory;

  g_return_val_if_fail (GTK_IS_PANED (paned), FALSE);

  memory = g_object_get_data (G_OBJECT (paned), MEMORY_DATA);
  return memory != NULL && memory->automatic;
}

void
bk_pane_memory_set_steps (GtkPaned *paned,
                          int       offset,
                          int       step)
{
  Memory *memory;

  g_return_if_fail (GTK_IS_PANED (paned));

  memory = g_object_get_data (G_OBJECT (paned), MEMORY_DATA);
  if (memory == NULL)
    return;
  memory->offset = MAX (offset, 0);
  memory->step = MAX (step, 0);
}

void
bk_pane_memory_set_end_room (GtkPaned *paned,
                             int       room)
{
  Memory *memory;

  g_return_if_fail (GTK_IS_PANED (paned));

  memory = g_object_get_data (G_OBJECT (paned), MEMORY_DATA);
  if (memory != NULL)
    memory->end_room = MAX (room, 0);
}

void
bk_pane_memory_set_sheet_steps (GtkPaned    *paned,
                                GtkWidget   *title,
                                BkSheetView *sheet,
                                int          title_width)
{
  GdkRectangle cell = { 0 };
  int title_h = 0, sheet_min = 0;

  g_return_if_fail (GTK_IS_PANED (paned));
  g_return_if_fail (BK_IS_SHEET_VIEW (sheet));

  /* The area is filled in even when the cell is scrolled out of sight */
  bk_sheet_view_get_cell_area (sheet, 0, 0, &cell);
  if (title == NULL || cell.height <= 0)
    {
      bk_pane_memory_set_steps (paned, 0, 0);
      return;
    }
  gtk_widget_measure (title, GTK_ORIENTATION_VERTICAL, title_width, &title_h, NULL, NULL, NULL);
  /* A sheet's least height is its column headers and one row */
  gtk_widget_measure (GTK_WIDGET (sheet), GTK_ORIENTATION_VERTICAL, -1, &sheet_min, NULL, NULL, NULL);
  bk_pane_memory_set_steps (paned, title_h + sheet_min - cell.height, cell.height);
}
