/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-sheet-view-draw.c — painting the grid's cells and headers (Gnumeric's item-grid)
 *
 * The colours come from the current style's named colours, so the grid
 * follows light and dark; cells are painted with the view's reused Pango
 * layouts, tinted by their flags (invalid, overridden, total, read-only),
 * with numbers right-aligned ("###" when too narrow) and text ellipsized;
 * column headers wrap onto two lines, their columns widened until they do.
 * bk_sheet_view_snapshot() in bk-sheet-view.c composes these with the grid
 * lines, the selection, the editor and the cursor.
 */

#include "config.h"

#include <string.h>

#include "bk-sheet-view-private.h"

static void
lookup_color (GtkStyleContext *context,
              const char      *name,
              const GdkRGBA   *fallback,
              GdkRGBA         *color)
{
  if (!gtk_style_context_lookup_color (context, name, color))
    *color = *fallback;
}

static GdkRGBA
with_alpha (const GdkRGBA *color,
            float          alpha)
{
  GdkRGBA result = *color;

  result.alpha *= alpha;

  return result;
}

void
bk_sheet_view_load_palette (BkSheetView *self,
                            Palette     *pal)
{
  GtkStyleContext *context = gtk_widget_get_style_context (GTK_WIDGET (self));
  const GdkRGBA blue = { 0.21f, 0.52f, 0.89f, 1.f };
  const GdkRGBA red = { 0.75f, 0.11f, 0.16f, 1.f };
  const GdkRGBA yellow = { 0.96f, 0.76f, 0.07f, 1.f };
  GdkRGBA fallback, warning;

  /* Named colours of the current style (libadwaita defines them for light
   * and dark), so the grid follows the style manager; the fallbacks are for
   * plain GTK themes. */
  gtk_style_context_get_color (context, &pal->fg);
  fallback = with_alpha (&pal->fg, 0.15f);
  lookup_color (context, "borders", &fallback, &pal->border);
  if (!gtk_style_context_lookup_color (context, "view_bg_color", &pal->view_bg) &&
      !gtk_style_context_lookup_color (context, "theme_base_color", &pal->view_bg))
    pal->view_bg = (GdkRGBA) { 1.f - pal->fg.red, 1.f - pal->fg.green, 1.f - pal->fg.blue, 1.f };
  lookup_color (context, "accent_bg_color", &blue, &pal->accent_bg);
  lookup_color (context, "accent_color", &pal->accent_bg, &pal->accent);
  lookup_color (context, "error_color", &red, &pal->error);
  lookup_color (context, "warning_bg_color", &yellow, &warning);
  lookup_color (context, "warning_color", &warning, &pal->warning);

  pal->dim = with_alpha (&pal->fg, 0.5f);
  pal->header_fg = with_alpha (&pal->fg, 0.75f);
  pal->selection = with_alpha (&pal->accent_bg, 0.18f);
  pal->header_selection = with_alpha (&pal->accent_bg, 0.25f);
  pal->header_bg = with_alpha (&pal->fg, 0.05f);
  pal->error_tint = with_alpha (&pal->error, 0.12f);
  pal->override_tint = with_alpha (&warning, 0.22f);
  pal->read_only_tint = with_alpha (&pal->fg, 0.035f);
  pal->total_tint = with_alpha (&pal->fg, 0.06f);
  pal->cursor_unfocused = with_alpha (&pal->fg, 0.45f);
}

/* Draws @text in a cell box; numbers right-aligned ("###" when too narrow),
 * text left-aligned and ellipsized, headers centred. */
