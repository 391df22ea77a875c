/*
 * date.c -- date parsing; see date.h.
 *
 * A value is split into its date and time-of-day parts, the time part is
 * checked, and the date part is cut into tokens (numbers and words; blanks
 * and / - . , separate). Weekday names, ordinal suffixes (4th) and filler
 * words (de, of) are dropped; what remains must be one of the shapes
 * number-number-number, number-month-number or month-number-number.
 *
 * Day counting uses the days-from-civil algorithm on the proleptic Gregorian
 * calendar with eras of 400 years (H. Hinnant, "chrono-Compatible Low-Level
 * Date Algorithms").
 */
#include "date.h"

#include <limits.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define MAX_TOKENS 8
#define WORD_MAX   16

/* Excel serial 61 is 1900-03-01, which is Unix day -25508. */
#define EXCEL_EPOCH_SHIFT 25569
#define SERIAL_MAX        80000

static int pivot; /* two-digit years up to this are 20yy */
static pthread_once_t pivot_once = PTHREAD_ONCE_INIT;

static void pivot_init(void)
{
    time_t now = time(NULL);
    struct tm tm;
    int year = gmtime_r(&now, &tm) ? tm.tm_year + 1900 : 2026;
    pivot = year % 100 + 10;
}

/* ---- calendar ---- */

static bool is_leap(long y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int days_in_month(long y, int m)
{
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && is_leap(y) ? 29 : days[m - 1];
}

static bool valid_date(long y, long m, long d)
{
    return y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= days_in_month(y, (int)m);
}

static long days_from_civil(long y, long m, long d)
{
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;                                  /* [0, 399] */
    long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1; /* [0, 365] */
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;          /* [0, 146096] */
    return era * 146097 + doe - 719468;
}

static void civil_from_days(long z, long *y, long *m, long *d)
{
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    *d = doy - (153 * mp + 2) / 5 + 1;
    *m = mp < 10 ? mp + 3 : mp - 9;
    *y = yoe + era * 400 + (*m <= 2);
}

/* ---- small lexing helpers ---- */

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

static bool is_letter(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (unsigned char)c >= 0x80;
}

static bool is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

static size_t count_digits(const char *s, size_t len, size_t i)
{
    size_t start = i;
    while (i < len && is_digit(s[i]))
        i++;
    return i - start;
}

static long number(const char *s, size_t n)
{
    long v = 0;
    for (size_t i = 0; i < n; i++)
        v = v * 10 + (s[i] - '0');
    return v;
}

/* Lowercases ASCII and the Latin-1 capitals (Ä É Ñ ...) into `w`. */
static bool lower_word(const char *s, size_t n, char w[WORD_MAX + 1])
{
    if (n > WORD_MAX) return false;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 'A' && c <= 'Z')
            c += 32;
        else if (i > 0 && (unsigned char)s[i - 1] == 0xC3 && c >= 0x80 && c <= 0x9E && c != 0x97)
            c += 32;
        w[i] = (char)c;
    }
    w[n] = '\0';
    return true;
}

static bool ci_equal(const char *s, size_t n, const char *word)
{
    char w[WORD_MAX + 1];
    return lower_word(s, n, w) && strcmp(w, word) == 0;
}

/* ---- time of day ---- */

/* [+-]HH[[:]MM] at s[*i]. */
static bool parse_offset(const char *s, size_t len, size_t *i)
{
    if (*i >= len || (s[*i] != '+' && s[*i] != '-')) return false;
    (*i)++;
    size_t n = count_digits(s, len, *i);
    if (n == 4) {
        *i += 4;
        return number(s + *i - 4, 2) <= 14 && number(s + *i - 2, 2) <= 59;
    }
    if (n != 2 && n != 1) return false;
    long hours = number(s + *i, n);
    *i += n;
    if (*i < len && s[*i] == ':') {
        if (count_digits(s, len, *i + 1) != 2 || number(s + *i + 1, 2) > 59) return false;
        *i += 3;
    }
    return hours <= 14;
}

static void skip_spaces(const char *s, size_t len, size_t *i)
{
    while (*i < len && is_space(s[*i]))
        (*i)++;
}

