#!/bin/sh
# tests/eval.sh DYAD - `dyad eval` on the hand-written gold and coded files
# of tests/eval/, case by case as listed in tests/eval/cases (its header
# gives the format).  Every expected figure there was computed by hand, with
# the arithmetic in a comment.  Ends "N passed, N failed".
DYAD=${1:-build/dyad}
case $DYAD in /*) ;; *) DYAD=$(pwd)/$DYAD ;; esac
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
pass=0
fail=0

# Comparable text: no comments, no timing, runs of blanks as one space.
norm() {
    grep -v '^#' "$1" | sed -e '/^ *seconds /d' -e 's/"seconds":[^,]*,//' \
        -e 's/[[:space:]][[:space:]]*/ /g' -e 's/^ //' -e 's/ $//'
}

# Every non-comment line of $1 is a line (has: a whole line) of $2.
contains() {
    norm "$1" | while IFS= read -r want; do
        [ -z "$want" ] && continue
        grep -qxF -- "$want" "$2" || { echo "  missing: $want"; exit 1; }
    done
}

cd tests/eval || exit 1
grep -v '^#' cases | while read -r name status args; do
    [ -z "$name" ] && continue
    # shellcheck disable=SC2086
    "$DYAD" eval $args </dev/null >"$T/out" 2>"$T/err"
    rc=$?
    norm "$T/out" >"$T/got"
    ok=1
    if [ "$rc" -ne "$status" ]; then
        echo "  exit $rc, expected $status"
        ok=0
    fi
    if [ -f "$name.expect" ]; then
        norm "$name.expect" >"$T/want"
        if ! diff -u "$T/want" "$T/got" >"$T/diff"; then
            cat "$T/diff"
            ok=0
        fi
    fi
    if [ -f "$name.has" ] && ! contains "$name.has" "$T/got"; then ok=0; fi
    if [ -f "$name.stderr" ]; then
        norm "$name.stderr" | while IFS= read -r want; do
            [ -z "$want" ] && continue
            grep -qF -- "$want" "$T/err" || { echo "  stderr lacks: $want"; exit 1; }
        done || ok=0
    fi
    if grep -q 'runtime error\|AddressSanitizer\|LeakSanitizer' "$T/err"; then
        cat "$T/err"
        ok=0
    fi
    if [ $ok -eq 1 ]; then echo "ok - eval $name"; else echo "FAIL - eval $name"; fi
done >"$T/log"
cat "$T/log"
pass=$(grep -c '^ok - ' "$T/log")
fail=$(grep -c '^FAIL - ' "$T/log")
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
