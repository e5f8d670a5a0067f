/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-cli-report.c — runs `breakeven-cli report` and reads the PDF back
 * with poppler's pdfinfo, pdftotext and pdffonts (which must be
 * installed): paper sizes and page numbers, the title, every company and
 * the key figures as `recalc` prints them, the numbered sources, a Chinese
 * report with an embedded CJK font, 60 companies paginated without a row
 * split, the Analysis section against `sensitivity --json` and
 * `simulate --json`, and every rejection with nothing written */

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <stdlib.h>
#include <string.h>

#include "bk-assumptions.h"
#include "bk-test-files.h"

static char *tmp_dir;
static char *sample;  /* the sample document, in tmp_dir */
static char *many;    /* 60 companies with long notes, in tmp_dir */

#define N_MANY 60

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static void
run_free (Run *run)
{
  g_free (run->out);
  g_free (run->err);
  g_free (run);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Run, run_free)

/* Runs @argv (NULL-terminated) in the temporary folder with @env (NAME,
 * VALUE pairs, NULL-terminated, or NULL) added; it must exit normally. */
static Run *
run_program_env (const char * const *argv,
                 const char * const *env)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *joined = g_strjoinv ("' '", (char **) argv);
  Run *run = g_new0 (Run, 1);

  g_test_message ("$ '%s'", joined);
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE
                                        | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_set_cwd (launcher, tmp_dir);
  for (guint i = 0; env != NULL && env[i] != NULL; i += 2)
    g_subprocess_launcher_setenv (launcher, env[i], env[i + 1], TRUE);
  process = g_subprocess_launcher_spawnv (launcher, argv, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &run->out, &run->err, &error);
  g_assert_no_error (error);

  g_assert_true (g_subprocess_get_if_exited (process));
  run->status = g_subprocess_get_exit_status (process);
  if (run->err != NULL && run->err[0] != '\0')
    g_test_message ("stderr: %s", run->err);
  return run;
}

static Run *
run_cli_v (const char * const *env,
           const char        **args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();

  g_ptr_array_add (argv, (char *) CLI_PATH);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);
  return run_program_env ((const char * const *) argv->pdata, env);
}

#define run_cli(...) run_cli_v (NULL, (const char *[]) { __VA_ARGS__, NULL })
#define run_cli_env(env, ...) run_cli_v (env, (const char *[]) { __VA_ARGS__, NULL })

static char *
tmp_path (const char *name)
{
  return g_build_filename (tmp_dir, name, NULL);
}

/* A poppler tool: missing is a failure, never a skip */
static Run *
run_poppler (const char *tool,
             const char * const *args)
{
  g_autofree char *program = g_find_program_in_path (tool);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  Run *run;

  if (program == NULL)
    g_error ("%s is needed to read the reports; install poppler-utils", tool);
  g_ptr_array_add (argv, program);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);
  run = run_program_env ((const char * const *) argv->pdata, NULL);
  g_assert_cmpint (run->status, ==, 0);
  return run;
}

/* Writes the report of @doc to @name with the extra @args; it must succeed
 * silently. */
static void
report (const char * const *env,
        const char         *doc,
        const char         *name,
        const char         *option,
        const char         *value)
{
  g_autoptr(Run) run = run_cli_env (env, "report", doc, "-o", name, option, value);

  g_assert_cmpstr (run->err, ==, "");
  g_assert_cmpstr (run->out, ==, "");
  g_assert_cmpint (run->status, ==, 0);
}

/* pdfinfo's "Pages:" */
static guint
pdf_n_pages (const char  *name,
             char       **size)
{
  g_autoptr(Run) run = run_poppler ("pdfinfo", (const char *[]) { name, NULL });
  g_auto(GStrv) lines = g_strsplit (run->out, "\n", -1);
  guint n = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (g_str_has_prefix (lines[i], "Pages:"))
        n = (guint) g_ascii_strtoull (lines[i] + strlen ("Pages:"), NULL, 10);
      else if (g_str_has_prefix (lines[i], "Page size:") && size != NULL)
        *size = g_strdup (g_strstrip (lines[i] + strlen ("Page size:")));
    }
  g_assert_cmpuint (n, >, 0);
  return n;
}

/* The text of page @page (from 1; 0: every page), laid out as printed */
static char *
pdf_text (const char *name,
          guint       page)
{
  g_autofree char *first = g_strdup_printf ("%u", page);
  g_autoptr(Run) run = page == 0
                       ? run_poppler ("pdftotext", (const char *[]) { "-layout", name, "-", NULL })
                       : run_poppler ("pdftotext", (const char *[]) { "-layout", "-f", first, "-l", first,
                                                                      name, "-", NULL });

  return g_steal_pointer (&run->out);
}

/* A line of @text where @words (NULL-terminated) follow one another,
 * separated by spaces only */