/* Z, UTC, GMT, an offset, or UTC/GMT followed by an offset. */
static bool parse_zone(const char *s, size_t len, size_t *i)
{
    if (*i < len && (s[*i] == 'Z' || s[*i] == 'z')) {
        (*i)++;
        return true;
    }
    if (len - *i >= 3 && (ci_equal(s + *i, 3, "utc") || ci_equal(s + *i, 3, "gmt"))) {
        *i += 3;
        if (*i < len && (s[*i] == '+' || s[*i] == '-')) return parse_offset(s, len, i);
        return true;
    }
    return parse_offset(s, len, i);
}

/* Checks "HH:MM[:SS[.fff]] [AM|PM] [zone]" or basic "HHMM[SS][zone]". */
static bool valid_time(const char *s, size_t len)
{
    size_t i = 0;
    long h, m, sec = 0;
    size_t n = count_digits(s, len, 0);
    if (n == 4 || n == 6) {
        h = number(s, 2), m = number(s + 2, 2), sec = n == 6 ? number(s + 4, 2) : 0;
        i = n;
    } else {
        if (n < 1 || n > 2 || n >= len || s[n] != ':' || count_digits(s, len, n + 1) != 2)
            return false;
        h = number(s, n);
        m = number(s + n + 1, 2);
        i = n + 3;
        if (i < len && s[i] == ':') {
            if (count_digits(s, len, i + 1) != 2) return false;
            sec = number(s + i + 1, 2);
            i += 3;
        }
    }
    if (i < len && (s[i] == '.' || s[i] == ',') && count_digits(s, len, i + 1) > 0)
        i += 1 + count_digits(s, len, i + 1);
    skip_spaces(s, len, &i);
    bool ampm = false;
    static const char *const meridiems[] = {"a.m.", "p.m.", "am", "pm"};
    for (size_t k = 0; k < 4 && !ampm; k++) {
        size_t l = strlen(meridiems[k]);
        if (len - i >= l && ci_equal(s + i, l, meridiems[k]) &&
            (len - i == l || !is_letter(s[i + l]))) {
            ampm = true;
            i += l;
        }
    }
    skip_spaces(s, len, &i);
    if (i < len && !parse_zone(s, len, &i)) return false;
    skip_spaces(s, len, &i);
    if (i != len || m > 59 || sec > 60) return false;
    return ampm ? h >= 1 && h <= 12 : h <= 24;
}

/* Where the time of day starts: after an ISO 'T' between digits, or at the
 * hour before the first ':'. Returns len when there is no time part. */
static size_t time_start(const char *s, size_t len)
{
    for (size_t i = 1; i + 1 < len; i++)
        if ((s[i] == 'T' || s[i] == 't') && is_digit(s[i - 1]) && is_digit(s[i + 1])) return i;
    const char *colon = memchr(s, ':', len);
    if (!colon) return len;
    size_t i = (size_t)(colon - s);
    while (i > 0 && is_digit(s[i - 1]))
        i--;
    return i;
}

/* ---- tokens ---- */

typedef enum { TOK_NUM, TOK_MONTH } tok_kind;

typedef struct token {
    tok_kind kind;
    long value;     /* the number, or month 1..12 */
    size_t ndigits; /* for numbers */
    char sep;       /* separator before it: ' ', '/', '-', '.', ',' or 0 */
} token;

typedef struct tokens {
    token t[MAX_TOKENS];
    size_t n;
} tokens;

typedef struct named {
    const char *name;
    int value; /* month 1..12; 0 for a word to skip */
} named;

/* Month names and abbreviations in English, German, French and Spanish;
 * weekday names and filler words that carry no date information. */
