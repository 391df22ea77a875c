#!/bin/sh
# Installs the Debian packages winnow needs to build and test, if any is
# missing; a no-op otherwise. Extra package names may be given as arguments
# (make asan adds clang and its sanitizer runtime).
#   scripts/deps.sh            install what is missing (as root, or through sudo)
#   scripts/deps.sh --check    only report; exit 1 if something is missing
set -eu

check_only=0
if [ "${1:-}" = "--check" ]; then
    check_only=1
    shift
fi
# python3-phonenumbers (libphonenumber) is the reference the phone conformance
# test compares with (tests/e2e/test_phone_reference.sh); winnow itself does
# not use it.
PKGS="make gcc pkg-config libcsv-dev libxxhash-dev libyaml-dev zlib1g-dev libutf8proc-dev libcmocka-dev python3-phonenumbers $*"

missing=""
for p in $PKGS; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        missing="$missing $p"
    fi
done
[ -z "$missing" ] && exit 0

if [ "$check_only" = 1 ]; then
    echo "missing Debian packages:$missing"
    exit 1
fi
if ! command -v apt-get >/dev/null 2>&1; then
    echo "winnow: missing packages:$missing (and no apt-get to install them)" >&2
    exit 1
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    SUDO="sudo"
fi
echo "winnow: installing Debian packages:$missing"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
