/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-json.c — workbook JSON: reading, validation with paths, round trips
 * (FORMATS.md section 2). */

#include "config.h"

#include <math.h>
#include <string.h>

#include "bk-json.h"
#include "bk-number.h"
#include "bk-workbook.h"

static char *
sample_path (void)
{
  return g_build_filename (TEST_DATA_DIR, "..", "..", "..", "data", "sample.json", NULL);
}

static BkWorkbook *
read_ok (const char *json)
{
  g_autoptr(GError) error = NULL;
  BkWorkbook *wb = bk_json_read_workbook (json, -1, &error);

  g_assert_no_error (error);
  g_assert_nonnull (wb);
  return wb;
}

static BkWorkbook *
load_sample (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = sample_path ();
  BkWorkbook *wb = bk_json_read_workbook_file (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (wb);
  return wb;
}

static void
assert_same_text (const char *a,
                  const char *b)
{
  gsize i = 0;

  if (g_strcmp0 (a, b) == 0)
    return;
  g_assert_nonnull (a);
  g_assert_nonnull (b);
  while (a[i] && a[i] == b[i])
    i++;
  {
    gsize from = i > 120 ? i - 120 : 0;
    g_autofree char *ca = g_strndup (a + from, 240);
    g_autofree char *cb = g_strndup (b + from, 240);

    g_error ("texts differ at byte %" G_GSIZE_FORMAT ":\n--- got:\n%s\n--- expected:\n%s", i, ca, cb);
  }
}

/* A small valid workbook; tests splice their own fields into it.
 * %s after "series" lets a test add further top-level fields. */
#define HEAD \
  "{\"format\": \"breakeven-workbook\", \"version\": 1, \"title\": \"T\"," \
  " \"granularity\": \"year\", \"first_period\": \"2024\", \"periods\": 3," \
  " \"markets\": [{\"id\": \"global\", \"name\": \"Global\"}, {\"id\": \"china\", \"name\": \"China\"}]," \
  " \"companies\": [{\"id\": \"msft\", \"name\": \"Microsoft\", \"market\": \"global\"}," \
  "                 {\"id\": \"baba\", \"name\": \"Alibaba\", \"market\": \"china\"}],"
#define SERIES \
  " \"series\": {\"capex\": {\"msft\": [10, 20, null]}, \"share\": {\"baba\": [0.5, 0.5, 0.4]}," \
  "              \"tokens\": {\"global\": [50, 200, 800]}}"

static const char minimal[] = HEAD SERIES "}";

/* Asserts that @json is refused with BK_ERROR_INVALID_INPUT and that the
 * message contains @needle (the JSON path, mostly). */
static void
check_rejected (const char *json,
                const char *needle)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BkWorkbook) wb = bk_json_read_workbook (json, -1, &error);

  if (wb != NULL)
    g_error ("accepted, expected an error with \"%s\":\n%s", needle, json);
  g_assert_error (error, BK_ERROR, BK_ERROR_INVALID_INPUT);
  if (needle != NULL && strstr (error->message, needle) == NULL)
    g_error ("error \"%s\" does not contain \"%s\"", error->message, needle);
}

/* @needle must start the message: the path comes first. */
static void
check_rejected_at (const char *json,
                   const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BkWorkbook) wb = bk_json_read_workbook (json, -1, &error);
  g_autofree char *prefix = g_strdup_printf ("%s: ", path);

  if (wb != NULL)
    g_error ("accepted, expected an error at \"%s\":\n%s", path, json);
  g_assert_error (error, BK_ERROR, BK_ERROR_INVALID_INPUT);
  if (!g_str_has_prefix (error->message, prefix))
    g_error ("error \"%s\" does not start with \"%s\"", error->message, prefix);
}

/* The same, with extra top-level fields after the minimal ones */
static void
check_rejected_extra (const char *extra,
                      const char *path)
{
  g_autofree char *json = g_strdup_printf ("%s, %s}", HEAD SERIES, extra);

  check_rejected_at (json, path);
}

static BkWorkbook *
read_extra_ok (const char *extra)
{
  g_autofree char *json = g_strdup_printf ("%s, %s}", HEAD SERIES, extra);

  return read_ok (json);
}

/* Reading */

static void
test_sample (void)
{
  g_autoptr(BkWorkbook) wb = load_sample ();
  BkCell cell;
  int msft, bear;
  g_autofree char *label = NULL;

  g_assert_cmpint (bk_workbook_get_granularity (wb), ==, BK_GRANULARITY_YEAR);
  g_assert_cmpuint (bk_workbook_get_n_periods (wb), ==, 5);
  label = bk_workbook_dup_period_label (wb, 0);
  g_assert_cmpstr (label, ==, "2023");
  g_assert_cmpuint (bk_workbook_get_n_markets (wb), ==, 2);
  g_assert_cmpuint (bk_workbook_get_n_companies (wb), ==, 9);
  g_assert_cmpuint (bk_workbook_get_n_scenarios (wb), ==, 3);
  g_assert_true (g_str_has_prefix (bk_workbook_get_title (wb), "AI CapEx"));

  msft = bk_workbook_find_company (wb, "msft");
  g_assert_cmpint (msft, ==, 0);
  bk_workbook_get_cell (wb, 0, BK_TABLE_CAPEX, (guint) msft, 0, &cell);
  g_assert_cmpfloat (cell.value, ==, 28.1);
  g_assert_nonnull (cell.note);
  g_assert_true (cell.flags & BK_CELL_NOTE);

  /* a formula cell has its computed value */
  bk_workbook_get_cell (wb, 0, BK_TABLE_CAPEX, (guint) msft, 4, &cell);
  g_assert_cmpstr (cell.formula, ==, "=prev*1.15");
  g_assert_true (cell.flags & BK_CELL_FORMULA);
  g_assert_false (cell.flags & BK_CELL_INVALID);
  g_assert_cmpfloat_with_epsilon (cell.value, 145 * 1.15, 1e-9);

  /* blank cells are NAN */
  bk_workbook_get_cell (wb, 0, BK_TABLE_BACKLOG, (guint) msft, 0, &cell);
  g_assert_true (isnan (cell.value));
  g_assert_true (cell.flags & BK_CELL_BLANK);

  bear = bk_workbook_find_scenario (wb, "Bear — short GPU life, price war");
  g_assert_cmpint (bear, >, 0);
  g_assert_cmpfloat (bk_workbook_get_assumption (wb, (guint) bear, msft, BK_ASSUMPTION_IT_LIFE_YEARS), ==, 3);
  g_assert_cmpfloat (bk_workbook_get_assumption (wb, 0, msft, BK_ASSUMPTION_IT_LIFE_YEARS), ==, 6);
  g_assert_cmpuint (bk_workbook_get_n_overrides (wb, (guint) bk_workbook_find_scenario (wb, "FOMO CapEx")), >, 0);
}

