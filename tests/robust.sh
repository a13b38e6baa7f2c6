#!/bin/sh
# tests/robust.sh DYAD - robustness and end-to-end checks that golden files
# cannot express: huge inputs, compressed inputs, standard input, the demo
# story, and (when ../shared is present) the Reuters corpus and the peers'
# suites.  Prints "ok - NAME" / "FAIL - NAME: why" / "skip - NAME: why" per
# check and ends with "N passed, N failed".
DYAD=${1:-build/dyad}
SHARED=${SHARED:-../shared}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
pass=0
fail=0
ok() { echo "ok - $1"; pass=$((pass + 1)); }
bad() { echo "FAIL - $1: $2"; fail=$((fail + 1)); }
skip() { echo "skip - $1: $2"; }
# check NAME CONDITION-COMMAND...: ok when the command succeeds
check() {
    name=$1; shift
    if "$@"; then ok "$name"; else bad "$name" "$*"; fi
}

# --- the demo story -------------------------------------------------------
DEMO=examples/kerry-lavrov-2014.txt
"$DYAD" sentences "$DEMO" >"$T/demo.jsonl" 2>"$T/demo.err"
check "demo: exit 0" [ $? -eq 0 ]
n=$(wc -l <"$T/demo.jsonl")
check "demo: 26-28 body sentences (got $n)" [ "$n" -ge 26 ] && [ "$n" -le 28 ]
check "demo: no headline sentence" sh -c "! grep -q 'Many Other Issues' '$T/demo.jsonl'"
check "demo: no byline sentence" sh -c "! grep -q 'Goodenough' '$T/demo.jsonl'"
check "demo: no photo credit" sh -c "! grep -q 'Photo' '$T/demo.jsonl'"
check "demo: no footer" sh -c "! grep -q 'MRC Store' '$T/demo.jsonl'"
check "demo: caption is a sentence" grep -q '"text":"Secretary of State John Kerry and Russian Foreign Minister' "$T/demo.jsonl"
check "demo: sanctions sentence unsplit" grep -q '"text":"The U.S. and European Union imposed several rounds of sanctions, prompting Moscow to impose retaliatory measures and to sign deals with China in a bid to offset the effect of the Western sanctions."' "$T/demo.jsonl"
"$DYAD" code --per-story "$DEMO" >"$T/demo.code"
check "demo: story date 2014-10-15" grep -q '"date":"2014-10-15"' "$T/demo.code"
# The demo's events with dyad's own dictionaries (issue 6): the Kerry-Lavrov
# meeting, US and EU sanctions on Russia, Russia's retaliation and its deals
# with China, Russia's denial, Putin's order to pull troops back, Kiev's
# appeal *not* to ease sanctions (an appeal, never 0254)
"$DYAD" code --format tsv "$DEMO" | cut -f4-6 >"$T/demo.ev"
check "demo: Kerry meets Lavrov (USAGOV 040 RUSGOV)" grep -qx 'USAGOV	RUSGOV	040' "$T/demo.ev"
check "demo: US sanctions on Russia (163)" grep -qx 'USA	RUS	163' "$T/demo.ev"
check "demo: EU sanctions on Russia (163)" grep -qx 'IGOEUREEC	RUS	163' "$T/demo.ev"
check "demo: Russia retaliates (RUS 163)" grep -q '^RUS	.*	163$' "$T/demo.ev"
check "demo: Russia signs deals with China (057)" grep -qx 'RUS	CHN	057' "$T/demo.ev"
check "demo: Russia denies (RUS 016 UKR)" grep -qx 'RUS	UKR	016' "$T/demo.ev"
check "demo: Putin orders his troops back (RUSGOV 0874 RUSMIL)" grep -qx 'RUSGOV	RUSMIL	0874' "$T/demo.ev"
check "demo: the Minsk agreement between Ukraine and Russia (057)" grep -qx 'UKR	RUS	057' "$T/demo.ev"
check "demo: the Minsk agreement between Russia and the separatists (057)" grep -qx 'RUS	UKRSEP	057' "$T/demo.ev"
check "demo: Kiev appeals to the West (UKRGOV 020 WST)" grep -qx 'UKRGOV	WST	020' "$T/demo.ev"
check "demo: no appeal to ease sanctions (0254)" sh -c "! grep -q '0254' '$T/demo.ev'"
# Event dates (issue 7): the time expression that modifies the verb
"$DYAD" code --format tsv "$DEMO" | cut -f3-6 >"$T/demo.dates"
check "demo: Kerry and Lavrov talk on Tuesday (2014-10-14)" grep -qx '2014-10-14	RUSGOV	USAGOV	040' "$T/demo.dates"
check "demo: Putin's order on Sunday (2014-10-12)" grep -qx '2014-10-12	RUSGOV	RUSMIL	0874' "$T/demo.dates"
check "demo: the Minsk agreement last month (2014-09)" grep -qx '2014-09	UKR	RUS	057' "$T/demo.dates"
check "demo: Yatsenyuk at the UN last month (2014-09)" grep -q '^2014-09	UKRGOV	IGOUNO' "$T/demo.dates"
# Event places (issue 7): a locative phrase of the verb ("in Paris", "in
# Minsk, Belarus", "in the French capital")
"$DYAD" code "$DEMO" >"$T/demo.places"
check "demo: Kerry and Lavrov talk in Paris" grep -q '"source":"RUSGOV","target":"USAGOV","code":"040".*"place":{"name":"Paris","country":"FRA"' "$T/demo.places"
check "demo: Kerry meets Lavrov in the French capital" grep -q '"source":"USAGOV","target":"RUSGOV","code":"040".*"place":{"name":"Paris","country":"FRA".*"text":"French capital"' "$T/demo.places"
check "demo: the Minsk agreement in Minsk" grep -q '"source":"UKR","target":"RUS","code":"057".*"place":{"name":"Minsk","country":"BLR"' "$T/demo.places"
check "demo: the sanctions have no place" grep -q '"source":"USA","target":"RUS","code":"163".*"place":null' "$T/demo.places"
# Who said what (issue 8): every quote up to "...nuclear weapons." is
# Kerry's, the last two Yatsenyuk's; "his Russian counterpart" is RUSGOV;
# no event twice
"$DYAD" annotate --per-story --layers quotes "$DEMO" | grep -o '"speaker_code":[^}]*' >"$T/demo.quotes"
check "demo: ten quotations" [ "$(wc -l <"$T/demo.quotes")" -eq 10 ]
check "demo: the first eight quotations are Kerry's (USAGOV)" sh -c "head -n 8 '$T/demo.quotes' | grep -c USAGOV | grep -qx 8"
check "demo: the last two quotations are Yatsenyuk's (UKRGOV)" sh -c "tail -n 2 '$T/demo.quotes' | grep -c UKRGOV | grep -qx 2"
"$DYAD" annotate --per-story --layers actors "$DEMO" >"$T/demo.actors"
check "demo: his Russian counterpart is RUSGOV" grep -q '"text":"Russian counterpart","code":"RUSGOV"' "$T/demo.actors"
check "demo: every he of the story is Kerry" sh -c "! grep -o '\"text\":\"[Hh]e\",\"code\":\"[A-Z]*\"' '$T/demo.actors' | grep -v USAGOV"
"$DYAD" code --format tsv "$DEMO" | cut -f3-6 | sort | uniq -d >"$T/demo.dups"
check "demo: no event twice" [ ! -s "$T/demo.dups" ]
# Offsets index the file as read: the sentence text equals the file bytes.
first=$(head -n 1 "$T/demo.jsonl")
start=$(echo "$first" | sed 's/.*"start":\([0-9]*\).*/\1/')
end=$(echo "$first" | sed 's/.*"end":\([0-9]*\).*/\1/')
span=$(tail -c +$((start + 1)) "$DEMO" | head -c $((end - start)))
check "demo: offsets are byte offsets into the file" [ "$span" = "Secretary of State John Kerry and Russian Foreign Minister Sergei Lavrov talk on the lawn at the U.S. ambassador’s residence in Paris, France, on Tuesday, October 14, 2014." ]

