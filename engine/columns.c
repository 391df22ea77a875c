/*
 * columns.c -- column recognition; see columns.h for the decision steps and
 * policies.
 *
 * The table becomes an array of rules. Aliases are found through a string
 * map from the normalized alias to its first rule; rules sharing an alias
 * (context rows such as German "name") are chained in file order. Keywords
 * and hints stay in the rule array in file order, which is their precedence,
 * and are tried by a linear scan (about a hundred of them, once per column,
 * so a smarter index would not pay). Tags are interned into at most 32 slots
 * so a rule's tags are a bit mask; a tag of two lowercase letters is a
 * language, any other a vendor.
 *
 * Resolution computes, once per column, the shape counts of its sampled
 * values (how many look like an email, a phone number, a date, ...); every
 * later check reads those counts instead of the values.
 */
#include "columns.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <utf8proc.h>

#include "company.h"
#include "name.h"
#include "norm.h"
#include "strmap.h"
#include "table.h"
#include "utf8.h"

#define MAX_TAGS 32
#define NO_RULE  (-1)

enum rule_kind { RULE_ALIAS, RULE_KEYWORD, RULE_HINT };

typedef struct col_rule {
    const char *alias; /* normalized, without the * or ? marker */
    wn_field field;
    int priority;
    uint32_t tags;
    enum rule_kind kind;
    long next; /* next rule with the same alias, or NO_RULE */
    size_t line;
} col_rule;

struct wn_columns {
    col_rule *rules;
    size_t nrules;
    wn_strmap aliases; /* alias -> index of its first rule */
    const char *tags[MAX_TAGS];
    bool tag_is_language[MAX_TAGS];
    size_t ntags;
    wn_arena mem;
};

/* ------------------------------------------------------------------------ */
/* Header normalization                                                     */
/* ------------------------------------------------------------------------ */

enum cp_class { CP_SEP, CP_UPPER, CP_LOWER, CP_DIGIT, CP_MARK };

static enum cp_class classify(utf8proc_int32_t cp)
{
    switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LT:
        return CP_UPPER;
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
        return CP_LOWER;
    case UTF8PROC_CATEGORY_ND:
    case UTF8PROC_CATEGORY_NL:
    case UTF8PROC_CATEGORY_NO:
        return CP_DIGIT;
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ME:
        return CP_MARK;
    default:
        return CP_SEP;
    }
}

/* Decodes the code point at s[*i], advancing *i; an invalid byte is -1. */
static utf8proc_int32_t next_cp(const char *s, size_t len, size_t *i)
{
    if (*i >= len) return -2;
    utf8proc_int32_t cp;
    utf8proc_ssize_t n =
        utf8proc_iterate((const utf8proc_uint8_t *)s + *i, (utf8proc_ssize_t)(len - *i), &cp);
    if (n <= 0) {
        (*i)++;
        return -1;
    }
    *i += (size_t)n;
    return cp;
}

/* A word boundary between `prev` and `cur` (both letters or digits), with
 * `next` the class after `cur`: "firstName", "HTTPServer", "address1". */
static bool word_break(enum cp_class prev, enum cp_class cur, enum cp_class next)
{
    if ((prev == CP_DIGIT) != (cur == CP_DIGIT)) return true;
    if (prev == CP_LOWER && cur == CP_UPPER) return true;
    return prev == CP_UPPER && cur == CP_UPPER && next == CP_LOWER;
}

/* Appends the NFKD, mark-stripped, case-folded form of `cp`; characters of
 * the decomposition that are not letters or digits become a separator. */
static void append_folded(wn_buf *out, utf8proc_int32_t cp, bool *pending_space)
{
    utf8proc_int32_t dst[32];
    int boundclass = UTF8PROC_BOUNDCLASS_START;
    utf8proc_ssize_t n = utf8proc_decompose_char(
        cp, dst, 32, UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT | UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK,
        &boundclass);
    if (n < 0 || n > 32) return;
    for (utf8proc_ssize_t k = 0; k < n; k++) {
        enum cp_class c = classify(dst[k]);
        if (c == CP_SEP) {
            *pending_space = true;
            continue;
        }
        if (c == CP_MARK) continue;
        if (*pending_space && out->len > 0) wn_buf_putc(out, ' ');
        *pending_space = false;
        utf8proc_uint8_t enc[4];
        size_t enc_len = (size_t)utf8proc_encode_char(dst[k], enc);
        wn_buf_append(out, enc, enc_len);
    }
}

int wn_columns_normalize(const char *s, size_t len, wn_buf *out)
{
    wn_buf_clear(out);
    size_t i = 0;
    bool pending_space = false;
    enum cp_class prev = CP_SEP;
    utf8proc_int32_t cur = next_cp(s, len, &i);
    while (cur != -2) {
        utf8proc_int32_t next = next_cp(s, len, &i);
        enum cp_class cc = cur < 0 ? CP_SEP : classify(cur);
        if (cc == CP_MARK)
            ; /* a combining mark in decomposed input: part of the letter before */
        else if (cc == CP_SEP) {
            pending_space = true;
            prev = CP_SEP;
        } else {
            enum cp_class nc = next < 0 ? CP_SEP : classify(next);
            if (prev != CP_SEP && word_break(prev, cc, nc)) pending_space = true;
            append_folded(out, cur, &pending_space);
            prev = cc;
        }
        cur = next;
    }
    wn_buf_cstr(out);
    return out->len ? WN_NORM_OK : WN_NORM_EMPTY;
}