static void
test_minimal (void)
{
  g_autoptr(BkWorkbook) wb = read_ok (minimal);
  const double *capex = bk_workbook_get_row_values (wb, BK_TABLE_CAPEX, 0);
  const double *backlog = bk_workbook_get_row_values (wb, BK_TABLE_BACKLOG, 1);

  /* shorter and absent series are blank */
  g_assert_cmpfloat (capex[1], ==, 20);
  g_assert_true (isnan (capex[2]));
  g_assert_true (isnan (backlog[0]));
  g_assert_cmpuint (bk_workbook_get_n_scenarios (wb), ==, 0);
  g_assert_cmpstr (bk_workbook_get_title (wb), ==, "T");

  /* title is optional */
  {
    g_autoptr(BkWorkbook) untitled = read_ok (
      "{\"format\": \"breakeven-workbook\", \"version\": 1, \"granularity\": \"year\","
      " \"first_period\": \"2024\", \"periods\": 1, \"markets\": [], \"companies\": [], \"series\": {}}");

    g_assert_cmpuint (bk_workbook_get_n_periods (untitled), ==, 1);
  }

  /* a short series is padded */
  {
    g_autoptr(BkWorkbook) shorter = read_ok (HEAD " \"series\": {\"capex\": {\"msft\": [1]}}}");

    g_assert_cmpfloat (bk_workbook_get_row_values (shorter, BK_TABLE_CAPEX, 0)[0], ==, 1);
    g_assert_true (isnan (bk_workbook_get_row_values (shorter, BK_TABLE_CAPEX, 0)[1]));
  }
}

static void
check_labels (const char  *granularity,
              const char  *first,
              guint        periods,
              const char * const *labels)
{
  g_autofree char *json = g_strdup_printf (
    "{\"format\": \"breakeven-workbook\", \"version\": 1, \"granularity\": \"%s\","
    " \"first_period\": \"%s\", \"periods\": %u, \"markets\": [{\"id\": \"m\"}],"
    " \"companies\": [{\"id\": \"c\", \"market\": \"m\"}], \"series\": {\"capex\": {\"c\": [1, 2, 3]}},"
    " \"notes\": [{\"table\": \"capex\", \"row\": \"c\", \"period\": \"%s\", \"text\": \"by label\"}]}",
    granularity, first, periods, labels[1]);
  g_autoptr(BkWorkbook) wb = read_ok (json);
  g_autofree char *again = NULL;

  g_assert_cmpstr (bk_granularity_to_string (bk_workbook_get_granularity (wb)), ==, granularity);
  g_assert_cmpuint (bk_workbook_get_n_periods (wb), ==, periods);
  for (guint p = 0; labels[p] != NULL; p++)
    {
      g_autofree char *label = bk_workbook_dup_period_label (wb, p);

      g_assert_cmpstr (label, ==, labels[p]);
      if (p < periods)
        g_assert_cmpint (bk_workbook_find_period (wb, labels[p]), ==, (int) p);
    }

  /* a note may name its period by label */
  {
    BkCell cell;

    bk_workbook_get_cell (wb, 0, BK_TABLE_CAPEX, 0, 1, &cell);
    g_assert_cmpstr (cell.note, ==, "by label");
  }

  /* and the granularity survives the round trip */
  {
    g_autofree char *out = bk_json_write_workbook (wb);
    g_autoptr(BkWorkbook) back = read_ok (out);
    g_autofree char *label = bk_workbook_dup_period_label (back, 0);

    again = bk_json_write_workbook (back);
    assert_same_text (again, out);
    g_assert_cmpstr (label, ==, first);
  }
}

static void
test_granularities (void)
{
  static const char * const years[] = { "2024", "2025", "2026", "2027", NULL };
  static const char * const halves[] = { "2024H2", "2025H1", "2025H2", "2026H1", NULL };
  static const char * const quarters[] = { "2024Q3", "2024Q4", "2025Q1", "2025Q2", "2025Q3", NULL };
  static const char * const quarters1[] = { "2024Q1", "2024Q2", "2024Q3", NULL };

  check_labels ("year", "2024", 3, years);
  check_labels ("half", "2024H2", 3, halves);
  check_labels ("quarter", "2024Q3", 3, quarters);
  check_labels ("quarter", "2024Q1", 3, quarters1);
  check_labels ("half", "2024H2", 1000, halves);
}

/* Writing */

static void
test_round_trip_sample (void)
{
  g_autoptr(BkWorkbook) wb = load_sample ();
  g_autofree char *first = bk_json_write_workbook (wb);
  g_autoptr(BkWorkbook) back = read_ok (first);
  g_autofree char *second = bk_json_write_workbook (back);
  g_autoptr(BkWorkbook) third_wb = read_ok (second);
  g_autofree char *third = bk_json_write_workbook (third_wb);

  assert_same_text (second, first);
  assert_same_text (third, first);

  /* shortest numbers */
  g_assert_nonnull (strstr (first, "0.35"));
  g_assert_null (strstr (first, "0.34999"));
  g_assert_null (strstr (first, "0.35000"));
  g_assert_nonnull (strstr (first, "[28.1, 44.5, 64.55, 145, "));

  /* every field is written */
  for (const char * const *key = (const char * const[]) { "\"format\"", "\"version\"", "\"title\"",
                                                          "\"granularity\"", "\"first_period\"",
                                                          "\"periods\"", "\"markets\"", "\"companies\"",
                                                          "\"series\"", "\"formulas\"", "\"notes\"",
                                                          "\"assumptions\"", "\"company_assumptions\"",
                                                          "\"scenarios\"", NULL };
       *key; key++)
    g_assert_nonnull (strstr (first, *key));

  /* formula cells carry their computed values in the series */
  {
    char buf[BK_NUMBER_BUF_SIZE];
    g_autofree char *expected = NULL;
    BkCell cell;

    bk_workbook_get_cell (wb, 0, BK_TABLE_CAPEX, 0, 4, &cell);
    bk_number_format_shortest (buf, cell.value);
    expected = g_strdup_printf ("\"msft\": [28.1, 44.5, 64.55, 145, %s]", buf);
    g_assert_nonnull (strstr (first, expected));
  }
}

