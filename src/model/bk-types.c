/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-types.c — shared enumerations, the error domain and period labels */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "bk-types.h"

G_DEFINE_QUARK (bk-error-quark, bk_error)

G_DEFINE_ENUM_TYPE (BkGranularity, bk_granularity,
                    G_DEFINE_ENUM_VALUE (BK_GRANULARITY_YEAR, "year"),
                    G_DEFINE_ENUM_VALUE (BK_GRANULARITY_HALF, "half"),
                    G_DEFINE_ENUM_VALUE (BK_GRANULARITY_QUARTER, "quarter"))

/* The index of @name (NULL: none) in @names. */
static gboolean
find_name (const char * const *names,
           guint               n_names,
           const char         *name,
           gboolean            ignore_case,
           guint              *index)
{
  if (name == NULL)
    return FALSE;

  for (guint i = 0; i < n_names; i++)
    {
      if (ignore_case ? g_ascii_strcasecmp (name, names[i]) == 0 : strcmp (name, names[i]) == 0)
        {
          *index = i;
          return TRUE;
        }
    }

  return FALSE;
}

static const char * const table_names[BK_N_TABLES] = {
  "capex", "backlog", "tokens", "share",
};

const char *
bk_table_to_string (BkTable table)
{
  g_return_val_if_fail (table < BK_N_TABLES, NULL);
  return table_names[table];
}

gboolean
bk_table_from_string (const char *name,
                      BkTable    *table)
{
  guint i;

  g_return_val_if_fail (table != NULL, FALSE);

  if (!find_name (table_names, BK_N_TABLES, name, TRUE, &i))
    return FALSE;

  *table = (BkTable) i;
  return TRUE;
}

