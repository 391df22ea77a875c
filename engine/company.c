/*
 * company.c -- company names; see company.h.
 *
 * Two stages. company_words() turns a name into words separated by single
 * spaces (folding, "&", initialisms); the legal-form table is put through the
 * same stage when it is loaded, so that stripping is only a lookup of the
 * name's last one, two, ... words -- a substring of the output -- in a map.
 */
#include "company.h"

#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "strmap.h"
#include "table.h"
#include "text.h"

#define COMPANY_MAX_TOKENS     64
#define COMPANY_MAX_FORM_WORDS 5 /* longest legal form, in words */

/* Legal forms as company_words() writes them. Built once by company_init()
 * under pthread_once; read-only afterwards. */
static wn_strmap company_forms;
static wn_strmap company_kinds; /* rules/data/org_words.csv */
static pthread_once_t company_once = PTHREAD_ONCE_INIT;

static void company_put_word(wn_buf *out, const char *w, size_t n)
{
    if (n == 0) return;
    if (out->len > 0) wn_buf_putc(out, ' ');
    wn_buf_append(out, w, n);
}

/* "s.a." or "l.l.c": single characters separated by dots. */
static bool company_is_initialism(const char *w, size_t n)
{
    size_t letters = 0;
    for (size_t i = 0; i < n; i++) {
        if (w[i] == '.') continue;
        if (i + 1 < n && w[i + 1] != '.') return false;
        letters++;
    }
    return letters >= 2;
}

/* One folded word, which may still hold dots and ampersands. */
static void company_word(wn_buf *out, const char *w, size_t n)
{
    if (memchr(w, '.', n) && company_is_initialism(w, n)) {
        if (out->len > 0) wn_buf_putc(out, ' ');
        for (size_t i = 0; i < n; i++)
            if (w[i] != '.') wn_buf_putc(out, w[i]);
        return;
    }
    size_t start = 0;
    for (size_t i = 0; i <= n; i++) {
        if (i < n && w[i] != '.' && w[i] != '&') continue;
        company_put_word(out, w + start, i - start); /* "amazon.com" -> "amazon com" */
        if (i < n && w[i] == '&') company_put_word(out, "and", 3);
        start = i + 1;
    }
}

/* Joins runs of one-letter words in place: "j p morgan" -> "jp morgan",
 * "sp z o o" -> "sp zoo". The text only shrinks, so this is safe in place. */
static void company_join_letters(wn_buf *out)
{
    size_t w = 0;
    for (size_t r = 0; r < out->len; r++) {
        bool joinable = out->data[r] == ' ' && r >= 1 && r + 1 < out->len &&
                        (r == 1 || out->data[r - 2] == ' ') &&
                        (r + 2 == out->len || out->data[r + 2] == ' ');
        if (!joinable) out->data[w++] = out->data[r];
    }
    out->len = w;
}

/* Writes the words of `s` into `out` (cleared first). */
static wn_norm_status company_words(const char *s, size_t len, wn_buf *out)
{
    wn_norm_status st = wn_text_fold_keep(s, len, ".&", out);
    char small[256];
    char *tmp = out->len <= sizeof small ? small : wn_xmalloc(out->len);
    size_t n = out->len;
    memcpy(tmp, out->data, n);
    wn_buf_clear(out);
    for (size_t i = 0; i < n;) {
        size_t end = i;
        while (end < n && tmp[end] != ' ')
            end++;
        company_word(out, tmp + i, end - i);
        i = end + 1;
    }
    if (tmp != small) free(tmp);
    company_join_letters(out);
    return st;
}