/* ------------------------------------------------------------------------ */
/* Loading the table                                                        */
/* ------------------------------------------------------------------------ */

static int intern_tag(wn_columns *c, const char *tag, size_t len)
{
    for (size_t t = 0; t < c->ntags; t++)
        if (strlen(c->tags[t]) == len && memcmp(c->tags[t], tag, len) == 0) return (int)t;
    if (c->ntags == MAX_TAGS) return -1;
    bool lang = len == 2;
    for (size_t k = 0; k < len; k++)
        lang = lang && tag[k] >= 'a' && tag[k] <= 'z';
    c->tag_is_language[c->ntags] = lang;
    c->tags[c->ntags] = wn_arena_strndup(&c->mem, tag, len);
    return (int)c->ntags++;
}

/* Parses the space-separated tags of `s` into a mask; -1 on too many tags. */
static int parse_tags(wn_columns *c, const char *s, uint32_t *mask)
{
    *mask = 0;
    while (*s) {
        size_t n = strcspn(s, " \t");
        if (n) {
            int t = intern_tag(c, s, n);
            if (t < 0) return -1;
            *mask |= 1u << t;
        }
        s += n + (s[n] != '\0');
    }
    return 0;
}

static int parse_rule(wn_columns *c, const wn_table_row *row, col_rule *r, wn_buf *key,
                      const char *name, wn_error *err)
{
    if (row->nfields < 3 || row->nfields > 4)
        return wn_fail(err, WN_ERULES, "%s:%zu: expected alias,field,priority[,tags]", name,
                       row->line);
    const char *alias = row->fields[0];
    r->kind = *alias == '*' ? RULE_KEYWORD : *alias == '?' ? RULE_HINT : RULE_ALIAS;
    alias += r->kind != RULE_ALIAS;
    if (wn_columns_normalize(alias, strlen(alias), key) != WN_NORM_OK)
        return wn_fail(err, WN_ERULES, "%s:%zu: empty alias", name, row->line);
    r->alias = wn_arena_strndup(&c->mem, key->data, key->len);
    r->field = wn_field_from_name(row->fields[1]);
    if (r->field == WN_F_NONE && strcmp(row->fields[1], "none") != 0)
        return wn_fail(err, WN_ERULES, "%s:%zu: unknown field '%s'", name, row->line,
                       row->fields[1]);
    const char *p = row->fields[2];
    if (!(p[0] >= '1' && p[0] <= '9' && p[1] == '\0'))
        return wn_fail(err, WN_ERULES, "%s:%zu: priority must be 1 to 9", name, row->line);
    r->priority = p[0] - '0';
    if (parse_tags(c, row->nfields == 4 ? row->fields[3] : "", &r->tags) < 0)
        return wn_fail(err, WN_ERULES, "%s:%zu: more than %d distinct tags", name, row->line,
                       MAX_TAGS);
    r->next = NO_RULE;
    r->line = row->line;
    return WN_OK;
}

/* Chains alias rule `i` after the rules of the same alias; two rows with the
 * same alias and tags would make the table say two things at once. */
static int link_alias(wn_columns *c, long i, const char *name, wn_error *err)
{
    col_rule *r = &c->rules[i];
    uint64_t first;
    if (!wn_strmap_getz(&c->aliases, r->alias, &first)) {
        wn_strmap_putz(&c->aliases, r->alias, (uint64_t)i);
        return WN_OK;
    }
    for (col_rule *p = &c->rules[first];; p = &c->rules[p->next]) {
        if (p->tags == r->tags)
            return wn_fail(err, WN_ERULES, "%s:%zu: alias '%s' repeats line %zu", name, r->line,
                           r->alias, p->line);
        if (p->next == NO_RULE) {
            p->next = i;
            return WN_OK;
        }
    }
}

static int build(wn_columns **out, const wn_table *t, wn_error *err)
{
    wn_columns *c = wn_xcalloc(1, sizeof *c);
    wn_strmap_init(&c->aliases);
    c->rules = wn_xcalloc(t->nrows ? t->nrows : 1, sizeof *c->rules);
    wn_buf key = {0};
    int rc = WN_OK;
    for (size_t i = 0; i < t->nrows && rc == WN_OK; i++) {
        rc = parse_rule(c, &t->rows[i], &c->rules[i], &key, t->name, err);
        c->nrules = i + 1;
        if (rc == WN_OK && c->rules[i].kind == RULE_ALIAS)
            rc = link_alias(c, (long)i, t->name, err);
    }
    wn_buf_free(&key);
    if (rc != WN_OK) {
        wn_columns_free(c);
        c = NULL;
    }
    *out = c;
    return rc;
}

int wn_columns_load_text(wn_columns **out, const char *name, const char *text, size_t len,
                         wn_error *err)
{
    wn_table t;
    wn_table_parse(&t, name, text, len);
    int rc = build(out, &t, err);
    wn_table_free(&t);
    return rc;
}

int wn_columns_load(wn_columns **out, wn_error *err)
{
    wn_table t;
    int rc = wn_table_load_embedded(&t, "data/headers.csv", err);
    if (rc == WN_OK)
        rc = build(out, &t, err);
    else
        *out = NULL;
    wn_table_free(&t);
    return rc;
}

