# End-to-end tests of what `winnow run` and `winnow link` find: accuracy floors
# on generated exports scored against their truth (benchmarks/wngen.c and
# benchmarks/wnscore.c, built on the fly), and small hand-written files for
# the cases a floor cannot see (strangers who share a name, fathers and sons,
# organisations, headers winnow cannot read, old dates, national numbers).
# Helpers here are prefixed m_ so that they cannot clash with another file's.

# m_tools : builds the generator and the scorer in the test's directory
m_tools() {
    cc -O2 -std=c11 -D_DEFAULT_SOURCE -o wngen "$ROOT/benchmarks/wngen.c" -lz || fail "cannot build wngen"
    cc -O2 -std=c11 -D_DEFAULT_SOURCE -o wnscore "$ROOT/benchmarks/wnscore.c" || fail "cannot build wnscore"
}

# m_gen ARGS... : runs wngen, failing the test if it fails
m_gen() { ./wngen "$@" >/dev/null 2>gen.err || { cat gen.err >&2; fail "wngen $* failed"; }; }

# m_metric NAME LINE : the value of NAME=... in a line wnscore printed
m_metric() { printf '%s\n' "$2" | tr ' ' '\n' | sed -n "s/^$1=//p"; }

# at_least VALUE FLOOR WHAT : fails unless VALUE is a number >= FLOOR
at_least() {
    awk -v v="$1" -v f="$2" 'BEGIN { exit !(v ~ /^-?[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?$/ && v + 0 >= f + 0) }' ||
        fail "$3 is '$1', expected at least $2"
}

# below VALUE CEILING WHAT : fails unless VALUE is a number < CEILING
below() {
    awk -v v="$1" -v f="$2" 'BEGIN { exit !(v ~ /^-?[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?$/ && v + 0 < f + 0) }' ||
        fail "$3 is '$1', expected below $2"
}

# m_floors SCORE_LINE PRECISION RECALL WHAT : checks a wnscore line against floors
m_floors() {
    at_least "$(m_metric precision "$1")" "$2" "$4 precision ($1)"
    at_least "$(m_metric recall "$1")" "$3" "$4 recall ($1)"
    at_least "$(m_metric tp "$1")" 1 "$4 true positives ($1)"
}

# m_json_num FILE KEY : the first number given to "KEY" in a JSON file winnow wrote
m_json_num() { sed -n "s/.*\"$2\": *\(-\{0,1\}[0-9][0-9.eE+-]*\).*/\1/p" "$1" | head -1; }

# m_json_str FILE KEY : the first string given to "KEY"
m_json_str() { sed -n "s/.*\"$2\": *\"\([^\"]*\)\".*/\1/p" "$1" | head -1; }

# m_cluster_of CLUSTERS ID : the cluster id of a record in clusters.csv
m_cluster_of() {
    local c
    c=$(awk -F, -v id="$2" '$1 == id { print $2 }' "$1")
    [ -n "$c" ] || fail "record $2 is not in $1"
    echo "$c"
}

# m_same CLUSTERS ID1 ID2 WHAT / m_apart CLUSTERS ID1 ID2 WHAT
m_same() {
    [ "$(m_cluster_of "$1" "$2")" = "$(m_cluster_of "$1" "$3")" ] || {
        grep -E "^($2|$3)," "$1" | sed 's/^/      /' >&2
        fail "$4: records $2 and $3 in different clusters"
    }
}
m_apart() {
    [ "$(m_cluster_of "$1" "$2")" != "$(m_cluster_of "$1" "$3")" ] || {
        grep -E "^($2|$3)," "$1" | sed 's/^/      /' >&2
        fail "$4: records $2 and $3 in one cluster"
    }
}

