/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-note-dialog.c — a cell's note in a multi-line editor
 *
 * Notes are where a figure comes from, often several lines (a source, a
 * page, a caveat), so the editor is a GtkTextView, as a spreadsheet's
 * comment is a box of text: Enter starts a new line, Ctrl+Enter saves. */

#include "config.h"

#include <glib/gi18n.h>

#include "bk-note-dialog.h"

struct _BkNoteDialog
{
  AdwMessageDialog  parent_instance;

  GtkWidget        *view;
};

G_DEFINE_FINAL_TYPE (BkNoteDialog, bk_note_dialog, ADW_TYPE_MESSAGE_DIALOG)

enum {
  SAVE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
bk_note_dialog_response (AdwMessageDialog *dialog,
                         const char       *response)
{
  BkNoteDialog *self = BK_NOTE_DIALOG (dialog);

  if (g_str_equal (response, "save"))
    {
      g_autofree char *text = bk_note_dialog_dup_text (self);

      g_signal_emit (self, signals[SAVE], 0, text);
    }

  if (ADW_MESSAGE_DIALOG_CLASS (bk_note_dialog_parent_class)->response != NULL)
    ADW_MESSAGE_DIALOG_CLASS (bk_note_dialog_parent_class)->response (dialog, response);
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                BkNoteDialog          *self)
{
  if ((keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter) && (state & GDK_CONTROL_MASK))
    {
      /* A response emitted by hand does not close the dialog (only its
       * buttons do) */
      adw_message_dialog_response (ADW_MESSAGE_DIALOG (self), "save");
      gtk_window_close (GTK_WINDOW (self));
      return GDK_EVENT_STOP;
    }
  return GDK_EVENT_PROPAGATE;
}

static void
bk_note_dialog_class_init (BkNoteDialogClass *klass)
{
  AdwMessageDialogClass *dialog_class = ADW_MESSAGE_DIALOG_CLASS (klass);

  dialog_class->response = bk_note_dialog_response;

  /**
   * BkNoteDialog::save:
   * @text: the note, "" to remove it
   */
  signals[SAVE] =
    g_signal_new ("save",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
bk_note_dialog_init (BkNoteDialog *self)
{
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkEventController *keys = gtk_event_controller_key_new ();

  self->view = gtk_text_view_new ();
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (self->view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (self->view), FALSE);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (self->view), 6);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (self->view), 6);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (self->view), 6);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (self->view), 6);
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (self->view, keys);

  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), self->view);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_size_request (scroller, 360, 120);
  gtk_widget_add_css_class (scroller, "card");
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (self), scroller);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (self),
                                    "cancel", _("_Cancel"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (self), "save", ADW_RESPONSE_SUGGESTED);
  /* Enter belongs to the text: no default response, Ctrl+Enter saves */
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (self), "cancel");
}

GtkWidget *
bk_note_dialog_new (GtkWindow  *parent,
                    const char *heading,
                    const char *text)
{
  BkNoteDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);

  self = g_object_new (BK_TYPE_NOTE_DIALOG,
                       "transient-for", parent,
                       "modal", TRUE,
                       "destroy-with-parent", TRUE,
                       "heading", heading,
                       "body", _("Where the figure comes from, or anything else worth knowing. "
                                 "Enter starts a new line, Ctrl+Enter saves; leave it empty to remove the note."),
                       NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->view), GTK_ACCESSIBLE_PROPERTY_LABEL, heading, -1);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->view)), text ? text : "", -1);
  gtk_window_set_focus (GTK_WINDOW (self), self->view);

  return GTK_WIDGET (self);
}

char *
bk_note_dialog_dup_text (BkNoteDialog *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  char *text;

  g_return_val_if_fail (BK_IS_NOTE_DIALOG (self), NULL);

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->view));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  return g_strchomp (text);
}
