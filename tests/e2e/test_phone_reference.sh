# The phone normalizer against libphonenumber (Debian's python3-phonenumbers):
# tests/conformance/phone_reference.py prints agreement per region and fails
# below the bounds of issue 24; scripts/phone_plans.py --check that the
# shipped numbering plans are what the generator derives from the reference.
# Both skip, saying so, where the reference is not installed.

# reference_python : a python3 that can import phonenumbers, or nothing
reference_python() {
    for py in python3 /usr/bin/python3; do
        if "$py" -c 'import phonenumbers' 2>/dev/null; then
            echo "$py"
            return
        fi
    done
}

skip_without_reference() {
    echo "    SKIP: python3-phonenumbers is not installed (scripts/deps.sh installs it)" >&2
}

t_phone_reference() {
    local py driver
    py=$(reference_python)
    [ -n "$py" ] || { skip_without_reference; return 0; }
    driver="$(dirname "$WINNOW")/tests/phone_driver"
    [ -x "$driver" ] || fail "no $driver (make units builds it)"
    "$py" "$ROOT/tests/conformance/phone_reference.py" --driver "$driver" >report.txt 2>&1
    local status=$?
    sed 's/^/    /' report.txt >&2
    [ "$status" -eq 0 ] || fail "winnow disagrees with libphonenumber beyond the bounds"
}

t_phone_plans_generated() {
    local py version
    py=$(reference_python)
    [ -n "$py" ] || { skip_without_reference; return 0; }
    version=$("$py" -c 'import phonenumbers; print(phonenumbers.__version__)')
    if ! grep -q "^# libphonenumber $version metadata" "$ROOT/rules/data/phone_plans.csv"; then
        echo "    SKIP: phone_plans.csv was derived from another libphonenumber than $version" >&2
        return 0
    fi
    "$py" "$ROOT/scripts/phone_plans.py" --check >check.txt 2>&1 || {
        sed 's/^/    /' check.txt >&2
        fail "rules/data/phone_plans.csv is not what scripts/phone_plans.py derives"
    }
}