# m_people N SEED : N distinct people (no two share a first and last name), as
# rows of first_name,last_name,email,phone,street,city,postal_code with real
# US area codes and ZIPs; deterministic for a seed
m_people() {
    awk -v N="$1" -v SEED="$2" 'BEGIN {
        split("James Mary Robert Patricia Michael Jennifer William Linda David Elizabeth " \
              "Richard Barbara Joseph Susan Thomas Jessica Charles Sarah Christopher Karen " \
              "Daniel Nancy Matthew Lisa Anthony Betty Mark Margaret Donald Sandra Steven " \
              "Ashley Paul Kimberly Andrew Emily Joshua Donna Kenneth Michelle", fn, " ")
        split("Garcia Miller Davis Rodriguez Martinez Hernandez Lopez Gonzalez Wilson Anderson " \
              "Taylor Moore Jackson Martin Lee Perez Thompson White Harris Sanchez Clark Ramirez " \
              "Lewis Robinson Walker Young Allen King Wright Scott Torres Nguyen Hill Flores " \
              "Green Adams Nelson Baker Hall Rivera", ln, " ")
        split("Oak Maple Cedar Pine Elm Willow Birch Lake Hill Park River Spring Sunset " \
              "Highland Meadow Forest Church Mill Valley Ridge", st, " ")
        split("Street Avenue Road Lane Drive Court Boulevard Place", sx, " ")
        split("Springfield:62701:217 Portland:97201:503 Austin:73301:512 Denver:80202:303 " \
              "Boston:02108:617 Seattle:98101:206 Phoenix:85001:602 Atlanta:30301:404 " \
              "Madison:53703:608 Omaha:68102:402 Tulsa:74103:918 Raleigh:27601:919", ct, " ")
        split("gmail.com yahoo.com outlook.com aol.com icloud.com example.org", dm, " ")
        s = SEED + 0
        for (i = 1; i <= N; i++) {
            do {
                s = (s * 1103515245 + 12345) % 2147483648; f = fn[1 + int(s / 65536) % 40]
                s = (s * 1103515245 + 12345) % 2147483648; l = ln[1 + int(s / 65536) % 40]
            } while ((f, l) in used)
            used[f, l] = 1
            s = (s * 1103515245 + 12345) % 2147483648; split(ct[1 + int(s / 65536) % 12], c, ":")
            s = (s * 1103515245 + 12345) % 2147483648; a = st[1 + int(s / 65536) % 20]
            s = (s * 1103515245 + 12345) % 2147483648; b = sx[1 + int(s / 65536) % 8]
            s = (s * 1103515245 + 12345) % 2147483648; d = dm[1 + int(s / 65536) % 6]
            printf "%s,%s,%s.%s%d@%s,(%s) %03d-%04d,%d %s %s,%s,%s\n", f, l, tolower(f), tolower(l),
                   i, d, c[3], 200 + (i * 53) % 700, (i * 7919) % 10000, 10 + (i * 131) % 980, a, b,
                   c[1], c[2]
        }
    }'
}

t_generated_dedupe_floors() {
    m_tools
    m_gen --rows 5000 --seed 11 --vendor hubspot --out in.csv --truth truth.csv
    run_winnow 0 run -q -o out in.csv
    expect_eq "$(csv_rows out/clusters.csv)" 5000 "every record once"
    m_floors "$(./wnscore --clusters out/clusters.csv --truth truth.csv)" 0.99 0.97 "hubspot 5000 pairwise"
}

t_generated_link_floors() {
    # This is what the FEBRL link tests cannot show: they would pass if
    # nothing were linked.
    m_tools
    m_gen --rows 4000 --seed 12 --link old.csv new.csv --vendor salesforce --right-vendor hubspot --truth truth.csv
    run_winnow 0 link --one-to-one -q -o out old.csv new.csv
    at_least "$(csv_rows truth.csv)" 1000 "true links in the truth"
    expect_eq "$(cut -d, -f1 out/links.csv | sed 1d | sort | uniq -d | wc -l)" 0 "left ids linked twice"
    expect_eq "$(cut -d, -f2 out/links.csv | sed 1d | sort | uniq -d | wc -l)" 0 "right ids linked twice"
    m_floors "$(./wnscore --links out/links.csv --truth truth.csv)" 0.99 0.97 "salesforce -> hubspot links"
}

