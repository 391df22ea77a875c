# End-to-end tests of `winnow profile` on the ingest fixtures in testdata/ingest.
IN="$DATA/ingest"

# expect_invalid_as_quality SOURCE : every column of SOURCE in out/profile.csv
# has as many invalid values as out/quality.csv has invalid findings for it
expect_invalid_as_quality() {
    local column got want n=0
    while IFS=, read -r column got; do
        want=$(grep -c "^[^,]*,$column,invalid," out/quality.csv)
        expect_eq "$got" "$want" "invalid values of $column in profile.csv and quality.csv"
        n=$((n + 1))
    done < <(awk -F, -v s="$1" '$1 == s { print $2 "," $11 }' out/profile.csv)
    [ "$n" -gt 0 ] || fail "no column of $1 in out/profile.csv"
}

# no_formula_cells FILE... : no cell of any output starts with = + or @
no_formula_cells() {
    for f in "$@"; do
        if "$ROOT/tests/e2e/csvcells.awk" "$f" | grep -q '^[=+@]'; then
            fail "$f has a cell a spreadsheet would evaluate: $("$ROOT/tests/e2e/csvcells.awk" "$f" | grep '^[=+@]' | head -1)"
        fi
    done
}

t_basic() {
    run_winnow 0 profile -o out "$IN/contacts_basic.csv"
    expect_file out/profile.csv
    expect_file out/report.json
    expect_eq "$(csv_rows out/rejects.csv)" 0 "rejects"
    expect_grep out/profile.csv '^source,column,kind,rows,filled,filled_pct,distinct,distinct_exact,min_len,max_len,invalid,top_values,top_shapes$'
    expect_grep out/profile.csv 'contacts_basic.csv,Email,email,2,2,100.0,2,exact,16,16,0,'
    # Area code 555 is not assigned: both phones are invalid, as in quality.csv.
    expect_grep out/profile.csv 'Phone,phone,2,2,100.0,2,exact,12,14,2,'
    expect_invalid_as_quality "$IN/contacts_basic.csv"
    expect_grep out.txt 'Email *email *100.0%'
    expect_grep out/report.json '"rows": 2'
    # No temporary files left behind.
    expect_eq "$(ls -A out | grep -c '^\.')" 0 "hidden files in OUTDIR"
}

t_default_outdir() {
    run_winnow 0 profile -q "$IN/contacts_basic.csv"
    expect_file winnow-out/profile.csv
    expect_eq "$(cat out.txt)" "" "stdout with -q"
}

t_gzip_without_suffix() {
    run_winnow 0 profile -o out "$IN/hubspot_export_no_suffix"
    expect_grep out/profile.csv ',Email,email,1,1,'
    expect_grep out/report.json '"gzip": true'
}

t_gzip_with_suffix() {
    run_winnow 0 profile -o out "$IN/contacts.csv.gz"
    expect_grep out/profile.csv ',Phone,phone,2,2,'
}

t_stdin() {
    "$WINNOW" profile -q -o out - <"$IN/contacts_basic.csv" || fail "exit $?"
    expect_grep out/profile.csv '^<stdin>,Email,email,2,'
    gzip -c "$IN/contacts_basic.csv" | "$WINNOW" profile -q -o out2 - || fail "gzip stdin"
    expect_grep out2/profile.csv '^<stdin>,Email,email,2,'
}

t_semicolon_with_decimal_commas() {
    run_winnow 0 profile -o out "$IN/contacts_semicolon.csv"
    expect_grep out/report.json '"delimiter": ";"'
    expect_grep out/profile.csv ',E-Mail,email,2,2,'
    expect_grep out/profile.csv ',Umsatz,text,2,2,'
}

t_tab() {
    run_winnow 0 profile -o out "$IN/contacts_tab.tsv"
    expect_grep out/report.json '"delimiter": "\\t"'
    expect_grep out/profile.csv ',Phone,phone,3,3,'
}

t_delimiter_option() {
    run_winnow 0 profile -o out --delimiter ';' "$IN/contacts_semicolon.csv"
    expect_grep out/report.json '"delimiter_sniffed": false'
    run_winnow 1 profile -o out --delimiter 'ab' "$IN/contacts_semicolon.csv"
}

t_bom_crlf() {
    run_winnow 0 profile -o out "$IN/salesforce_bom_crlf.csv"
    expect_grep out/report.json '"bom": true'
    expect_grep out/report.json '"line_ending": "CRLF"'
    # The first header is "Id", not "\xEF\xBB\xBFId".
    expect_grep out/profile.csv 'salesforce_bom_crlf.csv,Id,text,2,'
    expect_no_grep out/profile.csv $'\r'
}

