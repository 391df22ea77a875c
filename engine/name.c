/*
 * name.c -- person-name keys; see name.h.
 */
#include "name.h"

#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "strmap.h"
#include "table.h"
#include "text.h"

static wn_strmap nicknames;   /* nickname -> index into canon */
static const char **canon;
static wn_table nick_table;
static pthread_once_t nick_once = PTHREAD_ONCE_INIT;

static void nick_load(void)
{
    wn_strmap_init(&nicknames);
    if (wn_table_load_embedded(&nick_table, "data/nicknames.csv", NULL) != WN_OK)
        return;
    canon = calloc(nick_table.nrows ? nick_table.nrows : 1, sizeof *canon);
    for (size_t i = 0; canon && i < nick_table.nrows; i++) {
        const wn_table_row *r = &nick_table.rows[i];
        uint64_t seen;
        if (r->nfields < 2 || wn_strmap_getz(&nicknames, r->fields[0], &seen))
            continue; /* the first meaning listed wins */
        canon[i] = r->fields[1];
        wn_strmap_putz(&nicknames, r->fields[0], i);
    }
}

/* Words that are titles, not names. Folded forms. */
static bool is_honorific(const char *w, size_t n)
{
    static const char *const words[] = {
        "mr",   "mrs",  "ms",   "miss", "mx",    "dr",   "prof", "sir",  "dame", "lady",
        "lord", "rev",  "fr",   "herr", "frau",  "hr",   "fr",   "m",    "mme",  "mlle",
        "sr",   "sra",  "srta", "don",  "dona",  "dott", "sig",  "sigra", "shri", "smt",
        "kumari", "pan", "pani", "mevrouw", "dhr",  "mevr", "monsieur", "madame", "senor",
        "senora", "ing", "dipl", "mag",
    };
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        if (strlen(words[i]) == n && memcmp(words[i], w, n) == 0)
            return true;
    return false;
}

static bool is_suffix(const char *w, size_t n)
{
    static const char *const words[] = {"jr", "jnr", "sr", "snr", "ii",  "iii", "iv",  "v",
                                        "phd", "md", "esq", "dds", "mba", "cpa", "jun", "sen"};
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        if (strlen(words[i]) == n && memcmp(words[i], w, n) == 0)
            return true;
    return false;
}

/* Prefixes joined to the word after them. */
static bool is_particle(const char *w, size_t n)
{
    static const char *const words[] = {"van", "von", "der", "den", "de",  "del", "della", "di",
                                        "da",  "dos", "das", "du",  "la",  "le",  "ter",   "ten",
                                        "zu",  "o",   "mc",  "mac", "d",   "al",  "el",    "st"};
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        if (strlen(words[i]) == n && memcmp(words[i], w, n) == 0)
            return true;
    return false;
}

#define MAX_WORDS 16

typedef struct words {
    const char *p[MAX_WORDS];
    size_t n[MAX_WORDS];
    size_t count;
} words;

static void split_words(const char *s, size_t len, words *w)
{
    w->count = 0;
    for (size_t i = 0; i < len && w->count < MAX_WORDS;) {
        while (i < len && s[i] == ' ')
            i++;
        size_t start = i;
        while (i < len && s[i] != ' ')
            i++;
        if (i > start) {
            w->p[w->count] = s + start;
            w->n[w->count++] = i - start;
        }
    }
}

/* Drops honorifics at the front and suffixes at the back. */
static void strip_titles(words *w)
{
    size_t first = 0;
    while (first < w->count && is_honorific(w->p[first], w->n[first]))
        first++;
    if (first == w->count) /* only a title: keep it rather than nothing */
        first = 0;
    memmove(w->p, w->p + first, (w->count - first) * sizeof w->p[0]);
    memmove(w->n, w->n + first, (w->count - first) * sizeof w->n[0]);
    w->count -= first;
    while (w->count > 1 && is_suffix(w->p[w->count - 1], w->n[w->count - 1]))
        w->count--;
}

void wn_name_canonical_given(const char *folded, size_t len, wn_buf *out)
{
    pthread_once(&nick_once, nick_load);
    wn_buf_clear(out);
    size_t first = 0;
    while (first < len && folded[first] != ' ')
        first++;
    uint64_t idx;
    if (canon && wn_strmap_get(&nicknames, folded, first, &idx) && canon[idx]) {
        wn_buf_puts(out, canon[idx]);
        wn_buf_append(out, folded + first, len - first);
    } else {
        wn_buf_append(out, folded, len);
    }
    wn_buf_cstr(out);
}

static void join_words(const words *w, size_t from, size_t to, bool join_particles, wn_buf *out)
{
    for (size_t i = from; i < to; i++) {
        bool glue = join_particles && i > from && is_particle(w->p[i - 1], w->n[i - 1]);
        if (i > from && !glue)
            wn_buf_putc(out, ' ');
        wn_buf_append(out, w->p[i], w->n[i]);
    }
    wn_buf_cstr(out);
}

wn_norm_status wn_name_given(const char *s, size_t len, wn_buf *out)
{
    wn_buf folded = {0};
    wn_text_fold(s, len, &folded);
    words w;
    split_words(folded.data, folded.len, &w);
    strip_titles(&w);
    wn_buf_clear(out);
    join_words(&w, 0, w.count, false, out);
    wn_buf_free(&folded);
    return out->len ? WN_NORM_OK : WN_NORM_EMPTY;
}

wn_norm_status wn_name_family(const char *s, size_t len, wn_buf *out)
{
    wn_buf folded = {0};
    wn_text_fold(s, len, &folded);
    words w;
    split_words(folded.data, folded.len, &w);
    strip_titles(&w);
    wn_buf_clear(out);
    join_words(&w, 0, w.count, true, out);
    wn_buf_free(&folded);
    return out->len ? WN_NORM_OK : WN_NORM_EMPTY;
}

wn_norm_status wn_name_split(const char *s, size_t len, wn_buf *given, wn_buf *family)
{
    const char *comma = memchr(s, ',', len);
    wn_buf_clear(given);
    wn_buf_clear(family);
    if (comma) { /* "Family, Given" */
        wn_name_family(s, (size_t)(comma - s), family);
        wn_name_given(comma + 1, len - (size_t)(comma + 1 - s), given);
    } else {
        wn_buf folded = {0};
        wn_text_fold(s, len, &folded);
        words w;
        split_words(folded.data, folded.len, &w);
        strip_titles(&w);
        if (w.count == 1) {
            join_words(&w, 0, 1, true, family);
        } else if (w.count > 1) {
            /* The family name starts at the last word, or earlier at a
             * run of particles ("ludwig van beethoven"). */
            size_t start = w.count - 1;
            while (start > 1 && is_particle(w.p[start - 1], w.n[start - 1]))
                start--;
            join_words(&w, 0, 1, false, given);
            join_words(&w, start, w.count, true, family);
        }
        wn_buf_free(&folded);
    }
    wn_buf_cstr(given);
    wn_buf_cstr(family);
    return given->len || family->len ? WN_NORM_OK : WN_NORM_EMPTY;
}
