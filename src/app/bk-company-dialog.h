/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-company-dialog.h — asking for a new company's name and market, or
 * for a company's new market */
#pragma once

#include "bk-window.h"

G_BEGIN_DECLS

/* Asks for a name and a market (preselected: @market, a market index) and
 * adds the company at @position of the company tables, with an id whose
 * chart colour no other company holds (bk-chart-slots.h), then puts
 * @sheet's cursor on it.  Enter adds and closes; Cancel changes nothing; a
 * name another company has is refused in the dialog. */
void  bk_company_dialog_add            (BkWindow    *window,
                                        BkSheetView *sheet,
                                        guint        position,
                                        guint        market);
/* Asks for the market of the company @id and moves it there. */
void  bk_company_dialog_change_market  (BkWindow    *window,
                                        const char  *id);

G_END_DECLS
