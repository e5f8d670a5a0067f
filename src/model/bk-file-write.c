/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-file-write.c — writing a file all or nothing, with errors that name
 * the file the user asked for (never the temporary one beside it)
 *
 * Every export (JSON, CSV, charts, the PDF report) goes through here, in
 * the command-line tool and in the window.  GLib's g_file_set_contents()
 * does the same dance but names its temporary file in its errors
 * (".out.json.XXXXXX: Permission denied"), which tells the user nothing
 * about the file they chose. */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "bk-file-write.h"

void
bk_file_set_write_error (GError     **error,
                         const char  *path,
                         int          errsv)
{
  g_autofree char *name = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *folder_name = NULL;
  GFileError code = g_file_error_from_errno (errsv);

  g_return_if_fail (path != NULL);

  name = g_filename_display_name (path);
  folder = g_path_get_dirname (path);
  folder_name = g_filename_display_name (folder);

  switch (errsv)
    {
    case EACCES:
    case EPERM:
      {
        g_autofree char *why = g_strdup_printf (_("there is no permission to write in the folder %s"),
                                                folder_name);

        g_set_error (error, G_FILE_ERROR, code, _("Cannot write %s: %s"), name, why);
      }
      break;
    case ENOSPC:
    case EFBIG:
#ifdef EDQUOT
    case EDQUOT:
#endif
      g_set_error (error, G_FILE_ERROR, code,
                   _("Cannot write %s: the disk is full or the file is too large"), name);
      break;
    case ENOENT:
    case ENOTDIR:
      g_set_error (error, G_FILE_ERROR, code, _("Cannot write %s: there is no folder %s"),
                   name, folder_name);
      break;
    case EISDIR:
      g_set_error (error, G_FILE_ERROR, code, _("Cannot write %s: it is a folder"), name);
      break;
    default:
      g_set_error (error, G_FILE_ERROR, code, _("Cannot write %s: %s"), name, g_strerror (errsv));
      break;
    }
}

static gboolean
write_all (int          fd,
           const char  *data,
           gsize        length)
{
  while (length > 0)
    {
      gssize n = write (fd, data, MIN (length, (gsize) G_MAXSSIZE));

      if (n < 0)
        {
          if (errno == EINTR)
            continue;
          return FALSE;
        }
      data += n;
      length -= (gsize) n;
    }
  return TRUE;
}

gboolean
bk_file_write_atomic (const char  *path,
                      const void  *data,
                      gsize        length,
                      GError     **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *tmp = NULL;
  int fd, errsv;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* Beside the destination, so that the rename stays on one file system */
  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  tmp = g_strdup_printf ("%s%c.%s.XXXXXX", dir, G_DIR_SEPARATOR, base);
  fd = g_mkstemp_full (tmp, O_WRONLY | O_CLOEXEC, 0666);
  if (fd < 0)
    {
      bk_file_set_write_error (error, path, errno);
      return FALSE;
    }

  if (!write_all (fd, data, length) || fsync (fd) != 0)
    {
      errsv = errno;
      close (fd);
      g_unlink (tmp);
      bk_file_set_write_error (error, path, errsv);
      return FALSE;
    }
  if (close (fd) != 0)
    {
      errsv = errno;
      g_unlink (tmp);
      bk_file_set_write_error (error, path, errsv);
      return FALSE;
    }

  if (g_rename (tmp, path) != 0)
    {
      errsv = errno;
      g_unlink (tmp);
      bk_file_set_write_error (error, path, errsv);
      return FALSE;
    }

  return TRUE;
}
