/*
 * shape.c -- the shape of a value (wn_value_shape, see winnow.h).
 *
 * Shapes show an analyst the formats a column is written in at a glance:
 * `999-999-9999` next to `(999) 999-9999` and `+9 999 999 9999` says the phone
 * column needs normalizing. Letter runs are cut to three so names of any length
 * share a shape (`Aaaa`), while digits keep their count, because that is what
 * tells a 5-digit ZIP from a ZIP+4 or a 10-digit phone. Letters outside ASCII
 * are classed by their Unicode category (utf8proc), so `Zoë` is `Aaa`.
 */
#include "winnow.h"

#include <string.h>
#include <utf8proc.h>

#include "kinds.h"
#include "utf8.h"

static char shape_class(utf8proc_int32_t cp)
{
    if (cp < 0x80) {
        if (cp >= 'A' && cp <= 'Z') return 'A';
        if (cp >= 'a' && cp <= 'z') return 'a';
        if (cp >= '0' && cp <= '9') return '9';
        if (cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r') return ' ';
        return (char)cp;
    }
    switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LT:
        return 'A';
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_MN: /* combining accents belong to their letter */
        return 'a';
    case UTF8PROC_CATEGORY_ND:
        return '9';
    case UTF8PROC_CATEGORY_ZS:
        return ' ';
    default:
        return '?';
    }
}

/* shape_class() of every ASCII character (generated from it). */
static const char ascii_class[128] = {
    0,   1,    2,   3,   4,   5,   6,   7,   8,   ' ', ' ', 11,  12,  ' ', 14,  15,  16,   17,  18,
    19,  20,   21,  22,  23,  24,  25,  26,  27,  28,  29,  30,  31,  ' ', '!', '"', '#',  '$', '%',
    '&', '\'', '(', ')', '*', '+', ',', '-', '.', '/', '9', '9', '9', '9', '9', '9', '9',  '9', '9',
    '9', ':',  ';', '<', '=', '>', '?', '@', 'A', 'A', 'A', 'A', 'A', 'A', 'A', 'A', 'A',  'A', 'A',
    'A', 'A',  'A', 'A', 'A', 'A', 'A', 'A', 'A', 'A', 'A', 'A', 'A', 'A', 'A', '[', '\\', ']', '^',
    '_', '`',  'a', 'a', 'a', 'a', 'a', 'a', 'a', 'a', 'a', 'a', 'a', 'a', 'a', 'a', 'a',  'a', 'a',
    'a', 'a',  'a', 'a', 'a', 'a', 'a', 'a', 'a', '{', '|', '}', '~', 127,
};

size_t wn_value_shape_chars(const char *s, size_t len, char *out, size_t cap, size_t *chars)
{
    const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
    size_t i = 0, n = 0, cps = 0;
    char prev = 0;
    unsigned run = 0;
    while (i < len && n + 1 < cap) {
        utf8proc_int32_t cp = p[i];
        char cls;
        if (cp < 0x80) { /* most of a CRM export: one table lookup */
            cls = ascii_class[cp];
            i++;
            cps++;
        } else {
            utf8proc_ssize_t step = utf8proc_iterate(p + i, (utf8proc_ssize_t)(len - i), &cp);
            if (step <= 0) {
                cp = '?';
                step = 1;
            }
            cps += wn_utf8_length(s + i, (size_t)step);
            i += (size_t)step;
            cls = shape_class(cp);
        }
        run = cls == prev ? run + 1 : 1;
        prev = cls;
        if ((cls == 'A' || cls == 'a') && run > 3) continue;
        if (cls == ' ' && run > 1) continue;
        out[n++] = cls;
    }
    if (cap) out[n] = '\0';
    *chars = cps + wn_utf8_length(s + i, len - i); /* what the shape had no room for */
    return n;
}

size_t wn_value_shape(const char *s, size_t len, char *out, size_t cap)
{
    size_t chars;
    return wn_value_shape_chars(s, len, out, cap, &chars);
}
