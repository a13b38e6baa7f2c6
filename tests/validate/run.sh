#!/bin/sh
# tests/validate/run.sh - the plumbing of `dyad validate` on the small
# suites in this folder (fictional actors): which records are counted and
# which are not, the category table, the JSON lines, the -v listing, the
# options reported as not honoured, the end markers (FINAL-01, <Stop>),
# errors and exit statuses.  Pass rates are not checked (they belong to the
# coder): a check that reads results only requires them to be consistent
# (FAIL lines = failed records = exit status 1).
# Usage: sh tests/validate/run.sh build/dyad   (from the repository root)
# Last line: "N passed, N failed".
DYAD=${1:-build/dyad}
case $DYAD in /*) ;; *) DYAD=$(pwd)/$DYAD ;; esac
HERE=tests/validate
T=$HERE/tabari.project
P=$HERE/petrarch.xml
pass=0
fail=0
tmp=$(mktemp -d)
trap 'chmod -R u+w "$tmp" 2>/dev/null; rm -rf "$tmp"' EXIT

ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $1"; }
# check NAME CONDITION...: the condition is a test(1) expression.
check() {
    what=$1; shift
    if [ "$@" ]; then ok; else bad "$what"; fi
}

# run NAME ARGS...: run dyad validate, keeping stdout, stderr and status.
run() {
    tag=$1; shift
    "$DYAD" validate "$@" >"$tmp/$tag.out" 2>"$tmp/$tag.err"
    echo $? >"$tmp/$tag.rc"
}
rc() { cat "$tmp/$1.rc"; }
out() { cat "$tmp/$1.out"; }
err() { cat "$tmp/$1.err"; }
# consistent NAME COUNTED [plain]: the last line must be "P passed, F
# failed" with P + F = COUNTED; the exit status 1 exactly when F > 0; the
# FAIL lines of -v as many as F (none for a run without -v: plain).
consistent() {
    name=$1; counted=$2
    last=$(tail -n 1 "$tmp/$name.out")
    case $last in
    *" passed, "*" failed") ;;
    *) bad "$name: last line '$last'"; return ;;
    esac
    p=${last%% passed*}; f=${last#*passed, }; f=${f%% failed}
    check "$name: $p + $f records = $counted" $((p + f)) -eq "$counted"
    if [ "$f" -gt 0 ]; then want=1; else want=0; fi
    check "$name: exit $(rc "$name"), $f failed" "$(rc "$name")" -eq $want
    nfail=$(grep -c '^FAIL ' "$tmp/$name.out")
    [ "$3" = plain ] && f=0
    check "$name: $nfail FAIL lines, want $f" "$nfail" -eq "$f"
}
# summary NAME SUITE COUNTED NOT-COUNTED: the run of NAME on SUITE counted
# that many records and gave these reasons for the others.
summary() {
    got=$(grep "^$2: " "$tmp/$1.out")
    check "$1: summary '$got'" "$got" = "$2: $3 records counted, $4"
}
# ids NAME: the ids of the JSON lines, space-separated.
ids() { grep '^{' "$tmp/$1.out" | sed 's/^{"id":"\([^"]*\)".*/\1/' | tr '\n' ' '; }
# row NAME CATEGORY RECORDS: the category table has that row.
row() {
    n=$(awk -v c="$2" '$1 == c { print $2 }' "$tmp/$1.out")
    check "$1: category $2 has '$n' records, want $3" "$n" = "$3"
}

# ---------------------------------------------------------------- TABARI
run tabari -v --json "$T"
consistent tabari 6
summary tabari "$T" 6 "4 not counted (1 no expected coding, 2 TABARI OPTION records, 1 disabled with -{...})"
row tabari DEMO 3
row tabari QUIET 2
row tabari MISS 1
row tabari total 6
check "tabari: JSON ids '$(ids tabari)' (stops at FINAL-01)" "$(ids tabari)" = \
    "DEMO-01 DEMO-02 QUIET-01 QUIET-02 MISS-01 DEMO-04 "
for id in DEMO-02 QUIET-01 QUIET-02; do
    check "tabari: $id expects no event" -n "$(grep "^{\"id\":\"$id\",.*\"expected\":\[\]," "$tmp/tabari.out")"
done
check "tabari: DEMO-01 expects VAL MER 051" -n \
    "$(grep '^{"id":"DEMO-01","category":"DEMO","pass":[a-z]*,"expected":\[{"source":"VAL","target":"MER","code":"051"}\],"coded":\[' "$tmp/tabari.out")"
check "tabari: DEMO-04 allows more events" -n "$(grep '^{"id":"DEMO-04",.*,"more_allowed":true}$' "$tmp/tabari.out")"
check "tabari: -v lists MISS-01" -n "$(grep -x 'FAIL MISS-01 \[MISS\]' "$tmp/tabari.out")"
check "tabari: -v text on one line" -n "$(grep -x '  text:     Valdoria and Meridani met at the border.' "$tmp/tabari.out")"
check "tabari: -v expected" -n "$(grep -x '  expected: VAL / MER / 999' "$tmp/tabari.out")"
check "tabari: stderr '$(err tabari)'" "$(err tabari)" = \
    "dyad validate: not honoured: TABARI option SET: CONVERT AGENT = TRUE"