void wn_columns_free(wn_columns *c)
{
    if (!c) return;
    free(c->rules);
    wn_strmap_free(&c->aliases);
    wn_arena_free(&c->mem);
    free(c);
}

/* ------------------------------------------------------------------------ */
/* Value shapes                                                             */
/* ------------------------------------------------------------------------ */

/* Shape counts over one column's non-empty sampled values. */
typedef struct val_stats {
    size_t nonempty;
    size_t email;        /* local@domain.tld */
    size_t phone;        /* 7-15 digits in phone punctuation, not a date */
    size_t phone_strict; /* ... and written like a phone: punctuated, or + or 0 first */
    size_t date;         /* a numeric date, with or without a time */
    size_t timed;        /* dates carrying a non-midnight time of day */
    size_t birth_year;   /* date-only values with a year in [1900, year - 14] */
    size_t postal;       /* 3-10 letters, digits, blanks, hyphens; >= 2 digits, <= 5 letters */
    size_t url;          /* http(s)://..., www...., or host.tld */
    size_t lettered;     /* with at least one letter */
    size_t spaced;       /* with a blank inside */
    size_t distinct;     /* distinct values */
    size_t longest;      /* bytes */
    size_t bytes;        /* over all non-empty values */
    size_t rows;         /* sampled rows, empty cells included */
    int ymin, ymax;      /* over dates */
} val_stats;

static bool is_digit(char ch)
{
    return ch >= '0' && ch <= '9';
}

static bool is_alpha(char ch)
{
    return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z');
}

/* Reads up to `max` digits at s[*i] into *v; returns how many were read. */
static size_t read_num(const char *s, size_t n, size_t *i, size_t max, int *v)
{
    size_t k = 0;
    *v = 0;
    while (*i < n && k < max && is_digit(s[*i])) {
        *v = *v * 10 + (s[(*i)++] - '0');
        k++;
    }
    return k;
}

/* The rest of a date value: nothing, or [T or blank] H:MM[:SS[.f]] followed
 * only by zone or AM/PM characters. Sets *timed unless the time is midnight
 * (date-only fields exported as timestamps). */
static bool parse_time(const char *s, size_t n, size_t i, bool *timed)
{
    *timed = false;
    if (i == n) return true;
    if (s[i] != 'T' && s[i] != ' ') return false;
    i++;
    int h, m;
    if (!read_num(s, n, &i, 2, &h) || i >= n || s[i++] != ':' || read_num(s, n, &i, 2, &m) != 2)
        return false;
    bool zero = h == 0 && m == 0;
    for (; i < n; i++) {
        if (is_digit(s[i]))
            zero = zero && s[i] == '0';
        else if (!strchr(":.+-Z APMUTC", s[i]))
            return false;
    }
    *timed = !zero;
    return true;
}

/* Numeric dates as CRMs export them: Y-M-D (also / and .), D.M.Y, M/D/Y,
 * D/M/Y with a 2- or 4-digit year, and FEBRL's YYYYMMDD. */
static bool parse_date(const char *s, size_t n, int *year, bool *timed)
{
    size_t i = 0;
    int a, b, y;
    size_t na = read_num(s, n, &i, 8, &a);
    if (na == 8 && i == n) { /* YYYYMMDD */
        y = a / 10000, b = a / 100 % 100, a %= 100;
        *year = y, *timed = false;
        return y >= 1800 && y <= 2100 && b >= 1 && b <= 12 && a >= 1 && a <= 31;
    }
    if (na == 0 || na > 4 || i >= n || !strchr("-/.", s[i])) return false;
    char sep = s[i++];
    if (!read_num(s, n, &i, 2, &b) || i >= n || s[i++] != sep) return false;
    size_t ny = read_num(s, n, &i, 4, &y);
    if (na == 4) { /* Y-M-D: the third number is the day */
        int d = y;
        y = a;
        if (ny == 0 || ny > 2 || b < 1 || b > 12 || d < 1 || d > 31) return false;
    } else {
        if (na > 2 || (ny != 2 && ny != 4) || a < 1 || b < 1) return false;
        if (!((a <= 12 && b <= 31) || (b <= 12 && a <= 31))) return false;
        if (ny == 2) y += y >= 30 ? 1900 : 2000;
    }
    *year = y;
    return parse_time(s, n, i, timed);
}

static bool looks_email(const char *s, size_t n)
{
    const char *at = memchr(s, '@', n);
    if (!at || at == s || memchr(at + 1, '@', n - (size_t)(at - s) - 1)) return false;
    const char *dom = at + 1, *end = s + n, *dot = NULL;
    for (const char *p = s; p < end; p++)
        if (*p == ' ' || *p == ',' || *p == ';' || (p > dom && *p == '.' && p[-1] == '.'))
            return false;
    for (const char *p = dom; p < end; p++)
        if (*p == '.') dot = p;
    if (!dot || dot == dom || end - dot < 3) return false;
    for (const char *p = dot + 1; p < end; p++)
        if (!is_alpha(*p)) return false;
    return true;
}

/* 7-15 digits (ITU-T E.164 allows at most 15) in digits, blanks and
 * + ( ) - . /, with + only in front; an extension ("x12", "ext. 12", "#12")
 * is cut off first. *strict: written the way people write phone numbers. */
