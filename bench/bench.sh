#!/bin/sh
# bench.sh - the speed benchmark (../shared/docs/EVALUATION.md, "Speed").
#
#   sh bench/bench.sh BUILD/dyad
#
# Decompresses the Reuters-21578 corpus once (so gzip is not timed), then
# times, single-threaded (pinned to one CPU when taskset works):
#   wc -w FILE                              the floor
#   dyad sentences --stats FILE >/dev/null  reading + sentences + tokens; its
#                                           "stats:" line on stderr also gives
#                                           the text layer's own time
#   dyad code --no-dict --per-story FILE    reading, splitting, output
#   dyad code --per-story FILE >/dev/null   end to end, dyad's own dictionaries
# and prints seconds, MB/s (of the JSONL file and of the story text), stories/s,
# sentences/s and peak RSS for each.  Figures are reported, never checked.
# MB = 10^6 bytes; RSS in MiB.  Wall time from date +%s.%N; peak memory from
# /usr/bin/time -v when it works, else from the stats line.
#
# Environment: BENCH_CORPUS overrides the corpus (.jsonl, .jsonl.gz, .jsonl.zst).
# POSIX sh (dash); exits 0 when ../shared is absent.

set -u

if [ $# -ne 1 ]; then
    echo "usage: sh bench/bench.sh BUILD/dyad" >&2
    exit 2
fi
dyad=$1

root=$(cd "$(dirname "$0")/.." && pwd)
corpus=${BENCH_CORPUS:-$root/../shared/data/corpora/reuters21578.jsonl.gz}
if [ ! -f "$corpus" ]; then
    echo "bench: ../shared absent, skipped"
    exit 0
fi
if [ ! -x "$dyad" ] || [ -d "$dyad" ]; then
    echo "bench: $dyad: not an executable file" >&2
    exit 2
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/dyad-bench.XXXXXX" 2>/dev/null) || {
    tmp=${TMPDIR:-/tmp}/dyad-bench.$$
    mkdir "$tmp" || exit 2
}
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' HUP INT TERM

# -- the input, decompressed once ----------------------------------------
file=$tmp/corpus.jsonl
case $corpus in
*.gz) gzip -dc "$corpus" >"$file" ;;
*.zst) zstd -qdc "$corpus" >"$file" ;;
*) cp "$corpus" "$file" ;;
esac || {
    echo "bench: cannot decompress $corpus" >&2
    exit 2
}
file_bytes=$(wc -c <"$file" | tr -d ' ')
file_stories=$(grep -c . "$file")   # one story per non-blank line; warms the cache too

# -- tools -----------------------------------------------------------------
pin=
pin_note="not pinned (taskset unavailable)"
if command -v taskset >/dev/null 2>&1 && taskset -c 0 true 2>/dev/null; then
    pin="taskset -c 0"
    pin_note="pinned to CPU 0 (taskset -c 0)"
fi
timev=
if [ -x /usr/bin/time ] && /usr/bin/time -v -o "$tmp/probe" true 2>/dev/null \
    && grep -q 'Maximum resident' "$tmp/probe" 2>/dev/null; then
    timev=1
fi
case $(date +%N) in
*[!0-9]*) now() { date +%s; } ;;       # no %N: one-second resolution
*) now() { date +%s.%N; } ;;
esac

# run LABEL CMD...: runs CMD with stdout to /dev/null and stderr to
# $tmp/LABEL.err; sets secs (wall), rss_kb (peak, or empty) and rc.
run() {
    label=$1
    shift
    t0=$(now)
    if [ -n "$timev" ]; then
        $pin /usr/bin/time -v -o "$tmp/$label.time" "$@" >/dev/null 2>"$tmp/$label.err"
    else
        $pin "$@" >/dev/null 2>"$tmp/$label.err"
    fi
    rc=$?
    t1=$(now)
    secs=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", b - a }')
    rss_kb=
    if [ -n "$timev" ] && [ -f "$tmp/$label.time" ]; then
        rss_kb=$(sed -n 's/^[[:space:]]*Maximum resident set size (kbytes):[[:space:]]*\([0-9][0-9]*\).*/\1/p' \
            "$tmp/$label.time" | head -n 1)
    fi
}

# note LABEL WHAT: reports a command that did not exit 0.
note() {
    if [ "$rc" -ne 0 ]; then
        notes="${notes}note: $2 exited with status $rc"
        if [ -s "$tmp/$1.err" ]; then
            notes="$notes; stderr begins:
$(grep -v '^stats: ' "$tmp/$1.err" | head -n 3 | sed 's/^/    /')"
        fi
        notes="$notes
"
    fi
}
notes=

# -- the runs ----------------------------------------------------------------
run wc wc -w "$file"
wc_secs=$secs wc_rss=$rss_kb
note wc "wc -w"

# Exit status 1 (some stories were errors) still times a full run; anything
# else means the figures are not a run's, so they are shown as n/a.
run sent "$dyad" sentences --stats "$file"
sent_secs=$secs sent_rss=$rss_kb
note sent "dyad sentences --stats"
[ "$rc" -le 1 ] || sent_secs='' sent_rss=''

run nodict "$dyad" code --no-dict --per-story "$file"
nodict_secs=$secs nodict_rss=$rss_kb
note nodict "dyad code --no-dict --per-story"
[ "$rc" -le 1 ] || nodict_secs='' nodict_rss=''

# With dyad's own dictionaries (data/dict), the default.
run code "$dyad" code --per-story "$file"
code_secs=$secs code_rss=$rss_kb
note code "dyad code --per-story"
[ "$rc" -le 1 ] || code_secs='' code_rss=''

