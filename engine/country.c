/*
 * country.c -- country lookup; see country.h.
 */
#include "country.h"

#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "strmap.h"
#include "table.h"
#include "text.h"

static wn_strmap names; /* folded name -> index of the code in `codes` */
static char (*codes)[3];
static pthread_once_t names_once = PTHREAD_ONCE_INIT;

/* The lookup form: dots dropped ("U.S.A." is "usa"), then folded. */
static void lookup_key(const char *s, size_t len, wn_buf *out, wn_buf *tmp)
{
    wn_buf_clear(tmp);
    for (size_t i = 0; i < len; i++)
        if (s[i] != '.')
            wn_buf_putc(tmp, s[i]);
    wn_text_fold(tmp->data ? tmp->data : "", tmp->len, out);
}

static void names_load(void)
{
    wn_strmap_init(&names);
    wn_table t;
    if (wn_table_load_embedded(&t, "data/countries.csv", NULL) != WN_OK)
        return;
    codes = calloc(t.nrows ? t.nrows : 1, sizeof *codes);
    wn_buf key = {0}, tmp = {0};
    for (size_t i = 0; codes && i < t.nrows; i++) {
        const wn_table_row *row = &t.rows[i];
        memcpy(codes[i], row->fields[0], 2);
        for (size_t f = 0; f < row->nfields && f < 4; f++) {
            const char *v = row->fields[f];
            while (*v) { /* the fourth field holds several names */
                size_t n = f == 3 ? strcspn(v, "|") : strlen(v);
                lookup_key(v, n, &key, &tmp);
                if (key.len)
                    wn_strmap_put(&names, key.data, key.len, i);
                v += n + (v[n] == '|');
            }
        }
    }
    wn_buf_free(&key);
    wn_buf_free(&tmp);
    wn_table_free(&t);
}

wn_norm_status wn_country_normalize(const char *s, size_t len, wn_buf *out)
{
    pthread_once(&names_once, names_load);
    wn_buf key = {0}, tmp = {0};
    lookup_key(s, len, &key, &tmp);
    wn_buf_clear(out);
    wn_norm_status st = WN_NORM_EMPTY;
    uint64_t i;
    if (key.len == 0) {
        st = WN_NORM_EMPTY;
    } else if (codes && wn_strmap_get(&names, key.data, key.len, &i)) {
        wn_buf_append(out, codes[i], 2);
        st = WN_NORM_OK;
    } else {
        wn_buf_append(out, key.data, key.len);
        st = WN_NORM_INVALID;
    }
    wn_buf_cstr(out);
    wn_buf_free(&key);
    wn_buf_free(&tmp);
    return st;
}