# --- JSONL error isolation --------------------------------------------------
printf '%s\n' '{"id":"a","date":"2014-10-15","text":"Kerry met Lavrov."}' \
    '{"id":"b","text": "broken' \
    '{"id":"c","date":"2014-10-15","text":"Lavrov met Kerry."}' >"$T/mixed.jsonl"
"$DYAD" code --no-dict --per-story "$T/mixed.jsonl" >"$T/mixed.out" 2>"$T/mixed.err"
rc=$?
check "jsonl: malformed line gives exit 1" [ $rc -eq 1 ]
check "jsonl: three lines out" [ "$(wc -l <"$T/mixed.out")" -eq 3 ]
check "jsonl: ok, error, ok" [ "$(sed 's/.*"status":"\([a-z]*\)".*/\1/' "$T/mixed.out" | tr '\n' ' ')" = "ok error ok " ]
check "jsonl: error names the line" grep -q 'line 2' "$T/mixed.err"

# --- compressed input and standard input ----------------------------------
printf '%s\n' '{"id":"z1","date":"2014-10-15","text":"Russia denied it. Ukraine said so."}' \
    '{"id":"z2","date":"2014-10-16","text":"The U.S. imposed sanctions."}' >"$T/c.jsonl"
"$DYAD" sentences "$T/c.jsonl" >"$T/c.plain"
gzip -c "$T/c.jsonl" >"$T/c.jsonl.gz"
"$DYAD" sentences "$T/c.jsonl.gz" >"$T/c.gz.out"
check "gzip input equals plain" cmp -s "$T/c.plain" "$T/c.gz.out"
if command -v zstd >/dev/null 2>&1; then
    zstd -q -c "$T/c.jsonl" >"$T/c.jsonl.zst"
    "$DYAD" sentences "$T/c.jsonl.zst" >"$T/c.zst.out"
    check "zstd input equals plain" cmp -s "$T/c.plain" "$T/c.zst.out"
