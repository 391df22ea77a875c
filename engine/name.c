/*
 * name.c -- person names; see name.h.
 *
 * Everything works on a token list: the words of the text, split at blanks
 * and commas, each with the kinds its folded form has in name_words.csv.
 * Parsing and key building then only look at kinds and positions. Tokens
 * live in a fixed array on the stack; a cell with more than NAME_MAX_TOKENS
 * words (no real name has) has the excess folded into the last token.
 */
#include "name.h"

#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "strmap.h"
#include "table.h"
#include "text.h"

enum {
    NW_TITLE = 1,
    NW_SUFFIX = 2,
    NW_PARTICLE = 4,
    NW_PREFIX = 8,
    NW_CONJ = 16,
};

#define NAME_MAX_TOKENS 48
#define NAME_KEY_MAX    32

typedef struct name_tok {
    const char *p;
    size_t n;
    unsigned kind;
    bool comma; /* a comma follows */
} name_tok;

/* Built once by name_init() under pthread_once; read-only afterwards. */
static struct {
    wn_strmap words; /* folded word -> NW_* bits */
    wn_strmap nick;  /* nickname -> canonical (const char * in nick_table) */
    wn_strmap given; /* every given name the nickname table knows, either side */
    wn_table nick_table;
} name_ctx;
static pthread_once_t name_once = PTHREAD_ONCE_INIT;

static void name_load(wn_table *t, const char *name)
{
    wn_error err;
    if (wn_table_load_embedded(t, name, &err) != WN_OK) {
        fprintf(stderr, "winnow: %s\n", err.msg);
        abort();
    }
}

static unsigned name_kind_bit(const char *kind)
{
    static const struct {
        const char *name;
        unsigned bit;
    } kinds[] = {{"title", NW_TITLE},
                 {"suffix", NW_SUFFIX},
                 {"particle", NW_PARTICLE},
                 {"prefix", NW_PREFIX},
                 {"conj", NW_CONJ}};
    for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
        if (strcmp(kind, kinds[i].name) == 0) return kinds[i].bit;
    return 0;
}

static void name_init(void)
{
    wn_table t;
    name_load(&t, "data/name_words.csv");
    wn_strmap_init(&name_ctx.words);
    for (size_t i = 0; i < t.nrows; i++) {
        const wn_table_row *r = &t.rows[i];
        unsigned bit = r->nfields == 2 ? name_kind_bit(r->fields[1]) : 0;
        if (!bit) {
            fprintf(stderr, "winnow: rules/%s:%zu: expected word,kind\n", t.name, r->line);
            abort();
        }
        uint64_t v = 0;
        wn_strmap_getz(&name_ctx.words, r->fields[0], &v);
        wn_strmap_putz(&name_ctx.words, r->fields[0], v | bit);
    }
    wn_table_free(&t);

    name_load(&name_ctx.nick_table, "data/nicknames.csv");
    wn_strmap_init(&name_ctx.nick);
    wn_strmap_init(&name_ctx.given);
    for (size_t i = 0; i < name_ctx.nick_table.nrows; i++) {
        const wn_table_row *r = &name_ctx.nick_table.rows[i];
        if (r->nfields != 2) {
            fprintf(stderr, "winnow: rules/data/nicknames.csv:%zu: expected nickname,canonical\n",
                    r->line);
            abort();
        }
        wn_strmap_putz(&name_ctx.nick, r->fields[0], (uint64_t)(uintptr_t)r->fields[1]);
        wn_strmap_putz(&name_ctx.given, r->fields[0], 1);
        wn_strmap_putz(&name_ctx.given, r->fields[1], 1);
    }
}

/* The lookup form of a word: lower case, no accents, no dots or apostrophes
 * ("Sra." -> "sra", "Señor" -> "senor"). 0 if it does not fit. */
