#!/bin/sh
# The README's first command (`make demo`) ends here: `winnow run` on the
# bundled sample, a HubSpot contact export with duplicates (nicknames,
# transliterated names, phone and address drift), a household that must not
# be merged, placeholders, invalid values, a formula-injection cell and one
# broken row.
set -u
cd "$(dirname "$0")/.." || exit 2
SAMPLE=testdata/sample/hubspot_contacts.csv
OUT=${OUT:-demo-out}
[ "$OUT" = demo-out ] && rm -rf demo-out # the demo's own directory: start clean

echo "== winnow run -o $OUT $SAMPLE"
./winnow run -o "$OUT" "$SAMPLE"
status=$?
# Exit status 3 means "done, but rows were rejected": the sample has one
# broken row on purpose, and it is listed in rejects.csv.
[ "$status" -eq 0 ] || [ "$status" -eq 3 ] || exit "$status"
echo
echo "== duplicates found ($OUT/clusters.csv, clusters of two or more)"
awk -F, 'NR > 1 && $5 > 1 { print "   cluster " $2 ": record " $1 }' "$OUT/clusters.csv" | sort
echo
echo "== quality findings ($OUT/quality.csv)"
cut -d, -f1-4 "$OUT/quality.csv" | sed 's/^/   /'
echo
echo "== rejected rows ($OUT/rejects.csv)"
cut -c1-100 "$OUT/rejects.csv" | sed 's/^/   /'
echo
echo "== why 1010 and 1011 (same address and phone) are not merged"
./winnow explain "$SAMPLE" 1010 1011 | tail -6 | sed 's/^/   /'
echo
echo "Outputs are in $OUT/: $(cd "$OUT" && ls | tr '\n' ' ')"