else
    skip "zstd input equals plain" "zstd command not installed"
fi
"$DYAD" sentences <"$T/c.jsonl" >"$T/c.stdin"
check "stdin input equals file" cmp -s "$T/c.plain" "$T/c.stdin"
cat "$T/c.jsonl.gz" | "$DYAD" sentences - >"$T/c.stdin.gz"
check "gzip on stdin equals plain" cmp -s "$T/c.plain" "$T/c.stdin.gz"
head -c 60 "$T/c.jsonl.gz" >"$T/trunc.jsonl.gz"
"$DYAD" code --no-dict --per-story "$T/trunc.jsonl.gz" >/dev/null 2>"$T/trunc.err"
check "truncated gzip: exit 1" [ $? -eq 1 ]
check "truncated gzip: message names the file" grep -q 'trunc.jsonl.gz' "$T/trunc.err"

# --- huge inputs ------------------------------------------------------------
# A 10 MB "sentence" with no punctuation, as a plain-text article and as JSONL.
{ printf 'Headline\n\n'; yes sanctions | head -c 10485760 | tr '\n' ' '; printf '\n'; } >"$T/huge.txt"
size=$(wc -c <"$T/huge.txt")
check "huge: input is over 10 MB ($size bytes)" [ "$size" -gt 10000000 ]
"$DYAD" code --per-story "$T/huge.txt" >"$T/huge.out" 2>"$T/huge.err"
check "huge article: exit 0" [ $? -eq 0 ]
check "huge article: one ok line" [ "$(grep -c '"status":"ok"' "$T/huge.out")" -eq 1 ]
"$DYAD" sentences "$T/huge.txt" 2>"$T/huge.s.err" | wc -l >"$T/huge.n"
check "huge article: cut into sentences of <= 250 tokens" [ "$(cat "$T/huge.n")" -ge 4000 ]
check "huge article: warning names the story" grep -q 'huge.txt' "$T/huge.s.err"
{ printf '{"id":"h1","text":"'; tail -n 1 "$T/huge.txt" | tr -d '\n'; printf '"}\n'; \
  printf '%s\n' '{"id":"h2","text":"Next story."}'; } >"$T/huge.jsonl"
"$DYAD" code --per-story "$T/huge.jsonl" >"$T/hj.out" 2>/dev/null
check "huge jsonl line: both stories ok" [ "$(grep -c '"status":"ok"' "$T/hj.out")" -eq 2 ]