static bool looks_phone(const char *s, size_t n, bool *strict)
{
    size_t digits = 0, punct = 0;
    bool plus = false;
    for (size_t i = 0; i < n; i++) {
        char ch = s[i];
        if (ch == 'x' || ch == 'X' || ch == '#' || ch == 'e' || ch == 'E') break;
        if (is_digit(ch))
            digits++;
        else if (ch == '+' && digits == 0 && punct == 0 && !plus)
            plus = true;
        else if (strchr(" ()-./", ch))
            punct++;
        else
            return false;
    }
    *strict = plus || punct > 0 || s[0] == '0';
    return digits >= 7 && digits <= 15;
}

static bool looks_postal(const char *s, size_t n)
{
    size_t digits = 0, letters = 0;
    if (n < 3 || n > 10) return false;
    for (size_t i = 0; i < n; i++) {
        if (is_digit(s[i]))
            digits++;
        else if (is_alpha(s[i]))
            letters++;
        else if (s[i] != ' ' && s[i] != '-')
            return false;
    }
    return digits >= 2 && letters <= 5; /* UK "SW1A 1AA" has five */
}

static bool looks_url(const char *s, size_t n)
{
    size_t i = 0;
    if (n > 8 && strncmp(s, "https://", 8) == 0)
        i = 8;
    else if (n > 7 && strncmp(s, "http://", 7) == 0)
        i = 7;
    size_t host = i, dot = 0;
    for (; i < n && s[i] != '/'; i++) {
        if (s[i] == '.')
            dot = i;
        else if (!is_alpha(s[i]) && !is_digit(s[i]) && s[i] != '-' && s[i] != ':')
            return false;
    }
    if (dot <= host) return false;
    for (size_t k = dot + 1; k < i; k++)
        if (!is_alpha(s[k])) return false;
    return i - dot > 2;
}

static void count_value(val_stats *st, const char *s, int year_now)
{
    size_t n = strlen(s);
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
        n--;
    while (n && (*s == ' ' || *s == '\t'))
        s++, n--;
    if (n == 0) return;
    st->nonempty++;
    bool letter = false, blank = false;
    for (size_t i = 0; i < n; i++) {
        letter |= is_alpha(s[i]) || (unsigned char)s[i] >= 0x80;
        blank |= s[i] == ' ' || s[i] == '\t';
    }
    st->lettered += letter;
    st->spaced += blank;
    if (n > st->longest) st->longest = n;
    st->bytes += n;
    st->email += looks_email(s, n);
    st->postal += looks_postal(s, n);
    st->url += looks_url(s, n);
    int y;
    bool timed, strict;
    if (parse_date(s, n, &y, &timed)) {
        st->date++;
        st->timed += timed;
        st->birth_year += !timed && y >= 1900 && y <= year_now - 14;
        if (st->date == 1 || y < st->ymin) st->ymin = y;
        if (st->date == 1 || y > st->ymax) st->ymax = y;
    } else if (looks_phone(s, n, &strict)) {
        st->phone++;
        st->phone_strict += strict;
    }
}

/* Share of values shaped like `f`, or -1 when `f` has no shape check or no
 * value was sampled. */
static float field_fit(wn_field f, const val_stats *st)
{
    size_t hits;
    switch (f) {
    case WN_F_EMAIL:
        hits = st->email;
        break;
    case WN_F_PHONE:
    case WN_F_MOBILE:
    case WN_F_FAX:
        hits = st->phone;
        break;
    case WN_F_BIRTH_DATE:
    case WN_F_CREATED:
    case WN_F_MODIFIED:
        hits = st->date;
        break;
    case WN_F_POSTAL_CODE:
        hits = st->postal;
        break;
    case WN_F_WEBSITE:
        hits = st->url;
        break;
    default:
        return -1;
    }
    return st->nonempty ? (float)hits / (float)st->nonempty : -1;
}

/* ------------------------------------------------------------------------ */
/* Vendor and language                                                      */
/* ------------------------------------------------------------------------ */

/* The alias rule for `key`, or NO_RULE. */
static long find_alias(const wn_columns *c, const char *key)
{
    uint64_t v;
    return wn_strmap_getz(&c->aliases, key, &v) ? (long)v : NO_RULE;
}

/* Adds the votes of one header: an unambiguous alias gives each of its k
 * vendor tags 1/k, and each of its language tags likewise. */
static void vote(const wn_columns *c, const char *key, double *votes)
{
    long r = find_alias(c, key);
    if (r == NO_RULE || c->rules[r].next != NO_RULE) return;
    uint32_t tags = c->rules[r].tags;
    int nvendor = 0, nlang = 0;
    for (size_t t = 0; t < c->ntags; t++)
        if (tags & (1u << t)) *(c->tag_is_language[t] ? &nlang : &nvendor) += 1;
    for (size_t t = 0; t < c->ntags; t++)
        if (tags & (1u << t)) votes[t] += 1.0 / (c->tag_is_language[t] ? nlang : nvendor);
}

/* The winning tag among vendors or languages, or -1: it needs `min` votes
 * and a lead of more than `lead` over the runner-up. */
