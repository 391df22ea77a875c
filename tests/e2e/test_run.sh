# End-to-end tests of `winnow run`, `link`, `explain` and `rules`.
SAMPLE="$DATA/sample/hubspot_contacts.csv"
FEBRL="$DATA/febrl"

# cluster_of FILE ID : the cluster id of a record in clusters.csv
cluster_of() { awk -F, -v id="$2" '$1 == id { print $2 }' "$1"; }

t_run_outputs() {
    run_winnow 3 run -o out "$SAMPLE"
    for f in clean.csv clusters.csv pairs.csv review.csv quality.csv rejects.csv lineage.csv report.json; do
        expect_file "out/$f"
    done
    expect_grep out/clusters.csv '^record_id,cluster_id,source,is_survivor,cluster_size,row,completeness$'
    expect_grep out/quality.csv '^record_id,field,issue,value,'
    # Every accepted record exactly once; the broken row is in rejects.csv.
    expect_eq "$(csv_rows out/clusters.csv)" 26
    expect_eq "$(cut -d, -f1 out/clusters.csv | sort | uniq -d | wc -l)" 0 "repeated record ids"
    expect_grep out/rejects.csv '^27,field_count,'
    # One row per customer in clean.csv.
    expect_eq "$(csv_rows out/clean.csv)" "$(cut -d, -f2 out/clusters.csv | sed 1d | sort -u | wc -l)"
    expect_eq "$(ls -A out | grep -c '^\.')" 0 "temporary files left"
}

t_run_merges_duplicates_not_households() {
    run_winnow 3 run -q -o out "$SAMPLE"
    # Bill Turner = William Turner; Michael and Sarah Schmidt share an address
    # and a phone but are two people.
    expect_eq "$(cluster_of out/clusters.csv 1001)" "$(cluster_of out/clusters.csv 1002)" "Turner"
    [ "$(cluster_of out/clusters.csv 1010)" != "$(cluster_of out/clusters.csv 1011)" ] ||
        fail "household members merged"
}

t_run_quality_findings() {
    run_winnow 3 run -q -o out "$SAMPLE"
    expect_grep out/quality.csv '^1009,Email,placeholder,test@test.com,'
    expect_grep out/quality.csv '^1009,Phone Number,placeholder,000-000-0000,'
    expect_grep out/quality.csv '^1009,,incomplete,,'
    expect_grep out/quality.csv '^1022,Email,invalid,thomas.nguyen@@example.com,'
    expect_grep out/quality.csv '^1017,First Name,placeholder,n/a,'
}

