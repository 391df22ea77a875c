# Shared by the bench_*.sh scripts: paths, medians, the machine's description.
BENCH=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$BENCH/.." && pwd)
WINNOW=${WINNOW:-$ROOT/winnow}
TOOLS=$BENCH/build
DATA=$BENCH/data
OUT=$BENCH/out
RESULTS=$BENCH/RESULTS.md
REPEAT=${REPEAT:-3}
mkdir -p "$DATA" "$OUT"

[ -x "$WINNOW" ] || { echo "winnow is not built: run make at the top level" >&2; exit 2; }

# median of the numbers on stdin
median() { sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# field NAME from "a=1 b=2" text on stdin
field() { tr ' ' '\n' | awk -F= -v k="$1" '$1 == k { print $2 }'; }

# generated export of N rows (cached): gen N -> prints the path
gen() {
    local n=$1 f="$DATA/crm_$1.csv"
    if [ ! -s "$f" ]; then
        "$TOOLS/wngen" --rows "$n" --seed 20261122 --vendor hubspot --out "$f" \
            --truth "$DATA/crm_$1.truth.csv" --quality-truth "$DATA/crm_$1.quality.csv" >&2
    fi
    echo "$f"
}

machine() {
    local cpu
    cpu=$(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo)
    echo "$(nproc) CPUs ($cpu), $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo)"
}

# HEAD's short hash, "-dirty" when the working tree has uncommitted changes to
# tracked files (the binary measured may not be HEAD's)
commit() {
    local c
    c=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null) || { echo unknown; return; }
    git -C "$ROOT" diff --quiet HEAD 2>/dev/null || c="$c-dirty"
    echo "$c"
}
