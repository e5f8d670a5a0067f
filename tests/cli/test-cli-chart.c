/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-cli-chart.c — runs `breakeven-cli chart` on the bundled sample:
 * every kind in every format, exact PNG sizes, valid SVG and PDF (checked
 * with rsvg-convert and pdfinfo, which must be installed), the dark theme,
 * and every rejection with its exit status and nothing written */

#include <cairo.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>

#include "bk-test-files.h"

static char *tmp_dir;
static char *sample;  /* the sample document, in tmp_dir */

static const char * const kinds[] = {
  "capex", "backlog", "tokens", "share", "cumulative-fcf", "revenue", "roi", "npv", "waterfall",
};

typedef struct
{
  int   status;
  char *out;
  gsize out_len;
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

/* Runs @argv (NULL-terminated) in the temporary folder; it must exit
 * normally, whatever the arguments. */
static Run *
run_program (const char * const *argv)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GBytes) out = NULL;
  g_autoptr(GBytes) err = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) line = g_string_new (NULL);
  Run *run = g_new0 (Run, 1);
  gsize size;
  const char *data;

  for (guint i = 0; argv[i] != NULL; i++)
    g_string_append_printf (line, " '%s'", argv[i]);
  g_test_message ("$%s", line->str);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE
                                        | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_set_cwd (launcher, tmp_dir);
  process = g_subprocess_launcher_spawnv (launcher, argv, &error);
  g_assert_no_error (error);
  g_subprocess_communicate (process, NULL, NULL, &out, &err, &error);
  g_assert_no_error (error);

  /* Never a crash */
  g_assert_true (g_subprocess_get_if_exited (process));
  run->status = g_subprocess_get_exit_status (process);
  data = g_bytes_get_data (out, &size);
  run->out = g_malloc (size + 1);
  if (size > 0)
    memcpy (run->out, data, size);
  run->out[size] = '\0';
  run->out_len = size;
  data = g_bytes_get_data (err, &size);
  run->err = g_strndup (size > 0 ? data : "", size);

  if (run->err[0] != '\0')
    g_test_message ("stderr: %s", run->err);
  g_test_message ("exit %d", run->status);

  return run;
}

static Run *
run_cli_v (const char **args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();

  g_ptr_array_add (argv, (char *) CLI_PATH);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);

  return run_program ((const char * const *) argv->pdata);
}

#define run_cli(...) run_cli_v ((const char *[]) { __VA_ARGS__, NULL })

/* Exit status 0, nothing on stdout or stderr */
#define assert_ok(run) \
  G_STMT_START { \
    g_assert_cmpstr ((run)->err, ==, ""); \
    g_assert_cmpint ((run)->status, ==, 0); \
    g_assert_cmpuint ((run)->out_len, ==, 0); \
  } G_STMT_END

/* A failure: the status, one "breakeven-cli: " message, no output */
#define assert_fails(run, expected_status) \
  G_STMT_START { \
    g_assert_cmpint ((run)->status, ==, (expected_status)); \
    g_assert_true (g_str_has_prefix ((run)->err, "breakeven-cli: ")); \
    g_assert_cmpuint ((run)->out_len, ==, 0); \
  } G_STMT_END

static char *
tmp_path (const char *name)
{
  return g_build_filename (tmp_dir, name, NULL);
}

static gboolean
file_exists (const char *name)
{
  g_autofree char *path = tmp_path (name);

  return g_file_test (path, G_FILE_TEST_EXISTS);
}

static GBytes *
read_bytes (const char *name)
{
  g_autofree char *path = tmp_path (name);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);

  return g_bytes_new_take (contents, length);
}