static void
draw_text (BkSheetView   *self,
           GtkSnapshot   *snapshot,
           guint          layout_index,
           const char    *text,
           int            len,
           int            x,
           int            y,
           int            width,
           PangoAlignment align,
           gboolean       is_number,
           const GdkRGBA *color)
{
  static const char hashes[] = "################################";
  PangoLayout *layout = self->layouts[layout_index];
  int avail = width - 2 * CELL_PAD_X;
  int text_width, tx;

  if (avail <= 0 || len == 0)
    return;

  if (is_number)
    {
      pango_layout_set_width (layout, -1);
      pango_layout_set_text (layout, text, len);
      pango_layout_get_pixel_size (layout, &text_width, NULL);
      if (text_width > avail)
        {
          int n = MIN ((int) sizeof hashes - 1, MAX (1, avail / self->hash_width));

          pango_layout_set_text (layout, hashes, n);
          text_width = n * self->hash_width;
        }
    }
  else
    {
      pango_layout_set_width (layout, avail * PANGO_SCALE);
      pango_layout_set_text (layout, text, len);
      if (align == PANGO_ALIGN_LEFT)
        text_width = 0;
      else
        pango_layout_get_pixel_size (layout, &text_width, NULL);
    }

  switch (align)
    {
    case PANGO_ALIGN_RIGHT:
      tx = x + width - CELL_PAD_X - text_width;
      break;
    case PANGO_ALIGN_CENTER:
      tx = x + (width - text_width) / 2;
      break;
    case PANGO_ALIGN_LEFT:
    default:
      tx = x + CELL_PAD_X;
      break;
    }

  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (tx, y + CELL_PAD_Y));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (-tx, -(y + CELL_PAD_Y)));
}

/* Column headers' lines */

/* Where a header that does not fit on one line breaks first: before a
 * full-width parenthesis, so the unit goes whole onto its own line
 * ("净现值" / "（十亿美元）", not "净现值（十" / "亿美元）"); -1 for none */
static int
header_break (const char *text,
              int         len)
{
  const char *paren = g_strstr_len (text, len, "（");

  return paren != NULL && paren > text ? (int) (paren - text) : -1;
}

/* A short header of Chinese (no spaces, no unit) stays on one line: pango
 * would break it anywhere between characters ("投资回报" / "率") */
static gboolean
header_one_line (const char *text,
                 int         len)
{
  return header_break (text, len) < 0 && memchr (text, ' ', len) == NULL &&
         g_utf8_strlen (text, len) <= 8;
}

/* Sets @layout to @text as a header @avail wide wraps it: in words, or
 * at header_break() first */
static void
set_header_text (BkSheetView *self,
                 PangoLayout *layout,
                 const char  *text,
                 int          len,
                 int          avail)
{
  int at = header_break (text, len);
  /* Measured first: it uses the bold layout, which may be @layout */
  gboolean split_it = at > 0 && bk_sheet_view_measure_text (self, LAYOUT_BOLD, text, len) > avail;

  /* The layouts are the cells': one paragraph, a newline drawn as a glyph */
  pango_layout_set_single_paragraph_mode (layout, !split_it);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD);
  pango_layout_set_width (layout, MAX (avail, 1) * PANGO_SCALE);
  if (split_it)
    {
      g_autoptr(GString) split = g_string_new_len (text, at);

      g_string_append_c (split, '\n');
      g_string_append_len (split, text + at, len - at);
      pango_layout_set_text (layout, split->str, (int) split->len);
    }
  else
    pango_layout_set_text (layout, text, len);
}

int
bk_sheet_view_header_lines (BkSheetView *self,
                            const char  *text,
                            int          len,
                            int          width)
{
  /* Bold: a chosen column's header is bold and must fit as well */
  PangoLayout *layout = self->layouts[LAYOUT_BOLD];
  int avail = width - 2 * CELL_PAD_X;
  int lines;

  if (avail <= 0)
    return G_MAXINT;
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_NONE);
  set_header_text (self, layout, text, len, avail);
  lines = pango_layout_get_line_count (layout);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_single_paragraph_mode (layout, TRUE);
  return lines;
}

char *
bk_sheet_view_dup_row_header_tooltip (BkSheetView *self,
                                      guint        row)
{
  g_return_val_if_fail (BK_IS_SHEET_VIEW (self), NULL);
  g_return_val_if_fail (row < self->n_rows, NULL);

  bk_sheet_view_ensure_metrics (self);
  bk_table_model_get_row_header (self->model, row, self->scratch);
  if (bk_sheet_view_measure_text (self, LAYOUT_BOLD, self->scratch->str, (int) self->scratch->len)
      + 2 * CELL_PAD_X <= self->row_header_width)
    return NULL;
  return g_strdup (self->scratch->str);
}