t_skewed_names_floors() {
    # Korean and Vietnamese customers: a few family names (Kim, Lee, Nguyen)
    # cover most people, so names alone say little.
    m_tools
    m_gen --rows 5000 --seed 13 --names skewed --vendor hubspot --out in.csv --truth truth.csv
    run_winnow 0 run -q -o out in.csv
    m_floors "$(./wnscore --clusters out/clusters.csv --truth truth.csv)" 0.99 0.95 "skewed names pairwise"
}

t_small_file_strangers() {
    # Two different John Smiths of Chicago among 60 other people: same name
    # and city, nothing else in common.
    {
        echo first_name,last_name,email,phone,street,city,postal_code
        m_people 60 5
        echo 'John,Smith,john.smith@gmail.com,(312) 555-0142,1200 Lake Shore Drive,Chicago,60610'
        echo 'John,Smith,jsmith77@yahoo.com,(773) 555-0198,45 West Addison Street,Chicago,60613'
    } >strangers.csv
    expect_eq "$(cut -d, -f1,2 strangers.csv | sort | uniq -d)" "John,Smith" "only the Smiths share a name"
    run_winnow 0 run -q -o out strangers.csv
    expect_eq "$(csv_rows out/clusters.csv)" 62
    m_apart out/clusters.csv 61 62 "the two John Smiths"
    # The same on a small file where two rows are one person (a typo in the
    # email, the same phone and street): they merge, so the test above does
    # not pass by merging nothing.
    {
        echo first_name,last_name,email,phone,street,city,postal_code
        m_people 48 9 >others.txt
        head -n 24 others.txt
        echo 'Emily,Carter,emily.carter@gmail.com,(617) 482-3391,77 Beacon Street,Boston,02108'
        tail -n 24 others.txt
        echo 'Emily,Carter,emily.cartre@gmail.com,(617) 482-3391,77 Beacon Street,Boston,02108'
    } >same.csv
    expect_eq "$(cut -d, -f1,2 same.csv | sort | uniq -d)" "Emily,Carter" "only the Carters share a name"
    local emily1 emily2
    emily1=$(awk -F, '$3 == "emily.carter@gmail.com" { print NR - 1 }' same.csv)
    emily2=$(awk -F, '$3 == "emily.cartre@gmail.com" { print NR - 1 }' same.csv)
    run_winnow 0 run -q -o out2 same.csv
    m_same out2/clusters.csv "$emily1" "$emily2" "Emily Carter with a typo in her email"
}

