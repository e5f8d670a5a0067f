/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-json.c — workbook JSON and results JSON.
 *
 * Reading uses json-glib's parser and walks the tree by hand, validating
 * every field before a workbook is returned.  Writing is done by hand too, so
 * numbers come out in the shortest form that reads back exactly
 * (bk_number_format_shortest(); json-glib writes %.17g, which turns 0.35
 * into 0.34999999999999998). */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "bk-engine.h"
#include "bk-json.h"
#include "bk-number.h"
#include "bk-text.h"
#include "bk-workbook-private.h"

#define MAX_PERIODS 1000
#define MAX_ID_LENGTH 64
/* Deeper JSON is refused before json-glib (which recurses) sees it. */
#define MAX_DEPTH 64

/* Writing */

static void
append_number (GString *out,
               double   value)
{
  char buf[BK_NUMBER_BUF_SIZE];

  /* Non-finite numbers are never written: a missing value is null. */
  if (!isfinite (value))
    {
      g_string_append (out, "null");
      return;
    }

  g_string_append_len (out, buf, (gssize) bk_number_format_shortest (buf, value));
}

static void
append_string (GString    *out,
               const char *str)
{
  g_string_append_c (out, '"');
  for (const char *p = str; *p; p++)
    {
      guchar c = (guchar) *p;

      switch (c)
        {
        case '"':  g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '\t': g_string_append (out, "\\t"); break;
        case '\b': g_string_append (out, "\\b"); break;
        case '\f': g_string_append (out, "\\f"); break;
        default:
          if (c < 0x20)
            g_string_append_printf (out, "\\u%04x", c);
          else
            g_string_append_c (out, (char) c);
        }
    }
  g_string_append_c (out, '"');
}

void
bk_json_append_number (GString *out,
                       double   value)
{
  g_return_if_fail (out != NULL);

  append_number (out, value);
}

void
bk_json_append_string (GString    *out,
                       const char *str)
{
  g_return_if_fail (out != NULL);
  g_return_if_fail (str != NULL);

  append_string (out, str);
}

static void
append_key (GString    *out,
            const char *indent,
            const char *key)
{
  g_string_append (out, indent);
  append_string (out, key);
  g_string_append (out, ": ");
}

static void
append_assumptions (GString      *out,
                    const double *values)
{
  gboolean first = TRUE;

  g_string_append_c (out, '{');
  for (guint k = 0; k < BK_N_ASSUMPTIONS; k++)
    {
      if (values == NULL || isnan (values[k]))
        continue;
      if (!first)
        g_string_append (out, ", ");
      first = FALSE;
      append_string (out, bk_assumption_get_key ((BkAssumption) k));
      g_string_append (out, ": ");
      append_number (out, values[k]);
    }
  g_string_append_c (out, '}');
}

static void
append_company_assumptions (GString    *out,
                            BkWorkbook *wb,
                            guint       scenario,
                            const char *indent)
{
  gboolean first = TRUE;

  g_string_append_c (out, '{');
  for (guint c = 0; c < bk_workbook_get_n_companies (wb); c++)
    {
      double values[BK_N_ASSUMPTIONS];
      gboolean any = FALSE;

      for (guint k = 0; k < BK_N_ASSUMPTIONS; k++)
        {
          values[k] = bk_workbook_get_assumption_layer (wb, scenario, (int) c, (BkAssumption) k);
          any |= !isnan (values[k]);
        }
      if (!any)
        continue;

      g_string_append (out, first ? "\n" : ",\n");
      first = FALSE;
      append_key (out, indent, bk_workbook_get_company_id (wb, c));
      append_assumptions (out, values);
    }
  if (!first)
    {
      g_string_append_c (out, '\n');
      g_string_append_len (out, indent, (gssize) strlen (indent) - 2);
    }
  g_string_append_c (out, '}');
}

static void
append_cell_ref (GString    *out,
                 BkTable     table,
                 const char *row,
                 guint       period)
{
  g_string_append (out, "{\"table\": ");
  append_string (out, bk_table_to_string (table));
  g_string_append (out, ", \"row\": ");
  append_string (out, row);
  g_string_append_printf (out, ", \"period\": %u", period);
}

