/*
 * country.c -- country names, codes and calling codes; see country.h.
 */
#include "country.h"

#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "buf.h"
#include "strmap.h"
#include "table.h"

/* Longest folded key looked up; longer text names no country. */
#define KEY_MAX 192

enum { COL_A2, COL_A3, COL_CC, COL_TRUNK, COL_NAME, COL_ALT, NCOLS };

static struct {
    wn_table table;
    wn_country *countries;
    size_t ncountries;
    wn_strmap by_key;  /* folded name or code -> index */
    wn_strmap by_code; /* calling code -> index of its main country */
} db;
static pthread_once_t db_once = PTHREAD_ONCE_INIT;

/* Letters NFKD leaves whole but people write with plain Latin letters. */
static const char *latin_fold(utf8proc_int32_t cp)
{
    switch (cp) {
    case 0xF8: /* ø */
        return "o";
    case 0xE6: /* æ */
        return "ae";
    case 0x153: /* œ */
        return "oe";
    case 0xFE: /* þ */
        return "th";
    case 0x111: /* đ */
    case 0xF0:  /* ð */
        return "d";
    case 0x142: /* ł */
        return "l";
    case 0x131: /* dotless ı */
        return "i";
    default:
        return NULL;
    }
}

static bool keep_category(utf8proc_int32_t cp)
{
    switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_ND:
        return true;
    default:
        return false;
    }
}

/* Appends the folded form of one non-ASCII code point; false if it does not fit. */
static bool fold_code_point(utf8proc_int32_t cp, char *key, size_t *n)
{
    utf8proc_int32_t parts[8];
    int boundclass = 0;
    utf8proc_ssize_t nparts = utf8proc_decompose_char(
        cp, parts, 8, UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT | UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK,
        &boundclass);
    for (utf8proc_ssize_t i = 0; i < nparts && i < 8; i++) {
        const char *latin = latin_fold(parts[i]);
        if (latin) {
            size_t l = strlen(latin);
            if (*n + l > KEY_MAX) return false;
            // NOLINTNEXTLINE(bugprone-not-null-terminated-result): keys are counted
            memcpy(key + *n, latin, l);
            *n += l;
        } else if (keep_category(parts[i])) {
            if (*n + 4 > KEY_MAX) return false;
            *n += (size_t)utf8proc_encode_char(parts[i], (utf8proc_uint8_t *)key + *n);
        }
    }
    return true;
}

/* Folds `s` into `key` (see country.h); returns the key length, or 0 when the
 * text is empty, too long or not UTF-8. */
static size_t fold_key(const char *s, size_t len, char key[KEY_MAX])
{
    size_t n = 0, i = 0;
    bool first_word = true;
    while (i < len) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) {
            i++;
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z')) {
                if (n == KEY_MAX) return 0;
                key[n++] = (char)(c | ((c >= 'A' && c <= 'Z') ? 0x20 : 0));
                continue;
            }
        } else {
            utf8proc_int32_t cp;
            utf8proc_ssize_t used =
                utf8proc_iterate((const utf8proc_uint8_t *)s + i, (utf8proc_ssize_t)(len - i), &cp);
            if (used <= 0) return 0;
            i += (size_t)used;
            size_t before = n;
            if (!fold_code_point(cp, key, &n)) return 0;
            if (n > before) continue;
        }
        /* A separator: "The Netherlands" is "Netherlands". Dots do not end a
         * word, so "U.S.A." stays one key. */
        if (first_word && n > 0 && s[i - 1] != '.') {
            if (n == 3 && memcmp(key, "the", 3) == 0) n = 0;
            first_word = false;
        }
    }
    return n;
}

static void add_key(const char *text, size_t index)
{
    char key[KEY_MAX];
    size_t n = fold_key(text, strlen(text), key);
    /* The first country to claim a key keeps it; test_country checks that
     * no name in the table is claimed twice. */
    if (n > 0 && !wn_strmap_get(&db.by_key, key, n, NULL)) wn_strmap_put(&db.by_key, key, n, index);
}