const char *
bk_table_get_title (BkTable table)
{
  switch (table)
    {
    case BK_TABLE_CAPEX:   return _("CapEx");
    case BK_TABLE_BACKLOG: return _("Backlog");
    case BK_TABLE_TOKENS:  return _("Tokens");
    case BK_TABLE_SHARE:   return _("Share");
    case BK_N_TABLES:
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
bk_table_get_unit (BkTable table)
{
  switch (table)
    {
    case BK_TABLE_CAPEX:
    case BK_TABLE_BACKLOG: return _("US$ B");
    case BK_TABLE_TOKENS:  return _("T tokens/day");
    case BK_TABLE_SHARE:   return "%";
    case BK_N_TABLES:
    default:
      g_return_val_if_reached (NULL);
    }
}

int
bk_table_get_unit_power (BkTable table)
{
  g_return_val_if_fail (table < BK_N_TABLES, 0);

  switch (table)
    {
    case BK_TABLE_CAPEX:
    case BK_TABLE_BACKLOG: return 9;
    case BK_TABLE_TOKENS:  return 12;
    case BK_TABLE_SHARE:
    case BK_N_TABLES:
    default:               return 0;
    }
}

gboolean
bk_table_rows_are_markets (BkTable table)
{
  return table == BK_TABLE_TOKENS;
}

gboolean
bk_table_carries_forward (BkTable table)
{
  return table != BK_TABLE_CAPEX;
}

gboolean
bk_table_check_value (BkTable   table,
                      double    value,
                      GError  **error)
{
  g_return_val_if_fail (table < BK_N_TABLES, FALSE);

  if (!isfinite (value))
    {
      g_set_error (error, BK_ERROR, BK_ERROR_OUT_OF_RANGE,
                   _("%s must be a finite number"), bk_table_get_title (table));
      return FALSE;
    }

  switch (table)
    {
    case BK_TABLE_CAPEX:
    case BK_TABLE_BACKLOG:
    case BK_TABLE_TOKENS:
      if (value < 0)
        {
          char buf[G_ASCII_DTOSTR_BUF_SIZE];

          g_set_error (error, BK_ERROR, BK_ERROR_OUT_OF_RANGE,
                       /* Translators: "CapEx cannot be negative (got -5)" */
                       _("%s cannot be negative (got %s)"),
                       bk_table_get_title (table),
                       g_ascii_formatd (buf, sizeof buf, "%.15g", value));
          return FALSE;
        }
      return TRUE;

    case BK_TABLE_SHARE:
      if (value < 0 || value > 1)
        {
          char buf[G_ASCII_DTOSTR_BUF_SIZE];

          g_set_error (error, BK_ERROR, BK_ERROR_OUT_OF_RANGE,
                       _("%s is not a fraction between 0 and 1 (a share between 0%% and 100%%)"),
                       g_ascii_formatd (buf, sizeof buf, "%.15g", value));
          return FALSE;
        }
      return TRUE;

    case BK_N_TABLES:
    default:
      g_assert_not_reached ();
    }
}

static const char * const granularity_names[] = { "year", "half", "quarter" };

const char *
bk_granularity_to_string (BkGranularity granularity)
{
  g_return_val_if_fail (granularity <= BK_GRANULARITY_QUARTER, NULL);
  return granularity_names[granularity];
}

gboolean
bk_granularity_from_string (const char    *name,
                            BkGranularity *granularity)
{
  guint i;

  g_return_val_if_fail (granularity != NULL, FALSE);

  if (!find_name (granularity_names, G_N_ELEMENTS (granularity_names), name, FALSE, &i))
    return FALSE;

  *granularity = (BkGranularity) i;
  return TRUE;
}

guint
bk_granularity_per_year (BkGranularity granularity)
{
  switch (granularity)
    {
    case BK_GRANULARITY_YEAR:    return 1;
    case BK_GRANULARITY_HALF:    return 2;
    case BK_GRANULARITY_QUARTER: return 4;
    default:
      g_return_val_if_reached (1);
    }
}

double
bk_granularity_delta (BkGranularity granularity)
{
  return 1.0 / bk_granularity_per_year (granularity);
}

#define MIN_YEAR 1900
#define MAX_YEAR 2999

gboolean
bk_period_parse (BkGranularity  granularity,
                 const char    *label,
                 gint64        *ordinal)
{
  guint per_year = bk_granularity_per_year (granularity);
  gint64 year = 0;
  guint64 sub = 0;
  const char *p;

  g_return_val_if_fail (ordinal != NULL, FALSE);

  if (label == NULL)
    return FALSE;

  for (p = label; p < label + 4; p++)
    {
      if (!g_ascii_isdigit (*p))
        return FALSE;
      year = year * 10 + (*p - '0');
    }

  if (year < MIN_YEAR || year > MAX_YEAR)
    return FALSE;

  switch (granularity)
    {
    case BK_GRANULARITY_YEAR:
      if (*p != '\0')
        return FALSE;
      break;

    case BK_GRANULARITY_HALF:
    case BK_GRANULARITY_QUARTER:
      if (*p != (granularity == BK_GRANULARITY_HALF ? 'H' : 'Q'))
        return FALSE;
      p++;
      if (*p < '1' || *p > (char) ('0' + per_year) || p[1] != '\0')
        return FALSE;
      sub = (guint64) (*p - '1');
      break;

    default:
      g_return_val_if_reached (FALSE);
    }

  *ordinal = year * per_year + (gint64) sub;
  return TRUE;
}

char *
bk_period_label (BkGranularity granularity,
                 gint64        ordinal)
{
  guint per_year = bk_granularity_per_year (granularity);
  gint64 year = ordinal / per_year;
  gint64 sub = ordinal % per_year;

  switch (granularity)
    {
    case BK_GRANULARITY_YEAR:
      return g_strdup_printf ("%" G_GINT64_FORMAT, year);
    case BK_GRANULARITY_HALF:
      return g_strdup_printf ("%" G_GINT64_FORMAT "H%d", year, (int) sub + 1);
    case BK_GRANULARITY_QUARTER:
      return g_strdup_printf ("%" G_GINT64_FORMAT "Q%d", year, (int) sub + 1);
    default:
      g_return_val_if_reached (NULL);
    }
}