t_identical_rows_merge_whatever_the_caps() {
    # 600 copies of one customer (an import run 600 times): the blocks of
    # their values exceed max_block (500), yet copies are one customer.
    m_tools
    m_gen --rows 3000 --seed 21 --vendor hubspot --out in.csv --truth truth.csv
    expect_grep in.csv '^Record ID,First Name,Last Name,Email,Phone Number,Mobile Phone Number,Company Name,Street Address,City,Postal Code,Country/Region,Date of birth,Create Date,Last Modified Date$'
    expect_eq "$(grep -c '^90[0-9][0-9][0-9][0-9],' in.csv)" 0 "ids of the copies already used"
    # Distinct ids (winnow's record_id is the Record ID column), the same
    # values everywhere else.
    awk 'BEGIN { for (i = 1; i <= 600; i++)
        printf "%d,Gregory,Halvorsen,greg.halvorsen@example.com,(503) 555-0117,,Halvorsen Consulting," \
               "12 Alder Street,Portland,97201,United States,1971-03-14,2020-01-02 10:00,2020-01-02 10:00\n", 900000 + i }' >>in.csv
    run_winnow 0 run -q -o out in.csv
    expect_eq "$(csv_rows out/clusters.csv)" 3600 "every record once"
    expect_eq "$(awk -F, 'NR > 1 && $1 > 900000 { print $2 }' out/clusters.csv | sort -u | wc -l)" 1 "clusters of the 600 copies"
    at_least "$(awk -F, '$1 == 900001 { print $5 }' out/clusters.csv)" 600 "size of the copies' cluster"
    # A small file: 12 identical rows and 3 other people.
    {
        echo first_name,last_name,email,phone,street,city,postal_code
        for _ in 1 2 3 4 5 6 7 8 9 10 11 12; do
            echo 'Gregory,Halvorsen,greg.halvorsen@example.com,(503) 555-0117,12 Alder Street,Portland,97201'
        done
        echo 'Maria,Lopez,maria.lopez@gmail.com,(512) 448-2210,9 Elm Road,Austin,73301'
        echo 'Kevin,Osei,kosei@yahoo.com,(404) 731-0092,310 Peachtree Street,Atlanta,30301'
        echo 'Hannah,Berg,hannah.berg@outlook.com,(206) 622-4410,55 Pike Street,Seattle,98101'
    } >small.csv
    run_winnow 0 run -q -o small small.csv
    expect_eq "$(awk -F, 'NR > 1 && $1 <= 12 { print $2 }' small/clusters.csv | sort -u | wc -l)" 1 "clusters of the 12 copies"
    expect_eq "$(awk -F, '$1 == 1 { print $5 }' small/clusters.csv)" 12 "size of the 12 copies' cluster"
    expect_eq "$(awk -F, 'NR > 1 && $1 > 12 { print $5 }' small/clusters.csv | sort -u)" 1 "the 3 others"
}

t_generational_suffixes_never_merge() {
    # A father and son share name, address and phone; only the suffix tells
    # them apart. The model is trained on a real-sized generated export.
    m_tools
    m_gen --rows 3000 --seed 31 --vendor hubspot --out gen.csv --truth truth.csv
    expect_eq "$(grep -c '"' gen.csv)" 0 "quoted cells (the column is inserted by splitting on commas)"
    # With a Suffix column (HubSpot exports have none: it is inserted, empty
    # for the generated customers).
    awk -F, -v OFS=, '{ $3 = $3 OFS (NR == 1 ? "Suffix" : ""); print }' gen.csv >suffix.csv
    cat >>suffix.csv <<'EOF'
990001,John,Wilson,Jr.,,(312) 555-0171,,,4410 North Racine Avenue,Chicago,60640,United States,,2020-01-02 10:00,2020-01-02 10:00
990002,John,Wilson,Sr.,,(312) 555-0171,,,4410 North Racine Avenue,Chicago,60640,United States,,2020-01-02 10:00,2020-01-02 10:00
990003,Harold,Jennings,Jr.,,(206) 555-0133,,,81 Cascade Way,Seattle,98101,United States,,2020-01-02 10:00,2020-01-02 10:00
990004,Harold,Jenings,Jr.,,(206) 555-0133,,,81 Cascade Way,Seattle,98101,United States,,2020-01-02 10:00,2020-01-02 10:00
EOF
    run_winnow 0 run -q -o out suffix.csv
    m_apart out/clusters.csv 990001 990002 "John Wilson Jr. and Sr."
    awk -F, '($1 == 990001 && $3 == 990002) || ($1 == 990002 && $3 == 990001)' out/review.csv >pair.txt
    [ -s pair.txt ] || fail "review.csv has no row for John Wilson Jr. and Sr."
    expect_eq "$(cut -d, -f7 pair.txt | grep -c '^refused_generation$\|^review$')" 1 "outcome of Jr./Sr. in review.csv: $(cat pair.txt)"
    # Control: one person (same suffix, a typo in the surname) merges.
    m_same out/clusters.csv 990003 990004 "Harold Jennings Jr. with a typo"
    # Without a suffix column: the family name carries it.
    cp gen.csv family.csv
    cat >>family.csv <<'EOF'
990001,John,Wilson Jr.,,(312) 555-0171,,,4410 North Racine Avenue,Chicago,60640,United States,,2020-01-02 10:00,2020-01-02 10:00
990002,John,Wilson,,(312) 555-0171,,,4410 North Racine Avenue,Chicago,60640,United States,,2020-01-02 10:00,2020-01-02 10:00
990003,Marcus,Delgado,,(206) 555-0133,,,81 Cascade Way,Seattle,98101,United States,,2020-01-02 10:00,2020-01-02 10:00
990004,Marcus,Delgado,,(206) 555-0133,,,81 Cascde Way,Seattle,98101,United States,,2020-01-02 10:00,2020-01-02 10:00
EOF
    run_winnow 0 run -q -o fam family.csv
    m_apart fam/clusters.csv 990001 990002 "John Wilson Jr. and John Wilson"
    # Control: one person (no suffix, a typo in the street) merges.
    m_same fam/clusters.csv 990003 990004 "Marcus Delgado with a typo"
}

