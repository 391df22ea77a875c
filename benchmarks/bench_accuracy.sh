#!/bin/bash
# Accuracy with no rules file and no labels: FEBRL dataset3 (dedupe) and
# dataset4a/4b (link) from ../shared/data/febrl (or FEBRL=dir), and
# generated exports in each vendor's format, dedupe and link. Pairwise
# precision, recall, F1 and time; appended to RESULTS.md.
set -eu
. "$(dirname "$0")/lib.sh"
FEBRL=${FEBRL:-$ROOT/../shared/data/febrl}
ROWS=${ROWS:-20000}
lines=()

timed() { "$TOOLS/peakrss" "$@" 2>&1 >/dev/null | tail -1 | field seconds; }

if [ -f "$FEBRL/dataset3.csv" ]; then
    t=$(timed "$WINNOW" run -q -o "$OUT/febrl3" "$FEBRL/dataset3.csv")
    lines+=("| FEBRL dataset3 dedupe | $("$TOOLS/wnscore" --clusters "$OUT/febrl3/clusters.csv" --febrl) | $t s |")
    # Truth for the link: the same rec-N on both sides.
    awk -F', *' 'FNR == 1 { next } FNR == NR { split($1, a, "-"); left[a[2]] = $1; next }
                 { split($1, b, "-"); if (b[2] in left) print left[b[2]] "," $1 }' \
        "$FEBRL/dataset4a.csv" "$FEBRL/dataset4b.csv" | sed '1i left_id,right_id' >"$OUT/febrl4.truth.csv"
    t=$(timed "$WINNOW" link -q -o "$OUT/febrl4" "$FEBRL/dataset4a.csv" "$FEBRL/dataset4b.csv")
    lines+=("| FEBRL dataset4a x 4b link | $("$TOOLS/wnscore" --links "$OUT/febrl4/links.csv" --truth "$OUT/febrl4.truth.csv") | $t s |")
else
    echo "FEBRL data not found in $FEBRL; skipping" >&2
fi
for v in salesforce hubspot dynamics zoho pipedrive generic; do
    f="$DATA/acc_$v.csv"
    "$TOOLS/wngen" --rows "$ROWS" --seed 99 --vendor "$v" --out "$f" --truth "$f.truth" --quality-truth "$f.quality"
    t=$(timed "$WINNOW" run -q -o "$OUT/acc_$v" "$f")
    lines+=("| generated $v $ROWS rows dedupe | $("$TOOLS/wnscore" --clusters "$OUT/acc_$v/clusters.csv" --truth "$f.truth") | $t s |")
    lines+=("| generated $v quality findings | $("$TOOLS/wnscore" --quality "$OUT/acc_$v/quality.csv" --quality-truth "$f.quality") | |")
done
"$TOOLS/wngen" --rows "$ROWS" --seed 98 --link "$DATA/old.csv" "$DATA/new.csv" --vendor salesforce \
    --right-vendor hubspot --truth "$DATA/link.truth.csv"
t=$(timed "$WINNOW" link -q --one-to-one -o "$OUT/link" "$DATA/old.csv" "$DATA/new.csv")
lines+=("| generated salesforce -> hubspot link, one-to-one | $("$TOOLS/wnscore" --links "$OUT/link/links.csv" --truth "$DATA/link.truth.csv") | $t s |")
{
    echo
    echo "<!-- bench_accuracy.sh on $(machine), commit $(commit), $(date -u +%Y-%m-%d) -->"
    printf '%s\n' "${lines[@]}"
} | tee -a "$RESULTS"
