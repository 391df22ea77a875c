/*
 * text.c -- folding and transliteration; see text.h.
 *
 * Both walk the text one code point at a time (utf8proc_iterate) and write
 * straight into the output buffer: no allocation besides the buffer's own
 * growth, which a caller reusing its buffer pays once.
 */
#include "text.h"

#include <stdbool.h>
#include <stdint.h>
#include <string.h>
#include <utf8proc.h>

/* ---- folding -------------------------------------------------------------- */

/* Latin letters without a Unicode decomposition, after case folding. */
static const char *latin_extra(int32_t cp)
{
    switch (cp) {
    case 0xDF: return "ss";   /* ß (case folding already gives ss; kept for safety) */
    case 0xE6: return "ae";   /* æ */
    case 0xF8: return "o";    /* ø */
    case 0x153: return "oe";  /* œ */
    case 0x111: return "d";   /* đ */
    case 0xF0: return "d";    /* ð */
    case 0x142: return "l";   /* ł */
    case 0xFE: return "th";   /* þ */
    case 0x131: return "i";   /* dotless ı */
    case 0x127: return "h";   /* ħ */
    case 0x138: return "k";   /* ĸ */
    default: return NULL;
    }
}

static void put_cp(wn_buf *out, int32_t cp)
{
    utf8proc_uint8_t tmp[4];
    utf8proc_ssize_t n = utf8proc_encode_char(cp, tmp);
    wn_buf_append(out, tmp, (size_t)n);
}

/* Appends a blank unless the output is empty or already ends in one. */
static void put_space(wn_buf *out)
{
    if (out->len > 0 && out->data[out->len - 1] != ' ')
        wn_buf_putc(out, ' ');
}

static void fold_cp(int32_t cp, wn_buf *out)
{
    utf8proc_int32_t dec[32];
    int last = 0;
    utf8proc_ssize_t n = utf8proc_decompose_char(
        cp, dec, 32, UTF8PROC_COMPAT | UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK | UTF8PROC_DECOMPOSE,
        &last);
    if (n < 0 || n > 32) {
        put_space(out);
        return;
    }
    for (utf8proc_ssize_t i = 0; i < n; i++) {
        int32_t c = dec[i];
        const char *extra = latin_extra(c);
        if (extra) {
            wn_buf_puts(out, extra);
            continue;
        }
        utf8proc_category_t cat = utf8proc_category(c);
        bool letter = cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO;
        bool digit = cat == UTF8PROC_CATEGORY_ND;
        bool mark = cat >= UTF8PROC_CATEGORY_MN && cat <= UTF8PROC_CATEGORY_ME;
        if (letter || digit || (mark && out->len > 0 && out->data[out->len - 1] != ' '))
            put_cp(out, c); /* marks that survive (Devanagari vowel signs) stay on their letter */
        else
            put_space(out);
    }
}

void wn_text_fold(const char *s, size_t len, wn_buf *out)
{
    wn_buf_clear(out);
    for (size_t i = 0; i < len;) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) { /* ASCII fast path */
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
                wn_buf_putc(out, (char)c);
            else if (c >= 'A' && c <= 'Z')
                wn_buf_putc(out, (char)(c + 32));
            else
                put_space(out);
            i++;
            continue;
        }
        int32_t cp;
        utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
                                              (utf8proc_ssize_t)(len - i), &cp);
        if (n <= 0) { /* not UTF-8: a separator, never a crash */
            put_space(out);
            i++;
            continue;
        }
        fold_cp(cp, out);
        i += (size_t)n;
    }
    if (out->len > 0 && out->data[out->len - 1] == ' ')
        out->len--;
    wn_buf_cstr(out);
}

/* ---- transliteration ------------------------------------------------------ */

/* Cyrillic U+0400..U+045F, lower-case forms (upper case maps to the same
 * entry: U+0410..U+042F -> U+0430..U+044F, U+0400..U+040F -> U+0450..). */
static const char *const cyrillic_lower[0x30] = {
    "a", "b", "v", "g", "d", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p",
    "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya",
};
static const char *const cyrillic_extra[0x10] = {
    /* U+0450..U+045F: ѐ ё ђ ѓ є ѕ і ї ј ќ ѝ ў џ */
    "e", "e", "dj", "g", "ye", "dz", "i", "yi", "j", "lj", "nj", "c", "k", "i", "u", "dz",
};

static const char *cyrillic(int32_t cp)
{
    if (cp >= 0x410 && cp <= 0x42F)
        cp += 0x20;
    if (cp >= 0x400 && cp <= 0x40F)
        cp += 0x50;
    if (cp >= 0x430 && cp <= 0x44F)
        return cyrillic_lower[cp - 0x430];
    if (cp >= 0x450 && cp <= 0x45F)
        return cyrillic_extra[cp - 0x450];
    if (cp == 0x491 || cp == 0x490)
        return "g"; /* ґ */
    return NULL;
}

/* Greek U+0391..U+03C9 (accented vowels are decomposed by folding first). */
static const char *greek(int32_t cp)
{
    static const char *const lower[25] = {
        "a", "v", "g", "d", "e", "z", "i", "th", "i", "k", "l", "m", "n",
        "x", "o", "p", "r", "s", "s", "t", "y", "f", "ch", "ps", "o",
    }; /* α..ω, with final sigma ς at U+03C2 */
    if (cp >= 0x391 && cp <= 0x3A9)
        cp += 0x20;
    if (cp >= 0x3B1 && cp <= 0x3C9)
        return lower[cp - 0x3B1];
    return NULL;
}

/* Devanagari: consonants carry an inherent "a" unless a vowel sign or a
 * virama follows. Returns the consonant's Latin letters, or NULL. */