static size_t name_key(const char *s, size_t n, char key[NAME_KEY_MAX])
{
    size_t k = 0;
    for (size_t i = 0; i < n;) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) {
            i++;
            if (c == '.' || c == '\'') continue;
            if (k == NAME_KEY_MAX) return 0;
            key[k++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
            continue;
        }
        utf8proc_int32_t cp, d[4];
        utf8proc_ssize_t r =
            utf8proc_iterate((const utf8proc_uint8_t *)s + i, (utf8proc_ssize_t)(n - i), &cp);
        if (r <= 0) return 0;
        i += (size_t)r;
        int last;
        utf8proc_ssize_t m = utf8proc_decompose_char(
            cp, d, 4, UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK | UTF8PROC_CASEFOLD, &last);
        for (utf8proc_ssize_t j = 0; j < m && j < 4; j++) {
            if (k + 4 > NAME_KEY_MAX) return 0;
            k += (size_t)utf8proc_encode_char(d[j], (utf8proc_uint8_t *)key + k);
        }
    }
    return k;
}

static unsigned name_kind(const char *s, size_t n)
{
    char key[NAME_KEY_MAX];
    size_t k = name_key(s, n, key);
    uint64_t v = 0;
    return k && wn_strmap_get(&name_ctx.words, key, k, &v) ? (unsigned)v : 0;
}

static bool name_is_sep(char c)
{
    return c == ' ' || c == ',' || c == '\t' || c == '\r' || c == '\n';
}

static size_t name_tokens(const char *s, size_t len, name_tok *t)
{
    size_t n = 0;
    for (size_t i = 0; i < len;) {
        if (s[i] == ',' && n > 0) t[n - 1].comma = true;
        if (name_is_sep(s[i])) {
            i++;
            continue;
        }
        size_t start = i;
        while (i < len && !name_is_sep(s[i]))
            i++;
        if (n == NAME_MAX_TOKENS) {
            t[n - 1].n = (size_t)(s + i - t[n - 1].p);
            continue;
        }
        t[n] = (name_tok){s + start, i - start, name_kind(s + start, i - start), false};
        n++;
    }
    return n;
}

/* Tokens [a, b) as one span of the text. */
static wn_cell name_span(const name_tok *t, size_t a, size_t b)
{
    if (a >= b) return (wn_cell){NULL, 0};
    return (wn_cell){t[a].p, (size_t)(t[b - 1].p + t[b - 1].n - t[a].p)};
}

/* Whether a word before the family name belongs to it. A single-letter
 * prefix (O) is more likely a middle initial. */
static bool name_joins_family(const name_tok *t)
{
    return (t->kind & NW_PARTICLE) || ((t->kind & NW_PREFIX) && t->n > 1);
}

/* "Last, First Middle": `k` is the token the comma follows; [i, j) is the
 * name between salutation and suffix. */
static void name_parse_comma(const name_tok *t, size_t i, size_t j, size_t k, wn_name_parts *o)
{
    size_t last_end = k + 1;
    if (last_end - 1 > i && (t[k].kind & NW_SUFFIX) && o->suffix.len == 0) {
        o->suffix = name_span(t, k, k + 1); /* "Smith Jr., John" */
        last_end--;
    }
    o->last = name_span(t, i, last_end);
    size_t m = k + 1, title = m;
    while (m + 1 < j && (t[m].kind & NW_TITLE))
        m++;
    if (m > title && o->salutation.len == 0)
        o->salutation = name_span(t, title, m); /* "Smith, Mr John" */
    if (m < j) {
        o->first = name_span(t, m, m + 1);
        o->middle = name_span(t, m + 1, j);
    }
}

static void name_parse_tokens(const name_tok *t, size_t n, wn_name_parts *o)
{
    memset(o, 0, sizeof *o);
    if (n == 0) return;
    size_t i = 0;
    while (i + 1 < n && ((t[i].kind & NW_TITLE) ||
                         (i > 0 && (t[i].kind & NW_CONJ) && (t[i + 1].kind & NW_TITLE)))) {
        o->couple |= (t[i].kind & NW_CONJ) != 0;
        i++;
    }
    o->salutation = name_span(t, 0, i);
    size_t j = n;
    while (j > i + 1 && (t[j - 1].kind & NW_SUFFIX))
        j--;
    o->suffix = name_span(t, j, n);
    for (size_t k = i; k + 1 < j; k++)
        if (t[k].comma) {
            name_parse_comma(t, i, j, k, o);
            return;
        }
    if (j - i == 1) {
        o->first = name_span(t, i, j);
        return;
    }
    /* "John and Jane Smith": the partner's given name is not a middle name. */
    size_t floor = i + 1;
    for (size_t k = i + 1; k + 1 < j; k++)
        if (t[k].kind & NW_CONJ) {
            o->couple = true;
            floor = k + 2;
        }
    size_t last = j - 1;
    while (last > floor && name_joins_family(&t[last - 1]))
        last--;
    o->first = name_span(t, i, i + 1);
    if (!o->couple) o->middle = name_span(t, i + 1, last);
    o->last = name_span(t, last, j);
}

