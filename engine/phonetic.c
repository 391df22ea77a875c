/*
 * phonetic.c -- Soundex and Double Metaphone; see phonetic.h.
 *
 * Double Metaphone is written from Philips' description of the algorithm
 * ("The Double Metaphone Search Algorithm", C/C++ Users Journal, June 2000):
 * the word is scanned left to right, and at each position the rules for the
 * letter there look at the letters around it and append to one or both keys,
 * then say how many letters they consumed. The word is upper-cased into a
 * buffer followed by spaces, so a rule may compare a pattern such as "IER "
 * past the last letter (a word end reads like a word break), while single
 * letters beyond either end read as NUL and match nothing.
 *
 * Where the published rules are unclear we follow Philips' stated intent:
 * "JOSE" as a whole first word is Spanish (H) whether a space or the end of
 * the string follows it.
 */
#include "phonetic.h"

#include <stdbool.h>
#include <string.h>

/* ---- Soundex --------------------------------------------------------- */

/* Digit per letter A..Z; '0' for vowels (they separate equal digits), '-'
 * for H and W (they do not). */
static const char soundex_digit[26] = {
    '0', '1', '2', '3', '0', '1', '2', '-', '0', '2', '2', '4', '5',
    '5', '0', '1', '2', '6', '2', '3', '0', '1', '-', '2', '0', '2',
};

/* Index 0..25 of an ASCII letter, or -1. */
static int letter_index(char c)
{
    if (c >= 'a' && c <= 'z') return c - 'a';
    if (c >= 'A' && c <= 'Z') return c - 'A';
    return -1;
}

size_t wn_soundex(const char *s, size_t len, char out[5])
{
    size_t i = 0;
    while (i < len && letter_index(s[i]) < 0)
        i++;
    if (i == len) {
        out[0] = '\0';
        return 0;
    }
    int first = letter_index(s[i++]);
    out[0] = (char)('A' + first);
    char last = soundex_digit[first];
    size_t n = 1;
    for (; i < len && n < 4; i++) {
        int k = letter_index(s[i]);
        if (k < 0 || soundex_digit[k] == '-') continue;
        char d = soundex_digit[k];
        if (d != '0' && d != last) out[n++] = d;
        last = d;
    }
    while (n < 4)
        out[n++] = '0';
    out[4] = '\0';
    return 4;
}

/* ---- Double Metaphone -------------------------------------------------- */

#define DM_WORD_MAX 64
#define DM_PAD      6 /* the longest pattern any rule compares */

typedef struct dm {
    char w[DM_WORD_MAX + DM_PAD + 1]; /* upper case, single spaces between words */
    int len, last;
    bool slavo_germanic; /* W, K, CZ or WITZ: Germanic or Slavic spelling */
    int maxlen;
    char *key[2]; /* primary, secondary */
    int keylen[2];
} dm;

static char ch(const dm *d, int i)
{
    return i >= 0 && i < d->len ? d->w[i] : '\0';
}

static bool vowel(const dm *d, int i)
{
    char c = ch(d, i);
    return c && strchr("AEIOUY", c);
}

/* Whether one of the '|'-separated patterns starts at i. A pattern may run
 * into the padding spaces, and start there: " " at the end of the word is a
 * word break (Bach, Ach). */
static bool at(const dm *d, int i, const char *patterns)
{
    if (i < 0 || i > d->len) return false;
    for (const char *p = patterns;;) {
        size_t n = strcspn(p, "|");
        if (memcmp(d->w + i, p, n) == 0) return true;
        if (p[n] == '\0') return false;
        p += n + 1;
    }
}

static void key_append(dm *d, int k, const char *s)
{
    for (; *s && d->keylen[k] < d->maxlen; s++)
        d->key[k][d->keylen[k]++] = *s;
}

/* Appends to the primary key and, `alt` (NULL: the same) to the secondary. */
static void add2(dm *d, const char *main, const char *alt)
{
    key_append(d, 0, main);
    key_append(d, 1, alt ? alt : main);
}

static void add(dm *d, const char *both)
{
    add2(d, both, NULL);
}

/* Consumes two letters when the next one repeats the current one. */
static int skip_double(const dm *d, int i)
{
    return ch(d, i + 1) == ch(d, i) ? i + 2 : i + 1;
}