static gboolean
has_line (const char          *text,
          const char * const  *words)
{
  g_autoptr(GString) pattern = g_string_new ("^[ ]*");
  g_autoptr(GRegex) regex = NULL;

  for (guint i = 0; words[i] != NULL; i++)
    {
      g_autofree char *escaped = g_regex_escape_string (words[i], -1);

      g_string_append_printf (pattern, "%s%s", i > 0 ? "[ ]+" : "", escaped);
    }
  g_string_append (pattern, "[ ]*$");
  regex = g_regex_new (pattern->str, G_REGEX_MULTILINE, 0, NULL);
  g_assert_nonnull (regex);
  return g_regex_match (regex, text, 0, NULL);
}

/* `recalc` as printed: the lines of its table, each NAME and five values
 * (split where two spaces or more separate them) */
static GPtrArray *
recalc_lines (const char *doc,
              const char *scenario)
{
  g_autoptr(Run) run = scenario != NULL ? run_cli ("recalc", doc, "--scenario", scenario)
                                        : run_cli ("recalc", doc);
  g_auto(GStrv) lines = g_strsplit (run->out, "\n", -1);
  g_autoptr(GRegex) gaps = g_regex_new ("[ ]{2,}", 0, 0, NULL);
  GPtrArray *table = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  gboolean in_table = FALSE;

  g_assert_cmpint (run->status, ==, 0);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *line = g_strstrip (g_strdup (lines[i]));
      char **cells;

      if (g_str_has_prefix (line, "Company ") && strstr (line, "NPV (US$ B)") != NULL)
        {
          in_table = TRUE;
          continue;
        }
      if (!in_table || line[0] == '\0' || g_str_has_prefix (line, "─"))
        continue;
      cells = g_regex_split (gaps, line, 0);
      if (g_strv_length (cells) != 6)
        {
          g_strfreev (cells);
          continue;
        }
      g_ptr_array_add (table, cells);
    }
  g_assert_cmpuint (table->len, >, 1);
  return table;
}

/* Every line of `recalc` is a row of the report's key figures, the total
 * named "Total" */
static void
assert_key_figures (const char *text,
                    const char *doc,
                    const char *scenario)
{
  g_autoptr(GPtrArray) lines = recalc_lines (doc, scenario);

  for (guint i = 0; i < lines->len; i++)
    {
      char **cells = g_ptr_array_index (lines, i);
      const char *row[7] = { cells[0], cells[1], cells[2], cells[3], cells[4], cells[5], NULL };

      if (strcmp (cells[0], "All companies") == 0)
        row[0] = "Total";
      if (!has_line (text, row))
        g_error ("no key figures line “%s %s %s %s %s %s” in the report",
                 row[0], row[1], row[2], row[3], row[4], row[5]);
    }
}

static JsonObject *
export_json (const char *doc,
             JsonParser *parser)
{
  g_autoptr(Run) run = run_cli ("export-json", doc);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (run->status, ==, 0);
  json_parser_load_from_data (parser, run->out, -1, &error);
  g_assert_no_error (error);
  return json_node_get_object (json_parser_get_root (parser));
}

/* Tests */

/* A4 by default and with --paper a4, letter with --paper letter (any
 * case); every page numbered "Page N of M" with M the page count */
