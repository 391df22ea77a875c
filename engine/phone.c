/*
 * phone.c -- telephone numbers to E.164; see phone.h.
 */
#include "phone.h"

#include <ctype.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "table.h"

typedef struct plan {
    char region[3];
    char cc[4];
    char trunk[3];
    int nsn_min, nsn_max;
} plan;

static struct {
    plan *plans;
    size_t n;
} plans;
static pthread_once_t plans_once = PTHREAD_ONCE_INIT;

static void plans_load(void)
{
    wn_table t;
    if (wn_table_load_embedded(&t, "data/phone_plans.csv", NULL) != WN_OK)
        return; /* a build without the table: every national number is "unknown region" */
    plans.plans = calloc(t.nrows ? t.nrows : 1, sizeof *plans.plans);
    for (size_t i = 0; plans.plans && i < t.nrows; i++) {
        const wn_table_row *row = &t.rows[i];
        if (row->nfields < 5)
            continue;
        plan *p = &plans.plans[plans.n++];
        snprintf(p->region, sizeof p->region, "%s", row->fields[0]);
        snprintf(p->cc, sizeof p->cc, "%s", row->fields[1]);
        snprintf(p->trunk, sizeof p->trunk, "%s", strcmp(row->fields[2], "-") ? row->fields[2] : "");
        p->nsn_min = atoi(row->fields[3]);
        p->nsn_max = atoi(row->fields[4]);
    }
    wn_table_free(&t);
}

static const plan *plan_for_region(const char *region)
{
    for (size_t i = 0; region && region[0] && i < plans.n; i++)
        if (strcasecmp(plans.plans[i].region, region) == 0)
            return &plans.plans[i];
    return NULL;
}

/* The plan whose country code starts `digits` (codes are prefix-free). */
static const plan *plan_for_number(const char *digits)
{
    for (size_t i = 0; i < plans.n; i++) {
        size_t n = strlen(plans.plans[i].cc);
        if (strncmp(digits, plans.plans[i].cc, n) == 0)
            return &plans.plans[i];
    }
    return NULL;
}

/* ITU E.161 keypad letters. */
static char keypad(char c)
{
    static const char keys[] = "22233344455566677778889999";
    c = (char)toupper((unsigned char)c);
    return c >= 'A' && c <= 'Z' ? keys[c - 'A'] : 0;
}

/* Splits "... x123", "ext. 123", "#123", ";ext=123" off the end. */
static size_t split_extension(const char *s, size_t len, wn_buf *ext)
{
    size_t end = len;
    while (end > 0 && isdigit((unsigned char)s[end - 1]))
        end--;
    if (end == len || end == 0)
        return len;
    size_t mark = end;
    while (mark > 0 && (s[mark - 1] == ' ' || s[mark - 1] == '.' || s[mark - 1] == '=' ||
                        s[mark - 1] == ':'))
        mark--;
    static const char *const words[] = {"extension", "ext", "ex", "x", "#", "durchwahl", "poste"};
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
        size_t w = strlen(words[i]);
        if (mark >= w && strncasecmp(s + mark - w, words[i], w) == 0) {
            size_t cut = mark - w;
            if (cut > 0 && isalpha((unsigned char)s[cut - 1]) && w > 1)
                continue;
            if (ext) {
                wn_buf_clear(ext);
                wn_buf_append(ext, s + end, len - end);
                wn_buf_cstr(ext);
            }
            while (cut > 0 && (s[cut - 1] == ' ' || s[cut - 1] == ',' || s[cut - 1] == ';'))
                cut--;
            return cut;
        }
    }
    return len;
}

/* Digits of the number part; vanity letters only after some digits (so a
 * word like "none" is not dialled). Returns false on characters a phone
 * number is never written with. */
