#!/bin/sh
# tests/cameo.sh DYAD - the CAMEO tables end to end.  The generated C is up
# to date: the generator (scripts/cameo/gen_tables.sh) run on data/cameo gives
# exactly the committed src/output/cameo_tables.c; the generator refuses
# broken TSV files with "FILE:LINE: what" and exit 1, writing nothing; and
# `dyad code` writes the tables' quad, goldstein and plover into its events
# (null for a code the tables do not know), which golden files cannot show
# (an event's "rule" holds the absolute path of the test dictionary).
# Run from the repository root.  Ends "N passed, N failed".
DYAD=${1:-build/dyad}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
pass=0
fail=0
check() {
    name=$1; shift
    if "$@"; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL $name"; fi
}

GEN=scripts/cameo/gen_tables.sh
check "generator runs" sh "$GEN" "$T/cameo_tables.c"
check "src/output/cameo_tables.c is up to date (run sh $GEN)" \
    cmp -s "$T/cameo_tables.c" src/output/cameo_tables.c
[ "$fail" -eq 0 ] || diff "$T/cameo_tables.c" src/output/cameo_tables.c | head -20

# broken DESCRIPTION SED-SCRIPT FILE MESSAGE: a copy of data/cameo with
# SED-SCRIPT applied to FILE must fail with MESSAGE on stderr.
broken() {
    rm -rf "$T/data" && cp -R data/cameo "$T/data" &&
        sed "$2" data/cameo/"$3" >"$T/data/$3" || return 1
    rm -f "$T/out.c"
    if CAMEO_DATA="$T/data" sh "$GEN" "$T/out.c" 2>"$T/err"; then
        echo "  $1: accepted"; return 1
    fi
    [ ! -e "$T/out.c" ] || { echo "  $1: wrote output"; return 1; }
    grep -q -- "$4" "$T/err" || { echo "  $1: stderr was:"; cat "$T/err"; return 1; }
}
check "quad against the root rule" broken quad 's/^\(040	.*	\)1$/\12/' events.tsv 'events.tsv:[0-9]*: quad 2 breaks the root rule'
check "goldstein out of range" broken gold 's/^\(190	[^	]*	\)-10.0/\1-11.0/' events.tsv 'goldstein "-11.0"'
check "duplicate code" broken dup '/^044	/p' events.tsv 'code 044 listed twice'
check "orphan 4-digit code" broken orphan '/^087	/d' events.tsv 'code 0871 comes before its parent 087'
check "unknown PLOVER category" broken cat 's/^04	CONSULT$/04	MEET/' plover.tsv '"MEET" is not a PLOVER category'
check "root without PLOVER entry" broken noroot '/^04	CONSULT$/d' plover.tsv 'code 040 has no PLOVER entry'
check "bad actor type" broken atype 's/^GOV	/GOVT	/' actor-types.tsv 'bad type code "GOVT"'

# The output.  Expected values hand-checked against data/cameo: 040 Consult
# 1.0 quad 1 CONSULT; 163 Impose embargo, boycott, or sanctions -8.0 quad 4
# SANCTION; 194 Fight with artillery and tanks -10.0 quad 4 ASSAULT; 066 is
# no CAMEO code (the test dictionary's paired code) -> nulls.
cat >"$T/story.txt" <<'STORY'
Secretary of State John Kerry met Russian Foreign Minister Sergei Lavrov in Paris. The United States imposed sanctions on Russia. Ukrainian troops have shelled rebels near Donetsk. Russia exchanged prisoners with Ukraine.
STORY
D="--date 2014-10-15 --dict tests/coding/news.project"
# has FILE CODE FIELDS: some line of FILE has "code":"CODE","root":..., FIELDS.
has() {
    grep -q "\"code\":\"$2\",\"root\":\"[0-9][0-9]\",$3,\"source_text\"" "$1" ||
        { echo "  no event $2 with $3 in $1:"; cat "$1"; return 1; }
}
# shellcheck disable=SC2086
"$DYAD" code $D "$T/story.txt" >"$T/ev.out" 2>"$T/ev.err"
check "code: exit 0" [ $? -eq 0 ]
check "code: 5 events" [ "$(grep -c '"story_id"' "$T/ev.out")" -eq 5 ]
check "code 040: quad 1, goldstein 1.0, CONSULT" \
    has "$T/ev.out" 040 '"quad":1,"goldstein":1.0,"plover":"CONSULT"'
check "code 163: quad 4, goldstein -8.0, SANCTION" \
    has "$T/ev.out" 163 '"quad":4,"goldstein":-8.0,"plover":"SANCTION"'
check "code 194: quad 4, goldstein -10.0, ASSAULT" \
    has "$T/ev.out" 194 '"quad":4,"goldstein":-10.0,"plover":"ASSAULT"'
check "code 066 (no CAMEO code): nulls" \
    has "$T/ev.out" 066 '"quad":null,"goldstein":null,"plover":null'
# shellcheck disable=SC2086
"$DYAD" code --per-story $D "$T/story.txt" >"$T/st.out" 2>"$T/st.err"
check "per-story: one line" [ "$(wc -l <"$T/st.out")" -eq 1 ]
check "per-story 163: quad 4, goldstein -8.0, SANCTION" \
    has "$T/st.out" 163 '"quad":4,"goldstein":-8.0,"plover":"SANCTION"'
# The TSV format keeps its ten columns (no CAMEO fields there).
# shellcheck disable=SC2086
"$DYAD" code --format tsv $D "$T/story.txt" >"$T/tsv.out" 2>"$T/tsv.err"
check "tsv: ten columns" [ "$(awk -F '\t' 'NF != 10' "$T/tsv.out" | wc -l)" -eq 0 ]

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
