/*
 * compare.c -- comparison levels per field; see compare.h.
 */
#include "compare.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "strsim.h"

static const char *const level_names[WN_LVL_COUNT] = {"missing", "exact", "close", "loose",
                                                      "different"};

const char *wn_level_name(int level)
{
    return level >= 0 && level < WN_LVL_COUNT ? level_names[level] : "?";
}

/* A similarity in 0..1 against the close/loose thresholds. */
static int level_from_similarity(const wn_comparison *c, double sim)
{
    if (sim >= c->close) return WN_LVL_CLOSE;
    if (sim >= c->loose) return WN_LVL_LOOSE;
    return WN_LVL_DIFFERENT;
}

/* Dates as ISO YYYY-MM-DD. Close: one mistyped digit or transposition, or
 * day and month swapped; loose: the same day of another year (year typed
 * wrong), or the same year and month. */
static int compare_dates(const char *a, size_t alen, const char *b, size_t blen)
{
    if (alen != 10 || blen != 10)
        return wn_osa_distance(a, alen, b, blen, 1) <= 1 ? WN_LVL_CLOSE : WN_LVL_DIFFERENT;
    if (wn_osa_distance(a, alen, b, blen, 1) <= 1) return WN_LVL_CLOSE;
    bool swapped =
        memcmp(a, b, 4) == 0 && memcmp(a + 5, b + 8, 2) == 0 && memcmp(a + 8, b + 5, 2) == 0;
    if (swapped) return WN_LVL_CLOSE;
    if (memcmp(a + 4, b + 4, 6) == 0 || memcmp(a, b, 7) == 0) return WN_LVL_LOOSE;
    return WN_LVL_DIFFERENT;
}

/*
 * Phones: "+14155550142" and "4155550142" (a national number whose region
 * was unknown), or "5550142" (a local one, without the area code), are the
 * same line when the shorter, at least 7 digits, ends the longer: close. One mistyped or transposed
 * digit: close; two: loose.
 */
static int compare_phones(const char *a, size_t alen, const char *b, size_t blen)
{
    if (*a == '+') a++, alen--;
    if (*b == '+') b++, blen--;
    size_t shorter = alen < blen ? alen : blen;
    if (shorter >= 7 && memcmp(a + alen - shorter, b + blen - shorter, shorter) == 0)
        return alen == blen ? WN_LVL_EXACT : WN_LVL_CLOSE;
    int d = wn_osa_distance(a, alen, b, blen, 2);
    return d <= 1 ? WN_LVL_CLOSE : d == 2 ? WN_LVL_LOOSE : WN_LVL_DIFFERENT;
}

/* The first word of a street line that holds a digit: its house number
 * ("34", "12b", "7411-7419"). */
static bool house_number(const char *s, size_t n, const char **num, size_t *len)
{
    size_t i = 0;
    while (i < n) {
        while (i < n && s[i] == ' ')
            i++;
        size_t start = i;
        bool digit = false;
        while (i < n && s[i] != ' ')
            digit |= s[i++] >= '0' && s[i - 1] <= '9';
        if (digit) {
            *num = s + start;
            *len = i - start;
            return true;
        }
    }
    return false;
}

/*
 * Street lines: the words compared as a set, but a building is its house
 * number. Two sites of one agency at 2820 and 2905 N Leavitt share every
 * word but one; so different numbers make the level different, and numbers
 * one keystroke apart (a typo: 12 and 21) at best loose. A line without a
 * number is compared on its words alone.
 */
static int compare_addresses(const wn_comparison *c, const char *a, size_t alen, const char *b,
                             size_t blen, double *sim)
{
    *sim = wn_token_set_ratio(a, alen, b, blen);
    int lvl = level_from_similarity(c, *sim);
    const char *na, *nb;
    size_t la, lb;
    if (!house_number(a, alen, &na, &la) || !house_number(b, blen, &nb, &lb)) return lvl;
    if (la == lb && memcmp(na, nb, la) == 0) return lvl;
    if (wn_osa_distance(na, la, nb, lb, 1) > 1) return WN_LVL_DIFFERENT;
    return lvl == WN_LVL_DIFFERENT ? lvl : WN_LVL_LOOSE;
}

