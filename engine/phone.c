/*
 * phone.c -- telephone numbers to E.164; see phone.h.
 *
 * Parsing runs in three stages: the cell is cleaned (spreadsheet guards,
 * labels, extension) into a plain digit string plus "had a '+'"; the digit
 * string is resolved against numbering plans, trying the readings a human
 * would (international prefix, trunk prefix, missing '+', lost leading zero)
 * in an order that lets the unambiguous ones win; the first reading whose
 * national significant number has a valid length for its plan is taken.
 */
#include "phone.h"

#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "country.h"
#include "strmap.h"
#include "table.h"

#define MAX_DIGITS 24 /* more digits than E.164 allows with any prefix: not one number */
#define MAX_EXT    7
#define MAX_ALTS   8
#define ALT_LEN    8

enum { COL_REGION, COL_CC, COL_TRUNK, COL_IDD, COL_LENGTHS, COL_MOBILE, NCOLS };

typedef struct plan {
    char cc[4];
    size_t cclen;
    char trunk[MAX_ALTS][ALT_LEN]; /* national prefixes, current first */
    size_t ntrunk;
    char idd[MAX_ALTS][ALT_LEN]; /* international prefixes */
    size_t nidd;
    uint32_t lengths;   /* bit n set: an NSN of n digits is valid */
    const char *mobile; /* leading digits of mobile NSNs, '|'-separated */
    bool nanp;          /* +1: area code and exchange start with 2-9 */
    bool listed;        /* from phone_plans.csv, not made up from countries.csv */
} plan;

static struct {
    wn_table table;
    plan *plans;
    size_t nplans;
    wn_strmap by_region; /* alpha-2 -> index */
    wn_strmap by_cc;     /* calling code -> index of its first plan */
    /* The plan of the country code that numbers beginning with these three
     * digits start with (NULL: none), and the made-up plans among them. */
    const plan *by_prefix[1000];
    plan *generic;
} db;
static pthread_once_t db_once = PTHREAD_ONCE_INIT;

static void split_alts(const char *list, char dst[MAX_ALTS][ALT_LEN], size_t *n)
{
    *n = 0;
    while (*list && *n < MAX_ALTS) {
        size_t l = strcspn(list, "|");
        if (l > 0 && l < ALT_LEN) {
            memcpy(dst[*n], list, l);
            dst[(*n)++][l] = '\0';
        }
        list += l + (list[l] == '|');
    }
}

/* "9-10|12" -> bits 9, 10 and 12. */
static uint32_t parse_lengths(const char *s)
{
    uint32_t mask = 0;
    while (*s) {
        char *end;
        unsigned long lo = strtoul(s, &end, 10), hi = lo;
        if (*end == '-') hi = strtoul(end + 1, &end, 10);
        for (unsigned long n = lo; n <= hi && n < 32; n++)
            mask |= 1u << n;
        s = *end == '|' ? end + 1 : end + strlen(end);
    }
    return mask;
}

static void plan_init(plan *p, const char *cc, const char *trunk)
{
    memset(p, 0, sizeof *p);
    snprintf(p->cc, sizeof p->cc, "%s", cc);
    p->cclen = strlen(p->cc);
    split_alts(trunk, p->trunk, &p->ntrunk);
    p->nanp = strcmp(p->cc, "1") == 0;
    p->mobile = "";
}

static void prefixes_load(void);

static void db_load(void)
{
    wn_error err;
    if (wn_table_load_embedded(&db.table, "data/phone_plans.csv", &err) != WN_OK) {
        fprintf(stderr, "winnow: %s\n", err.msg);
        abort();
    }
    db.plans = wn_xcalloc(db.table.nrows, sizeof *db.plans);
    wn_strmap_init(&db.by_region);
    wn_strmap_init(&db.by_cc);
    for (size_t r = 0; r < db.table.nrows; r++) {
        const wn_table_row *row = &db.table.rows[r];
        if (row->nfields != NCOLS || strcmp(row->fields[COL_REGION], "region") == 0) continue;
        size_t index = db.nplans++;
        plan *p = &db.plans[index];
        plan_init(p, row->fields[COL_CC], row->fields[COL_TRUNK]);
        split_alts(row->fields[COL_IDD], p->idd, &p->nidd);
        p->lengths = parse_lengths(row->fields[COL_LENGTHS]);
        p->mobile = row->fields[COL_MOBILE];
        p->listed = true;
        wn_strmap_putz(&db.by_region, row->fields[COL_REGION], index);
        if (!wn_strmap_getz(&db.by_cc, p->cc, NULL)) wn_strmap_putz(&db.by_cc, p->cc, index);
    }
    prefixes_load();
}