static void
test_round_trip_everything (void)
{
  /* notes with quotes, escapes and non-ASCII text, formulas, company
   * assumptions in the base and in scenarios, scenario cells with values,
   * blanks and formulas */
  static const char json[] =
    "{\"format\": \"breakeven-workbook\", \"version\": 1,"
    " \"title\": \"Tab\\there \\\"quoted\\\" \\\\ slash \\u0001 — ü 漢字 😀\","
    " \"granularity\": \"quarter\", \"first_period\": \"2024Q2\", \"periods\": 4,"
    " \"markets\": [{\"id\": \"global\", \"name\": \"Global\"}, {\"id\": \"china\"}],"
    " \"companies\": [{\"id\": \"msft\", \"name\": \"Microsoft\", \"market\": \"global\"},"
    "               {\"id\": \"baba\", \"name\": \"阿里巴巴\", \"market\": \"china\"},"
    "               {\"id\": \"x.y-z_1\", \"name\": \"\", \"market\": \"global\"}],"
    " \"series\": {\"capex\": {\"msft\": [0.1, 0.30000000000000004, 1e-7, 123456789012.5],"
    "                        \"baba\": [5e-324, 1.7976931348623157e308, 0, null]},"
    "             \"backlog\": {\"msft\": [null, 392, null, 625]},"
    "             \"share\": {\"msft\": [0.2, 0.2, 1, 0], \"baba\": [0.47]},"
    "             \"tokens\": {\"global\": [1.5, 8, 60, 120], \"china\": []}},"
    " \"formulas\": [{\"table\": \"capex\", \"row\": \"msft\", \"period\": 3, \"formula\": \"=prev*1.3\"},"
    "              {\"table\": \"tokens\", \"row\": \"global\", \"period\": 1, \"formula\": \"=prev+2\"}],"
    " \"notes\": [{\"table\": \"capex\", \"row\": \"msft\", \"period\": 2, \"text\": \"line one\\nline \\\"two\\\"\"},"
    "           {\"table\": \"share\", \"row\": \"baba\", \"period\": 0, \"text\": \"Omdia ≈ 47%\"}],"
    " \"assumptions\": {\"discount_rate\": 0.09, \"extra_years\": 0, \"price_decline\": -0.5},"
    " \"company_assumptions\": {\"baba\": {\"it_life_years\": 5, \"utilization\": 0.35}},"
    " \"scenarios\": ["
    "   {\"name\": \"Bear\", \"assumptions\": {\"price_decline\": 0.6, \"it_life_years\": 3},"
    "    \"company_assumptions\": {\"msft\": {\"pue\": 1.5}},"
    "    \"cells\": [{\"table\": \"capex\", \"row\": \"msft\", \"period\": 1, \"value\": 90},"
    "              {\"table\": \"capex\", \"row\": \"msft\", \"period\": 2, \"value\": null},"
    "              {\"table\": \"capex\", \"row\": \"baba\", \"period\": 3, \"formula\": \"=prev*2\"}]},"
    "   {\"name\": \"Empty\"}"
    " ]}";
  g_autoptr(BkWorkbook) wb = read_ok (json);
  g_autofree char *first = bk_json_write_workbook (wb);
  g_autoptr(BkWorkbook) back = read_ok (first);
  g_autofree char *second = bk_json_write_workbook (back);
  int bear = bk_workbook_find_scenario (wb, "bear");
  BkCell cell;

  assert_same_text (second, first);

  g_assert_cmpstr (bk_workbook_get_title (back), ==, "Tab\there \"quoted\" \\ slash \001 — ü 漢字 😀");
  g_assert_nonnull (strstr (first, "\"title\": \"Tab\\there \\\"quoted\\\" \\\\ slash \\u0001 — ü 漢字 😀\""));
  g_assert_nonnull (strstr (first, "0.30000000000000004"));
  g_assert_nonnull (strstr (first, "[0.1, "));
  g_assert_cmpfloat (bk_workbook_get_row_values (back, BK_TABLE_CAPEX, 1)[0], ==, 5e-324);
  g_assert_cmpfloat (bk_workbook_get_row_values (back, BK_TABLE_CAPEX, 1)[1], ==, 1.7976931348623157e308);
  g_assert_cmpfloat (bk_workbook_get_row_values (back, BK_TABLE_CAPEX, 0)[2], ==, 1e-7);
  /* the formula replaces the value in the series: prev × 1.3 */
  g_assert_cmpfloat_with_epsilon (bk_workbook_get_row_values (back, BK_TABLE_CAPEX, 0)[3], 1e-7 * 1.3, 1e-20);
  g_assert_cmpfloat (bk_workbook_get_row_values (back, BK_TABLE_TOKENS, 0)[1], ==, 3.5);

  /* notes */
  bk_workbook_get_cell (back, 0, BK_TABLE_CAPEX, 0, 2, &cell);
  g_assert_cmpstr (cell.note, ==, "line one\nline \"two\"");
  bk_workbook_get_cell (back, 0, BK_TABLE_SHARE, 1, 0, &cell);
  g_assert_cmpstr (cell.note, ==, "Omdia ≈ 47%");

  /* assumptions and scenarios */
  g_assert_cmpfloat (bk_workbook_get_assumption_layer (back, 0, -1, BK_ASSUMPTION_EXTRA_YEARS), ==, 0);
  g_assert_cmpfloat (bk_workbook_get_assumption_layer (back, 0, 1, BK_ASSUMPTION_UTILIZATION), ==, 0.35);
  g_assert_cmpint (bear, ==, 1);
  g_assert_cmpfloat (bk_workbook_get_assumption_layer (back, 1, 0, BK_ASSUMPTION_PUE), ==, 1.5);
  g_assert_cmpfloat (bk_workbook_get_assumption (back, 1, 1, BK_ASSUMPTION_IT_LIFE_YEARS), ==, 3);
  g_assert_cmpfloat (bk_workbook_get_assumption (back, 0, 1, BK_ASSUMPTION_IT_LIFE_YEARS), ==, 5);
  g_assert_cmpuint (bk_workbook_get_n_overrides (back, 1), ==, 3);
  g_assert_cmpuint (bk_workbook_get_n_scenarios (back), ==, 2);
  g_assert_cmpstr (bk_workbook_get_scenario_name (back, 2), ==, "Empty");
  bk_workbook_get_cell (back, 1, BK_TABLE_CAPEX, 0, 1, &cell);
  g_assert_cmpfloat (cell.value, ==, 90);
  g_assert_true (cell.flags & BK_CELL_OVERRIDDEN);
  bk_workbook_get_cell (back, 1, BK_TABLE_CAPEX, 0, 2, &cell);
  g_assert_true (isnan (cell.value));
  g_assert_true (cell.flags & BK_CELL_OVERRIDDEN);
  bk_workbook_get_cell (back, 1, BK_TABLE_CAPEX, 1, 3, &cell);
  g_assert_cmpstr (cell.formula, ==, "=prev*2");
  g_assert_true (cell.flags & BK_CELL_OVERRIDDEN);
  /* baba capex period 2 is 0 */
  g_assert_cmpfloat (cell.value, ==, 0);
  bk_workbook_get_cell (back, 0, BK_TABLE_CAPEX, 0, 1, &cell);
  g_assert_cmpfloat (cell.value, ==, 0.30000000000000004);
  g_assert_false (cell.flags & BK_CELL_OVERRIDDEN);
}

