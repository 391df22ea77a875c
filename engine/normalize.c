/*
 * normalize.c -- a column's normalizer chain; see normalize.h.
 */
#include "normalize.h"

#include <ctype.h>
#include <stdint.h>
#include <string.h>
#include <strings.h>

#include "company.h"
#include "country.h"
#include "date.h"
#include "email.h"
#include "name.h"
#include "phone.h"
#include "postal.h"
#include "street.h"
#include "text.h"
#include "translit.h"

/* Trims and collapses each run of blanks to one space. Every cell passes
 * here, so the text between blanks is copied a run at a time. */
static wn_norm_status trim_collapse(const char *s, size_t len, wn_buf *out)
{
    wn_buf_clear(out);
    size_t i = 0;
    while (i < len) {
        while (i < len && wn_is_blank_byte((unsigned char)s[i]))
            i++;
        size_t start = i;
        while (i < len && !wn_is_blank_byte((unsigned char)s[i]))
            i++;
        if (i == start) break;
        if (out->len) wn_buf_putc(out, ' ');
        wn_buf_append(out, s + start, i - start);
    }
    wn_buf_cstr(out);
    return out->len ? WN_NORM_OK : WN_NORM_EMPTY;
}

/* Whether any of the 8 bytes in x is at most ' ' (a blank or a control):
 * a borrow can mark a byte above one that is, never one otherwise, and a
 * byte of 0x80 or more is never marked. */
static bool any_at_most_space(uint64_t x)
{
    return ((x - UINT64_C(0x2121212121212121)) & ~x & UINT64_C(0x8080808080808080)) != 0;
}

/* Whether byte i, between the ends, keeps the value as it is: not a blank
 * but a single space. */
static bool inner_byte_keeps(const char *s, size_t i)
{
    unsigned char c = (unsigned char)s[i];
    if (c > ' ') return true; /* every blank byte is at most ' ' */
    return c != ' ' ? !wn_is_blank_byte(c) : !wn_is_blank_byte((unsigned char)s[i + 1]);
}

/* Whether trim_collapse would give the value back as it is: no blank at
 * either end, and no blank but single spaces between words -- most cells of
 * an export. The chain then passes the value on without copying it. The
 * inner bytes are looked at eight at a time, and one by one only where
 * eight hold a space or a control. */
static bool trim_keeps(const char *s, size_t len)
{
    if (len == 0 || wn_is_blank_byte((unsigned char)s[0]) ||
        wn_is_blank_byte((unsigned char)s[len - 1]))
        return false;
    size_t i = 1;
    for (; i + 8 < len; i += 8) {
        uint64_t x;
        memcpy(&x, s + i, 8);
        if (!any_at_most_space(x)) continue;
        for (size_t k = i; k < i + 8; k++)
            if (!inner_byte_keeps(s, k)) return false;
    }
    for (; i + 1 < len; i++)
        if (!inner_byte_keeps(s, i)) return false;
    return true;
}

static wn_norm_status digits_only(const char *s, size_t len, wn_buf *out)
{
    wn_buf_clear(out);
    for (size_t i = 0; i < len; i++)
        if (isdigit((unsigned char)s[i])) wn_buf_putc(out, s[i]);
    wn_buf_cstr(out);
    return out->len ? WN_NORM_OK : WN_NORM_EMPTY;
}

/* Whether the host begins with a prefix to drop ("www.", "www2."). */
static size_t www_prefix(const char *s, size_t len)
{
    if (len < 5 || strncasecmp(s, "www", 3) != 0) return 0;
    if (s[3] == '.') return 4;
    return isdigit((unsigned char)s[3]) && s[4] == '.' ? 5 : 0;
}

/* A web address as its host: "https://www.Acme.com/contact" -> "acme.com".
 * Lower case; scheme, user, "www.", port, path, query dropped. INVALID
 * without a dot in the host ("n/a", "none", "yes"), the text kept. */
static wn_norm_status website_host(const char *s, size_t len, wn_buf *out)
{
    wn_buf_clear(out);
    for (size_t i = 0; i + 3 <= len && i < 16; i++) /* a scheme is a short word */
        if (memcmp(s + i, "://", 3) == 0) {
            s += i + 3;
            len -= i + 3;
            break;
        }
    const char *at = memchr(s, '@', len), *slash = memchr(s, '/', len);
    if (at && (!slash || at < slash)) { /* user@host */
        len -= (size_t)(at + 1 - s);
        s = at + 1;
    }
    size_t host = 0;
    while (host < len && !strchr("/?#:", s[host]))
        host++;
    size_t skip = www_prefix(s, host);
    bool dot = false;
    for (size_t i = skip; i < host; i++) {
        char ch = (char)tolower((unsigned char)s[i]);
        dot |= ch == '.';
        wn_buf_putc(out, ch);
    }
    while (out->len && out->data[out->len - 1] == '.')
        out->len--;
    wn_buf_cstr(out);
    if (!out->len) return WN_NORM_EMPTY;
    return dot ? WN_NORM_OK : WN_NORM_INVALID;
}

static wn_norm_status email_key(const char *s, size_t len, bool verdict_only,
                                wn_normalizer_state *st, wn_buf *out)
{
    wn_norm_status status = wn_email_normalize(s, len, &st->extra, 0);
    if ((status == WN_NORM_OK || status == WN_NORM_SUSPICIOUS) && !verdict_only)
        wn_email_match_key(st->extra.data, st->extra.len, out);
    else {
        wn_buf_clear(out);
        wn_buf_append(out, st->extra.data ? st->extra.data : "", st->extra.len);
        wn_buf_cstr(out);
    }
    return status;
}

