/*
 * translit.c -- romanization tables; see translit.h.
 *
 * All the scripts handled lie between U+0370 (Greek) and U+10FF (Georgian),
 * so the tables become one array indexed by code point - U+0370: a lookup is
 * a bounds check and an index. Digraphs (Greek ου, Devanagari consonant +
 * nukta, Armenian ու) are few; the entry of a digraph's first letter is
 * flagged, and only then is the short digraph list searched.
 */
#include "translit.h"

#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "table.h"
#include "text.h"

#define TL_FIRST        0x0370
#define TL_LAST         0x10FF
#define TL_MAX_DIGRAPHS 64

enum tl_class {
    TL_NONE = 0,  /* no entry: the code point is copied */
    TL_PLAIN,     /* written as its Latin */
    TL_CONSONANT, /* Brahmic consonant with inherent vowel a */
    TL_VOWEL_SIGN,
    TL_VIRAMA,
    TL_SEMIVOWEL, /* first spelling at the start of a word, second elsewhere */
};

typedef struct tl_entry {
    int32_t base;   /* the letter this reads as (itself, or without tonos) */
    uint8_t cls;    /* enum tl_class */
    uint8_t n1, n2; /* lengths of the two spellings in latin[] */
    bool starts_digraph;
    char latin[12]; /* spelling 1, then spelling 2 (semivowels only) */
} tl_entry;

typedef struct tl_digraph {
    int32_t first, second;
    tl_entry e;
} tl_digraph;

static const char *const tl_tables[] = {
    "data/translit_greek.csv",    "data/translit_cyrillic.csv", "data/translit_armenian.csv",
    "data/translit_hebrew.csv",   "data/translit_arabic.csv",   "data/translit_devanagari.csv",
    "data/translit_georgian.csv",
};

/* Written only by tl_init() under pthread_once; read-only afterwards. */
static tl_entry tl_map[TL_LAST - TL_FIRST + 1];
static tl_digraph tl_digraphs[TL_MAX_DIGRAPHS];
static size_t tl_ndigraphs;
static pthread_once_t tl_once = PTHREAD_ONCE_INIT;

static tl_entry *tl_slot(int32_t cp)
{
    return cp >= TL_FIRST && cp <= TL_LAST ? &tl_map[cp - TL_FIRST] : NULL;
}

static const tl_entry *tl_lookup(int32_t cp)
{
    const tl_entry *e = tl_slot(cp);
    return e && e->cls != TL_NONE ? e : NULL;
}

/* A broken built-in table is a build defect, not an input problem. */
static void tl_die(const wn_table *t, const wn_table_row *row, const char *why)
{
    fprintf(stderr, "winnow: rules/%s:%zu: %s\n", t->name, row->line, why);
    abort();
}

static int tl_class_of(const char *s)
{
    switch (*s) {
    case '\0':
        return TL_PLAIN;
    case 'c':
        return TL_CONSONANT;
    case 'm':
        return TL_VOWEL_SIGN;
    case 'x':
        return TL_VIRAMA;
    case 's':
        return TL_SEMIVOWEL;
    default:
        return TL_NONE;
    }
}