# --- dyad parse: the CoNLL-U contract ---------------------------------------
# Word lines keep their IDs and forms; multiword-token ranges and empty nodes
# are not words; comments are copied; every head is a word of the sentence.
printf '# sent_id = a\n# text = Russia'"'"'s troops did n'"'"'t leave.\n1-2\tRussia'"'"'s\t_\t_\t_\t_\t_\t_\t_\t_\n1\tRussia\tx\tX\tX\t_\t9\tdep\t_\t_\n2\t'"'"'s\t_\t_\t_\t_\t_\t_\t_\t_\n3\ttroops\t_\t_\t_\t_\t_\t_\t_\t_\n4\tdid\t_\t_\t_\t_\t_\t_\t_\t_\n5\tn'"'"'t\t_\t_\t_\t_\t_\t_\t_\t_\n5.1\tghost\t_\t_\t_\t_\t_\t_\t_\t_\n6\tleave\t_\t_\t_\t_\t_\t_\t_\t_\n7\t.\t_\t_\t_\t_\t_\t_\t_\t_\n\n' >"$T/p.conllu"
if "$DYAD" parse --tokenized "$T/p.conllu" >"$T/p.out" 2>"$T/p.err"; then
    check "parse: comments copied" grep -q '^# sent_id = a$' "$T/p.out"
    check "parse: 7 word lines, ids 1-7 in order" [ "$(awk -F'\t' 'NF == 10 { printf "%s,", $1 }' "$T/p.out")" = "1,2,3,4,5,6,7," ]
    check "parse: forms kept" [ "$(awk -F'\t' 'NF == 10 { printf "%s ", $2 }' "$T/p.out")" = "Russia 's troops did n't leave . " ]
    check "parse: no range or empty-node lines" sh -c "! grep -qE '^(1-2|5\.1)\s' '$T/p.out'"
    check "parse: gold annotations ignored" awk -F'\t' 'NF == 10 && $1 == 1 { exit ($3 == "x" || $4 == "X" || $7 == 9) }' "$T/p.out"
    check "parse: heads inside the sentence, one root" [ "$(awk -F'\t' 'NF == 10 { if ($7 < 0 || $7 > 7) bad++; if ($7 == 0) r++ } END { print bad + 0, r + 0 }' "$T/p.out")" = "0 1" ]
    "$DYAD" parse "$DEMO" >"$T/pd.out" 2>/dev/null
    check "parse: the demo story gives 26 sentences" [ "$(grep -c '^# sent_id' "$T/pd.out")" -eq 26 ]
else
    if grep -q "models not found" "$T/p.err"; then skip "parse contract" "models absent"
    else bad "parse --tokenized" "$(head -n 1 "$T/p.err")"; fi
fi

