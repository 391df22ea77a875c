#!/usr/bin/env python3
"""Checks winnow's phone normalizer against libphonenumber (python3-phonenumbers).

For every region winnow has a numbering plan for (the `plan` rows of
rules/data/phone_plans.csv), numbers are generated from the reference's own
example number of each number type, mutated (last digits redrawn, one digit
changed, dropped or added, the leading digit changed), and written the ways
people write them: E.164, the reference's international and national
formats and the national digits run together, with the region as default
region; dialled from the region with its international prefix; the
international format with no default region; and as dialled from another
region (drawn at random among them) with that region as default. Each is
given to winnow (through phone_driver) and to the reference (parse +
is_valid_number, number type), and the verdicts are compared:

  valid   both accept or both reject
  e164    where both accept, the same E.164
  mobile  the same answer to "is this a valid mobile number" (the reference's
          MOBILE; FIXED_LINE_OR_MOBILE, as in NANP, is not known to be one)

Prints one line per region and exits 1 if any region is below --min-valid or
--min-mobile percent of all its numbers, or --min-e164 percent of those both
accept.
Usage: phone_reference.py --driver BUILD/tests/phone_driver [--regions GB,US]
       [--seed N] [--show N]
"""
import argparse
import os
import random
import re
import subprocess
import sys

import phonenumbers as pn
from phonenumbers import PhoneMetadata, PhoneNumberFormat, PhoneNumberType

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
TYPES = ["fixed_line", "mobile", "toll_free", "premium_rate", "shared_cost",
         "personal_number", "voip", "pager", "uan", "voicemail"]


def claimed_regions():
    """The regions phone_plans.csv has a plan row for."""
    out = []
    with open(os.path.join(ROOT, "rules", "data", "phone_plans.csv"), encoding="utf-8") as f:
        for line in f:
            fields = [x.strip() for x in line.split(",")]
            if fields[0] == "plan" and len(fields) > 1:
                out.append(fields[1])
    return out


def mutations(nsn, rng):
    """The example itself and numbers near it, valid or not."""
    digits = "0123456789"
    out = [nsn]
    for _ in range(3):
        k = min(3, len(nsn) - 1)
        out.append(nsn[:-k] + "".join(rng.choice(digits) for _ in range(k)))
    for _ in range(2):
        i = rng.randrange(len(nsn))
        out.append(nsn[:i] + rng.choice(digits) + nsn[i + 1:])
    i = rng.randrange(len(nsn))
    out.append(nsn[:i] + nsn[i + 1:])
    i = rng.randrange(len(nsn) + 1)
    out.append(nsn[:i] + rng.choice(digits) + nsn[i:])
    out.append(rng.choice(digits) + nsn[1:])
    return [n for n in out if n]


def idd_prefix(md):
    """The international prefix a caller in the region dials, if it is one string."""
    for p in (md.preferred_international_prefix, md.international_prefix):
        if p and p.isdigit():
            return p
    return None


def written_forms(region, cc, nsn, caller):
    """(default region, text) pairs: the number as written in its region, in
    E.164 with no default region, and as dialled from `caller`."""
    md = PhoneMetadata.metadata_for_region(region)
    try:
        num = pn.parse("+%d%s" % (cc, nsn), None)
    except pn.NumberParseException:
        return []
    national = pn.format_number(num, PhoneNumberFormat.NATIONAL)
    intl = pn.format_number(num, PhoneNumberFormat.INTERNATIONAL)
    forms = [pn.format_number(num, PhoneNumberFormat.E164), intl, national,
             "".join(c for c in national if c.isdigit())]
    idd = idd_prefix(md)
    if idd:
        forms.append(idd + " " + intl[1:])
    out = [(region, text) for text in forms]
    out.append(("", intl))
    out.append((caller, pn.format_out_of_country_calling_number(num, caller)))
    return [(r, text) for r, text in out if not misread_idd(r, text)]