static bool collect_digits(const char *s, size_t len, bool *plus, char *digits, size_t cap,
                           size_t *n)
{
    *plus = false;
    *n = 0;
    for (size_t i = 0; i < len; i++) {
        char c = s[i];
        if (isdigit((unsigned char)c)) {
            if (*n + 1 >= cap)
                return false;
            digits[(*n)++] = c;
        } else if (c == '+' && *n == 0) {
            *plus = true;
        } else if (c == '(' && i + 2 < len && s[i + 1] == '0' && s[i + 2] == ')' && *plus &&
                   *n > 0) {
            i += 2; /* "+44 (0)20": the trunk 0 written for national callers */
        } else if (isalpha((unsigned char)c) && *n >= 3 && keypad(c)) {
            if (*n + 1 >= cap)
                return false;
            digits[(*n)++] = keypad(c);
        } else if (!strchr(" -./()\t", c)) {
            return false;
        }
    }
    digits[*n] = '\0';
    return true;
}

static wn_norm_status fail_with(const char **why, const char *reason)
{
    if (why)
        *why = reason;
    return WN_NORM_INVALID;
}

static wn_norm_status finish_international(const char *d, wn_buf *out, const char **why)
{
    const plan *p = plan_for_number(d);
    size_t total = strlen(d);
    wn_buf_putc(out, '+');
    wn_buf_puts(out, d);
    if (total > 15)
        return fail_with(why, "longer than the 15 digits E.164 allows");
    if (!p)
        return total >= 8 ? WN_NORM_OK : fail_with(why, "too short for an international number");
    int nsn = (int)(total - strlen(p->cc));
    if (nsn < p->nsn_min || nsn > p->nsn_max)
        return fail_with(why, "wrong number of digits for the country's numbering plan");
    return WN_NORM_OK;
}

wn_norm_status wn_phone_normalize(const char *s, size_t len, const char *region, wn_buf *e164,
                                  wn_buf *ext, const char **why)
{
    pthread_once(&plans_once, plans_load);
    wn_buf_clear(e164);
    if (ext)
        wn_buf_clear(ext);
    while (len > 0 && isspace((unsigned char)*s))
        s++, len--;
    while (len > 0 && isspace((unsigned char)s[len - 1]))
        len--;
    wn_buf_cstr(e164);
    if (len == 0)
        return WN_NORM_EMPTY;
    if (memchr(s, 'E', len) && memchr(s, '+', len) && memchr(s, '.', len))
        return fail_with(why, "a spreadsheet turned it into a number in scientific notation");
    len = split_extension(s, len, ext);
    char d[48];
    size_t n;
    bool plus;
    if (!collect_digits(s, len, &plus, d, sizeof d, &n))
        return fail_with(why, "characters a phone number is not written with");
    if (n == 0)
        return fail_with(why, "no digits");
    const plan *home = plan_for_region(region);
    bool nanp = home && strcmp(home->cc, "1") == 0;
    if (plus)
        return finish_international(d, e164, why);
    if (n > 2 && d[0] == '0' && d[1] == '0')
        return finish_international(d + 2, e164, why);
    if (nanp && n > 3 && strncmp(d, "011", 3) == 0)
        return finish_international(d + 3, e164, why);
    const char *nsn = d;
    if (home) {
        size_t t = strlen(home->trunk);
        if (t && n > t && strncmp(d, home->trunk, t) == 0 &&
            (int)(n - t) >= home->nsn_min)
            nsn += t;
        int len_nsn = (int)strlen(nsn);
        wn_buf_putc(e164, '+');
        wn_buf_puts(e164, home->cc);
        wn_buf_puts(e164, nsn);
        if (len_nsn < home->nsn_min || len_nsn > home->nsn_max)
            return fail_with(why, "wrong number of digits for the region's numbering plan");
        return WN_NORM_OK;
    }
    /* No region: keep the national digits, judged by length alone. */
    if (nsn[0] == '0')
        nsn++;
    wn_buf_puts(e164, nsn);
    size_t m = strlen(nsn);
    return m >= 7 && m <= 15 ? WN_NORM_OK : fail_with(why, "too few or too many digits");
}