static int elect(const wn_columns *c, const double *votes, bool language, double min, double lead)
{
    int best = -1;
    double second = 0;
    for (size_t t = 0; t < c->ntags; t++) {
        if (c->tag_is_language[t] != language) continue;
        if (best < 0 || votes[t] > votes[best]) {
            if (best >= 0) second = votes[best];
            best = (int)t;
        } else if (votes[t] > second)
            second = votes[t];
    }
    if (best < 0 || votes[best] < min || votes[best] - second <= lead) return -1;
    return best;
}

#define VENDOR_MIN_VOTES   2.0
#define VENDOR_MIN_LEAD    0.999 /* at least one vote ahead */
#define LANGUAGE_MIN_VOTES 1.0

const char *wn_columns_vendor(const wn_columns *c, size_t ncols, const char *const *names)
{
    double votes[MAX_TAGS] = {0};
    wn_buf key = {0};
    for (size_t i = 0; i < ncols; i++)
        if (wn_columns_normalize(names[i], strlen(names[i]), &key) == WN_NORM_OK)
            vote(c, key.data, votes);
    wn_buf_free(&key);
    int v = elect(c, votes, false, VENDOR_MIN_VOTES, VENDOR_MIN_LEAD);
    return v < 0 ? "generic" : c->tags[v];
}

/* ------------------------------------------------------------------------ */
/* Deciding each column                                                     */
/* ------------------------------------------------------------------------ */

typedef struct resolve_ctx {
    const wn_columns *c;
    int vendor;   /* tag index or -1 */
    int language; /* tag index or -1 */
    int year;
} resolve_ctx;

/* True if the words of `kw` occur in `key` as whole consecutive words. */
static bool has_words(const char *key, const char *kw)
{
    size_t n = strlen(kw);
    for (const char *p = strstr(key, kw); p; p = strstr(p + 1, kw))
        if ((p == key || p[-1] == ' ') && (p[n] == '\0' || p[n] == ' ')) return true;
    return false;
}

static void decide(wn_column *col, const col_rule *r, wn_column_how how, float confidence)
{
    col->field = r->field;
    col->how = how;
    col->confidence = confidence;
    col->priority = r->priority;
    col->rule = r->alias;
    col->rule_line = r->line;
}

/* Step 1: an alias; of several rows, the one tagged with the export's vendor,
 * else its language, else the first. */
static bool by_alias(const resolve_ctx *x, wn_column *col)
{
    long first = find_alias(x->c, col->key);
    if (first == NO_RULE) return false;
    const col_rule *rules = x->c->rules, *pick = NULL;
    const int want[2] = {x->vendor, x->language};
    for (int w = 0; w < 2 && !pick; w++)
        for (long r = first; r != NO_RULE && !pick && want[w] >= 0; r = rules[r].next)
            if (rules[r].tags & (1u << want[w])) pick = &rules[r];
    decide(col, pick ? pick : &rules[first], WN_COLUMN_ALIAS,
           rules[first].next == NO_RULE ? 1.0f : 0.9f);
    return true;
}

/* Steps 2 and 3: the first keyword (or hint) in table order whose words the
 * header contains and whose field the values do not contradict. */
static bool by_words(const resolve_ctx *x, wn_column *col, const val_stats *st, enum rule_kind kind)
{
    for (size_t i = 0; i < x->c->nrules; i++) {
        const col_rule *r = &x->c->rules[i];
        if (r->kind != kind || !has_words(col->key, r->alias)) continue;
        float fit = field_fit(r->field, st);
        if (kind == RULE_KEYWORD && fit >= 0 && fit < 0.5f) continue;
        if (kind == RULE_HINT && fit < 0.8f) continue;
        if (kind == RULE_HINT)
            decide(col, r, WN_COLUMN_HINT, 0.7f);
        else
            decide(col, r, WN_COLUMN_KEYWORD, fit >= 0.8f ? 0.9f : 0.8f);
        return true;
    }
    return false;
}

#define VALUES_MIN     3   /* fewer non-empty values decide nothing */
#define VALUES_SHARE   0.8 /* share of values that must have the shape */
#define BIRTH_MIN      5   /* values needed to call a date column birth dates */
#define BIRTH_MIN_SPAN 10  /* years between the oldest and youngest */
#define DOUBT_MIN      5   /* values needed to doubt an alias */

static bool birth_dates(const val_stats *st)
{
    return st->nonempty >= BIRTH_MIN && st->timed == 0 &&
           (double)st->date >= VALUES_SHARE * (double)st->nonempty && st->birth_year == st->date &&
           st->ymax - st->ymin >= BIRTH_MIN_SPAN;
}

#define ID_MIN_VALUES 5  /* fewer sampled values cannot show a column is an id */
#define ID_MAX_LENGTH 40 /* bytes: ids are codes, not text */

/* A header word that names an id. */
static bool id_header(const char *key)
{
    static const char *const words[] = {"id", "key", "nr", "no", "ref", "code", "number", "num"};
    for (size_t i = 0; i < sizeof words / sizeof *words; i++)
        if (has_words(key, words[i])) return true;
    return false;
}

/* The record id, by its values: present in every sampled row, all
 * distinct, short codes without blanks; in the first column or under an
 * id word. */
static bool record_id_values(const wn_column *col, const val_stats *st, bool first)
{
    return st->nonempty >= ID_MIN_VALUES && st->nonempty == st->rows &&
           st->distinct == st->nonempty && st->spaced == 0 && st->longest <= ID_MAX_LENGTH &&
           (first || id_header(col->key));
}

