/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-file-write.h — writing a file all or nothing, with errors that name
 * the file the user asked for (never the temporary one beside it) */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Writes @length bytes of @data to @path through a temporary file beside
 * it, synced and renamed over @path: either the whole new file is there or
 * whatever was there before stays.  On failure nothing is left behind and
 * @error (G_FILE_ERROR, the code from errno) says "Cannot write PATH: why"
 * as bk_file_set_write_error() does. */
gboolean    bk_file_write_atomic     (const char  *path,
                                      const void  *data,
                                      gsize        length,
                                      GError     **error);

/* Sets @error to "Cannot write PATH: why" for a write to @path that failed
 * with @errsv: no permission in its folder, a full disk or a file too
 * large, a missing folder, a folder in the way, or the system's words. */
void        bk_file_set_write_error  (GError     **error,
                                      const char  *path,
                                      int          errsv);

G_END_DECLS