/* A single letter (an initial) against a name starting with it. */
static bool initial_of(const char *a, size_t alen, const char *b, size_t blen)
{
    return (alen == 1 && blen > 1 && a[0] == b[0]) || (blen == 1 && alen > 1 && a[0] == b[0]);
}

static int compare_values(const wn_comparison *c, const char *a, size_t alen, const char *b,
                          size_t blen, double *sim)
{
    *sim = 0.0;
    if (alen == 0 || blen == 0) return WN_LVL_MISSING;
    if (alen == blen && memcmp(a, b, alen) == 0) {
        *sim = 1.0;
        return WN_LVL_EXACT;
    }
    switch (c->method) {
    case WN_CMP_EXACT:
        return WN_LVL_DIFFERENT;
    case WN_CMP_NAME:
        if (initial_of(a, alen, b, blen)) return WN_LVL_LOOSE;
        *sim = wn_jaro_winkler(a, alen, b, blen);
        return level_from_similarity(c, *sim);
    case WN_CMP_JARO_WINKLER:
        *sim = wn_jaro_winkler(a, alen, b, blen);
        return level_from_similarity(c, *sim);
    case WN_CMP_TOKEN_SET:
        *sim = wn_token_set_ratio(a, alen, b, blen);
        return level_from_similarity(c, *sim);
    case WN_CMP_QGRAM:
        *sim = wn_qgram_sim(a, alen, b, blen, 2);
        return level_from_similarity(c, *sim);
    case WN_CMP_EDIT: {
        int bound = (int)c->loose;
        int d = wn_osa_distance(a, alen, b, blen, bound);
        *sim = 1.0 - (double)d / (double)(alen > blen ? alen : blen);
        if (d <= (int)c->close) return WN_LVL_CLOSE;
        return d <= bound ? WN_LVL_LOOSE : WN_LVL_DIFFERENT;
    }
    case WN_CMP_ADDRESS:
        return compare_addresses(c, a, alen, b, blen, sim);
    case WN_CMP_DATE:
        return compare_dates(a, alen, b, blen);
    case WN_CMP_PHONE:
        return compare_phones(a, alen, b, blen);
    case WN_CMP_NUMERIC: {
        double x = strtod(a, NULL), y = strtod(b, NULL), d = fabs(x - y);
        if (d <= c->close) return WN_LVL_CLOSE;
        return d <= c->loose ? WN_LVL_LOOSE : WN_LVL_DIFFERENT;
    }
    default:
        return WN_LVL_DIFFERENT;
    }
}

size_t wn_compare_field_slots(wn_field f, int slots[3])
{
    switch (f) {
    case WN_F_EMAIL:
        slots[0] = WN_F_EMAIL;
        slots[1] = WN_SLOT_EMAIL2;
        return 2;
    case WN_F_PHONE:
    case WN_F_MOBILE:
        slots[0] = WN_F_PHONE;
        slots[1] = WN_F_MOBILE;
        return 2;
    default:
        slots[0] = (int)f;
        return 1;
    }
}

size_t wn_compare_slots(const wn_rules *r, int slots[WN_SLOT_COUNT])
{
    bool used[WN_SLOT_COUNT] = {false};
    size_t n = 0, ncmp = r->ncomparisons < WN_COMPARE_MAX ? r->ncomparisons : WN_COMPARE_MAX;
    for (size_t k = 0; k < ncmp; k++) {
        int fs[3];
        size_t nfs = wn_compare_field_slots(r->comparisons[k].field, fs);
        for (size_t i = 0; i < nfs; i++)
            if (!used[fs[i]]) {
                used[fs[i]] = true;
                slots[n++] = fs[i];
            }
    }
    return n;
}

void wn_compare_prefetch(const wn_store *s, const int *slots, size_t nslots, uint32_t rec,
                         int stage)
{
    const uint32_t *row = &s->val[(uint64_t)rec * WN_SLOT_COUNT];
    if (stage == 0) {
        wn_prefetch(row);
        wn_prefetch(row + WN_SLOT_COUNT - 1);
        return;
    }
    for (size_t i = 0; i < nslots; i++) {
        uint32_t v = row[slots[i]];
        if (!v) continue;
        const wn_value *value = &s->slots[slots[i]].values[v];
        if (stage == 1)
            wn_prefetch(value);
        else
            wn_prefetch(value->str);
    }
}

