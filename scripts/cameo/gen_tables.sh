#!/bin/sh
# scripts/cameo/gen_tables.sh [OUT] - turn the CAMEO tables of data/cameo
# (events.tsv, plover.tsv, actor-types.tsv) into the C source
# src/output/cameo_tables.c (or OUT; "-" for standard output).  The
# environment variable CAMEO_DATA names another folder of the three files,
# absolute or relative to the repository root (the tests use it for broken
# copies).
#
# The output is committed; `make` does not run this script.  Run it after
# editing a TSV file; the test suite (tests/cameo.sh) regenerates into
# a temporary file and fails when the committed C differs.
#
# The TSV files are checked as they are read; a bad line is reported as
# "FILE:LINE: what is wrong" on standard error, nothing is written and the
# exit status is 1.  POSIX sh and awk only; the output does not depend on the
# locale (C collation for sorting).
set -eu

root=$(cd "$(dirname "$0")/../.." && pwd)
case ${1:-} in ""|-|/*) ;; *) set -- "$(pwd)/$1" ;; esac
data=${CAMEO_DATA:-data/cameo}
out=${1:-$root/src/output/cameo_tables.c}
LC_ALL=C
export LC_ALL

tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT INT TERM

cd "$root"
awk -F '\t' -v EV="$data/events.tsv" -v PL="$data/plover.tsv" -v AT="$data/actor-types.tsv" '
function fail(file, line, msg) {
    printf "%s:%d: %s\n", file, line, msg > "/dev/stderr"
    bad = 1
}
# A C string literal for s (names hold quotes: Meet at a "third" location).
# Char by char: awks differ on backslashes in gsub replacements.
function cstr(s,    r, i, ch) {
    r = ""
    for (i = 1; i <= length(s); i++) {
        ch = substr(s, i, 1)
        if (ch == "\\" || ch == "\"") r = r "\\"
        r = r ch
    }
    return "\"" r "\""
}
# QuadClass of a root, the CAMEO/GDELT rule (see events.tsv).
function quad_of(r) {
    r = r + 0
    return r <= 5 ? 1 : r <= 8 ? 2 : r <= 13 ? 3 : 4
}
BEGIN {
    ncat = split("AGREE CONSULT SUPPORT CONCEDE COOPERATE AID RETREAT REQUEST " \
                 "ACCUSE REJECT THREATEN PROTEST SANCTION MOBILIZE COERCE ASSAULT", cats, " ")
    for (i = 1; i <= ncat; i++) is_cat[cats[i]] = 1
    is_cat["-"] = 1

    # events.tsv: code, name, goldstein, quad
    n = 0
    while ((getline line < EV) > 0) {
        ln++
        if (line ~ /^#/ || line == "") continue
        nf = split(line, f, "\t")
        if (nf != 4) { fail(EV, ln, "expected 4 tab-separated fields, found " nf); continue }
        c = f[1]
        if (c !~ /^[0-9][0-9][0-9]?[0-9]?$/) { fail(EV, ln, "bad code \"" c "\""); continue }
        r = substr(c, 1, 2)
        if (r + 0 < 1 || r + 0 > 20) { fail(EV, ln, "root " r " is not 01-20"); continue }
        if (c in name) { fail(EV, ln, "code " c " listed twice"); continue }
        if (f[2] == "") fail(EV, ln, "empty name")
        if (f[3] !~ /^-?[0-9][0-9]?\.[0-9]$/ || f[3] + 0 < -10 || f[3] + 0 > 10)
            fail(EV, ln, "goldstein \"" f[3] "\" is not -10.0 .. 10.0 with one decimal")
        if (f[4] != quad_of(r))
            fail(EV, ln, "quad " f[4] " breaks the root rule (root " r " -> " quad_of(r) ")")
        if (length(c) == 4 && !(substr(c, 1, 3) in name))
            fail(EV, ln, "code " c " comes before its parent " substr(c, 1, 3))
        if (length(c) == 3 && !(r in name))
            fail(EV, ln, "code " c " comes before its root " r)
        name[c] = f[2]; gold[c] = f[3]; quad[c] = f[4]; evline[c] = ln
        codes[++n] = c
    }
    if (n == 0) fail(EV, 0, "no codes (missing file?)")

    # plover.tsv: prefix, category or "-"
    ln = 0
    while ((getline line < PL) > 0) {
        ln++
        if (line ~ /^#/ || line == "") continue
        nf = split(line, f, "\t")
        if (nf != 2) { fail(PL, ln, "expected 2 tab-separated fields, found " nf); continue }
        if (f[1] !~ /^[0-9][0-9][0-9]?[0-9]?$/) { fail(PL, ln, "bad prefix \"" f[1] "\""); continue }
        if (!(f[2] in is_cat)) { fail(PL, ln, "\"" f[2] "\" is not a PLOVER category or -"); continue }
        if (f[1] in plover) { fail(PL, ln, "prefix " f[1] " listed twice"); continue }
        if (!(f[1] in name)) fail(PL, ln, "prefix " f[1] " is no CAMEO code of events.tsv")
        plover[f[1]] = f[2]
    }

    # actor-types.tsv: code, kind, name
    ln = 0; na = 0
    while ((getline line < AT) > 0) {
        ln++
        if (line ~ /^#/ || line == "") continue
        nf = split(line, f, "\t")
        if (nf != 3) { fail(AT, ln, "expected 3 tab-separated fields, found " nf); continue }
        if (f[1] !~ /^[A-Z][A-Z][A-Z]$/) { fail(AT, ln, "bad type code \"" f[1] "\""); continue }
        if (f[2] != "role" && f[2] != "intl" && f[2] != "religion")
            fail(AT, ln, "kind \"" f[2] "\" is not role, intl or religion")
        if (f[1] in atname) { fail(AT, ln, "type " f[1] " listed twice"); continue }
        if (f[3] == "") fail(AT, ln, "empty name")
        atname[f[1]] = f[3]; atkind[f[1]] = f[2]
        atcodes[++na] = f[1]
    }
    if (na == 0) fail(AT, 0, "no actor types (missing file?)")

    # The longest listed prefix gives the category; every root must have one.
    for (i = 1; i <= n; i++) {
        c = codes[i]; cat[c] = ""
        for (k = length(c); k >= 2; k--)
            if (substr(c, 1, k) in plover) { cat[c] = plover[substr(c, 1, k)]; break }
        if (cat[c] == "") fail(EV, evline[c], "code " c " has no PLOVER entry (not even \"-\" for its root)")
    }
    if (bad) exit 1

    # Sort (C collation = strcmp order: the lookup is a binary search).
    for (i = 2; i <= n; i++) {
        c = codes[i]
        for (j = i - 1; j >= 1 && codes[j] "" > c ""; j--) codes[j + 1] = codes[j]
        codes[j + 1] = c
    }
    for (i = 2; i <= na; i++) {
        c = atcodes[i]
        for (j = i - 1; j >= 1 && atcodes[j] "" > c ""; j--) atcodes[j + 1] = atcodes[j]
        atcodes[j + 1] = c
    }

    print "/*"
    print "** cameo_tables.c - generated by scripts/cameo/gen_tables.sh from"
    print "** data/cameo/events.tsv, plover.tsv and actor-types.tsv: do not edit."
    print "** Edit the TSV files and run the script; tests/cameo.sh checks"
    print "** that this file is up to date."
    print "*/"
    print "#include \"cameo.h\""
    print ""
    printf "/* %d CAMEO 1.1b3 codes, sorted: code, name, goldstein, quad, plover. */\n", n
    print "const dyad_cameo_code cameo_codes[] = {"
    for (i = 1; i <= n; i++) {
        c = codes[i]
        printf "    {\"%s\", %s, %s, %d, %s},\n", c, cstr(name[c]), gold[c], quad[c],
               cat[c] == "-" ? "NULL" : "\"" cat[c] "\""
    }
    print "};"
    print "const size_t cameo_ncodes = sizeof cameo_codes / sizeof *cameo_codes;"
    print ""
    printf "/* %d CAMEO actor types, sorted: code, name. */\n", na
    print "const cameo_actor_type cameo_actor_types[] = {"
    for (i = 1; i <= na; i++) {
        c = atcodes[i]
        printf "    {\"%s\", %s},%s\n", c, cstr(atname[c]), "  /* " atkind[c] " */"
    }
    print "};"
    print "const size_t cameo_nactor_types = sizeof cameo_actor_types / sizeof *cameo_actor_types;"
}' >"$tmp"

if [ "$out" = - ]; then cat "$tmp"; else cp "$tmp" "$out"; fi