# --- the peers' formats and the speed corpus (need ../shared) ---------------
if [ -d "$SHARED/data" ]; then
    R="$SHARED/data/corpora/reuters21578.jsonl.gz"
    "$DYAD" code --no-dict --per-story "$R" >"$T/r.out" 2>"$T/r.err"
    rc=$?
    check "reuters: exit 0" [ $rc -eq 0 ]
    check "reuters: one line per story (19043)" [ "$(wc -l <"$T/r.out")" -eq 19043 ]
    "$DYAD" sentences --stats "$R" >/dev/null 2>"$T/r.stats"
    sents=$(sed -n 's/.*sentences=\([0-9]*\).*/\1/p' "$T/r.stats")
    check "reuters: 100k-200k sentences (got $sents)" [ "${sents:-0}" -ge 100000 ] && [ "${sents:-0}" -le 200000 ]
    V="$SHARED/data/conformance/tabari/Validate.text"
    "$DYAD" code --no-dict --per-story "$V" >"$T/v.out" 2>"$T/v.err"
    rc=$?
    # The suite has records with defective dates (e.g. "9501201"): error lines, exit 1.
    check "tabari records: exit 0 or 1 (got $rc)" [ $rc -le 1 ]
    check "tabari records: defective date reported with its line" grep -q "line 804" "$T/v.err"
    check "tabari records: over 100 records" [ "$(wc -l <"$T/v.out")" -gt 100 ]
    for x in petrarch1/PETR.UnitTest.records.xml petrarch2-gsr/PETR2_GSR_validation.xml \
             petrarch2-gsr/GigaWord.sample.PETR.xml petrarch-ud/PETR_Validate_records_2_02.xml; do
        "$DYAD" code --no-dict --per-story "$SHARED/data/conformance/$x" >"$T/p.out" 2>"$T/p.err"
        rc=$?
        n=$(grep -c '"status":"ok"' "$T/p.out")
        check "petrarch xml $x: read ($n ok stories, exit $rc)" [ "$n" -gt 10 ]
    done
    # Dictionaries: every file of the ecosystem loads (known defects are
    # warnings), and dated actor codes come out right.
    for f in "$SHARED"/data/reference-dicts/*.txt "$SHARED"/data/reference-dicts/*.verbs \
             "$SHARED"/data/reference-dicts/*.ini "$SHARED"/data/conformance/tabari/*.actors \
             "$SHARED"/data/conformance/tabari/*.verbs "$SHARED"/data/conformance/tabari/*.agents \
             "$SHARED"/data/conformance/tabari/*.options "$SHARED"/data/conformance/tabari/*.project \
             "$SHARED"/data/conformance/petrarch1/*.txt "$SHARED"/data/conformance/petrarch-ud/PETR_Validate_[avd]*.txt; do
        case $f in
        *CAMEO2PLOVER*|*goldstein*|*PLOVER_agents*|*prepositions*) continue ;;
        esac
        "$DYAD" dict check "$f" >"$T/dc.out" 2>"$T/dc.err"
        check "dict check $(basename "$f") ($(sed 's/.*; //' "$T/dc.out"))" [ $? -eq 0 ]
    done
    C="$SHARED/data/reference-dicts/PETR_config.ini"
    "$DYAD" dict lookup --dict "$C" --date 2012-06-01 "John Kerry" >"$T/k1" 2>/dev/null
    check "dict lookup John Kerry 2012-06-01 is USAGOVLEG" grep -q '"code":"USAGOVLEG"' "$T/k1"
    "$DYAD" dict lookup --dict "$C" --date 2014-10-14 "John Kerry" >"$T/k2" 2>/dev/null
    check "dict lookup John Kerry 2014-10-14 is USAGOV" grep -q '"code":"USAGOV"' "$T/k2"
    check "dict lookup John Kerry 2014-10-14 is not USAGOVLEG" sh -c "! grep -q USAGOVLEG '$T/k2'"
    "$DYAD" code --per-story --dict "$C" "$DEMO" >"$T/cd.out" 2>/dev/null
    check "code --dict PETR_config.ini: demo story coded" grep -q '"status":"ok"' "$T/cd.out"
else
    skip "reuters and conformance inputs" "$SHARED absent"
fi
# dyad explain: the steps of coding one sentence (test dictionaries of our own)
"$DYAD" explain --dict tests/coding/news.project --date 2014-10-15 \
    "Russia condemned Ukraine on Monday." >"$T/ex.out" 2>"$T/ex.err"
check "explain: exit 0" [ $? -eq 0 ]
check "explain: a token line with tag and relation" grep -q '^1	RUSSIA	PROPN	NNP	Russia	2	nsubj$' "$T/ex.out"
check "explain: the mention and its relation" grep -q '^mention RUS "Russia" as nsubj$' "$T/ex.out"
check "explain: the verb and where its code comes from" grep -q '^verb CONDEMNED (token 1, entry line 9)$' "$T/ex.out"
check "explain: the roles" grep -q '^  roles: source RUS, target UKR$' "$T/ex.out"
check "explain: the event" grep -q '"source":"RUS","target":"UKR","code":"111"' "$T/ex.out"
# the argument is a sentence, not an article: no final stop does not make
# it a headline; quotes and backslashes pass through intact
"$DYAD" explain --dict tests/coding/news.project --date 2014-10-15 \
    'Russia condemned "Ukraine" \ on Monday' >"$T/ex2.out" 2>/dev/null
check "explain: a sentence without a final stop is coded" \
    grep -q '"source":"RUS","target":"UKR","code":"111"' "$T/ex2.out"
check "explain: quote and backslash kept in the text" \
    grep -qF '"text":"Russia condemned \"Ukraine\" \\ on Monday"' "$T/ex2.out"
"$DYAD" explain --dict tests/coding/news.project "Russia condemned Ukraine." --file x >/dev/null 2>&1
check "explain: a sentence and --file together is bad usage" [ $? -eq 2 ]
# The built-in dictionaries: dict/dyad.ini of the data folder ($DYAD_DATA),
# used when no --dict is given; --no-dict turns them off.
mkdir -p "$T/data/dict"
ln -s "$(pwd)/data/models" "$T/data/models"
printf '[Dictionaries]\nverbfile_name = %s\nactorfile_list = %s\nagentfile_name = %s\n' \
    "$(pwd)/tests/coding/news.verbs" "$(pwd)/tests/coding/news.actors" \
    "$(pwd)/tests/coding/news.agents" >"$T/data/dict/dyad.ini"
echo "Russia condemned Ukraine on Monday." >"$T/bi.txt"
DYAD_DATA="$T/data" "$DYAD" code --date 2014-10-15 "$T/bi.txt" >"$T/bi.out" 2>"$T/bi.err"
check "built-in dictionaries: used without --dict" grep -q '"source":"RUS","target":"UKR","code":"111"' "$T/bi.out"
DYAD_DATA="$T/data" "$DYAD" code --no-dict --per-story --date 2014-10-15 "$T/bi.txt" >"$T/bi2.out"
check "built-in dictionaries: --no-dict codes nothing" grep -q '"status":"ok",.*"events":\[\]' "$T/bi2.out"
DYAD_DATA="$T/data" "$DYAD" code --no-dict --dict "$T/data/dict/dyad.ini" "$T/bi.txt" >/dev/null 2>&1
check "--dict with --no-dict is bad usage" [ $? -eq 2 ]
"$DYAD" code --dict /nonexistent/x.ini "$DEMO" >/dev/null 2>"$T/nd.err"
check "code --dict missing: exit 2" [ $? -eq 2 ]
check "code --dict missing: names the file" grep -q 'x.ini' "$T/nd.err"

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
