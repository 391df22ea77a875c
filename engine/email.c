/*
 * email.c -- email normalization and match keys; see email.h.
 */
#include "email.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "strmap.h"
#include "table.h"

#define LOCAL_MAX  64
#define DOMAIN_MAX 253
#define LABEL_MAX  63
#define MAJOR_MAX  32

static struct {
    wn_table table;
    wn_strmap exact;  /* domain -> 1 */
    wn_strmap brands; /* "yahoo" for a "yahoo.*" row -> 1 */
    const char *major[MAJOR_MAX];
    size_t major_len[MAJOR_MAX];
    size_t nmajor;
} db;
static pthread_once_t db_once = PTHREAD_ONCE_INIT;

static void db_load(void)
{
    wn_error err;
    if (wn_table_load_embedded(&db.table, "data/freemail.csv", &err) != WN_OK) {
        fprintf(stderr, "winnow: %s\n", err.msg);
        abort();
    }
    wn_strmap_init(&db.exact);
    wn_strmap_init(&db.brands);
    for (size_t r = 0; r < db.table.nrows; r++) {
        const wn_table_row *row = &db.table.rows[r];
        const char *domain = row->fields[0];
        size_t len = strlen(domain);
        if (row->nfields != 2 || strcmp(domain, "domain") == 0) continue;
        if (len > 2 && strcmp(domain + len - 2, ".*") == 0) {
            wn_strmap_put(&db.brands, domain, len - 2, 1);
            continue;
        }
        wn_strmap_put(&db.exact, domain, len, 1);
        if (strcmp(row->fields[1], "1") == 0 && db.nmajor < MAJOR_MAX) {
            db.major_len[db.nmajor] = len;
            db.major[db.nmajor++] = domain;
        }
    }
}

/* The last `c` in [s, s + len), or NULL (memrchr is a GNU extension). */
static const char *last_byte(const char *s, int c, size_t len)
{
    while (len > 0)
        if (s[--len] == c) return s + len;
    return NULL;
}

/* ASCII lower case of a byte, without a branch: it runs for every byte of
 * every address. */
static int lower(unsigned char c)
{
    return c + ((unsigned char)(c - 'A') < 26) * 32;
}

static bool is_blank(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '"' || c == '\'';
}

/* Narrows [*s, *s + *len) by blanks and quotes at both ends. */
static void trim(const char **s, size_t *len)
{
    while (*len > 0 && is_blank(**s))
        (*s)++, (*len)--;
    while (*len > 0 && is_blank((*s)[*len - 1]))
        (*len)--;
}

static bool has_prefix_ci(const char *s, size_t len, const char *prefix)
{
    size_t n = strlen(prefix);
    if (len < n) return false;
    for (size_t i = 0; i < n; i++)
        if (lower((unsigned char)s[i]) != prefix[i]) return false;
    return true;
}

/* Removes the wrappers around an address: display name with <...>,
 * trailing (comment), mailto: and its ?query. */
static void unwrap(const char **s, size_t *len)
{
    trim(s, len);
    /* Most addresses have no '<': a fast search forward says so before a
     * byte-by-byte one backward finds the last. */
    const char *open = memchr(*s, '<', *len) ? last_byte(*s, '<', *len) : NULL;
    if (open) {
        const char *end = *s + *len;
        const char *close = memchr(open, '>', (size_t)(end - open));
        *s = open + 1;
        *len = (size_t)((close ? close : end) - *s);
        trim(s, len);
    }
    if (*len > 0 && (*s)[*len - 1] == ')') {
        const char *paren = last_byte(*s, '(', *len);
        if (paren && paren > *s) {
            *len = (size_t)(paren - *s);
            trim(s, len);
        }
    }
    if (has_prefix_ci(*s, *len, "mailto:")) {
        *s += 7;
        *len -= 7;
        const char *query = memchr(*s, '?', *len);
        if (query) *len = (size_t)(query - *s);
        trim(s, len);
    }
}

static bool local_char(unsigned char c, unsigned flags)
{
    if (c >= 0x80) return !(flags & WN_EMAIL_ASCII);
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) return true;
    return c != '\0' && strchr("!#$%&'*+/=?^_`{|}~.-", c) != NULL;
}

static bool valid_local(const char *s, size_t len, unsigned flags)
{
    if (len == 0 || len > LOCAL_MAX || s[0] == '.' || s[len - 1] == '.') return false;
    for (size_t i = 0; i < len; i++) {
        if (!local_char((unsigned char)s[i], flags)) return false;
        if (s[i] == '.' && s[i + 1] == '.') return false;
    }
    return true;
}

static bool label_char(unsigned char c, unsigned flags)
{
    if (c >= 0x80) return !(flags & WN_EMAIL_ASCII);
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
}

static bool valid_tld(const char *s, size_t len)
{
    if (len >= 5 && memcmp(s, "xn--", 4) == 0) return true;
    if (len < 2) return false;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (!(c >= 'a' && c <= 'z') && c < 0x80) return false;
    }
    return true;
}

