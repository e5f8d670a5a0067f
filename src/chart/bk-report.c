/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-report.c — the report's pages: laying its blocks out on pages of a
 * size (tables broken between rows under a repeated header), drawing a
 * page with its header and page number, and writing the PDF */

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <math.h>

#include "bk-engine.h"
#include "bk-file-write.h"
#include "bk-report.h"
#include "bk-report-private.h"

#define HEADING_KEEP   72.0  /* room a heading wants below it on its page */
#define BLOCK_GAP       8.0
#define CHART_ASPECT    0.58
#define PAGE_TOP_RULE  (BK_REPORT_MARGIN - 14.0)

static const struct {
  double   size;
  gboolean bold;
  double   space_before;
} text_styles[] = {
  [BK_TEXT_TITLE]      = { 26.0, TRUE, 180.0 },
  [BK_TEXT_SUBTITLE]   = { 15.0, FALSE, 10.0 },
  [BK_TEXT_HEADING]    = { 15.0, TRUE, 14.0 },
  [BK_TEXT_SUBHEADING] = { 11.0, TRUE, 10.0 },
  [BK_TEXT_BODY]       = { 9.5, FALSE, 2.0 },
};

/* One block, or a run of a table's rows, placed on a page */
typedef struct
{
  BkBlock *block;
  double   y;
  double   height;
  guint    first;   /* table rows */
  guint    n_rows;
} Item;

struct _BkReport
{
  GObject         parent_instance;

  BkReportSource  source;
  char           *title;
  PangoContext   *context;
  GPtrArray      *blocks;   /* BkBlock *, for the laid-out width */
  GPtrArray      *pages;    /* GArray of Item */
  GArray         *placements;
  double          width;
  double          height;
};

G_DEFINE_FINAL_TYPE (BkReport, bk_report, G_TYPE_OBJECT)

gboolean
bk_report_paper_from_string (const char    *name,
                             BkReportPaper *paper)
{
  g_return_val_if_fail (paper != NULL, FALSE);

  if (name == NULL)
    return FALSE;
  if (g_ascii_strcasecmp (name, "a4") == 0)
    *paper = BK_REPORT_PAPER_A4;
  else if (g_ascii_strcasecmp (name, "letter") == 0)
    *paper = BK_REPORT_PAPER_LETTER;
  else
    return FALSE;
  return TRUE;
}

void
bk_report_paper_get_size (BkReportPaper  paper,
                          double        *width,
                          double        *height)
{
  g_return_if_fail (width != NULL && height != NULL);

  switch (paper)
    {
    case BK_REPORT_PAPER_LETTER:
      *width = 612;
      *height = 792;
      break;
    case BK_REPORT_PAPER_A4:
    default:
      *width = 595;
      *height = 842;
      break;
    }
}

static void
bk_report_finalize (GObject *object)
{
  BkReport *self = BK_REPORT (object);

  g_clear_object (&self->source.workbook);
  g_clear_pointer (&self->source.results, bk_results_unref);
  g_clear_pointer (&self->source.comparison, bk_comparison_free);
  g_clear_pointer (&self->source.date, g_date_time_unref);
  bk_report_analysis_clear (&self->source);
  g_clear_pointer (&self->title, g_free);
  g_clear_object (&self->context);
  g_clear_pointer (&self->blocks, g_ptr_array_unref);
  g_clear_pointer (&self->pages, g_ptr_array_unref);
  g_clear_pointer (&self->placements, g_array_unref);

  G_OBJECT_CLASS (bk_report_parent_class)->finalize (object);
}

static void
bk_report_class_init (BkReportClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = bk_report_finalize;
}

static void
bk_report_init (BkReport *self)
{
  cairo_font_options_t *options = cairo_font_options_create ();

  /* Unhinted metrics, as the charts: the same layout on paper and in PDF */
  self->context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (self->context, options);
  pango_context_set_round_glyph_positions (self->context, FALSE);
  cairo_font_options_destroy (options);

  self->placements = g_array_new (FALSE, FALSE, sizeof (BkReportRowPlacement));
}

static PangoLayout *
text_layout (BkReport    *self,
             BkTextStyle  style,
             const char  *text,
             double       width)
{
  PangoLayout *layout = pango_layout_new (self->context);
  PangoFontDescription *desc = bk_report_font (text_styles[style].size, text_styles[style].bold);

  pango_layout_set_font_description (layout, desc);
  pango_font_description_free (desc);
  pango_layout_set_text (layout, text, -1);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return ceil (logical.height / (double) PANGO_SCALE);
}