static guint
count_entries (const char *name)
{
  g_autofree char *path = tmp_path (name);
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  guint n = 0;

  g_assert_nonnull (dir);
  while (g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

/* Decodes a PNG; fails the test unless it is one */
static cairo_surface_t *
load_png (const char *name)
{
  g_autofree char *path = tmp_path (name);
  cairo_surface_t *surface = cairo_image_surface_create_from_png (path);

  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  return surface;
}

static void
assert_png_size (const char *name,
                 int         width,
                 int         height)
{
  cairo_surface_t *surface = load_png (name);

  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, width);
  g_assert_cmpint (cairo_image_surface_get_height (surface), ==, height);
  cairo_surface_destroy (surface);
}

static guint32
corner_pixel (const char *name)
{
  cairo_surface_t *surface = load_png (name);
  unsigned char *data;
  guint32 pixel;

  cairo_surface_flush (surface);
  data = cairo_image_surface_get_data (surface);
  pixel = *(guint32 *) (data + 2 * cairo_image_surface_get_stride (surface) + 2 * 4) & 0xffffff;
  cairo_surface_destroy (surface);

  return pixel;
}

static double
luminance (guint32 rgb)
{
  return (0.2126 * ((rgb >> 16) & 0xff) + 0.7152 * ((rgb >> 8) & 0xff)
          + 0.0722 * (rgb & 0xff)) / 255.0;
}

/* A tool the checks need: missing is a failure, never a skip */
static char *
require_program (const char *program,
                 const char *package)
{
  char *path = g_find_program_in_path (program);

  if (path == NULL)
    g_error ("%s is needed to check the exported charts; install %s", program, package);

  return path;
}

static void
assert_pdf (const char *name)
{
  g_autofree char *pdfinfo = require_program ("pdfinfo", "poppler-utils");
  g_autofree char *path = tmp_path (name);
  g_autoptr(GBytes) bytes = read_bytes (name);
  g_autoptr(Run) run = run_program ((const char * const []) { pdfinfo, path, NULL });

  g_assert_true (g_str_has_prefix (g_bytes_get_data (bytes, NULL), "%PDF-"));
  g_assert_cmpint (run->status, ==, 0);
  g_assert_nonnull (strstr (run->out, "Pages:"));
  g_assert_nonnull (strstr (run->out, "1200 x 700 pts"));
}

static void
assert_svg (const char *name)
{
  g_autofree char *rsvg = require_program ("rsvg-convert", "librsvg2-bin");
  g_autofree char *path = tmp_path (name);
  g_autofree char *png_name = g_strconcat (name, ".rendered.png", NULL);
  g_autofree char *png = tmp_path (png_name);
  g_autoptr(GBytes) bytes = read_bytes (name);
  g_autofree char *text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_autoptr(Run) run = NULL;

  /* Vectors: paths and glyph outlines, no embedded bitmap */
  g_assert_nonnull (strstr (text, "<svg"));
  g_assert_nonnull (strstr (text, "<path"));
  g_assert_null (strstr (text, "<image"));

  run = run_program ((const char * const []) { rsvg, "-o", png, path, NULL });
  g_assert_cmpint (run->status, ==, 0);
  assert_png_size (png_name, 1200, 700);
  g_unlink (png);
}

/* Tests */

/* Every kind in every format, the format from the extension */
static void
test_every_kind (void)
{
  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      g_autofree char *png = g_strdup_printf ("%s.png", kinds[k]);
      g_autofree char *svg = g_strdup_printf ("%s.svg", kinds[k]);
      g_autofree char *pdf = g_strdup_printf ("%s.pdf", kinds[k]);

      {
        g_autoptr(Run) run = run_cli ("chart", sample, "--kind", kinds[k], "-o", png);
        assert_ok (run);
        assert_png_size (png, 1200, 700);
      }
      {
        g_autoptr(Run) run = run_cli ("chart", sample, "--kind", kinds[k], "-o", svg);
        assert_ok (run);
        assert_svg (svg);
      }
      {
        g_autoptr(Run) run = run_cli ("chart", sample, "--kind", kinds[k], "-o", pdf);
        assert_ok (run);
        assert_pdf (pdf);
      }
    }
}