t_run_formula_cells_neutralised() {
    run_winnow 3 run -q -o out "$SAMPLE"
    for f in out/*.csv; do
        if "$ROOT/tests/e2e/csvcells.awk" "$f" | grep -q '^[=+@]'; then
            fail "$f has a formula cell"
        fi
    done
    expect_grep out/clean.csv "'=cmd"
}

t_run_same_output_any_threads() {
    run_winnow 3 run -q -j1 -o one "$SAMPLE"
    run_winnow 3 run -q -j2 -o two "$SAMPLE"
    for f in clean.csv clusters.csv pairs.csv review.csv quality.csv lineage.csv rejects.csv; do
        expect_same "two/$f" "one/$f"
    done
    expect_same <(grep -v '"seconds\|"block"\|"compare"\|"train"\|"score"\|"cluster"\|"golden"' two/report.json) \
        <(grep -v '"seconds\|"block"\|"compare"\|"train"\|"score"\|"cluster"\|"golden"' one/report.json)
}

t_run_stdin_and_gzip() {
    gzip -c "$SAMPLE" >contacts.gz
    "$WINNOW" run -q -o out - <contacts.gz 2>err.txt
    expect_eq "$?" 3 "exit status"
    expect_eq "$(csv_rows out/clusters.csv)" 26
    expect_grep out/clusters.csv ',<stdin>,'
    expect_eq "$(csv_rows out/clean.csv)" "$(cut -d, -f2 out/clusters.csv | sed 1d | sort -u | wc -l)"
    "$WINNOW" run -q -o file "$SAMPLE" 2>/dev/null
    expect_same out/clean.csv file/clean.csv
    run_winnow 1 run -q -o twice - - <contacts.gz
    expect_grep err.txt 'standard input (-) can be read only once'
}

t_run_bad_rules_writes_nothing() {
    printf 'version: 1\nblocking:\n  passes:\n    - {name: x, keys: [emial]}\n' >bad.yaml
    run_winnow 2 run -r bad.yaml -o out "$SAMPLE"
    expect_grep err.txt 'bad.yaml:4:24: unknown field .emial.'
    expect_no_file out
    printf 'version: 1\nvalidation: [oops\n' >syntax.yaml
    run_winnow 2 run -r syntax.yaml -o out "$SAMPLE"
    expect_grep err.txt 'syntax.yaml:[0-9]*:[0-9]*: YAML syntax error'
    expect_no_file out
}

t_run_unreadable_input_writes_nothing() {
    run_winnow 2 run -o out "$DATA/ingest/empty.csv"
    expect_no_file out
}

t_run_without_temp_space_writes_nothing() {
    TMPDIR=/nonexistent/winnow-tmp run_winnow 2 run -o out "$SAMPLE"
    expect_grep err.txt 'cannot create a temporary file in /nonexistent/winnow-tmp'
    expect_no_file out/clusters.csv
    expect_no_file out/quality.csv
}

t_rules_init_roundtrip() {
    run_winnow 0 rules init "$SAMPLE"
    cp out.txt init.yaml
    expect_grep init.yaml '^  - column: "Email"$'
    expect_grep init.yaml 'vendor: hubspot'
    run_winnow 0 rules check init.yaml
    run_winnow 3 run -q -o plain "$SAMPLE"
    run_winnow 3 run -q -r init.yaml -o ruled "$SAMPLE"
    for f in quality.csv clusters.csv clean.csv pairs.csv; do
        expect_same "ruled/$f" "plain/$f"
    done
}

t_rules_check_errors() {
    printf 'version: 1\nthresholds:\n  match: 0.9\n  reviw: 0.5\n' >typo.yaml
    run_winnow 2 rules check typo.yaml
    expect_grep err.txt "typo.yaml:4:3: unknown key 'reviw' in thresholds"
    run_winnow 2 rules check "$DATA/no-such.yaml"
    run_winnow 1 rules frobnicate x
}

t_link_febrl_sample() {
    run_winnow 0 link -o out "$FEBRL/left.csv" "$FEBRL/right.csv"
    expect_file out/links.csv
    expect_grep out/links.csv '^left_id,right_id,probability,'
    # Every link joins the same person (rec-N on both sides).
    bad=$(awk -F, 'NR > 1 { split($1, a, "-"); split($2, b, "-"); if (a[2] != b[2]) n++ } END { print n + 0 }' out/links.csv)
    expect_eq "$bad" 0 "wrong links"
    expect_file out/unmatched_left.csv
    expect_file out/unmatched_right.csv
    # Every right record is linked or unmatched, and the unmatched rows are
    # the same whichever side is read from standard input.
    linked=$(cut -d, -f2 out/links.csv | sed 1d | sort -u | wc -l)
    expect_eq "$((linked + $(csv_rows out/unmatched_right.csv)))" "$(($(wc -l <"$FEBRL/right.csv") - 1))"
    "$WINNOW" link -q -o piped "$FEBRL/left.csv" - <"$FEBRL/right.csv" 2>/dev/null
    expect_same piped/unmatched_left.csv out/unmatched_left.csv
    expect_same piped/unmatched_right.csv out/unmatched_right.csv
}

t_link_one_to_one() {
    cat "$FEBRL/right.csv" >right2.csv
    sed 1d "$FEBRL/right.csv" | sed 's/^rec-\([0-9]*\)-dup-0/rec-\1-dup-9/' >>right2.csv
    run_winnow 0 link --one-to-one -o out "$FEBRL/left.csv" right2.csv
    expect_eq "$(cut -d, -f1 out/links.csv | sed 1d | sort | uniq -d | wc -l)" 0 "left ids linked twice"
    expect_eq "$(cut -d, -f2 out/links.csv | sed 1d | sort | uniq -d | wc -l)" 0 "right ids linked twice"
}

t_explain() {
    run_winnow 0 explain "$SAMPLE" 1001 1002
    expect_grep out.txt 'match probability'
    expect_grep out.txt 'blocking passes that pair them'
    expect_grep out.txt '^first_name .*William .*Bill'
    # A household: same surname, address and phone, another given name.
    run_winnow 0 explain "$SAMPLE" 1010 1011
    expect_grep out.txt 'REVIEW\|refused'
    expect_grep out.txt 'in different clusters'
    run_winnow 1 explain "$SAMPLE" 1001 no-such-id
    expect_grep err.txt "no record with id 'no-such-id'"
}

t_rules_readme_example_is_valid() {
    run_winnow 0 rules check "$ROOT/rules/examples/german_crm.yaml"
    # It stays the example the README shows.
    expect_same "$ROOT/rules/examples/german_crm.yaml" <(awk '/^```yaml$/{f=1;next} /^```$/{f=0} f' "$ROOT/rules/README.md")
}

t_run_same_output_many_batches() {
    # Enough rows for several reading batches (4096 rows each), so the
    # pipelined ingest, the parallel tables and the parallel outputs all run
    # with work in flight on every thread.
    cc -O2 -std=c11 -D_DEFAULT_SOURCE -o wngen "$ROOT/benchmarks/wngen.c" -lz || fail "cannot build wngen"
    ./wngen --rows 12000 --seed 7 --vendor salesforce --out in.csv --truth t.csv >/dev/null 2>&1 ||
        fail "wngen failed"
    run_winnow 0 run -q -j1 -o one in.csv
    run_winnow 0 run -q -j3 -o three in.csv
    for f in clean.csv clusters.csv pairs.csv review.csv quality.csv lineage.csv rejects.csv; do
        expect_same "three/$f" "one/$f"
    done
    expect_eq "$(csv_rows one/clusters.csv)" 12000 "every record once"
    run_winnow 0 profile -q -j1 -o p1 in.csv
    run_winnow 0 profile -q -j3 -o p3 in.csv
    expect_same p3/profile.csv p1/profile.csv
    expect_same p3/quality.csv p1/quality.csv
    expect_same p1/quality.csv one/quality.csv
}