static void
test_paper (void)
{
  const struct { const char *paper; const char *size; } cases[] = {
    { NULL, "595 x 842 pts (A4)" },
    { "a4", "595 x 842 pts (A4)" },
    { "LETTER", "612 x 792 pts (letter)" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("paper-%u.pdf", i);
      g_autofree char *size = NULL;
      guint n_pages;

      report (NULL, sample, name, cases[i].paper != NULL ? "--paper" : NULL, cases[i].paper);
      n_pages = pdf_n_pages (name, &size);
      g_assert_cmpstr (size, ==, cases[i].size);
      g_assert_cmpuint (n_pages, >=, 5);

      for (guint p = 1; p <= n_pages; p++)
        {
          g_autofree char *text = pdf_text (name, p);
          g_autofree char *number = g_strdup_printf ("Page %u of %u", p, n_pages);

          g_assert_nonnull (strstr (text, number));
        }
    }
}

/* The title page, every company, the key figures as recalc prints them,
 * the comparison's scenarios, the charts and the assumptions */
static void
test_contents (void)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *workbook = export_json (sample, parser);
  JsonArray *companies = json_object_get_array_member (workbook, "companies");
  JsonArray *scenarios = json_object_get_array_member (workbook, "scenarios");
  g_autofree char *text = NULL;
  g_autofree char *first = NULL;

  report (NULL, sample, "contents.pdf", NULL, NULL);
  text = pdf_text ("contents.pdf", 0);
  first = pdf_text ("contents.pdf", 1);

  /* The title page: title (it may wrap), scenario and date */
  g_assert_nonnull (strstr (first, "AI CapEx — sample"));
  g_assert_nonnull (strstr (first, "Scenario: Base"));
  g_assert_nonnull (strstr (first, "Report of "));
  {
    g_autofree char *counts = g_strdup_printf ("%u companies in %u markets, input periods 2023 to 2027",
                                               json_array_get_length (companies),
                                               json_array_get_length (json_object_get_array_member (workbook,
                                                                                                    "markets")));

    g_assert_nonnull (strstr (first, counts));
  }

  for (guint c = 0; c < json_array_get_length (companies); c++)
    {
      const char *name = json_object_get_string_member (json_array_get_object_element (companies, c), "name");

      g_assert_nonnull (strstr (text, name));
    }
  assert_key_figures (text, sample, NULL);

  g_assert_nonnull (strstr (text, "Scenario comparison"));
  for (guint s = 0; s < json_array_get_length (scenarios); s++)
    {
      const char *name = json_object_get_string_member (json_array_get_object_element (scenarios, s), "name");
      g_auto(GStrv) words = g_strsplit (name, " ", 2);

      /* A long name wraps in its column header; its first word does not */
      g_assert_nonnull (strstr (text, words[0]));
    }
  g_assert_nonnull (strstr (text, "NPV by scenario"));

  /* A chart of each page of the window, with its title */
  for (guint i = 0; i < 4; i++)
    g_assert_nonnull (strstr (text, (const char *[]) { "Capital expenditure by company",
                                                       "Net present value by company",
                                                       "Cumulative free cash flow by company",
                                                       "Return on investment by company" }[i]));

  g_assert_nonnull (strstr (text, "Input tables"));
  g_assert_nonnull (strstr (text, "Assumptions in effect"));
}

/* One company in one market, said in the singular; its key figures */
static void
test_one_company (void)
{
  g_autofree char *json = g_build_filename (CLI_TEST_DIR, "worked-example.json", NULL);
  g_autofree char *doc = tmp_path ("worked.breakeven");
  g_autoptr(Run) created = run_cli ("new", "--from", json, doc);
  g_autofree char *first = NULL;
  g_autofree char *text = NULL;

  g_assert_cmpint (created->status, ==, 0);
  report (NULL, doc, "worked.pdf", NULL, NULL);
  first = pdf_text ("worked.pdf", 1);
  text = pdf_text ("worked.pdf", 0);
  g_assert_nonnull (strstr (first, "Worked example"));
  g_assert_nonnull (strstr (first, "1 company in 1 market, input periods 2024 to 2026"));
  assert_key_figures (text, doc, NULL);
  g_assert_nonnull (strstr (text, "The workbook has no scenario besides Base."));
  g_assert_nonnull (strstr (text, "No cell carries a note."));
}

/* --scenario: the title page names it and the key figures are recalc's
 * in that scenario */
static void
test_scenario (void)
{
  const char *bear = "Bear — short GPU life, price war";
  g_autofree char *text = NULL;
  g_autofree char *first = NULL;
  g_autofree char *line = g_strdup_printf ("Scenario: %s", bear);

  report (NULL, sample, "bear.pdf", "--scenario", bear);
  text = pdf_text ("bear.pdf", 0);
  first = pdf_text ("bear.pdf", 1);
  g_assert_nonnull (strstr (first, line));
  assert_key_figures (text, sample, bear);
}

/* Every note of the sample as a numbered source, in the order of the
 * input tables (row by row, period by period), its cell named, and its
 * number beside the cell's value */
