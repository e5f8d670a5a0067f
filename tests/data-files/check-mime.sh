#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# check-mime.sh MIME_PACKAGE.xml BREAKEVEN_CLI
#
# Builds a private shared-MIME database from the package file (the one that
# gets installed to share/mime/packages) and checks, with GIO as the desktop
# uses it, that:
#  - update-mime-database accepts the file without a warning;
#  - a document written by `breakeven-cli new --sample` is application/x-breakeven,
#    by its *.breakeven name and, renamed without an extension, by its
#    content (SQLite header + application_id "BRKV" at offset 68);
#  - the same bytes with another application_id are a plain
#    application/vnd.sqlite3 database, not a Breakeven workbook;
#  - without the package, GIO does not know the type (so the checks above
#    really exercise the package).
# Missing tools are an error, not a skip.

set -u
export LC_ALL=C.UTF-8 LANGUAGE=

if [ $# -ne 2 ]; then
  echo "usage: $0 MIME_PACKAGE.xml BREAKEVEN_CLI" >&2
  exit 2
fi
package=$1
cli=$2
type=application/x-breakeven

for tool in update-mime-database gio dd; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "FAIL: $tool not found (shared-mime-info, libglib2.0-bin, coreutils)" >&2
    exit 1
  fi
done

tmp=$(mktemp -d "${TMPDIR:-/tmp}/check-mime.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT

status=0
fail () {
  echo "FAIL: $*" >&2
  status=1
}

# --- the private database -------------------------------------------------

mkdir -p "$tmp/share/mime/packages" "$tmp/home" "$tmp/empty/mime"
name=$(basename "$package" .in)
case "$name" in
  *.xml) ;;
  *) name="$name.xml" ;;
esac
cp "$package" "$tmp/share/mime/packages/$name" || exit 1

system_dirs=${XDG_DATA_DIRS:-/usr/local/share:/usr/share}
with_package="$tmp/share:$system_dirs"

if ! XDG_DATA_HOME="$tmp/home" XDG_DATA_DIRS="$with_package" \
       update-mime-database "$tmp/share/mime" >"$tmp/umd.log" 2>&1; then
  cat "$tmp/umd.log" >&2
  fail "update-mime-database rejects $(basename "$package")"
  exit 1
fi
if [ -s "$tmp/umd.log" ]; then
  cat "$tmp/umd.log" >&2
  fail "update-mime-database warns about $(basename "$package")"
fi
if [ ! -f "$tmp/share/mime/application/x-breakeven.xml" ]; then
  fail "the database has no $type"
fi

# --- documents --------------------------------------------------------------

if ! "$cli" new "$tmp/sample.breakeven" --sample >"$tmp/cli.log" 2>&1; then
  cat "$tmp/cli.log" >&2
  fail "$cli new --sample failed"
  exit 1
fi
cp "$tmp/sample.breakeven" "$tmp/workbook"
# application_id 0: any other SQLite database
cp "$tmp/sample.breakeven" "$tmp/database"
printf '\0\0\0\0' | dd of="$tmp/database" bs=1 seek=68 conv=notrunc status=none

# file_attribute DATA_DIRS ATTRIBUTE FILE — what GIO says of FILE
file_attribute () {
  XDG_DATA_HOME="$tmp/home" XDG_DATA_DIRS="$1" \
    gio info -a "$2" "$3" 2>"$tmp/gio.err" |
    sed -n "s/^ *$2: *//p"
  if [ -s "$tmp/gio.err" ]; then
    cat "$tmp/gio.err" >&2
  fi
}

# expect DATA_DIRS ATTRIBUTE FILE WANT WHAT
expect () {
  local dirs=$1 attr=$2 file=$3 want=$4 what=$5 got
  got=$(file_attribute "$dirs" "$attr" "$tmp/$file")
  if [ "$got" = "$want" ]; then
    echo "ok: $what: $got"
  else
    fail "$what: GIO's $attr is \"$got\", expected \"$want\""
  fi
}

expect "$with_package" standard::fast-content-type sample.breakeven "$type" \
  "a *.breakeven name alone (glob)"
expect "$with_package" standard::content-type sample.breakeven "$type" \
  "a *.breakeven document"
expect "$with_package" standard::content-type workbook "$type" \
  "a document without an extension (magic)"
expect "$with_package" standard::content-type database application/vnd.sqlite3 \
  "another SQLite database"
expect "$system_dirs" standard::content-type workbook application/vnd.sqlite3 \
  "a document, without the package"

# File managers show the app's icon, or a generic spreadsheet icon
icons=$(file_attribute "$with_package" standard::icon "$tmp/sample.breakeven")
case "$icons" in
  "io.github.breakeven.Breakeven, "*x-office-spreadsheet*) echo "ok: icons: $icons" ;;
  *) fail "icons are \"$icons\", expected io.github.breakeven.Breakeven first and x-office-spreadsheet as the generic icon" ;;
esac

comment=$(sed -n 's|^ *<comment>\(.*\)</comment>$|\1|p' \
            "$tmp/share/mime/application/x-breakeven.xml" 2>/dev/null)
if [ "$comment" = "Breakeven workbook" ]; then
  echo "ok: described as \"$comment\""
else
  fail "the type's comment is \"$comment\", expected \"Breakeven workbook\""
fi

# The type is a kind of SQLite database, so SQLite tools are offered too
parents=$(sed -n 's/.*<sub-class-of type="\([^"]*\)".*/\1/p' \
            "$tmp/share/mime/application/x-breakeven.xml")
case " $parents " in
  *" application/vnd.sqlite3 "*) echo "ok: a subclass of application/vnd.sqlite3" ;;
  *) fail "$type is not a subclass of application/vnd.sqlite3" ;;
esac

exit "$status"