char *
bk_json_write_workbook (BkWorkbook *wb)
{
  GString *out;
  g_autofree char *first = NULL;
  guint n;
  gboolean any;

  g_return_val_if_fail (BK_IS_WORKBOOK (wb), NULL);

  out = g_string_new ("{\n");
  n = bk_workbook_get_n_periods (wb);
  first = bk_workbook_dup_period_label (wb, 0);

  g_string_append (out, "  \"format\": \"breakeven-workbook\",\n  \"version\": 1,\n");
  append_key (out, "  ", "title");
  append_string (out, bk_workbook_get_title (wb));
  g_string_append (out, ",\n");
  append_key (out, "  ", "granularity");
  append_string (out, bk_granularity_to_string (bk_workbook_get_granularity (wb)));
  g_string_append (out, ",\n");
  append_key (out, "  ", "first_period");
  append_string (out, first);
  g_string_append_printf (out, ",\n  \"periods\": %u,\n", n);

  g_string_append (out, "  \"markets\": [");
  for (guint i = 0; i < bk_workbook_get_n_markets (wb); i++)
    {
      g_string_append (out, i ? ",\n    {\"id\": " : "\n    {\"id\": ");
      append_string (out, bk_workbook_get_market_id (wb, i));
      g_string_append (out, ", \"name\": ");
      append_string (out, bk_workbook_get_market_name (wb, i));
      g_string_append_c (out, '}');
    }
  g_string_append (out, bk_workbook_get_n_markets (wb) ? "\n  ],\n" : "],\n");

  g_string_append (out, "  \"companies\": [");
  for (guint i = 0; i < bk_workbook_get_n_companies (wb); i++)
    {
      g_string_append (out, i ? ",\n    {\"id\": " : "\n    {\"id\": ");
      append_string (out, bk_workbook_get_company_id (wb, i));
      g_string_append (out, ", \"name\": ");
      append_string (out, bk_workbook_get_company_name (wb, i));
      g_string_append (out, ", \"market\": ");
      append_string (out, bk_workbook_get_market_id (wb, bk_workbook_get_company_market (wb, i)));
      g_string_append_c (out, '}');
    }
  g_string_append (out, bk_workbook_get_n_companies (wb) ? "\n  ],\n" : "],\n");

  g_string_append (out, "  \"series\": {");
  for (guint t = 0; t < BK_N_TABLES; t++)
    {
      guint rows = bk_workbook_get_n_rows (wb, (BkTable) t);

      g_string_append (out, t ? ",\n    " : "\n    ");
      append_string (out, bk_table_to_string ((BkTable) t));
      g_string_append (out, ": {");
      for (guint r = 0; r < rows; r++)
        {
          const double *values = bk_workbook_get_row_values (wb, (BkTable) t, r);

          g_string_append (out, r ? ",\n" : "\n");
          append_key (out, "      ", bk_workbook_get_row_id (wb, (BkTable) t, r));
          g_string_append_c (out, '[');
          for (guint p = 0; p < n; p++)
            {
              if (p)
                g_string_append (out, ", ");
              append_number (out, values[p]);
            }
          g_string_append_c (out, ']');
        }
      g_string_append (out, rows ? "\n    }" : "}");
    }
  g_string_append (out, "\n  },\n");

  /* Formulas and notes, in table, row, period order */
  for (guint pass = 0; pass < 2; pass++)
    {
      any = FALSE;
      g_string_append (out, pass == 0 ? "  \"formulas\": [" : "  \"notes\": [");
      for (guint t = 0; t < BK_N_TABLES; t++)
        for (guint r = 0; r < bk_workbook_get_n_rows (wb, (BkTable) t); r++)
          for (guint p = 0; p < n; p++)
            {
              BkCell cell;
              const char *text;

              bk_workbook_get_cell (wb, BK_SCENARIO_BASE, (BkTable) t, r, p, &cell);
              text = pass == 0 ? cell.formula : cell.note;
              if (text == NULL)
                continue;
              g_string_append (out, any ? ",\n    " : "\n    ");
              any = TRUE;
              append_cell_ref (out, (BkTable) t, bk_workbook_get_row_id (wb, (BkTable) t, r), p);
              g_string_append (out, pass == 0 ? ", \"formula\": " : ", \"text\": ");
              append_string (out, text);
              g_string_append_c (out, '}');
            }
      g_string_append (out, any ? "\n  ],\n" : "],\n");
    }

  {
    double values[BK_N_ASSUMPTIONS];

    for (guint k = 0; k < BK_N_ASSUMPTIONS; k++)
      values[k] = bk_workbook_get_assumption_layer (wb, BK_SCENARIO_BASE, -1, (BkAssumption) k);
    g_string_append (out, "  \"assumptions\": ");
    append_assumptions (out, values);
    g_string_append (out, ",\n  \"company_assumptions\": ");
    append_company_assumptions (out, wb, BK_SCENARIO_BASE, "    ");
    g_string_append (out, ",\n");
  }

  g_string_append (out, "  \"distributions\": {");
  any = FALSE;
  for (guint k = 0; k < BK_N_ASSUMPTIONS; k++)
    {
      const char *spec = bk_workbook_get_distribution (wb, (BkAssumption) k);

      if (spec == NULL)
        continue;
      g_string_append (out, any ? ",\n" : "\n");
      any = TRUE;
      append_key (out, "    ", bk_assumption_get_key ((BkAssumption) k));
      append_string (out, spec);
    }
  g_string_append (out, any ? "\n  },\n" : "},\n");

  g_string_append (out, "  \"scenarios\": [");
  for (guint s = 1; s <= bk_workbook_get_n_scenarios (wb); s++)
    {
      double values[BK_N_ASSUMPTIONS];

      g_string_append (out, s > 1 ? ",\n    {\n" : "\n    {\n");
      append_key (out, "      ", "name");
      append_string (out, bk_workbook_get_scenario_name (wb, s));
      g_string_append (out, ",\n");
      for (guint k = 0; k < BK_N_ASSUMPTIONS; k++)
        values[k] = bk_workbook_get_assumption_layer (wb, s, -1, (BkAssumption) k);
      append_key (out, "      ", "assumptions");
      append_assumptions (out, values);
      g_string_append (out, ",\n");
      append_key (out, "      ", "company_assumptions");
      append_company_assumptions (out, wb, s, "        ");
      g_string_append (out, ",\n");
      append_key (out, "      ", "cells");
      g_string_append_c (out, '[');
      any = FALSE;
      for (guint t = 0; t < BK_N_TABLES; t++)
        for (guint r = 0; r < bk_workbook_get_n_rows (wb, (BkTable) t); r++)
          {
            if (!bk_workbook_scenario_overrides_row (wb, s, (BkTable) t, r))
              continue;
            for (guint p = 0; p < n; p++)
              {
                BkCell cell;

                bk_workbook_get_cell (wb, s, (BkTable) t, r, p, &cell);
                if (!(cell.flags & BK_CELL_OVERRIDDEN))
                  continue;
                g_string_append (out, any ? ",\n        " : "\n        ");
                any = TRUE;
                append_cell_ref (out, (BkTable) t, bk_workbook_get_row_id (wb, (BkTable) t, r), p);
                g_string_append (out, ", \"value\": ");
                append_number (out, cell.value);
                if (cell.formula != NULL)
                  {
                    g_string_append (out, ", \"formula\": ");
                    append_string (out, cell.formula);
                  }
                g_string_append_c (out, '}');
              }
          }
      g_string_append (out, any ? "\n      ]\n    }" : "]\n    }");
    }
  g_string_append (out, bk_workbook_get_n_scenarios (wb) ? "\n  ]\n}\n" : "]\n}\n");

  return g_string_free (out, FALSE);
}