/* The pagination: a cursor down the current page */
typedef struct
{
  BkReport *self;
  GArray   *page;     /* of Item */
  double    top;
  double    bottom;
  double    y;
  guint     table;    /* index of the next table */
} Flow;

static void
flow_new_page (Flow *flow)
{
  flow->page = g_array_new (FALSE, FALSE, sizeof (Item));
  g_ptr_array_add (flow->self->pages, flow->page);
  flow->y = flow->top;
}

static gboolean
flow_page_is_empty (Flow *flow)
{
  return flow->page->len == 0;
}

/* Starts a new page unless @height fits below the cursor (or the page is
 * still empty: then nothing would fit better on the next one) */
static void
flow_need (Flow   *flow,
           double  height)
{
  if (flow->y + height > flow->bottom && !flow_page_is_empty (flow))
    flow_new_page (flow);
}

static void
flow_place (Flow    *flow,
            BkBlock *block,
            double   height,
            guint    first,
            guint    n_rows)
{
  Item item = { block, flow->y, height, first, n_rows };

  g_array_append_val (flow->page, item);
  flow->y += height;
}

static void
place_placement (Flow   *flow,
                 guint   row,
                 double  top,
                 double  bottom)
{
  BkReportRowPlacement placement = { flow->table, row, flow->self->pages->len - 1, top, bottom };

  g_array_append_val (flow->self->placements, placement);
}

static void
flow_table (Flow    *flow,
            BkBlock *block,
            double   width)
{
  BkReportTable *table = block->table;
  guint n_rows = bk_report_table_get_n_rows (table);
  double header;
  guint first = 0;

  bk_report_table_layout (table, flow->self->context, width);
  header = bk_report_table_get_header_height (table);

  do
    {
      double y, height = header;
      guint n = 0;

      /* The header with at least one row, on this page or the next */
      flow_need (flow, header + (n_rows > 0 ? bk_report_table_get_row_height (table, first) : 0));
      y = flow->y;
      place_placement (flow, G_MAXUINT, y, y + header);
      while (first + n < n_rows)
        {
          double row_height = bk_report_table_get_row_height (table, first + n);

          /* Whole rows only; a row taller than a page gets a page of its own */
          if (n > 0 && y + height + row_height > flow->bottom)
            break;
          place_placement (flow, first + n, y + height, y + height + row_height);
          height += row_height;
          n++;
        }
      flow_place (flow, block, height, first, n);
      first += n;
      if (first < n_rows)
        flow_new_page (flow);
    }
  while (first < n_rows);

  flow->y += BLOCK_GAP;
  flow->table++;
}

static void
layout_pages (BkReport *self)
{
  double width = self->width - 2 * BK_REPORT_MARGIN;
  Flow flow = { self, NULL, BK_REPORT_MARGIN, self->height - BK_REPORT_MARGIN, 0, 0 };
  double chart_height = floor (MIN (width * CHART_ASPECT, (flow.bottom - flow.top - BLOCK_GAP) / 2));

  g_clear_pointer (&self->blocks, g_ptr_array_unref);
  g_clear_pointer (&self->pages, g_ptr_array_unref);
  g_array_set_size (self->placements, 0);

  self->blocks = g_ptr_array_new_with_free_func (bk_block_free);
  bk_report_content_build (self->blocks, &self->source, self->context, width);
  self->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  flow_new_page (&flow);

  for (guint i = 0; i < self->blocks->len; i++)
    {
      BkBlock *block = g_ptr_array_index (self->blocks, i);

      switch (block->kind)
        {
        case BK_BLOCK_TEXT:
          {
            g_autoptr(PangoLayout) layout = text_layout (self, block->style, block->text, width);
            double height = layout_height (layout);
            double before = flow_page_is_empty (&flow) && block->style != BK_TEXT_TITLE
                            ? 0 : text_styles[block->style].space_before;
            gboolean heading = block->style == BK_TEXT_HEADING || block->style == BK_TEXT_SUBHEADING;

            flow_need (&flow, before + height + (heading ? HEADING_KEEP : 0));
            if (!flow_page_is_empty (&flow) || block->style == BK_TEXT_TITLE)
              flow.y += before;
            flow_place (&flow, block, height, 0, 0);
            flow.y += heading ? 4 : 2;
          }
          break;

        case BK_BLOCK_TABLE:
          flow_table (&flow, block, width);
          break;

        case BK_BLOCK_CHART:
          {
            double height = chart_height;

            /* A taller chart takes what is left of the page when that is
             * at least the usual height, else its height on the next */
            if (block->share > 0)
              {
                height = floor (MAX (chart_height, block->share * (flow.bottom - flow.top - BLOCK_GAP)));
                if (flow.bottom - flow.y >= chart_height)
                  height = MIN (height, floor (flow.bottom - flow.y));
              }
            flow_need (&flow, height);
            flow_place (&flow, block, height, 0, 0);
            flow.y += BLOCK_GAP;
          }
          break;

        case BK_BLOCK_PAGE_BREAK:
          if (!flow_page_is_empty (&flow))
            flow_new_page (&flow);
          break;

        default:
          g_assert_not_reached ();
        }
    }

  /* A break at the very end leaves no blank page */
  if (self->pages->len > 1 && flow_page_is_empty (&flow))
    g_ptr_array_set_size (self->pages, self->pages->len - 1);
}