static void company_init(void)
{
    wn_table t;
    wn_error err;
    if (wn_table_load_embedded(&t, "data/legal_forms.csv", &err) != WN_OK) {
        fprintf(stderr, "winnow: %s\n", err.msg);
        abort();
    }
    wn_strmap_init(&company_forms);
    wn_buf b = {0};
    for (size_t i = 0; i < t.nrows; i++) {
        const char *form = t.rows[i].fields[0];
        company_words(form, strlen(form), &b);
        size_t words = 1;
        for (size_t k = 0; k < b.len; k++)
            words += b.data[k] == ' ';
        if (t.rows[i].nfields != 1 || b.len == 0 || words > COMPANY_MAX_FORM_WORDS) {
            fprintf(stderr, "winnow: rules/%s:%zu: bad legal form\n", t.name, t.rows[i].line);
            abort();
        }
        wn_strmap_put(&company_forms, b.data, b.len, 1);
    }
    wn_table_free(&t);
    if (wn_table_load_embedded(&t, "data/org_words.csv", &err) != WN_OK) {
        fprintf(stderr, "winnow: %s\n", err.msg);
        abort();
    }
    wn_strmap_init(&company_kinds);
    for (size_t i = 0; i < t.nrows; i++) {
        const char *w = t.rows[i].fields[0];
        company_words(w, strlen(w), &b);
        if (t.rows[i].nfields != 1 || b.len == 0 || memchr(b.data, ' ', b.len)) {
            fprintf(stderr, "winnow: rules/%s:%zu: expected one word\n", t.name, t.rows[i].line);
            abort();
        }
        wn_strmap_put(&company_kinds, b.data, b.len, 1);
    }
    wn_buf_free(&b);
    wn_table_free(&t);
}

/* Start offsets of the words of `s`. */
static size_t company_starts(const char *s, size_t len, size_t *starts)
{
    size_t n = 0;
    for (size_t i = 0; i < len && n < COMPANY_MAX_TOKENS; i++)
        if (i == 0 || s[i - 1] == ' ') starts[n++] = i;
    return n;
}

static bool company_word_is(const char *s, size_t len, const size_t *starts, size_t n, size_t k,
                            const char *word)
{
    size_t end = k + 1 < n ? starts[k + 1] - 1 : len;
    return end - starts[k] == strlen(word) && memcmp(s + starts[k], word, end - starts[k]) == 0;
}

/* Number of words left after stripping legal forms (and a dangling "and")
 * from the end of words [first, n), never fewer than one. `len` is where the
 * last word ends. */
static size_t company_strip(const char *s, size_t len, const size_t *starts, size_t first, size_t n)
{
    for (bool again = true; again;) {
        again = false;
        for (size_t m = COMPANY_MAX_FORM_WORDS; m >= 1; m--) {
            uint64_t v;
            if (n - first > m &&
                wn_strmap_get(&company_forms, s + starts[n - m], len - starts[n - m], &v)) {
                n -= m;
                len = starts[n] - 1;
                again = true;
                break;
            }
        }
        if (n - first > 1 && company_word_is(s, len, starts, n, n - 1, "and")) {
            n--;
            len = starts[n] - 1;
            again = true;
        }
    }
    return n;
}

wn_norm_status wn_company_normalize(const char *s, size_t len, wn_buf *out)
{
    pthread_once(&company_once, company_init);
    wn_norm_status st = company_words(s, len, out);
    size_t starts[COMPANY_MAX_TOKENS];
    size_t n = company_starts(out->data, out->len, starts);
    if (n == 0) {
        wn_buf_cstr(out);
        return WN_NORM_EMPTY;
    }
    size_t first = n > 1 && company_word_is(out->data, out->len, starts, n, 0, "the") ? 1 : 0;
    /* A name with more words than we track is left unstripped. */
    size_t kept = n < COMPANY_MAX_TOKENS ? company_strip(out->data, out->len, starts, first, n) : n;
    size_t end = kept < n ? starts[kept] - 1 : out->len;
    memmove(out->data, out->data + starts[first], end - starts[first]);
    out->len = end - starts[first];
    wn_buf_cstr(out);
    return st;
}

bool wn_company_marked(const char *s, size_t len)
{
    pthread_once(&company_once, company_init);
    for (size_t i = 0; i < len; i++)
        if (s[i] == '&' || s[i] == '+' || (s[i] >= '0' && s[i] <= '9')) return true;
    wn_buf b = {0};
    company_words(s, len, &b);
    bool marked = false;
    uint64_t v;
    for (size_t i = 0; i < b.len && !marked;) {
        size_t n = 0;
        while (i + n < b.len && b.data[i + n] != ' ')
            n++;
        marked = wn_strmap_get(&company_forms, b.data + i, n, &v) ||
                 wn_strmap_get(&company_kinds, b.data + i, n, &v);
        i += n + 1;
    }
    wn_buf_free(&b);
    return marked;
}