/* Headers longer than their column wrap onto a second line, the column
 * widening until two lines hold them; the header row is as tall as the
 * most lines any header needs */
void
bk_sheet_view_fit_column_headers (BkSheetView *self)
{
  int lines = 1;

  for (guint c = 0; self->model != NULL && c < self->n_columns; c++)
    {
      int width, needed, max_lines;

      g_string_truncate (self->scratch, 0);
      bk_table_model_get_column_header (self->model, c, self->scratch);
      width = bk_sheet_view_measure_text (self, LAYOUT_BOLD, self->scratch->str, (int) self->scratch->len)
              + 2 * CELL_PAD_X;
      if (width <= self->column_widths[c])
        continue;
      max_lines = header_one_line (self->scratch->str, (int) self->scratch->len) ? 1 : MAX_HEADER_LINES;
      while ((needed = bk_sheet_view_header_lines (self, self->scratch->str, (int) self->scratch->len,
                                                   self->column_widths[c])) > max_lines &&
             self->column_widths[c] < width)
        self->column_widths[c] += self->digit_width;
      lines = MAX (lines, MIN (needed, MAX_HEADER_LINES));
    }

  self->needed_header_lines = lines;
  bk_sheet_view_set_header_height (self);
}

/* The header row: the lines its headers need, or the sheet beside's */
void
bk_sheet_view_set_header_height (BkSheetView *self)
{
  int lines = MAX (self->needed_header_lines, self->min_header_lines);

  if (self->header_lines != lines)
    gtk_widget_queue_resize (GTK_WIDGET (self));
  self->header_lines = lines;
  self->header_height = lines * self->text_height + 2 * CELL_PAD_Y + 2;
}

/* A column header: centred, wrapped onto the header's lines (words, or
 * between CJK characters), "…" only past them */
static void
draw_column_header (BkSheetView   *self,
                    GtkSnapshot   *snapshot,
                    guint          layout_index,
                    const char    *text,
                    int            len,
                    int            x,
                    int            width,
                    const GdkRGBA *color)
{
  PangoLayout *layout = self->layouts[layout_index];
  int avail = width - 2 * CELL_PAD_X;
  int text_height, ty;

  if (avail <= 0 || len == 0)
    return;

  pango_layout_set_height (layout, -self->header_lines);
  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  set_header_text (self, layout, text, len, avail);
  pango_layout_get_pixel_size (layout, NULL, &text_height);
  ty = MAX (0, (self->header_height - 1 - text_height) / 2);

  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x + CELL_PAD_X, ty));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (-(x + CELL_PAD_X), -ty));

  /* The layouts are shared with the cells: one line, left-aligned again */
  pango_layout_set_single_paragraph_mode (layout, TRUE);
  pango_layout_set_height (layout, -1);
  pango_layout_set_alignment (layout, PANGO_ALIGN_LEFT);
}

/* A small triangle in a top corner (right: a note; left: a warning): a
 * square turned 45° around the corner, clipped to the cell. */
static void
draw_corner_mark (GtkSnapshot   *snapshot,
                  const GdkRGBA *color,
                  int            x,
                  int            y,
                  int            width,
                  gboolean       left)
{
  float half = NOTE_MARK_SIZE * (float) G_SQRT2 / 2.f;
  int corner = left ? x + 1 : x + width - 1;

  gtk_snapshot_push_clip (snapshot,
                          &GRAPHENE_RECT_INIT (left ? corner : corner - NOTE_MARK_SIZE, y,
                                               NOTE_MARK_SIZE, NOTE_MARK_SIZE));
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (corner, y));
  gtk_snapshot_rotate (snapshot, 45.f);
  gtk_snapshot_append_color (snapshot, color,
                             &GRAPHENE_RECT_INIT (-half, -half, 2 * half, 2 * half));
  gtk_snapshot_restore (snapshot);
  gtk_snapshot_pop (snapshot);
}