BkReport *
bk_report_new (BkWorkbook *workbook,
               guint       scenario)
{
  return bk_report_new_full (workbook, scenario, BK_REPORT_DEFAULT_TRIALS, BK_REPORT_DEFAULT_SEED);
}

/* A report of @workbook in @scenario as it is now, but for its analyses
 * (a BkReportJob's) and its layout: on the thread that draws it, since its
 * Pango context is that thread's */
static BkReport *
report_begin (BkWorkbook *workbook,
              guint       scenario)
{
  BkReport *self = g_object_new (BK_TYPE_REPORT, NULL);
  const char *title;

  self->source.workbook = g_object_ref (workbook);
  self->source.scenario = scenario;
  self->source.results = bk_engine_compute (workbook, scenario);
  self->source.comparison = bk_comparison_new (workbook);
  self->source.date = g_date_time_new_now_local ();
  self->source.tornado_base = NAN;

  title = bk_workbook_get_title (workbook);
  self->title = g_strdup (title != NULL && title[0] != '\0' ? title : _("Untitled workbook"));
  bk_report_paper_get_size (BK_REPORT_PAPER_A4, &self->width, &self->height);
  return self;
}

/* The analyses @job computed, and the pages */
static void
report_end (BkReport    *self,
            BkReportJob *job)
{
  bk_report_job_take (job, &self->source);
  layout_pages (self);
}

BkReport *
bk_report_new_full (BkWorkbook *workbook,
                    guint       scenario,
                    guint       trials,
                    guint64     seed)
{
  BkReport *self;
  BkReportJob *job;

  g_return_val_if_fail (BK_IS_WORKBOOK (workbook), NULL);
  g_return_val_if_fail (scenario <= bk_workbook_get_n_scenarios (workbook), NULL);
  g_return_val_if_fail (trials >= 1 && trials <= BK_MONTE_CARLO_MAX_TRIALS, NULL);

  self = report_begin (workbook, scenario);
  job = bk_report_job_new (workbook, scenario, trials, seed);
  /* Without a cancellable it cannot fail */
  bk_report_job_run (job, NULL, NULL);
  report_end (self, job);
  bk_report_job_free (job);
  return self;
}

/* The asynchronous report: the report begun and the job its thread runs */
typedef struct
{
  BkReport    *report;
  BkReportJob *job;
} AsyncData;

static void
async_data_free (AsyncData *data)
{
  g_clear_object (&data->report);
  g_clear_pointer (&data->job, bk_report_job_free);
  g_free (data);
}

