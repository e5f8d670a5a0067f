/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-xlsx-model-sheet.c — XLSX export: one company's model sheet
 *
 * Every line of MODEL.md, period by period, as a formula on the input
 * sheets and the drivers' defined names (local to the sheet, so they are
 * the company's effective values): the inputs as the model sees them
 * (blanks carried forward, the token tail grown at tail_growth), price,
 * the capacity each vintage adds and its tokens per joule, the capacity in
 * service as a SUMPRODUCT over the in-service window
 * v + L ≤ t < v + L + n_it, demand, revenue, costs, FCF, then the cash
 * rows and the metrics (bk-xlsx-cashflow.c).
 *
 * Each line is a template: {line} is that line's cell in the same period,
 * {line<} the one before, {line*} the whole line, {t} the period index and
 * {in} the line's input cell; the values come from the engine (cached
 * results, or the cells themselves with --values-only). */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "bk-xlsx-private.h"

typedef enum
{
  LINE_T,
  LINE_CAPEX,
  LINE_BACKLOG,
  LINE_SHARE,
  LINE_TOKENS,
  LINE_PRICE,
  LINE_MW,
  LINE_TPJ,
  LINE_CAPACITY_MW,
  LINE_CAPACITY_TOKENS,
  LINE_DEMAND,
  LINE_OPENING,
  LINE_CAPACITY_VALUE,
  LINE_REVENUE,
  LINE_UTILIZATION,
  LINE_POWER_COST,
  LINE_DEPRECIATION,
  LINE_OTHER_OPEX,
  LINE_EBIT,
  LINE_TAX,
  LINE_NOPAT,
  LINE_FCF,
  N_LINES
} Line;

#define FIRST_LINE_ROW 2
#define NO_SERIES      (-1)
#define NO_TABLE       (-1)

typedef struct
{
  const char   *key;
  int           series;  /* the engine's series, or NO_SERIES */
  int           table;   /* the input table {in} refers to, or NO_TABLE */
  const char   *label;   /* N_(), or NULL for the series' title */
  const char   *unit;    /* N_() */
  BkXlsxFormat  format;
  const char   *first;   /* period 0, NULL: as body */
  const char   *body;    /* input periods; NULL: a constant */
  const char   *tail;    /* after the inputs, NULL: as body, "": a constant */
} LineSpec;

#define IN_SERVICE   "({t*}<={t}-lag_periods)*({t*}>{t}-lag_periods-it_life_periods)"
#define DEPRECIATING "({t*}<={t}-lag_periods)*({t*}>{t}-lag_periods-facility_life_periods)"
#define CARRIED(key) "=IF(ISBLANK({in}),{" key "<},{in})"

