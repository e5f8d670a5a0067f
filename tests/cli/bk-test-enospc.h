/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-test-enospc.h — a disk that fills up, for tests, without root */
#pragma once

/* After @bytes more bytes written to regular files, writes fail with
 * ENOSPC until bk_test_enospc_disarm() */
void bk_test_enospc_arm    (long long bytes);
void bk_test_enospc_disarm (void);
