/* SPDX-License-Identifier: GPL-3.0-or-later */
/* placeholder until implemented */
#include "bk-types.h"
