#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# check-manpage.sh CIRCLE MANPAGE
#
# The manual page documents exactly the options the program has: every long
# option `circle --help` lists is described in MANPAGE (as “\-\-name”), every
# option MANPAGE describes in a .TP entry exists, and groff formats the page
# without warnings.

set -eu

circle=$1
page=$2
status=0

options=$(LANGUAGE=C LC_ALL=C.UTF-8 "$circle" --help-all |
  sed -n 's/^ *\(-[a-zA-Z], \)\{0,1\}--\([a-z][a-z-]*\).*/\2/p' | sort -u)

# Options of every GApplication and of GLib itself, not Circle's.
own=$(printf '%s\n' "$options" | grep -v -x -e 'help-gapplication' -e 'gapplication-service' -e 'help-all' || true)

for option in $own; do
  escaped=$(printf '%s' "$option" | sed 's/-/\\\\-/g')
  if ! grep -q -e "\\\\-\\\\-$escaped\\b" "$page"; then
    echo "$page does not document --$option" >&2
    status=1
  fi
done

# Options the page describes in .TP entries: the first \-\-name after each .TP.
documented=$(awk '/^\.TP/ { getline; print }' "$page" |
  grep -o '\\-\\-[a-z][a-z\\-]*' | head -n 1000 | sed 's/\\-/-/g; s/^--//' | sort -u)

for option in $documented; do
  if ! printf '%s\n' "$options" | grep -q -x -e "$option"; then
    echo "$page documents --$option, which circle does not have" >&2
    status=1
  fi
done

warnings=$(LC_ALL=C.UTF-8 groff -man -ww -z "$page" 2>&1 || true)
if [ -n "$warnings" ]; then
  printf '%s\n' "$warnings" >&2
  status=1
fi

exit $status
