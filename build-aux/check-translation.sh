#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# check-translation.sh PO-FILE [MAX-PERCENT]
#
# Checks a translation with `msgfmt -c --statistics` and fails when it has
# errors, or when its fuzzy and untranslated messages together exceed
# MAX-PERCENT (2 by default) of all messages.

set -eu

po=$1
max=${2:-2}

stats=$(LC_ALL=C msgfmt -c --statistics -o /dev/null "$po" 2>&1) || {
  printf '%s\n' "$stats" >&2
  exit 1
}
printf '%s: %s\n' "$(basename "$po")" "$stats"


translated=$(printf '%s\n' "$stats" | sed -n 's/^\([0-9][0-9]*\) translated.*/\1/p')
translated=${translated:-0}
fuzzy=$(printf '%s\n' "$stats" | sed -n 's/.* \([0-9][0-9]*\) fuzzy.*/\1/p')
fuzzy=${fuzzy:-0}
untranslated=$(printf '%s\n' "$stats" | sed -n 's/.* \([0-9][0-9]*\) untranslated.*/\1/p')
untranslated=${untranslated:-0}
total=$((translated + fuzzy + untranslated))

if [ "$total" -eq 0 ]; then
  echo "$po has no messages" >&2
  exit 1
fi

missing=$((fuzzy + untranslated))
# Compare missing/total > max/100 in integers.
if [ $((missing * 100)) -gt $((max * total)) ]; then
  echo "$po: $missing of $total messages are fuzzy or untranslated (more than $max%)" >&2
  exit 1
fi
