/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-renderer.c — GTK's renderer chosen before GTK starts: without a GPU,
 * cairo, and OpenGL never loaded.
 *
 * Where the machine has no GPU (no DRM device, no NVIDIA device: a virtual
 * machine, a remote X server, Xvfb, a Flatpak without --device=dri), GTK
 * 4.8 still draws with OpenGL, on Mesa's software rasterizer (llvmpipe).
 * That costs about 130 MB of memory: the LLVM and Mesa libraries, the
 * shaders GTK compiles when a window is realized, the textures llvmpipe
 * keeps in ordinary memory. And it is slower than GTK's cairo renderer,
 * which draws the same frames on the CPU directly (docs/benchmarks.md).
 * On X11, GTK opens OpenGL at start-up to choose the window's visual even
 * when it renders with cairo, so cairo alone saves little: GDK_DEBUG's
 * gl-disable keeps Mesa out of the process.
 *
 * Whatever the user set wins: GSK_RENDERER names any renderer, and a GPU
 * keeps GTK's own choice. LIBGL_ALWAYS_SOFTWARE=1 says there is no GPU.
 */
#include "config.h"

#include "bk-renderer.h"

#include <string.h>

/* TRUE if @dev_dir (normally /dev) holds a device a hardware OpenGL driver
 * would use: a DRM node (dri/card*, dri/renderD*) or NVIDIA's nvidia0. */
gboolean
bk_renderer_has_gpu (const char *dev_dir)
{
  g_autofree char *dri = NULL;
  g_autofree char *nvidia = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_return_val_if_fail (dev_dir != NULL, TRUE);

  nvidia = g_build_filename (dev_dir, "nvidia0", NULL);
  if (g_file_test (nvidia, G_FILE_TEST_EXISTS))
    return TRUE;
  dri = g_build_filename (dev_dir, "dri", NULL);
  dir = g_dir_open (dri, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, "card") || g_str_has_prefix (name, "renderD"))
      return TRUE;
  return FALSE;
}

static gboolean
has_flag (const char *list,
          const char *flag)
{
  g_auto(GStrv) flags = g_strsplit_set (list, ",: ", -1);

  for (guint i = 0; flags[i] != NULL; i++)
    if (g_ascii_strcasecmp (flags[i], flag) == 0)
      return TRUE;
  return FALSE;
}

/* @envp (consumed) with GSK_RENDERER and GDK_DEBUG as Breakeven wants them:
 * without a GPU, and unless the user named a renderer, cairo; whenever the
 * renderer is cairo, gl-disable added to GDK_DEBUG's flags. */
char **
bk_renderer_environ (char     **envp,
                     gboolean   has_gpu)
{
  const char *renderer = g_environ_getenv (envp, "GSK_RENDERER");
  const char *software = g_environ_getenv (envp, "LIBGL_ALWAYS_SOFTWARE");
  const char *debug = g_environ_getenv (envp, "GDK_DEBUG");

  if (software != NULL && *software != '\0' && strcmp (software, "0") != 0)
    has_gpu = FALSE;
  if (renderer == NULL || *renderer == '\0')
    {
      if (has_gpu)
        return envp;
      envp = g_environ_setenv (envp, "GSK_RENDERER", "cairo", TRUE);
    }
  else if (g_ascii_strcasecmp (renderer, "cairo") != 0)
    return envp;

  if (debug == NULL || *debug == '\0')
    envp = g_environ_setenv (envp, "GDK_DEBUG", "gl-disable", TRUE);
  else if (!has_flag (debug, "gl-disable"))
    {
      g_autofree char *flags = g_strconcat (debug, ",gl-disable", NULL);

      envp = g_environ_setenv (envp, "GDK_DEBUG", flags, TRUE);
    }
  return envp;
}

/* Sets this process's GSK_RENDERER and GDK_DEBUG; call before GTK starts. */
void
bk_renderer_choose (void)
{
  g_auto(GStrv) before = g_get_environ ();
  g_auto(GStrv) after = bk_renderer_environ (g_get_environ (), bk_renderer_has_gpu ("/dev"));
  static const char *const names[] = { "GSK_RENDERER", "GDK_DEBUG" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      const char *value = g_environ_getenv (after, names[i]);

      if (g_strcmp0 (value, g_environ_getenv (before, names[i])) != 0)
        g_setenv (names[i], value, TRUE);
    }
}