static const named words[] = {
    {"january", 1},   {"jan", 1},       {"januar", 1},     {"janvier", 1},    {"janv", 1},
    {"enero", 1},     {"ene", 1},       {"february", 2},   {"feb", 2},        {"februar", 2},
    {"février", 2},   {"fevrier", 2},   {"févr", 2},       {"fevr", 2},       {"febrero", 2},
    {"march", 3},     {"mar", 3},       {"märz", 3},       {"maerz", 3},      {"mrz", 3},
    {"mär", 3},       {"mars", 3},      {"marzo", 3},      {"april", 4},      {"apr", 4},
    {"avril", 4},     {"avr", 4},       {"abril", 4},      {"abr", 4},        {"may", 5},
    {"mai", 5},       {"mayo", 5},      {"june", 6},       {"jun", 6},        {"juni", 6},
    {"juin", 6},      {"junio", 6},     {"july", 7},       {"jul", 7},        {"juli", 7},
    {"juillet", 7},   {"juil", 7},      {"julio", 7},      {"august", 8},     {"aug", 8},
    {"août", 8},      {"aout", 8},      {"agosto", 8},     {"ago", 8},        {"september", 9},
    {"sep", 9},       {"sept", 9},      {"septembre", 9},  {"septiembre", 9}, {"setiembre", 9},
    {"october", 10},  {"oct", 10},      {"oktober", 10},   {"okt", 10},       {"octobre", 10},
    {"octubre", 10},  {"november", 11}, {"nov", 11},       {"novembre", 11},  {"noviembre", 11},
    {"december", 12}, {"dec", 12},      {"dezember", 12},  {"dez", 12},       {"décembre", 12},
    {"decembre", 12}, {"déc", 12},      {"diciembre", 12}, {"dic", 12},       {"monday", 0},
    {"mon", 0},       {"tuesday", 0},   {"tue", 0},        {"tues", 0},       {"wednesday", 0},
    {"wed", 0},       {"thursday", 0},  {"thu", 0},        {"thur", 0},       {"thurs", 0},
    {"friday", 0},    {"fri", 0},       {"saturday", 0},   {"sat", 0},        {"sunday", 0},
    {"sun", 0},       {"montag", 0},    {"dienstag", 0},   {"mittwoch", 0},   {"donnerstag", 0},
    {"freitag", 0},   {"samstag", 0},   {"sonntag", 0},    {"lundi", 0},      {"mardi", 0},
    {"mercredi", 0},  {"jeudi", 0},     {"vendredi", 0},   {"samedi", 0},     {"dimanche", 0},
    {"lunes", 0},     {"martes", 0},    {"miércoles", 0},  {"jueves", 0},     {"viernes", 0},
    {"sábado", 0},    {"domingo", 0},   {"de", 0},         {"of", 0},         {"the", 0},
};

/* The month a word names (1..12), 0 for a word to skip, -1 if unknown. */
static int lookup_word(const char *s, size_t n)
{
    char w[WORD_MAX + 1];
    if (!lower_word(s, n, w)) return -1;
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        if (strcmp(words[i].name, w) == 0) return words[i].value;
    return -1;
}

static bool is_ordinal_suffix(const char *s, size_t n)
{
    return n == 2 && (ci_equal(s, 2, "st") || ci_equal(s, 2, "nd") || ci_equal(s, 2, "rd") ||
                      ci_equal(s, 2, "th"));
}

static bool is_separator(char c)
{
    return is_space(c) || c == '/' || c == '-' || c == '.' || c == ',';
}

static bool tokenize(const char *s, size_t len, tokens *tk)
{
    tk->n = 0;
    char sep = 0;
    for (size_t i = 0; i < len;) {
        if (is_separator(s[i])) {
            if (sep == 0 || sep == ' ') sep = is_space(s[i]) ? ' ' : s[i];
            i++;
            continue;
        }
        size_t start = i;
        if (is_digit(s[i])) {
            while (i < len && is_digit(s[i]))
                i++;
            if (tk->n == MAX_TOKENS || i - start > 9) return false;
            token num = {TOK_NUM, number(s + start, i - start), i - start, tk->n ? sep : 0};
            tk->t[tk->n++] = num;
        } else if (is_letter(s[i])) {
            while (i < len && is_letter(s[i]))
                i++;
            bool after_number = start > 0 && is_digit(s[start - 1]);
            if (after_number && is_ordinal_suffix(s + start, i - start)) continue;
            int month = lookup_word(s + start, i - start);
            if (month < 0 || (month > 0 && tk->n == MAX_TOKENS)) return false;
            if (month == 0) continue; /* keep the separator before a skipped word */
            token name = {TOK_MONTH, month, 0, tk->n ? sep : 0};
            tk->t[tk->n++] = name;
        } else {
            return false;
        }
        sep = 0;
    }
    return true;
}

/* ---- putting a date together ---- */

typedef struct parsed {
    long y, m, d;
    bool guessed; /* day/month order was a guess */
} parsed;

static bool year_of(const token *t, long *y)
{
    if (t->kind != TOK_NUM) return false;
    if (t->ndigits == 4) {
        *y = t->value;
        return true;
    }
    if (t->ndigits != 2) return false;
    pthread_once(&pivot_once, pivot_init);
    *y = t->value + (t->value <= pivot ? 2000 : 1900);
    return true;
}

static bool day_or_month(const token *t)
{
    return t->kind == TOK_NUM && t->ndigits >= 1 && t->ndigits <= 2;
}