wn_norm_status wn_name_parse(const char *full, size_t len, wn_name_parts *out)
{
    pthread_once(&name_once, name_init);
    name_tok t[NAME_MAX_TOKENS];
    size_t n = name_tokens(full, len, t);
    name_parse_tokens(t, n, out);
    return n ? WN_NORM_OK : WN_NORM_EMPTY;
}

typedef enum { KEY_GIVEN, KEY_FAMILY } name_key_mode;

/* Appends a folded word, a hyphen inside it becoming a space (a full name is
 * folded with hyphens kept, so that "Smith-Jones" stays one family name).
 * Returns false if the word was only hyphens. */
static bool name_append_word(wn_buf *out, const char *w, size_t n, bool glue)
{
    while (n > 0 && *w == '-')
        w++, n--;
    while (n > 0 && w[n - 1] == '-')
        n--;
    if (n == 0) return false;
    if (out->len > 0 && !glue) wn_buf_putc(out, ' ');
    for (size_t i = 0; i < n; i++)
        if (w[i] != '-' || w[i - 1] != '-') wn_buf_putc(out, w[i] == '-' ? ' ' : w[i]);
    return true;
}

/* Appends the key of folded text `s` to `out`. Returns false if the text is
 * nothing but one salutation or suffix. */
static bool name_append_key(const char *s, size_t len, name_key_mode mode, wn_buf *out)
{
    name_tok t[NAME_MAX_TOKENS];
    size_t n = name_tokens(s, len, t);
    size_t a = 0, b = n;
    while (a + 1 < b && (t[a].kind & NW_TITLE))
        a++;
    while (b > a + 1 && (t[b - 1].kind & NW_SUFFIX))
        b--;
    bool glue = false;
    for (size_t k = a; k < b; k++) {
        if (!name_append_word(out, t[k].p, t[k].n, glue)) continue;
        glue = mode == KEY_FAMILY && (t[k].kind & (NW_PARTICLE | NW_PREFIX));
    }
    return !(n == 1 && (t[0].kind & (NW_TITLE | NW_SUFFIX)));
}

/* Folds `s` into `out` (keeping the ASCII characters in `keep`) and moves
 * the result to `tmp` (the caller's `small` buffer, or the heap when it does
 * not fit), leaving `out` empty. Returns the folding status. */
static wn_norm_status name_fold_aside(const char *s, size_t len, const char *keep, wn_buf *out,
                                      char *small, size_t small_cap, char **tmp, size_t *tmp_len)
{
    pthread_once(&name_once, name_init);
    wn_norm_status st = wn_text_fold_keep(s, len, keep, out);
    *tmp = out->len <= small_cap ? small : wn_xmalloc(out->len);
    memcpy(*tmp, out->data, out->len);
    *tmp_len = out->len;
    wn_buf_clear(out);
    return st;
}

static wn_norm_status name_finish(wn_buf *out, wn_norm_status st, bool valid, char *tmp,
                                  const char *small)
{
    if (tmp != small) free(tmp);
    wn_buf_cstr(out);
    if (out->len == 0) return WN_NORM_EMPTY;
    return valid ? st : WN_NORM_INVALID;
}

static wn_norm_status name_key_of(const char *s, size_t len, name_key_mode mode, wn_buf *out)
{
    char small[256], *tmp;
    size_t n;
    wn_norm_status st = name_fold_aside(s, len, NULL, out, small, sizeof small, &tmp, &n);
    bool valid = name_append_key(tmp, n, mode, out);
    return name_finish(out, st, valid, tmp, small);
}

wn_norm_status wn_name_normalize_given(const char *s, size_t len, wn_buf *out)
{
    return name_key_of(s, len, KEY_GIVEN, out);
}

wn_norm_status wn_name_normalize_family(const char *s, size_t len, wn_buf *out)
{
    return name_key_of(s, len, KEY_FAMILY, out);
}