run tabari-plain "$T"
consistent tabari-plain 6 plain
check "tabari-plain: no JSON" -z "$(grep '^{' "$tmp/tabari-plain.out")"

# ---------------------------------------------------------------- PETRARCH
run petrarch -v --json "$P"
consistent petrarch 5
summary petrarch "$P" 5 "4 not counted (1 no expected coding, 1 valid=\"false\", 1 category not included, 1 <Skip>)"
row petrarch ALPHA 2
row petrarch BETA 2
row petrarch MISS 1
check "petrarch: JSON ids '$(ids petrarch)' (stops at <Stop>)" "$(ids petrarch)" = \
    "ALPHA-01 ALPHA-02 BETA-01 BETA-03 MISS-01 "
check "petrarch: BETA-03 missing target is ---" -n \
    "$(grep '^{"id":"BETA-03",.*"expected":\[{"source":"VAL","target":"---","code":"122"}\]' "$tmp/petrarch.out")"
check "petrarch: noevents with blanks" -n "$(grep '^{"id":"BETA-01",.*"expected":\[\],' "$tmp/petrarch.out")"
check "petrarch: -v lists MISS-01" -n "$(grep -x 'FAIL MISS-01 \[MISS\]' "$tmp/petrarch.out")"
check "petrarch: stderr '$(err petrarch)'" "$(err petrarch)" = "dyad validate: not honoured: PETRARCH <Config> stop_on_error=True
dyad validate: not honoured: PETRARCH <Config> new_actor_length=4"

# --dict replaces the suite's dictionaries: the .xml alone is enough.
mkdir "$tmp/alone"
cp "$P" "$tmp/alone/"
run dict -v --dict "$T" "$tmp/alone/petrarch.xml"
consistent dict 5

# ---------------------------------------------------------------- read-only copies
mkdir "$tmp/ro"
cp "$HERE"/tabari.* "$HERE"/petrarch.* "$tmp/ro/"
chmod -R a-w "$tmp/ro"
before=$(ls -a "$tmp/ro")
run ro-tabari -v "$tmp/ro/tabari.project"
consistent ro-tabari 6
run ro-petrarch -v "$tmp/ro/petrarch.xml"
consistent ro-petrarch 5
check "read-only: nothing written next to the suites" "$(ls -a "$tmp/ro")" = "$before"
chmod -R u+w "$tmp/ro"

# ---------------------------------------------------------------- errors
mkdir "$tmp/nov" "$tmp/noa"
cp "$HERE"/tabari.* "$tmp/nov/" && rm "$tmp/nov/tabari.verbs"
run no-verbs "$tmp/nov/tabari.project"
check "missing .verbs: exit $(rc no-verbs)" "$(rc no-verbs)" -eq 2
check "missing .verbs: message names it" -n "$(grep 'tabari.verbs' "$tmp/no-verbs.err")"
cp "$HERE"/petrarch.* "$tmp/noa/" && rm "$tmp/noa/petrarch.actors.txt"
run no-actors "$tmp/noa/petrarch.xml"
check "missing actors: exit $(rc no-actors)" "$(rc no-actors)" -eq 2
check "missing actors: message names it" -n "$(grep 'petrarch.actors.txt' "$tmp/no-actors.err")"

printf '<Sentences>\n<Sentence date="20150105" id="X-01" category="X">\n<EventCoding noevents="True"/>\n<Text>Quiet.</Text>\n</Sentence>\n</Sentences>\n' >"$tmp/noenv.xml"
run noenv "$tmp/noenv.xml"
check "no <Environment>: exit $(rc noenv)" "$(rc noenv)" -eq 2
check "no <Environment>: message" -n "$(grep 'names no dictionaries' "$tmp/noenv.err")"

run nosuite "$tmp/absent.xml"
check "absent suite: exit $(rc nosuite)" "$(rc nosuite)" -eq 2
check "absent suite: message names it" -n "$(grep 'absent.xml' "$tmp/nosuite.err")"
run noproject "$tmp/absent.project"
check "absent project: exit $(rc noproject)" "$(rc noproject)" -eq 2
check "absent project: message names it" -n "$(grep 'absent.project' "$tmp/noproject.err")"
run notsuite "$HERE/tabari.actors"
check "not a suite: exit $(rc notsuite)" "$(rc notsuite)" -eq 2
run nothing
check "no SUITE: exit $(rc nothing)" "$(rc nothing)" -eq 2
run two "$T" "$P"
check "two SUITEs: exit $(rc two)" "$(rc two)" -eq 2
run badopt --bogus "$T"
check "unknown option: exit $(rc badopt)" "$(rc badopt)" -eq 2
run help --help
check "--help: exit $(rc help)" "$(rc help)" -eq 0
check "--help: usage" -n "$(grep '^usage: dyad validate' "$tmp/help.out")"

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