static bool germanic_prefix(const dm *d)
{
    return at(d, 0, "VAN |VON ") || at(d, 0, "SCH");
}

static int dm_ch(dm *d, int i)
{
    if (i > 0 && at(d, i, "CHAE")) { /* Michael */
        add2(d, "K", "X");
        return i + 2;
    }
    if (i == 0 && (at(d, 1, "HARAC|HARIS|HOR|HYM|HIA|HEM")) && !at(d, 0, "CHORE")) {
        add(d, "K"); /* Greek roots: character, chorus, chemistry */
        return i + 2;
    }
    if (germanic_prefix(d) || at(d, i - 2, "ORCHES|ARCHIT|ORCHID") || at(d, i + 2, "T|S") ||
        ((at(d, i - 1, "A|O|U|E") || i == 0) && at(d, i + 2, "L|R|N|M|B|H|F|V|W| "))) {
        add(d, "K"); /* Germanic and Greek: orchestra, Achtung, Christ */
    } else if (i > 0) {
        if (at(d, 0, "MC"))
            add(d, "K");
        else
            add2(d, "X", "K");
    } else {
        add(d, "X");
    }
    return i + 2;
}

static int dm_cc(dm *d, int i)
{
    if (at(d, i + 2, "I|E|H") && !at(d, i + 2, "HU")) {
        /* accident, succeed: KS; bacci, bellocchio: X */
        if ((i == 1 && ch(d, 0) == 'A') || at(d, i - 1, "UCCEE|UCCES"))
            add(d, "KS");
        else
            add(d, "X");
        return i + 3;
    }
    add(d, "K"); /* Pierce's rule: bacchus */
    return i + 2;
}

static int dm_c(dm *d, int i)
{
    if (i > 1 && !vowel(d, i - 2) && at(d, i - 1, "ACH") && ch(d, i + 2) != 'I' &&
        (ch(d, i + 2) != 'E' || at(d, i - 2, "BACHER|MACHER"))) {
        add(d, "K"); /* Germanic: Bacher, Macher */
        return i + 2;
    }
    if (i == 0 && at(d, i, "CAESAR")) {
        add(d, "S");
        return i + 2;
    }
    if (at(d, i, "CHIA")) { /* Italian: Chianti */
        add(d, "K");
        return i + 2;
    }
    if (at(d, i, "CH")) return dm_ch(d, i);
    if (at(d, i, "CZ") && !at(d, i - 2, "WICZ")) { /* Czerny */
        add2(d, "S", "X");
        return i + 2;
    }
    if (at(d, i + 1, "CIA")) { /* focaccia */
        add(d, "X");
        return i + 3;
    }
    if (at(d, i, "CC") && !(i == 1 && ch(d, 0) == 'M')) return dm_cc(d, i);
    if (at(d, i, "CK|CG|CQ")) {
        add(d, "K");
        return i + 2;
    }
    if (at(d, i, "CI|CE|CY")) { /* Italian vs English: cioffi, cerny */
        if (at(d, i, "CIO|CIE|CIA"))
            add2(d, "S", "X");
        else
            add(d, "S");
        return i + 2;
    }
    add(d, "K");
    if (at(d, i + 1, " C| Q| G")) /* Mac Caffrey, Mac Gregor */
        return i + 3;
    if (at(d, i + 1, "C|K|Q") && !at(d, i + 1, "CE|CI")) return i + 2;
    return i + 1;
}

static int dm_d(dm *d, int i)
{
    if (at(d, i, "DG")) {
        if (at(d, i + 2, "I|E|Y")) { /* edge */
            add(d, "J");
            return i + 3;
        }
        add(d, "TK"); /* Edgar */
        return i + 2;
    }
    add(d, "T");
    return at(d, i, "DT|DD") ? i + 2 : i + 1;
}