static void
test_sources (void)
{
  static const char * const tables[] = { "capex", "backlog", "tokens", "share" };
  static const char * const titles[] = { "CapEx", "Backlog", "Tokens", "Share" };
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *workbook = export_json (sample, parser);
  JsonArray *notes = json_object_get_array_member (workbook, "notes");
  JsonArray *companies = json_object_get_array_member (workbook, "companies");
  JsonArray *markets = json_object_get_array_member (workbook, "markets");
  int first_period = atoi (json_object_get_string_member (workbook, "first_period"));
  g_autofree char *text = NULL;
  guint number = 0;

  report (NULL, sample, "sources.pdf", NULL, NULL);
  text = pdf_text ("sources.pdf", 0);
  g_assert_nonnull (strstr (text, "Sources"));
  g_assert_cmpuint (json_array_get_length (notes), >, 10);

  for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
    {
      JsonArray *rows = t == 2 ? markets : companies;

      for (guint r = 0; r < json_array_get_length (rows); r++)
        {
          JsonObject *row = json_array_get_object_element (rows, r);
          const char *id = json_object_get_string_member (row, "id");

          for (guint p = 0; p < 64; p++)
            for (guint n = 0; n < json_array_get_length (notes); n++)
              {
                JsonObject *note = json_array_get_object_element (notes, n);
                g_autofree char *num = NULL;
                g_autofree char *marker = NULL;
                g_autofree char *period = NULL;
                g_auto(GStrv) words = NULL;

                if (strcmp (json_object_get_string_member (note, "table"), tables[t]) != 0
                    || strcmp (json_object_get_string_member (note, "row"), id) != 0
                    || json_object_get_int_member (note, "period") != p)
                  continue;

                number++;
                num = g_strdup_printf ("%u", number);
                marker = g_strdup_printf ("[%u]", number);
                period = g_strdup_printf ("%d", first_period + (int) p);
                words = g_strsplit (json_object_get_string_member (note, "text"), " ", 2);
                g_assert_nonnull (strstr (text, marker));
                /* "N  CapEx · Microsoft · 2023  FY2023 …", the note wrapped */
                {
                  g_autofree char *where = g_strdup_printf ("%s · %s · %s", titles[t],
                                                            json_object_get_string_member (row, "name"), period);
                  g_autofree char *start = g_strdup_printf ("%s[ ]+%s", num, where);
                  g_autofree char *escaped_where = g_regex_escape_string (where, -1);
                  g_autofree char *escaped_word = g_regex_escape_string (words[0], -1);
                  g_autofree char *pattern = g_strdup_printf ("^[ ]*%s[ ]+%s[ ]+%s", num, escaped_where,
                                                              escaped_word);

                  if (!g_regex_match_simple (pattern, text, G_REGEX_MULTILINE, 0))
                    g_error ("no source line “%s %s …” in the report", start, words[0]);
                }
              }
        }
    }
  g_assert_cmpuint (number, ==, json_array_get_length (notes));
}

/* Under zh_CN the report is in Chinese, with a CJK font embedded */
static void
test_chinese (void)
{
  const char * const env[] = {
    "LC_ALL", "zh_CN.UTF-8", "LANGUAGE", "zh_CN", "BREAKEVEN_LOCALEDIR", BUILD_LOCALEDIR, NULL,
  };
  g_autofree char *text = NULL;
  g_autoptr(Run) fonts = NULL;
  g_auto(GStrv) lines = NULL;
  gboolean cjk_embedded = FALSE;

  report (env, sample, "zh.pdf", NULL, NULL);
  text = pdf_text ("zh.pdf", 0);
  g_assert_nonnull (strstr (text, "情景：基准情景"));
  g_assert_nonnull (strstr (text, "关键指标"));
  g_assert_nonnull (strstr (text, "情景比较"));
  g_assert_nonnull (strstr (text, "NPV 的敏感性"));
  g_assert_nonnull (strstr (text, "盈亏平衡图"));
  g_assert_nonnull (strstr (text, "蒙特卡洛模拟"));
  g_assert_nonnull (strstr (text, "第 1 页，共"));
  g_assert_null (strstr (text, "Key figures"));
  /* The uncertain drivers as the window shows them: 3 至 7, not 3 to 7 */
  g_assert_nonnull (strstr (text, "3 至 7"));
  g_assert_null (strstr (text, "3 to 7"));

  fonts = run_poppler ("pdffonts", (const char *[]) { "zh.pdf", NULL });
  lines = g_strsplit (fonts->out, "\n", -1);
  for (guint i = 2; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = g_strsplit_set (lines[i], " ", -1);
      g_autoptr(GPtrArray) words = g_ptr_array_new ();

      for (guint f = 0; fields[f] != NULL; f++)
        if (fields[f][0] != '\0')
          g_ptr_array_add (words, fields[f]);
      /* name … emb sub uni object-number generation */
      if (words->len >= 6 && strstr (g_ptr_array_index (words, 0), "CJK") != NULL
          && strcmp (g_ptr_array_index (words, words->len - 5), "yes") == 0)
        cjk_embedded = TRUE;
    }
  if (!cjk_embedded)
    g_error ("no embedded CJK font in:\n%s", fonts->out);
}

/* 60 companies: the key figures run over pages under a repeated header,
 * and no row is split: each company's key figures are on one line, each
 * long note's first and last words on the same page */