/* Step 4: the values alone. */
static void by_values(wn_column *col, const val_stats *st, bool first)
{
    if (st->nonempty >= ID_MIN_VALUES && record_id_values(col, st, first)) {
        col->field = WN_F_RECORD_ID;
        col->how = WN_COLUMN_VALUES;
        col->priority = 2; /* a column named as the id wins */
        col->confidence = 0.7f;
        return;
    }
    if (st->nonempty < VALUES_MIN) return;
    double n = (double)st->nonempty;
    wn_field f = WN_F_NONE;
    double share = 0;
    if (st->email >= VALUES_SHARE * n)
        f = WN_F_EMAIL, share = st->email / n;
    else if (st->phone_strict >= VALUES_SHARE * n)
        f = WN_F_PHONE, share = st->phone_strict / n;
    else if (birth_dates(st))
        f = WN_F_BIRTH_DATE, share = st->date / n;
    if (f == WN_F_NONE) return;
    col->field = f;
    col->how = WN_COLUMN_VALUES;
    col->priority = 1;
    col->fit = field_fit(f, st);
    /* More values, more certainty: full weight from 20 values on. */
    col->confidence = (float)(0.5 + 0.4 * share * (n >= 20 ? 1.0 : n / 20.0));
}

static void resolve_column(const resolve_ctx *x, wn_column *col, const val_stats *st, bool first)
{
    col->nonempty = st->nonempty;
    col->rule = "";
    col->fit = -1;
    if (by_alias(x, col) || by_words(x, col, st, RULE_KEYWORD) || by_words(x, col, st, RULE_HINT)) {
        col->fit = field_fit(col->field, st);
        /* The header is trusted, but it should show when the values disagree. */
        if (col->how == WN_COLUMN_ALIAS && col->fit >= 0 && col->fit < 0.5f &&
            col->nonempty >= DOUBT_MIN)
            col->confidence *= 0.6f;
    } else
        by_values(col, st, first);
}

/* ------------------------------------------------------------------------ */
/* One column per single-valued field                                       */
/* ------------------------------------------------------------------------ */

static bool multi_valued(wn_field f)
{
    return f == WN_F_EMAIL || f == WN_F_PHONE || f == WN_F_MOBILE || f == WN_F_FAX;
}

static bool address_field(wn_field f)
{
    return f >= WN_F_STREET_NUMBER && f <= WN_F_COUNTRY;
}

/* Whether column a should supply a field rather than column b (a < b):
 * lower priority, then the stronger decision, then the leftmost. */
static bool better(const wn_column *a, const wn_column *b)
{
    if (a->priority != b->priority) return a->priority < b->priority;
    return a->how <= b->how;
}

static void settle(wn_columns_map *m)
{
    bool main_address = false;
    for (size_t i = 0; i < m->ncols; i++)
        main_address |= address_field(m->cols[i].field) && m->cols[i].priority <= 2;
    for (size_t i = 0; i < m->ncols; i++) {
        wn_column *col = &m->cols[i];
        if (col->field == WN_F_NONE) continue;
        if (main_address && address_field(col->field) && col->priority >= 3) {
            col->secondary = true;
            continue;
        }
        long *p = &m->primary[col->field];
        if (*p < 0 || !better(&m->cols[*p], col)) {
            if (*p >= 0 && !multi_valued(col->field)) m->cols[*p].secondary = true;
            *p = (long)i;
        } else if (!multi_valued(col->field))
            col->secondary = true;
    }
}

/* ------------------------------------------------------------------------ */
/* People or organisations                                                  */
/* ------------------------------------------------------------------------ */

#define ORG_MIN_VALUES 5   /* fewer sampled names decide nothing */
#define ORG_MIN_SHARE  0.3 /* names that read as organisations' */

/* The first word of a name (of the part after the comma in "Last, First"). */
static bool first_word(const char *v, const char **w, size_t *n)
{
    const char *comma = strchr(v, ',');
    const char *p = comma ? comma + 1 : v;
    while (*p == ' ' || *p == '\t')
        p++;
    size_t k = 0;
    while (p[k] && p[k] != ' ' && p[k] != '\t' && p[k] != ',')
        k++;
    *w = p;
    *n = k;
    return k > 0;
}

/* Whether a name is a single word. */
static bool one_word(const char *v)
{
    while (*v == ' ')
        v++;
    const char *sp = strpbrk(v, " \t,");
    if (!sp) return true;
    while (*sp == ' ' || *sp == '\t' || *sp == ',')
        sp++;
    return *sp == '\0';
}

/*
 * A full-name column ("Name") may hold people or organisations: a
 * restaurant guide's "name" is "Arnie Morton's of Chicago". The sampled
 * values decide: the share whose first word is a given name the nickname
 * table knows, against the share that reads as an organisation's (a legal
 * form, a word such as restaurant, school or association, an "&", a digit,
 * or a single word). Organisations when they are at least ORG_MIN_SHARE of
 * the names and more than the given names; otherwise people, which the
 * header says.
 */
static bool organisations(const wn_columns_input *in, size_t col)
{
    size_t n = 0, given = 0, org = 0;
    for (size_t r = 0; r < in->nrows; r++) {
        const char *v = in->cells[r * in->ncols + col];
        const char *w;
        size_t wn;
        if (!v || !first_word(v, &w, &wn)) continue;
        n++;
        given += wn_name_is_given(w, wn);
        org += one_word(v) || wn_company_marked(v, strlen(v));
    }
    return n >= ORG_MIN_VALUES && (double)org >= ORG_MIN_SHARE * (double)n && org > given;
}