def misread_idd(region, text):
    """True where the reference's own international prefix pattern reads
    past the prefix written: from Hong Kong, "00 852 ..." and "00 962 ..."
    read as 008 52 ... and 009 62 ..., a reading of its own format that no
    one dialling means. Such forms are left out."""
    md = PhoneMetadata.metadata_for_region(region) if region else None
    idd = md and idd_prefix(md)
    digits = "".join(c for c in text if c.isdigit())
    if not idd or text.startswith("+") or not digits.startswith(idd):
        return False
    m = re.match(md.international_prefix, digits)
    return m is not None and m.end() != len(idd)


def reference(text, region):
    try:
        num = pn.parse(text, region)
    except pn.NumberParseException:
        return False, "", False
    if not pn.is_valid_number(num):
        return False, "", False
    mobile = pn.number_type(num) == PhoneNumberType.MOBILE
    return True, pn.format_number(num, PhoneNumberFormat.E164), mobile


def cases_for(region, callers, rng):
    md = PhoneMetadata.metadata_for_region(region)
    seen = set()
    for t in TYPES:
        desc = getattr(md, t)
        if desc is None or not desc.example_number:
            continue
        for nsn in mutations(desc.example_number, rng):
            caller = rng.choice(callers)
            for default, text in written_forms(region, md.country_code, nsn, caller):
                if (default, text) not in seen:
                    seen.add((default, text))
                    yield t, default, text


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--driver", required=True)
    ap.add_argument("--regions", default="")
    ap.add_argument("--seed", type=int, default=24)
    ap.add_argument("--min-valid", type=float, default=98.0)
    ap.add_argument("--min-mobile", type=float, default=97.0)
    ap.add_argument("--min-e164", type=float, default=99.0)
    ap.add_argument("--show", type=int, default=3, help="disagreements shown per region")
    args = ap.parse_args()
    regions = args.regions.split(",") if args.regions else claimed_regions()
    if not regions:
        sys.exit("phone_reference: no regions (no plan rows in phone_plans.csv?)")

    cases = []  # (region, type, default region, text, valid, e164, mobile)
    for region in regions:
        rng = random.Random("%d-%s" % (args.seed, region))
        for t, default, text in cases_for(region, regions, rng):
            cases.append((region, t, default, text) + reference(text, default or None))
    feed = "".join("%s\t%s\n" % (c[2], c[3]) for c in cases)
    run = subprocess.run([args.driver], input=feed, capture_output=True, text=True, check=True)
    answers = run.stdout.splitlines()
    if len(answers) != len(cases):
        sys.exit("phone_reference: %d answers for %d cases" % (len(answers), len(cases)))

    print("libphonenumber %s; %d numbers" % (pn.__version__, len(cases)))
    print("%-6s %6s %8s %8s %8s %8s" % ("region", "cases", "valid%", "mobile%", "e164%", "ref-ok"))
    failed = False
    for region in regions:
        n = agree_valid = agree_mobile = both = same_e164 = ref_ok = 0
        shown = 0
        for (r, t, default, text, ok, e164, mobile), answer in zip(cases, answers):
            if r != region:
                continue
            status, got, got_mobile = answer.split("\t")
            got_ok = status == "ok"
            n += 1
            ref_ok += ok
            agree_valid += ok == got_ok
            agree_mobile += mobile == (got_mobile == "1")
            if ok and got_ok:
                both += 1
                same_e164 += e164 == got
            bad = ok != got_ok or mobile != (got_mobile == "1") or (ok and got_ok and e164 != got)
            if bad and shown < args.show:
                shown += 1
                print("    %s %-15s %-2s %-24r ref %s %s%s, winnow %s %s%s" % (
                    region, t, default or "-", text, "valid" if ok else "invalid", e164,
                    " mobile" if mobile else "", status, got,
                    " mobile" if got_mobile == "1" else ""))
        pv, pm = 100.0 * agree_valid / n, 100.0 * agree_mobile / n
        pe = 100.0 * same_e164 / both if both else 100.0
        low = pv < args.min_valid or pm < args.min_mobile or pe < args.min_e164
        failed |= low
        print("%-6s %6d %7.1f%% %7.1f%% %7.1f%% %6d%s" % (
            region, n, pv, pm, pe, ref_ok, "  BELOW BOUNDS" if low else ""))
    print("bounds: valid >= %.1f%%, mobile >= %.1f%%, e164 >= %.1f%% where both accept" %
          (args.min_valid, args.min_mobile, args.min_e164))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