/* A plan for a country phone_plans.csv does not list: its calling code and
 * trunk prefix from countries.csv, any length E.164 allows. */
static const plan *generic_plan(const wn_country *c, plan *tmp)
{
    plan_init(tmp, c->calling_code, c->trunk_prefix);
    tmp->lengths = tmp->nanp ? 1u << 10 : 0;
    for (size_t n = 4; !tmp->nanp && n + tmp->cclen <= 15; n++)
        tmp->lengths |= 1u << n;
    return tmp;
}

static const plan *plan_for_region(const char *region, plan *tmp)
{
    if (!region || strlen(region) != 2) return NULL;
    char key[3] = {(char)(region[0] & ~0x20), (char)(region[1] & ~0x20), '\0'};
    uint64_t index;
    if (wn_strmap_get(&db.by_region, key, 2, &index)) return &db.plans[index];
    const wn_country *c = wn_country_get(key);
    return c ? generic_plan(c, tmp) : NULL;
}

/* The plan of the country code that `digits` start with. */
static const plan *plan_lookup(const char *digits, size_t n, plan *tmp)
{
    const wn_country *c = wn_country_by_calling_code(digits, n);
    if (!c) return NULL;
    uint64_t index;
    if (wn_strmap_getz(&db.by_cc, c->calling_code, &index)) return &db.plans[index];
    return generic_plan(c, tmp);
}

/* Country codes have at most three digits, so three digits decide the plan:
 * a number's plan is one array index away, not three hash lookups. */
static void prefixes_load(void)
{
    db.generic = wn_xcalloc(1000, sizeof *db.generic);
    for (int i = 0; i < 1000; i++) {
        char digits[4];
        snprintf(digits, sizeof digits, "%03d", i);
        db.by_prefix[i] = plan_lookup(digits, 3, &db.generic[i]);
    }
}

static const plan *plan_for_digits(const char *digits, size_t n, plan *tmp)
{
    bool three = n >= 3 && (unsigned)(digits[0] - '0') < 10 && (unsigned)(digits[1] - '0') < 10 &&
                 (unsigned)(digits[2] - '0') < 10;
    if (!three) return plan_lookup(digits, n, tmp);
    return db.by_prefix[(digits[0] - '0') * 100 + (digits[1] - '0') * 10 + (digits[2] - '0')];
}

static bool starts_with(const char *s, size_t n, const char *prefix)
{
    size_t l = strlen(prefix);
    return l <= n && memcmp(s, prefix, l) == 0;
}

static bool nsn_valid(const plan *p, const char *nsn, size_t n)
{
    if (n >= 32 || !(p->lengths >> n & 1)) return false;
    /* Where a trunk prefix exists, no NSN starts with 0: that 0 is a trunk
     * prefix or an international prefix misread. */
    if (p->ntrunk > 0 && nsn[0] == '0') return false;
    return !p->nanp || (nsn[0] >= '2' && nsn[3] >= '2');
}

static void emit(wn_buf *out, const plan *p, const char *nsn, size_t n)
{
    wn_buf_clear(out);
    wn_buf_putc(out, '+');
    wn_buf_append(out, p->cc, p->cclen);
    wn_buf_append(out, nsn, n);
}

/* Reads `digits` as country code + NSN, the NSN possibly still carrying a
 * trunk prefix ("+44 020 ...", "+52 1 55 ..."). */
