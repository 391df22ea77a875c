#!/bin/bash
# winnow run -j2 on generated exports: wall time, records/s, peak RSS,
# pairwise F1 against the truth, and the ratio to a bare libcsv parse of the
# same file in the same run. 100k and 1M rows; 10M with BENCH_LARGE=1.
# Appends to RESULTS.md.
set -eu
. "$(dirname "$0")/lib.sh"
SIZES=${SIZES:-"100000 1000000"}
[ "${BENCH_LARGE:-0}" = 1 ] && SIZES="$SIZES 10000000"
for n in $SIZES; do
    file=$(gen "$n")
    parse=() wall=() rss=()
    reps=$REPEAT
    [ "$n" -ge 10000000 ] && reps=1
    for i in $(seq "$reps"); do
        parse+=("$("$TOOLS/csvparse" "$file" | field seconds)")
        stats=$("$TOOLS/peakrss" "$WINNOW" run -q -j2 -o "$OUT/run_$n" "$file" 2>&1 >/dev/null | tail -1)
        wall+=("$(echo "$stats" | field seconds)")
        rss+=("$(echo "$stats" | field peak_rss_mb)")
    done
    p=$(printf '%s\n' "${parse[@]}" | median)
    w=$(printf '%s\n' "${wall[@]}" | median)
    m=$(printf '%s\n' "${rss[@]}" | median)
    score=$("$TOOLS/wnscore" --clusters "$OUT/run_$n/clusters.csv" --truth "$DATA/crm_$n.truth.csv")
    f1=$(echo "$score" | field f1)
    prec=$(echo "$score" | field precision)
    pairs=$(awk -F': ' '/"candidate_pairs"/ { gsub(/,/, "", $2); print $2; exit }' "$OUT/run_$n/report.json")
    rate=$(awk -v n="$n" -v w="$w" 'BEGIN { printf "%.0f", n / w }')
    prate=$(awk -v n="$pairs" -v w="$w" 'BEGIN { printf "%.0f", n / w }')
    ratio=$(awk -v w="$w" -v p="$p" 'BEGIN { printf "%.2f", w / p }')
    stages=$(awk '/"seconds": \{/,/\}/' "$OUT/run_$n/report.json" | grep -o '"[a-z]*": [0-9][0-9.e-]*' | tr -d '"' | awk -F': ' '{ printf "%s %.2f; ", $1, $2 }')
    ingest=$(awk -F': ' '/"seconds_ingest"/ { gsub(/,/, "", $2); printf "%.2f", $2 }' "$OUT/run_$n/report.json")
    outputs=$(awk -F': ' '/"seconds_outputs"/ { gsub(/,/, "", $2); printf "%.2f", $2 }' "$OUT/run_$n/report.json")
    line="| $(date -u +%Y-%m-%d) | $(commit) | run -j2 | $n rows | $p s | $w s | ${ratio}x | $m MB | $rate rec/s | $prate pairs/s | F1 $f1 (P $prec) | ingest $ingest; $stages outputs $outputs |"
    echo "$line"
    {
        echo
        echo "<!-- bench_run.sh on $(machine); median of $reps -->"
        echo "$line"
    } >>"$RESULTS"
done
