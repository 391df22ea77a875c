#!/bin/sh
# The README's first command (`make demo`) ends here: winnow on the bundled
# sample export, a HubSpot contact export with duplicates, placeholders,
# invalid values, a formula-injection cell and one broken row.
set -u
cd "$(dirname "$0")/.." || exit 2
SAMPLE=testdata/sample/hubspot_contacts.csv
OUT=${OUT:-demo-out}

echo "== winnow profile -o $OUT $SAMPLE"
./winnow profile -o "$OUT" "$SAMPLE"
status=$?
# Exit status 3 means "done, but rows were rejected": the sample has one
# broken row on purpose, and it is listed in rejects.csv.
[ "$status" -eq 0 ] || [ "$status" -eq 3 ] || exit "$status"
echo
echo "== $OUT/rejects.csv"
cat "$OUT/rejects.csv"
echo
echo "Outputs are in $OUT/: $(cd "$OUT" && ls | tr '\n' ' ')"
