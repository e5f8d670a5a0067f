/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-rng.c — reproducible random streams: xoshiro256** seeded by splitmix64
 * from a seed and a stream number.
 *
 * The stream's key is splitmix64 of the seed, mixed with the stream number
 * by one more splitmix64 step; four splitmix64 outputs from that key fill
 * the xoshiro256** state (as its authors recommend), which is never all
 * zero.  Nothing here touches global state, so any number of threads may
 * draw from their own streams. */

#include "config.h"

#include "bk-rng.h"

guint64
bk_splitmix64 (guint64 *state)
{
  guint64 z = (*state += G_GUINT64_CONSTANT (0x9e3779b97f4a7c15));

  z = (z ^ (z >> 30)) * G_GUINT64_CONSTANT (0xbf58476d1ce4e5b9);
  z = (z ^ (z >> 27)) * G_GUINT64_CONSTANT (0x94d049bb133111eb);
  return z ^ (z >> 31);
}

void
bk_rng_init (BkRng   *rng,
             guint64  seed,
             guint64  stream)
{
  guint64 key = seed, mix, state;

  g_return_if_fail (rng != NULL);

  mix = bk_splitmix64 (&key) ^ stream;
  state = bk_splitmix64 (&mix);
  for (guint i = 0; i < 4; i++)
    rng->s[i] = bk_splitmix64 (&state);
}

static inline guint64
rotl (guint64 x,
      int     k)
{
  return (x << k) | (x >> (64 - k));
}

guint64
bk_rng_next (BkRng *rng)
{
  guint64 *s = rng->s;
  guint64 result = rotl (s[1] * 5, 7) * 9;
  guint64 t = s[1] << 17;

  s[2] ^= s[0];
  s[3] ^= s[1];
  s[1] ^= s[2];
  s[0] ^= s[3];
  s[2] ^= t;
  s[3] = rotl (s[3], 45);

  return result;
}

double
bk_rng_uniform (BkRng *rng)
{
  /* (k + 0.5) / 2^53 for k in 0 … 2^53 − 1 */
  return ((double) (bk_rng_next (rng) >> 11) + 0.5) * 0x1.0p-53;
}