t_quoted_newlines() {
    run_winnow 0 profile -o out "$IN/quoted_newlines.csv"
    expect_grep out/profile.csv ',notes,text,4,4,'
    expect_eq "$(csv_rows out/rejects.csv)" 0
}

t_ragged_rows_listed_with_lines() {
    run_winnow 3 profile -o out "$IN/ragged.csv"
    expect_grep err.txt '2 rows rejected'
    expect_eq "$(csv_rows out/rejects.csv)" 2
    expect_grep out/rejects.csv '^3,field_count,"2,Bob",.*ragged.csv,"expected 3 fields, found 2"$'
    expect_grep out/rejects.csv '^4,field_count,"3,Cy,cy@x.io,extra",'
    # Every data line is profiled or rejected.
    expect_grep out/profile.csv ',name,text,2,2,'
}

t_unterminated_quote() {
    run_winnow 3 profile -o out "$IN/unterminated_quote.csv"
    expect_grep out/rejects.csv '^3,unterminated_quote,'
    expect_grep out/profile.csv ',name,text,2,2,'
}

t_nul_byte() {
    run_winnow 3 profile -o out "$IN/nul_byte.csv"
    expect_grep out/rejects.csv '^2,nul_byte,'
    expect_grep out/profile.csv ',name,text,1,1,'
}

t_cp1252() {
    run_winnow 0 profile -o out "$IN/cp1252.csv"
    expect_grep out/report.json '"cells_converted_from_cp1252": 5'
    expect_grep out/profile.csv 'René Dupont'
    expect_grep out/profile.csv 'Montréal'
    expect_grep out.txt 'converted'
}

t_empty_file() {
    run_winnow 2 profile -o out "$IN/empty.csv"
    expect_grep err.txt 'empty.csv'
    expect_grep err.txt 'empty'
    expect_no_file out/profile.csv
}

t_missing_file() {
    run_winnow 2 profile -o out "$IN/no-such-file.csv"
    expect_grep err.txt 'no-such-file.csv'
    expect_no_file out/profile.csv
}

t_header_only() {
    run_winnow 0 profile -o out "$IN/header_only.csv"
    expect_grep out/profile.csv ',Email,email,0,0,'
    expect_grep out/report.json '"rows": 0'
}

t_one_column() {
    run_winnow 0 profile -o out "$IN/one_column.csv"
    expect_grep out/profile.csv ',email,email,3,3,100.0,3,exact,.*,1,'
}

t_duplicate_headers() {
    run_winnow 0 profile -o out "$IN/duplicate_headers.csv"
    expect_grep out/profile.csv ',column_2,'
    expect_grep out/profile.csv ',email_2,'
    expect_grep out/profile.csv ',Name_2,'
    expect_grep out.txt "column 2 has no name"
}

t_formula_cells_neutralised() {
    run_winnow 0 profile -o out "$IN/formula_cells.csv"
    no_formula_cells out/profile.csv out/rejects.csv
    expect_grep out/profile.csv "'=HYPERLINK"
}

t_formula_cells_in_rejects() {
    printf 'a,b\n=cmd|x,1,2\n@x,+y\n' >in.csv
    run_winnow 3 profile -o out in.csv
    no_formula_cells out/rejects.csv
    expect_grep out/rejects.csv "^2,field_count,\"'=cmd|x,1,2\""
}

t_big_field() {
    {
        printf 'id,note\n1,"'
        head -c 2200000 /dev/zero | tr '\0' 'x'
        printf '"\n2,short\n'
    } >big.csv
    run_winnow 0 profile -o out big.csv
    expect_grep out/profile.csv ',note,text,2,2,100.0,2,exact,5,2200000,'
}

t_output_over_input_refused() {
    mkdir out
    cp "$IN/contacts_basic.csv" out/profile.csv
    run_winnow 1 profile -o out out/profile.csv
    expect_grep err.txt 'profile.csv'
    expect_same out/profile.csv "$IN/contacts_basic.csv"
}

t_several_inputs() {
    run_winnow 3 profile -o out "$IN/contacts_basic.csv" "$IN/ragged.csv"
    expect_grep out/profile.csv '^.*contacts_basic.csv,Email,'
    expect_grep out/profile.csv '^.*ragged.csv,email,'
    expect_grep out/rejects.csv 'ragged.csv'
}