void
bk_sheet_view_draw_cells (BkSheetView   *self,
                          GtkSnapshot   *snapshot,
                          const Palette *pal,
                          int            first_row,
                          int            last_row,
                          int            first_column,
                          int            last_column)
{
  int hw = self->row_header_width;
  int hh = self->header_height;
  int hoff = bk_sheet_view_h_offset (self);
  int voff = bk_sheet_view_v_offset (self);
  GString *text = self->scratch;

  for (int r = first_row; r <= last_row; r++)
    {
      int y = hh + r * self->row_height - voff;

      for (int c = first_column; c <= last_column; c++)
        {
          int x = hw + self->column_x[c] - hoff;
          int w = self->column_widths[c];
          BkTableCellFlags flags = bk_table_model_get_cell (self->model, r, c, text);
          const GdkRGBA *color = &pal->fg;
          guint layout_index = 0;

          self->n_drawn_cells++;

          if (flags & BK_TABLE_CELL_INVALID)
            bk_sheet_view_fill_rect (snapshot, &pal->error_tint, x, y, w, self->row_height);
          else if (flags & BK_TABLE_CELL_OVERRIDDEN)
            bk_sheet_view_fill_rect (snapshot, &pal->override_tint, x, y, w, self->row_height);
          else if (flags & BK_TABLE_CELL_TOTAL)
            bk_sheet_view_fill_rect (snapshot, &pal->total_tint, x, y, w, self->row_height);
          else if (flags & BK_TABLE_CELL_READ_ONLY)
            bk_sheet_view_fill_rect (snapshot, &pal->read_only_tint, x, y, w, self->row_height);

          if (flags & BK_TABLE_CELL_NOTE)
            draw_corner_mark (snapshot, &pal->accent_bg, x, y, w, FALSE);
          if (flags & BK_TABLE_CELL_WARNING)
            {
              /* A corner mark and an underline, in the warning colour */
              draw_corner_mark (snapshot, &pal->warning, x, y, w, TRUE);
              bk_sheet_view_fill_rect (snapshot, &pal->warning, x + 1, y + self->row_height - 3, w - 2, 2);
            }

          if (text->len == 0 || (self->editing && r == self->edit_row && c == self->edit_column))
            continue;

          if (flags & BK_TABLE_CELL_INVALID)
            color = &pal->error;
          else if (flags & (BK_TABLE_CELL_INHERITED | BK_TABLE_CELL_BLANK))
            color = &pal->dim;

          if (flags & BK_TABLE_CELL_TOTAL)
            layout_index |= LAYOUT_BOLD;
          if (flags & BK_TABLE_CELL_FORMULA)
            layout_index |= LAYOUT_ITALIC;

          if (flags & BK_TABLE_CELL_TEXT)
            draw_text (self, snapshot, layout_index, text->str, text->len,
                       x, y, w, PANGO_ALIGN_LEFT, FALSE, color);
          else
            draw_text (self, snapshot, layout_index, text->str, text->len,
                       x, y, w, PANGO_ALIGN_RIGHT, TRUE, color);
        }
    }
}