static const char *devanagari_consonant(int32_t cp)
{
    static const char *const cons[] = {
        /* U+0915 क .. U+0939 ह */
        "k", "kh", "g", "gh", "n", "ch", "chh", "j", "jh", "n", "t", "th", "d", "dh", "n",
        "t", "th", "d", "dh", "n", "n", "p", "ph", "b", "bh", "m", "y", "r", "r", "l",
        "l", "l", "v", "sh", "sh", "s", "h",
    };
    if (cp >= 0x915 && cp <= 0x939)
        return cons[cp - 0x915];
    if (cp == 0x958)
        return "q";
    if (cp == 0x95B)
        return "z";
    if (cp == 0x95E)
        return "f";
    return NULL;
}

static const char *devanagari_vowel(int32_t cp, bool *sign)
{
    static const char *const independent[] = {
        /* U+0904..U+0914 */
        "e", "a", "aa", "i", "ii", "u", "uu", "ri", "li", "e", "e", "e", "ai", "o", "o", "o", "au",
    };
    static const char *const signs[] = {
        /* U+093E..U+094C */
        "aa", "i", "ii", "u", "uu", "ri", "ri", "e", "e", "e", "ai", "o", "o", "o", "au",
    };
    *sign = false;
    if (cp >= 0x904 && cp <= 0x914)
        return independent[cp - 0x904];
    if (cp >= 0x93E && cp <= 0x94C) {
        *sign = true;
        return signs[cp - 0x93E];
    }
    return NULL;
}

/* Arabic letters U+0621..U+064A: consonants and the long vowels. */
static const char *arabic(int32_t cp)
{
    static const char *const letters[] = {
        /* 0621 ء */ "", "a", "a", "w", "a", "y", "a", "b", "h", "t", "th", "j", "h", "kh",
        /* 062F */ "d", "dh", "r", "z", "s", "sh", "s", "d", "t", "z", "", "gh",
        /* 063B..0640 */ "", "", "", "", "", "",
        /* 0641 */ "f", "q", "k", "l", "m", "n", "h", "w", "a", "y",
    };
    if (cp >= 0x621 && cp <= 0x64A)
        return letters[cp - 0x621];
    if (cp == 0x67E)
        return "p";
    if (cp == 0x686)
        return "ch";
    if (cp == 0x6AF)
        return "g";
    if (cp == 0x6CC)
        return "y";
    return NULL;
}

static const char *hebrew(int32_t cp)
{
    static const char *const letters[] = {
        /* U+05D0 א .. U+05EA ת */
        "", "b", "g", "d", "h", "v", "z", "h", "t", "y", "k", "k", "l", "m",
        "m", "n", "n", "s", "", "p", "p", "ts", "ts", "k", "r", "sh", "t",
    };
    if (cp >= 0x5D0 && cp <= 0x5EA)
        return letters[cp - 0x5D0];
    return NULL;
}

/* A pending Devanagari consonant still owes its inherent vowel. */
typedef struct deva_state {
    bool pending;
} deva_state;

static void deva_flush(deva_state *st, wn_buf *out)
{
    if (st->pending)
        wn_buf_putc(out, 'a');
    st->pending = false;
}

/* Devanagari; returns false if cp is not Devanagari. */
static bool devanagari(int32_t cp, deva_state *st, wn_buf *out)
{
    const char *c = devanagari_consonant(cp);
    bool sign;
    const char *v = devanagari_vowel(cp, &sign);
    if (c) {
        deva_flush(st, out);
        wn_buf_puts(out, c);
        st->pending = true;
    } else if (v && sign) {
        st->pending = false;
        wn_buf_puts(out, v);
    } else if (v) {
        deva_flush(st, out);
        wn_buf_puts(out, v);
    } else if (cp == 0x94D) { /* virama: no inherent vowel */
        st->pending = false;
    } else if (cp == 0x902 || cp == 0x901) { /* anusvara, candrabindu */
        deva_flush(st, out);
        wn_buf_putc(out, 'n');
    } else if (cp == 0x903) { /* visarga */
        deva_flush(st, out);
        wn_buf_putc(out, 'h');
    } else if (cp >= 0x900 && cp <= 0x97F) {
        deva_flush(st, out); /* digits, signs: nothing to write */
    } else {
        return false;
    }
    return true;
}

void wn_text_translit(const char *s, size_t len, wn_buf *out)
{
    wn_buf_clear(out);
    deva_state deva = {false};
    for (size_t i = 0; i < len;) {
        unsigned char b = (unsigned char)s[i];
        if (b < 0x80) {
            /* A pending Devanagari consonant at a word end keeps its vowel
             * only inside a word: "राहुल" ends in "l", not "la" (schwa
             * deletion at word ends, as Hindi is spoken). */
            deva.pending = false;
            wn_buf_putc(out, (char)b);
            i++;
            continue;
        }
        int32_t cp;
        utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
                                              (utf8proc_ssize_t)(len - i), &cp);
        if (n <= 0) {
            wn_buf_putc(out, (char)b);
            i++;
            continue;
        }
        i += (size_t)n;
        if (devanagari(cp, &deva, out))
            continue;
        deva.pending = false;
        const char *latin = cyrillic(cp);
        if (!latin && cp >= 0x370 && cp <= 0x3FF) {
            /* Accented Greek (ά, ΐ): the base letter, then the table. */
            utf8proc_int32_t base[4];
            int last = 0;
            if (utf8proc_decompose_char(cp, base, 4, UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK,
                                        &last) >= 1)
                latin = greek(base[0]);
        }
        if (!latin)
            latin = greek(cp);
        if (!latin)
            latin = arabic(cp);
        if (!latin)
            latin = hebrew(cp);
        if (latin)
            wn_buf_puts(out, latin);
        else
            put_cp(out, cp);
    }
    wn_buf_cstr(out);
}