static int dm_gh(dm *d, int i)
{
    if (i > 0 && !vowel(d, i - 1)) {
        add(d, "K");
        return i + 2;
    }
    if (i == 0) { /* Ghislane, Ghiradelli */
        add(d, ch(d, i + 2) == 'I' ? "J" : "K");
        return i + 2;
    }
    /* Parker's rule: Hugh, bough, Broughton are silent */
    if ((i > 1 && at(d, i - 2, "B|H|D")) || (i > 2 && at(d, i - 3, "B|H|D")) ||
        (i > 3 && at(d, i - 4, "B|H")))
        return i + 2;
    if (i > 2 && ch(d, i - 1) == 'U' && at(d, i - 3, "C|G|L|R|T"))
        add(d, "F"); /* laugh, cough, rough, tough */
    else if (ch(d, i - 1) != 'I')
        add(d, "K");
    return i + 2;
}

static int dm_gn(dm *d, int i)
{
    if (i == 1 && vowel(d, 0) && !d->slavo_germanic)
        add2(d, "KN", "N"); /* Agnes */
    else if (!at(d, i + 2, "EY") && !d->slavo_germanic)
        add2(d, "N", "KN"); /* not Cagney */
    else
        add(d, "KN");
    return i + 2;
}

static int dm_g(dm *d, int i)
{
    if (ch(d, i + 1) == 'H') return dm_gh(d, i);
    if (ch(d, i + 1) == 'N') return dm_gn(d, i);
    if (at(d, i + 1, "LI") && !d->slavo_germanic) { /* Tagliaro */
        add2(d, "KL", "L");
        return i + 2;
    }
    if (i == 0 && (ch(d, 1) == 'Y' || at(d, 1, "ES|EP|EB|EL|EY|IB|IL|IN|IE|EI|ER"))) {
        add2(d, "K", "J");
        return i + 2;
    }
    if ((at(d, i + 1, "ER") || ch(d, i + 1) == 'Y') && !at(d, 0, "DANGER|RANGER|MANGER") &&
        !at(d, i - 1, "E|I") && !at(d, i - 1, "RGY|OGY")) {
        add2(d, "K", "J"); /* -ger-, -gy- */
        return i + 2;
    }
    if (at(d, i + 1, "E|I|Y") || at(d, i - 1, "AGGI|OGGI")) {
        if (germanic_prefix(d) || at(d, i + 1, "ET"))
            add(d, "K");
        else if (at(d, i + 1, "IER ")) /* French ending: always soft */
            add(d, "J");
        else
            add2(d, "J", "K");
        return i + 2;
    }
    add(d, "K");
    return skip_double(d, i);
}

static int dm_h(dm *d, int i)
{
    /* Only between vowels or before a first vowel */
    if ((i == 0 || vowel(d, i - 1)) && vowel(d, i + 1)) {
        add(d, "H");
        return i + 2;
    }
    return i + 1;
}

static int dm_j(dm *d, int i)
{
    if (at(d, i, "JOSE") || at(d, 0, "SAN ")) { /* Spanish: Jose, San Jacinto */
        bool word = i == 0 && (ch(d, i + 4) == ' ' || i + 4 == d->len);
        if (word || at(d, 0, "SAN "))
            add(d, "H");
        else
            add2(d, "J", "H");
        return i + 1;
    }
    if (i == 0)
        add2(d, "J", "A"); /* Yankelovich / Jankelowicz */
    else if (vowel(d, i - 1) && !d->slavo_germanic && (ch(d, i + 1) == 'A' || ch(d, i + 1) == 'O'))
        add2(d, "J", "H"); /* Spanish: bajador */
    else if (i == d->last)
        add2(d, "J", "");
    else if (!at(d, i + 1, "L|T|K|S|N|M|B|Z") && !at(d, i - 1, "S|K|L"))
        add(d, "J");
    return skip_double(d, i);
}

static int dm_l(dm *d, int i)
{
    if (ch(d, i + 1) != 'L') {
        add(d, "L");
        return i + 1;
    }
    /* Spanish ll: Cabrillo, Gallegos */
    if ((i == d->len - 3 && at(d, i - 1, "ILLO|ILLA|ALLE")) ||
        ((at(d, d->last - 1, "AS|OS") || at(d, d->last, "A|O")) && at(d, i - 1, "ALLE")))
        add2(d, "L", "");
    else
        add(d, "L");
    return i + 2;
}