t_organisations_by_name() {
    # A restaurant guide: `name` holds organisations, not people.
    cat >rest.csv <<'EOF'
name,addr,city,phone,type
Cafe Bizou,14016 Ventura Blvd.,Sherman Oaks,818/788-3536,French
Grill on the Alley,9560 Dayton Way,Beverly Hills,310/276-0615,American
Spago,176 N. Canon Dr.,Beverly Hills,310/385-0880,Californian
Art's Delicatessen,12224 Ventura Blvd.,Studio City,818/762-1221,Delis
Hotel Bel-Air,701 Stone Canyon Rd.,Bel Air,310/472-1211,Californian
Campanile,624 S. La Brea Ave.,Los Angeles,213/938-1447,Mediterranean
Chinois on Main,2709 Main St.,Santa Monica,310/392-9025,Asian
Citrus,6703 Melrose Ave.,Los Angeles,213/857-0034,Californian
Fenix at the Argyle,8358 Sunset Blvd.,West Hollywood,213/848-6677,French
Granita,23725 W. Malibu Rd.,Malibu,310/456-0488,Californian
Jody Maroni's Sausage Kingdom,2011 Ocean Front Walk,Venice,310/306-1995,Hot Dogs
L'Orangerie,903 N. La Cienega Blvd.,West Hollywood,310/652-9770,French
Locanda Veneta,8638 W. Third St.,Los Angeles,310/274-1893,Italian
Matsuhisa,129 N. La Cienega Blvd.,Beverly Hills,310/659-9639,Seafood
Patina,5955 Melrose Ave.,Los Angeles,213/467-1108,Californian
Pinot Bistro,12969 Ventura Blvd.,Studio City,818/990-0500,French
Rex Il Ristorante,617 S. Olive St.,Los Angeles,213/627-2300,Italian
Valentino,3115 Pico Blvd.,Santa Monica,310/829-4313,Italian
Water Grill,544 S. Grand Ave.,Los Angeles,213/891-0900,Seafood
Border Grill,1445 Fourth St.,Santa Monica,310/451-1655,Mexican
Dan Tana's,9071 Santa Monica Blvd.,West Hollywood,310/275-9444,Italian
Engine Co. No. 28,644 S. Figueroa St.,Los Angeles,213/624-6996,American
Musso & Frank Grill,6667 Hollywood Blvd.,Hollywood,213/467-7788,American
Pacific Dining Car,1310 W. Sixth St.,Los Angeles,213/483-6000,Steakhouses
Philippe the Original,1001 N. Alameda St.,Chinatown,213/628-3781,Sandwiches
Pink's Famous Chili Dogs,709 N. La Brea Ave.,Los Angeles,213/931-4223,Hot Dogs
Yujean Kang's Gourmet Chinese Cuisine,67 N. Raymond Ave.,Pasadena,818/585-0855,Asian
Lawry's The Prime Rib,100 N. La Cienega Blvd.,Beverly Hills,310/652-2827,Steakhouses
Tommy's Original Hamburgers,2575 Beverly Blvd.,Los Angeles,213/389-9060,Burgers
Versailles Cuban Cuisine,10319 Venice Blvd.,Culver City,310/558-3168,Cuban
Angeli Caffe,7274 Melrose Ave.,Los Angeles,213/936-9086,Italian
Canter's Deli,419 N. Fairfax Ave.,Los Angeles,213/651-2030,Delis
Ocean Avenue Seafood,1401 Ocean Ave.,Santa Monica,310/394-5669,Seafood
Joe's Restaurant,1023 Abbot Kinney Blvd.,Venice,310/399-5811,American
Café Bizou,14016 Ventura Boulevard,Sherman Oaks,(818) 788-3536,French Bistro
The Grill on the Alley,9560 Dayton Way,Beverly Hills,310-276-0615,American
Spago Beverly Hills,176 North Canon Drive,Beverly Hills,310/385-0880,Californian
Arts Delicatessen,12224 Ventura Boulevard,Studio City,818-762-1221,Delicatessen
Hotel Bel Air,701 Stone Canyon Road,Bel Air,(310) 472-1211,Californian
Chinois on Main,2709 Main Street,Santa Monica,310.392.9025,Pacific New Wave
EOF
    # The truth: rows 35..40 are rows 1, 2, 3, 4, 5 and 7 again.
    awk 'BEGIN { print "record_id,entity_id"; split("1 2 3 4 5 7", d, " ")
        for (i = 1; i <= 40; i++) print i "," (i > 34 ? d[i - 34] : i) }' >truth.csv
    run_winnow 0 rules init rest.csv
    expect_eq "$(awk '/^  - column: "name"$/ { getline; print; exit }' out.txt)" "    field: company" "field of column name"
    m_tools
    run_winnow 0 run -q -o out rest.csv
    expect_eq "$(csv_rows out/clusters.csv)" 40
    local score
    score=$(./wnscore --clusters out/clusters.csv --truth truth.csv)
    expect_eq "$(m_metric precision "$score")" 1.0000 "precision, no two restaurants in one cluster: $score"
    expect_eq "$(m_metric recall "$score")" 1.0000 "recall, each duplicate pair in one cluster: $score"
}