# The coder with the PETRARCH-2 dictionary set (CAMEO.2.0, Phoenix actors),
# when ../shared has it: the end-to-end figure issue 5 asks for.
petr2=$(dirname "$corpus")/../reference-dicts/PETR_config.ini
petr_secs='' petr_rss=''
if [ -f "$petr2" ]; then
    run petr "$dyad" code --per-story --dict "$petr2" "$file"
    petr_secs=$secs petr_rss=$rss_kb
    note petr "dyad code --dict PETR_config.ini"
    [ "$rc" -le 1 ] || petr_secs='' petr_rss=''
fi

# -- the stats line ----------------------------------------------------------
stats=$(grep '^stats: ' "$tmp/sent.err" 2>/dev/null | tail -n 1)
stat() {
    printf '%s\n' "$stats" | tr ' ' '\n' | sed -n "s/^$1=\\([0-9.][0-9.]*\\)\$/\\1/p" | head -n 1
}
s_stories=$(stat stories)
s_sentences=$(stat sentences)
s_tokens=$(stat tokens)
s_text_bytes=$(stat text_bytes)
s_seconds_text=$(stat seconds_text)
s_seconds_total=$(stat seconds_total)
s_rss=$(stat peak_rss_kb)
[ -n "$sent_rss" ] || sent_rss=$s_rss
stories=${s_stories:-$file_stories}

# -- the table -----------------------------------------------------------------
echo "dyad speed benchmark: $(basename "$corpus")"
awk -v fb="$file_bytes" -v st="$stories" -v se="$s_sentences" -v tk="$s_tokens" \
    -v tb="$s_text_bytes" -v pin="$pin_note" -v stats="$stats" 'BEGIN {
    printf "  input %.1f MB JSONL, %s stories", fb / 1e6, st
    printf ", %s sentences, %s tokens, %s MB text\n", na(se), na(tk), tb == "" ? "n/a" : sprintf("%.1f", tb / 1e6)
    printf "  single-threaded, %s\n", pin
    if (stats == "") print "  (no stats: line from dyad sentences --stats; its figures are n/a)"
}
function na(x) { return x == "" ? "n/a" : x }'
echo

awk -v fb="$file_bytes" -v tb="$s_text_bytes" -v st="$stories" -v se="$s_sentences" \
    -v wc_s="$wc_secs" -v wc_r="$wc_rss" \
    -v tl_s="$s_seconds_text" -v tl_r="$s_rss" \
    -v sn_s="$sent_secs" -v sn_r="$sent_rss" \
    -v nd_s="$nodict_secs" -v nd_r="$nodict_rss" \
    -v cd_s="$code_secs" -v cd_r="$code_rss" -v pt_s="$petr_secs" -v pt_r="$petr_rss" 'BEGIN {
    fmt = "%-16s %9s %11s %11s %11s %13s %10s\n"
    printf fmt, "", "seconds", "MB/s file", "MB/s text", "stories/s", "sentences/s", "peak RSS"
    row("wc -w (floor)", wc_s, fb, "", st, "", wc_r)
    row("text layer", tl_s, fb, tb, st, se, tl_r)
    row("dyad sentences", sn_s, fb, tb, st, se, sn_r)
    row("code --no-dict", nd_s, fb, tb, st, se, nd_r)
    row("code own dict", cd_s, fb, tb, st, se, cd_r)
    if (pt_s != "") row("code PETR2 dict", pt_s, fb, tb, st, se, pt_r)
}
function rate(x, s, scale) {
    if (x == "" || s == "" || s + 0 <= 0) return "n/a"
    return sprintf(scale == 1 ? "%.0f" : "%.1f", x / scale / s)
}
function row(name, s, fbytes, tbytes, stories, sentences, rss) {
    printf fmt, name, s == "" ? "n/a" : sprintf("%.3f", s),
        rate(fbytes, s, 1e6), rate(tbytes, s, 1e6), rate(stories, s, 1),
        rate(sentences, s, 1), rss == "" ? "n/a" : sprintf("%.1f MiB", rss / 1024)
}'
if [ -n "$s_seconds_total" ]; then
    echo
    echo "text layer = seconds_text of the stats line (dyad's own clock; whole run: ${s_seconds_total} s)"
fi
if [ -n "$notes" ]; then
    echo
    printf '%s' "$notes"
fi

# Syntax: tagging and tagging + lemmas + parsing of UD English EWT test (gold
# tokenization), words/s inside the models, one core.
ud=$root/../shared/data/ud/en_ewt-ud-test.conllu
if [ -f "$ud" ] && [ -f "$root/data/models/parser.bin" ]; then
    echo
    echo "syntax on $(basename "$ud") x4 (gold tokens; time inside the models, warm):"
    ud4=$(mktemp)
    cat "$ud" "$ud" "$ud" "$ud" >"$ud4"
    for mode in --tag-only ""; do
        line=$($pin "$dyad" parse --tokenized --stats $mode "$ud4" 2>&1 >/dev/null | grep '^stats:')
        words=$(echo "$line" | sed -n 's/.*words=\([0-9]*\).*/\1/p')
        sents=$(echo "$line" | sed -n 's/.*sentences=\([0-9]*\).*/\1/p')
        secs=$(echo "$line" | sed -n 's/.*seconds_models=\([0-9.]*\).*/\1/p')
        name=${mode:-"tag+lemma+parse"}
        [ "$name" = "--tag-only" ] && name="tagger"
        awk -v n="$name" -v w="$words" -v s="$sents" -v t="$secs" 'BEGIN {
            if (t + 0 <= 0) { printf "  %-16s n/a\n", n; exit }
            printf "  %-16s %8.0f words/s  %7.0f sentences/s  (%d words, %.3f s)\n", n, w / t, s / t, w, t }'
    done
    rm -f "$ud4"
fi
exit 0
