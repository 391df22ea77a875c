/*
 * date.c -- vendor date formats to ISO 8601; see date.h.
 *
 * A value is cut into at most three date parts (runs of digits or of
 * letters), stopping at a time of day; the parts' shapes then say which is
 * the year, the month and the day.
 */
#include "date.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

typedef struct part {
    bool digits;
    int value; /* the number, or the month of a month name (0: not a month) */
    size_t len;
} part;

static const struct {
    const char *name;
    int month;
} month_names[] = {
    {"january", 1},  {"february", 2}, {"march", 3},     {"april", 4},    {"may", 5},
    {"june", 6},     {"july", 7},     {"august", 8},    {"september", 9}, {"october", 10},
    {"november", 11}, {"december", 12}, {"sept", 9},
    /* German, French, Spanish (lower case, as written) */
    {"januar", 1},   {"februar", 2},  {"m\xC3\xA4rz", 3}, {"maerz", 3},  {"mai", 5},
    {"juni", 6},     {"juli", 7},     {"oktober", 10},  {"dezember", 12}, {"janvier", 1},
    {"f\xC3\xA9vrier", 2}, {"fevrier", 2}, {"mars", 3}, {"avril", 4},   {"juin", 6},
    {"juillet", 7},  {"ao\xC3\xBBt", 8}, {"aout", 8},  {"septembre", 9}, {"octobre", 10},
    {"novembre", 11}, {"d\xC3\xA9" "cembre", 12}, {"decembre", 12}, {"enero", 1},
    {"febrero", 2},  {"marzo", 3},    {"abril", 4},     {"mayo", 5},     {"junio", 6},
    {"julio", 7},    {"agosto", 8},   {"septiembre", 9}, {"setiembre", 9}, {"octubre", 10},
    {"noviembre", 11}, {"diciembre", 12},
};

/* A month name, its standard three-letter abbreviation, or a longer prefix. */
static int month_from_name(const char *s, size_t len)
{
    char low[24];
    if (len < 3 || len >= sizeof low)
        return 0;
    for (size_t i = 0; i < len; i++)
        low[i] = (char)tolower((unsigned char)s[i]);
    for (size_t i = 0; i < sizeof month_names / sizeof month_names[0]; i++) {
        size_t n = strlen(month_names[i].name);
        if (len <= n && memcmp(month_names[i].name, low, len) == 0)
            return month_names[i].month;
    }
    return 0;
}

static bool is_letter(unsigned char c)
{
    return isalpha(c) || c >= 0x80;
}

/* Splits off up to three date parts. Returns the count, or -1 if the value
 * holds something a date cannot. */
static int split_parts(const char *s, size_t len, part *p)
{
    int n = 0;
    for (size_t i = 0; i < len;) {
        unsigned char c = (unsigned char)s[i];
        if (isdigit(c)) {
            if (n == 3)
                break; /* a time of day follows */
            size_t start = i;
            long v = 0;
            while (i < len && isdigit((unsigned char)s[i]) && i - start < 9)
                v = v * 10 + (s[i++] - '0');
            if (i < len && isdigit((unsigned char)s[i]))
                return -1;
            p[n++] = (part){true, (int)v, i - start};
        } else if (is_letter(c)) {
            size_t start = i;
            while (i < len && is_letter((unsigned char)s[i]))
                i++;
            int m = month_from_name(s + start, i - start);
            if (m && n < 3) {
                p[n++] = (part){false, m, i - start};
            } else if (n == 3 || (i - start == 1 && (c == 'T' || c == 't'))) {
                break; /* "T10:22" or a weekday/zone after the date */
            } else if (!(i - start <= 2 && n > 0)) { /* ordinals: 4th, 1er, 3rd */
                return -1;
            }
        } else if (c == ':' && n < 3) {
            return -1; /* a time before the date is complete */
        } else {
            i++;
        }
    }
    return n;
}

static int this_year(void)
{
    time_t t = time(NULL);
    struct tm tm;
    gmtime_r(&t, &tm);
    return tm.tm_year + 1900;
}

static int full_year(const part *p)
{
    if (p->len == 4)
        return p->value;
    if (p->len <= 2) {
        int pivot = this_year() + 10 - 2000;
        return p->value <= pivot ? 2000 + p->value : 1900 + p->value;
    }
    return -1;
}

