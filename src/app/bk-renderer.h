/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-renderer.h — GTK's renderer chosen before GTK starts */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean   bk_renderer_has_gpu        (const char  *dev_dir);
char     **bk_renderer_environ        (char       **envp,
                                       gboolean     has_gpu);
void       bk_renderer_choose         (void);

G_END_DECLS
