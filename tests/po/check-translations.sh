#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# check-translations.sh SOURCE_ROOT [LANG]
#
# Fails (exit 1) when the LANG (default zh_CN) translation is incomplete:
#
#  1. every source file with translatable strings is listed in
#     po/POTFILES.in, and every listed file exists;
#  2. a template regenerated with xgettext from po/POTFILES.in (same
#     keywords and flags as meson's "glib" gettext preset), merged into a
#     temporary copy of po/LANG.po, has no untranslated or fuzzy message;
#  3. msgfmt --check accepts both po/LANG.po and the merged copy (format
#     specifiers, plural forms, header).
#
# The repository is never modified.  Missing gettext tools are an error,
# not a skip.

set -u

srcroot=${1:-}
lang=${2:-zh_CN}

if [ -z "$srcroot" ] || [ ! -d "$srcroot" ]; then
  echo "usage: $0 SOURCE_ROOT [LANG]" >&2
  exit 2
fi

# Parse the tools' messages in English whatever the caller's locale is.
export LC_ALL=C.UTF-8 LANGUAGE=

missing=
for tool in xgettext msgmerge msgfmt msgattrib; do
  command -v "$tool" >/dev/null 2>&1 || missing="$missing $tool"
done
if [ -n "$missing" ]; then
  echo "FAIL: gettext tools not found:$missing (install the gettext package)" >&2
  exit 1
fi

cd "$srcroot" || exit 1

po="po/$lang.po"
potfiles="po/POTFILES.in"
for f in "$po" "$potfiles" po/LINGUAS; do
  if [ ! -f "$f" ]; then
    echo "FAIL: $f does not exist" >&2
    exit 1
  fi
done

