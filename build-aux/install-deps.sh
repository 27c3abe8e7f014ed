#!/bin/sh
# Installs every package needed to build, run and test Reflect.
# Debian 12 (and derivatives) or Fedora; runs as root, or through sudo.
set -eu

debian_packages="
  build-essential meson ninja-build pkg-config gettext itstool
  libglib2.0-dev libglib2.0-dev-bin libgtk-4-dev libadwaita-1-dev libjson-glib-dev libsqlite3-dev
  desktop-file-utils appstream yelp-tools
  xvfb xauth dbus dbus-x11 at-spi2-core python3 python3-pyatspi
  clang libclang-rt-14-dev valgrind strace poppler-utils sqlite3 imagemagick xdotool
  adwaita-icon-theme fonts-cantarell fonts-dejavu-core gsettings-desktop-schemas libgtk-4-bin
"

fedora_packages="
  gcc meson ninja-build pkgconf-pkg-config gettext itstool
  glib2-devel gtk4-devel libadwaita-devel json-glib-devel sqlite-devel
  desktop-file-utils appstream yelp-tools
  xorg-x11-server-Xvfb xorg-x11-xauth dbus-daemon dbus-x11 at-spi2-core python3 python3-pyatspi
  clang compiler-rt valgrind strace poppler-utils sqlite ImageMagick xdotool
  adwaita-icon-theme abattis-cantarell-fonts dejavu-sans-fonts gsettings-desktop-schemas
"

if [ "$(id -u)" -eq 0 ]; then
  as_root=""
elif command -v sudo >/dev/null 2>&1; then
  as_root="sudo"
else
  echo "install-deps: run this as root, or install sudo" >&2
  exit 1
fi

if command -v apt-get >/dev/null 2>&1; then
  missing=""
  for package in $debian_packages; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" ||
      missing="$missing $package"
  done
  if [ -n "$missing" ]; then
    echo "install-deps: installing$missing"
    $as_root apt-get update -qq
    # shellcheck disable=SC2086
    DEBIAN_FRONTEND=noninteractive $as_root apt-get install -y -qq --no-install-recommends $missing
  fi
elif command -v dnf >/dev/null 2>&1; then
  # shellcheck disable=SC2086
  $as_root dnf install -y $fedora_packages
else
  echo "install-deps: unknown system; install the equivalents of: $debian_packages" >&2
  exit 1
fi