/* A PNG is exactly width × scale by height × scale pixels */
static void
test_png_sizes (void)
{
  const struct {
    const char *width;
    const char *height;
    const char *scale;
    int         expected_width;
    int         expected_height;
  } sizes[] = {
    { NULL, NULL, "2", 2400, 1400 },
    { "640", "360", NULL, 640, 360 },
    { "640", "360", "2", 1280, 720 },
    { "333", "201", "3", 999, 603 },
    { "1", "1", "1", 1, 1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autoptr(GPtrArray) args = g_ptr_array_new ();
      g_autoptr(Run) run = NULL;

      g_ptr_array_add (args, "chart");
      g_ptr_array_add (args, sample);
      g_ptr_array_add (args, "--kind=cumulative-fcf");
      g_ptr_array_add (args, "-o");
      g_ptr_array_add (args, "size.png");
      if (sizes[i].width != NULL)
        {
          g_ptr_array_add (args, "--width");
          g_ptr_array_add (args, (char *) sizes[i].width);
          g_ptr_array_add (args, "--height");
          g_ptr_array_add (args, (char *) sizes[i].height);
        }
      if (sizes[i].scale != NULL)
        {
          g_ptr_array_add (args, "--scale");
          g_ptr_array_add (args, (char *) sizes[i].scale);
        }
      g_ptr_array_add (args, NULL);

      run = run_cli_v ((const char **) args->pdata);
      assert_ok (run);
      assert_png_size ("size.png", sizes[i].expected_width, sizes[i].expected_height);
    }
}

/* --format wins over the extension; "-o -" writes to standard output */
static void
test_formats (void)
{
  {
    g_autoptr(Run) run = run_cli ("chart", sample, "--kind", "npv", "-o", "chart.out", "--format", "svg");
    g_autoptr(GBytes) bytes = NULL;

    assert_ok (run);
    bytes = read_bytes ("chart.out");
    g_assert_nonnull (g_strstr_len (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), "<svg"));
  }
  {
    g_autoptr(Run) run = run_cli ("chart", sample, "--kind", "npv", "-o", "CHART.PNG");

    assert_ok (run);
    assert_png_size ("CHART.PNG", 1200, 700);
  }
  {
    g_autoptr(Run) run = run_cli ("chart", sample, "--kind", "roi", "-o", "-", "--format", "PDF");

    g_assert_cmpint (run->status, ==, 0);
    g_assert_cmpstr (run->err, ==, "");
    g_assert_cmpuint (run->out_len, >, 1000);
    g_assert_true (g_str_has_prefix (run->out, "%PDF-"));
  }
  {
    g_autoptr(Run) run = run_cli ("chart", sample, "--kind", "roi", "-o", "-", "--format", "png");

    g_assert_cmpint (run->status, ==, 0);
    g_assert_true (run->out_len > 8 && memcmp (run->out, "\x89PNG\r\n\x1a\n", 8) == 0);
  }
}

/* The dark theme paints a dark background, the default a light one */
static void
test_theme (void)
{
  {
    g_autoptr(Run) run = run_cli ("chart", sample, "--kind", "capex", "-o", "dark.png", "--theme", "dark");

    assert_ok (run);
    g_assert_cmpfloat (luminance (corner_pixel ("dark.png")), <, 0.2);
  }
  {
    g_autoptr(Run) run = run_cli ("chart", sample, "--kind", "capex", "-o", "light.png");

    assert_ok (run);
    g_assert_cmpfloat (luminance (corner_pixel ("light.png")), >, 0.9);
  }
  {
    g_autoptr(Run) run = run_cli ("chart", sample, "--kind", "capex", "-o", "light2.png", "--theme=light");

    assert_ok (run);
    g_assert_cmpfloat (luminance (corner_pixel ("light2.png")), >, 0.9);
  }
}

static char *
pdf_title (const char *name)
{
  g_autofree char *pdfinfo = require_program ("pdfinfo", "poppler-utils");
  g_autofree char *path = tmp_path (name);
  g_autoptr(Run) run = run_program ((const char * const []) { pdfinfo, path, NULL });
  const char *line;

  g_assert_cmpint (run->status, ==, 0);
  line = strstr (run->out, "Title:");
  g_assert_nonnull (line);
  line += strlen ("Title:");
  while (*line == ' ')
    line++;

  return g_strndup (line, strcspn (line, "\n"));
}

