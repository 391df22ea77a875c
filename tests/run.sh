#!/bin/sh
# Runs the whole test suite against one build directory:
#   every unit-test program in BUILD/tests (cmocka, read through its TAP output),
#   then the end-to-end tests of the CLI (tests/e2e/run.sh) with BUILD/winnow.
# Prints failures as they happen and ends with "N passed, N failed".
# Usage: tests/run.sh [BUILD]        (default: build)
set -u
BUILD=${1:-build}
cd "$(dirname "$0")/.." || exit 2
passed=0
failed=0
log=$(mktemp)
trap 'rm -f "$log"' EXIT

for t in "$BUILD"/tests/test_*; do
    [ -x "$t" ] || continue
    CMOCKA_MESSAGE_OUTPUT=TAP "$t" >"$log" 2>&1
    rc=$?
    ok=$(grep -c '^ok ' "$log")
    bad=$(grep -c '^not ok ' "$log")
    if [ "$rc" -ne 0 ] && [ "$bad" -eq 0 ]; then
        bad=1 # the program died (a sanitizer report, a crash) before reporting
    fi
    passed=$((passed + ok))
    failed=$((failed + bad))
    if [ "$bad" -gt 0 ]; then
        echo "FAIL $(basename "$t"):"
        grep -v '^ok ' "$log" | sed 's/^/    /'
    else
        echo "ok   $(basename "$t") ($ok tests)"
    fi
done

WINNOW="$PWD/$BUILD/winnow" tests/e2e/run.sh >"$log" 2>&1
tail -n +1 "$log" | grep -v '^SUMMARY ' | sed 's/^/     /'
summary=$(grep '^SUMMARY ' "$log" | tail -1)
if [ -n "$summary" ]; then
    set -- $summary
    passed=$((passed + $2))
    failed=$((failed + $3))
else
    echo "FAIL end-to-end suite did not finish"
    failed=$((failed + 1))
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