/* The numbers of one series, ", "-separated, formatted straight into the
 * string's buffer, which grows once for the whole series: results JSON is
 * almost all series (62 MB for 1,000 companies × 224 periods). */
static void
append_series (GString      *out,
               const double *values,
               guint         n)
{
  gsize start = out->len;
  char *p;

  /* Each number takes at most BK_NUMBER_BUF_SIZE bytes with its NUL */
  g_string_set_size (out, start + (gsize) n * (BK_NUMBER_BUF_SIZE + 2));
  p = out->str + start;
  for (guint t = 0; t < n; t++)
    {
      if (t)
        {
          *p++ = ',';
          *p++ = ' ';
        }
      if (isfinite (values[t]))
        p += bk_number_format_shortest (p, values[t]);
      else
        {
          memcpy (p, "null", 4);
          p += 4;
        }
    }
  g_string_truncate (out, (gsize) (p - out->str));
}

static void
append_metrics (GString         *out,
                const BkMetrics *m,
                guint            n_periods,
                const char      *indent)
{
  g_string_append_printf (out, "%s\"npv\": ", indent);
  append_number (out, m->npv);
  g_string_append (out, ", \"irr\": ");
  append_number (out, m->irr);
  g_string_append_printf (out, ", \"irr_multiple\": %s", m->irr_multiple ? "true" : "false");
  g_string_append (out, ", \"roi\": ");
  append_number (out, m->roi);
  g_string_append_printf (out, ",\n%s\"payback_years\": ", indent);
  append_number (out, m->payback_years);
  g_string_append (out, ", \"discounted_payback_years\": ");
  append_number (out, m->discounted_payback_years);
  g_string_append_printf (out, ",\n%s\"series\": {", indent);
  for (guint s = 0; s < BK_N_SERIES; s++)
    {
      g_string_append_printf (out, "%s\n%s  ", s ? "," : "", indent);
      append_string (out, bk_series_to_string ((BkSeries) s));
      g_string_append (out, ": [");
      append_series (out, m->series[s], n_periods);
      g_string_append_c (out, ']');
    }
  g_string_append_printf (out, "\n%s}", indent);
}

char *
bk_json_write_results (BkWorkbook *wb,
                       BkResults  *results)
{
  GString *out;
  guint m;

  g_return_val_if_fail (BK_IS_WORKBOOK (wb), NULL);
  g_return_val_if_fail (results != NULL, NULL);

  m = bk_results_get_n_periods (results);
  /* Sized for about 20 bytes a number, so that it seldom grows */
  out = g_string_sized_new (4096 + (gsize) (bk_results_get_n_companies (results) + 1)
                                   * BK_N_SERIES * m * 20);
  g_string_append (out, "{\n  \"scenario\": ");
  append_string (out, bk_results_get_scenario (results) == BK_SCENARIO_BASE
                 ? "Base" : bk_workbook_get_scenario_name (wb, bk_results_get_scenario (results)));
  g_string_append (out, ",\n  \"periods\": [");
  for (guint t = 0; t < m; t++)
    {
      g_autofree char *label = bk_workbook_dup_period_label (wb, t);

      if (t)
        g_string_append (out, ", ");
      append_string (out, label);
    }
  g_string_append (out, "],\n  \"companies\": [");

  for (guint c = 0; c < bk_results_get_n_companies (results); c++)
    {
      g_string_append (out, c ? ",\n    {\"id\": " : "\n    {\"id\": ");
      append_string (out, bk_workbook_get_company_id (wb, c));
      g_string_append (out, ", \"name\": ");
      append_string (out, bk_workbook_get_company_name (wb, c));
      g_string_append (out, ",\n");
      append_metrics (out, bk_results_get_company (results, c), m, "     ");
      g_string_append_c (out, '}');
    }
  g_string_append (out, bk_results_get_n_companies (results) ? "\n  ],\n" : "],\n");
  g_string_append (out, "  \"total\": {\n");
  append_metrics (out, bk_results_get_total (results), m, "    ");
  g_string_append (out, "\n  }\n}\n");

  return g_string_free (out, FALSE);
}

/* Reading */

typedef struct
{
  BkWorkbook *wb;
  guint       n_periods;
} Reader;

G_GNUC_PRINTF (3, 4)
static void
set_path_error (GError    **error,
                const char *path,
                const char *format,
                ...)
{
  va_list args;
  g_autofree char *message = NULL;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, BK_ERROR, BK_ERROR_INVALID_INPUT, "%s: %s", path, message);
}

/* Sets the error for @path and is FALSE.  A macro, so that the compiler
 * sees the FALSE: a variadic function is never inlined, and callers such
 * as get_string() would otherwise look as if they could return TRUE
 * without setting their result (-Wmaybe-uninitialized at -O3). */
#define fail(error, path, ...) (set_path_error ((error), (path), __VA_ARGS__), FALSE)

static const char *
node_type_name (JsonNode *node)
{
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return _("null");
  if (JSON_NODE_HOLDS_OBJECT (node))
    return _("an object");
  if (JSON_NODE_HOLDS_ARRAY (node))
    return _("an array");

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING:  return _("a string");
    case G_TYPE_BOOLEAN: return _("true or false");
    default:             return _("a number");
    }
}

static gboolean
get_string (JsonNode    *node,
            const char  *path,
            const char **out,
            GError     **error)
{
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return fail (error, path, _("expected a string, found %s"), node_type_name (node));

  *out = json_node_get_string (node);
  return TRUE;
}

/* A string that the document will store: bounded, without NUL. */
static gboolean
get_text (JsonNode    *node,
          const char  *path,
          BkTextKind   kind,
          const char **out,
          GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  if (!get_string (node, path, out, error))
    return FALSE;
  if (!bk_text_check_stored (*out, -1, kind, &local_error))
    return fail (error, path, "%s", local_error->message);
  return TRUE;
}