static gboolean
same_file_contents (const char *a,
                    const char *b)
{
  g_autoptr(GBytes) x = read_bytes (a);
  g_autoptr(GBytes) y = read_bytes (b);

  return g_bytes_equal (x, y);
}

/* --scenario, --company and --period change what is drawn */
static void
test_selection (void)
{
  {
    g_autoptr(Run) a = run_cli ("chart", sample, "--kind", "capex", "-o", "base.png");
    g_autoptr(Run) b = run_cli ("chart", sample, "--kind", "capex", "-o", "fomo.png",
                                "--scenario", "FOMO CapEx");
    g_autoptr(Run) c = run_cli ("chart", sample, "--kind", "capex", "-o", "base2.png",
                                "--scenario", "base");

    assert_ok (a);
    assert_ok (b);
    assert_ok (c);
    g_assert_false (same_file_contents ("base.png", "fomo.png"));
    g_assert_true (same_file_contents ("base.png", "base2.png"));
  }
  {
    g_autoptr(Run) a = run_cli ("chart", sample, "--kind", "waterfall", "-o", "wf.pdf");
    g_autoptr(Run) b = run_cli ("chart", sample, "--kind", "waterfall", "-o", "wf-orcl.pdf",
                                "--company", "orcl");
    g_autoptr(Run) c = run_cli ("chart", sample, "--kind", "waterfall", "-o", "wf-orcl-2030.png",
                                "--company", "Oracle", "--period", "2030");
    g_autoptr(Run) d = run_cli ("chart", sample, "--kind", "waterfall", "-o", "wf-orcl-all.png",
                                "--company", "orcl");
    g_autofree char *title = NULL;

    assert_ok (a);
    assert_ok (b);
    assert_ok (c);
    assert_ok (d);
    title = pdf_title ("wf.pdf");
    g_assert_cmpstr (title, ==, "From revenue to free cash flow: Microsoft");
    g_clear_pointer (&title, g_free);
    title = pdf_title ("wf-orcl.pdf");
    g_assert_cmpstr (title, ==, "From revenue to free cash flow: Oracle");
    g_assert_false (same_file_contents ("wf-orcl-2030.png", "wf-orcl-all.png"));
  }
  {
    g_autoptr(Run) a = run_cli ("chart", sample, "--kind", "share", "-o", "share.pdf");
    g_autoptr(Run) b = run_cli ("chart", sample, "--kind", "share", "-o", "share-china.pdf",
                                "--company", "baba", "--period", "2025");
    g_autofree char *title = NULL;

    assert_ok (a);
    assert_ok (b);
    title = pdf_title ("share.pdf");
    g_assert_cmpstr (title, ==, "Share of token demand: Global (ex-China)");
    g_clear_pointer (&title, g_free);
    title = pdf_title ("share-china.pdf");
    g_assert_cmpstr (title, ==, "Share of token demand: China");
  }
  {
    /* Charts of every company and period take the options and ignore them */
    g_autoptr(Run) a = run_cli ("chart", sample, "--kind", "npv", "-o", "npv-a.png");
    g_autoptr(Run) b = run_cli ("chart", sample, "--kind", "npv", "-o", "npv-b.png",
                                "--company", "msft", "--period", "2031");

    assert_ok (a);
    assert_ok (b);
    g_assert_true (same_file_contents ("npv-a.png", "npv-b.png"));
  }
}