/* Rejections */

static void
test_reject_syntax (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BkWorkbook) wb = NULL;
  g_autofree char *bad_utf8 = g_build_filename (TEST_DATA_DIR, "bad-utf8.json", NULL);
  g_autofree char *truncated = g_build_filename (TEST_DATA_DIR, "truncated.json", NULL);
  g_autofree char *missing = g_build_filename (TEST_DATA_DIR, "no-such-file.json", NULL);

  check_rejected ("", NULL);
  check_rejected ("not json", NULL);
  check_rejected ("{\"format\": ", NULL);
  check_rejected ("[1, 2, 3]", NULL);
  check_rejected ("42", NULL);
  check_rejected ("\"breakeven-workbook\"", NULL);
  check_rejected ("null", NULL);
  check_rejected ("{\"format\": \"breakeven-workbook\", \"version\": 1, \"title\": \"\xc3\x28\"}", NULL);

  /* a whole minimal workbook with a NUL inside */
  {
    g_autofree char *copy = g_strdup (minimal);

    copy[20] = '\0';
    wb = bk_json_read_workbook (copy, (gssize) strlen (minimal), &error);
    g_assert_null (wb);
    g_assert_error (error, BK_ERROR, BK_ERROR_INVALID_INPUT);
    g_clear_error (&error);
  }

  wb = bk_json_read_workbook_file (bad_utf8, &error);
  g_assert_null (wb);
  g_assert_error (error, BK_ERROR, BK_ERROR_INVALID_INPUT);
  g_assert_nonnull (strstr (error->message, "bad-utf8.json"));
  g_clear_error (&error);

  wb = bk_json_read_workbook_file (truncated, &error);
  g_assert_null (wb);
  g_assert_error (error, BK_ERROR, BK_ERROR_INVALID_INPUT);
  g_clear_error (&error);

  wb = bk_json_read_workbook_file (missing, &error);
  g_assert_null (wb);
  g_assert_nonnull (error);
  g_assert_true (error->domain == BK_ERROR);
  g_clear_error (&error);
}

static void
test_reject_required (void)
{
  static const char * const required[] = {
    "format", "version", "granularity", "first_period", "periods", "markets", "companies", "series",
  };

  for (guint i = 0; i < G_N_ELEMENTS (required); i++)
    {
      g_autoptr(GString) json = g_string_new (minimal);
      g_autofree char *key = g_strdup_printf ("\"%s\"", required[i]);
      g_autofree char *renamed = g_strdup_printf ("\"x%s\"", required[i]);

      /* rename the key so it is missing (and an unknown one appears) */
      g_string_replace (json, key, renamed, 1);
      check_rejected (json->str, required[i]);
    }

  /* the path comes first for missing fields too */
  check_rejected_at ("{\"format\": \"breakeven-workbook\", \"version\": 1}", "granularity");
}

static void
test_reject_header (void)
{
  check_rejected_at ("{\"format\": \"breakeven-workbook-2\", \"version\": 1, \"granularity\": \"year\","
                     " \"first_period\": \"2024\", \"periods\": 1, \"markets\": [], \"companies\": [], \"series\": {}}",
                     "format");
  check_rejected_at ("{\"format\": 1, \"version\": 1, \"granularity\": \"year\","
                     " \"first_period\": \"2024\", \"periods\": 1, \"markets\": [], \"companies\": [], \"series\": {}}",
                     "format");

#define DOC(version, granularity, first, periods) \
  "{\"format\": \"breakeven-workbook\", \"version\": " version ", \"granularity\": " granularity "," \
  " \"first_period\": " first ", \"periods\": " periods ", \"markets\": [], \"companies\": [], \"series\": {}}"

  check_rejected_at (DOC ("2", "\"year\"", "\"2024\"", "1"), "version");
  check_rejected_at (DOC ("0", "\"year\"", "\"2024\"", "1"), "version");
  check_rejected_at (DOC ("1.5", "\"year\"", "\"2024\"", "1"), "version");
  check_rejected_at (DOC ("\"1\"", "\"year\"", "\"2024\"", "1"), "version");
  check_rejected_at (DOC ("1", "\"month\"", "\"2024\"", "1"), "granularity");
  check_rejected_at (DOC ("1", "\"Year\"", "\"2024\"", "1"), "granularity");
  check_rejected_at (DOC ("1", "null", "\"2024\"", "1"), "granularity");
  check_rejected_at (DOC ("1", "\"year\"", "\"2024Q1\"", "1"), "first_period");
  check_rejected_at (DOC ("1", "\"year\"", "\"2024H1\"", "1"), "first_period");
  check_rejected_at (DOC ("1", "\"half\"", "\"2024\"", "1"), "first_period");
  check_rejected_at (DOC ("1", "\"half\"", "\"2024H3\"", "1"), "first_period");
  check_rejected_at (DOC ("1", "\"half\"", "\"2024Q1\"", "1"), "first_period");
  check_rejected_at (DOC ("1", "\"quarter\"", "\"2024Q5\"", "1"), "first_period");
  check_rejected_at (DOC ("1", "\"quarter\"", "\"2024Q0\"", "1"), "first_period");
  check_rejected_at (DOC ("1", "\"quarter\"", "\"2024H1\"", "1"), "first_period");
  check_rejected_at (DOC ("1", "\"year\"", "\"24\"", "1"), "first_period");
  check_rejected_at (DOC ("1", "\"year\"", "\"\"", "1"), "first_period");
  check_rejected_at (DOC ("1", "\"year\"", "\"20245\"", "1"), "first_period");
  check_rejected_at (DOC ("1", "\"year\"", "2024", "1"), "first_period");
  check_rejected_at (DOC ("1", "\"year\"", "\"1899\"", "1"), "first_period");
  check_rejected_at (DOC ("1", "\"year\"", "\"2024\"", "0"), "periods");
  check_rejected_at (DOC ("1", "\"year\"", "\"2024\"", "-1"), "periods");
  check_rejected_at (DOC ("1", "\"year\"", "\"2024\"", "1001"), "periods");
  check_rejected_at (DOC ("1", "\"year\"", "\"2024\"", "2.5"), "periods");
  check_rejected_at (DOC ("1", "\"year\"", "\"2024\"", "\"5\""), "periods");
  check_rejected_at (DOC ("1", "\"year\"", "\"2024\"", "1e400"), "periods");
  check_rejected_at (DOC ("1", "\"year\"", "\"2024\"", "18446744073709551621"), "periods");
  check_rejected_at (DOC ("1", "\"year\"", "\"2990\"", "20"), "periods");
  check_rejected_at (DOC ("1", "\"quarter\"", "\"2999Q4\"", "2"), "periods");

  /* the limits themselves are fine */
  {
    g_autoptr(BkWorkbook) wb = read_ok (DOC ("1", "\"year\"", "\"1950\"", "1000e0"));

    g_assert_cmpuint (bk_workbook_get_n_periods (wb), ==, 1000);
  }
  {
    g_autoptr(BkWorkbook) wb = read_ok (DOC ("1", "\"quarter\"", "\"2999Q1\"", "4"));

    g_assert_cmpuint (bk_workbook_get_n_periods (wb), ==, 4);
  }
#undef DOC

  /* unknown top-level field */
  check_rejected_extra ("\"colour\": \"red\"", "colour");
  check_rejected_extra ("\"title2\": \"x\"", "title2");
  check_rejected_at (HEAD SERIES ", \"title\": 5}", "title");
}

