/*
 * street.c -- street address lines; see street.h.
 */
#include "street.h"

#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "strmap.h"
#include "table.h"
#include "text.h"

#define STREET_MAX_TOKENS 48
#define STREET_WORD_MAX   32

/* word -> canonical (a const char * into one of the tables). Built once by
 * street_init() under pthread_once; read-only afterwards. */
static struct {
    wn_strmap words;
    wn_table types, directions;
} street_ctx;
static pthread_once_t street_once = PTHREAD_ONCE_INIT;

static void street_load(wn_table *t, const char *name)
{
    wn_error err;
    if (wn_table_load_embedded(t, name, &err) != WN_OK) {
        fprintf(stderr, "winnow: %s\n", err.msg);
        abort();
    }
    for (size_t i = 0; i < t->nrows; i++) {
        const wn_table_row *r = &t->rows[i];
        if (r->nfields != 2 || !*r->fields[0] || !*r->fields[1]) {
            fprintf(stderr, "winnow: rules/%s:%zu: expected word,canonical\n", name, r->line);
            abort();
        }
        wn_strmap_putz(&street_ctx.words, r->fields[0], (uint64_t)(uintptr_t)r->fields[1]);
    }
}

static void street_init(void)
{
    wn_strmap_init(&street_ctx.words);
    street_load(&street_ctx.types, "data/street_types.csv");
    street_load(&street_ctx.directions, "data/directions.csv");
}

static const char *street_canonical(const char *w, size_t n)
{
    uint64_t v;
    return wn_strmap_get(&street_ctx.words, w, n, &v) ? (const char *)(uintptr_t)v : NULL;
}

/* Copies a folded word of at most STREET_WORD_MAX bytes without its dots
 * into `w`; returns the new length. */
static size_t street_word(const char *s, size_t n, char w[STREET_WORD_MAX])
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if (s[i] != '.') w[k++] = s[i];
    return k;
}

static bool street_ends_with(const char *w, size_t n, const char *suffix)
{
    size_t m = strlen(suffix);
    return n > m && memcmp(w + n - m, suffix, m) == 0;
}

/* Appends one folded word's key. `unit` says a "#" was just written, so this
 * word is the unit number and is glued to it; returns whether this word was
 * itself a unit designator. */
static bool street_append_word(wn_buf *out, const char *s, size_t n, bool unit)
{
    if (n > STREET_WORD_MAX) { /* no street word is that long */
        if (!unit && out->len > 0) wn_buf_putc(out, ' ');
        wn_buf_append(out, s, n);
        return false;
    }
    char word[STREET_WORD_MAX];
    size_t k = street_word(s, n, word);
    if (k == 0) return unit; /* a lone dot */
    if (!unit && out->len > 0) wn_buf_putc(out, ' ');
    if (word[0] == '#') {
        wn_buf_putc(out, '#'); /* "#4b" or "#" */
        if (k > 1) wn_buf_append(out, word + 1, k - 1);
        return k == 1;
    }
    if (street_ends_with(word, k, "strasse")) {
        wn_buf_append(out, word, k - 4); /* hauptstrasse -> hauptstr */
        return false;
    }
    const char *canon = street_canonical(word, k);
    if (canon) {
        wn_buf_puts(out, canon);
        return strcmp(canon, "#") == 0;
    }
    wn_buf_append(out, word, k);
    return false;
}

wn_norm_status wn_street_normalize(const char *s, size_t len, wn_buf *out)
{
    pthread_once(&street_once, street_init);
    wn_norm_status st = wn_text_fold_keep(s, len, ".#/", out);
    char small[256];
    char *tmp = out->len <= sizeof small ? small : wn_xmalloc(out->len);
    size_t n = out->len;
    memcpy(tmp, out->data, n);
    wn_buf_clear(out);
    bool unit = false;
    for (size_t i = 0; i < n;) {
        size_t end = i;
        while (end < n && tmp[end] != ' ')
            end++;
        unit = street_append_word(out, tmp + i, end - i, unit);
        i = end + 1;
    }
    if (tmp != small) free(tmp);
    wn_buf_cstr(out);
    return out->len ? st : WN_NORM_EMPTY;
}

typedef struct street_tok {
    const char *p;
    size_t n;
    bool comma;
} street_tok;

static size_t street_tokens(const char *s, size_t len, street_tok *t)
{
    size_t n = 0;
    for (size_t i = 0; i < len && n < STREET_MAX_TOKENS;) {
        if (s[i] == ',' && n > 0) t[n - 1].comma = true;
        if (s[i] == ' ' || s[i] == ',' || s[i] == '\t') {
            i++;
            continue;
        }
        size_t start = i;
        while (i < len && s[i] != ' ' && s[i] != ',' && s[i] != '\t')
            i++;
        t[n++] = (street_tok){s + start, i - start, false};
    }
    return n;
}

static bool street_is_unit(const street_tok *t)
{
    char w[STREET_WORD_MAX];
    size_t k = 0;
    for (size_t i = 0; i < t->n && k < STREET_WORD_MAX; i++) {
        char c = t->p[i];
        if (c != '.') w[k++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
    if (k > 0 && w[0] == '#') return true;
    const char *canon = street_canonical(w, k);
    return canon && strcmp(canon, "#") == 0;
}

static bool street_is_number(const street_tok *t)
{
    return t->p[0] >= '0' && t->p[0] <= '9';
}

/* Tokens [a, b) as a span of the line. */
static wn_cell street_span(const street_tok *t, size_t a, size_t b)
{
    if (a >= b) return (wn_cell){NULL, 0};
    return (wn_cell){t[a].p, (size_t)(t[b - 1].p + t[b - 1].n - t[a].p)};
}

/* End of the comma-separated segment starting at token `a`. */
static size_t street_segment_end(const street_tok *t, size_t n, size_t a)
{
    while (a < n && !t[a].comma)
        a++;
    return a < n ? a + 1 : n;
}

wn_norm_status wn_street_split_number(const char *s, size_t len, wn_cell *number, wn_cell *street)
{
    pthread_once(&street_once, street_init);
    street_tok t[STREET_MAX_TOKENS];
    size_t n = street_tokens(s, len, t);
    *number = (wn_cell){NULL, 0};
    *street = (wn_cell){NULL, 0};
    if (n == 0) return WN_NORM_EMPTY;
    size_t a = 0;
    if (street_is_unit(&t[0]) && street_segment_end(t, n, 0) < n)
        a = street_segment_end(t, n, 0); /* "Flat 3, 12 High Street" */
    size_t end = street_segment_end(t, n, a);
    if (street_is_number(&t[a])) {
        *number = street_span(t, a, a + 1);
        *street = street_span(t, a + 1, end);
        return WN_NORM_OK;
    }
    for (size_t k = a + 1; k < n; k++)
        if (street_is_number(&t[k])) {
            *number = street_span(t, k, k + 1);
            *street = street_span(t, a, k);
            return WN_NORM_OK;
        }
    *street = street_span(t, a, end);
    return WN_NORM_INVALID;
}
