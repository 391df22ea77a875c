/*
 * utf8.c -- UTF-8 validation and Windows-1252 conversion; see utf8.h.
 */
#include "utf8.h"

#include <stdint.h>
#include <utf8proc.h>

/* Windows-1252 bytes 0x80..0x9F; 0 marks the five undefined ones. */
static const uint16_t cp1252_high[32] = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178,
};

#define ONES  UINT64_C(0x0101010101010101)
#define HIGHS UINT64_C(0x8080808080808080)

/* True if the eight bytes hold a byte of 0x80 or more, or a NUL. */
static uint64_t not_plain_ascii(uint64_t w)
{
    return (w | ((w - ONES) & ~w)) & HIGHS;
}

int wn_utf8_check(const char *s, size_t len)
{
    const unsigned char *p = (const unsigned char *)s;
    const unsigned char *end = p + len;
    int flags = 0;
    /* Fastest path: 32 bytes at a time while they are plain ASCII (most of
     * most lines), one test for the four words. */
    for (; end - p >= 32; p += 32) {
        uint64_t w[4];
        memcpy(w, p, sizeof w);
        if (not_plain_ascii(w[0]) | not_plain_ascii(w[1]) | not_plain_ascii(w[2]) |
            not_plain_ascii(w[3]))
            break;
    }
    while (p < end) {
        /* Fast path: eight ASCII bytes without a NUL. */
        if (end - p >= 8) {
            uint64_t w;
            memcpy(&w, p, 8);
            if (!not_plain_ascii(w)) {
                p += 8;
                continue;
            }
        }
        if (*p == 0) {
            flags |= WN_TEXT_HAS_NUL;
            p++;
        } else if (*p < 0x80) {
            p++;
        } else {
            utf8proc_int32_t cp;
            utf8proc_ssize_t n = utf8proc_iterate(p, end - p, &cp);
            if (n <= 0) {
                flags |= WN_TEXT_INVALID_UTF8;
                p++;
            } else {
                p += n;
            }
        }
    }
    return flags;
}

static void put_codepoint(wn_buf *out, int32_t cp)
{
    wn_buf_reserve(out, 4);
    out->len += (size_t)utf8proc_encode_char(cp, (utf8proc_uint8_t *)out->data + out->len);
}

void wn_cp1252_to_utf8(wn_buf *out, const char *s, size_t len)
{
    const unsigned char *p = (const unsigned char *)s;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = p[i];
        if (c < 0x80) {
            wn_buf_putc(out, (char)c);
        } else if (c < 0xA0) {
            uint16_t cp = cp1252_high[c - 0x80];
            put_codepoint(out, cp ? cp : c);
        } else {
            put_codepoint(out, c);
        }
    }
}

static void append_as_utf8(wn_buf *out, const char *s, size_t len)
{
    if (wn_utf8_check(s, len) & WN_TEXT_INVALID_UTF8)
        wn_cp1252_to_utf8(out, s, len);
    else
        wn_buf_append(out, s, len);
}

void wn_utf8_sanitize(wn_buf *out, const char *s, size_t len, bool show_nul)
{
    /* Each piece between NUL bytes is judged on its own, so a NUL cannot make
     * valid UTF-8 around it look like Windows-1252. */
    size_t start = 0;
    for (;;) {
        const char *nul = show_nul ? memchr(s + start, '\0', len - start) : NULL;
        size_t end = nul ? (size_t)(nul - s) : len;
        append_as_utf8(out, s + start, end - start);
        if (!nul) return;
        put_codepoint(out, 0x2400);
        start = end + 1;
    }
}

size_t wn_utf8_length(const char *s, size_t len)
{
    size_t n = 0;
    for (size_t i = 0; i < len; i++)
        n += ((unsigned char)s[i] & 0xC0) != 0x80;
    return n;
}