#define ENTITIES(markets, companies) \
  "{\"format\": \"breakeven-workbook\", \"version\": 1, \"granularity\": \"year\"," \
  " \"first_period\": \"2024\", \"periods\": 3, \"markets\": " markets ", \"companies\": " companies "," \
  " \"series\": {}}"

static void
test_reject_entities (void)
{
  check_rejected_at (ENTITIES ("[{\"id\": \"a\"}, {\"id\": \"a\"}]", "[]"), "markets[1].id");
  check_rejected_at (ENTITIES ("[{\"id\": \"a\"}]",
                               "[{\"id\": \"c\", \"market\": \"a\"}, {\"id\": \"c\", \"market\": \"a\"}]"),
                     "companies[1].id");
  check_rejected_at (ENTITIES ("[{\"id\": \"a\"}]", "[{\"id\": \"c\", \"market\": \"b\"}]"), "companies[0].market");
  check_rejected_at (ENTITIES ("[{\"id\": \"a\"}]", "[{\"id\": \"c\"}]"), "companies[0].market");
  check_rejected_at (ENTITIES ("[{\"id\": \"a\"}]", "[{\"id\": \"c\", \"market\": 1}]"), "companies[0].market");
  check_rejected_at (ENTITIES ("[{\"name\": \"A\"}]", "[]"), "markets[0].id");
  check_rejected_at (ENTITIES ("[{\"id\": \"\"}]", "[]"), "markets[0].id");
  check_rejected_at (ENTITIES ("[{\"id\": \"a b\"}]", "[]"), "markets[0].id");
  check_rejected_at (ENTITIES ("[{\"id\": \"a,b\"}]", "[]"), "markets[0].id");
  check_rejected_at (ENTITIES ("[{\"id\": 5}]", "[]"), "markets[0].id");
  check_rejected_at (ENTITIES ("[{\"id\": \"a\", \"colour\": \"red\"}]", "[]"), "markets[0].colour");
  check_rejected_at (ENTITIES ("[{\"id\": \"a\", \"name\": 7}]", "[]"), "markets[0].name");
  check_rejected_at (ENTITIES ("[\"a\"]", "[]"), "markets[0]");
  check_rejected_at (ENTITIES ("{}", "[]"), "markets");
  check_rejected_at (ENTITIES ("[]", "{}"), "companies");
  check_rejected_at (ENTITIES ("[{\"id\": \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\"}]", "[]"),
                     "markets[0].id");
  /* a company id may equal a market id: they are different kinds */
  {
    g_autoptr(BkWorkbook) wb = read_ok (ENTITIES ("[{\"id\": \"a\"}]", "[{\"id\": \"a\", \"market\": \"a\"}]"));

    g_assert_cmpuint (bk_workbook_get_n_companies (wb), ==, 1);
  }
}

#define WITH_SERIES(series) HEAD " \"series\": " series "}"

static void
test_reject_series (void)
{
  check_rejected_at (WITH_SERIES ("{\"capex\": {\"nope\": [1]}}"), "series.capex.nope");
  check_rejected_at (WITH_SERIES ("{\"tokens\": {\"msft\": [1]}}"), "series.tokens.msft");
  check_rejected_at (WITH_SERIES ("{\"share\": {\"global\": [0.1]}}"), "series.share.global");
  check_rejected_at (WITH_SERIES ("{\"capex\": {\"msft\": [1, 2, 3, 4]}}"), "series.capex.msft");
  check_rejected_at (WITH_SERIES ("{\"capex\": {\"msft\": [1, \"2\", 3]}}"), "series.capex.msft[1]");
  check_rejected_at (WITH_SERIES ("{\"capex\": {\"msft\": [1, true, 3]}}"), "series.capex.msft[1]");
  check_rejected_at (WITH_SERIES ("{\"capex\": {\"msft\": [1, [2], 3]}}"), "series.capex.msft[1]");
  check_rejected_at (WITH_SERIES ("{\"capex\": {\"msft\": 1}}"), "series.capex.msft");
  check_rejected_at (WITH_SERIES ("{\"capex\": [1]}"), "series.capex");
  check_rejected_at (WITH_SERIES ("[]"), "series");
  check_rejected_at (WITH_SERIES ("{\"capex\": {\"msft\": [-1]}}"), "series.capex.msft[0]");
  check_rejected_at (WITH_SERIES ("{\"backlog\": {\"baba\": [0, -0.5]}}"), "series.backlog.baba[1]");
  check_rejected_at (WITH_SERIES ("{\"tokens\": {\"china\": [0, 0, -3]}}"), "series.tokens.china[2]");
  check_rejected_at (WITH_SERIES ("{\"share\": {\"baba\": [0.5, 0.5, 1.7]}}"), "series.share.baba[2]");
  check_rejected (WITH_SERIES ("{\"share\": {\"baba\": [0.5, 0.5, 1.7]}}"),
                  "series.share.baba[2]: 1.7 is not a fraction between 0 and 1");
  check_rejected_at (WITH_SERIES ("{\"share\": {\"baba\": [-0.1]}}"), "series.share.baba[0]");
  check_rejected_at (WITH_SERIES ("{\"capex\": {\"msft\": [1e400]}}"), "series.capex.msft[0]");
  check_rejected_at (WITH_SERIES ("{\"capex\": {\"msft\": [-1e400]}}"), "series.capex.msft[0]");
  check_rejected (WITH_SERIES ("{\"capex\": {\"msft\": [NaN]}}"), NULL);
  check_rejected (WITH_SERIES ("{\"capex\": {\"msft\": [Infinity]}}"), NULL);
  check_rejected_at (WITH_SERIES ("{\"capex\": {\"msft\": [1, 2]}, \"opex\": {}}"), "series.opex");
}

