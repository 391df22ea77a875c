#!/bin/bash
# End-to-end tests of the winnow program on the fixtures in testdata/.
#
# Every tests/e2e/test_*.sh defines functions named t_<something>; each runs in
# its own subshell, inside a fresh temporary directory, with $WINNOW the binary
# under test, $DATA the testdata/ directory and the helpers below. A helper
# that fails prints why and exits the subshell, failing that test only.
# Prints "ok/FAIL name" per test and a last line "SUMMARY <passed> <failed>".
set -u
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
export DATA="$ROOT/testdata"
export WINNOW=${WINNOW:-$ROOT/build/winnow}
export LC_ALL=C

fail() {
    echo "    $*" >&2
    exit 1
}

# run_winnow EXPECTED_STATUS ARGS... : runs winnow, keeps stdout/stderr in out.txt/err.txt
run_winnow() {
    local want=$1
    shift
    "$WINNOW" "$@" >out.txt 2>err.txt
    local got=$?
    if [ "$got" -ne "$want" ]; then
        echo "    winnow $* exited $got, expected $want; stderr:" >&2
        sed 's/^/      /' err.txt >&2
        exit 1
    fi
}

expect_file() { [ -f "$1" ] || fail "missing file $1"; }
expect_no_file() { [ ! -e "$1" ] || fail "unexpected file $1"; }
expect_eq() { [ "$1" = "$2" ] || fail "expected '$2', got '$1'${3:+ ($3)}"; }
expect_grep() { grep -q -- "$2" "$1" || { echo "    $1:" >&2; head -20 "$1" | sed 's/^/      /' >&2; fail "no line matching '$2' in $1"; }; }
expect_no_grep() { ! grep -q -- "$2" "$1" || fail "a line matches '$2' in $1"; }
# expect_same ACTUAL EXPECTED : byte comparison with a diff on failure
expect_same() { cmp -s "$1" "$2" || { diff -u "$2" "$1" | head -40 | sed 's/^/      /' >&2; fail "$1 differs from $2"; }; }
# csv_rows FILE : number of data rows (records, not lines) in a CSV winnow wrote
csv_rows() { "$ROOT/tests/e2e/csvcount.awk" "$1"; }

passed=0
failed=0
for file in "$ROOT"/tests/e2e/test_*.sh; do
    # shellcheck source=/dev/null
    . "$file"
    for t in $(grep -o '^t_[a-zA-Z0-9_]*' "$file"); do
        dir=$(mktemp -d)
        if (cd "$dir" && "$t"); then
            echo "ok   e2e $(basename "$file" .sh) $t"
            passed=$((passed + 1))
        else
            echo "FAIL e2e $(basename "$file" .sh) $t"
            failed=$((failed + 1))
        fi
        rm -rf "$dir"
    done
done
echo "SUMMARY $passed $failed"