static wn_norm_status country_code(const char *s, size_t len, wn_buf *out)
{
    char code[3];
    wn_buf_clear(out);
    if (wn_country_code(s, len, code)) {
        wn_buf_append(out, code, 2);
        wn_buf_cstr(out);
        return WN_NORM_OK;
    }
    wn_text_fold(s, len, out);
    return out->len ? WN_NORM_INVALID : WN_NORM_EMPTY;
}

/* Whether step k only makes a match key of what the step before judged: the
 * nickname of a name the person-name step accepted (it is folded words, so
 * the nickname step cannot find fault with it). */
static bool key_only(const wn_column_rule *col, size_t k)
{
    return col->norm[k] == WN_NORM_NICKNAME && k > 0 && col->norm[k - 1] == WN_NORM_PERSON_NAME;
}

static wn_norm_status run_step(wn_normalizer n, wn_field field, const wn_norm_ctx *ctx,
                               const char *s, size_t len, wn_normalizer_state *st, wn_buf *out)
{
    switch (n) {
    case WN_NORM_TRIM:
        return trim_collapse(s, len, out);
    case WN_NORM_FOLD:
        return wn_text_fold(s, len, out);
    case WN_NORM_TRANSLIT:
        return wn_translit_latin(s, len, out);
    case WN_NORM_PERSON_NAME:
        if (field == WN_F_FIRST_NAME || field == WN_F_MIDDLE_NAME)
            return wn_name_normalize_given(s, len, out);
        if (field == WN_F_FULL_NAME) return wn_name_normalize_full(s, len, out);
        return wn_name_normalize_family(s, len, out);
    case WN_NORM_NICKNAME:
        return wn_name_canonical_given(s, len, out);
    case WN_NORM_EMAIL:
        return email_key(s, len, ctx->verdict_only, st, out);
    case WN_NORM_PHONE:
        return wn_phone_normalize(s, len, ctx->region, out, &st->extra);
    case WN_NORM_POSTAL:
        return wn_postal_normalize(s, len, ctx->region, out);
    case WN_NORM_STREET:
        return wn_street_normalize(s, len, out);
    case WN_NORM_COMPANY:
        return wn_company_normalize(s, len, out);
    case WN_NORM_DATE:
        return wn_date_normalize_ex(s, len, ctx->date_order == 1 ? WN_DATE_DMY : WN_DATE_MDY,
                                    WN_DATE_SERIAL, out);
    case WN_NORM_COUNTRY:
        return country_code(s, len, out);
    case WN_NORM_DIGITS:
        return digits_only(s, len, out);
    case WN_NORM_WEBSITE:
        return website_host(s, len, out);
    default:
        return trim_collapse(s, len, out);
    }
}

static const char *default_reason(wn_normalizer n)
{
    switch (n) {
    case WN_NORM_EMAIL:
        return "not a valid email address, or a misspelt mail provider";
    case WN_NORM_PHONE:
        return "not a valid phone number";
    case WN_NORM_POSTAL:
        return "not a postal code of the record's country";
    case WN_NORM_DATE:
        return "not a date";
    case WN_NORM_COUNTRY:
        return "not a known country";
    case WN_NORM_WEBSITE:
        return "not a web address";
    default:
        return "not a valid value";
    }
}

wn_norm_status wn_normalize_value(const wn_column_rule *col, const wn_norm_ctx *ctx,
                                  const char *raw, size_t len, wn_normalizer_state *st, wn_buf *out,
                                  const char **why)
{
    const char *reason = NULL;
    wn_norm_status worst = WN_NORM_OK;
    /* The first step reads the raw value where it is; each step after reads
     * the one before's result, or the one before that's when it kept the
     * value as it was. Steps write into the scratch buffers in turn, the
     * last straight into `out`: buffers are chosen by pointer, never moved,
     * since copying a buffer's fields just after a step wrote them stalls
     * (a wide load of two narrow stores cannot be forwarded). */
    const char *in = raw;
    size_t in_len = len;
    wn_buf *scratch = &st->a;
    bool in_out = false; /* `in` is out's text */
    for (size_t k = 0; k < col->nnorm; k++) {
        if (col->norm[k] == WN_NORM_TRIM && trim_keeps(in, in_len)) continue;
        if (ctx->verdict_only && key_only(col, k)) continue;
        wn_buf *to = k + 1 == col->nnorm ? out : scratch;
        wn_norm_status s =
            run_step((wn_normalizer)col->norm[k], col->field, ctx, in, in_len, st, to);
        if (s == WN_NORM_EMPTY) {
            wn_buf_clear(out);
            wn_buf_cstr(out);
            if (why) *why = NULL;
            return WN_NORM_EMPTY;
        }
        if (s > worst) {
            worst = s;
            reason = default_reason((wn_normalizer)col->norm[k]);
        }
        in = to->data;
        in_len = to->len;
        in_out = to == out;
        scratch = scratch == &st->a ? &st->b : &st->a;
    }
    if (!in_out) { /* the last step kept its input as it was */
        wn_buf_clear(out);
        wn_buf_append(out, in, in_len);
    }
    wn_buf_cstr(out);
    if (why) *why = worst == WN_NORM_OK ? NULL : reason;
    /* A value a normalizer rejected is invalid even when nothing is left of it
     * (a date normalizer writes nothing for 1961-13-05). */
    return out->len || worst == WN_NORM_INVALID ? worst : WN_NORM_EMPTY;
}

void wn_normalizer_state_free(wn_normalizer_state *st)
{
    wn_buf_free(&st->a);
    wn_buf_free(&st->b);
    wn_buf_free(&st->extra);
}