/* ------------------------------------------------------------------------ */
/* Generic text                                                             */
/* ------------------------------------------------------------------------ */

#define GENERIC_MIN_SHARE    0.05 /* of the sampled rows */
#define GENERIC_MAX_UNIQUE   0.95 /* more distinct than this: maybe a per-row value */
#define GENERIC_UNIQUE_MIN   20   /* from this many values, unique means above MAX_UNIQUE */
#define GENERIC_MIN_DISTINCT 3    /* two values are a flag (yes/no), not text */
#define GENERIC_NOTE_BYTES   40   /* a longer mean value is free text (notes, comments) */

/* A value each row has its own that cannot tell two rows of one customer
 * apart: a note (long free text) or a code (no blank in any value). Names
 * are nearly unique in a small sample too, and they are what matters. */
static bool per_row(const val_stats *st)
{
    double n = (double)st->nonempty;
    bool unique = st->nonempty >= GENERIC_UNIQUE_MIN ? (double)st->distinct > GENERIC_MAX_UNIQUE * n
                                                     : st->distinct == st->nonempty;
    return unique && ((double)st->bytes > GENERIC_NOTE_BYTES * n || st->spaced == 0);
}

/* The evidence a generic column may hold (0: none worth comparing). */
static double generic_evidence(const wn_column *col, const val_stats *st)
{
    if (col->field != WN_F_NONE || col->how != WN_COLUMN_UNKNOWN) return 0;
    double n = (double)st->nonempty;
    if (st->nonempty < VALUES_MIN || n < GENERIC_MIN_SHARE * (double)st->rows) return 0;
    if (st->distinct < GENERIC_MIN_DISTINCT || 2 * st->lettered < st->nonempty) return 0;
    if (per_row(st)) return 0;
    return n * log2(1.0 + (double)st->distinct);
}

/* Step 5: the unrecognised columns with the most evidence become text_1 ..
 * text_4, in column order. */
static void generic_text(wn_columns_map *m, const val_stats *stats)
{
    size_t pick[WN_TEXT_FIELDS] = {0}, npick = 0;
    for (size_t k = 0; k < WN_TEXT_FIELDS; k++) {
        double best = 0;
        size_t at = m->ncols;
        for (size_t i = 0; i < m->ncols; i++) {
            bool taken = false;
            for (size_t j = 0; j < npick; j++)
                taken |= pick[j] == i;
            double e = taken ? 0 : generic_evidence(&m->cols[i], &stats[i]);
            if (e > best) best = e, at = i;
        }
        if (at == m->ncols) break;
        pick[npick++] = at;
    }
    size_t next = 0;
    for (size_t i = 0; i < m->ncols && next < npick; i++) {
        bool picked = false;
        for (size_t j = 0; j < npick; j++)
            picked |= pick[j] == i;
        if (!picked) continue;
        wn_column *col = &m->cols[i];
        col->field = (wn_field)(WN_F_TEXT1 + next++);
        col->how = WN_COLUMN_GENERIC;
        col->priority = 1;
        col->confidence = 0.5f;
        m->primary[col->field] = (long)i;
    }
}

/* ------------------------------------------------------------------------ */
/* Resolution                                                               */
/* ------------------------------------------------------------------------ */

static int current_year(void)
{
    time_t now = time(NULL);
    struct tm tm;
    return gmtime_r(&now, &tm) ? tm.tm_year + 1900 : 2000;
}

static void column_stats(const wn_columns_input *in, size_t col, int year, val_stats *st)
{
    memset(st, 0, sizeof *st);
    st->rows = in->nrows;
    wn_strmap seen;
    wn_strmap_init(&seen);
    for (size_t r = 0; r < in->nrows; r++) {
        const char *v = in->cells[r * in->ncols + col];
        if (!v) continue;
        size_t before = st->nonempty;
        count_value(st, v, year);
        uint64_t dummy;
        if (st->nonempty > before && !wn_strmap_getz(&seen, v, &dummy)) {
            wn_strmap_putz(&seen, v, 1);
            st->distinct++;
        }
    }
    wn_strmap_free(&seen);
}