static const LineSpec lines[N_LINES] = {
  [LINE_T] = { "t", NO_SERIES, NO_TABLE, N_("Period index (t)"), "", BK_XLSX_FORMAT_INTEGER,
               NULL, NULL, NULL },
  [LINE_CAPEX] = { "capex", BK_SERIES_CAPEX, BK_TABLE_CAPEX, NULL, N_("US$ B"), BK_XLSX_FORMAT_MONEY,
                   NULL, "={in}", "" },
  [LINE_BACKLOG] = { "backlog", NO_SERIES, BK_TABLE_BACKLOG, N_("Backlog at period end"), N_("US$ B"),
                     BK_XLSX_FORMAT_MONEY, "=IF(ISBLANK({in}),0,{in})", CARRIED ("backlog"), "={backlog<}" },
  [LINE_SHARE] = { "share", NO_SERIES, BK_TABLE_SHARE, N_("Share of the market"), "%",
                   BK_XLSX_FORMAT_PERCENT, "=IF(ISBLANK({in}),0,{in})", CARRIED ("share"), "={share<}" },
  [LINE_TOKENS] = { "tokens", NO_SERIES, BK_TABLE_TOKENS, N_("Market token demand"), N_("T tokens/day"),
                    BK_XLSX_FORMAT_TOKENS, "=IF(ISBLANK({in}),0,{in})", CARRIED ("tokens"),
                    "={tokens<}*(1+tail_growth)^period_years" },
  [LINE_PRICE] = { "price", BK_SERIES_PRICE, NO_TABLE, NULL, N_("US$ per M tokens"), BK_XLSX_FORMAT_PRICE,
                   NULL, "=price_per_mtok*(1-price_decline)^({t}*period_years)", NULL },
  [LINE_MW] = { "mw", NO_SERIES, NO_TABLE, N_("Capacity added by this vintage"), "MW", BK_XLSX_FORMAT_MW,
                NULL, "={capex}*1000/capex_per_mw", NULL },
  [LINE_TPJ] = { "tpj", NO_SERIES, NO_TABLE, N_("Tokens per joule of this vintage"), N_("tokens/J"),
                 BK_XLSX_FORMAT_NUMBER,
                 NULL, "=tokens_per_joule*(1+efficiency_growth)^({t}*period_years)", NULL },
  [LINE_CAPACITY_MW] = { "capacity_mw", BK_SERIES_CAPACITY_MW, NO_TABLE, NULL, "MW", BK_XLSX_FORMAT_MW,
                         NULL, "=SUMPRODUCT({mw*}," IN_SERVICE ")", NULL },
  [LINE_CAPACITY_TOKENS] = { "capacity_tokens", BK_SERIES_CAPACITY_TOKENS, NO_TABLE, NULL, N_("T tokens"),
                             BK_XLSX_FORMAT_TOKENS, NULL,
                             "=SUMPRODUCT({mw*},{tpj*}," IN_SERVICE ")"
                             "*10^6*utilization*inference_share*seconds_per_period/10^12", NULL },
  [LINE_DEMAND] = { "demand", BK_SERIES_DEMAND_TOKENS, NO_TABLE, NULL, N_("T tokens"), BK_XLSX_FORMAT_TOKENS,
                    NULL, "={tokens}*{share}*365*period_years", NULL },
  [LINE_OPENING] = { "opening", NO_SERIES, NO_TABLE, N_("Opening backlog"), N_("US$ B"), BK_XLSX_FORMAT_MONEY,
                     "={backlog}", "={backlog<}", NULL },
  [LINE_CAPACITY_VALUE] = { "capacity_value", NO_SERIES, NO_TABLE, N_("Value of the capacity"), N_("US$ B"),
                            BK_XLSX_FORMAT_MONEY, NULL, "={capacity_tokens}*{price}/1000", NULL },
  [LINE_REVENUE] = { "revenue", BK_SERIES_REVENUE, NO_TABLE, NULL, N_("US$ B"), BK_XLSX_FORMAT_MONEY,
                     NULL, "=MIN({demand}*{price}/1000+backlog_conversion*period_years*{opening},"
                     "{capacity_value})", NULL },
  [LINE_UTILIZATION] = { "utilization", BK_SERIES_UTILIZATION, NO_TABLE, NULL, "%", BK_XLSX_FORMAT_PERCENT,
                         NULL, "=IF({capacity_value}=0,0,{revenue}/{capacity_value})", NULL },
  [LINE_POWER_COST] = { "power_cost", BK_SERIES_POWER_COST, NO_TABLE, NULL, N_("US$ B"), BK_XLSX_FORMAT_MONEY,
                        NULL, "={capacity_mw}*pue*utilization*8760*period_years*power_price/10^9", NULL },
  [LINE_DEPRECIATION] = { "depreciation", BK_SERIES_DEPRECIATION, NO_TABLE, NULL, N_("US$ B"),
                          BK_XLSX_FORMAT_MONEY, NULL,
                          "=SUMPRODUCT({capex*}," IN_SERVICE ")*it_share/it_life_periods"
                          "+SUMPRODUCT({capex*}," DEPRECIATING ")*(1-it_share)/facility_life_periods", NULL },
  [LINE_OTHER_OPEX] = { "other_opex", BK_SERIES_OTHER_OPEX, NO_TABLE, NULL, N_("US$ B"), BK_XLSX_FORMAT_MONEY,
                        NULL, "=other_opex_share*{revenue}", NULL },
  [LINE_EBIT] = { "ebit", BK_SERIES_EBIT, NO_TABLE, NULL, N_("US$ B"), BK_XLSX_FORMAT_MONEY,
                  NULL, "={revenue}-{power_cost}-{other_opex}-{depreciation}", NULL },
  [LINE_TAX] = { "tax", BK_SERIES_TAX, NO_TABLE, NULL, N_("US$ B"), BK_XLSX_FORMAT_MONEY,
                 NULL, "=tax_rate*MAX(0,{ebit})", NULL },
  [LINE_NOPAT] = { "nopat", BK_SERIES_NOPAT, NO_TABLE, NULL, N_("US$ B"), BK_XLSX_FORMAT_MONEY,
                   NULL, "={ebit}-{tax}", NULL },
  [LINE_FCF] = { "fcf", BK_SERIES_FCF, NO_TABLE, NULL, N_("US$ B"), BK_XLSX_FORMAT_MONEY,
                 NULL, "={nopat}+{depreciation}-{capex}", NULL },
};

typedef struct
{
  BkXlsx        *x;
  guint          company;
  guint          market;
  lxw_worksheet *sheet;
} ModelSheet;

