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

/* How much of a run of a class a shape keeps: three letters, one blank;
 * 0 is all of it (digits and everything else). */
static const unsigned char run_kept[128] = {['A'] = 3, ['a'] = 3, [' '] = 1};

/* A shape being written: its length, and the class and length of the run
 * it ends with (word-sized fields: packed smaller, they cost shifts). */
typedef struct shape_state {
    size_t n;
    size_t run;
    int prev;
} shape_state;

/* Adds a class to a shape. Whether it is kept depends on its run, which
 * changes at every class boundary, and a branch on it would be mispredicted
 * as often: so the class is written (the callers leave room for it) and kept
 * by being counted or not. The state goes by value, so that it stays in
 * registers: through a pointer, every byte written to `out` (which may alias
 * anything) would make the compiler reload it. */
static shape_state shape_put(shape_state st, char *out, char cls)
{
    int c = (unsigned char)cls;
    st.run = c == st.prev ? st.run + 1 : 1;
    st.prev = c;
    size_t kept = run_kept[(unsigned char)cls];
    out[st.n] = cls;
    st.n += (kept == 0) | (st.run <= kept);
    return st;
}

/*
 * Values of digits, punctuation and single blanks -- dates, times, phone
 * numbers, ids, postal codes: half the bytes a profile sees -- have no run
 * to cut, so their shape is their bytes' classes, written without keeping a
 * run. False (with `out` partly written) at the first byte that needs the
 * run: a letter, a byte outside ASCII, a blank after a blank; a name or an
 * email address is turned away at its first byte.
 */
static bool shape_plain(const unsigned char *p, size_t len, char *out)
{
    bool blank = false;
    for (size_t i = 0; i < len; i++) {
        if (p[i] >= 0x80) return false;
        char cls = ascii_class[p[i]];
        if (cls == 'A' || cls == 'a' || (cls == ' ' && blank)) return false;
        blank = cls == ' ';
        out[i] = cls;
    }
    return true;
}

/* A capitalised word of ASCII letters -- most given names, surnames and
 * cities -- is shaped once its letters are known: `A` and up to three `a`s.
 * Returns the shape's length, or 0 if the value is not such a word. */
static size_t shape_word(const unsigned char *p, size_t len, char *out)
{
    if (len < 2 || (unsigned char)(p[0] - 'A') >= 26) return 0;
    for (size_t i = 1; i < len; i++)
        if ((unsigned char)(p[i] - 'a') >= 26) return 0;
    size_t lower = len - 1 < 3 ? len - 1 : 3;
    out[0] = 'A';
    memcpy(out + 1, "aaa", lower);
    return 1 + lower;
}

size_t wn_value_shape_chars(const char *s, size_t len, char *out, size_t cap, size_t *chars)
{
    const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
    if (len < cap) {
        size_t n = shape_plain(p, len, out) ? len : shape_word(p, len, out);
        if (n) {
            out[n] = '\0';
            *chars = len;
            return n;
        }
    }
    shape_state st = {0};
    size_t i = 0, cps = 0;
    /* Most values are ASCII and shorter than the shape's room: a byte is a
     * character, and the room needs no checking (a byte writes at most one). */
    if (len < cap)
        for (; i < len && p[i] < 0x80; i++)
            st = shape_put(st, out, ascii_class[p[i]]);
    cps = i;
    while (i < len && st.n + 1 < cap) {
        utf8proc_int32_t cp = p[i];
        utf8proc_ssize_t step = 1;
        if (cp >= 0x80) {
            step = utf8proc_iterate(p + i, (utf8proc_ssize_t)(len - i), &cp);
            if (step <= 0) {
                cp = '?';
                step = 1;
            }
        }
        cps += wn_utf8_length(s + i, (size_t)step);
        i += (size_t)step;
        st = shape_put(st, out, cp < 0x80 ? ascii_class[cp] : shape_class(cp));
    }
    if (cap) out[st.n] = '\0';
    *chars = cps + wn_utf8_length(s + i, len - i); /* what the shape had no room for */
    return st.n;
}

size_t wn_value_shape(const char *s, size_t len, char *out, size_t cap)
{
    size_t chars;
    return wn_value_shape_chars(s, len, out, cap, &chars);
}
