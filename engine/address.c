/*
 * address.c -- streets, postal codes, company names; see address.h.
 */
#include "address.h"

#include <ctype.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "strmap.h"
#include "table.h"
#include "text.h"

static struct {
    wn_table streets, forms;
    wn_strmap street_words; /* word -> row of `streets` */
    size_t max_form_words;
} tables;
static pthread_once_t tables_once = PTHREAD_ONCE_INIT;

static void tables_load(void)
{
    wn_strmap_init(&tables.street_words);
    if (wn_table_load_embedded(&tables.streets, "data/street_types.csv", NULL) == WN_OK) {
        for (size_t i = 0; i < tables.streets.nrows; i++) {
            uint64_t seen;
            const wn_table_row *r = &tables.streets.rows[i];
            if (r->nfields >= 2 && !wn_strmap_getz(&tables.street_words, r->fields[0], &seen))
                wn_strmap_putz(&tables.street_words, r->fields[0], i);
        }
    }
    wn_table_load_embedded(&tables.forms, "data/legal_forms.csv", NULL);
}

/* ---- streets ------------------------------------------------------------- */

static void put_word(wn_buf *out, const char *w, size_t n)
{
    if (out->len)
        wn_buf_putc(out, ' ');
    wn_buf_append(out, w, n);
}

wn_norm_status wn_street_normalize(const char *s, size_t len, wn_buf *out)
{
    pthread_once(&tables_once, tables_load);
    wn_buf folded = {0};
    wn_text_fold(s, len, &folded);
    wn_buf_clear(out);
    for (size_t i = 0; i < folded.len;) {
        size_t start = i;
        while (i < folded.len && folded.data[i] != ' ')
            i++;
        const char *w = folded.data + start;
        size_t n = i - start;
        uint64_t row;
        if (n > 7 && memcmp(w + n - 7, "strasse", 7) == 0) {
            put_word(out, w, n - 4); /* hauptstrasse -> hauptstr */
        } else if (wn_strmap_get(&tables.street_words, w, n, &row)) {
            put_word(out, tables.streets.rows[row].fields[1], strlen(tables.streets.rows[row].fields[1]));
        } else {
            put_word(out, w, n);
        }
        i++;
    }
    wn_buf_cstr(out);
    wn_buf_free(&folded);
    return out->len ? WN_NORM_OK : WN_NORM_EMPTY;
}

/* ---- postal codes ---------------------------------------------------------- */

/* Letters and digits only, upper-cased. */
static size_t alnum_upper(const char *s, size_t len, char *out, size_t cap)
{
    size_t n = 0;
    for (size_t i = 0; i < len && n + 1 < cap; i++)
        if (isalnum((unsigned char)s[i]))
            out[n++] = (char)toupper((unsigned char)s[i]);
    out[n] = '\0';
    return n;
}

/* Does `c` match `shape` ('9' digit, 'A' letter, '*' either)? */
static bool shaped(const char *c, const char *shape)
{
    if (strlen(c) != strlen(shape))
        return false;
    for (; *shape; shape++, c++) {
        bool digit = isdigit((unsigned char)*c), letter = isalpha((unsigned char)*c);
        if ((*shape == '9' && !digit) || (*shape == 'A' && !letter) || (*shape == '*' && !digit && !letter))
            return false;
    }
    return true;
}

static bool all_digits(const char *c, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!isdigit((unsigned char)c[i]))
            return false;
    return n > 0;
}

/* Countries whose codes are plain digits of one length. */
static int digit_length(const char *cc)
{
    static const struct {
        const char *cc;
        int n;
    } lengths[] = {
        {"DE", 5}, {"FR", 5}, {"ES", 5}, {"IT", 5}, {"FI", 5}, {"MX", 5}, {"TR", 5}, {"GR", 5},
        {"HR", 5}, {"EE", 5}, {"LT", 5}, {"MY", 5}, {"TH", 5}, {"ID", 5}, {"SA", 5}, {"UA", 5},
        {"EG", 5}, {"MA", 5}, {"KR", 5}, {"AT", 4}, {"CH", 4}, {"BE", 4}, {"DK", 4}, {"NO", 4},
        {"AU", 4}, {"NZ", 4}, {"ZA", 4}, {"HU", 4}, {"LU", 4}, {"PH", 4}, {"SI", 4}, {"BG", 4},
        {"IN", 6}, {"RU", 6}, {"CN", 6}, {"SG", 6}, {"RO", 6}, {"VN", 6}, {"KZ", 6}, {"CO", 6},
        {"IL", 7}, {"CL", 7}, {"AR", 4},
    };
    for (size_t i = 0; i < sizeof lengths / sizeof lengths[0]; i++)
        if (strcmp(lengths[i].cc, cc) == 0)
            return lengths[i].n;
    return 0;
}