static void
test_reject_formulas_notes (void)
{
  check_rejected_extra ("\"formulas\": [{\"table\": \"opex\", \"row\": \"msft\", \"period\": 0, \"formula\": \"=1\"}]",
                        "formulas[0].table");
  check_rejected_extra ("\"formulas\": [{\"table\": \"capex\", \"row\": \"nope\", \"period\": 0, \"formula\": \"=1\"}]",
                        "formulas[0].row");
  check_rejected_extra ("\"formulas\": [{\"table\": \"tokens\", \"row\": \"msft\", \"period\": 0, \"formula\": \"=1\"}]",
                        "formulas[0].row");
  check_rejected_extra ("\"formulas\": [{\"table\": \"capex\", \"row\": \"msft\", \"period\": 3, \"formula\": \"=1\"}]",
                        "formulas[0].period");
  check_rejected_extra ("\"formulas\": [{\"table\": \"capex\", \"row\": \"msft\", \"period\": -1, \"formula\": \"=1\"}]",
                        "formulas[0].period");
  check_rejected_extra ("\"formulas\": [{\"table\": \"capex\", \"row\": \"msft\", \"period\": 0.5, \"formula\": \"=1\"}]",
                        "formulas[0].period");
  check_rejected_extra ("\"formulas\": [{\"table\": \"capex\", \"row\": \"msft\", \"period\": \"2030\", \"formula\": \"=1\"}]",
                        "formulas[0].period");
  check_rejected_extra ("\"formulas\": [{\"table\": \"capex\", \"row\": \"msft\", \"period\": 1, \"formula\": \"prev*2\"}]",
                        "formulas[0].formula");
  check_rejected_extra ("\"formulas\": [{\"table\": \"capex\", \"row\": \"msft\", \"period\": 1, \"formula\": \"=prev*\"}]",
                        "formulas[0].formula");
  check_rejected_extra ("\"formulas\": [{\"table\": \"capex\", \"row\": \"msft\", \"period\": 1, \"formula\": \"=foo(1)\"}]",
                        "formulas[0].formula");
  check_rejected_extra ("\"formulas\": [{\"table\": \"capex\", \"row\": \"msft\", \"period\": 1, \"formula\": 2}]",
                        "formulas[0].formula");
  check_rejected_extra ("\"formulas\": [{\"table\": \"capex\", \"row\": \"msft\", \"period\": 1}]",
                        "formulas[0].formula");
  check_rejected_extra ("\"formulas\": [{\"table\": \"capex\", \"row\": \"msft\", \"formula\": \"=1\"}]",
                        "formulas[0].period");
  check_rejected_extra ("\"formulas\": [{\"table\": \"capex\", \"row\": \"msft\", \"period\": 1, \"formula\": \"=1\", \"x\": 1}]",
                        "formulas[0].x");
  check_rejected_extra ("\"formulas\": [{\"table\": \"capex\", \"row\": \"msft\", \"period\": 1, \"formula\": \"=1\"}, 5]",
                        "formulas[1]");
  check_rejected_extra ("\"formulas\": {}", "formulas");

  check_rejected_extra ("\"notes\": [{\"table\": \"capex\", \"row\": \"nope\", \"period\": 0, \"text\": \"x\"}]",
                        "notes[0].row");
  check_rejected_extra ("\"notes\": [{\"table\": \"tokens\", \"row\": \"china\", \"period\": 9, \"text\": \"x\"}]",
                        "notes[0].period");
  check_rejected_extra ("\"notes\": [{\"table\": \"nope\", \"row\": \"china\", \"period\": 0, \"text\": \"x\"}]",
                        "notes[0].table");
  check_rejected_extra ("\"notes\": [{\"table\": \"capex\", \"row\": \"msft\", \"period\": 0, \"text\": null}]",
                        "notes[0].text");
  check_rejected_extra ("\"notes\": [{\"table\": \"capex\", \"row\": \"msft\", \"period\": 0}]",
                        "notes[0].text");

  /* a formula whose result is out of range is kept as an invalid cell
   * (export writes such cells, so import must read them back) */
  {
    g_autoptr(BkWorkbook) wb = read_extra_ok (
      "\"formulas\": [{\"table\": \"capex\", \"row\": \"msft\", \"period\": 1, \"formula\": \"=prev-100\"}]");
    g_autofree char *out = bk_json_write_workbook (wb);
    g_autoptr(BkWorkbook) back = read_ok (out);
    g_autofree char *again = bk_json_write_workbook (back);
    BkCell cell;

    bk_workbook_get_cell (wb, 0, BK_TABLE_CAPEX, 0, 1, &cell);
    g_assert_true (cell.flags & BK_CELL_INVALID);
    g_assert_true (isnan (cell.value));
    assert_same_text (again, out);
  }
}