static guint
find_line (const char *key,
           gsize       length)
{
  for (guint l = 0; l < N_LINES; l++)
    if (strlen (lines[l].key) == length && strncmp (lines[l].key, key, length) == 0)
      return l;

  g_assert_not_reached ();
}

static char *
expand (ModelSheet *s,
        Line        line,
        const char *template,
        guint       t)
{
  g_autoptr(GString) out = g_string_new (NULL);
  guint col = BK_XLSX_PERIOD_COL + t;

  for (const char *p = template; *p != '\0'; )
    {
      const char *end;
      gsize length;
      char mode;
      g_autofree char *ref = NULL;

      if (*p != '{')
        {
          g_string_append_c (out, *p++);
          continue;
        }

      end = strchr (p, '}');
      g_assert (end != NULL);
      length = (gsize) (end - p - 1);
      mode = length > 0 ? p[length] : 0;
      if (mode == '<' || mode == '*')
        length--;
      else
        mode = 0;

      if (length == 2 && strncmp (p + 1, "in", 2) == 0)
        {
          BkTable table = (BkTable) lines[line].table;
          guint row = table == BK_TABLE_TOKENS ? s->market : s->company;

          g_assert (lines[line].table != NO_TABLE && t < s->x->n);
          ref = bk_xlsx_ref (s->x->input_refs[table], BK_XLSX_INPUT_ROW + row, col, FALSE);
        }
      else
        {
          guint row = FIRST_LINE_ROW + find_line (p + 1, length);

          if (mode == '*')
            ref = bk_xlsx_row_range (row, BK_XLSX_PERIOD_COL, s->x->m);
          else if (mode == '<')
            ref = bk_xlsx_ref (NULL, row, col - 1, FALSE);
          else if (row == FIRST_LINE_ROW + LINE_T)
            {
              /* Row fixed, column relative, as an analyst writes it */
              char name[LXW_MAX_COL_NAME_LENGTH];

              lxw_col_to_name (name, (lxw_col_t) col, 0);
              ref = g_strdup_printf ("%s$%u", name, row + 1);
            }
          else
            ref = bk_xlsx_ref (NULL, row, col, FALSE);
        }

      g_string_append (out, ref);
      p = end + 1;
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* An input row as the model sees it: blanks carry forward (0 before the
 * first value), the token tail grows at tail_growth. */
static void
model_input (ModelSheet   *s,
             BkTable       table,
             const double *a,
             double       *out)
{
  BkXlsx *x = s->x;
  g_autofree double *row = g_new (double, MAX (x->n, 1));
  double last = 0;

  bk_workbook_get_scenario_row (x->workbook, x->scenario, table,
                                table == BK_TABLE_TOKENS ? s->market : s->company, row);
  for (guint t = 0; t < x->m; t++)
    {
      if (t < x->n && !isnan (row[t]))
        last = row[t];
      out[t] = last;
      if (table == BK_TABLE_TOKENS && t >= x->n)
        out[t] = last * pow (1 + a[BK_ASSUMPTION_TAIL_GROWTH], (t - x->n + 1) * x->delta);
    }
}

/* The values of every line, line by line (N_LINES × m) */
static double *
line_values (ModelSheet *s)
{
  BkXlsx *x = s->x;
  const BkMetrics *metrics = bk_results_get_company (x->results, s->company);
  double *values = g_new0 (double, (gsize) N_LINES * x->m);
  double a[BK_N_ASSUMPTIONS];

#define V(line) (&values[(gsize) (line) * x->m])
  bk_workbook_get_assumptions (x->workbook, x->scenario, (int) s->company, a);

  for (guint l = 0; l < N_LINES; l++)
    if (lines[l].series != NO_SERIES)
      memcpy (V (l), metrics->series[lines[l].series], sizeof (double) * x->m);

  model_input (s, BK_TABLE_BACKLOG, a, V (LINE_BACKLOG));
  model_input (s, BK_TABLE_SHARE, a, V (LINE_SHARE));
  model_input (s, BK_TABLE_TOKENS, a, V (LINE_TOKENS));

  for (guint t = 0; t < x->m; t++)
    {
      V (LINE_T)[t] = t;
      V (LINE_MW)[t] = V (LINE_CAPEX)[t] * 1000 / a[BK_ASSUMPTION_CAPEX_PER_MW];
      V (LINE_TPJ)[t] = a[BK_ASSUMPTION_TOKENS_PER_JOULE]
        * pow (1 + a[BK_ASSUMPTION_EFFICIENCY_GROWTH], t * x->delta);
      V (LINE_OPENING)[t] = V (LINE_BACKLOG)[t > 0 ? t - 1 : 0];
      V (LINE_CAPACITY_VALUE)[t] = V (LINE_CAPACITY_TOKENS)[t] * V (LINE_PRICE)[t] / 1000;
    }
#undef V

  return values;
}

static void
write_line (ModelSheet   *s,
            Line          line,
            const double *values)
{
  BkXlsx *x = s->x;
  const LineSpec *spec = &lines[line];
  guint row = FIRST_LINE_ROW + line;
  const char *label = spec->label != NULL ? _(spec->label) : bk_series_get_title (spec->series);

  bk_xlsx_text (x, s->sheet, row, 0, label, BK_XLSX_FORMAT_TEXT);
  bk_xlsx_text (x, s->sheet, row, 1, spec->unit[0] != '\0' ? _(spec->unit) : "", BK_XLSX_FORMAT_TEXT);

  for (guint t = 0; t < x->m; t++)
    {
      const char *template = spec->body;
      g_autofree char *formula = NULL;

      if (t == 0 && spec->first != NULL)
        template = spec->first;
      else if (t >= x->n && spec->tail != NULL)
        template = spec->tail[0] != '\0' ? spec->tail : NULL;

      if (template != NULL)
        formula = expand (s, line, template, t);
      bk_xlsx_cell (x, s->sheet, row, BK_XLSX_PERIOD_COL + t, formula, values[t], spec->format);
    }
}

guint
bk_xlsx_model_fcf_row (void)
{
  return FIRST_LINE_ROW + LINE_FCF;
}

guint
bk_xlsx_model_capex_row (void)
{
  return FIRST_LINE_ROW + LINE_CAPEX;
}

guint
bk_xlsx_model_metric_row (int metric)
{
  /* The lines, the eight cash rows, a blank row and a heading */
  return FIRST_LINE_ROW + N_LINES + 8 + 2 + metric;
}

void
bk_xlsx_write_model_sheet (BkXlsx *x,
                           guint   company)
{
  ModelSheet s = { x, company, bk_workbook_get_company_market (x->workbook, company),
                   x->company_sheets[company] };
  const BkMetrics *metrics = bk_results_get_company (x->results, company);
  g_autofree double *values = line_values (&s);
  g_autofree char *title = NULL;
  BkXlsxCashRows rows = { 0, };
  double a[BK_N_ASSUMPTIONS];

  /* Translators: the first line of a company's model sheet in an XLSX
   * file: the company, its market and the scenario */
  title = g_strdup_printf (_("%s (market %s), scenario “%s”"),
                           bk_workbook_get_company_name (x->workbook, company),
                           bk_workbook_get_market_name (x->workbook, s.market),
                           bk_workbook_get_scenario_name (x->workbook, x->scenario));
  bk_xlsx_text (x, s.sheet, BK_XLSX_TITLE_ROW, 0, title, BK_XLSX_FORMAT_TITLE);
  bk_xlsx_period_header (x, s.sheet, BK_XLSX_HEADER_ROW, x->m, _("Line"), _("Unit"));

  for (guint l = 0; l < N_LINES; l++)
    write_line (&s, l, &values[(gsize) l * x->m]);

  bk_workbook_get_assumptions (x->workbook, x->scenario, (int) company, a);
  rows.t = FIRST_LINE_ROW + LINE_T;
  rows.capex = bk_xlsx_model_capex_row ();
  rows.fcf = bk_xlsx_model_fcf_row ();
  rows.cum = FIRST_LINE_ROW + N_LINES;
  bk_xlsx_write_cash_rows (x, s.sheet, &rows, metrics->series[BK_SERIES_FCF],
                           pow (1 + a[BK_ASSUMPTION_DISCOUNT_RATE], x->delta) - 1);
  g_assert (bk_xlsx_model_metric_row (0) == rows.next + 2);

  bk_xlsx_text (x, s.sheet, rows.next + 1, 0, _("Metrics"), BK_XLSX_FORMAT_HEADER);
  for (guint k = 0; k < BK_XLSX_N_METRICS; k++)
    {
      g_autofree char *formula = bk_xlsx_metric_formula (x, &rows, k);

      bk_xlsx_text (x, s.sheet, bk_xlsx_model_metric_row (k), 0, bk_xlsx_metric_title (k),
                    BK_XLSX_FORMAT_TEXT);
      bk_xlsx_cell (x, s.sheet, bk_xlsx_model_metric_row (k), BK_XLSX_PERIOD_COL, formula,
                    bk_xlsx_metric_value (metrics, k), bk_xlsx_metric_format (k));
    }
}
