/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bk-about.c — the About window
 *
 * Besides the usual name, version, links and licence, it says where the
 * sample workbook's figures come from: the Acknowledgements page lists the
 * sources the workbook's cell notes cite, and a Legal section says that the
 * figures are illustrative, not investment advice.
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "bk-about.h"

#define WEBSITE             "https://github.com/breakeven/breakeven"
#define ISSUE_URL           "https://github.com/breakeven/breakeven/issues"
#define RELEASE_NOTES_FOR   "0.1.0"

static char *
dup_release_notes (void)
{
  /* AppStream description markup: the text is escaped, so translations
   * never carry markup. */
  return g_markup_printf_escaped ("<p>%s</p>"
                                  "<ul>"
                                  "<li>%s</li>"
                                  "<li>%s</li>"
                                  "<li>%s</li>"
                                  "<li>%s</li>"
                                  "<li>%s</li>"
                                  "</ul>",
                                  _("The first release of Breakeven."),
                                  _("Spreadsheet-style tables of AI capex, cloud backlog, token demand and market share, with formulas, cell notes, copy and paste"),
                                  _("Return on investment, payback and scenarios recalculated as you type"),
                                  _("Charts that can be exported as PNG, SVG and PDF"),
                                  _("Workbooks saved as single files, with undo and redo, and CSV import and export"),
                                  _("A sample workbook of sourced figures for US and Chinese cloud providers"));
}

static char *
dup_comments (void)
{
  g_autofree char *text = NULL;

  text = g_strdup_printf ("%s\n\n%s",
                          _("Breakeven is a spreadsheet for the economics of AI infrastructure. "
                            "Edit tables of AI capital spending, cloud backlog, token demand and "
                            "market share, and watch the return on investment and the charts "
                            "recalculate as you type."),
                          _("The figures in the sample workbook come from company filings and "
                            "earnings releases and from the brokerage and industry research cited "
                            "in its cell notes; every estimate is marked as one. They are "
                            "illustrative and are not investment advice."));

  /* The comments are Pango markup. */
  return g_markup_escape_text (text, -1);
}

void
bk_about_show (GtkWindow *parent)
{
  g_autofree char *comments = dup_comments ();
  g_autofree char *release_notes = dup_release_notes ();
  const char *developers[] = {
    _("The Breakeven developers"),
    NULL
  };
  const char *sources[] = {
    _("Company filings and earnings releases: Microsoft, Alphabet, Amazon, Meta, Oracle, Alibaba, Tencent, Baidu"),
    _("Goldman Sachs research on China’s cloud and AI market (September 2025)"),
    _("Frost & Sullivan, China token demand, as cited by Goldman Sachs"),
    _("Omdia, China AI cloud market shares, first half of 2025"),
    _("Epoch AI, the capital cost of AI data centres (May 2026)"),
    _("Google’s published monthly token counts (2024–2026)"),
    _("Press reports on ByteDance’s capital spending (December 2025)"),
    NULL
  };
  AdwAboutWindow *about;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));

  about = ADW_ABOUT_WINDOW (adw_about_window_new ());

  gtk_window_set_transient_for (GTK_WINDOW (about), parent);
  gtk_window_set_modal (GTK_WINDOW (about), TRUE);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (about), TRUE);

  adw_about_window_set_application_name (about, "Breakeven");
  adw_about_window_set_application_icon (about, APPLICATION_ID);
  adw_about_window_set_version (about, PACKAGE_VERSION);
  adw_about_window_set_developer_name (about, _("The Breakeven developers"));
  adw_about_window_set_developers (about, developers);
  adw_about_window_set_website (about, WEBSITE);
  adw_about_window_set_issue_url (about, ISSUE_URL);
  adw_about_window_set_license_type (about, GTK_LICENSE_GPL_3_0);
  adw_about_window_set_copyright (about, _("© 2026 The Breakeven developers"));
  adw_about_window_set_comments (about, comments);
  /* Translators: your names, one a line, as "Name <email>" or "Name https://…" */
  adw_about_window_set_translator_credits (about, _("translator-credits"));

  adw_about_window_add_acknowledgement_section (about, _("Sample Data Sources"), sources);
  adw_about_window_add_legal_section (about,
                                     _("Sample Workbook"),
                                     NULL,
                                     GTK_LICENSE_CUSTOM,
                                     _("The sample workbook’s reported figures come from the sources "
                                       "acknowledged in this window and cited in its cell notes; the "
                                       "others are estimates, marked as such. Chinese figures are "
                                       "converted at 7.2 yuan to the US dollar. The figures are "
                                       "illustrative and are not investment advice."));

  adw_about_window_set_release_notes_version (about, RELEASE_NOTES_FOR);
  adw_about_window_set_release_notes (about, release_notes);

  gtk_window_present (GTK_WINDOW (about));
}
