/*
 * postal.c -- postal code formats per country; see postal.h.
 *
 * A format is written as the canonical code looks: '9' a digit, 'A' a
 * letter, '?' either, ' ' and '-' literal separators. Formats come from the
 * postal operators' addressing guides as collected in the Universal Postal
 * Union's "Postal addressing systems" (POST*CODE) pages.
 */
#include "postal.h"

#include <stdbool.h>
#include <string.h>

#define CODE_MAX 16 /* letters and digits; longer is no postal code */

typedef bool postal_check(const char *code, size_t n);

typedef struct postal_rule {
    const char *formats; /* '|'-separated */
    postal_check *check; /* extra rules, or NULL */
    unsigned zeros;      /* leading zeros a spreadsheet may have dropped */
    char country[3];
} postal_rule;

static bool in_set(char c, const char *set)
{
    return c != '\0' && strchr(set, c) != NULL;
}

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

static bool is_upper(char c)
{
    return c >= 'A' && c <= 'Z';
}

/* Royal Mail rules as published with the BS 7666 postcode pattern: letters
 * by position in the outward code, none of CIKMOV in the inward code; GIR 0AA
 * is the one historic exception (Girobank). */
static bool check_gb(const char *code, size_t n)
{
    if (n == 6 && memcmp(code, "GIR0AA", 6) == 0) return true;
    size_t out = n - 3;
    if (in_set(code[n - 2], "CIKMOV") || in_set(code[n - 1], "CIKMOV")) return false;
    if (in_set(code[0], "QVX") || (is_upper(code[1]) && in_set(code[1], "IJZ"))) return false;
    if (out == 3 && is_upper(code[1]) && is_upper(code[2]))
        return false; /* three letters: only GIR */
    if (out == 3 && is_digit(code[1]) && is_upper(code[2]))
        return in_set(code[2], "ABCDEFGHJKPSTUW");
    if (out == 4 && is_upper(code[3])) return in_set(code[3], "ABEHMNPRVWXY");
    return true;
}

/* Canada Post: D F I O Q U never appear; W and Z never lead. */
static bool check_ca(const char *code, size_t n)
{
    (void)n;
    for (size_t i = 0; i < 6; i += 2)
        if (in_set(code[i], "DFIOQU")) return false;
    return !in_set(code[0], "WZ");
}

/* PostNL: no leading 0; SA, SD and SS are not issued. */
static bool check_nl(const char *code, size_t n)
{
    (void)n;
    static const char *const banned[] = {"SA", "SD", "SS"};
    for (size_t i = 0; i < 3; i++)
        if (memcmp(code + 4, banned[i], 2) == 0) return false;
    return code[0] != '0';
}

/* The first two digits are the province, 01 to 52. */
static bool check_es(const char *code, size_t n)
{
    (void)n;
    int province = (code[0] - '0') * 10 + (code[1] - '0');
    return province >= 1 && province <= 52;
}

static bool check_no_leading_zero(const char *code, size_t n)
{
    (void)n;
    return code[0] != '0';
}

/* Eircode: routing key (letter + two digits, or D6W) and a unique
 * identifier from a restricted alphabet. */
static bool check_ie(const char *code, size_t n)
{
    (void)n;
    static const char alphabet[] = "ACDEFHKNPRTVWXY0123456789";
    if (is_upper(code[2]) && memcmp(code, "D6W", 3) != 0) return false;
    for (size_t i = 3; i < 7; i++)
        if (!in_set(code[i], alphabet)) return false;
    return in_set(code[0], alphabet);
}

static const postal_rule rules[] = {
    {"9999|A9999AAA", NULL, 0, "AR"},
    {"9999", check_no_leading_zero, 0, "AT"},
    {"9999", NULL, 1, "AU"},
    {"9999", check_no_leading_zero, 0, "BE"},
    {"99999-999", NULL, 1, "BR"},
    {"A9A 9A9", check_ca, 0, "CA"},
    {"9999", check_no_leading_zero, 0, "CH"},
    {"999999", NULL, 0, "CN"},
    {"999 99", NULL, 0, "CZ"},
    {"99999", NULL, 1, "DE"},
    {"9999", check_no_leading_zero, 0, "DK"},
    {"99999", NULL, 0, "EE"},
    {"99999", check_es, 1, "ES"},
    {"99999", NULL, 2, "FI"},
    {"99999", NULL, 1, "FR"},
    {"A9 9AA|A99 9AA|AA9 9AA|AA99 9AA|A9A 9AA|AA9A 9AA|AAA 9AA", check_gb, 0, "GB"},
    {"999 99", NULL, 0, "GR"},
    {"99999", NULL, 0, "HR"},
    {"9999", NULL, 0, "HU"},
    {"A99 ????|A9A ????", check_ie, 0, "IE"},
    {"9999999", NULL, 0, "IL"},
    {"999999", check_no_leading_zero, 0, "IN"},
    {"999", NULL, 0, "IS"},
    {"99999", NULL, 2, "IT"},
    {"999-9999", NULL, 1, "JP"},
    {"99999", NULL, 1, "KR"},
    {"99999", NULL, 0, "LT"},
    {"9999", NULL, 0, "LU"},
    {"9999", NULL, 0, "LV"},
    {"99999", NULL, 1, "MX"},
    {"9999 AA", check_nl, 0, "NL"},
    {"9999", NULL, 1, "NO"},
    {"9999", NULL, 1, "NZ"},
    {"99-999", NULL, 0, "PL"},
    {"9999-999", NULL, 0, "PT"},
    {"999999", NULL, 1, "RO"},
    {"999999", NULL, 0, "RU"},
    {"999 99", NULL, 0, "SE"},
    {"999999", NULL, 1, "SG"},
    {"9999", NULL, 0, "SI"},
    {"999 99", NULL, 0, "SK"},
    {"99999", NULL, 1, "TR"},
    {"99999", NULL, 1, "UA"},
    {"99999|99999-9999", NULL, 2, "US"},
    {"9999", NULL, 1, "ZA"},
};