static bool resolve_intl(const char *digits, size_t n, bool listed_only, wn_buf *out)
{
    plan tmp;
    const plan *p = plan_for_digits(digits, n, &tmp);
    if (!p || (listed_only && !p->listed)) return false;
    const char *nsn = digits + p->cclen;
    size_t m = n - p->cclen;
    if (nsn_valid(p, nsn, m)) {
        emit(out, p, nsn, m);
        return true;
    }
    for (size_t t = 0; t < p->ntrunk; t++) {
        size_t l = strlen(p->trunk[t]);
        if (starts_with(nsn, m, p->trunk[t]) && nsn_valid(p, nsn + l, m - l)) {
            emit(out, p, nsn + l, m - l);
            return true;
        }
    }
    return false;
}

/* Reads `digits` as a number of region `p` dialled without international
 * prefix. Where the region has a trunk prefix, a number without it that
 * starts with the country code most likely lost its '+'; where it has none,
 * the country code reading comes last (Italian 39x mobiles are national). */
static bool resolve_national(const plan *p, const char *digits, size_t n, wn_buf *out)
{
    for (size_t t = 0; t < p->ntrunk; t++) {
        size_t l = strlen(p->trunk[t]);
        if (starts_with(digits, n, p->trunk[t]) && nsn_valid(p, digits + l, n - l)) {
            emit(out, p, digits + l, n - l);
            return true;
        }
    }
    bool has_cc = n > p->cclen && memcmp(digits, p->cc, p->cclen) == 0;
    if (p->ntrunk > 0 && has_cc && resolve_intl(digits, n, false, out)) return true;
    if (nsn_valid(p, digits, n)) {
        emit(out, p, digits, n);
        return true;
    }
    return p->ntrunk == 0 && has_cc && resolve_intl(digits, n, false, out);
}

static bool nanp_valid(const char *digits, size_t n)
{
    plan nanp;
    plan_init(&nanp, "1", "1");
    nanp.lengths = 1u << 10;
    if (n == 11 && digits[0] == '1') digits++, n--;
    return nsn_valid(&nanp, digits, n);
}

/* Tries every international prefix the region could have dialled. */
static bool resolve_idd(const plan *region, const char *digits, size_t n, wn_buf *out)
{
    static const char *const fallback[] = {"00", "011"};
    for (size_t i = 0; region && i < region->nidd; i++) {
        size_t l = strlen(region->idd[i]);
        if (starts_with(digits, n, region->idd[i]) && resolve_intl(digits + l, n - l, false, out))
            return true;
    }
    for (size_t i = 0; i < (region ? 1u : 2u); i++) {
        size_t l = strlen(fallback[i]);
        if (starts_with(digits, n, fallback[i]) && resolve_intl(digits + l, n - l, false, out))
            return true;
    }
    return false;
}

static wn_norm_status resolve(const char *digits, size_t n, bool plus, const char *region,
                              wn_buf *out)
{
    if (plus) return resolve_intl(digits, n, false, out) ? WN_NORM_OK : WN_NORM_INVALID;
    plan tmp;
    const plan *p = plan_for_region(region, &tmp);
    if (resolve_idd(p, digits, n, out)) return WN_NORM_OK;
    if (p) return resolve_national(p, digits, n, out) ? WN_NORM_OK : WN_NORM_INVALID;
    if (nanp_valid(digits, n)) {
        wn_buf_clear(out);
        wn_buf_puts(out, "+1");
        wn_buf_append(out, digits + (n == 11), 10);
        return WN_NORM_OK;
    }
    if (n >= 11 && resolve_intl(digits, n, true, out)) return WN_NORM_SUSPICIOUS;
    return WN_NORM_INVALID;
}

/* ---- cleaning the cell ---- */

typedef struct scan {
    char digits[MAX_DIGITS];
    size_t n;
    bool plus;
    size_t trailing_letters; /* digits at the end that came from letters */
} scan;

static bool is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