static int dm_m(dm *d, int i)
{
    add(d, "M");
    /* dumb, thumb: silent B */
    if ((at(d, i - 1, "UMB") && (i + 1 == d->last || at(d, i + 2, "ER"))) || ch(d, i + 1) == 'M')
        return i + 2;
    return i + 1;
}

static int dm_p(dm *d, int i)
{
    if (ch(d, i + 1) == 'H') {
        add(d, "F");
        return i + 2;
    }
    add(d, "P");
    return at(d, i + 1, "P|B") ? i + 2 : i + 1; /* Campbell, raspberry */
}

static int dm_r(dm *d, int i)
{
    /* French: Rogier, but not Meier */
    if (i == d->last && !d->slavo_germanic && at(d, i - 2, "IE") && !at(d, i - 4, "ME|MA"))
        add2(d, "", "R");
    else
        add(d, "R");
    return skip_double(d, i);
}

static int dm_sch(dm *d, int i)
{
    if (at(d, i + 3, "OO|ER|EN|UY|ED|EM")) { /* Dutch: school, schooner */
        if (at(d, i + 3, "ER|EN"))
            add2(d, "X", "SK"); /* Schenker, Schermerhorn */
        else
            add(d, "SK");
    } else if (i == 0 && !vowel(d, 3) && ch(d, 3) != 'W') {
        add2(d, "X", "S"); /* Schmidt */
    } else {
        add(d, "X");
    }
    return i + 3;
}

static int dm_s(dm *d, int i)
{
    if (at(d, i - 1, "ISL|YSL")) /* island, carlysle */
        return i + 1;
    if (i == 0 && at(d, i, "SUGAR")) {
        add2(d, "X", "S");
        return i + 1;
    }
    if (at(d, i, "SH")) { /* Germanic: Oppenheim, Holm */
        add(d, at(d, i + 1, "HEIM|HOEK|HOLM|HOLZ") ? "S" : "X");
        return i + 2;
    }
    if (at(d, i, "SIO|SIA")) { /* Italian and Armenian */
        if (d->slavo_germanic)
            add(d, "S");
        else
            add2(d, "S", "X");
        return i + 3;
    }
    if ((i == 0 && at(d, i + 1, "M|N|L|W")) || at(d, i + 1, "Z")) {
        add2(d, "S", "X"); /* Smith ~ Schmidt, Snider ~ Schneider */
        return at(d, i + 1, "Z") ? i + 2 : i + 1;
    }
    if (at(d, i, "SC")) {
        if (ch(d, i + 2) == 'H') return dm_sch(d, i);
        add(d, at(d, i + 2, "I|E|Y") ? "S" : "SK");
        return i + 3;
    }
    if (i == d->last && at(d, i - 2, "AI|OI"))
        add2(d, "", "S"); /* French: Artois */
    else
        add(d, "S");
    return at(d, i + 1, "S|Z") ? i + 2 : i + 1;
}

static int dm_t(dm *d, int i)
{
    if (at(d, i, "TION|TIA|TCH")) {
        add(d, "X");
        return i + 3;
    }
    if (at(d, i, "TH|TTH")) {
        if (at(d, i + 2, "OM|AM") || germanic_prefix(d))
            add(d, "T"); /* Thomas, Thames */
        else
            add2(d, "0", "T");
        return i + 2;
    }
    add(d, "T");
    return at(d, i + 1, "T|D") ? i + 2 : i + 1;
}

static int dm_w(dm *d, int i)
{
    if (at(d, i, "WR")) {
        add(d, "R");
        return i + 2;
    }
    if (i == 0 && vowel(d, 1))
        add2(d, "A", "F"); /* Wasserman ~ Vasserman */
    else if (i == 0 && at(d, i, "WH"))
        add(d, "A");
    /* Polish -ewski, Arnow: silent W, or V */
    if ((i == d->last && vowel(d, i - 1)) || at(d, i - 1, "EWSKI|EWSKY|OWSKI|OWSKY") ||
        at(d, 0, "SCH")) {
        add2(d, "", "F");
        return i + 1;
    }
    if (at(d, i, "WICZ|WITZ")) {
        add2(d, "TS", "FX");
        return i + 4;
    }
    return i + 1;
}