wn_norm_status wn_name_normalize_full(const char *s, size_t len, wn_buf *out)
{
    char small[256], *tmp;
    size_t n;
    /* Commas tell "Smith, John" from "John Smith"; & joins "Mr & Mrs";
     * hyphens hold "Smith-Jones" together. */
    wn_norm_status st = name_fold_aside(s, len, ",&-", out, small, sizeof small, &tmp, &n);
    name_tok t[NAME_MAX_TOKENS];
    wn_name_parts p;
    name_parse_tokens(t, name_tokens(tmp, n, t), &p);
    bool valid = p.first.len || p.last.len;
    if (p.first.len) name_append_key(p.first.ptr, p.first.len, KEY_GIVEN, out);
    if (p.last.len) name_append_key(p.last.ptr, p.last.len, KEY_FAMILY, out);
    return name_finish(out, st, valid, tmp, small);
}

/* Appends each word of folded text, or its canonical form if it is a
 * nickname, to `out`. */
static void append_canonical(const char *s, size_t n, wn_buf *out)
{
    for (size_t i = 0; i < n;) {
        size_t end = i;
        while (end < n && s[end] != ' ')
            end++;
        uint64_t v;
        if (out->len > 0) wn_buf_putc(out, ' ');
        if (wn_strmap_get(&name_ctx.nick, s + i, end - i, &v))
            wn_buf_puts(out, (const char *)(uintptr_t)v);
        else
            wn_buf_append(out, s + i, end - i);
        i = end + 1;
    }
}

/* Whether folding gives `s` back as it is: lower-case ASCII letters and
 * digits, one space between words, none at the ends. A given name's key is
 * such text, and it is what the nickname step reads in the shipped rules. */
static bool already_folded(const char *s, size_t len)
{
    if (len == 0 || s[0] == ' ' || s[len - 1] == ' ') return false;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) continue;
        /* A space is never last here, so s[i + 1] is in the value. */
        if (c != ' ' || s[i + 1] == ' ') return false;
    }
    return true;
}

wn_norm_status wn_name_canonical_given(const char *s, size_t len, wn_buf *out)
{
    if (already_folded(s, len)) { /* no folding, no copy aside */
        pthread_once(&name_once, name_init);
        wn_buf_clear(out);
        append_canonical(s, len, out);
        wn_buf_cstr(out);
        return WN_NORM_OK;
    }
    char small[256], *tmp;
    size_t n;
    wn_norm_status st = name_fold_aside(s, len, NULL, out, small, sizeof small, &tmp, &n);
    append_canonical(tmp, n, out);
    return name_finish(out, st, true, tmp, small);
}

bool wn_name_is_given(const char *w, size_t n)
{
    pthread_once(&name_once, name_init);
    char key[NAME_KEY_MAX];
    size_t k = name_key(w, n, key);
    uint64_t v;
    return k > 0 && wn_strmap_get(&name_ctx.given, key, k, &v);
}

/* Generational suffixes, canonical first; index + 1 is a generation code. */
static const char *const generations[][3] = {
    {"jr", "jnr", "junior"}, {"sr", "snr", "senior"}, {"ii", "2nd", NULL},
    {"iii", "3rd", NULL},    {"iv", "4th", NULL},
};
#define NGENERATIONS (sizeof generations / sizeof generations[0])

int wn_name_generation(const char *s, size_t len)
{
    /* the last word */
    while (len > 0 && (name_is_sep(s[len - 1]) || s[len - 1] == '.' || s[len - 1] == ','))
        len--;
    size_t start = len;
    while (start > 0 && !name_is_sep(s[start - 1]) && s[start - 1] != ',')
        start--;
    char key[NAME_KEY_MAX];
    size_t k = name_key(s + start, len - start, key);
    for (size_t g = 0; g < NGENERATIONS && k > 0; g++)
        for (size_t v = 0; v < 3 && generations[g][v]; v++)
            if (strlen(generations[g][v]) == k && memcmp(generations[g][v], key, k) == 0)
                return (int)g + 1;
    return 0;
}

const char *wn_name_generation_name(int generation)
{
    return generation >= 1 && (size_t)generation <= NGENERATIONS ? generations[generation - 1][0]
                                                                 : "";
}
