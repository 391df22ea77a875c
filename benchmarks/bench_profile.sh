#!/bin/bash
# winnow profile vs a bare libcsv parse of the same file, in the same run.
# Alternates the two REPEAT times and reports medians, their ratio and
# winnow's peak RSS; appends the result to RESULTS.md.
set -eu
. "$(dirname "$0")/lib.sh"
ROWS=${ROWS:-1000000}
file=$(gen "$ROWS")
parse=() prof=() rss=()
for i in $(seq "$REPEAT"); do
    parse+=("$("$TOOLS/csvparse" "$file" | field seconds)")
    stats=$("$TOOLS/peakrss" "$WINNOW" profile -q -o "$OUT/profile" "$file" 2>&1 >/dev/null | tail -1)
    prof+=("$(echo "$stats" | field seconds)")
    rss+=("$(echo "$stats" | field peak_rss_mb)")
done
p=$(printf '%s\n' "${parse[@]}" | median)
w=$(printf '%s\n' "${prof[@]}" | median)
m=$(printf '%s\n' "${rss[@]}" | median)
ratio=$(awk -v w="$w" -v p="$p" 'BEGIN { printf "%.2f", w / p }')
size=$(du -m "$file" | cut -f1)
line="| $(date -u +%Y-%m-%d) | $(commit) | profile | $ROWS rows, ${size} MB | $p s | $w s | ${ratio}x | $m MB |"
echo "$line"
{
    echo
    echo "<!-- bench_profile.sh on $(machine); median of $REPEAT -->"
    echo "$line"
} >>"$RESULTS"