static void
test_reject_assumptions (void)
{
  check_rejected_extra ("\"assumptions\": {\"colour\": 1}", "assumptions.colour");
  check_rejected_extra ("\"assumptions\": {\"utilization\": 1.5}", "assumptions.utilization");
  check_rejected_extra ("\"assumptions\": {\"utilization\": \"0.5\"}", "assumptions.utilization");
  check_rejected_extra ("\"assumptions\": {\"utilization\": null}", "assumptions.utilization");
  check_rejected_extra ("\"assumptions\": {\"pue\": 0.5}", "assumptions.pue");
  check_rejected_extra ("\"assumptions\": {\"capex_per_mw\": 0}", "assumptions.capex_per_mw");
  check_rejected_extra ("\"assumptions\": {\"price_decline\": 1}", "assumptions.price_decline");
  check_rejected_extra ("\"assumptions\": {\"discount_rate\": -1}", "assumptions.discount_rate");
  check_rejected_extra ("\"assumptions\": {\"extra_years\": 2.5}", "assumptions.extra_years");
  check_rejected_extra ("\"assumptions\": {\"extra_years\": 51}", "assumptions.extra_years");
  check_rejected_extra ("\"assumptions\": {\"extra_years\": -1}", "assumptions.extra_years");
  check_rejected_extra ("\"assumptions\": {\"tail_growth\": 1e400}", "assumptions.tail_growth");
  check_rejected_extra ("\"assumptions\": []", "assumptions");
  check_rejected_extra ("\"company_assumptions\": {\"msft\": {\"extra_years\": 3}}",
                        "company_assumptions.msft.extra_years");
  check_rejected_extra ("\"company_assumptions\": {\"nope\": {\"pue\": 1.3}}", "company_assumptions.nope");
  check_rejected_extra ("\"company_assumptions\": {\"global\": {\"pue\": 1.3}}", "company_assumptions.global");
  check_rejected_extra ("\"company_assumptions\": {\"msft\": {\"pue\": 0}}", "company_assumptions.msft.pue");
  check_rejected_extra ("\"company_assumptions\": {\"msft\": {\"colour\": 0}}", "company_assumptions.msft.colour");
  check_rejected_extra ("\"company_assumptions\": {\"msft\": 3}", "company_assumptions.msft");

  {
    g_autoptr(BkWorkbook) wb = read_extra_ok ("\"assumptions\": {\"extra_years\": 50, \"utilization\": 1},"
                                              " \"company_assumptions\": {\"msft\": {}}");

    g_assert_cmpfloat (bk_workbook_get_assumption (wb, 0, 0, BK_ASSUMPTION_EXTRA_YEARS), ==, 50);
  }
}

static void
test_reject_scenarios (void)
{
  check_rejected_extra ("\"scenarios\": [{\"name\": \"A\"}, {\"name\": \"A\"}]", "scenarios[1].name");
  check_rejected_extra ("\"scenarios\": [{\"name\": \"Bear\"}, {\"name\": \"bear\"}]", "scenarios[1].name");
  check_rejected_extra ("\"scenarios\": [{\"name\": \"A\"}, {\"name\": \" A \"}]", "scenarios[1].name");
  check_rejected_extra ("\"scenarios\": [{\"name\": \"Base\"}]", "scenarios[0].name");
  check_rejected_extra ("\"scenarios\": [{\"name\": \"  \"}]", "scenarios[0].name");
  check_rejected_extra ("\"scenarios\": [{\"name\": 3}]", "scenarios[0].name");
  check_rejected_extra ("\"scenarios\": [{}]", "scenarios[0].name");
  check_rejected_extra ("\"scenarios\": [{\"name\": \"A\", \"colour\": 1}]", "scenarios[0].colour");
  check_rejected_extra ("\"scenarios\": [{\"name\": \"A\", \"assumptions\": {\"nope\": 1}}]",
                        "scenarios[0].assumptions.nope");
  check_rejected_extra ("\"scenarios\": [{\"name\": \"A\", \"assumptions\": {\"utilization\": 2}}]",
                        "scenarios[0].assumptions.utilization");
  check_rejected_extra ("\"scenarios\": [{\"name\": \"A\", \"company_assumptions\": {\"msft\": {\"extra_years\": 1}}}]",
                        "scenarios[0].company_assumptions.msft.extra_years");
  check_rejected_extra ("\"scenarios\": [{\"name\": \"A\", \"company_assumptions\": {\"nope\": {}}}]",
                        "scenarios[0].company_assumptions.nope");
  check_rejected_extra ("\"scenarios\": [{\"name\": \"A\", \"cells\": [{\"table\": \"capex\", \"row\": \"msft\", \"period\": 0, \"value\": -5}]}]",
                        "scenarios[0].cells[0].value");
  check_rejected_extra ("\"scenarios\": [{\"name\": \"A\", \"cells\": [{\"table\": \"share\", \"row\": \"msft\", \"period\": 0, \"value\": 1.5}]}]",
                        "scenarios[0].cells[0].value");
  check_rejected_extra ("\"scenarios\": [{\"name\": \"A\", \"cells\": [{\"table\": \"capex\", \"row\": \"msft\", \"period\": 0, \"value\": \"5\"}]}]",
                        "scenarios[0].cells[0].value");
  check_rejected_extra ("\"scenarios\": [{\"name\": \"A\", \"cells\": [{\"table\": \"capex\", \"row\": \"msft\", \"period\": 0}]}]",
                        "scenarios[0].cells[0].value");
  check_rejected_extra ("\"scenarios\": [{\"name\": \"A\", \"cells\": [{\"table\": \"capex\", \"row\": \"nope\", \"period\": 0, \"value\": 1}]}]",
                        "scenarios[0].cells[0].row");
  check_rejected_extra ("\"scenarios\": [{\"name\": \"A\", \"cells\": [{\"table\": \"capex\", \"row\": \"msft\", \"period\": 7, \"value\": 1}]}]",
                        "scenarios[0].cells[0].period");
  check_rejected_extra ("\"scenarios\": [{\"name\": \"A\", \"cells\": [{\"table\": \"opex\", \"row\": \"msft\", \"period\": 0, \"value\": 1}]}]",
                        "scenarios[0].cells[0].table");
  check_rejected_extra ("\"scenarios\": [{\"name\": \"A\", \"cells\": [{\"table\": \"capex\", \"row\": \"msft\", \"period\": 0, \"value\": 1, \"x\": 2}]}]",
                        "scenarios[0].cells[0].x");
  check_rejected_extra ("\"scenarios\": [{\"name\": \"A\", \"cells\": [{\"table\": \"capex\", \"row\": \"msft\", \"period\": 0, \"formula\": \"=(\"}]}]",
                        "scenarios[0].cells[0].formula");
  check_rejected_extra ("\"scenarios\": [{\"name\": \"A\", \"cells\": [{\"table\": \"capex\", \"row\": \"msft\", \"period\": 0, \"formula\": \"2\"}]}]",
                        "scenarios[0].cells[0].formula");
  check_rejected_extra ("\"scenarios\": [{\"name\": \"A\", \"cells\": {}}]", "scenarios[0].cells");
  check_rejected_extra ("\"scenarios\": [{\"name\": \"A\", \"cells\": [1]}]", "scenarios[0].cells[0]");
  check_rejected_extra ("\"scenarios\": {}", "scenarios");
  /* a value next to a formula is validated too (everything is validated) */
  check_rejected_extra ("\"scenarios\": [{\"name\": \"A\", \"cells\": [{\"table\": \"capex\", \"row\": \"msft\", \"period\": 0, \"formula\": \"=1\", \"value\": \"abc\"}]}]",
                        "scenarios[0].cells[0].value");
}

