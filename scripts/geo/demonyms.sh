#!/bin/sh
# demonyms.sh - regenerate src/places/demonym_table.c from the pinned npm
# package world-countries (npm pack: the registry is the only network use).
#   sh scripts/geo/demonyms.sh
set -eu
WC_VERSION=5.1.0
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
(cd "$tmp" && npm pack --silent "world-countries@$WC_VERSION" >/dev/null &&
    mkdir wc && tar xzf "world-countries-$WC_VERSION.tgz" -C wc)
node "$here/demonyms.js" "$tmp/wc/package/countries.json" "$WC_VERSION" \
    >"$here/../../src/places/demonym_table.c"