static void
test_many_companies (void)
{
  g_autofree char *size = NULL;
  g_autofree char *all = NULL;
  guint n_pages, n_headers = 0;
  g_autofree guint *begin_page = g_new0 (guint, N_MANY);
  g_autofree guint *end_page = g_new0 (guint, N_MANY);

  report (NULL, many, "many.pdf", NULL, NULL);
  n_pages = pdf_n_pages ("many.pdf", &size);
  all = pdf_text ("many.pdf", 0);
  assert_key_figures (all, many, NULL);

  for (guint p = 1; p <= n_pages; p++)
    {
      g_autofree char *text = pdf_text ("many.pdf", p);

      /* The header's first line ("(US$ B)" and "(years)" wrap below) */
      if (has_line (text, (const char *[]) { "Company", "NPV", "IRR", "ROI", "Payback", "Discounted", NULL }))
        n_headers++;
      for (guint c = 0; c < N_MANY; c++)
        {
          g_autofree char *begin = g_strdup_printf ("Begin-%02u", c + 1);
          g_autofree char *end = g_strdup_printf ("End-%02u", c + 1);

          if (strstr (text, begin) != NULL)
            {
              g_assert_cmpuint (begin_page[c], ==, 0);
              begin_page[c] = p;
            }
          if (strstr (text, end) != NULL)
            {
              g_assert_cmpuint (end_page[c], ==, 0);
              end_page[c] = p;
            }
        }
    }
  /* The key figures' header on each of their pages */
  g_assert_cmpuint (n_headers, >=, 2);
  for (guint c = 0; c < N_MANY; c++)
    {
      g_assert_cmpuint (begin_page[c], >, 0);
      g_assert_cmpuint (end_page[c], ==, begin_page[c]);
    }
  /* The sources themselves span pages */
  g_assert_cmpuint (begin_page[N_MANY - 1], >, begin_page[0]);
}

/* @value as the report prints NPV: "364.17", "0.00" rather than "-0.00" */
static char *
format_npv (double value)
{
  char *text = g_strdup_printf ("%.2f", value);

  if (strcmp (text, "-0.00") == 0)
    memmove (text, text + 1, strlen (text));
  return text;
}

/* A line of @text with @words (NULL-terminated) in order, anything
 * between them */
static gboolean
has_line_with (const char          *text,
               const char * const  *words)
{
  g_autoptr(GString) pattern = g_string_new ("^[ ]*");
  g_autoptr(GRegex) regex = NULL;

  for (guint i = 0; words[i] != NULL; i++)
    {
      g_autofree char *escaped = g_regex_escape_string (words[i], -1);

      g_string_append_printf (pattern, "%s%s", i > 0 ? "[ ].*" : "", escaped);
    }
  regex = g_regex_new (pattern->str, G_REGEX_MULTILINE, 0, NULL);
  g_assert_nonnull (regex);
  return g_regex_match (regex, text, 0, NULL);
}

/* @args' JSON output, parsed into @parser */
static JsonNode *
cli_json (JsonParser         *parser,
          const char * const *args)
{
  g_autoptr(Run) run = run_cli_v (NULL, (const char **) args);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (run->status, ==, 0);
  json_parser_load_from_data (parser, run->out, -1, &error);
  g_assert_no_error (error);
  return json_parser_get_root (parser);
}

/* The sensitivity of the total NPV: the five drivers `sensitivity --json`
 * ranks first, in its order, each with NPV at its low and high values and
 * the swing as the key figures print NPV; the twelve first named in the
 * chart; then the breakeven map of price per million tokens against
 * utilization */
static void
assert_tornado_and_map (const char *text,
                        const char *doc)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonArray *bars = json_node_get_array (cli_json (parser, (const char *[]) {
    "sensitivity", doc, "--json", NULL }));
  const char *section = strstr (text, "Sensitivity of NPV");
  const char *previous = NULL;

  g_assert_nonnull (strstr (text, "Analysis"));
  g_assert_nonnull (section);
  g_assert_nonnull (strstr (section, "What moves NPV most"));
  g_assert_cmpuint (json_array_get_length (bars), >=, 12);
  for (guint i = 0; i < 12; i++)
    {
      JsonObject *bar = json_array_get_object_element (bars, i);
      BkAssumption driver;
      const char *name;

      g_assert_true (bk_assumption_from_key (json_object_get_string_member (bar, "driver"), &driver));
      name = bk_assumption_get_name (driver);
      if (i < 5)
        {
          g_autofree char *low = format_npv (json_object_get_double_member (bar, "metric_at_low"));
          g_autofree char *high = format_npv (json_object_get_double_member (bar, "metric_at_high"));
          g_autofree char *swing = format_npv (json_object_get_double_member (bar, "swing"));
          g_autofree char *escaped = g_regex_escape_string (name, -1);
          g_autofree char *pattern = g_strdup_printf ("^[ ]*%s[ ]", escaped);
          g_autoptr(GRegex) regex = g_regex_new (pattern, G_REGEX_MULTILINE, 0, NULL);
          g_autoptr(GMatchInfo) match = NULL;
          int start;

          if (!has_line_with (section, (const char *[]) { name, low, high, swing, NULL }))
            g_error ("no sensitivity line “%s … %s %s %s” in the report", name, low, high, swing);
          /* Ranked as sensitivity ranks them */
          g_assert_true (g_regex_match (regex, section, 0, &match));
          g_assert_true (g_match_info_fetch_pos (match, 0, &start, NULL));
          g_assert_true (previous == NULL || section + start > previous);
          previous = section + start;
        }
      else if (strstr (strstr (section, "What moves NPV most"), name) == NULL)
        g_error ("the tornado does not name %s", name);
    }

  g_assert_nonnull (strstr (section, "Breakeven map"));
  g_assert_nonnull (strstr (section, "Where NPV breaks even"));
  g_assert_nonnull (strstr (section, "Utilization against Price per million tokens, Total"));
}

