#!/bin/sh
# countries.sh - regenerate data/dict/countries.actors: fetch the pinned npm
# package world-countries into a temporary directory (npm pack: the npm
# registry is the only network access) and run countries.js on it with
# Debian's iso-codes (/usr/share/iso-codes/json, package iso-codes).
#   scripts/dict/countries.sh [--out FILE]   (other arguments go to countries.js)
set -eu
WC_VERSION=5.1.0
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
(cd "$tmp" && npm pack --silent "world-countries@$WC_VERSION" >/dev/null && tar xzf "world-countries-$WC_VERSION.tgz")
iso_version=$(dpkg-query -W -f='${Version}' iso-codes 2>/dev/null || echo unknown)
node "$here/countries.js" --wc "$tmp/package/countries.json" --wc-version "$WC_VERSION" \
    --iso-dir /usr/share/iso-codes/json --iso-version "$iso_version" "$@"
