/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-note-dialog.h — a cell's note in a multi-line editor, as a
 * spreadsheet's comment */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define BK_TYPE_NOTE_DIALOG (bk_note_dialog_get_type ())

G_DECLARE_FINAL_TYPE (BkNoteDialog, bk_note_dialog, BK, NOTE_DIALOG, AdwMessageDialog)

/* A dialog over @parent asking for the note of a cell (@heading names it),
 * starting from @text (NULL: none).  Enter starts a new line; Ctrl+Enter or
 * Save emits ::save with the text (trailing blanks trimmed, "" removes the
 * note) and closes; Cancel and Escape change nothing. */
GtkWidget  *bk_note_dialog_new      (GtkWindow    *parent,
                                     const char   *heading,
                                     const char   *text);
/* The text as it would be saved */
char       *bk_note_dialog_dup_text (BkNoteDialog *self);

G_END_DECLS
