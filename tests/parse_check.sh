#!/bin/sh
# tests/parse_check.sh DYAD - hand-checked parses (tests/parse/cases.txt):
# parses every sentence with `dyad parse --tokenized` and checks each arc.
# "E" arcs must come out right; "K" arcs are known misparses of the shipped
# models (the right analysis, reported but not failed, so that a better model
# shows up as "ok").
# Skips (0 checks) when the models are absent.  Ends "N passed, N failed".
DYAD=${1:-build/dyad}
CASES=tests/parse/cases.txt
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
# CoNLL-U with one sentence per S line.
awk '/^S /{ n = split(substr($0, 3), w, " "); for (i = 1; i <= n; i++)
             printf "%d\t%s\t_\t_\t_\t_\t_\t_\t_\t_\n", i, w[i]; print "" }' "$CASES" >"$T/in.conllu"
if ! "$DYAD" parse --tokenized "$T/in.conllu" >"$T/out.conllu" 2>"$T/err"; then
    if grep -q "models not found" "$T/err"; then
        echo "skip - parses: models absent"
        echo "0 passed, 0 failed"
        exit 0
    fi
    cat "$T/err"
    echo "0 passed, 1 failed"
    exit 1
fi
awk -F'\t' '
BEGIN { k = 0 }
FNR == NR {                         # the parses: sentence k, word i
    if ($0 == "") { k++; next }
    if ($1 ~ /^[0-9]+$/) { form[k, $1] = $2; head[k, $1] = $7; rel[k, $1] = $8; len[k] = $1 }
    next
}
/^S / { s++; next }
/^[EK] / {
    known = substr($0, 1, 1) == "K"
    split(substr($0, 3), e, " ")
    dep = e[1]; want = e[2]; hd = e[3]
    d = find(s - 1, dep); h = (hd == "ROOT") ? 0 : find(s - 1, hd)
    got = rel[s - 1, d]
    if (index(want, ":") == 0) sub(/:.*/, "", got)
    if (d && head[s - 1, d] == h && got == want) { pass++; print "ok - " $0 }
    else {
        gh = head[s - 1, d] == 0 ? "ROOT" : form[s - 1, head[s - 1, d]]
        if (known) { xfail++; tag = "known misparse" } else { fail++; tag = "FAIL" }
        printf "%s - sentence %d: %s (got %s %s %s)\n", tag, s, substr($0, 3), dep, rel[s - 1, d], gh
    }
}
function find(k, w,   i, nth, c, base) {
    nth = 1; base = w
    if (match(w, /#[0-9]+$/)) { nth = substr(w, RSTART + 1) + 0; base = substr(w, 1, RSTART - 1) }
    c = 0
    for (i = 1; i <= len[k]; i++) if (form[k, i] == base && ++c == nth) return i
    return 0
}
END {
    if (xfail) printf "%d known misparses (K lines in %s) not counted as failures\n", xfail, FILENAME
    printf "%d passed, %d failed\n", pass, fail; exit fail > 0
}
' "$T/out.conllu" "$CASES"
