# SPDX-License-Identifier: GPL-3.0-or-later
# Sourced by build-aux/run and build-aux/test: the Debian 12 packages
# Breakeven needs, and a function that installs the missing ones.

BUILD_PACKAGES=(
  meson ninja-build pkg-config gcc g++ gettext
  libglib2.0-dev libglib2.0-dev-bin libgtk-4-dev libadwaita-1-dev
  libjson-glib-dev libsqlite3-dev libcairo2-dev libpango1.0-dev
  libdouble-conversion-dev libxlsxwriter-dev
  desktop-file-utils appstream shared-mime-info
  fonts-cantarell fonts-noto-cjk adwaita-icon-theme dconf-gsettings-backend
)

TEST_PACKAGES=(
  xvfb xauth dbus dbus-x11 xdotool
  sqlite3 poppler-utils librsvg2-bin locales libglib2.0-bin
  gnumeric flatpak-builder
)

# The fuzz targets and the sanitizer builds (build-aux/fuzz, build-aux/test).
FUZZ_PACKAGES=(
  clang libclang-rt-14-dev
)

# bench/peers: the spreadsheets Breakeven is measured against (Gnumeric is
# in TEST_PACKAGES already) and GNU time for peak memory.  Not needed to
# build or test.
BENCH_PACKAGES=(
  libreoffice-calc-nogui time
)

# ensure_packages NAME… — installs whatever is not installed yet.
ensure_packages () {
  local missing=() pkg
  for pkg in "$@"; do
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
      missing+=("$pkg")
    fi
  done
  [ ${#missing[@]} -eq 0 ] && return 0

  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then
      sudo=(sudo)
    else
      echo "build-aux: these packages are missing and I am not root: ${missing[*]}" >&2
      return 1
    fi
  fi

  echo "build-aux: installing ${missing[*]}" >&2
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
}

# ensure_locales LOCALE… — generates UTF-8 locales the tests use.
ensure_locales () {
  local missing=() loc
  for loc in "$@"; do
    if ! locale -a 2>/dev/null | grep -qix "${loc%.UTF-8}.utf8"; then
      missing+=("$loc")
    fi
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" -ne 0 ]; then
    echo "build-aux: locales ${missing[*]} are missing; run as root to generate them" >&2
    return 1
  fi
  for loc in "${missing[@]}"; do
    if ! grep -q "^${loc} UTF-8" /etc/locale.gen 2>/dev/null; then
      echo "${loc} UTF-8" >> /etc/locale.gen
    fi
  done
  locale-gen >/dev/null
}

# configure_and_build BUILDDIR
configure_and_build () {
  local dir="$1"
  if [ -f "$dir/build.ninja" ]; then
    meson setup --reconfigure "$dir" >/dev/null
  else
    meson setup "$dir"
  fi
  ninja -C "$dir"
}