static gboolean
get_number (JsonNode    *node,
            const char  *path,
            double      *out,
            GError     **error)
{
  GType type;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return fail (error, path, _("expected a number, found %s"), node_type_name (node));

  type = json_node_get_value_type (node);
  if (type == G_TYPE_INT64)
    *out = (double) json_node_get_int (node);
  else if (type == G_TYPE_DOUBLE)
    *out = json_node_get_double (node);
  else
    return fail (error, path, _("expected a number, found %s"), node_type_name (node));

  if (!isfinite (*out))
    return fail (error, path, _("%s is not a finite number"), "±inf");

  return TRUE;
}

static gboolean
get_integer (JsonNode    *node,
             const char  *path,
             gint64       min,
             gint64       max,
             gint64      *out,
             GError     **error)
{
  double value;

  if (!get_number (node, path, &value, error))
    return FALSE;
  if (value != floor (value) || value < (double) min || value > (double) max)
    return fail (error, path, _("expected a whole number from %lld to %lld"),
                 (long long) min, (long long) max);

  *out = (gint64) value;
  return TRUE;
}

static gboolean
get_id (JsonNode    *node,
        const char  *path,
        const char **out,
        GError     **error)
{
  if (!get_string (node, path, out, error))
    return FALSE;

  if (**out == '\0')
    return fail (error, path, _("an id cannot be empty"));
  if (strlen (*out) > MAX_ID_LENGTH)
    return fail (error, path, _("an id can be at most %d characters long"), MAX_ID_LENGTH);
  for (const char *p = *out; *p; p++)
    if (g_ascii_iscntrl (*p) || g_ascii_isspace (*p) || *p == ',' || *p == '"')
      return fail (error, path, _("\"%s\" is not a valid id: use letters, digits, '-', '_' or '.', without spaces"), *out);

  return TRUE;
}

/* TRUE when @node is an object or an array, as @type asks. */
static gboolean
expect_container (JsonNode      *node,
                  JsonNodeType   type,
                  const char    *path,
                  GError       **error)
{
  g_assert (type == JSON_NODE_OBJECT || type == JSON_NODE_ARRAY);

  if (node != NULL && JSON_NODE_TYPE (node) == type)
    return TRUE;

  return fail (error, path,
               type == JSON_NODE_OBJECT ? _("expected an object, found %s") : _("expected an array, found %s"),
               node_type_name (node));
}

static JsonObject *
get_object (JsonNode    *node,
            const char  *path,
            GError     **error)
{
  return expect_container (node, JSON_NODE_OBJECT, path, error) ? json_node_get_object (node) : NULL;
}

static JsonArray *
get_array (JsonNode    *node,
           const char  *path,
           GError     **error)
{
  return expect_container (node, JSON_NODE_ARRAY, path, error) ? json_node_get_array (node) : NULL;
}

static gboolean
check_keys (JsonObject          *object,
            const char          *path,
            const char * const  *allowed,
            GError             **error)
{
  g_autoptr(GList) members = json_object_get_members (object);

  for (GList *l = members; l; l = l->next)
    {
      if (!g_strv_contains (allowed, l->data))
        {
          g_autofree char *sub = *path ? g_strdup_printf ("%s.%s", path, (char *) l->data) : g_strdup (l->data);
          return fail (error, sub, _("unknown field"));
        }
    }
  return TRUE;
}

static gboolean
require (JsonObject  *object,
         const char  *path,
         const char  *key,
         GError     **error)
{
  if (!json_object_has_member (object, key))
    {
      g_autofree char *sub = *path ? g_strdup_printf ("%s.%s", path, key) : g_strdup (key);
      return fail (error, sub, _("this field is required"));
    }
  return TRUE;
}

/* The members of @node, an object that may be missing (NULL: none). */
static gboolean
get_optional_members (JsonNode     *node,
                      const char   *path,
                      JsonObject  **object,
                      GList       **members,
                      GError      **error)
{
  *object = NULL;
  *members = NULL;

  if (node == NULL)
    return TRUE;
  if (!(*object = get_object (node, path, error)))
    return FALSE;

  *members = json_object_get_members (*object);
  return TRUE;
}

static gboolean
read_assumptions (Reader      *reader,
                  JsonNode    *node,
                  const char  *path,
                  guint        scenario,
                  int          company,
                  GError     **error)
{
  JsonObject *object;
  g_autoptr(GList) members = NULL;

  if (!get_optional_members (node, path, &object, &members, error))
    return FALSE;

  for (GList *l = members; l; l = l->next)
    {
      const char *key = l->data;
      g_autofree char *sub = g_strdup_printf ("%s.%s", path, key);
      g_autoptr(GError) local_error = NULL;
      BkAssumption assumption;
      double value;

      if (!bk_assumption_from_key (key, &assumption))
        return fail (error, sub, _("unknown assumption"));
      if (company >= 0 && bk_assumption_is_workbook_only (assumption))
        return fail (error, sub, _("%s can only be set for the workbook or a scenario, not for one company"), key);
      if (!get_number (json_object_get_member (object, key), sub, &value, error))
        return FALSE;
      if (!bk_assumption_check (assumption, value, &local_error))
        return fail (error, sub, "%s", local_error->message);

      bk_workbook_put_assumption (reader->wb, scenario, company, assumption, value);
    }

  return TRUE;
}