static void
job_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  AsyncData *data = task_data;
  GError *error = NULL;

  if (bk_report_job_run (data->job, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
bk_report_new_async (BkWorkbook          *workbook,
                     guint                scenario,
                     guint                trials,
                     guint64              seed,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  AsyncData *data;

  g_return_if_fail (BK_IS_WORKBOOK (workbook));
  g_return_if_fail (scenario <= bk_workbook_get_n_scenarios (workbook));
  g_return_if_fail (trials >= 1 && trials <= BK_MONTE_CARLO_MAX_TRIALS);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  data = g_new0 (AsyncData, 1);
  data->report = report_begin (workbook, scenario);
  data->job = bk_report_job_new (workbook, scenario, trials, seed);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, bk_report_new_async);
  g_task_set_name (task, "[breakeven] report");
  g_task_set_task_data (task, data, (GDestroyNotify) async_data_free);
  /* A cancelled run ends as cancelled, whatever the thread got to */
  g_task_set_return_on_cancel (task, FALSE);
  g_task_set_check_cancellable (task, TRUE);
  g_task_run_in_thread (task, job_thread);
}

BkReport *
bk_report_new_finish (GAsyncResult  *result,
                      GError       **error)
{
  AsyncData *data;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == bk_report_new_async, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return NULL;

  data = g_task_get_task_data (G_TASK (result));
  g_return_val_if_fail (data->report != NULL, NULL);
  report_end (data->report, data->job);
  return g_steal_pointer (&data->report);
}

const BkMonteCarloResult *
bk_report_get_simulation (BkReport *report)
{
  g_return_val_if_fail (BK_IS_REPORT (report), NULL);

  return report->source.simulation;
}

void
bk_report_set_page_size (BkReport *report,
                         double    width,
                         double    height)
{
  g_return_if_fail (BK_IS_REPORT (report));
  /* The margins and at least a narrow column of content */
  g_return_if_fail (width > 2 * BK_REPORT_MARGIN + 100 && height > 2 * BK_REPORT_MARGIN + 100);

  if (fabs (width - report->width) < 0.01 && fabs (height - report->height) < 0.01)
    return;

  report->width = width;
  report->height = height;
  layout_pages (report);
}

guint
bk_report_get_n_pages (BkReport *report)
{
  g_return_val_if_fail (BK_IS_REPORT (report), 0);

  return report->pages->len;
}

const char *
bk_report_get_title (BkReport *report)
{
  g_return_val_if_fail (BK_IS_REPORT (report), NULL);

  return report->title;
}

GArray *
bk_report_get_row_placements (BkReport *report)
{
  g_return_val_if_fail (BK_IS_REPORT (report), NULL);

  return report->placements;
}

guint
bk_report_get_n_tables (BkReport *report)
{
  guint n = 0;

  g_return_val_if_fail (BK_IS_REPORT (report), 0);

  for (guint i = 0; i < report->blocks->len; i++)
    if (((BkBlock *) g_ptr_array_index (report->blocks, i))->kind == BK_BLOCK_TABLE)
      n++;
  return n;
}

guint
bk_report_get_table_n_rows (BkReport *report,
                            guint     table)
{
  g_return_val_if_fail (BK_IS_REPORT (report), 0);

  for (guint i = 0; i < report->blocks->len; i++)
    {
      BkBlock *block = g_ptr_array_index (report->blocks, i);

      if (block->kind == BK_BLOCK_TABLE && table-- == 0)
        return bk_report_table_get_n_rows (block->table);
    }
  g_return_val_if_reached (0);
}

double
bk_report_get_table_width (BkReport *report,
                           guint     table)
{
  g_return_val_if_fail (BK_IS_REPORT (report), 0);

  for (guint i = 0; i < report->blocks->len; i++)
    {
      BkBlock *block = g_ptr_array_index (report->blocks, i);

      if (block->kind == BK_BLOCK_TABLE && table-- == 0)
        return bk_report_table_get_width (block->table);
    }
  g_return_val_if_reached (0);
}

/* Small grey text at @y: @left at the left margin, @right at the right */
static void
draw_margin_line (BkReport   *self,
                  cairo_t    *cr,
                  double      y,
                  const char *left,
                  const char *right)
{
  double width = self->width - 2 * BK_REPORT_MARGIN;
  g_autoptr(PangoLayout) layout = text_layout (self, BK_TEXT_BODY, left, width * 0.7);
  PangoFontDescription *desc = bk_report_font (8.0, FALSE);

  pango_layout_set_font_description (layout, desc);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  cairo_set_source_rgb (cr, 0.4, 0.4, 0.45);
  cairo_move_to (cr, BK_REPORT_MARGIN, y);
  pango_cairo_show_layout (cr, layout);

  pango_layout_set_text (layout, right, -1);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_alignment (layout, PANGO_ALIGN_RIGHT);
  cairo_move_to (cr, BK_REPORT_MARGIN, y);
  pango_cairo_show_layout (cr, layout);
  pango_font_description_free (desc);
}

static void
draw_item (BkReport   *self,
           cairo_t    *cr,
           const Item *item)
{
  double width = self->width - 2 * BK_REPORT_MARGIN;
  BkBlock *block = item->block;

  cairo_save (cr);
  switch (block->kind)
    {
    case BK_BLOCK_TEXT:
      {
        g_autoptr(PangoLayout) layout = text_layout (self, block->style, block->text, width);

        if (block->style == BK_TEXT_TITLE)
          cairo_set_source_rgb (cr, 0.05, 0.2, 0.45);
        else
          cairo_set_source_rgb (cr, 0.1, 0.1, 0.12);
        cairo_move_to (cr, BK_REPORT_MARGIN, item->y);
        pango_cairo_show_layout (cr, layout);
      }
      break;

    case BK_BLOCK_TABLE:
      bk_report_table_draw (block->table, cr, self->context, BK_REPORT_MARGIN, item->y,
                            item->first, item->n_rows);
      break;

    case BK_BLOCK_CHART:
      {
        g_autoptr(BkChartHits) hits = NULL;

        cairo_translate (cr, BK_REPORT_MARGIN, item->y);
        cairo_rectangle (cr, 0, 0, width, item->height);
        cairo_clip (cr);
        hits = bk_chart_render (block->chart, cr, width, item->height);
      }
      break;

    case BK_BLOCK_PAGE_BREAK:
    default:
      g_assert_not_reached ();
    }
  cairo_restore (cr);
}

void
bk_report_draw_page (BkReport *report,
                     cairo_t  *cr,
                     guint     page,
                     double    width,
                     double    height)
{
  GArray *items;
  g_autofree char *number = NULL;

  g_return_if_fail (BK_IS_REPORT (report));
  g_return_if_fail (cr != NULL);

  bk_report_set_page_size (report, width, height);
  g_return_if_fail (page < report->pages->len);

  items = g_ptr_array_index (report->pages, page);
  cairo_save (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_fill (cr);

  for (guint i = 0; i < items->len; i++)
    draw_item (report, cr, &g_array_index (items, Item, i));

  /* On every page but the title page, the title and scenario above a rule */
  if (page > 0)
    {
      BkWorkbook *workbook = report->source.workbook;
      const char *scenario = report->source.scenario == BK_SCENARIO_BASE
                             ? _("Base")
                             : bk_workbook_get_scenario_name (workbook, report->source.scenario);

      draw_margin_line (report, cr, PAGE_TOP_RULE - 12, report->title, scenario);
      cairo_set_source_rgb (cr, 0.75, 0.75, 0.78);
      cairo_set_line_width (cr, 0.5);
      cairo_move_to (cr, BK_REPORT_MARGIN, PAGE_TOP_RULE);
      cairo_line_to (cr, width - BK_REPORT_MARGIN, PAGE_TOP_RULE);
      cairo_stroke (cr);
    }

  number = g_strdup_printf (_("Page %u of %u"), page + 1, report->pages->len);
  draw_margin_line (report, cr, height - BK_REPORT_MARGIN + 18, _("Breakeven report"), number);
  cairo_restore (cr);
}

static cairo_status_t
append_bytes (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

gboolean
bk_report_save_pdf (BkReport       *report,
                    BkReportPaper   paper,
                    const char     *path,
                    GError        **error)
{
  g_autoptr(GByteArray) data = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  double width, height;
  cairo_t *cr;

  g_return_val_if_fail (BK_IS_REPORT (report), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  bk_report_paper_get_size (paper, &width, &height);
  bk_report_set_page_size (report, width, height);

  /* Drawn into memory first: the file is only written once all of it is */
  data = g_byte_array_new ();
  surface = cairo_pdf_surface_create_for_stream (append_bytes, data, width, height);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, report->title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Breakeven");
  cr = cairo_create (surface);
  for (guint p = 0; p < bk_report_get_n_pages (report); p++)
    {
      bk_report_draw_page (report, cr, p, width, height);
      cairo_show_page (cr);
    }
  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not draw the report: %s"),
                   cairo_status_to_string (status));
      return FALSE;
    }

  /* Written to a temporary file beside @path, then renamed over it; an
   * error names @path and says why (G_FILE_ERROR) */
  return bk_file_write_atomic (path, data->data, data->len, error);
}

gboolean
bk_report_write_pdf (BkWorkbook     *workbook,
                     guint           scenario,
                     BkReportPaper   paper,
                     const char     *path,
                     GError        **error)
{
  g_autoptr(BkReport) report = NULL;

  g_return_val_if_fail (BK_IS_WORKBOOK (workbook), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (scenario > bk_workbook_get_n_scenarios (workbook))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, _("No scenario %u"), scenario);
      return FALSE;
    }

  report = bk_report_new (workbook, scenario);
  return bk_report_save_pdf (report, paper, path, error);
}