static bool valid_domain(const char *s, size_t len, unsigned flags)
{
    if (len == 0 || len > DOMAIN_MAX) return false;
    size_t labels = 0, start = 0;
    for (size_t i = 0; i <= len; i++) {
        if (i < len && s[i] != '.') {
            if (!label_char((unsigned char)s[i], flags)) return false;
            continue;
        }
        size_t n = i - start;
        if (n == 0 || n > LABEL_MAX || s[start] == '-' || s[i - 1] == '-') return false;
        labels++;
        if (i == len && !valid_tld(s + start, n)) return false;
        start = i + 1;
    }
    return labels >= 2;
}

/* True if `a` becomes `b` by exactly one insertion, deletion, substitution
 * or swap of adjacent characters (optimal string alignment distance 1). */
static bool one_edit_apart(const char *a, size_t la, const char *b, size_t lb)
{
    if (la < lb) return one_edit_apart(b, lb, a, la);
    if (la - lb > 1) return false;
    size_t i = 0;
    while (i < lb && a[i] == b[i])
        i++;
    if (la == lb + 1) /* deletion from a */
        return memcmp(a + i + 1, b + i, lb - i) == 0;
    if (i == la) /* equal */
        return false;
    if (memcmp(a + i + 1, b + i + 1, la - i - 1) == 0) /* substitution */
        return true;
    return i + 1 < la && a[i] == b[i + 1] && a[i + 1] == b[i] &&
           memcmp(a + i + 2, b + i + 2, la - i - 2) == 0;
}

/* Misspellings of "com" that are not top-level domains. */
static bool com_typo(const char *tld, size_t len)
{
    static const struct {
        char text[5];
        size_t len;
    } typos[] = {{"con", 3}, {"cmo", 3}, {"ocm", 3},  {"vom", 3},
                 {"xom", 3}, {"cpm", 3}, {"comm", 4}, {"coom", 4}};
    for (size_t i = 0; i < sizeof typos / sizeof typos[0]; i++)
        if (len == typos[i].len && memcmp(tld, typos[i].text, len) == 0) return true;
    return false;
}

/* A domain that looks like a misspelt major provider, and is not itself a
 * known provider (the lookup last: most domains look like none). */
static bool likely_typo(const char *domain, size_t len)
{
    const char *dot = last_byte(domain, '.', len);
    bool looks = dot && com_typo(dot + 1, (size_t)(domain + len - dot - 1));
    for (size_t i = 0; i < db.nmajor && !looks; i++)
        looks = one_edit_apart(domain, len, db.major[i], db.major_len[i]);
    return looks && !wn_email_is_freemail(domain, len);
}

wn_norm_status wn_email_normalize(const char *s, size_t len, wn_buf *out, unsigned flags)
{
    pthread_once(&db_once, db_load);
    wn_buf_clear(out);
    unwrap(&s, &len);
    if (len == 0) return WN_NORM_EMPTY;
    wn_buf_reserve(out, len);
    for (size_t i = 0; i < len; i++)
        out->data[i] = (char)lower((unsigned char)s[i]);
    out->len = len;
    out->data[len] = '\0';

    const char *at = memchr(out->data, '@', len);
    if (!at || memchr(at + 1, '@', len - (size_t)(at - out->data) - 1)) return WN_NORM_INVALID;
    size_t local_len = (size_t)(at - out->data);
    const char *domain = at + 1;
    size_t domain_len = len - local_len - 1;
    if (!valid_local(out->data, local_len, flags) || !valid_domain(domain, domain_len, flags))
        return WN_NORM_INVALID;
    if (!(flags & WN_EMAIL_NO_TYPOS) && likely_typo(domain, domain_len)) return WN_NORM_SUSPICIOUS;
    return WN_NORM_OK;
}

void wn_email_match_key(const char *email, size_t len, wn_buf *out)
{
    wn_buf_clear(out);
    const char *at = last_byte(email, '@', len);
    if (!at) {
        wn_buf_append(out, email, len);
        return;
    }
    const char *domain = at + 1;
    size_t domain_len = len - (size_t)(domain - email);
    size_t local_len = (size_t)(at - email);
    const char *plus = memchr(email, '+', local_len);
    if (plus && plus > email) local_len = (size_t)(plus - email);
    bool google = (domain_len == 9 && memcmp(domain, "gmail.com", 9) == 0) ||
                  (domain_len == 14 && memcmp(domain, "googlemail.com", 14) == 0);
    if (google) { /* the local part without its dots, a stretch at a time */
        for (size_t i = 0; i < local_len;) {
            const char *dot = memchr(email + i, '.', local_len - i);
            size_t end = dot ? (size_t)(dot - email) : local_len;
            wn_buf_append(out, email + i, end - i);
            i = end + 1;
        }
    } else {
        wn_buf_append(out, email, local_len);
    }
    wn_buf_putc(out, '@');
    if (google)
        wn_buf_puts(out, "gmail.com");
    else
        wn_buf_append(out, domain, domain_len);
}

bool wn_email_is_freemail(const char *domain, size_t len)
{
    pthread_once(&db_once, db_load);
    if (wn_strmap_get(&db.exact, domain, len, NULL)) return true;
    const char *dot = memchr(domain, '.', len);
    return dot && dot + 1 < domain + len &&
           wn_strmap_get(&db.brands, domain, (size_t)(dot - domain), NULL);
}