t_usage_errors() {
    run_winnow 1 profile
    run_winnow 1 no-such-command
    expect_grep err.txt 'no-such-command'
    run_winnow 0 --help
    expect_grep out.txt 'profile'
}

t_inputs_untouched() {
    cp "$IN/ragged.csv" r.csv
    before=$(cksum <r.csv)
    run_winnow 3 profile -o out r.csv
    expect_eq "$(cksum <r.csv)" "$before"
}

t_quality_findings() {
    # The sample export: placeholders, invalid values and unreachable
    # customers, per column in quality.csv, report.json and the table.
    run_winnow 3 profile -o out "$DATA/sample/hubspot_contacts.csv"
    expect_file out/quality.csv
    expect_grep out/quality.csv '^record_id,field,issue,value,source,line,detail$'
    expect_grep out/quality.csv '^1009,Email,placeholder,test@test.com,.*,10,'
    expect_grep out/quality.csv '^1009,Phone Number,placeholder,000-000-0000,.*,10,'
    expect_grep out/quality.csv '^1009,,incomplete,,.*,10,no valid way to reach the customer'
    expect_grep out/quality.csv '^1014,Phone Number,invalid,555-0100,'
    expect_grep out/report.json '"placeholder": 6'
    expect_grep out/report.json '"incomplete": 4'
    expect_grep out.txt '^quality: 13 findings'
    expect_grep out.txt '^  Email  *1 invalid 2 placeholder'
    # The same findings as `winnow run` on the same export.
    run_winnow 3 run -q -o run "$DATA/sample/hubspot_contacts.csv"
    expect_eq "$(cut -d, -f1-4 out/quality.csv | md5sum)" "$(cut -d, -f1-4 run/quality.csv | md5sum)" \
        "profile and run findings"
}

t_impossible_dates_are_invalid() {
    # A date normalizer writes nothing for a day that never was; the value is
    # still a finding, not an empty cell.
    printf 'id,First Name,Email,Date of birth\n1,Ann,a@x.com,1961-13-05\n2,Bob,b@x.com,2020-02-30\n3,Cy,c@x.com,1961-05-13\n' >d.csv
    run_winnow 0 profile -o out d.csv
    expect_grep out/quality.csv '^1,Date of birth,invalid,1961-13-05,d.csv,2,not a date$'
    expect_grep out/quality.csv '^2,Date of birth,invalid,2020-02-30,d.csv,3,not a date$'
    expect_eq "$(grep -c '^3,' out/quality.csv)" 0 "a real date has no finding"
}

t_placeholders_whatever_their_spelling() {
    # Placeholders are matched lower-cased with blanks collapsed; the check
    # that turns most values away by their first two key bytes must not turn
    # these away (one-byte words, a word then '@', blanks in front), and must
    # not catch real values that only begin like a placeholder.
    {
        echo 'id,First Name,Last Name,Email,City'
        echo '1,  X,Nadia,-@-.org,Nantes'
        echo '2,Test,  NOT   available ,NA@NA.de,Testville'
        echo '3,Nat,Lastname,noemail@noemail.com,N/A'
        echo '4,Unknownia,Testa,tess@test.de,Nowhere'
        echo '5,Ann,"  TEST ",a@b.com,?'
    } >p.csv
    run_winnow 0 profile -o out p.csv
    expect_grep out/quality.csv '^1,First Name,placeholder,X,'
    expect_grep out/quality.csv "^1,Email,placeholder,'-@-.org,"
    expect_grep out/quality.csv '^2,First Name,placeholder,Test,'
    expect_grep out/quality.csv '^2,Last Name,placeholder,NOT   available,'
    expect_grep out/quality.csv '^2,Email,placeholder,NA@NA.de,'
    expect_grep out/quality.csv '^3,Last Name,placeholder,Lastname,'
    expect_grep out/quality.csv '^3,Email,placeholder,noemail@noemail.com,'
    expect_grep out/quality.csv '^3,City,placeholder,N/A,'
    expect_grep out/quality.csv '^5,Last Name,placeholder,"  TEST ",'
    expect_grep out/quality.csv '^5,City,placeholder,?,'
    expect_eq "$(grep -c '^4,' out/quality.csv)" 0 "values that only begin like placeholders"
    expect_eq "$(grep -c ',Nadia,\|,Nantes,\|,Nat,\|,Testville,' out/quality.csv)" 0 "real values"
}