/* N/N/Y: which of the first two is the day. */
static bool resolve_order(const tokens *tk, wn_date_order order, parsed *p)
{
    long a = tk->t[0].value, b = tk->t[1].value;
    bool guessed = false;
    if (a > 12 && b <= 12)
        order = WN_DATE_DMY;
    else if (b > 12 && a <= 12)
        order = WN_DATE_MDY;
    else if (order == WN_DATE_UNKNOWN && tk->t[1].sep == '.')
        order = WN_DATE_DMY;
    else if (order == WN_DATE_UNKNOWN) {
        order = WN_DATE_MDY;
        guessed = a != b;
    }
    p->d = order == WN_DATE_DMY ? a : b;
    p->m = order == WN_DATE_DMY ? b : a;
    p->guessed = guessed;
    return true;
}

static bool assemble(const tokens *tk, wn_date_order order, parsed *p)
{
    if (tk->n != 3) return false;
    const token *t = tk->t;
    p->guessed = false;
    if (t[0].kind == TOK_NUM && t[0].ndigits == 4) { /* Y M D, Y Mon D */
        p->y = t[0].value;
        p->m = t[1].value;
        p->d = t[2].value;
        return (t[1].kind == TOK_MONTH || day_or_month(&t[1])) && day_or_month(&t[2]);
    }
    if (t[0].kind == TOK_MONTH) { /* Mon D Y */
        p->m = t[0].value;
        p->d = t[1].value;
        return day_or_month(&t[1]) && year_of(&t[2], &p->y);
    }
    if (!day_or_month(&t[0]) || !year_of(&t[2], &p->y)) return false;
    if (t[1].kind == TOK_MONTH) { /* D Mon Y */
        p->d = t[0].value;
        p->m = t[1].value;
        return true;
    }
    return day_or_month(&t[1]) && resolve_order(tk, order, p);
}

/* YYYY-MM-DD of a valid_date(); by hand, since a printf per date cell cost a
 * tenth of the ingest. */
static void write_iso(wn_buf *out, long y, long m, long d)
{
    wn_buf_clear(out);
    char iso[10] = {(char)('0' + y / 1000),
                    (char)('0' + y / 100 % 10),
                    (char)('0' + y / 10 % 10),
                    (char)('0' + y % 10),
                    '-',
                    (char)('0' + m / 10 % 10),
                    (char)('0' + m % 10),
                    '-',
                    (char)('0' + d / 10 % 10),
                    (char)('0' + d % 10)};
    wn_buf_append(out, iso, sizeof iso);
    wn_buf_cstr(out);
}

static wn_norm_status finish(wn_buf *out, long y, long m, long d, bool guessed)
{
    if (!valid_date(y, m, d)) return WN_NORM_INVALID;
    write_iso(out, y, m, d);
    return guessed || y < 1900 || y > 2100 ? WN_NORM_SUSPICIOUS : WN_NORM_OK;
}

static wn_norm_status from_unix_days(wn_buf *out, long days)
{
    long y, m, d;
    civil_from_days(days, &y, &m, &d);
    return finish(out, y, m, d, false);
}

/* A bare number: YYYYMMDD, an Excel serial or a Unix time. */
static wn_norm_status parse_number(const char *s, size_t len, unsigned flags, wn_buf *out)
{
    size_t n = count_digits(s, len, 0);
    bool fraction = n < len && s[n] == '.' && count_digits(s, len, n + 1) == len - n - 1;
    if (n == len && n == 8)
        return finish(out, number(s, 4), number(s + 4, 2), number(s + 6, 2), false);
    if ((flags & WN_DATE_SERIAL) && n >= 1 && n <= 5 && (n == len || fraction)) {
        long serial = number(s, n);
        if (serial < 1 || serial > SERIAL_MAX || serial == 60)
            return WN_NORM_INVALID; /* 60 is 1900-02-29, which never was */
        return from_unix_days(out, serial - EXCEL_EPOCH_SHIFT + (serial < 60));
    }
    if ((flags & WN_DATE_EPOCH) && n == len && (n == 9 || n == 10 || n == 12 || n == 13)) {
        long long t = 0;
        for (size_t i = 0; i < n; i++)
            t = t * 10 + (s[i] - '0');
        if (n >= 12) t /= 1000;
        return from_unix_days(out, (long)(t / 86400));
    }
    return WN_NORM_INVALID;
}

