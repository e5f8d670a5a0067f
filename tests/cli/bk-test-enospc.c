/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-test-enospc.c — a disk that fills up, for tests, without root
 *
 * Interposes the C library's writing calls (write, pwrite, writev,
 * pwritev, ftruncate, fallocate, their 64-bit names, fwrite) so that,
 * once armed, files on the disk can grow by a budget of bytes in all and
 * no more: a write
 * past that writes what fits and then fails with ENOSPC, as on a full
 * disk.  Writing over bytes a file already has never fails (those blocks
 * are allocated), which is what lets SQLite roll a transaction back on a
 * real full disk.  Only regular files are limited: messages still reach
 * standard error through a pipe or a terminal.
 *
 * Two ways in: built as a shared module and loaded with LD_PRELOAD, it
 * arms itself from BK_ENOSPC_AFTER=BYTES (the command-line tests); linked
 * into a test program, its definitions take the place of the C library's
 * for every library the program loads, and the test arms it with
 * bk_test_enospc_arm(). */

/* Both names of each call are defined below (pwrite and pwrite64, …): the
 * headers must not rename one to the other */
#undef _FILE_OFFSET_BITS
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/uio.h>
#include <unistd.h>

#include "bk-test-enospc.h"

/* Bytes the files may still grow by; negative when not armed */
static long long budget = -1;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

void
bk_test_enospc_arm (long long bytes)
{
  pthread_mutex_lock (&lock);
  budget = bytes;
  pthread_mutex_unlock (&lock);
}

void
bk_test_enospc_disarm (void)
{
  bk_test_enospc_arm (-1);
}

__attribute__((constructor)) static void
arm_from_environment (void)
{
  const char *after = getenv ("BK_ENOSPC_AFTER");

  if (after != NULL && *after != '\0')
    bk_test_enospc_arm (strtoll (after, NULL, 10));
}

/* How many of @count bytes written at @offset of @fd (-1: at its file
 * position, or its end when it appends) fit: all of them when the disk is
 * not limited or they overwrite what the file has, else what the budget
 * leaves, which it then spends.  -1 with ENOSPC when none fit. */
static ssize_t
allowance (int    fd,
           size_t count,
           off_t  offset)
{
  struct stat st;
  long long end, growth, fit;

  if (count == 0 || fd < 0)
    return (ssize_t) count;
  pthread_mutex_lock (&lock);
  if (budget < 0 || fstat (fd, &st) != 0 || !S_ISREG (st.st_mode))
    {
      pthread_mutex_unlock (&lock);
      return (ssize_t) count;
    }
  if (offset < 0)
    offset = (fcntl (fd, F_GETFL) & O_APPEND) ? st.st_size : lseek (fd, 0, SEEK_CUR);
  end = (long long) offset + (long long) count;
  growth = end > st.st_size ? end - (st.st_size > offset ? st.st_size : offset) : 0;
  if (growth <= budget)
    fit = (long long) count;
  else
    fit = (long long) count - (growth - budget);
  if (fit <= 0)
    {
      pthread_mutex_unlock (&lock);
      errno = ENOSPC;
      return -1;
    }
  budget -= growth < budget ? growth : budget;
  pthread_mutex_unlock (&lock);
  return (ssize_t) fit;
}

typedef ssize_t (*WriteFunc)     (int, const void *, size_t);
typedef ssize_t (*PwriteFunc)    (int, const void *, size_t, off_t);
typedef ssize_t (*Pwrite64Func)  (int, const void *, size_t, off64_t);
typedef ssize_t (*WritevFunc)    (int, const struct iovec *, int);
typedef ssize_t (*PwritevFunc)   (int, const struct iovec *, int, off_t);
typedef int     (*TruncateFunc)  (int, off_t);
typedef int     (*Truncate64Func) (int, off64_t);
typedef int     (*PosixFallocate64Func) (int, off64_t, off64_t);
typedef int     (*FallocateFunc) (int, int, off_t, off_t);
typedef int     (*Fallocate64Func) (int, int, off64_t, off64_t);
typedef int     (*PosixFallocateFunc) (int, off_t, off_t);
typedef size_t  (*FwriteFunc)    (const void *, size_t, size_t, FILE *);

static void *
real (const char *name)
{
  return dlsym (RTLD_NEXT, name);
}

ssize_t
write (int         fd,
       const void *buf,
       size_t      count)
{
  static WriteFunc next;
  ssize_t n = allowance (fd, count, -1);

  if (next == NULL)
    next = (WriteFunc) real ("write");
  return n < 0 ? -1 : next (fd, buf, (size_t) n);
}

ssize_t
pwrite (int         fd,
        const void *buf,
        size_t      count,
        off_t       offset)
{
  static PwriteFunc next;
  ssize_t n = allowance (fd, count, offset);

  if (next == NULL)
    next = (PwriteFunc) real ("pwrite");
  return n < 0 ? -1 : next (fd, buf, (size_t) n, offset);
}