static void tl_add_row(const wn_table *t, const wn_table_row *row)
{
    if (row->nfields < 2 || row->nfields > 3) tl_die(t, row, "expected letter,latin[,class]");
    int32_t cps[3] = {0, 0, 0};
    int ncp = 0;
    const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)row->fields[0];
    utf8proc_ssize_t left = (utf8proc_ssize_t)strlen(row->fields[0]);
    while (left > 0 && ncp < 3) {
        utf8proc_ssize_t k = utf8proc_iterate(p, left, &cps[ncp++]);
        if (k <= 0) tl_die(t, row, "invalid UTF-8");
        p += k;
        left -= k;
    }
    tl_entry e = {.base = cps[0]};
    e.cls = (uint8_t)tl_class_of(row->nfields == 3 ? row->fields[2] : "");
    const char *latin = row->fields[1];
    const char *slash = e.cls == TL_SEMIVOWEL ? strchr(latin, '/') : NULL;
    size_t n = strlen(latin);
    if (ncp < 1 || ncp > 2 || left > 0 || e.cls == TL_NONE || n >= sizeof e.latin ||
        (e.cls == TL_SEMIVOWEL) != (slash != NULL) || !tl_slot(cps[0]))
        tl_die(t, row, "bad transliteration row");
    memcpy(e.latin, latin, n);
    e.n1 = (uint8_t)(slash ? (size_t)(slash - latin) : n);
    e.n2 = (uint8_t)(slash ? n - e.n1 - 1 : 0);
    if (slash) memmove(e.latin + e.n1, slash + 1, e.n2 + 1);
    if (ncp == 1) {
        bool starts = tl_slot(cps[0])->starts_digraph;
        *tl_slot(cps[0]) = e;
        tl_slot(cps[0])->starts_digraph = starts;
        return;
    }
    if (tl_ndigraphs == TL_MAX_DIGRAPHS) tl_die(t, row, "too many digraphs");
    tl_digraphs[tl_ndigraphs++] = (tl_digraph){cps[0], cps[1], e};
    tl_slot(cps[0])->starts_digraph = true;
}

/* A letter with tonos (or any acute) reads as its base letter, so that the
 * tables need not list ά έ ή ί ό ύ ώ and digraphs match accented (ού). */
static void tl_add_acute_aliases(void)
{
    for (int32_t cp = TL_FIRST; cp <= TL_LAST; cp++) {
        tl_entry *e = tl_slot(cp);
        if (e->cls != TL_NONE) continue;
        utf8proc_int32_t d[4];
        int last;
        utf8proc_ssize_t n = utf8proc_decompose_char(cp, d, 4, UTF8PROC_DECOMPOSE, &last);
        if (n != 2 || d[1] != 0x0301 || !tl_lookup(d[0])) continue;
        *e = *tl_lookup(d[0]);
    }
}

static void tl_init(void)
{
    for (size_t i = 0; i < sizeof tl_tables / sizeof tl_tables[0]; i++) {
        wn_table t;
        wn_error err;
        if (wn_table_load_embedded(&t, tl_tables[i], &err) != WN_OK) {
            fprintf(stderr, "winnow: %s\n", err.msg);
            abort();
        }
        for (size_t r = 0; r < t.nrows; r++)
            tl_add_row(&t, &t.rows[r]);
        wn_table_free(&t);
    }
    tl_add_acute_aliases();
}

/* Text with no byte >= 0xCD has no code point >= U+0340, so nothing to do. */
static bool tl_may_need(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if ((unsigned char)s[i] >= 0xCD) return true;
    return false;
}

static int32_t tl_base(int32_t cp)
{
    const tl_entry *e = tl_lookup(cp);
    return e ? e->base : cp;
}

/* The digraph starting at cps[i], if any. */
static const tl_entry *tl_digraph_at(const int32_t *cps, size_t n, size_t i)
{
    if (i + 1 >= n) return NULL;
    int32_t a = tl_base(utf8proc_tolower(cps[i])), b = tl_base(utf8proc_tolower(cps[i + 1]));
    for (size_t k = 0; k < tl_ndigraphs; k++)
        if (tl_digraphs[k].first == a && tl_digraphs[k].second == b) return &tl_digraphs[k].e;
    return NULL;
}

static bool tl_is_letter(int32_t cp)
{
    utf8proc_category_t c = utf8proc_category(cp);
    return c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_ME;
}

/* Devanagari letters and signs, i.e. part of the current word. */
static bool tl_in_brahmic_word(int32_t cp)
{
    return (cp >= 0x0900 && cp <= 0x0963) || (cp >= 0x0971 && cp <= 0x097F);
}