static bool leap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static bool valid_ymd(int y, int m, int d)
{
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (y < 1000 || y > 9999 || m < 1 || m > 12 || d < 1)
        return false;
    return d <= days[m - 1] + (m == 2 && leap(y));
}

int64_t wn_date_days(int y, int m, int d)
{
    /* Days from civil (Hinnant's algorithm, public domain description). */
    y -= m <= 2;
    int64_t era = (y >= 0 ? y : y - 399) / 400;
    int64_t yoe = y - era * 400;
    int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static void civil_from_days(int64_t z, int *y, int *m, int *d)
{
    z += 719468;
    int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    int64_t doe = z - era * 146097;
    int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int64_t mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = (int)(yoe + era * 400 + (*m <= 2));
}

/* Excel's serial day (1900 system): day 1 is 1900-01-01, and Excel counts a
 * 29 February 1900 that never was, so serials from 61 on are one day ahead. */
static bool from_excel_serial(int serial, int *y, int *m, int *d)
{
    if (serial < 1 || serial > 80000 || serial == 60)
        return false;
    int64_t days = wn_date_days(1899, 12, 31) + serial - (serial > 60);
    civil_from_days(days, y, m, d);
    return true;
}

/* Decides year, month and day from the parts; false if they can't be a date. */
static bool assign(const part *p, int n, wn_date_order order, bool allow_serial, int *y, int *m,
                   int *d)
{
    if (n == 1 && p[0].digits && p[0].len == 8) { /* YYYYMMDD */
        *y = p[0].value / 10000, *m = p[0].value / 100 % 100, *d = p[0].value % 100;
        return true;
    }
    if (n == 1 && p[0].digits && allow_serial && p[0].len <= 5)
        return from_excel_serial(p[0].value, y, m, d);
    if (n != 3)
        return false;
    if (p[0].digits && p[0].len == 4) { /* Y M D */
        *y = p[0].value, *m = p[1].value, *d = p[2].value;
        return p[2].digits;
    }
    for (int i = 0; i < 3; i++) { /* a month name: the other two are day and year */
        if (p[i].digits)
            continue;
        *m = p[i].value;
        const part *a = &p[i == 0 ? 1 : 0], *b = &p[i == 2 ? 1 : 2];
        const part *yp = b->len == 4 || a->len != 4 ? b : a, *dp = yp == b ? a : b;
        *y = full_year(yp), *d = dp->value;
        return true;
    }
    if (p[2].len != 4 && p[2].len > 2)
        return false;
    *y = full_year(&p[2]);
    bool day_first = p[0].value > 12 || (p[1].value <= 12 && order == WN_DATE_DMY);
    *d = day_first ? p[0].value : p[1].value;
    *m = day_first ? p[1].value : p[0].value;
    return true;
}

wn_norm_status wn_date_normalize(const char *s, size_t len, wn_date_order order,
                                 bool allow_serial, wn_buf *out)
{
    wn_buf_clear(out);
    while (len > 0 && isspace((unsigned char)*s))
        s++, len--;
    while (len > 0 && isspace((unsigned char)s[len - 1]))
        len--;
    if (len == 0) {
        wn_buf_cstr(out);
        return WN_NORM_EMPTY;
    }
    part p[3];
    int y = 0, m = 0, d = 0;
    int n = split_parts(s, len, p);
    if (n <= 0 || !assign(p, n, order, allow_serial, &y, &m, &d) || !valid_ymd(y, m, d)) {
        wn_buf_append(out, s, len);
        wn_buf_cstr(out);
        return WN_NORM_INVALID;
    }
    wn_buf_printf(out, "%04d-%02d-%02d", y, m, d);
    return WN_NORM_OK;
}

void wn_date_vote_init(wn_date_vote *v)
{
    v->day_first = v->month_first = 0;
}

void wn_date_vote_add(wn_date_vote *v, const char *s, size_t len)
{
    part p[3];
    if (split_parts(s, len, p) != 3 || !p[0].digits || !p[1].digits || p[0].len == 4)
        return;
    if (p[0].value > 12 && p[1].value <= 12)
        v->day_first++;
    else if (p[1].value > 12 && p[0].value <= 12)
        v->month_first++;
}

wn_date_order wn_date_vote_result(const wn_date_vote *v, wn_date_order fallback)
{
    if (v->day_first > v->month_first)
        return WN_DATE_DMY;
    if (v->month_first > v->day_first)
        return WN_DATE_MDY;
    return fallback;
}