/* The Monte Carlo line: trials, seed, NPV mean, P5, P50, P95 and
 * P(NPV > 0) as `simulate --json` with the same trials and seed gives
 * them, printed as the key figures print NPV */
static void
assert_simulation (const char *text,
                   const char *doc,
                   const char *trials,
                   const char *seed)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *result = json_node_get_object (cli_json (parser, (const char *[]) {
    "simulate", doc, "--trials", trials, "--seed", seed, "--json", NULL }));
  JsonObject *npv = json_object_get_object_member (result, "npv");
  g_autofree char *mean = format_npv (json_object_get_double_member (npv, "mean"));
  g_autofree char *p5 = format_npv (json_object_get_double_member (npv, "p5"));
  g_autofree char *p50 = format_npv (json_object_get_double_member (npv, "p50"));
  g_autofree char *p95 = format_npv (json_object_get_double_member (npv, "p95"));
  g_autofree char *positive = g_strdup_printf ("%.1f%%", 100 * json_object_get_double_member (npv, "prob_positive"));
  const char *line[] = { trials, seed, mean, p5, p50, p95, positive, NULL };
  const char *section = strstr (text, "Monte Carlo simulation");

  g_assert_nonnull (section);
  g_assert_cmpint (json_object_get_int_member (result, "trials"), ==, atoi (trials));
  if (!has_line (section, line))
    g_error ("no Monte Carlo line “%s %s %s %s %s %s %s” in the report",
             trials, seed, mean, p5, p50, p95, positive);
  g_assert_nonnull (strstr (section, "Distribution of NPV"));
  g_assert_nonnull (strstr (section, "Cumulative free cash flow, P5 to P95"));
  /* Every marker of the histogram labelled, P5 (left of the mean, but
   * after it in the chart's markers) too */
  {
    const char *histogram = strstr (section, "Distribution of NPV");
    g_autofree char *chart = g_strndup (histogram, strstr (histogram, "Source:") - histogram);

    static const char * const markers[] = { "P5", "Mean", "NPV = 0", "P95" };

    for (guint i = 0; i < G_N_ELEMENTS (markers); i++)
      if (strstr (chart, markers[i]) == NULL)
        g_error ("the histogram has no marker %s:\n%s", markers[i], chart);
  }
  /* Each uncertain driver named with its uncertainty */
  {
    g_autoptr(JsonParser) workbook_parser = json_parser_new ();
    JsonObject *workbook = export_json (doc, workbook_parser);
    JsonObject *distributions = json_object_get_object_member (workbook, "distributions");
    g_autoptr(GList) keys = json_object_get_members (distributions);
    g_autoptr(GRegex) spaces = g_regex_new ("\\s+", 0, 0, NULL);
    g_autofree char *flat = g_regex_replace (spaces, section, -1, 0, " ", 0, NULL);

    g_assert_nonnull (keys);
    for (GList *k = keys; k != NULL; k = k->next)
      {
        BkAssumption driver;
        g_autofree char *named = NULL;

        g_assert_true (bk_assumption_from_key (k->data, &driver));
        named = g_strdup_printf ("%s %s", bk_assumption_get_name (driver),
                                 json_object_get_string_member (distributions, k->data));
        if (strstr (flat, named) == NULL)
          g_error ("the simulation does not name “%s”", named);
      }
  }
}

/* The sample's report: the tornado and the map of the Analysis page, and
 * the simulation of the default 10000 trials from seed 0, as simulate
 * runs them; --trials and --seed run another */
static void
test_analysis (void)
{
  g_autofree char *text = NULL;
  g_autofree char *other = NULL;

  report (NULL, sample, "analysis.pdf", NULL, NULL);
  text = pdf_text ("analysis.pdf", 0);
  assert_tornado_and_map (text, sample);
  assert_simulation (text, sample, "10000", "0");

  {
    g_autoptr(Run) run = run_cli ("report", sample, "-o", "analysis-7.pdf", "--trials", "2000", "--seed", "7");

    g_assert_cmpint (run->status, ==, 0);
    g_assert_cmpstr (run->err, ==, "");
  }
  other = pdf_text ("analysis-7.pdf", 0);
  assert_simulation (other, sample, "2000", "7");
}