void
bk_sheet_view_draw_headers (BkSheetView   *self,
                            GtkSnapshot   *snapshot,
                            const Palette *pal,
                            int            width,
                            int            height,
                            int            first_row,
                            int            last_row,
                            int            first_column,
                            int            last_column)
{
  int hw = self->row_header_width;
  int hh = self->header_height;
  int hoff = bk_sheet_view_h_offset (self);
  int voff = bk_sheet_view_v_offset (self);
  int r0, c0, r1, c1;
  gboolean have_cells = first_row >= 0 && first_column >= 0;

  bk_sheet_selection_get_bounds (self->selection, &r0, &c0, &r1, &c1);

  /* Opaque backgrounds so cells scrolled underneath do not show. */
  bk_sheet_view_fill_rect (snapshot, &pal->view_bg, 0, 0, width, hh);
  bk_sheet_view_fill_rect (snapshot, &pal->view_bg, 0, hh, hw, height - hh);
  bk_sheet_view_fill_rect (snapshot, &pal->header_bg, 0, 0, width, hh);
  bk_sheet_view_fill_rect (snapshot, &pal->header_bg, 0, hh, hw, height - hh);

  if (have_cells)
    {
      gboolean whole_columns = bk_sheet_selection_is_whole_columns (self->selection);
      gboolean whole_rows = bk_sheet_selection_is_whole_rows (self->selection);

      /* Column headers: period labels, centred */
      gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (hw, 0, MAX (0, width - hw), hh));
      for (int c = first_column; c <= last_column; c++)
        {
          int x = hw + self->column_x[c] - hoff;
          int w = self->column_widths[c];
          gboolean selected = c >= c0 && c <= c1;

          if (selected)
            bk_sheet_view_fill_rect (snapshot, &pal->header_selection, x, 0, w, hh);
          bk_table_model_get_column_header (self->model, c, self->scratch);
          draw_column_header (self, snapshot, selected && whole_columns ? LAYOUT_BOLD : 0,
                              self->scratch->str, (int) self->scratch->len, x, w,
                              selected ? &pal->accent : &pal->header_fg);
          bk_sheet_view_fill_rect (snapshot, &pal->border, x + w - 1, 0, 1, hh);
        }
      gtk_snapshot_pop (snapshot);

      /* Row headers: names, left-aligned */
      gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (0, hh, hw, MAX (0, height - hh)));
      for (int r = first_row; r <= last_row; r++)
        {
          int y = hh + r * self->row_height - voff;
          gboolean selected = r >= r0 && r <= r1;

          if (selected)
            bk_sheet_view_fill_rect (snapshot, &pal->header_selection, 0, y, hw, self->row_height);
          bk_table_model_get_row_header (self->model, r, self->scratch);
          draw_text (self, snapshot, selected && whole_rows ? LAYOUT_BOLD : 0,
                     self->scratch->str, self->scratch->len,
                     0, y, hw, PANGO_ALIGN_LEFT, FALSE,
                     selected ? &pal->accent : &pal->header_fg);
          bk_sheet_view_fill_rect (snapshot, &pal->border, 0, y + self->row_height - 1, hw, 1);
        }
      gtk_snapshot_pop (snapshot);
    }

  bk_sheet_view_fill_rect (snapshot, &pal->border, 0, hh - 1, width, 1);
  bk_sheet_view_fill_rect (snapshot, &pal->border, hw - 1, 0, 1, height);
}

char *
bk_sheet_view_dup_column_header_lines (BkSheetView *self,
                                       guint        column)
{
  PangoLayout *layout;
  GString *lines = g_string_new (NULL);
  const char *text;

  g_return_val_if_fail (BK_IS_SHEET_VIEW (self), NULL);
  g_return_val_if_fail (column < self->n_columns, NULL);

  bk_sheet_view_ensure_metrics (self);
  g_string_truncate (self->scratch, 0);
  bk_table_model_get_column_header (self->model, column, self->scratch);
  layout = self->layouts[LAYOUT_BOLD];
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_NONE);
  set_header_text (self, layout, self->scratch->str, (int) self->scratch->len,
                   (int) self->column_widths[column] - 2 * CELL_PAD_X);
  text = pango_layout_get_text (layout);
  for (GSList *l = pango_layout_get_lines_readonly (layout); l != NULL; l = l->next)
    {
      PangoLayoutLine *line = l->data;
      int n = line->length;

      /* A paragraph's end is not part of its line */
      while (n > 0 && text[line->start_index + n - 1] == '\n')
        n--;
      if (lines->len > 0)
        g_string_append_c (lines, '\n');
      g_string_append_len (lines, text + line->start_index, n);
    }
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_single_paragraph_mode (layout, TRUE);
  return g_string_free (lines, FALSE);
}
