/*
 * text.c -- folding text into a matching key; see text.h.
 */
#include "text.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

/* NFKC + full case folding + no default-ignorables + no marks; LUMP turns the
 * typographic apostrophes, dashes and spaces into their ASCII forms. */
#define FOLD_OPTIONS                                                                               \
    (UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT | UTF8PROC_CASEFOLD | UTF8PROC_IGNORE |  \
     UTF8PROC_STRIPMARK | UTF8PROC_LUMP)

bool wn_text_cps_decode(wn_text_cps *c, const char *s, size_t len, int options)
{
    c->heap = NULL;
    c->cp = c->inline_buf;
    c->n = 0;
    utf8proc_ssize_t n = utf8proc_decompose((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)len,
                                            c->cp, WN_TEXT_CPS_INLINE, (utf8proc_option_t)options);
    if (n > WN_TEXT_CPS_INLINE) {
        /* Rare: a long cell. utf8proc told us the size it needs. */
        c->heap = wn_xmalloc((size_t)n * sizeof *c->heap);
        c->cp = c->heap;
        n = utf8proc_decompose((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)len, c->cp, n,
                               (utf8proc_option_t)options);
    }
    if (n < 0) return false;
    if (options & UTF8PROC_COMPOSE) {
        n = utf8proc_normalize_utf32(c->cp, n, (utf8proc_option_t)options);
        if (n < 0) return false;
    }
    c->n = (size_t)n;
    return true;
}

void wn_text_cps_release(wn_text_cps *c)
{
    free(c->heap);
    c->heap = NULL;
}

void wn_text_put_cp(wn_buf *out, int32_t cp)
{
    wn_buf_reserve(out, 4);
    out->len += (size_t)utf8proc_encode_char(cp, (utf8proc_uint8_t *)out->data + out->len);
}

/* Letters with no decomposition whose Latin spelling everyone agrees on.
 * Case folding has already happened, so only lower case is listed. */
static const char *spell_out(int32_t cp)
{
    switch (cp) {
    case 0x00E6:
        return "ae"; /* æ */
    case 0x0153:
        return "oe"; /* œ */
    case 0x00F8:
        return "o"; /* ø */
    case 0x0111:
        return "d"; /* đ */
    case 0x00F0:
        return "d"; /* ð */
    case 0x0142:
        return "l"; /* ł */
    case 0x00FE:
        return "th"; /* þ */
    case 0x0131:
        return "i"; /* dotless ı */
    case 0x0127:
        return "h"; /* ħ */
    case 0x0167:
        return "t"; /* ŧ */
    case 0x0138:
        return "k"; /* ĸ */
    case 0x014B:
        return "n"; /* ŋ */
    case 0x0180:
        return "b"; /* ƀ */
    case 0x01E5:
        return "g"; /* ǥ */
    default:
        return NULL;
    }
}

/* The output side: words separated by exactly one space, none at the ends. */
typedef struct folder {
    wn_buf *out;
    const char *keep;
    bool gap; /* a separator was seen since the last character written */
} folder;

/* Writes the space a pending gap stands for, before a character. */
static void open_char(folder *f)
{
    if (f->gap && f->out->len > 0) wn_buf_putc(f->out, ' ');
    f->gap = false;
}

static void emit_byte(folder *f, char c)
{
    open_char(f);
    wn_buf_putc(f->out, c);
}

static bool is_ascii_alnum(int c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static bool is_word_cp(int32_t cp)
{
    if (cp < 0x80) return is_ascii_alnum(cp);
    utf8proc_category_t cat = utf8proc_category(cp);
    return cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_NO &&
           cat != UTF8PROC_CATEGORY_MN && cat != UTF8PROC_CATEGORY_MC &&
           cat != UTF8PROC_CATEGORY_ME;
}

/* ASCII punctuation: kept, dropped (an apostrophe inside a word) or a gap.
 * `joins` says whether the previous and next characters are word characters. */
static void emit_punct(folder *f, char c, bool joins)
{
    if (f->keep && strchr(f->keep, c))
        emit_byte(f, c);
    else if (c == '\'' && joins && !f->gap && f->out->len > 0)
        return;
    else
        f->gap = true;
}

static wn_norm_status finish(const folder *f, wn_norm_status ok)
{
    wn_buf_cstr(f->out);
    return f->out->len ? ok : WN_NORM_EMPTY;
}

static bool all_ascii(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if ((unsigned char)s[i] >= 0x80) return false;
    return true;
}

/* The fast path: ASCII needs no Unicode tables. Also the best effort for
 * invalid UTF-8, where non-ASCII bytes are skipped. It follows emit_byte and
 * emit_punct, writing in place: what it writes is never longer than what it
 * reads, since a space only stands for a gap, and a gap for bytes that wrote
 * nothing. */
static void fold_ascii(folder *f, const char *s, size_t len)
{
    wn_buf_reserve(f->out, len);
    char *const start = f->out->data, *o = start + f->out->len;
    bool gap = f->gap;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (is_ascii_alnum(c)) {
            c = c >= 'A' && c <= 'Z' ? (unsigned char)(c + 32) : c;
        } else if (c > ' ' && c < 0x7F && !(f->keep && strchr(f->keep, c))) {
            bool joins = i + 1 < len && is_ascii_alnum((unsigned char)s[i + 1]);
            if (!(c == '\'' && joins && !gap && o > start)) gap = true;
            continue;
        } else if (c <= ' ' || c >= 0x7F) {
            gap = true; /* blanks, controls, DEL and bytes of other scripts */
            continue;
        }
        if (gap && o > start) *o++ = ' ';
        gap = false;
        *o++ = (char)c;
    }
    f->out->len = (size_t)(o - start);
    f->gap = gap;
}

static void fold_cps(folder *f, const wn_text_cps *c)
{
    for (size_t i = 0; i < c->n; i++) {
        int32_t cp = c->cp[i];
        if (cp < 0x80) {
            if (is_ascii_alnum(cp))
                emit_byte(f, (char)cp); /* case folding already lowered it */
            else if (cp > ' ' && cp < 0x7F)
                emit_punct(f, (char)cp, i + 1 < c->n && is_word_cp(c->cp[i + 1]));
            else
                f->gap = true;
            continue;
        }
        const char *spelled = spell_out(cp);
        if (spelled) {
            for (; *spelled; spelled++)
                emit_byte(f, *spelled);
        } else if (is_word_cp(cp)) {
            open_char(f);
            wn_text_put_cp(f->out, cp);
        } else {
            f->gap = true; /* punctuation, symbols, separators, controls */
        }
    }
}

wn_norm_status wn_text_fold_keep(const char *s, size_t len, const char *keep, wn_buf *out)
{
    wn_buf_clear(out);
    folder f = {out, keep && *keep ? keep : NULL, false};
    if (all_ascii(s, len)) {
        fold_ascii(&f, s, len);
        return finish(&f, WN_NORM_OK);
    }
    wn_text_cps c;
    bool valid = wn_text_cps_decode(&c, s, len, FOLD_OPTIONS);
    if (valid) fold_cps(&f, &c);
    wn_text_cps_release(&c);
    if (!valid) {
        fold_ascii(&f, s, len);
        wn_buf_cstr(out);
        return WN_NORM_INVALID;
    }
    return finish(&f, WN_NORM_OK);
}

wn_norm_status wn_text_fold(const char *s, size_t len, wn_buf *out)
{
    return wn_text_fold_keep(s, len, NULL, out);
}