/* Without an uncertain driver, the tornado and the map but no simulation */
static void
test_analysis_certain (void)
{
  g_autofree char *doc = tmp_path ("certain.breakeven");
  g_autofree char *text = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *workbook;
  JsonObject *distributions;
  g_autoptr(GList) keys = NULL;

  {
    g_autoptr(Run) created = run_cli ("new", "--sample", doc);

    g_assert_cmpint (created->status, ==, 0);
  }
  workbook = export_json (doc, parser);
  distributions = json_object_get_object_member (workbook, "distributions");
  keys = json_object_get_members (distributions);
  g_assert_nonnull (keys);
  for (GList *k = keys; k != NULL; k = k->next)
    {
      g_autoptr(Run) run = run_cli ("uncertainty", doc, k->data, "none");

      g_assert_cmpint (run->status, ==, 0);
    }

  report (NULL, doc, "certain.pdf", NULL, NULL);
  text = pdf_text ("certain.pdf", 0);
  assert_tornado_and_map (text, doc);
  g_assert_null (strstr (text, "Monte Carlo"));
  g_assert_null (strstr (text, "Distribution of NPV"));
  g_assert_null (strstr (text, "Cumulative free cash flow, P5 to P95"));
  g_assert_null (strstr (text, "Seed"));
}