tmp=$(mktemp -d "${TMPDIR:-/tmp}/check-translations.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT

status=0
fail () {
  echo "FAIL: $*" >&2
  status=1
}

# Keep in sync with PRESET_ARGS['glib'] in meson's i18n module, which
# po/meson.build uses (preset: 'glib').
xgettext_args=(
  --from-code=UTF-8
  --add-comments=Translators
  --keyword=_
  --keyword=N_
  --keyword=C_:1c,2
  --keyword=NC_:1c,2
  --keyword=g_dcgettext:2
  --keyword=g_dngettext:2,3
  --keyword=g_dpgettext2:2c,3
  --flag=N_:1:pass-c-format
  --flag=C_:2:pass-c-format
  --flag=NC_:2:pass-c-format
  --flag=g_dngettext:2:pass-c-format
  --flag=g_strdup_printf:1:c-format
  --flag=g_string_printf:2:c-format
  --flag=g_string_append_printf:2:c-format
  --flag=g_error_new:3:c-format
  --flag=g_set_error:4:c-format
  --flag=g_markup_printf_escaped:1:c-format
  --flag=g_log:3:c-format
  --flag=g_print:1:c-format
  --flag=g_printerr:1:c-format
  --flag=g_printf:1:c-format
  --flag=g_fprintf:2:c-format
  --flag=g_sprintf:2:c-format
  --flag=g_snprintf:3:c-format
)

# --- LINGUAS ---------------------------------------------------------------

if ! grep -qxE "[[:space:]]*$lang[[:space:]]*" po/LINGUAS; then
  fail "po/LINGUAS does not list $lang"
fi

# --- 1. POTFILES.in --------------------------------------------------------

# The listed files, without comments and blank lines
sed -e 's/#.*//' -e 's/[[:space:]]*$//' -e '/^$/d' "$potfiles" > "$tmp/listed"

while IFS= read -r f; do
  [ -f "$f" ] || fail "$potfiles lists $f, which does not exist"
done < "$tmp/listed"

# Source files that call a gettext function.  A match may be in a comment
# only, so a file that is not listed is an error only if xgettext really
# extracts a message from it.
gettext_call='(^|[^A-Za-z0-9_])(_|N_|C_|NC_|Q_|ngettext|g_dcgettext|g_dngettext|g_dpgettext2?)[[:space:]]*\('
candidates=$(grep -rlE --include='*.c' --include='*.h' "$gettext_call" src 2>/dev/null | LC_ALL=C sort)

for f in $candidates; do
  grep -qxF "$f" "$tmp/listed" && continue
  rm -f "$tmp/one.pot"
  if ! xgettext "${xgettext_args[@]}" -o "$tmp/one.pot" "$f" 2>"$tmp/one.err"; then
    cat "$tmp/one.err" >&2
    fail "xgettext cannot read $f"
  elif [ -s "$tmp/one.pot" ]; then
    fail "$f has translatable strings but is not listed in $potfiles"
  fi
done

# GtkBuilder files and desktop/metainfo templates, once they exist
for f in $(ls ui/*.ui 2>/dev/null | xargs -r grep -l 'translatable="yes"' | LC_ALL=C sort) \
         $(ls data/*.desktop.in data/*.metainfo.xml.in 2>/dev/null | LC_ALL=C sort); do
  grep -qxF "$f" "$tmp/listed" || fail "$f has translatable strings but is not listed in $potfiles"
done

# --- 2. Template, merge, completeness -------------------------------------

if ! xgettext "${xgettext_args[@]}" --package-name=breakeven --force-po \
       --files-from="$potfiles" -o "$tmp/breakeven.pot" 2>"$tmp/xgettext.err"; then
  cat "$tmp/xgettext.err" >&2
  fail "xgettext could not build the template from $potfiles"
  exit 1
fi
# xgettext warnings (for example a string that is not valid UTF-8) are shown
[ -s "$tmp/xgettext.err" ] && cat "$tmp/xgettext.err" >&2

n_template=$(msgattrib --no-obsolete "$tmp/breakeven.pot" 2>/dev/null | grep -c '^msgid ')
# The header counts as one msgid
n_template=$((n_template - 1))
echo "template: $n_template messages from $(wc -l < "$tmp/listed") files"

if ! msgmerge --quiet -o "$tmp/$lang.po" "$po" "$tmp/breakeven.pot" 2>"$tmp/msgmerge.err"; then
  cat "$tmp/msgmerge.err" >&2
  fail "msgmerge could not merge the template into $po"
  exit 1
fi

# Prints one message per entry: msgid, and location comments
show_entries () {
  msgattrib "$@" --no-obsolete --no-wrap "$tmp/$lang.po" 2>/dev/null |
    awk 'BEGIN { header = 1 }
         /^#:/ { loc = loc " " substr($0, 4) }
         /^msgid / { if (header) { header = 0; loc = ""; next }
                     print "    " $0; if (loc != "") print "      at" loc; loc = "" }'
}

stats=$(msgfmt --statistics -o /dev/null "$tmp/$lang.po" 2>&1)
echo "$lang (merged with the template): $stats"

n_untranslated=$(msgattrib --untranslated --no-obsolete "$tmp/$lang.po" 2>/dev/null | grep -c '^msgid ')
n_fuzzy=$(msgattrib --only-fuzzy --no-obsolete "$tmp/$lang.po" 2>/dev/null | grep -c '^msgid ')
# Both selections repeat the header entry
[ "$n_untranslated" -gt 0 ] && n_untranslated=$((n_untranslated - 1))
[ "$n_fuzzy" -gt 0 ] && n_fuzzy=$((n_fuzzy - 1))

if [ "$n_untranslated" -gt 0 ] || echo "$stats" | grep -q 'untranslated'; then
  fail "$n_untranslated untranslated message(s) in $po:"
  show_entries --untranslated >&2
fi
if [ "$n_fuzzy" -gt 0 ] || echo "$stats" | grep -q 'fuzzy'; then
  fail "$n_fuzzy fuzzy message(s) in $po (new or changed msgid, or a format mismatch):"
  show_entries --only-fuzzy >&2
  echo "    (a msgid with a literal % that is not a printf format needs a" >&2
  echo "    /* xgettext:no-c-format */ comment before it in the source)" >&2
fi

# The file in the repository itself must not carry fuzzy entries either
n_repo_fuzzy=$(msgattrib --only-fuzzy --no-obsolete "$po" 2>/dev/null | grep -c '^msgid ')
[ "$n_repo_fuzzy" -gt 0 ] && n_repo_fuzzy=$((n_repo_fuzzy - 1))
[ "$n_repo_fuzzy" -gt 0 ] && fail "$po itself has $n_repo_fuzzy fuzzy message(s)"

# --- 3. msgfmt --check -----------------------------------------------------

for f in "$po" "$tmp/$lang.po"; do
  if ! msgfmt --check -o /dev/null "$f" 2>"$tmp/msgfmt.err"; then
    sed "s|$tmp/|(merged) |" "$tmp/msgfmt.err" >&2
    fail "msgfmt --check rejects $(echo "$f" | sed "s|$tmp/|merged |")"
  fi
done

if [ "$status" -eq 0 ]; then
  echo "OK: $po translates all $n_template messages"
fi
exit "$status"