t_unrecognised_columns_still_match() {
    # Headers that say nothing: a person's name, a town, a product.
    awk 'BEGIN {
        split("Alice Bruno Carla Dmitri Elena Farid Greta Hiro Ines Jonas Keiko Lars Mona Nadia " \
              "Oskar Priya Quentin Rosa Stefan Tara Umar Vera Wim Xenia Yusuf Zora Anton Bianca " \
              "Cyril Dalia", g, " ")
        split("Abbott Brennan Castillo Dorsey Eriksen Fontaine Galloway Hartmann Ishikawa Jansen " \
              "Kowalczyk Lindqvist Moreau Novak Oyelaran Petrov Quiroga Rinaldi Sorensen " \
              "Takahashi", f, " ")
        split("Ashford Bramley Carrow Dunmore Elmstead Fernhill Glenrock Hollins Ivybridge Kestwick", t, " ")
        split("toaster kettle blender lantern hammock backpack umbrella compass notebook teapot " \
              "thermos skillet", p, " ")
        print "alpha,beta,gamma"
        s = 17
        for (i = 1; i <= 55; i++) {
            do {
                s = (s * 1103515245 + 12345) % 2147483648; a = g[1 + int(s / 65536) % 30]
                s = (s * 1103515245 + 12345) % 2147483648; b = f[1 + int(s / 65536) % 20]
            } while ((a, b) in u)
            u[a, b] = 1
            s = (s * 1103515245 + 12345) % 2147483648; c = t[1 + int(s / 65536) % 10]
            s = (s * 1103515245 + 12345) % 2147483648; d = p[1 + int(s / 65536) % 12]
            print a " " b "," c "," d
        }
    }' >in.csv
    # Rows 3, 11, 19, 27 and 35 again as rows 56..60, each with one letter of
    # the name dropped.
    awk -F, 'NR > 1 && (NR - 1) % 8 == 3 && n < 5 { n++; k = length($1) - 2
        print substr($1, 1, k - 1) substr($1, k + 1) "," $2 "," $3 }' in.csv >dups.csv
    expect_eq "$(csv_rows in.csv)" 55
    expect_eq "$(wc -l <dups.csv)" 5
    cat dups.csv >>in.csv
    run_winnow 0 run -q -o out in.csv
    expect_grep err.txt 'compared as generic text'
    at_least "$(m_json_num out/report.json candidate_pairs)" 1 "matching.candidate_pairs"
    m_same out/clusters.csv 3 56 "duplicate of row 3"
    m_same out/clusters.csv 11 57 "duplicate of row 11"
    m_same out/clusters.csv 19 58 "duplicate of row 19"
    m_same out/clusters.csv 27 59 "duplicate of row 27"
    m_same out/clusters.csv 35 60 "duplicate of row 35"
}