static guint
count_entries (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  guint n = 0;

  g_assert_nonnull (dir);
  while (g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

/* Exit 1 (2 for wrong usage) with one message, nothing on standard output
 * and no file written */
static void
test_rejections (void)
{
  g_autofree char *out_dir = tmp_path ("rejected");
  g_autofree char *target = g_build_filename (out_dir, "r.pdf", NULL);
  g_autofree char *missing = g_build_filename (out_dir, "no-such-folder", "r.pdf", NULL);
  g_autofree char *taken = g_build_filename (out_dir, "taken", NULL);
  const struct { int status; const char *args[8]; const char *message; } cases[] = {
    { 1, { "report", sample, "-o", target, "--scenario", "No such scenario", NULL }, "No such scenario" },
    { 1, { "report", sample, "-o", target, "--paper", "a5", NULL }, "a5" },
    { 1, { "report", sample, "-o", target, "--paper", "", NULL }, "paper" },
    { 1, { "report", sample, "-o", target, "--trials", "0", NULL }, "--trials" },
    { 1, { "report", sample, "-o", target, "--trials", "10000001", NULL }, "--trials" },
    { 1, { "report", sample, "-o", target, "--trials", "many", NULL }, "--trials" },
    { 1, { "report", sample, "-o", target, "--seed", "-1", NULL }, "--seed" },
    { 1, { "report", sample, "-o", missing, NULL }, "there is no folder" },
    { 1, { "report", sample, "-o", taken, NULL }, "it is a folder" },
    { 1, { "report", sample, "-o", sample, NULL }, "document itself" },
    { 1, { "report", "no-such-document.breakeven", "-o", target, NULL }, "no-such-document" },
    { 2, { "report", sample, NULL }, "-o" },
    { 2, { "report", sample, "-o", "-", NULL }, "-o" },
  };

  g_assert_cmpint (g_mkdir (out_dir, 0755), ==, 0);
  /* A folder where the file would go: it cannot be replaced by a file */
  g_assert_cmpint (g_mkdir (taken, 0755), ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(Run) run = run_cli_v (NULL, (const char **) cases[i].args);

      g_assert_cmpint (run->status, ==, cases[i].status);
      g_assert_true (g_str_has_prefix (run->err, "breakeven-cli: "));
      if (strstr (run->err, cases[i].message) == NULL)
        g_error ("“%s” does not mention “%s”", run->err, cases[i].message);
      g_assert_cmpstr (run->out, ==, "");
      /* Nothing written: only the folder that was there */
      g_assert_cmpuint (count_entries (out_dir), ==, 1);
      g_assert_cmpuint (count_entries (taken), ==, 0);
    }
  g_assert_true (g_file_test (sample, G_FILE_TEST_IS_REGULAR));
}

/* A folder the user may not write in (the EACCES shim, since the tests run
 * as root): exit 1 with a message that names the file and says why, the
 * report that was there byte for byte as it was, nothing else left */
static void
test_permission (void)
{
  g_autofree char *denied = tmp_path ("denied");
  g_autofree char *existing = g_build_filename (denied, "old.pdf", NULL);
  g_autofree char *fresh = g_build_filename (denied, "new.pdf", NULL);
  g_autofree char *asan = bk_test_preload_asan_options ();
  const char * const env[] = { "LD_PRELOAD", EACCES_SHIM, "BK_EACCES_DIR", denied, "ASAN_OPTIONS", asan, NULL };
  const char *targets[] = { existing, fresh };
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir (denied, 0755), ==, 0);
  g_file_set_contents (existing, "an older report", -1, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (targets); i++)
    {
      g_autoptr(Run) run = run_cli_env (env, "report", sample, "-o", targets[i]);
      g_autofree char *contents = NULL;

      g_assert_cmpint (run->status, ==, 1);
      g_assert_cmpstr (run->out, ==, "");
      g_assert_true (g_str_has_prefix (run->err, "breakeven-cli: Cannot write "));
      g_assert_nonnull (strstr (run->err, targets[i]));
      g_assert_nonnull (strstr (run->err, "no permission to write in the folder"));
      /* Not the temporary file's name */
      g_assert_null (strstr (run->err, ".pdf."));
      g_assert_cmpuint (count_entries (denied), ==, 1);
      g_assert_true (g_file_get_contents (existing, &contents, NULL, NULL));
      g_assert_cmpstr (contents, ==, "an older report");
    }

  /* The shim refuses only that folder: beside it the report is written */
  report (env, sample, "allowed.pdf", NULL, NULL);
  g_assert_cmpuint (pdf_n_pages ("allowed.pdf", NULL), >=, 5);
}

/* A workbook of N_MANY companies, each with a note long enough to wrap
 * over several lines of the sources table */
static char *
many_companies_json (void)
{
  g_autoptr(GString) json = g_string_new ("{\"format\":\"breakeven-workbook\",\"version\":1,"
                                          "\"title\":\"Sixty companies\",\"granularity\":\"year\","
                                          "\"first_period\":\"2024\",\"periods\":3,"
                                          "\"markets\":[{\"id\":\"global\",\"name\":\"Global\"}],"
                                          "\"companies\":[");

  for (guint c = 1; c <= N_MANY; c++)
    g_string_append_printf (json, "%s{\"id\":\"c%02u\",\"name\":\"Company %02u\",\"market\":\"global\"}",
                            c > 1 ? "," : "", c, c);
  g_string_append (json, "],\"series\":{\"capex\":{");
  for (guint c = 1; c <= N_MANY; c++)
    g_string_append_printf (json, "%s\"c%02u\":[%u,%u,null]", c > 1 ? "," : "", c, c, 2 * c);
  g_string_append (json, "},\"share\":{");
  for (guint c = 1; c <= N_MANY; c++)
    g_string_append_printf (json, "%s\"c%02u\":[0.01,0.01,0.01]", c > 1 ? "," : "", c);
  g_string_append (json, "},\"tokens\":{\"global\":[500,2000,8000]}},\"notes\":[");
  for (guint c = 1; c <= N_MANY; c++)
    g_string_append_printf (json,
                            "%s{\"table\":\"capex\",\"row\":\"c%02u\",\"period\":1,"
                            "\"text\":\"Begin-%02u this source is a deliberately long note, so that its row "
                            "wraps over several lines of the sources table, which must never be split "
                            "between two pages of the report; the annual report of the company, page %u, "
                            "capital expenditure including finance leases End-%02u\"}",
                            c > 1 ? "," : "", c, c, c, c);
  g_string_append (json, "]}");
  return g_string_free (g_steal_pointer (&json), FALSE);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *json_path = NULL;
  g_autofree char *json = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  tmp_dir = g_dir_make_tmp ("test-cli-report-XXXXXX", &error);
  g_assert_no_error (error);

  sample = tmp_path ("sample.breakeven");
  many = tmp_path ("many.breakeven");
  json_path = tmp_path ("many.json");
  json = many_companies_json ();
  g_file_set_contents (json_path, json, -1, &error);
  g_assert_no_error (error);
  {
    g_autoptr(Run) created = run_cli ("new", "--sample", sample);
    g_autoptr(Run) created_many = run_cli ("new", "--from", json_path, many);

    g_assert_cmpint (created->status, ==, 0);
    g_assert_cmpint (created_many->status, ==, 0);
  }

  g_test_add_func ("/cli/report/paper", test_paper);
  g_test_add_func ("/cli/report/contents", test_contents);
  g_test_add_func ("/cli/report/one-company", test_one_company);
  g_test_add_func ("/cli/report/scenario", test_scenario);
  g_test_add_func ("/cli/report/sources", test_sources);
  g_test_add_func ("/cli/report/analysis", test_analysis);
  g_test_add_func ("/cli/report/analysis-certain", test_analysis_certain);
  g_test_add_func ("/cli/report/chinese", test_chinese);
  g_test_add_func ("/cli/report/many-companies", test_many_companies);
  g_test_add_func ("/cli/report/rejections", test_rejections);
  g_test_add_func ("/cli/report/permission", test_permission);

  status = g_test_run ();

  bk_test_remove_tree (tmp_dir);
  g_free (tmp_dir);
  g_free (sample);
  g_free (many);
  return status;
}
