# End-to-end tests of `winnow profile`.

t_profile_basic() {
    run_winnow 0 profile -o out "$DATA/contacts_basic.csv"
    expect_file out/profile.csv
    expect_file out/report.json
    expect_file out/rejects.csv
    expect_eq "$(csv_rows out/rejects.csv)" 0 "rejects"
    expect_grep out/profile.csv 'contacts_basic.csv,Email,email,2,2,100.0,2,exact'
}