t_national_numbers_get_a_region() {
    # A German export with no country column: 030 ... and 0171 ... are
    # German numbers.
    cat >kontakte.csv <<'EOF'
Vorname,Nachname,Telefon,Mobil,Straße,PLZ,Ort
Hans,Müller,030 12345678,0171 2345678,Hauptstraße 5,10115,Berlin
Petra,Schmidt,089 23456789,0160 3456789,Bahnhofstraße 12,80331,München
Klaus,Weber,040 3456789,0151 24567890,Lindenweg 3,20095,Hamburg
Sabine,Fischer,0221 4567890,0172 5678901,Gartenstraße 8,50667,Köln
Jürgen,Becker,069 5678901,0176 6789012,Schillerstraße 21,60311,Frankfurt am Main
Monika,Wagner,0711 678901,0157 78901234,Goethestraße 14,70173,Stuttgart
Uwe,Hoffmann,0211 7890123,0162 8901234,Kirchweg 2,40213,Düsseldorf
Andrea,Schulz,0341 890123,0170 9012345,Ringstraße 30,04109,Leipzig
EOF
    run_winnow 0 run -q -o out kontakte.csv
    expect_eq "$(csv_rows out/clusters.csv)" 8
    expect_no_grep out/quality.csv ',invalid,'
    expect_no_grep out/quality.csv ',incomplete,'
    expect_eq "$(m_json_str out/report.json region)" DE "report.json input region"
}

t_old_birth_dates_still_compared() {
    # Historical records: every birth date is before 1900.
    cat >people.csv <<'EOF'
first_name,surname,dob,birth_place
Isaac,Newton,1642-12-25,Woolsthorpe
Johann,Bach,1685-03-21,Eisenach
Wolfgang,Mozart,1756-01-27,Salzburg
Ludwig,Beethoven,1770-12-17,Bonn
Jane,Austen,1775-12-16,Steventon
Charles,Darwin,1809-02-12,Shrewsbury
Ada,Lovelace,1815-12-10,London
Thomas,Ashby,1630-08-01,Norwich
Marie,Curie,1867-11-07,Warsaw
John,Dryden,1631-08-19,Aldwincle
Jan,Vermeer,1632-10-31,Delft
Baruch,Spinoza,1632-11-24,Amsterdam
John,Locke,1632-08-29,Wrington
Christopher,Wren,1632-10-30,East Knoyle
Samuel,Pepys,1633-02-23,London
Robert,Hooke,1635-07-28,Freshwater
Thomas,Hobbes,1588-04-05,Westport
Rembrandt,Rijn,1606-07-15,Leiden
John,Milton,1608-12-09,London
Thomas,Ashbey,1630-08-01,Norwich
Anne,Bradstreet,1612-03-20,Northampton
Blaise,Pascal,1623-06-19,Clermont
Margaret,Cavendish,1623-01-01,Colchester
Antonie,Leeuwenhoek,1632-10-24,Delft
Elias,Ashmole,1617-05-23,Lichfield
Cornelis,Tromp,1629-09-09,Rotterdam
EOF
    run_winnow 0 run -q -o out people.csv
    expect_grep out/quality.csv '^8,dob,suspicious,1630-08-01,'
    expect_grep out/quality.csv '^20,dob,suspicious,1630-08-01,'
    expect_no_grep out/quality.csv ',dob,invalid,'
    m_same out/clusters.csv 8 20 "Thomas Ashby / Ashbey, born 1630-08-01"
}

