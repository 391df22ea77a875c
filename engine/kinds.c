/*
 * kinds.c -- column kinds from headers, and quick validity checks; see kinds.h.
 */
#include "kinds.h"

#include <ctype.h>
#include <string.h>

const char *wn_column_kind_name(int kind)
{
    switch (kind) {
    case WN_KIND_EMAIL:
        return "email";
    case WN_KIND_PHONE:
        return "phone";
    case WN_KIND_DATE:
        return "date";
    default:
        return "text";
    }
}

/* Splits a header into lower-case ASCII words at non-alphanumerics and at
 * lower-to-upper case changes ("CreatedDate" -> "created date"). */
static size_t header_words(const char *name, char words[][32], size_t max)
{
    size_t n = 0, len = 0;
    for (const char *p = name;; p++) {
        unsigned char c = (unsigned char)*p;
        bool boundary = !isalnum(c) || (len > 0 && isupper(c) && islower((unsigned char)p[-1]));
        if (boundary && len > 0) {
            words[n][len] = '\0';
            if (++n == max) return n;
            len = 0;
        }
        if (c == '\0') return n;
        if (isalnum(c) && len < 31) words[n][len++] = (char)tolower(c);
    }
}

static bool ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && strcmp(s + n - m, suffix) == 0;
}

static int word_kind(const char *w)
{
    if (strstr(w, "mail") || strcmp(w, "courriel") == 0) return WN_KIND_EMAIL;
    if (strstr(w, "phone") || strstr(w, "mobile") || strncmp(w, "tel", 3) == 0 ||
        strcmp(w, "fax") == 0 || strcmp(w, "cell") == 0 || strcmp(w, "handy") == 0)
        return WN_KIND_PHONE;
    if (strcmp(w, "dob") == 0 || strncmp(w, "birth", 5) == 0 || strcmp(w, "geburtsdatum") == 0 ||
        strcmp(w, "fecha") == 0 || strcmp(w, "datum") == 0)
        return WN_KIND_DATE;
    if (ends_with(w, "date") && strcmp(w, "candidate") != 0 && strcmp(w, "validate") != 0 &&
        strcmp(w, "mandate") != 0 && strcmp(w, "update") != 0)
        return WN_KIND_DATE;
    return WN_KIND_TEXT;
}

int wn_kind_from_header(const char *name)
{
    char words[16][32];
    size_t n = header_words(name, words, 16);
    /* "Email Opt Out" or "Phone Type" are not emails or phones: only a header
     * whose kind word is not followed by a qualifier counts. */
    static const char *const qualifiers[] = {"opt",   "optout", "type",   "status", "bounced",
                                             "count", "format", "domain", "source", "verified"};
    int kind = WN_KIND_TEXT;
    for (size_t i = 0; i < n; i++) {
        int k = word_kind(words[i]);
        if (k != WN_KIND_TEXT) {
            kind = k;
            continue;
        }
        for (size_t q = 0; q < sizeof qualifiers / sizeof *qualifiers; q++)
            if (kind != WN_KIND_TEXT && strcmp(words[i], qualifiers[q]) == 0) return WN_KIND_TEXT;
    }
    return kind;
}

/* ---- email -------------------------------------------------------------- */

/* The ASCII punctuation an email's local part may hold (RFC 5322 atext and
 * the dot), as a table: a lookup, not a search, per byte. */
static const bool email_punct[128] = {
    ['!'] = 1, ['#'] = 1, ['$'] = 1, ['%'] = 1, ['&'] = 1, ['\''] = 1, ['*'] = 1,
    ['+'] = 1, ['/'] = 1, ['='] = 1, ['?'] = 1, ['^'] = 1, ['_'] = 1,  ['`'] = 1,
    ['{'] = 1, ['|'] = 1, ['}'] = 1, ['~'] = 1, ['.'] = 1, ['-'] = 1,
};

static bool email_local_char(unsigned char c)
{
    return isalnum(c) || c >= 0x80 || email_punct[c];
}

static bool email_valid(const char *s, size_t len)
{
    const char *at = memchr(s, '@', len);
    if (!at || memchr(at + 1, '@', len - (size_t)(at - s) - 1)) return false;
    size_t local = (size_t)(at - s);
    if (local == 0 || local > 64 || s[0] == '.' || at[-1] == '.') return false;
    for (size_t i = 0; i < local; i++)
        if (!email_local_char((unsigned char)s[i]) || (s[i] == '.' && s[i + 1] == '.'))
            return false;
    const char *d = at + 1, *end = s + len;
    size_t labels = 0, label_len = 0, tld_alpha = 0;
    for (const char *p = d; p <= end; p++) {
        if (p == end || *p == '.') {
            if (label_len == 0 || p[-1] == '-') return false;
            labels++;
            label_len = 0;
            continue;
        }
        unsigned char c = (unsigned char)*p;
        if (!(isalnum(c) || c == '-' || c >= 0x80) || (label_len == 0 && c == '-')) return false;
        if (label_len == 0) tld_alpha = 0;
        label_len++;
        tld_alpha += isalpha(c) || c >= 0x80;
    }
    return labels >= 2 && tld_alpha >= 2;
}

/* ---- phone -------------------------------------------------------------- */

