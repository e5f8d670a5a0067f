/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-rng.h — reproducible random streams: xoshiro256** seeded by splitmix64
 * from a seed and a stream number (one stream per Monte Carlo trial) */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  guint64 s[4];
} BkRng;

/* Stream @stream of @seed: the same pair always gives the same numbers, on
 * every platform; different streams are independent for every practical
 * purpose. */
void     bk_rng_init     (BkRng   *rng,
                          guint64  seed,
                          guint64  stream);
/* The next 64 random bits (xoshiro256**, Blackman and Vigna 2018). */
guint64  bk_rng_next     (BkRng   *rng);
/* Uniform in (0, 1): 53 random bits, never 0 or 1. */
double   bk_rng_uniform  (BkRng   *rng);
/* splitmix64's output function (Steele, Lea and Flood 2014) applied to
 * *state after adding its increment; the seeding generator. */
guint64  bk_splitmix64   (guint64 *state);

G_END_DECLS
