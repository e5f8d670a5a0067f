/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-test-eacces.c — a folder the user may not write in, for tests that
 * run as root (which ignores permissions)
 *
 * Loaded with LD_PRELOAD, it makes the folder BK_EACCES_DIR behave as one
 * without write permission holding nothing writable: opening an entry of
 * it to write or create, creating, renaming to or from it, making a
 * folder in it and removing an entry of it fail with EACCES.  Reading is
 * untouched, and so is every other folder.  Paths are compared after
 * resolving the entry's folder (relative paths, symbolic links, openat's
 * folder descriptor), so a temporary file beside the target is refused
 * as the target itself is. */

#undef _FILE_OFFSET_BITS
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

/* The denied folder, resolved; empty when not armed */
static char denied[PATH_MAX];

__attribute__((constructor)) static void
arm_from_environment (void)
{
  const char *dir = getenv ("BK_EACCES_DIR");

  if (dir == NULL || *dir == '\0' || realpath (dir, denied) == NULL)
    denied[0] = '\0';
}

/* Whether @path (relative to @dirfd, AT_FDCWD for the working folder)
 * names an entry of the denied folder */
static int
in_denied (int         dirfd,
           const char *path)
{
  char joined[2 * PATH_MAX + 2], folder[2 * PATH_MAX + 2], resolved[PATH_MAX];
  char *slash;

  if (denied[0] == '\0' || path == NULL || *path == '\0')
    return 0;

  if (path[0] == '/')
    {
      if ((size_t) snprintf (joined, sizeof joined, "%s", path) >= sizeof joined)
        return 0;
    }
  else
    {
      char base[PATH_MAX];

      if (dirfd == AT_FDCWD)
        {
          if (getcwd (base, sizeof base) == NULL)
            return 0;
        }
      else
        {
          char link[64];
          ssize_t n;

          snprintf (link, sizeof link, "/proc/self/fd/%d", dirfd);
          n = readlink (link, base, sizeof base - 1);
          if (n < 0)
            return 0;
          base[n] = '\0';
        }
      if ((size_t) snprintf (joined, sizeof joined, "%s/%s", base, path) >= sizeof joined)
        return 0;
    }

  /* The entry's folder: everything before the last slash */
  memcpy (folder, joined, sizeof folder);
  while ((slash = strrchr (folder, '/')) != NULL && slash[1] == '\0' && slash != folder)
    *slash = '\0';
  slash = strrchr (folder, '/');
  if (slash == NULL)
    return 0;
  if (slash == folder)
    folder[1] = '\0';
  else
    *slash = '\0';

  return realpath (folder, resolved) != NULL && strcmp (resolved, denied) == 0;
}

static int
writes (int flags)
{
  return (flags & O_ACCMODE) != O_RDONLY || (flags & (O_CREAT | O_TRUNC)) != 0;
}

static int
refuse (void)
{
  errno = EACCES;
  return -1;
}

static void *
real (const char *name)
{
  return dlsym (RTLD_NEXT, name);
}

typedef int (*OpenFunc)   (const char *, int, ...);
typedef int (*OpenatFunc) (int, const char *, int, ...);
typedef int (*CreatFunc)  (const char *, mode_t);

/* The mode argument, present when the call creates */
#define GET_MODE(flags, mode)                             \
  do {                                                    \
    if ((flags) & (O_CREAT | O_TMPFILE))                  \
      {                                                   \
        va_list args;                                     \
        va_start (args, flags);                           \
        mode = (mode_t) va_arg (args, int);               \
        va_end (args);                                    \
      }                                                   \
  } while (0)

/* open and open64, openat and openat64, creat and creat64: the same
 * wrapper under both names */
#define DEFINE_OPEN(name)                                           \
  int                                                               \
  name (const char *path,                                           \
        int         flags,                                          \
        ...)                                                        \
  {                                                                 \
    static OpenFunc next;                                           \
    mode_t mode = 0;                                                \
                                                                    \
    GET_MODE (flags, mode);                                         \
    if (writes (flags) && in_denied (AT_FDCWD, path))               \
      return refuse ();                                             \
    if (next == NULL)                                               \
      next = (OpenFunc) real (#name);                               \
    return next (path, flags, mode);                                \
  }

#define DEFINE_OPENAT(name)                                         \
  int                                                               \
  name (int         dirfd,                                          \
        const char *path,                                           \
        int         flags,                                          \
        ...)                                                        \
  {                                                                 \
    static OpenatFunc next;                                         \
    mode_t mode = 0;                                                \
                                                                    \
    GET_MODE (flags, mode);                                         \
    if (writes (flags) && in_denied (dirfd, path))                  \
      return refuse ();                                             \
    if (next == NULL)                                               \
      next = (OpenatFunc) real (#name);                             \
    return next (dirfd, path, flags, mode);                         \
  }

#define DEFINE_CREAT(name)                                          \
  int                                                               \
  name (const char *path,                                           \
        mode_t      mode)                                           \
  {                                                                 \
    static CreatFunc next;                                          \
                                                                    \
    if (in_denied (AT_FDCWD, path))                                 \
      return refuse ();                                             \
    if (next == NULL)                                               \
      next = (CreatFunc) real (#name);                              \
    return next (path, mode);                                       \
  }

DEFINE_OPEN (open)
DEFINE_OPEN (open64)
DEFINE_OPENAT (openat)
DEFINE_OPENAT (openat64)
DEFINE_CREAT (creat)
DEFINE_CREAT (creat64)

int
rename (const char *from,
        const char *to)
{
  static int (*next) (const char *, const char *);

  if (in_denied (AT_FDCWD, from) || in_denied (AT_FDCWD, to))
    return refuse ();
  if (next == NULL)
    next = (int (*) (const char *, const char *)) real ("rename");
  return next (from, to);
}

int
renameat (int         from_dir,
          const char *from,
          int         to_dir,
          const char *to)
{
  static int (*next) (int, const char *, int, const char *);

  if (in_denied (from_dir, from) || in_denied (to_dir, to))
    return refuse ();
  if (next == NULL)
    next = (int (*) (int, const char *, int, const char *)) real ("renameat");
  return next (from_dir, from, to_dir, to);
}

int
mkdir (const char *path,
       mode_t      mode)
{
  static int (*next) (const char *, mode_t);

  if (in_denied (AT_FDCWD, path))
    return refuse ();
  if (next == NULL)
    next = (int (*) (const char *, mode_t)) real ("mkdir");
  return next (path, mode);
}

int
unlink (const char *path)
{
  static int (*next) (const char *);

  if (in_denied (AT_FDCWD, path))
    return refuse ();
  if (next == NULL)
    next = (int (*) (const char *)) real ("unlink");
  return next (path);
}