/* What may stand between a phone number's digits. */
static const bool phone_separator[256] = {
    [' '] = 1, ['('] = 1, [')'] = 1, ['-'] = 1, ['.'] = 1, ['/'] = 1, ['+'] = 1, ['\t'] = 1,
};

static bool phone_valid(const char *s, size_t len)
{
    size_t digits = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (isdigit(c)) {
            digits++;
        } else if (c == 'x' || c == 'X' || c == '#' || c == 'e' || c == 'E') {
            /* an extension: "x123", "ext. 123", "#123" -- the number is before it */
            break;
        } else if (!phone_separator[c]) {
            return false;
        }
    }
    return digits >= 7 && digits <= 15;
}

/* ---- date --------------------------------------------------------------- */

static const char *const month_names[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                          "jul", "aug", "sep", "oct", "nov", "dec"};

static int days_in_month(int y, int m)
{
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return m == 2 && leap ? 29 : days[m - 1];
}

static bool ymd_ok(int y, int m, int d)
{
    return y >= 1800 && y <= 2200 && m >= 1 && m <= 12 && d >= 1 && d <= days_in_month(y, m);
}

/* Tokens of a date: numbers (with their digit count) and month names. */
typedef struct date_token {
    int value;
    int digits; /* 0 for a month name */
} date_token;

static size_t date_tokens(const char *s, size_t len, date_token *tok, size_t max, size_t *stop)
{
    size_t n = 0, i = 0;
    while (i < len && n < max) {
        unsigned char c = (unsigned char)s[i];
        if (isdigit(c)) {
            int v = 0, digits = 0;
            while (i < len && isdigit((unsigned char)s[i]) && digits < 9)
                v = v * 10 + (s[i++] - '0'), digits++;
            tok[n++] = (date_token){v, digits};
        } else if (isalpha(c)) {
            char word[4] = {0};
            size_t wl = 0;
            while (i < len && isalpha((unsigned char)s[i])) {
                if (wl < 3) word[wl] = (char)tolower((unsigned char)s[i]);
                wl++, i++;
            }
            int month = 0;
            for (int m = 0; m < 12 && wl >= 3; m++)
                if (memcmp(word, month_names[m], 3) == 0) month = m + 1;
            if (!month) { /* "T" of ISO time, "st"/"th" of "5th": stop or skip */
                if (wl == 1 && (word[0] == 't')) break;
                if (wl == 2 && n > 0) continue;
                *stop = i;
                return 0;
            }
            tok[n++] = (date_token){month, 0};
        } else if (strchr(" -/.,\t", c)) {
            i++;
        } else {
            break;
        }
        /* A time of day follows a full date: ignore it. */
        if (n == 3 && i < len && (s[i] == ' ' || s[i] == 'T')) break;
    }
    *stop = i;
    return n;
}

/* The value of the n digits at s, or -1 if one is not a digit. */
static int digits_value(const char *s, size_t n)
{
    int v = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9') return -1;
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

static bool date_valid(const char *s, size_t len)
{
    /* YYYY-MM-DD, alone or before a time: what date_tokens() would make of
     * it (three numbers, the year first), without the tokens. */
    if (len >= 10 && s[4] == '-' && s[7] == '-' && (len == 10 || s[10] == ' ' || s[10] == 'T')) {
        int y = digits_value(s, 4), m = digits_value(s + 5, 2), d = digits_value(s + 8, 2);
        if (y >= 0 && m >= 0 && d >= 0) return ymd_ok(y, m, d);
    }
    date_token t[4];
    size_t stop = 0;
    size_t n = date_tokens(s, len, t, 4, &stop);
    if (n == 1 && t[0].digits == 8) /* YYYYMMDD */
        return ymd_ok(t[0].value / 10000, t[0].value / 100 % 100, t[0].value % 100);
    if (n == 1 && t[0].digits == 5 && stop == len) /* an Excel serial day number */
        return t[0].value >= 10000;
    if (n != 3) return false;
    /* Which token is the month name, if any. */
    for (int k = 0; k < 3; k++) {
        if (t[k].digits != 0) continue;
        int a = t[(k + 1) % 3].value, b = t[(k + 2) % 3].value;
        int y = k == 2 ? a : b, d = k == 2 ? b : a; /* "5 Jan 2020", "Jan 5 2020" */
        if (k == 1) d = t[0].value, y = t[2].value;
        return ymd_ok(y, t[k].value, d);
    }
    if (t[0].digits == 4) /* Y M D */
        return ymd_ok(t[0].value, t[1].value, t[2].value);
    int y = t[2].value;
    if (t[2].digits == 2)
        y += y < 50 ? 2000 : 1900;
    else if (t[2].digits != 4)
        return false;
    /* Day and month order can't be told from one value: either is fine. */
    return ymd_ok(y, t[0].value, t[1].value) || ymd_ok(y, t[1].value, t[0].value);
}

bool wn_kind_value_valid(int kind, const char *s, size_t len)
{
    switch (kind) {
    case WN_KIND_EMAIL:
        return email_valid(s, len);
    case WN_KIND_PHONE:
        return phone_valid(s, len);
    case WN_KIND_DATE:
        return date_valid(s, len);
    default:
        return true;
    }
}
