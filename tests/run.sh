#!/bin/sh
# tests/run.sh - the whole test suite: unit tests, the CAMEO tables
# (tests/cameo.sh), golden files, robustness checks, `dyad
# validate` on its own small suites (tests/validate) and on the peers'
# suites (tests/conformance.sh).  Each part ends with "N passed,
# N failed"; this script sums them and prints the total as its last line.
# Exit status 1 when anything failed.
BUILD=${BUILD:-build}
DYAD=$BUILD/dyad
total_pass=0
total_fail=0
log=$(mktemp)
trap 'rm -f "$log"' EXIT

part() {
    name=$1; shift
    echo "== $name"
    "$@" >"$log" 2>&1
    rc=$?
    cat "$log"
    line=$(grep -E '^[0-9]+ passed, [0-9]+ failed$' "$log" | tail -n 1)
    if [ -z "$line" ]; then
        echo "$name: no summary line (exit $rc); counted as 1 failure"
        total_fail=$((total_fail + 1))
        return
    fi
    p=${line%% passed*}
    f=${line#*passed, }
    f=${f%% failed}
    total_pass=$((total_pass + p))
    total_fail=$((total_fail + f))
    if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
        echo "$name: exit $rc with no failures reported; counted as 1 failure"
        total_fail=$((total_fail + 1))
    fi
}

part unit "$BUILD/unit"
part cameo sh tests/cameo.sh "$DYAD"
part golden "$BUILD/golden" "$(pwd)/$DYAD" tests/golden/*.test
part robust sh tests/robust.sh "$DYAD"
part parses sh tests/parse_check.sh "$DYAD"
part eval sh tests/eval.sh "$DYAD"
part validate sh tests/validate/run.sh "$DYAD"
part conformance sh tests/conformance.sh "$DYAD"

echo "== total"
echo "$total_pass passed, $total_fail failed"
[ "$total_fail" -eq 0 ]