t_id_column_recognised() {
    {
        echo unique_id,first_name,surname,dob,city,email
        m_people 30 3 | awk -F, '{ printf "Q%d-%d,%s,%s,19%02d-%02d-%02d,%s,%s\n",
            100 + NR, 1 + NR % 3, $1, $2, 40 + NR, 1 + NR % 12, 1 + NR % 28, $6, $3 }'
    } >ids.csv
    run_winnow 0 run -q -o out ids.csv
    cut -d, -f1 ids.csv | sed 1d | sort >want.txt
    cut -d, -f1 out/clusters.csv | sed 1d | sort >got.txt
    expect_same got.txt want.txt
}

t_review_band_and_rules_said() {
    m_tools
    m_gen --rows 5000 --seed 11 --vendor hubspot --out in.csv --truth truth.csv
    run_winnow 0 run -o out in.csv
    expect_grep out.txt '^match from probability'
    expect_grep out.txt '^review from probability'
    [ -n "$(m_json_str out/report.json match_rule)" ] || fail "report.json has no match_rule"
    [ -n "$(m_json_str out/report.json review_rule)" ] || fail "report.json has no review_rule"
    local match review
    match=$(m_json_num out/report.json match_threshold)
    review=$(m_json_num out/report.json review_threshold)
    below "$review" "$match" "review_threshold (match_threshold $match)"
    at_least "$(csv_rows out/review.csv)" 1 "rows of review.csv"
    expect_eq "$(awk -F, 'NR > 1 && $7 == "matched"' out/review.csv | wc -l)" 0 "matched pairs in review.csv"
}

t_capped_blocks_said_on_stderr() {
    m_tools
    m_gen --rows 3000 --seed 41 --vendor hubspot --out in.csv --truth truth.csv
    # 700 employees of one company, all reached through its switchboard.
    awk 'BEGIN {
        split("Ava Ben Cleo Dev Eli Fay Gus Hal Ida Jay Kai Liv Max Nia Oli Pia Ray Sam Tia Uma " \
              "Vic Wes Xavi Yara Zed Ana Bo Cy", g, " ")
        split("Archer Bishop Carver Dalton Easton Fisher Garner Hayes Irwin Jarvis Keller Lawson " \
              "Mercer Norris Osborne Pratt Quinn Ramsey Sutton Tucker Underwood Vaughn Walsh " \
              "Yates Zeller", f, " ")
        for (i = 0; i < 700; i++) {
            a = g[1 + i % 28]; b = f[1 + int(i / 28)]
            printf "%d,%s,%s,%s.%s@acme-widgets.com,(312) 555-0100,,Acme Widgets Inc," \
                   "500 West Madison Street,Chicago,60661,United States,,2021-05-01 09:00," \
                   "2021-05-01 09:00\n", 800001 + i, a, b, tolower(a), tolower(b)
        }
    }' >>in.csv
    run_winnow 0 run -q -o out in.csv
    expect_grep err.txt 'not paired whole'
    grep -q '"capped_blocks": [1-9]' out/report.json || fail "no blocking pass in report.json has capped_blocks > 0"
}