/* Better evidence of a match first: exact < close < loose < different; any
 * compared value beats missing. */
static bool better_level(int candidate, int best)
{
    if (best == WN_LVL_MISSING) return candidate != WN_LVL_MISSING;
    return candidate != WN_LVL_MISSING && candidate < best;
}

int wn_compare_field(const wn_store *s, const wn_comparison *c, uint32_t a, uint32_t b,
                     double *similarity)
{
    int slots[3];
    size_t n = wn_compare_field_slots(c->field, slots);
    int best = WN_LVL_MISSING;
    double best_sim = 0.0;
    for (size_t i = 0; i < n; i++) {
        for (size_t j = 0; j < n; j++) {
            uint32_t va = wn_store_vid(s, a, slots[i]), vb = wn_store_vid(s, b, slots[j]);
            if (!va || !vb) continue;
            const wn_value *x = &s->slots[slots[i]].values[va], *y = &s->slots[slots[j]].values[vb];
            bool doubt = x->unverified || y->unverified;
            if (slots[i] == slots[j] && va == vb && !doubt) { /* interned: equal values */
                *similarity = 1.0;
                return WN_LVL_EXACT;
            }
            double sim;
            int lvl = compare_values(c, x->str, x->len, y->str, y->len, &sim);
            if (doubt && lvl == WN_LVL_EXACT) lvl = WN_LVL_CLOSE; /* store.h: unverified */
            if (better_level(lvl, best)) {
                best = lvl;
                best_sim = sim;
            }
        }
    }
    *similarity = best_sim;
    return best;
}

/*
 * Given and family name entered the other way round ("Quilliam Ashleigh"):
 * when both names disagree in place, compare them crosswise; if both agree
 * that way, each counts as close (not exact: a swap is weaker evidence than
 * agreement in place).
 */
static void swapped_names(const wn_store *s, const wn_rules *r, uint32_t a, uint32_t b, int *levels,
                          size_t n)
{
    size_t kf = n, kl = n;
    for (size_t k = 0; k < n; k++) {
        if (r->comparisons[k].field == WN_F_FIRST_NAME)
            kf = k;
        else if (r->comparisons[k].field == WN_F_LAST_NAME)
            kl = k;
    }
    if (kf == n || kl == n || levels[kf] != WN_LVL_DIFFERENT || levels[kl] != WN_LVL_DIFFERENT)
        return;
    const wn_comparison *cf = &r->comparisons[kf], *cl = &r->comparisons[kl];
    double sim1 =
        wn_jaro_winkler(wn_store_str(s, a, WN_F_FIRST_NAME), wn_store_len(s, a, WN_F_FIRST_NAME),
                        wn_store_str(s, b, WN_F_LAST_NAME), wn_store_len(s, b, WN_F_LAST_NAME));
    double sim2 =
        wn_jaro_winkler(wn_store_str(s, a, WN_F_LAST_NAME), wn_store_len(s, a, WN_F_LAST_NAME),
                        wn_store_str(s, b, WN_F_FIRST_NAME), wn_store_len(s, b, WN_F_FIRST_NAME));
    /* loose, not close: the stored given name is already canonical (Danny is
     * daniel), the family name is not, so a swapped nickname is only near. */
    if (sim1 >= cf->loose && sim2 >= cl->loose) {
        levels[kf] = WN_LVL_CLOSE;
        levels[kl] = WN_LVL_CLOSE;
    }
}

uint64_t wn_compare_pair(const wn_store *s, const wn_rules *r, uint32_t a, uint32_t b)
{
    int levels[WN_COMPARE_MAX] = {0};
    size_t n = r->ncomparisons < WN_COMPARE_MAX ? r->ncomparisons : WN_COMPARE_MAX;
    for (size_t k = 0; k < n; k++) {
        double sim;
        levels[k] = wn_compare_field(s, &r->comparisons[k], a, b, &sim);
    }
    swapped_names(s, r, a, b, levels, n);
    uint64_t vec = 0;
    for (size_t k = 0; k < n; k++)
        vec |= (uint64_t)levels[k] << (3 * k);
    return vec;
}