static bool is_alpha(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

static void trim(const char **s, size_t *len)
{
    while (*len > 0 && is_space(**s))
        (*s)++, (*len)--;
    while (*len > 0 && is_space((*s)[*len - 1]))
        (*len)--;
}

/* Excel's ways of keeping a number as text: a leading apostrophe, ="...";
 * and the ".0" a float conversion (pandas, some BI exports) appends. */
static void strip_spreadsheet_guards(const char **s, size_t *len)
{
    if (*len >= 3 && (*s)[0] == '=' && (*s)[1] == '"' && (*s)[*len - 1] == '"') {
        *s += 2;
        *len -= 3;
    } else if (*len > 0 && (*s)[0] == '\'') {
        (*s)++, (*len)--;
    }
    trim(s, len);
    if (*len > 2 && (*s)[*len - 2] == '.' && (*s)[*len - 1] == '0') {
        size_t i = (*s)[0] == '+';
        while (i < *len - 2 && is_digit((*s)[i]))
            i++;
        if (i == *len - 2) *len -= 2;
    }
}

/* "4.47911E+11": Excel showed a long number in scientific notation and the
 * export kept only six significant digits; the number cannot be recovered. */
static bool is_scientific(const char *s, size_t len)
{
    size_t i = 0, mantissa = 0;
    while (i < len && (is_digit(s[i]) || s[i] == '.' || s[i] == ','))
        mantissa += is_digit(s[i++]);
    if (mantissa == 0 || i >= len || (s[i] != 'E' && s[i] != 'e')) return false;
    i++;
    if (i < len && (s[i] == '+' || s[i] == '-')) i++;
    size_t exponent = 0;
    while (i < len && is_digit(s[i]))
        i++, exponent++;
    return exponent > 0 && i == len;
}

/* Drops a leading label such as "Tel:", "Mobile:", "Tel.: ". */
static void strip_label(const char **s, size_t *len)
{
    const char *colon = memchr(*s, ':', *len);
    if (!colon || colon == *s) return;
    for (const char *p = *s; p < colon; p++)
        if (!is_alpha(*p) && *p != ' ' && *p != '.') return;
    *len -= (size_t)(colon + 1 - *s);
    *s = colon + 1;
    trim(s, len);
}

static bool ends_with_marker_ci(const char *s, size_t end, const char *marker, size_t l)
{
    if (l > end) return false;
    for (size_t i = 0; i < l; i++)
        if ((s[end - l + i] | 0x20) != marker[i]) return false;
    /* "x" must not be the end of a word ("BOX"): only a separate marker counts. */
    return end == l || !is_alpha(s[end - l - 1]);
}

/* Splits a trailing extension ("x123", "ext. 123", "#12") into `ext`;
 * shortens *len to the number before it. */
static void split_extension(const char *s, size_t *len, wn_buf *ext)
{
    static const struct {
        const char *text;
        size_t len;
    } markers[] = {{"extension", 9}, {"ext", 3}, {"xtn", 3}, {"x", 1}, {"#", 1}};
    size_t end = *len;
    while (end > 0 && is_space(s[end - 1]))
        end--;
    size_t digits_end = end;
    while (end > 0 && is_digit(s[end - 1]))
        end--;
    size_t ndigits = digits_end - end;
    if (ndigits == 0 || ndigits > MAX_EXT) return;
    size_t digits_start = end;
    while (end > 0 && (is_space(s[end - 1]) || s[end - 1] == '.' || s[end - 1] == ':'))
        end--;
    for (size_t m = 0; m < sizeof markers / sizeof markers[0]; m++) {
        if (markers[m].text[0] == '#'
                ? end > 0 && s[end - 1] == '#'
                : ends_with_marker_ci(s, end, markers[m].text, markers[m].len)) {
            size_t start = end - markers[m].len;
            if (start == 0) return; /* nothing before it: not an extension */
            wn_buf_append(ext, s + digits_start, ndigits);
            *len = start;
            return;
        }
    }
}

/* ITU-T E.161 keypad: ABC=2, DEF=3, GHI=4, JKL=5, MNO=6, PQRS=7, TUV=8, WXYZ=9. */
static char e161(char c)
{
    static const char keys[] = "22233344455566677778889999";
    return keys[(c | 0x20) - 'a'];
}

static bool push(scan *sc, char digit, bool from_letter)
{
    if (sc->n == MAX_DIGITS) return false;
    sc->digits[sc->n++] = digit;
    sc->trailing_letters = from_letter ? sc->trailing_letters + 1 : 0;
    return true;
}

/* Width in bytes of a UTF-8 separator at `s` (no-break and thin spaces,
 * Unicode hyphens and dashes, minus sign), or 0. */
static size_t unicode_separator(const unsigned char *s, size_t len)
{
    if (len >= 2 && s[0] == 0xC2 && s[1] == 0xA0) return 2;
    if (len >= 3 && s[0] == 0xE2 && s[1] == 0x80 &&
        ((s[2] >= 0x90 && s[2] <= 0x95) || s[2] == 0x89 || s[2] == 0xAF))
        return 3;
    if (len >= 3 && s[0] == 0xE2 && s[1] == 0x88 && s[2] == 0x92) return 3;
    return 0;
}

/* Collects the digits; false on a character no phone number contains. */
static bool scan_number(const char *s, size_t len, scan *sc)
{
    for (size_t i = 0; i < len; i++) {
        char c = s[i];
        size_t w;
        if (is_digit(c)) {
            if (!push(sc, c, false)) return false;
        } else if (c == '+' && sc->n == 0 && !sc->plus) {
            sc->plus = true;
        } else if (c == '(' && sc->n > 0 && i + 2 < len && s[i + 1] == '0' && s[i + 2] == ')') {
            i += 2; /* "+44 (0)20": the trunk prefix shown for national callers */
        } else if (is_alpha(c) && sc->n > 0) {
            if (!push(sc, e161(c), true)) return false;
        } else if (c == ' ' || c == '-' || c == '.' || c == '(' || c == ')' || c == '/' ||
                   c == '\t') {
            continue;
        } else if (i + 2 < len && (unsigned char)c == 0xEF && (unsigned char)s[i + 1] == 0xBC &&
                   (unsigned char)s[i + 2] >= 0x90 && (unsigned char)s[i + 2] <= 0x99) {
            /* Fullwidth digits, as East Asian input methods type them. */
            if (!push(sc, (char)('0' + (unsigned char)s[i + 2] - 0x90), false)) return false;
            i += 2;
        } else if ((w = unicode_separator((const unsigned char *)s + i, len - i)) > 0) {
            i += w - 1;
        } else {
            return false;
        }
    }
    return true;
}

wn_norm_status wn_phone_normalize(const char *s, size_t len, const char *default_region,
                                  wn_buf *e164_out, wn_buf *ext_out)
{
    pthread_once(&db_once, db_load);
    wn_buf_clear(e164_out);
    wn_buf_clear(ext_out);
    trim(&s, &len);
    strip_spreadsheet_guards(&s, &len);
    if (len == 0) return WN_NORM_EMPTY;
    if (is_scientific(s, len)) {
        wn_buf_append(e164_out, s, len);
        return WN_NORM_INVALID;
    }
    strip_label(&s, &len);
    split_extension(s, &len, ext_out);
    scan sc = {.n = 0};
    bool clean = scan_number(s, len, &sc);
    if (clean && sc.n == 0 && !sc.plus && ext_out->len == 0) return WN_NORM_EMPTY;
    if (clean && sc.n > 0) {
        /* Vanity words may be longer than the number: drop surplus letters. */
        for (size_t cut = 0; cut <= sc.trailing_letters && cut < sc.n; cut++) {
            wn_norm_status st = resolve(sc.digits, sc.n - cut, sc.plus, default_region, e164_out);
            if (st != WN_NORM_INVALID) return st;
        }
    }
    wn_buf_clear(e164_out);
    if (sc.plus) wn_buf_putc(e164_out, '+');
    wn_buf_append(e164_out, sc.digits, sc.n);
    return WN_NORM_INVALID;
}

bool wn_phone_is_mobile(const char *e164, size_t len)
{
    pthread_once(&db_once, db_load);
    if (len < 2 || e164[0] != '+') return false;
    plan tmp;
    const plan *p = plan_for_digits(e164 + 1, len - 1, &tmp);
    if (!p) return false;
    const char *nsn = e164 + 1 + p->cclen;
    size_t n = len - 1 - p->cclen;
    for (const char *m = p->mobile; *m;) {
        size_t l = strcspn(m, "|");
        if (l > 0 && l <= n && memcmp(nsn, m, l) == 0) return true;
        m += l + (m[l] == '|');
    }
    return false;
}