/* What the red-team pass found: each refused with a message that says
 * what is wrong, before json-glib can crash or misread it */
static void
test_reject_hostile (void)
{
  g_autoptr(GString) deep = g_string_new (NULL);
  g_autoptr(GString) digits = g_string_new (NULL);
  g_autoptr(GString) long_name = g_string_new (NULL);
  g_autofree char *json = NULL;

  /* 100,000 levels overflowed the parser's stack; 64 is the bound */
  for (guint i = 0; i < 100000; i++)
    g_string_append_c (deep, '[');
  for (guint i = 0; i < 100000; i++)
    g_string_append_c (deep, ']');
  check_rejected (deep->str, "64");
  g_string_truncate (deep, 0);
  for (guint i = 0; i < 100000; i++)
    g_string_append (deep, "{\"a\":");
  check_rejected (deep->str, "64");
  /* brackets inside strings do not count */
  {
    g_autoptr(GString) title = g_string_new (HEAD SERIES ", \"notes\": [{\"table\": \"capex\", \"row\": \"msft\", \"period\": 0, \"text\": \"");
    g_autoptr(BkWorkbook) wb = NULL;

    for (guint i = 0; i < 100; i++)
      g_string_append (title, "[{");
    g_string_append (title, "\\\"[\"}]}");
    wb = read_ok (title->str);
  }

  /* a 400-digit integer was read as -1 ("CapEx cannot be negative") */
  g_string_append_c (digits, '1');
  for (guint i = 0; i < 399; i++)
    g_string_append_c (digits, '0');
  json = g_strdup_printf (WITH_SERIES ("{\"capex\": {\"msft\": [%s]}}"), digits->str);
  check_rejected (json, "out of range");
  g_clear_pointer (&json, g_free);
  json = g_strdup_printf (WITH_SERIES ("{\"capex\": {\"msft\": [-%s]}}"), digits->str);
  check_rejected (json, "out of range");
  g_clear_pointer (&json, g_free);
  json = g_strdup_printf (WITH_SERIES ("{\"capex\": {\"msft\": [9223372036854775808]}}"));
  check_rejected (json, "out of range");
  g_clear_pointer (&json, g_free);
  /* the largest 64-bit integer is still a number, and exponents are not integers */
  {
    g_autoptr(BkWorkbook) wb = read_ok (WITH_SERIES ("{\"capex\": {\"msft\": [9223372036854775807, 1e-400, 1.5e2]}}"));

    g_assert_cmpfloat (bk_workbook_get_row_values (wb, BK_TABLE_CAPEX, 0)[2], ==, 150);
  }

  /* \u0000 silently cut a name short */
  check_rejected ("{\"format\": \"breakeven-workbook\", \"version\": 1, \"title\": \"a\\u0000b\"}", "\\u0000");
  {
    /* an escaped backslash before "u0000" is not a NUL */
    g_autoptr(BkWorkbook) wb = read_extra_ok ("\"notes\": [{\"table\": \"capex\", \"row\": \"msft\", \"period\": 0, \"text\": \"a\\\\u0000\"}]");

    BkCell cell;

    bk_workbook_get_cell (wb, BK_SCENARIO_BASE, BK_TABLE_CAPEX, 0, 0, &cell);
    g_assert_cmpstr (cell.note, ==, "a\\u0000");
  }

  /* stored texts are bounded */
  for (guint i = 0; i < 201; i++)
    g_string_append (long_name, "é");
  json = g_strdup_printf ("{\"format\": \"breakeven-workbook\", \"version\": 1, \"title\": \"T\","
                          " \"granularity\": \"year\", \"first_period\": \"2024\", \"periods\": 3,"
                          " \"markets\": [{\"id\": \"global\", \"name\": \"%s\"}], \"companies\": [], \"series\": {}}",
                          long_name->str);
  check_rejected_at (json, "markets[0].name");
  g_clear_pointer (&json, g_free);
  {
    g_autoptr(GString) note = g_string_new ("\"notes\": [{\"table\": \"capex\", \"row\": \"msft\", \"period\": 0, \"text\": \"");

    for (guint i = 0; i < 10001; i++)
      g_string_append_c (note, 'x');
    g_string_append (note, "\"}]");
    check_rejected_extra (note->str, "notes[0].text");
  }
}

/* Other bad input: never a crash, always an error */
static void
test_reject_odd (void)
{
  /* an integer too large for 64 bits is either read as the number it is
   * or refused, never wrapped or clamped */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(BkWorkbook) wb = bk_json_read_workbook (WITH_SERIES ("{\"capex\": {\"msft\": [100000000000000000000]}}"),
                                                      -1, &error);

    if (wb != NULL)
      g_assert_cmpfloat (bk_workbook_get_row_values (wb, BK_TABLE_CAPEX, 0)[0], ==, 1e20);
    else
      g_assert_error (error, BK_ERROR, BK_ERROR_INVALID_INPUT);
  }

  g_autoptr(GString) deep = g_string_new (NULL);

  /* deeply nested arrays */
  for (guint i = 0; i < 10000; i++)
    g_string_append_c (deep, '[');
  check_rejected (deep->str, NULL);

  /* a very long series */
  {
    g_autoptr(GString) json = g_string_new (HEAD " \"series\": {\"capex\": {\"msft\": [");

    for (guint i = 0; i < 100000; i++)
      g_string_append (json, i ? ", 1" : "1");
    g_string_append (json, "]}}}");
    check_rejected_at (json->str, "series.capex.msft");
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/json/read/sample", test_sample);
  g_test_add_func ("/json/read/minimal", test_minimal);
  g_test_add_func ("/json/read/granularities", test_granularities);
  g_test_add_func ("/json/write/round-trip-sample", test_round_trip_sample);
  g_test_add_func ("/json/write/round-trip-everything", test_round_trip_everything);
  g_test_add_func ("/json/reject/syntax", test_reject_syntax);
  g_test_add_func ("/json/reject/required", test_reject_required);
  g_test_add_func ("/json/reject/header", test_reject_header);
  g_test_add_func ("/json/reject/entities", test_reject_entities);
  g_test_add_func ("/json/reject/series", test_reject_series);
  g_test_add_func ("/json/reject/formulas-notes", test_reject_formulas_notes);
  g_test_add_func ("/json/reject/assumptions", test_reject_assumptions);
  g_test_add_func ("/json/reject/scenarios", test_reject_scenarios);
  g_test_add_func ("/json/reject/odd", test_reject_odd);
  g_test_add_func ("/json/reject/hostile", test_reject_hostile);

  return g_test_run ();
}