ssize_t
pwrite64 (int         fd,
          const void *buf,
          size_t      count,
          off64_t     offset)
{
  static Pwrite64Func next;
  ssize_t n = allowance (fd, count, offset);

  if (next == NULL)
    next = (Pwrite64Func) real ("pwrite64");
  return n < 0 ? -1 : next (fd, buf, (size_t) n, offset);
}

static size_t
total_length (const struct iovec *iov,
              int                 iovcnt)
{
  size_t total = 0;

  for (int i = 0; i < iovcnt; i++)
    total += iov[i].iov_len;
  return total;
}

/* Vectors are written all or nothing: simpler than splitting them */
ssize_t
writev (int                 fd,
        const struct iovec *iov,
        int                 iovcnt)
{
  static WritevFunc next;
  size_t total = total_length (iov, iovcnt);
  ssize_t n = allowance (fd, total, -1);

  if (next == NULL)
    next = (WritevFunc) real ("writev");
  if (n >= 0 && (size_t) n < total)
    {
      errno = ENOSPC;
      return -1;
    }
  return n < 0 ? -1 : next (fd, iov, iovcnt);
}

ssize_t
pwritev (int                 fd,
         const struct iovec *iov,
         int                 iovcnt,
         off_t               offset)
{
  static PwritevFunc next;
  size_t total = total_length (iov, iovcnt);
  ssize_t n = allowance (fd, total, offset);

  if (next == NULL)
    next = (PwritevFunc) real ("pwritev");
  if (n >= 0 && (size_t) n < total)
    {
      errno = ENOSPC;
      return -1;
    }
  return n < 0 ? -1 : next (fd, iov, iovcnt, offset);
}

/* Growing a file to @length, all or nothing: 0 or ENOSPC */
static int
reserve (int   fd,
         off_t length)
{
  struct stat st;

  if (fd < 0 || fstat (fd, &st) != 0 || length <= st.st_size)
    return 0;
  if (allowance (fd, (size_t) (length - st.st_size), st.st_size) != length - st.st_size)
    return ENOSPC;
  return 0;
}

int
ftruncate (int   fd,
           off_t length)
{
  static TruncateFunc next;

  if (next == NULL)
    next = (TruncateFunc) real ("ftruncate");
  if (reserve (fd, length) != 0)
    {
      errno = ENOSPC;
      return -1;
    }
  return next (fd, length);
}

int
ftruncate64 (int     fd,
             off64_t length)
{
  static Truncate64Func next;

  if (next == NULL)
    next = (Truncate64Func) real ("ftruncate64");
  if (reserve (fd, (off_t) length) != 0)
    {
      errno = ENOSPC;
      return -1;
    }
  return next (fd, length);
}

int
fallocate (int   fd,
           int   mode,
           off_t offset,
           off_t len)
{
  static FallocateFunc next;

  if (next == NULL)
    next = (FallocateFunc) real ("fallocate");
  if (reserve (fd, offset + len) != 0)
    {
      errno = ENOSPC;
      return -1;
    }
  return next (fd, mode, offset, len);
}

int
fallocate64 (int     fd,
             int     mode,
             off64_t offset,
             off64_t len)
{
  static Fallocate64Func next;

  if (next == NULL)
    next = (Fallocate64Func) real ("fallocate64");
  if (reserve (fd, (off_t) (offset + len)) != 0)
    {
      errno = ENOSPC;
      return -1;
    }
  return next (fd, mode, offset, len);
}

int
posix_fallocate (int   fd,
                 off_t offset,
                 off_t len)
{
  static PosixFallocateFunc next;

  if (next == NULL)
    next = (PosixFallocateFunc) real ("posix_fallocate");
  return reserve (fd, offset + len) != 0 ? ENOSPC : next (fd, offset, len);
}

int
posix_fallocate64 (int     fd,
                   off64_t offset,
                   off64_t len)
{
  static PosixFallocate64Func next;

  if (next == NULL)
    next = (PosixFallocate64Func) real ("posix_fallocate64");
  return reserve (fd, (off_t) (offset + len)) != 0 ? ENOSPC : next (fd, offset, len);
}

/* stdio writes through the C library's own write, out of reach: a stream
 * on a regular file spends the budget when it is filled instead */
size_t
fwrite (const void *ptr,
        size_t      size,
        size_t      nmemb,
        FILE       *stream)
{
  static FwriteFunc next;
  ssize_t n;

  if (next == NULL)
    next = (FwriteFunc) real ("fwrite");
  if (size == 0 || nmemb == 0)
    return 0;
  n = allowance (fileno (stream), size * nmemb, -1);
  if (n < 0)
    return 0;
  return next (ptr, size, (size_t) n / size, stream);
}