static int dm_x(dm *d, int i)
{
    /* French: Breaux */
    if (!(i == d->last && (at(d, i - 3, "IAU|EAU") || at(d, i - 2, "AU|OU")))) add(d, "KS");
    return at(d, i + 1, "C|X") ? i + 2 : i + 1;
}

static int dm_z(dm *d, int i)
{
    if (ch(d, i + 1) == 'H') { /* Chinese: Zhao */
        add(d, "J");
        return i + 2;
    }
    if (at(d, i + 1, "ZO|ZI|ZA") || (d->slavo_germanic && i > 0 && ch(d, i - 1) != 'T'))
        add2(d, "S", "TS");
    else
        add(d, "S");
    return skip_double(d, i);
}

/* Applies the rules for the letter at i; returns where the next rule starts. */
static int dm_step(dm *d, int i)
{
    switch (ch(d, i)) {
    case 'A':
    case 'E':
    case 'I':
    case 'O':
    case 'U':
    case 'Y':
        if (i == 0) add(d, "A"); /* every initial vowel is A */
        return i + 1;
    case 'B':
        add(d, "P");
        return skip_double(d, i);
    case 'C':
        return dm_c(d, i);
    case 'D':
        return dm_d(d, i);
    case 'F':
    case 'K':
    case 'N':
        add(d, (char[]){ch(d, i), '\0'});
        return skip_double(d, i);
    case 'G':
        return dm_g(d, i);
    case 'H':
        return dm_h(d, i);
    case 'J':
        return dm_j(d, i);
    case 'L':
        return dm_l(d, i);
    case 'M':
        return dm_m(d, i);
    case 'P':
        return dm_p(d, i);
    case 'Q':
        add(d, "K");
        return skip_double(d, i);
    case 'R':
        return dm_r(d, i);
    case 'S':
        return dm_s(d, i);
    case 'T':
        return dm_t(d, i);
    case 'V':
        add(d, "F");
        return skip_double(d, i);
    case 'W':
        return dm_w(d, i);
    case 'X':
        return dm_x(d, i);
    case 'Z':
        return dm_z(d, i);
    default: /* word break */
        return i + 1;
    }
}

/* Upper-cases the letters of s into d->w; runs of whitespace and hyphens
 * between letters become one space; anything else is dropped. */
static void dm_load(dm *d, const char *s, size_t len)
{
    d->len = 0;
    bool gap = false;
    for (size_t i = 0; i < len && d->len < DM_WORD_MAX; i++) {
        int k = letter_index(s[i]);
        if (k >= 0) {
            if (gap && d->len > 0 && d->len < DM_WORD_MAX - 1) d->w[d->len++] = ' ';
            d->w[d->len++] = (char)('A' + k);
            gap = false;
        } else if (s[i] == ' ' || s[i] == '\t' || s[i] == '-') {
            gap = true;
        }
    }
    d->last = d->len - 1;
    memset(d->w + d->len, ' ', DM_PAD);
    d->w[d->len + DM_PAD] = '\0';
    d->slavo_germanic =
        strchr(d->w, 'W') || strchr(d->w, 'K') || strstr(d->w, "CZ") || strstr(d->w, "WITZ");
}

void wn_dmetaphone(const char *s, size_t len, int maxlen, char primary[WN_DMETAPHONE_MAX + 1],
                   char secondary[WN_DMETAPHONE_MAX + 1])
{
    dm d;
    dm_load(&d, s, len);
    d.maxlen = maxlen < 1 ? 1 : maxlen > WN_DMETAPHONE_MAX ? WN_DMETAPHONE_MAX : maxlen;
    d.key[0] = primary;
    d.key[1] = secondary;
    d.keylen[0] = d.keylen[1] = 0;
    int i = 0;
    if (at(&d, 0, "GN|KN|PN|WR|PS")) /* silent first letter: Gnome, Knight, Psalm */
        i = 1;
    else if (ch(&d, 0) == 'X') { /* Xavier */
        add(&d, "S");
        i = 1;
    }
    while (i < d.len && (d.keylen[0] < d.maxlen || d.keylen[1] < d.maxlen))
        i = dm_step(&d, i);
    primary[d.keylen[0]] = '\0';
    secondary[d.keylen[1]] = '\0';
}