/* Every rejection: its status, a message, and nothing written */
static void
test_rejections (void)
{
  const struct {
    int         status;
    const char *args[14];
  } cases[] = {
    /* Wrong usage */
    { 2, { "--kind", "capex", "-o", "OUT.png" } },                 /* no FILE */
    { 2, { "SAMPLE", "-o", "OUT.png" } },                          /* no --kind */
    { 2, { "SAMPLE", "--kind", "capex" } },                        /* no -o */
    { 2, { "SAMPLE", "--kind", "capex", "-o", "" } },
    { 2, { "SAMPLE", "--kind", "pie", "-o", "OUT.png" } },
    /* The breakeven map needs its two drivers */
    { 2, { "SAMPLE", "--kind", "breakeven-map", "-o", "OUT.png" } },
    { 2, { "SAMPLE", "--kind", "breakeven-map", "-o", "OUT.png", "--x", "utilization" } },
    { 2, { "SAMPLE", "--kind", "breakeven-map", "-o", "OUT.png", "--y", "utilization" } },
    { 2, { "SAMPLE", "--kind", "tornado", "-o", "OUT.png", "--swing" } },
    { 2, { "SAMPLE", "--kind", "", "-o", "OUT.png" } },
    { 2, { "SAMPLE", "--kind", "capex", "-o", "OUT.png", "--colour", "red" } },
    { 2, { "SAMPLE", "--kind", "capex", "-o", "OUT.png", "-x" } },
    { 2, { "SAMPLE", "--kind", "capex", "-o", "OUT.png", "--width", "wide" } },
    { 2, { "SAMPLE", "--kind", "capex", "-o", "OUT.png", "--width", "12px" } },
    { 2, { "SAMPLE", "--kind", "capex", "-o", "OUT.png", "--height", "1.5" } },
    { 2, { "SAMPLE", "--kind", "capex", "-o", "OUT.png", "--scale", "two" } },
    { 2, { "SAMPLE", "--kind", "capex", "-o", "OUT.png", "--format", "gif" } },
    { 2, { "SAMPLE", "--kind", "capex", "-o", "OUT.gif" } },
    { 2, { "SAMPLE", "--kind", "capex", "-o", "OUT" } },
    { 2, { "SAMPLE", "--kind", "capex", "-o", "-" } },
    { 2, { "SAMPLE", "--kind", "capex", "-o", "OUT.png", "--theme", "blue" } },
    { 2, { "SAMPLE", "--kind", "capex", "-o", "OUT.png", "--width" } },
    { 2, { "SAMPLE", "SAMPLE", "--kind", "capex", "-o", "OUT.png" } },
    /* Bad input or a failed operation */
    { 1, { "SAMPLE", "--kind", "capex", "-o", "OUT.png", "--width", "0" } },
    { 1, { "SAMPLE", "--kind", "capex", "-o", "OUT.png", "--height", "0" } },
    { 1, { "SAMPLE", "--kind", "capex", "-o", "OUT.png", "--width", "-640" } },
    { 1, { "SAMPLE", "--kind", "capex", "-o", "OUT.png", "--width", "10001" } },
    { 1, { "SAMPLE", "--kind", "capex", "-o", "OUT.png", "--height", "99999999999999999999" } },
    { 1, { "SAMPLE", "--kind", "capex", "-o", "OUT.png", "--scale", "0" } },
    { 1, { "SAMPLE", "--kind", "capex", "-o", "OUT.png", "--scale", "4" } },
    { 1, { "SAMPLE", "--kind", "capex", "-o", "OUT.png", "--scenario", "Nope" } },
    { 1, { "SAMPLE", "--kind", "revenue", "-o", "OUT.png", "--company", "nvda" } },
    { 1, { "SAMPLE", "--kind", "capex", "-o", "OUT.png", "--company", "nvda" } },
    { 1, { "SAMPLE", "--kind", "waterfall", "-o", "OUT.png", "--period", "2099" } },
    { 1, { "SAMPLE", "--kind", "waterfall", "-o", "OUT.png", "--period", "soon" } },
    /* Share shows the input periods; 2030 is modelled, not typed in */
    { 1, { "SAMPLE", "--kind", "share", "-o", "OUT.png", "--period", "2030" } },
    { 1, { "SAMPLE", "--kind", "share", "-o", "OUT.png", "--period", "2022" } },
    /* Bad options of the analysis kinds */
    { 1, { "SAMPLE", "--kind", "tornado", "-o", "OUT.png", "--metric", "npx" } },
    { 1, { "SAMPLE", "--kind", "tornado", "-o", "OUT.png", "--swing", "0" } },
    { 1, { "SAMPLE", "--kind", "tornado", "-o", "OUT.png", "--swing", "1.5" } },
    { 1, { "SAMPLE", "--kind", "tornado", "-o", "OUT.png", "--swing", "a lot" } },
    { 1, { "SAMPLE", "--kind", "tornado", "-o", "OUT.png", "--company", "nvda" } },
    { 1, { "SAMPLE", "--kind", "breakeven-map", "-o", "OUT.png", "--x", "nope", "--y", "utilization" } },
    { 1, { "SAMPLE", "--kind", "breakeven-map", "-o", "OUT.png", "--x", "extra_years", "--y", "utilization" } },
    { 1, { "SAMPLE", "--kind", "breakeven-map", "-o", "OUT.png", "--x", "utilization", "--y", "utilization" } },
    { 1, { "SAMPLE", "--kind", "breakeven-map", "-o", "OUT.png", "--x", "price_per_mtok", "--y", "utilization",
           "--x-range", "3:1" } },
    { 1, { "SAMPLE", "--kind", "breakeven-map", "-o", "OUT.png", "--x", "price_per_mtok", "--y", "utilization",
           "--y-range", "0.5" } },
    { 1, { "SAMPLE", "--kind", "breakeven-map", "-o", "OUT.png", "--x", "price_per_mtok", "--y", "utilization",
           "--y-range", "-1:0.5" } },
    { 1, { "SAMPLE", "--kind", "breakeven-map", "-o", "OUT.png", "--x", "price_per_mtok", "--y", "utilization",
           "--steps", "1" } },
    { 1, { "SAMPLE", "--kind", "breakeven-map", "-o", "OUT.png", "--x", "price_per_mtok", "--y", "utilization",
           "--steps", "1001" } },
    { 1, { "SAMPLE", "--kind", "breakeven-map", "-o", "OUT.png", "--x", "price_per_mtok", "--y", "utilization",
           "--target", "zero" } },
    { 1, { "SAMPLE", "--kind", "fan", "-o", "OUT.png", "--trials", "0" } },
    { 1, { "SAMPLE", "--kind", "fan", "-o", "OUT.png", "--trials", "many" } },
    { 1, { "SAMPLE", "--kind", "histogram", "-o", "OUT.png", "--trials", "10000001" } },
    { 1, { "SAMPLE", "--kind", "histogram", "-o", "OUT.png", "--seed", "-1" } },
    { 1, { "SAMPLE", "--kind", "capex", "-o", "no-such-folder/OUT.png" } },
    { 1, { "SAMPLE", "--kind", "capex", "-o", "NOTADIR/OUT.png" } },
    { 1, { "SAMPLE", "--kind", "capex", "-o", ".", "--format", "png" } },
    { 1, { "SAMPLE", "--kind", "capex", "-o", "SAMPLE", "--format", "png" } },
    { 1, { "missing.breakeven", "--kind", "capex", "-o", "OUT.png" } },
    { 1, { "NOTADOC", "--kind", "capex", "-o", "OUT.png" } },
    { 1, { ".", "--kind", "capex", "-o", "OUT.png" } },
  };
  g_autoptr(GBytes) sample_before = read_bytes ("sample.breakeven");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *folder = g_strdup_printf ("reject-%u", i);
      g_autofree char *folder_path = tmp_path (folder);
      g_autofree char *out = g_build_filename (folder_path, "out.png", NULL);
      g_autofree char *out_gif = g_build_filename (folder_path, "out.gif", NULL);
      g_autofree char *out_bare = g_build_filename (folder_path, "out", NULL);
      g_autofree char *missing = g_build_filename (folder_path, "nowhere", "out.png", NULL);
      g_autofree char *notadir = g_build_filename (folder_path, "file.txt", NULL);
      g_autofree char *notadir_out = g_build_filename (notadir, "out.png", NULL);
      g_autofree char *notadoc = g_build_filename (folder_path, "junk.breakeven", NULL);
      g_autofree char *missing_doc = g_build_filename (folder_path, "missing.breakeven", NULL);
      g_autoptr(GPtrArray) args = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(Run) run = NULL;

      /* A folder holding a plain file and a file that is not a document */
      g_assert_cmpint (g_mkdir (folder_path, 0755), ==, 0);
      g_assert_true (g_file_set_contents (notadir, "just text\n", -1, NULL));
      g_assert_true (g_file_set_contents (notadoc, "not a database\n", -1, NULL));

      g_ptr_array_add (args, g_strdup ("chart"));
      for (guint a = 0; cases[i].args[a] != NULL; a++)
        {
          const char *arg = cases[i].args[a];

          if (strcmp (arg, "SAMPLE") == 0)
            arg = sample;
          else if (strcmp (arg, "OUT.png") == 0)
            arg = out;
          else if (strcmp (arg, "OUT.gif") == 0)
            arg = out_gif;
          else if (strcmp (arg, "OUT") == 0)
            arg = out_bare;
          else if (strcmp (arg, "no-such-folder/OUT.png") == 0)
            arg = missing;
          else if (strcmp (arg, "NOTADIR/OUT.png") == 0)
            arg = notadir_out;
          else if (strcmp (arg, "NOTADOC") == 0)
            arg = notadoc;
          else if (strcmp (arg, "missing.breakeven") == 0)
            arg = missing_doc;
          else if (strcmp (arg, ".") == 0)
            arg = folder_path;
          g_ptr_array_add (args, g_strdup (arg));
        }
      g_ptr_array_add (args, NULL);

      run = run_cli_v ((const char **) args->pdata);
      assert_fails (run, cases[i].status);

      /* Nothing written: the folder holds what it held, the sample is intact */
      g_assert_cmpuint (count_entries (folder), ==, 2);
      g_assert_false (g_file_test (missing_doc, G_FILE_TEST_EXISTS));
      {
        g_autoptr(GBytes) sample_after = read_bytes ("sample.breakeven");

        g_assert_true (g_bytes_equal (sample_before, sample_after));
      }
    }
}