int wn_columns_resolve(const wn_columns *c, const wn_columns_input *in, wn_columns_map *out,
                       wn_error *err)
{
    memset(out, 0, sizeof *out);
    for (size_t f = 0; f < WN_F_COUNT; f++)
        out->primary[f] = -1;
    out->vendor = "generic";
    out->language = "";
    if (in->ncols == 0 || !in->names || (in->nrows && !in->cells))
        return wn_fail(err, WN_EUSAGE, "column recognition needs a header and its values");
    out->ncols = in->ncols;
    out->cols = wn_arena_alloc(&out->mem, in->ncols * sizeof *out->cols, _Alignof(wn_column));
    memset(out->cols, 0, in->ncols * sizeof *out->cols);

    double votes[MAX_TAGS] = {0};
    wn_buf key = {0};
    for (size_t i = 0; i < in->ncols; i++) {
        if (!in->names[i]) {
            wn_buf_free(&key);
            return wn_fail(err, WN_EUSAGE, "column %zu has no name", i + 1);
        }
        wn_columns_normalize(in->names[i], strlen(in->names[i]), &key);
        out->cols[i].key = wn_arena_strndup(&out->mem, key.data ? key.data : "", key.len);
        vote(c, out->cols[i].key, votes);
    }
    wn_buf_free(&key);

    resolve_ctx x = {c, elect(c, votes, false, VENDOR_MIN_VOTES, VENDOR_MIN_LEAD),
                     elect(c, votes, true, LANGUAGE_MIN_VOTES, 0), in->year};
    if (x.year == 0) x.year = current_year();
    if (x.vendor >= 0)
        out->vendor = wn_arena_strndup(&out->mem, c->tags[x.vendor], strlen(c->tags[x.vendor]));
    if (x.language >= 0)
        out->language =
            wn_arena_strndup(&out->mem, c->tags[x.language], strlen(c->tags[x.language]));
    val_stats *stats = wn_xcalloc(in->ncols, sizeof *stats);
    for (size_t i = 0; i < in->ncols; i++) {
        column_stats(in, i, x.year, &stats[i]);
        resolve_column(&x, &out->cols[i], &stats[i], i == 0);
        wn_column *col = &out->cols[i];
        if (col->field == WN_F_FULL_NAME && organisations(in, i)) {
            col->field = WN_F_COMPANY;
            col->organisations = true;
        }
        col->rule = wn_arena_strndup(&out->mem, col->rule, strlen(col->rule));
    }
    settle(out);
    generic_text(out, stats);
    free(stats);
    return WN_OK;
}

void wn_columns_map_free(wn_columns_map *m)
{
    wn_arena_free(&m->mem);
    memset(m, 0, sizeof *m);
}

/* ------------------------------------------------------------------------ */
/* Describing                                                               */
/* ------------------------------------------------------------------------ */

const char *wn_column_how_name(wn_column_how how)
{
    static const char *const names[] = {"unknown", "alias", "keyword", "hint", "values", "generic"};
    return how <= WN_COLUMN_GENERIC ? names[how] : "unknown";
}

/* Appends `s` and pads it with blanks to `width` characters; a longer `s`
 * still gets two blanks after it. */
static void put_padded(wn_buf *out, const char *s, size_t width)
{
    wn_buf_puts(out, s);
    size_t n = wn_utf8_length(s, strlen(s));
    for (size_t pad = n + 2 > width ? 2 : width - n; pad > 0; pad--)
        wn_buf_putc(out, ' ');
}

/* Starts another part of a column's note: "; " unless it is the first. */
static void note_sep(wn_buf *out, size_t start)
{
    if (out->len > start) wn_buf_puts(out, "; ");
}

static void describe_note(const wn_columns_map *m, const wn_column *col, const char *const *names,
                          wn_buf *out)
{
    const char *field = wn_field_name(col->field);
    size_t start = out->len;
    if (col->how == WN_COLUMN_UNKNOWN)
        wn_buf_puts(out, "not recognised, carried through");
    else if (col->how == WN_COLUMN_GENERIC)
        wn_buf_puts(out, "not recognised; compared as generic text");
    else if (col->field == WN_F_NONE)
        wn_buf_printf(out, "known column, not used ('%s')", col->rule);
    else if (col->how == WN_COLUMN_KEYWORD || col->how == WN_COLUMN_HINT)
        wn_buf_printf(out, "header has '%s'", col->rule);
    if (col->field != WN_F_NONE && col->fit >= 0 &&
        (col->how == WN_COLUMN_VALUES || col->fit < 0.5f)) {
        note_sep(out, start);
        wn_buf_printf(out, "%.0f%% of %zu values look like %s", 100.0 * col->fit, col->nonempty,
                      field);
    }
    if (col->organisations) {
        note_sep(out, start);
        wn_buf_puts(out, "the names are organisations'");
    }
    if (col->secondary) {
        note_sep(out, start);
        long p = m->primary[col->field];
        if (p >= 0)
            wn_buf_printf(out, "secondary: %s comes from \"%s\"", field, names[p]);
        else
            wn_buf_puts(out, "secondary: the export has a main address");
    }
}

#define DESCRIBE_NAME_MAX 32

void wn_columns_describe(const wn_columns_map *m, const char *const *names, wn_buf *out)
{
    wn_buf_printf(out, "vendor: %s\nlanguage: %s\n", m->vendor, *m->language ? m->language : "-");
    size_t width = strlen("column");
    for (size_t i = 0; i < m->ncols; i++) {
        size_t n = wn_utf8_length(names[i], strlen(names[i]));
        width = n > width ? (n < DESCRIBE_NAME_MAX ? n : DESCRIBE_NAME_MAX) : width;
    }
    put_padded(out, "column", width + 2);
    wn_buf_puts(out, "field          how      conf  note\n");
    for (size_t i = 0; i < m->ncols; i++) {
        const wn_column *col = &m->cols[i];
        put_padded(out, names[i], width + 2);
        put_padded(out, col->field ? wn_field_name(col->field) : "-", 15);
        put_padded(out, wn_column_how_name(col->how), 9);
        wn_buf_printf(out, "%.2f  ", (double)col->confidence);
        describe_note(m, col, names, out);
        while (out->len && out->data[out->len - 1] == ' ')
            out->len--;
        wn_buf_putc(out, '\n');
    }
}
