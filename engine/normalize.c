/*
 * normalize.c -- a column's normalizer chain; see normalize.h.
 */
#include "normalize.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

/* TEMPORARY basic versions until the normalizer modules land. */
static wn_norm_status fold(const char *s, size_t len, wn_buf *out)
{
    wn_buf_clear(out);
    utf8proc_uint8_t *m = NULL;
    utf8proc_ssize_t n = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)len, &m,
                                      UTF8PROC_COMPOSE | UTF8PROC_COMPAT | UTF8PROC_CASEFOLD |
                                          UTF8PROC_STRIPMARK | UTF8PROC_STABLE);
    if (n < 0)
        return WN_NORM_INVALID;
    bool space = false;
    for (utf8proc_ssize_t i = 0; i < n; i++) {
        unsigned char c = m[i];
        if (c < 0x80 && !isalnum(c) && c != '@' && c != '.' && c != '+' && c != '-') {
            space = out->len > 0;
            continue;
        }
        if (space)
            wn_buf_putc(out, ' ');
        space = false;
        wn_buf_putc(out, (char)c);
    }
    free(m);
    wn_buf_cstr(out);
    return out->len ? WN_NORM_OK : WN_NORM_EMPTY;
}

static wn_norm_status digits(const char *s, size_t len, wn_buf *out)
{
    wn_buf_clear(out);
    for (size_t i = 0; i < len; i++)
        if (isdigit((unsigned char)s[i]))
            wn_buf_putc(out, s[i]);
    wn_buf_cstr(out);
    return out->len ? WN_NORM_OK : WN_NORM_EMPTY;
}

wn_norm_status wn_normalize_value(const wn_column_rule *col, const wn_norm_ctx *ctx,
                                  const char *raw, size_t len, wn_normalizer_state *st,
                                  wn_buf *out, const char **why)
{
    (void)ctx;
    if (why)
        *why = NULL;
    wn_norm_status worst = WN_NORM_OK;
    wn_buf_clear(&st->a);
    wn_buf_append(&st->a, raw, len);
    wn_buf_cstr(&st->a);
    for (size_t k = 0; k < col->nnorm; k++) {
        wn_norm_status s;
        switch (col->norm[k]) {
        case WN_NORM_PHONE:
        case WN_NORM_DIGITS:
            s = digits(st->a.data, st->a.len, &st->b);
            if (s == WN_NORM_OK && (st->b.len < 7 || st->b.len > 15))
                s = WN_NORM_INVALID;
            break;
        case WN_NORM_EMAIL:
            s = fold(st->a.data, st->a.len, &st->b);
            if (s == WN_NORM_OK && !strchr(st->b.data, '@'))
                s = WN_NORM_INVALID;
            break;
        default:
            s = fold(st->a.data, st->a.len, &st->b);
            break;
        }
        if (s == WN_NORM_EMPTY) {
            wn_buf_clear(out);
            wn_buf_cstr(out);
            return WN_NORM_EMPTY;
        }
        if (s > worst)
            worst = s;
        wn_buf t = st->a;
        st->a = st->b;
        st->b = t;
    }
    wn_buf_clear(out);
    wn_buf_append(out, st->a.data, st->a.len);
    wn_buf_cstr(out);
    if (worst != WN_NORM_OK && why)
        *why = "not a valid value";
    return out->len ? worst : WN_NORM_EMPTY;
}

void wn_normalizer_state_free(wn_normalizer_state *st)
{
    wn_buf_free(&st->a);
    wn_buf_free(&st->b);
    wn_buf_free(&st->extra);
}