/* The analysis kinds run their analysis and export like every other kind,
 * in PNG and SVG; their options change what is drawn, and a seed gives
 * the same chart every time */
static void
test_analysis_kinds (void)
{
  const struct {
    const char *kind;
    const char *options[8];
  } cases[] = {
    { "tornado", { NULL } },
    { "Tornado", { "--metric", "roi", "--swing", "0.1", NULL } },
    { "breakeven-map", { "--x", "price_per_mtok", "--y", "utilization", NULL } },
    { "breakeven-map", { "--x", "it_life_years", "--y", "price_decline", "--steps", "5", NULL } },
    { "fan", { "--trials", "200", "--seed", "7", NULL } },
    { "histogram", { "--trials", "200", "--seed", "7", NULL } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    for (guint f = 0; f < 2; f++)
      {
        g_autofree char *name = g_strdup_printf ("analysis-%u.%s", i, f == 0 ? "png" : "svg");
        g_autoptr(GPtrArray) args = g_ptr_array_new ();
        g_autoptr(Run) run = NULL;

        g_ptr_array_add (args, (char *) "chart");
        g_ptr_array_add (args, sample);
        g_ptr_array_add (args, (char *) "--kind");
        g_ptr_array_add (args, (char *) cases[i].kind);
        g_ptr_array_add (args, (char *) "-o");
        g_ptr_array_add (args, name);
        for (guint o = 0; cases[i].options[o] != NULL; o++)
          g_ptr_array_add (args, (char *) cases[i].options[o]);
        g_ptr_array_add (args, NULL);

        run = run_cli_v ((const char **) args->pdata);
        assert_ok (run);
        if (f == 0)
          assert_png_size (name, 1200, 700);
        else
          assert_svg (name);
      }

  /* Options matter: another metric draws another tornado */
  g_assert_false (same_file_contents ("analysis-0.png", "analysis-1.png"));
  g_assert_false (same_file_contents ("analysis-2.png", "analysis-3.png"));

  /* The same seed, the same histogram; the company is the one asked for */
  {
    g_autoptr(Run) a = run_cli ("chart", sample, "--kind", "histogram", "-o", "seed-a.png",
                                "--trials", "200", "--seed", "7");
    g_autoptr(Run) b = run_cli ("chart", sample, "--kind", "histogram", "-o", "seed-b.png",
                                "--trials", "200", "--seed", "7");
    g_autoptr(Run) c = run_cli ("chart", sample, "--kind", "tornado", "-o", "company.png",
                                "--company", "msft");

    assert_ok (a);
    assert_ok (b);
    assert_ok (c);
    g_assert_true (same_file_contents ("seed-a.png", "seed-b.png"));
    g_assert_false (same_file_contents ("analysis-0.png", "company.png"));
  }
}

/* A failure leaves an existing output file as it was */
static void
test_failure_keeps_existing (void)
{
  g_autofree char *path = tmp_path ("keep.png");
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(Run) a = NULL;
  g_autoptr(Run) b = NULL;
  g_autoptr(Run) c = NULL;

  g_file_set_contents (path, "precious", -1, &error);
  g_assert_no_error (error);

  a = run_cli ("chart", sample, "--kind", "capex", "-o", "keep.png", "--scenario", "Nope");
  assert_fails (a, 1);
  b = run_cli ("chart", sample, "--kind", "capex", "-o", "keep.png", "--width", "0");
  assert_fails (b, 1);
  c = run_cli ("chart", sample, "--kind", "pie", "-o", "keep.png");
  assert_fails (c, 2);

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (contents, ==, "precious");

  /* …and a success replaces it */
  {
    g_autoptr(Run) d = run_cli ("chart", sample, "--kind", "capex", "-o", "keep.png");

    assert_ok (d);
    assert_png_size ("keep.png", 1200, 700);
  }
}

/* The command is listed and has help */
static void
test_help (void)
{
  g_autoptr(Run) usage = run_cli ("--help");
  g_autoptr(Run) help = run_cli ("chart", "--help");

  g_assert_cmpint (usage->status, ==, 0);
  g_assert_nonnull (strstr (usage->out, "chart"));
  g_assert_cmpint (help->status, ==, 0);
  g_assert_cmpstr (help->err, ==, "");
  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    g_assert_nonnull (strstr (help->out, kinds[k]));
  g_assert_nonnull (strstr (help->out, "--theme"));
  g_assert_false (file_exists ("--help"));
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  tmp_dir = g_dir_make_tmp ("test-cli-chart-XXXXXX", &error);
  g_assert_no_error (error);

  /* One sample document for every test */
  sample = tmp_path ("sample.breakeven");
  {
    g_autoptr(Run) run = run_cli ("new", "--sample", sample);

    assert_ok (run);
  }

  g_test_add_func ("/cli/chart/every-kind", test_every_kind);
  g_test_add_func ("/cli/chart/png-sizes", test_png_sizes);
  g_test_add_func ("/cli/chart/formats", test_formats);
  g_test_add_func ("/cli/chart/theme", test_theme);
  g_test_add_func ("/cli/chart/selection", test_selection);
  g_test_add_func ("/cli/chart/rejections", test_rejections);
  g_test_add_func ("/cli/chart/analysis-kinds", test_analysis_kinds);
  g_test_add_func ("/cli/chart/failure-keeps-existing", test_failure_keeps_existing);
  g_test_add_func ("/cli/chart/help", test_help);

  status = g_test_run ();

  bk_test_remove_tree (tmp_dir);
  g_free (tmp_dir);
  g_free (sample);

  return status;
}
