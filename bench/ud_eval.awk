# ud_eval.awk - UPOS, XPOS, lemma accuracy and UAS/LAS of a predicted CoNLL-U
# against the gold one, word by word (same tokenization: `dyad parse
# --tokenized GOLD > PRED`).  Every word counts, punctuation included; LAS
# compares the universal relation (the part before ':').
#
#   awk -f bench/ud_eval.awk GOLD PRED
function word(line, f,   n) {
    n = split(line, f, "\t")
    if (n != 10 || f[1] !~ /^[0-9]+$/) return 0
    return 1
}
FNR == NR {
    if (word($0, g)) {
        ng++
        gu[ng] = g[4]; gx[ng] = g[5]; gl[ng] = g[3]; gh[ng] = g[7]
        split(g[8], r, ":"); gr[ng] = r[1]
    }
    next
}
{
    if (word($0, p)) {
        np++
        if (np > ng) next
        if (p[4] == gu[np]) upos++
        if (p[5] == gx[np]) xpos++
        if (p[3] == gl[np]) lemma++
        if (p[7] == gh[np]) {
            uas++
            split(p[8], r, ":")
            if (r[1] == gr[np]) las++
        }
    }
}
END {
    if (np != ng) { printf "word counts differ: gold %d, predicted %d\n", ng, np; exit 1 }
    printf "words %d  UPOS %.2f  XPOS %.2f  lemma %.2f  UAS %.2f  LAS %.2f\n", ng,
        100 * upos / ng, 100 * xpos / ng, 100 * lemma / ng, 100 * uas / ng, 100 * las / ng
}
