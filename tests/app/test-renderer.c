/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-renderer.c — the renderer Breakeven picks before GTK starts: cairo
 * without OpenGL only where there is no GPU, and never against the user */
#include "config.h"

#include <glib/gstdio.h>

#include "bk-renderer.h"

static char **
env_of (const char *first, ...)
{
  char **envp = g_new0 (char *, 1);
  va_list args;

  va_start (args, first);
  for (const char *name = first; name != NULL; name = va_arg (args, const char *))
    envp = g_environ_setenv (envp, name, va_arg (args, const char *), TRUE);
  va_end (args);
  return envp;
}

static void
test_no_gpu_is_cairo_without_gl (void)
{
  g_auto(GStrv) envp = bk_renderer_environ (env_of ("HOME", "/h", NULL), FALSE);

  g_assert_cmpstr (g_environ_getenv (envp, "GSK_RENDERER"), ==, "cairo");
  g_assert_cmpstr (g_environ_getenv (envp, "GDK_DEBUG"), ==, "gl-disable");
  g_assert_cmpstr (g_environ_getenv (envp, "HOME"), ==, "/h");
}

static void
test_gpu_keeps_gtk_choice (void)
{
  g_auto(GStrv) envp = bk_renderer_environ (env_of ("HOME", "/h", NULL), TRUE);

  g_assert_null (g_environ_getenv (envp, "GSK_RENDERER"));
  g_assert_null (g_environ_getenv (envp, "GDK_DEBUG"));
}

static void
test_software_gl_means_no_gpu (void)
{
  g_auto(GStrv) envp = bk_renderer_environ (env_of ("LIBGL_ALWAYS_SOFTWARE", "1", NULL), TRUE);
  g_auto(GStrv) off = bk_renderer_environ (env_of ("LIBGL_ALWAYS_SOFTWARE", "0", NULL), TRUE);

  g_assert_cmpstr (g_environ_getenv (envp, "GSK_RENDERER"), ==, "cairo");
  g_assert_null (g_environ_getenv (off, "GSK_RENDERER"));
}

static void
test_user_renderer_wins (void)
{
  g_auto(GStrv) gl = bk_renderer_environ (env_of ("GSK_RENDERER", "ngl", NULL), FALSE);
  g_auto(GStrv) cairo = bk_renderer_environ (env_of ("GSK_RENDERER", "cairo", NULL), TRUE);

  g_assert_cmpstr (g_environ_getenv (gl, "GSK_RENDERER"), ==, "ngl");
  g_assert_null (g_environ_getenv (gl, "GDK_DEBUG"));
  /* cairo asked for, even with a GPU: OpenGL is not needed to draw */
  g_assert_cmpstr (g_environ_getenv (cairo, "GSK_RENDERER"), ==, "cairo");
  g_assert_cmpstr (g_environ_getenv (cairo, "GDK_DEBUG"), ==, "gl-disable");
}

static void
test_debug_flags_kept (void)
{
  g_auto(GStrv) more = bk_renderer_environ (env_of ("GDK_DEBUG", "events", NULL), FALSE);
  g_auto(GStrv) same = bk_renderer_environ (env_of ("GDK_DEBUG", "events,gl-disable", NULL), FALSE);

  g_assert_cmpstr (g_environ_getenv (more, "GDK_DEBUG"), ==, "events,gl-disable");
  g_assert_cmpstr (g_environ_getenv (same, "GDK_DEBUG"), ==, "events,gl-disable");
}

static void
test_gpu_devices (void)
{
  g_autofree char *dev = g_dir_make_tmp ("bk-renderer-XXXXXX", NULL);
  g_autofree char *dri = g_build_filename (dev, "dri", NULL);
  g_autofree char *other = g_build_filename (dri, "by-path", NULL);
  g_autofree char *render = g_build_filename (dri, "renderD128", NULL);
  g_autofree char *nvidia = g_build_filename (dev, "nvidia0", NULL);

  g_assert_nonnull (dev);
  g_assert_false (bk_renderer_has_gpu (dev));
  g_assert_cmpint (g_mkdir (dri, 0700), ==, 0);
  g_assert_cmpint (g_mkdir (other, 0700), ==, 0);
  g_assert_false (bk_renderer_has_gpu (dev));
  g_assert_true (g_file_set_contents (render, "", 0, NULL));
  g_assert_true (bk_renderer_has_gpu (dev));
  g_assert_cmpint (g_unlink (render), ==, 0);
  g_assert_true (g_file_set_contents (nvidia, "", 0, NULL));
  g_assert_true (bk_renderer_has_gpu (dev));

  g_unlink (nvidia);
  g_rmdir (other);
  g_rmdir (dri);
  g_rmdir (dev);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/renderer/no-gpu", test_no_gpu_is_cairo_without_gl);
  g_test_add_func ("/renderer/gpu", test_gpu_keeps_gtk_choice);
  g_test_add_func ("/renderer/software-gl", test_software_gl_means_no_gpu);
  g_test_add_func ("/renderer/user-wins", test_user_renderer_wins);
  g_test_add_func ("/renderer/debug-flags", test_debug_flags_kept);
  g_test_add_func ("/renderer/devices", test_gpu_devices);
  return g_test_run ();
}