t_salesforce_columns_as_run_sees_them() {
    # Mailing* headers contain "mail" but hold an address: the profile types
    # columns with the ingest's column recognition, as `winnow run` does, and
    # its invalid counts are quality.csv's (a misspelt mail provider is
    # suspicious, not invalid; 555-0100 has the digits of a phone but is none).
    {
        echo 'Id,FirstName,LastName,Email,Phone,MailingStreet,MailingCity,MailingState,MailingPostalCode,MailingCountry'
        echo '0035g00000AbCdEAA1,Ann,Lee,ann.lee@example.com,(415) 503-2671,1 Market St,San Francisco,CA,94105,United States'
        echo '0035g00000AbCdEAA2,Bob,Ray,bob.ray@gmial.com,+1 212 736 5000,350 Fifth Avenue,New York,NY,10118,United States'
        echo '0035g00000AbCdEAA3,Cy,Fox,not-an-email,12,742 Evergreen Terrace,Springfield,IL,62704,United States'
        echo '0035g00000AbCdEAA4,Dee,Ng,dee@mailbox.org,+44 20 7219 3000,221B Baker Street,London,,NW1 6XE,United Kingdom'
        echo '0035g00000AbCdEAA5,Eve,Kim,eve.kim@example,555-0100,1600 Pennsylvania Ave NW,Washington,DC,20500,United States'
    } >sf.csv
    run_winnow 0 profile -o out sf.csv
    for c in MailingStreet MailingCity MailingPostalCode MailingCountry; do
        expect_grep out/profile.csv "^sf.csv,$c,text,5,5,100.0,[0-9]*,exact,[0-9]*,[0-9]*,0,"
        expect_grep out.txt "^$c  *text "
    done
    expect_grep out/profile.csv '^sf.csv,MailingState,text,5,4,80.0,4,exact,2,2,0,'
    expect_grep out/profile.csv '^sf.csv,Id,text,5,5,'
    expect_grep out/profile.csv '^sf.csv,Email,email,5,5,100.0,5,exact,12,19,2,'
    expect_grep out/profile.csv '^sf.csv,Phone,phone,5,5,100.0,5,exact,2,16,2,'
    expect_eq "$(grep -c '"kind": "email"' out/report.json)" 1 "email columns in report.json"
    expect_eq "$(grep -c '"kind": "phone"' out/report.json)" 1 "phone columns in report.json"
    expect_invalid_as_quality sf.csv
}

t_kinds_from_the_rules_columns() {
    # A rules file that lists the columns decides their kinds too: a mobile
    # is a phone, a creation date a date, a city under a "Mailbox" header text.
    printf 'version: 1\ncolumns:\n' >r.yaml
    for m in Contact:email Reach:mobile Since:created Mailbox:city; do
        printf '  - column: "%s"\n    field: %s\n' "${m%%:*}" "${m#*:}" >>r.yaml
    done
    printf 'Contact,Reach,Since,Mailbox,Note\n' >r.csv
    printf 'a@example.com,+1 212 736 5000,2020-01-02,Boston,hi\n' >>r.csv
    printf 'nope,12,2020-13-45,Austin,x\n' >>r.csv
    run_winnow 0 profile -r r.yaml -o out r.csv
    expect_grep out/profile.csv '^r.csv,Contact,email,2,2,100.0,2,exact,4,13,1,'
    expect_grep out/profile.csv '^r.csv,Reach,phone,2,2,100.0,2,exact,2,15,1,'
    expect_grep out/profile.csv '^r.csv,Since,date,2,2,100.0,2,exact,10,10,1,'
    expect_grep out/profile.csv '^r.csv,Mailbox,text,2,2,'
    expect_grep out/profile.csv '^r.csv,Note,text,2,2,'
    expect_invalid_as_quality r.csv
}

t_secondary_column_keeps_its_kind() {
    # A second birth date column is recognised but carried through unchecked:
    # a date, with no invalid values, since quality.csv reports none for it.
    printf 'Email,Birthdate,Date of Birth\na@example.com,1980-01-02,1980-13-45\n' >s.csv
    printf 'b@example.com,1981-03-04,1981-03-04\n' >>s.csv
    run_winnow 0 profile -o out s.csv
    expect_grep out/profile.csv '^s.csv,Birthdate,date,2,2,'
    expect_grep out/profile.csv '^s.csv,Date of Birth,date,2,2,100.0,2,exact,10,10,0,'
    expect_invalid_as_quality s.csv
}
