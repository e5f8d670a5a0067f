/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-chart-export.c — a chart as PNG, SVG or PDF */

#include "config.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "bk-chart-export.h"
#include "bk-file-write.h"
#include "bk-chart-private.h"

gboolean
bk_chart_format_from_path (const char    *path,
                           BkChartFormat *format)
{
  static const struct {
    const char    *suffix;
    BkChartFormat  format;
  } suffixes[] = {
    { ".png", BK_CHART_FORMAT_PNG },
    { ".svg", BK_CHART_FORMAT_SVG },
    { ".pdf", BK_CHART_FORMAT_PDF },
  };
  g_autofree char *lower = NULL;

  g_return_val_if_fail (format != NULL, FALSE);

  if (path == NULL)
    return FALSE;

  lower = g_ascii_strdown (path, -1);
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    if (g_str_has_suffix (lower, suffixes[i].suffix))
      {
        *format = suffixes[i].format;
        return TRUE;
      }
  return FALSE;
}

static gboolean
check_arguments (BkChartFormat   format,
                 int             width,
                 int             height,
                 int             scale,
                 GError        **error)
{
  if (format > BK_CHART_FORMAT_PDF)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("Unknown export format"));
      return FALSE;
    }
  if (width < 1 || width > BK_CHART_EXPORT_MAX_SIZE ||
      height < 1 || height > BK_CHART_EXPORT_MAX_SIZE)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("The size must be between 1 and %d pixels, not %d × %d"),
                   BK_CHART_EXPORT_MAX_SIZE, width, height);
      return FALSE;
    }
  if (scale < 1 || scale > BK_CHART_EXPORT_MAX_SCALE)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("The scale must be 1×, 2× or 3×, not %d×"), scale);
      return FALSE;
    }
  return TRUE;
}

static cairo_status_t
append_bytes (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static gboolean
check_status (cairo_status_t   status,
              GError         **error)
{
  if (status == CAIRO_STATUS_SUCCESS)
    return TRUE;

  g_set_error (error, G_IO_ERROR,
               status == CAIRO_STATUS_NO_MEMORY ? G_IO_ERROR_NO_SPACE : G_IO_ERROR_FAILED,
               _("Could not draw the chart: %s"), cairo_status_to_string (status));
  return FALSE;
}

GBytes *
bk_chart_export_bytes (BkChart        *chart,
                       BkChartFormat   format,
                       int             width,
                       int             height,
                       int             scale,
                       GError        **error)
{
  g_autoptr(GByteArray) data = NULL;
  cairo_surface_t *surface = NULL;
  cairo_status_t status;
  cairo_t *cr;

  g_return_val_if_fail (BK_IS_CHART (chart), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_arguments (format, width, height, scale, error))
    return NULL;

  data = g_byte_array_new ();

  switch (format)
    {
    case BK_CHART_FORMAT_PNG:
      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width * scale, height * scale);
      break;

    case BK_CHART_FORMAT_SVG:
      surface = cairo_svg_surface_create_for_stream (append_bytes, data, width, height);
      cairo_svg_surface_restrict_to_version (surface, CAIRO_SVG_VERSION_1_1);
      cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PX);
      break;

    case BK_CHART_FORMAT_PDF:
      surface = cairo_pdf_surface_create_for_stream (append_bytes, data, width, height);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Breakeven");
      if (chart->title != NULL)
        cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, chart->title);
      break;

    default:
      g_assert_not_reached ();
    }

  status = cairo_surface_status (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      cairo_surface_destroy (surface);
      check_status (status, error);
      return NULL;
    }

  cr = cairo_create (surface);
  if (format == BK_CHART_FORMAT_PNG)
    cairo_scale (cr, scale, scale);
  bk_chart_render_full (chart, cr, width, height, 0, 0, NULL);
  status = cairo_status (cr);
  cairo_destroy (cr);

  if (status == CAIRO_STATUS_SUCCESS && format == BK_CHART_FORMAT_PNG)
    status = cairo_surface_write_to_png_stream (surface, append_bytes, data);

  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (!check_status (status, error))
    return NULL;

  return g_byte_array_free_to_bytes (g_steal_pointer (&data));
}

gboolean
bk_chart_export (BkChart        *chart,
                 const char     *path,
                 BkChartFormat   format,
                 int             width,
                 int             height,
                 int             scale,
                 GError        **error)
{
  g_autoptr(GBytes) bytes = NULL;
  gconstpointer data;
  gsize size;

  g_return_val_if_fail (BK_IS_CHART (chart), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  bytes = bk_chart_export_bytes (chart, format, width, height, scale, error);
  if (bytes == NULL)
    return FALSE;

  /* Written to a temporary file beside @path, then renamed over it; an
   * error names @path (G_FILE_ERROR) */
  data = g_bytes_get_data (bytes, &size);
  return bk_file_write_atomic (path, data, size, error);
}