static wn_norm_status postal_for(const char *cc, char *c, size_t n, wn_buf *out)
{
    if (strcmp(cc, "US") == 0 || strcmp(cc, "PR") == 0) {
        if ((n == 5 || n == 9) && all_digits(c, n)) {
            wn_buf_append(out, c, 5);
            return WN_NORM_OK;
        }
        if (n == 4 && all_digits(c, n)) { /* a spreadsheet ate the leading zero */
            wn_buf_putc(out, '0');
            wn_buf_append(out, c, 4);
            return WN_NORM_OK;
        }
        return WN_NORM_INVALID;
    }
    if (strcmp(cc, "GB") == 0) {
        bool ok = n >= 5 && n <= 7 && isalpha((unsigned char)c[0]) &&
                  isdigit((unsigned char)c[n - 3]) && isalpha((unsigned char)c[n - 2]) &&
                  isalpha((unsigned char)c[n - 1]);
        wn_buf_append(out, c, n - 3);
        wn_buf_putc(out, ' ');
        wn_buf_append(out, c + n - 3, 3);
        return ok ? WN_NORM_OK : WN_NORM_INVALID;
    }
    static const struct {
        const char *cc, *shape;
        size_t split; /* where the canonical form has its separator, 0: none */
        char sep;
    } shapes[] = {
        {"CA", "A9A9A9", 3, ' '}, {"NL", "9999AA", 4, ' '}, {"JP", "9999999", 3, '-'},
        {"BR", "99999999", 5, '-'}, {"PL", "99999", 2, '-'}, {"SE", "99999", 3, ' '},
        {"PT", "9999999", 4, '-'}, {"IE", "A9*****", 3, ' '}, {"CZ", "99999", 3, ' '},
        {"SK", "99999", 3, ' '},
    };
    for (size_t i = 0; i < sizeof shapes / sizeof shapes[0]; i++) {
        if (strcmp(shapes[i].cc, cc) != 0)
            continue;
        bool ok = shaped(c, shapes[i].shape);
        if (ok && shapes[i].split) {
            wn_buf_append(out, c, shapes[i].split);
            wn_buf_putc(out, shapes[i].sep);
            wn_buf_puts(out, c + shapes[i].split);
        } else {
            wn_buf_append(out, c, n);
        }
        return ok ? WN_NORM_OK : WN_NORM_INVALID;
    }
    int digits = digit_length(cc);
    wn_buf_append(out, c, n);
    if (digits)
        return (int)n == digits && all_digits(c, n) && !(strcmp(cc, "IN") == 0 && c[0] == '0')
                   ? WN_NORM_OK
                   : WN_NORM_INVALID;
    return n >= 3 && n <= 10 ? WN_NORM_OK : WN_NORM_INVALID;
}

wn_norm_status wn_postal_normalize(const char *s, size_t len, const char *country, wn_buf *out)
{
    char c[32];
    size_t n = alnum_upper(s, len, c, sizeof c);
    wn_buf_clear(out);
    if (n == 0) {
        wn_buf_cstr(out);
        return WN_NORM_EMPTY;
    }
    char cc[3] = {0};
    if (country && strlen(country) == 2) {
        cc[0] = (char)toupper((unsigned char)country[0]);
        cc[1] = (char)toupper((unsigned char)country[1]);
    }
    wn_norm_status st = postal_for(cc, c, n, out);
    wn_buf_cstr(out);
    return st;
}

/* ---- companies ---------------------------------------------------------------- */

/* Length of the legal form ending `s` (folded, at a word boundary), or 0. */
static size_t legal_form_at_end(const char *s, size_t len)
{
    size_t best = 0;
    for (size_t i = 0; i < tables.forms.nrows; i++) {
        const char *f = tables.forms.rows[i].fields[0];
        size_t n = strlen(f);
        if (n < len && n > best && memcmp(s + len - n, f, n) == 0 && s[len - n - 1] == ' ')
            best = n;
    }
    return best;
}

wn_norm_status wn_company_normalize(const char *s, size_t len, wn_buf *out)
{
    pthread_once(&tables_once, tables_load);
    wn_buf amp = {0}, folded = {0};
    for (size_t i = 0; i < len; i++) {
        if (s[i] == '&')
            wn_buf_puts(&amp, " and ");
        else
            wn_buf_putc(&amp, s[i]);
    }
    wn_text_fold(amp.data ? amp.data : "", amp.len, &folded);
    const char *p = folded.data ? folded.data : "";
    size_t n = folded.len;
    if (n > 4 && memcmp(p, "the ", 4) == 0)
        p += 4, n -= 4;
    size_t cut;
    while ((cut = legal_form_at_end(p, n)) > 0) { /* "gmbh co kg", then "and co" */
        n -= cut + 1;
        if (n > 4 && memcmp(p + n - 4, " and", 4) == 0)
            n -= 4;
    }
    wn_buf_clear(out);
    wn_buf_append(out, p, n);
    wn_buf_cstr(out);
    wn_buf_free(&amp);
    wn_buf_free(&folded);
    return out->len ? WN_NORM_OK : WN_NORM_EMPTY;
}