/* Whether the consonant at cps[i] (its entry ending before cps[next]) is
 * followed by its inherent vowel. See translit_devanagari.csv. */
static bool tl_inherent_vowel(const int32_t *cps, size_t n, size_t i, size_t next)
{
    if (next < n) {
        const tl_entry *e = tl_lookup(cps[next]);
        if (e && (e->cls == TL_VOWEL_SIGN || e->cls == TL_VIRAMA)) return false;
        if (tl_in_brahmic_word(cps[next])) return true;
    }
    /* Last consonant of the word: schwa deletion, unless it ends a cluster or
     * is the whole word. */
    if (i == 0 || !tl_in_brahmic_word(cps[i - 1])) return true;
    const tl_entry *prev = tl_lookup(cps[i - 1]);
    return prev && prev->cls == TL_VIRAMA;
}

enum { TL_LOWER, TL_CAPITAL, TL_ALL_CAPS };

static void tl_put_latin(wn_buf *out, const char *s, size_t n, int caps)
{
    wn_buf_append(out, s, n);
    for (size_t k = 0; k < n && caps != TL_LOWER; k++) {
        char *c = &out->data[out->len - n + k];
        if (*c >= 'a' && *c <= 'z') *c = (char)(*c - 32);
        if (caps == TL_CAPITAL) break;
    }
}

/* Щукин -> Shchukin, but ЩУКИН -> SHCHUKIN. */
static int tl_caps(const int32_t *cps, size_t n, size_t i, size_t next, int32_t lower)
{
    if (lower == cps[i]) return TL_LOWER;
    return next < n && utf8proc_isupper(cps[next]) ? TL_ALL_CAPS : TL_CAPITAL;
}

static void tl_convert(const int32_t *cps, size_t n, wn_buf *out)
{
    for (size_t i = 0; i < n;) {
        int32_t lower = utf8proc_tolower(cps[i]);
        const tl_entry *e = tl_lookup(lower);
        if (!e) {
            wn_text_put_cp(out, cps[i++]);
            continue;
        }
        size_t next = i + 1;
        if (e->starts_digraph) {
            const tl_entry *d = tl_digraph_at(cps, n, i);
            if (d) {
                e = d;
                next = i + 2;
            }
        }
        int caps = tl_caps(cps, n, i, next, lower);
        if (e->cls == TL_SEMIVOWEL) {
            bool initial = i == 0 || !tl_is_letter(cps[i - 1]);
            tl_put_latin(out, initial ? e->latin : e->latin + e->n1, initial ? e->n1 : e->n2, caps);
        } else {
            tl_put_latin(out, e->latin, e->n1, caps);
        }
        if (e->cls == TL_CONSONANT && tl_inherent_vowel(cps, n, i, next)) wn_buf_putc(out, 'a');
        i = next;
    }
}

static wn_norm_status tl_finish(wn_buf *out, wn_norm_status ok)
{
    wn_buf_cstr(out);
    for (size_t i = 0; i < out->len; i++)
        if (out->data[i] != ' ' && out->data[i] != '\t') return ok;
    return WN_NORM_EMPTY;
}

wn_norm_status wn_translit_latin(const char *s, size_t len, wn_buf *out)
{
    wn_buf_clear(out);
    if (!tl_may_need(s, len)) {
        wn_buf_append(out, s, len);
        return tl_finish(out, WN_NORM_OK);
    }
    pthread_once(&tl_once, tl_init);
    wn_text_cps c;
    bool valid = wn_text_cps_decode(&c, s, len, UTF8PROC_STABLE | UTF8PROC_COMPOSE);
    if (valid) tl_convert(c.cp, c.n, out);
    wn_text_cps_release(&c);
    if (!valid) {
        wn_buf_clear(out);
        wn_buf_append(out, s, len);
        return tl_finish(out, WN_NORM_INVALID);
    }
    return tl_finish(out, WN_NORM_OK);
}