static const postal_rule *find_rule(const char *country)
{
    if (!country || !country[0] || !country[1]) return NULL;
    char cc[2] = {(char)(country[0] & ~0x20), (char)(country[1] & ~0x20)};
    for (size_t i = 0; i < sizeof rules / sizeof rules[0]; i++)
        if (rules[i].country[0] == cc[0] && rules[i].country[1] == cc[1]) return &rules[i];
    return NULL;
}

static char upper(char c)
{
    return c >= 'a' && c <= 'z' ? (char)(c - 32) : c;
}

static bool is_alnum(char c)
{
    return is_digit(c) || is_upper(upper(c));
}

static bool is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* Writes the text uppercased with blank runs collapsed. OK if it is 2..10
 * ASCII letters and digits with single dashes or spaces between, EMPTY if it
 * has nothing but punctuation. */
static wn_norm_status generic(const char *s, size_t len, wn_buf *out)
{
    size_t alnum = 0, punct = 0, spaces = 0, misplaced = 0;
    bool pending_space = false;
    for (size_t i = 0; i < len; i++) {
        char c = s[i];
        if (is_space(c)) {
            pending_space = out->len > 0;
            continue;
        }
        if (pending_space) {
            wn_buf_putc(out, ' ');
            spaces++;
        }
        pending_space = false;
        wn_buf_putc(out, upper(c));
        if (is_alnum(c))
            alnum++;
        else if (c > ' ' && c < 0x7f)
            punct++;
        else
            misplaced++;
        if (!is_alnum(c) && (c != '-' || i == 0 || i + 1 == len)) misplaced++;
    }
    if (alnum == 0 && punct + spaces == out->len) return WN_NORM_EMPTY;
    return misplaced == 0 && alnum >= 2 && alnum <= 10 ? WN_NORM_OK : WN_NORM_INVALID;
}

/* Letters and digits of the code, uppercased; false on any other character
 * than blanks, dashes and dots. */
static bool compact(const char *s, size_t len, char code[CODE_MAX], size_t *n)
{
    *n = 0;
    for (size_t i = 0; i < len; i++) {
        char c = s[i];
        if (is_space(c) || c == '-' || c == '.') continue;
        if (!is_alnum(c) || *n == CODE_MAX) return false;
        code[(*n)++] = upper(c);
    }
    return true;
}

static bool class_matches(char cls, char c)
{
    return cls == '9' ? is_digit(c) : cls == 'A' ? is_upper(c) : is_digit(c) || is_upper(c);
}

/* Writes `code` in format `f` (length `flen`) if it fits. */
static bool apply_format(const char *f, size_t flen, const char *code, size_t n, wn_buf *out)
{
    size_t k = 0;
    for (size_t i = 0; i < flen; i++) {
        if (f[i] == ' ' || f[i] == '-') continue;
        if (k == n || !class_matches(f[i], code[k])) return false;
        k++;
    }
    if (k != n) return false;
    wn_buf_clear(out);
    for (size_t i = 0, j = 0; i < flen; i++)
        wn_buf_putc(out, f[i] == ' ' || f[i] == '-' ? f[i] : code[j++]);
    return true;
}

static bool all_digits(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!is_digit(s[i])) return false;
    return true;
}

/* Tries each format, then each with the leading zeros a spreadsheet drops. */
static bool match_rule(const postal_rule *r, const char *code, size_t n, wn_buf *out)
{
    for (unsigned zeros = 0; zeros <= r->zeros; zeros++) {
        if (zeros > 0 && !all_digits(code, n)) return false;
        char padded[CODE_MAX + 2];
        memset(padded, '0', zeros);
        memcpy(padded + zeros, code, n);
        for (const char *f = r->formats; *f;) {
            size_t flen = strcspn(f, "|");
            if (apply_format(f, flen, padded, n + zeros, out) &&
                (!r->check || r->check(padded, n + zeros)))
                return true;
            f += flen + (f[flen] == '|');
        }
    }
    return false;
}

/* Drops "D-", "CH-", "NL-" before a code that starts with a digit, and the
 * Japanese postal mark 〒 (U+3012). */
static void strip_marker(const char **s, size_t *len)
{
    if (*len >= 3 && memcmp(*s, "\xe3\x80\x92", 3) == 0) {
        *s += 3;
        *len -= 3;
    }
    size_t i = 0;
    while (i < *len && i < 3 && is_upper(upper((*s)[i])))
        i++;
    if (i > 0 && i + 1 < *len && (*s)[i] == '-' && is_digit((*s)[i + 1])) {
        *s += i + 1;
        *len -= i + 1;
    }
}

wn_norm_status wn_postal_normalize(const char *s, size_t len, const char *country, wn_buf *out)
{
    wn_buf_clear(out);
    while (len > 0 && is_space(*s))
        s++, len--;
    while (len > 0 && is_space(s[len - 1]))
        len--;
    if (len == 0) return WN_NORM_EMPTY;
    const postal_rule *r = find_rule(country);
    if (!r) return generic(s, len, out);
    const char *body = s;
    size_t body_len = len;
    if (r->formats[0] == '9') strip_marker(&body, &body_len);
    char code[CODE_MAX];
    size_t n;
    bool clean = compact(body, body_len, code, &n);
    if (clean && n == 0) return WN_NORM_EMPTY;
    if (clean && match_rule(r, code, n, out)) return WN_NORM_OK;
    wn_buf_clear(out);
    generic(s, len, out);
    return WN_NORM_INVALID;
}