static gboolean
read_company_assumptions (Reader      *reader,
                          JsonNode    *node,
                          const char  *path,
                          guint        scenario,
                          GError     **error)
{
  JsonObject *object;
  g_autoptr(GList) members = NULL;

  if (!get_optional_members (node, path, &object, &members, error))
    return FALSE;

  for (GList *l = members; l; l = l->next)
    {
      g_autofree char *sub = g_strdup_printf ("%s.%s", path, (char *) l->data);
      int company = bk_workbook_find_company (reader->wb, l->data);

      if (company < 0)
        return fail (error, sub, _("unknown company \"%s\""), (char *) l->data);
      if (!read_assumptions (reader, json_object_get_member (object, l->data), sub, scenario, company, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
read_period (Reader      *reader,
             JsonNode    *node,
             const char  *path,
             guint       *period,
             GError     **error)
{
  gint64 index;

  if (node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    {
      int found = bk_workbook_find_period (reader->wb, json_node_get_string (node));

      if (found < 0)
        return fail (error, path, _("\"%s\" is not one of the workbook's periods"), json_node_get_string (node));
      *period = (guint) found;
      return TRUE;
    }

  if (!get_integer (node, path, 0, reader->n_periods - 1, &index, error))
    return FALSE;

  *period = (guint) index;
  return TRUE;
}

/* {"table", "row", "period", …}: the common part of formulas, notes and
 * scenario cells. */
static gboolean
read_cell_ref (Reader      *reader,
               JsonObject  *object,
               const char  *path,
               BkTable     *table,
               guint       *row,
               guint       *period,
               GError     **error)
{
  g_autofree char *table_path = g_strdup_printf ("%s.table", path);
  g_autofree char *row_path = g_strdup_printf ("%s.row", path);
  g_autofree char *period_path = g_strdup_printf ("%s.period", path);
  const char *name, *id;
  int index;

  if (!require (object, path, "table", error) ||
      !require (object, path, "row", error) ||
      !require (object, path, "period", error))
    return FALSE;

  if (!get_string (json_object_get_member (object, "table"), table_path, &name, error))
    return FALSE;
  if (!bk_table_from_string (name, table))
    return fail (error, table_path, _("unknown table \"%s\"; expected capex, backlog, tokens or share"), name);
  if (!get_string (json_object_get_member (object, "row"), row_path, &id, error))
    return FALSE;
  index = bk_workbook_find_row (reader->wb, *table, id);
  if (index < 0)
    return fail (error, row_path,
                 bk_table_rows_are_markets (*table) ? _("unknown market \"%s\"") : _("unknown company \"%s\""),
                 id);
  *row = (guint) index;

  return read_period (reader, json_object_get_member (object, "period"), period_path, period, error);
}

static gboolean
read_series (Reader      *reader,
             JsonNode    *node,
             GError     **error)
{
  JsonObject *series;
  static const char * const tables[] = { "capex", "backlog", "tokens", "share", NULL };

  if (!(series = get_object (node, "series", error)))
    return FALSE;
  if (!check_keys (series, "series", tables, error))
    return FALSE;

  for (guint t = 0; t < BK_N_TABLES; t++)
    {
      const char *name = bk_table_to_string ((BkTable) t);
      g_autofree char *path = g_strdup_printf ("series.%s", name);
      g_autoptr(GList) members = NULL;
      JsonObject *rows;

      if (!json_object_has_member (series, name))
        continue;
      if (!(rows = get_object (json_object_get_member (series, name), path, error)))
        return FALSE;

      members = json_object_get_members (rows);
      for (GList *l = members; l; l = l->next)
        {
          g_autofree char *row_path = g_strdup_printf ("%s.%s", path, (char *) l->data);
          int row = bk_workbook_find_row (reader->wb, (BkTable) t, l->data);
          JsonArray *values;

          if (row < 0)
            return fail (error, row_path,
                         bk_table_rows_are_markets ((BkTable) t) ? _("unknown market \"%s\"") : _("unknown company \"%s\""),
                         (char *) l->data);
          if (!(values = get_array (json_object_get_member (rows, l->data), row_path, error)))
            return FALSE;
          if (json_array_get_length (values) > reader->n_periods)
            return fail (error, row_path, _("%u values, but the workbook has %u periods"),
                         json_array_get_length (values), reader->n_periods);

          for (guint p = 0; p < json_array_get_length (values); p++)
            {
              g_autofree char *cell_path = g_strdup_printf ("%s[%u]", row_path, p);
              JsonNode *cell = json_array_get_element (values, p);
              g_autoptr(GError) local_error = NULL;
              double value;

              if (JSON_NODE_HOLDS_NULL (cell))
                continue;
              if (!get_number (cell, cell_path, &value, error))
                return FALSE;
              if (!bk_table_check_value ((BkTable) t, value, &local_error))
                return fail (error, cell_path, "%s", local_error->message);
              bk_workbook_put_cell (reader->wb, (BkTable) t, (guint) row, p, value, NULL);
            }
        }
    }

  return TRUE;
}

static gboolean
read_formulas_or_notes (Reader      *reader,
                        JsonNode    *node,
                        gboolean     formulas,
                        GError     **error)
{
  const char *name = formulas ? "formulas" : "notes";
  const char *field = formulas ? "formula" : "text";
  const char * const allowed[] = { "table", "row", "period", field, NULL };
  JsonArray *array;

  if (node == NULL)
    return TRUE;
  if (!(array = get_array (node, name, error)))
    return FALSE;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *path = g_strdup_printf ("%s[%u]", name, i);
      g_autofree char *text_path = g_strdup_printf ("%s.%s", path, field);
      JsonObject *object;
      BkTable table;
      guint row, period;
      const char *text;

      if (!(object = get_object (json_array_get_element (array, i), path, error)))
        return FALSE;
      if (!check_keys (object, path, allowed, error) ||
          !read_cell_ref (reader, object, path, &table, &row, &period, error) ||
          !require (object, path, field, error) ||
          !get_text (json_object_get_member (object, field), text_path,
                     formulas ? BK_TEXT_FORMULA : BK_TEXT_NOTE, &text, error))
        return FALSE;

      if (formulas)
        {
          g_autoptr(GError) local_error = NULL;
          BkFormula *formula;

          if (text[0] != '=')
            return fail (error, text_path, _("a formula starts with \"=\""));
          if (!(formula = bk_formula_compile (text, table, &local_error)))
            return fail (error, text_path, "%s", local_error->message);
          if (!bk_formula_check_in_base (formula, &local_error))
            {
              bk_formula_free (formula);
              return fail (error, text_path, "%s", local_error->message);
            }
          bk_workbook_put_cell (reader->wb, table, row, period, NAN, formula);
        }
      else
        {
          if (!g_utf8_validate (text, -1, NULL))
            return fail (error, text_path, _("not valid UTF-8"));
          bk_workbook_put_note (reader->wb, table, row, period, text);
        }
    }

  return TRUE;
}

static gboolean
read_scenarios (Reader      *reader,
                JsonNode    *node,
                GError     **error)
{
  static const char * const allowed[] = { "name", "assumptions", "company_assumptions", "cells", NULL };
  static const char * const cell_allowed[] = { "table", "row", "period", "value", "formula", NULL };
  JsonArray *array;

  if (node == NULL)
    return TRUE;
  if (!(array = get_array (node, "scenarios", error)))
    return FALSE;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *path = g_strdup_printf ("scenarios[%u]", i);
      g_autofree char *name_path = g_strdup_printf ("%s.name", path);
      g_autofree char *assumptions_path = g_strdup_printf ("%s.assumptions", path);
      g_autofree char *company_path = g_strdup_printf ("%s.company_assumptions", path);
      g_autofree char *cells_path = g_strdup_printf ("%s.cells", path);
      JsonObject *object;
      JsonArray *cells = NULL;
      const char *name;
      guint index;

      if (!(object = get_object (json_array_get_element (array, i), path, error)) ||
          !check_keys (object, path, allowed, error) ||
          !require (object, path, "name", error) ||
          !get_text (json_object_get_member (object, "name"), name_path, BK_TEXT_NAME, &name, error))
        return FALSE;

      {
        g_autofree char *stripped = g_strstrip (g_strdup (name));

        if (*stripped == '\0')
          return fail (error, name_path, _("a scenario needs a name"));
        if (bk_workbook_find_scenario (reader->wb, stripped) >= 0)
          return fail (error, name_path, _("there is already a scenario called \"%s\""), stripped);
        bk_workbook_add_scenario (reader->wb, 0, stripped);
      }
      index = bk_workbook_get_n_scenarios (reader->wb);

      if (!read_assumptions (reader, json_object_get_member (object, "assumptions"),
                             assumptions_path, index, -1, error) ||
          !read_company_assumptions (reader, json_object_get_member (object, "company_assumptions"),
                                     company_path, index, error))
        return FALSE;

      if (json_object_has_member (object, "cells") &&
          !(cells = get_array (json_object_get_member (object, "cells"), cells_path, error)))
        return FALSE;

      for (guint c = 0; cells != NULL && c < json_array_get_length (cells); c++)
        {
          g_autofree char *cell_path = g_strdup_printf ("%s[%u]", cells_path, c);
          g_autofree char *value_path = g_strdup_printf ("%s.value", cell_path);
          g_autofree char *formula_path = g_strdup_printf ("%s.formula", cell_path);
          g_autoptr(GError) local_error = NULL;
          JsonObject *cell;
          JsonNode *value_node;
          BkFormula *formula = NULL;
          BkTable table;
          guint row, period;
          double value = NAN;

          if (!(cell = get_object (json_array_get_element (cells, c), cell_path, error)) ||
              !check_keys (cell, cell_path, cell_allowed, error) ||
              !read_cell_ref (reader, cell, cell_path, &table, &row, &period, error))
            return FALSE;

          if (json_object_has_member (cell, "formula"))
            {
              const char *text;

              if (!get_string (json_object_get_member (cell, "formula"), formula_path, &text, error))
                return FALSE;
              if (text[0] != '=')
                return fail (error, formula_path, _("a formula starts with \"=\""));
              if (!(formula = bk_formula_compile (text, table, &local_error)))
                return fail (error, formula_path, "%s", local_error->message);
            }
          else if (!require (cell, cell_path, "value", error))
            return FALSE;

          /* A formula cell carries its computed value too: check it either way. */
          value_node = json_object_get_member (cell, "value");
          if (value_node != NULL)
            {
              if (!JSON_NODE_HOLDS_NULL (value_node))
                {
                  if (!get_number (value_node, value_path, &value, error) ||
                      !bk_table_check_value (table, value, &local_error))
                    {
                      g_clear_pointer (&formula, bk_formula_free);
                      if (local_error != NULL)
                        return fail (error, value_path, "%s", local_error->message);
                      return FALSE;
                    }
                }
            }

          bk_workbook_put_override (reader->wb, index, table, row, period, TRUE, value, formula);
        }
    }

  return TRUE;
}

/* {"price_decline": "0.1 to 0.6", …}: specs in the C locale */
static gboolean
read_distributions (Reader      *reader,
                    JsonNode    *node,
                    GError     **error)
{
  JsonObject *object;
  g_autoptr(GList) members = NULL;
  BkNumberLocale c_locale;

  if (!get_optional_members (node, "distributions", &object, &members, error))
    return FALSE;

  bk_number_locale_init_c (&c_locale);
  for (GList *l = members; l; l = l->next)
    {
      const char *key = l->data;
      JsonNode *member = json_object_get_member (object, key);
      g_autofree char *path = g_strdup_printf ("distributions.%s", key);
      g_autoptr(BkDistribution) distribution = NULL;
      g_autoptr(GError) local_error = NULL;
      BkAssumption assumption;
      const char *text;

      if (!bk_assumption_from_key (key, &assumption))
        return fail (error, path, _("unknown assumption"));
      if (!get_string (member, path, &text, error))
        return FALSE;
      if (!bk_distribution_parse (text, assumption, &c_locale, &distribution, &local_error))
        return fail (error, path, "%s", local_error->message);
      bk_workbook_put_distribution (reader->wb, assumption, distribution);
    }

  return TRUE;
}

static gboolean
read_entities (Reader      *reader,
               JsonNode    *node,
               gboolean     companies,
               GError     **error)
{
  const char *name = companies ? "companies" : "markets";
  static const char * const market_keys[] = { "id", "name", NULL };
  static const char * const company_keys[] = { "id", "name", "market", NULL };
  JsonArray *array;

  if (!(array = get_array (node, name, error)))
    return FALSE;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *path = g_strdup_printf ("%s[%u]", name, i);
      g_autofree char *id_path = g_strdup_printf ("%s.id", path);
      g_autofree char *name_path = g_strdup_printf ("%s.name", path);
      g_autofree char *market_path = g_strdup_printf ("%s.market", path);
      JsonObject *object;
      const char *id, *display = NULL, *market = NULL;

      if (!(object = get_object (json_array_get_element (array, i), path, error)) ||
          !check_keys (object, path, companies ? company_keys : market_keys, error) ||
          !require (object, path, "id", error) ||
          !get_id (json_object_get_member (object, "id"), id_path, &id, error))
        return FALSE;

      if (json_object_has_member (object, "name") &&
          !get_text (json_object_get_member (object, "name"), name_path, BK_TEXT_NAME, &display, error))
        return FALSE;

      if (companies)
        {
          if (bk_workbook_find_company (reader->wb, id) >= 0)
            return fail (error, id_path, _("duplicate company id \"%s\""), id);
          if (!require (object, path, "market", error) ||
              !get_string (json_object_get_member (object, "market"), market_path, &market, error))
            return FALSE;
          if (bk_workbook_find_market (reader->wb, market) < 0)
            return fail (error, market_path, _("unknown market \"%s\""), market);
          bk_workbook_add_company (reader->wb, id, display, market);
        }
      else
        {
          if (bk_workbook_find_market (reader->wb, id) >= 0)
            return fail (error, id_path, _("duplicate market id \"%s\""), id);
          bk_workbook_add_market (reader->wb, id, display);
        }
    }

  return TRUE;
}

/* Where the pre-scan is: one frame per open object or array. */
typedef struct
{
  gboolean    object;
  gboolean    want_key;  /* object: the next string is a key */
  guint       index;     /* array: the element */
  const char *key;       /* object: the current key, raw */
  gsize       key_len;
} ScanFrame;

/* The JSON path of where the pre-scan is, as the reader writes paths. */
static char *
scan_path (const ScanFrame *frames,
           guint            depth)
{
  GString *path = g_string_new (NULL);

  for (guint d = 0; d < depth; d++)
    {
      if (!frames[d].object)
        g_string_append_printf (path, "[%u]", frames[d].index);
      else if (frames[d].key != NULL)
        {
          if (path->len > 0)
            g_string_append_c (path, '.');
          g_string_append_len (path, frames[d].key, (gssize) frames[d].key_len);
        }
    }
  return g_string_free (path, FALSE);
}

/* What json-glib would get wrong, found before it parses: nesting deeper
 * than MAX_DEPTH (its parser recurses, and 100,000 levels overflow the
 * stack), whole numbers too large for 64 bits (it wraps them around), and
 * \u0000 in a string (it cuts the string there).  One pass over the bytes;
 * anything else malformed is left to the parser. */
static gboolean
prescan_json (const char  *data,
              gsize        length,
              GError     **error)
{
  ScanFrame frames[MAX_DEPTH];
  guint depth = 0;

  for (gsize i = 0; i < length; i++)
    {
      ScanFrame *top = depth > 0 ? &frames[depth - 1] : NULL;
      char c = data[i];

      if (c == '"')
        {
          gsize start = i + 1;

          for (i++; i < length && data[i] != '"'; i++)
            if (data[i] == '\\' && ++i < length && data[i] == 'u' &&
                length - i > 4 && memcmp (data + i + 1, "0000", 4) == 0)
              {
                g_autofree char *path = scan_path (frames, depth);

                return fail (error, path, _("a string cannot contain the NUL character (\\u0000)"));
              }
          if (top != NULL && top->object && top->want_key)
            {
              top->key = data + start;
              top->key_len = MIN (i, length) - start;
              top->want_key = FALSE;
            }
        }
      else if (c == '[' || c == '{')
        {
          if (depth == MAX_DEPTH)
            {
              g_set_error (error, BK_ERROR, BK_ERROR_INVALID_INPUT,
                           _("The JSON is nested more than %d levels deep"), MAX_DEPTH);
              return FALSE;
            }
          frames[depth++] = (ScanFrame) { c == '{', c == '{', 0, NULL, 0 };
        }
      else if (c == ']' || c == '}')
        depth = depth > 0 ? depth - 1 : 0;
      else if (c == ',' && top != NULL)
        {
          top->index++;
          top->want_key = top->object;
        }
      else if (g_ascii_isdigit (c))
        {
          gsize start = i, digits;
          gboolean integer;

          while (i + 1 < length && g_ascii_isdigit (data[i + 1]))
            i++;
          digits = i + 1 - start;
          /* the integer part of a number without fraction or exponent */
          integer = (start == 0 || strchr (".eE+-", data[start - 1]) == NULL ||
                     (data[start - 1] == '-' && (start < 2 || strchr ("eE", data[start - 2]) == NULL))) &&
                    (i + 1 >= length || strchr (".eE", data[i + 1]) == NULL);
          if (integer && (digits > 19 || (digits == 19 && memcmp (data + start, "9223372036854775807", 19) > 0)))
            {
              g_autofree char *path = scan_path (frames, depth);
              g_autofree char *quoted = g_strdup_printf ("%.*s%s", (int) MIN (digits, 20), data + start,
                                                         digits > 20 ? "…" : "");

              return fail (error, path, _("the number %s is out of range"), quoted);
            }
        }
    }

  return TRUE;
}

BkWorkbook *
bk_json_read_workbook (const char  *data,
                       gssize       length,
                       GError     **error)
{
  static const char * const allowed[] = {
    "format", "version", "title", "granularity", "first_period", "periods",
    "markets", "companies", "series", "formulas", "notes", "assumptions",
    "company_assumptions", "scenarios", "distributions", NULL
  };
  static const char * const required[] = {
    "format", "version", "granularity", "first_period", "periods",
    "markets", "companies", "series",
  };
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) local_error = NULL;
  g_autoptr(BkWorkbook) wb = NULL;
  JsonObject *root;
  const char *format, *granularity_name, *first_label, *title = "";
  BkGranularity granularity;
  gint64 version, periods, first;
  Reader reader = { 0, };

  g_return_val_if_fail (data != NULL, NULL);

  if (length < 0)
    length = (gssize) strlen (data);
  if (!g_utf8_validate (data, length, NULL))
    {
      g_set_error (error, BK_ERROR, BK_ERROR_INVALID_INPUT, _("The file is not valid UTF-8 text"));
      return NULL;
    }

  if (!prescan_json (data, (gsize) length, error))
    return NULL;

  if (!json_parser_load_from_data (parser, data, length, &local_error))
    {
      g_set_error (error, BK_ERROR, BK_ERROR_INVALID_INPUT, _("Not valid JSON: %s"), local_error->message);
      return NULL;
    }

  if (json_parser_get_root (parser) == NULL || !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      g_set_error (error, BK_ERROR, BK_ERROR_INVALID_INPUT, _("A workbook is a JSON object"));
      return NULL;
    }
  root = json_node_get_object (json_parser_get_root (parser));

  for (guint i = 0; i < G_N_ELEMENTS (required); i++)
    if (!require (root, "", required[i], error))
      return NULL;
  if (!check_keys (root, "", allowed, error))
    return NULL;

  if (!get_string (json_object_get_member (root, "format"), "format", &format, error))
    return NULL;
  if (!g_str_equal (format, "breakeven-workbook"))
    {
      set_path_error (error, "format", _("\"%s\" is not a Breakeven workbook; expected \"breakeven-workbook\""), format);
      return NULL;
    }
  if (!get_integer (json_object_get_member (root, "version"), "version", G_MININT32, G_MAXINT32, &version, error))
    return NULL;
  if (version != 1)
    {
      set_path_error (error, "version", _("version %lld is not supported; this Breakeven reads version 1"), (long long) version);
      return NULL;
    }
  if (json_object_has_member (root, "title") &&
      !get_text (json_object_get_member (root, "title"), "title", BK_TEXT_TITLE, &title, error))
    return NULL;
  if (!get_string (json_object_get_member (root, "granularity"), "granularity", &granularity_name, error))
    return NULL;
  if (!bk_granularity_from_string (granularity_name, &granularity))
    {
      set_path_error (error, "granularity", _("\"%s\" is not a granularity; expected year, half or quarter"), granularity_name);
      return NULL;
    }
  if (!get_string (json_object_get_member (root, "first_period"), "first_period", &first_label, error))
    return NULL;
  if (!bk_period_parse (granularity, first_label, &first))
    {
      set_path_error (error, "first_period", _("\"%s\" is not a %s period; expected a label like %s"),
                      first_label, granularity_name,
                      granularity == BK_GRANULARITY_YEAR ? "2024" : granularity == BK_GRANULARITY_HALF ? "2024H1" : "2024Q1");
      return NULL;
    }
  if (!get_integer (json_object_get_member (root, "periods"), "periods", 1, MAX_PERIODS, &periods, error))
    return NULL;
  {
    g_autofree char *last = bk_period_label (granularity, first + periods - 1);
    gint64 check;

    if (!bk_period_parse (granularity, last, &check))
      {
        set_path_error (error, "periods", _("the periods run past the year 2999"));
        return NULL;
      }
  }

  wb = bk_workbook_new (granularity, first, (guint) periods);
  bk_workbook_set_title (wb, title);
  reader.wb = wb;
  reader.n_periods = (guint) periods;

  if (!read_entities (&reader, json_object_get_member (root, "markets"), FALSE, error) ||
      !read_entities (&reader, json_object_get_member (root, "companies"), TRUE, error) ||
      !read_series (&reader, json_object_get_member (root, "series"), error) ||
      !read_formulas_or_notes (&reader, json_object_get_member (root, "formulas"), TRUE, error) ||
      !read_formulas_or_notes (&reader, json_object_get_member (root, "notes"), FALSE, error) ||
      !read_assumptions (&reader, json_object_get_member (root, "assumptions"), "assumptions",
                         BK_SCENARIO_BASE, -1, error) ||
      !read_company_assumptions (&reader, json_object_get_member (root, "company_assumptions"),
                                 "company_assumptions", BK_SCENARIO_BASE, error) ||
      !read_scenarios (&reader, json_object_get_member (root, "scenarios"), error) ||
      !read_distributions (&reader, json_object_get_member (root, "distributions"), error))
    return NULL;

  bk_workbook_recompute_all (wb);

  return g_steal_pointer (&wb);
}

/* Generated by glib-compile-resources (data/meson.build).  Referencing it
 * keeps the resource in programs that link the static model library. */
GResource *bk_data_get_resource (void);

BkWorkbook *
bk_json_read_sample (GError **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;

  bytes = g_resource_lookup_data (bk_data_get_resource (), RESOURCE_BASE "/data/sample.json",
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, &local_error);
  if (bytes == NULL)
    {
      g_set_error (error, BK_ERROR, BK_ERROR_IO, _("The bundled sample workbook is missing: %s"),
                   local_error->message);
      return NULL;
    }

  return bk_json_read_workbook (g_bytes_get_data (bytes, NULL), (gssize) g_bytes_get_size (bytes), error);
}

BkWorkbook *
bk_json_read_workbook_file (const char  *path,
                            GError     **error)
{
  g_autofree char *data = NULL;
  gsize length;
  g_autoptr(GError) local_error = NULL;
  BkWorkbook *wb;

  g_return_val_if_fail (path != NULL, NULL);

  if (!g_file_get_contents (path, &data, &length, &local_error))
    {
      g_set_error (error, BK_ERROR, BK_ERROR_IO, "%s", local_error->message);
      return NULL;
    }

  wb = bk_json_read_workbook (data, (gssize) length, &local_error);
  if (wb == NULL)
    {
      g_autofree char *name = g_filename_display_basename (path);

      g_set_error (error, local_error->domain, local_error->code, "%s: %s", name, local_error->message);
    }

  return wb;
}