static void trim(const char **s, size_t *len)
{
    while (*len > 0 && is_space(**s))
        (*s)++, (*len)--;
    while (*len > 0 && (is_space((*s)[*len - 1]) || (*s)[*len - 1] == ','))
        (*len)--;
}

/* YYYY-MM-DD at the start of s. */
static bool iso_date_at(const char *s, size_t len)
{
    return len >= 10 && count_digits(s, 4, 0) == 4 && s[4] == '-' && count_digits(s, 7, 5) == 2 &&
           s[7] == '-' && count_digits(s, 10, 8) == 2;
}

/* Exactly HH:MM or HH:MM:SS, a time valid_time() takes. */
static bool plain_time(const char *s, size_t len)
{
    if ((len != 5 && len != 8) || count_digits(s, 2, 0) != 2 || s[2] != ':' ||
        count_digits(s, 5, 3) != 2)
        return false;
    if (len == 8 && (s[5] != ':' || count_digits(s, 8, 6) != 2)) return false;
    return number(s, 2) <= 24 && number(s + 3, 2) <= 59 && (len == 5 || number(s + 6, 2) <= 60);
}

wn_norm_status wn_date_normalize_ex(const char *s, size_t len, wn_date_order order, unsigned flags,
                                    wn_buf *out)
{
    wn_buf_clear(out);
    trim(&s, &len);
    if (len == 0) return WN_NORM_EMPTY;
    /* What most exports write -- an ISO date, alone or with a time of day
     * after one space -- needs no search for the time; the general path
     * below reads these the same way. */
    if (iso_date_at(s, len) && (len == 10 || (s[10] == ' ' && plain_time(s + 11, len - 11))))
        return finish(out, number(s, 4), number(s + 5, 2), number(s + 8, 2), false);
    size_t t = time_start(s, len);
    if (t < len) {
        size_t tstart = t + (s[t] == 'T' || s[t] == 't');
        if (!valid_time(s + tstart, len - tstart)) return WN_NORM_INVALID;
        len = t;
        trim(&s, &len);
    }
    if (len == 10 && iso_date_at(s, len)) /* ISO, what most exports write: no guessing */
        return finish(out, number(s, 4), number(s + 5, 2), number(s + 8, 2), false);
    size_t nd = count_digits(s, len, 0);
    if (nd == len ||
        (nd > 0 && nd + 1 < len && s[nd] == '.' && count_digits(s, len, nd + 1) == len - nd - 1))
        return parse_number(s, len, flags, out);
    tokens tk;
    parsed p;
    if (!tokenize(s, len, &tk) || !assemble(&tk, order, &p)) return WN_NORM_INVALID;
    return finish(out, p.y, p.m, p.d, p.guessed);
}

wn_norm_status wn_date_normalize(const char *s, size_t len, wn_date_order order, wn_buf *out)
{
    return wn_date_normalize_ex(s, len, order, 0, out);
}

void wn_date_vote_init(wn_date_vote *v)
{
    memset(v, 0, sizeof *v);
}

void wn_date_vote_add(wn_date_vote *v, const char *s, size_t len)
{
    v->values++;
    trim(&s, &len);
    size_t t = time_start(s, len);
    tokens tk;
    if (!tokenize(s, t, &tk) || tk.n != 3 || !day_or_month(&tk.t[0]) || !day_or_month(&tk.t[1]) ||
        tk.t[2].kind != TOK_NUM)
        return;
    long a = tk.t[0].value, b = tk.t[1].value;
    if (a > 12 && a <= 31 && b >= 1 && b <= 12)
        v->dmy++;
    else if (b > 12 && b <= 31 && a >= 1 && a <= 12)
        v->mdy++;
}

void wn_date_vote_merge(wn_date_vote *into, const wn_date_vote *from)
{
    into->dmy += from->dmy;
    into->mdy += from->mdy;
    into->values += from->values;
}

wn_date_order wn_date_vote_decide(const wn_date_vote *v, wn_date_order fallback)
{
    if (v->dmy > v->mdy) return WN_DATE_DMY;
    if (v->mdy > v->dmy) return WN_DATE_MDY;
    return fallback;
}

int wn_date_to_days(const char iso[10])
{
    for (int i = 0; i < 10; i++)
        if (i == 4 || i == 7 ? iso[i] != '-' : !is_digit(iso[i])) return INT_MIN;
    long y = number(iso, 4), m = number(iso + 5, 2), d = number(iso + 8, 2);
    return valid_date(y, m, d) ? (int)days_from_civil(y, m, d) : INT_MIN;
}