static void add_alternates(const char *list, size_t index)
{
    char name[KEY_MAX];
    while (*list) {
        size_t l = strcspn(list, "|");
        if (l > 0 && l < sizeof name) {
            memcpy(name, list, l);
            name[l] = '\0';
            add_key(name, index);
        }
        list += l + (list[l] == '|');
    }
}

/* Where several countries share a calling code, the one ITU-T's list of
 * assignments names the code after (+1 is listed for the United States,
 * +7 for Russia, +44 for the United Kingdom, ...); see by_calling_code. */
static const char *const code_owners[] = {"US", "RU", "GB", "IT", "NO", "AU", "FI", "MA",
                                          "RE", "GP", "CW", "NZ", "NF", "SH", "FK"};

static bool owns_code(const char *alpha2)
{
    for (size_t i = 0; i < sizeof code_owners / sizeof code_owners[0]; i++)
        if (strcmp(code_owners[i], alpha2) == 0) return true;
    return false;
}

static void db_load(void)
{
    wn_error err;
    if (wn_table_load_embedded(&db.table, "data/countries.csv", &err) != WN_OK) {
        fprintf(stderr, "winnow: %s\n", err.msg);
        abort();
    }
    db.countries = wn_xcalloc(db.table.nrows, sizeof *db.countries);
    wn_strmap_init(&db.by_key);
    wn_strmap_init(&db.by_code);
    for (size_t r = 0; r < db.table.nrows; r++) {
        const wn_table_row *row = &db.table.rows[r];
        if (row->nfields != NCOLS || strlen(row->fields[COL_A2]) != 2 ||
            strcmp(row->fields[COL_A2], "alpha2") == 0)
            continue; /* the header, or a malformed row test_country reports */
        size_t index = db.ncountries++;
        wn_country *c = &db.countries[index];
        memcpy(c->alpha2, row->fields[COL_A2], 3);
        snprintf(c->alpha3, sizeof c->alpha3, "%s", row->fields[COL_A3]);
        c->name = row->fields[COL_NAME];
        c->calling_code = row->fields[COL_CC];
        c->trunk_prefix = row->fields[COL_TRUNK];
        add_key(c->alpha2, index);
        add_key(c->alpha3, index);
        add_key(c->name, index);
        add_alternates(row->fields[COL_ALT], index);
        if (owns_code(c->alpha2) || !wn_strmap_getz(&db.by_code, c->calling_code, NULL))
            wn_strmap_putz(&db.by_code, c->calling_code, index);
    }
}

int wn_country_code(const char *s, size_t len, char out[3])
{
    pthread_once(&db_once, db_load);
    char key[KEY_MAX];
    size_t n = fold_key(s, len, key);
    uint64_t index;
    if (n == 0 || !wn_strmap_get(&db.by_key, key, n, &index)) {
        out[0] = '\0';
        return 0;
    }
    memcpy(out, db.countries[index].alpha2, 3);
    return 1;
}

const wn_country *wn_country_get(const char *alpha2)
{
    pthread_once(&db_once, db_load);
    if (!alpha2 || !alpha2[0] || !alpha2[1]) return NULL;
    char key[2] = {(char)(alpha2[0] | 0x20), (char)(alpha2[1] | 0x20)};
    uint64_t index;
    if (!wn_strmap_get(&db.by_key, key, 2, &index)) return NULL;
    const wn_country *c = &db.countries[index];
    /* A two-letter key may be an alternate name ("UK"): only codes count here. */
    return (c->alpha2[0] | 0x20) == key[0] && (c->alpha2[1] | 0x20) == key[1] ? c : NULL;
}

const wn_country *wn_country_by_calling_code(const char *digits, size_t len)
{
    pthread_once(&db_once, db_load);
    for (size_t n = 1; n <= 3 && n <= len; n++) {
        uint64_t index;
        if (wn_strmap_get(&db.by_code, digits, n, &index)) return &db.countries[index];
    }
    return NULL;
}
