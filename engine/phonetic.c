/*
 * phonetic.c -- Soundex and NYSIIS; see phonetic.h.
 */
#include "phonetic.h"

#include <ctype.h>
#include <stdbool.h>
#include <string.h>

/* Letters only, upper case, at most `cap - 1` of them. */
static size_t letters(const char *s, size_t len, char *out, size_t cap)
{
    size_t n = 0;
    for (size_t i = 0; i < len && n + 1 < cap; i++) {
        unsigned char c = (unsigned char)s[i];
        if (isalpha(c) && c < 0x80)
            out[n++] = (char)toupper(c);
    }
    out[n] = '\0';
    return n;
}

static char soundex_code(char c)
{
    static const char codes[] = "01230120022455012623010202"; /* A..Z */
    return codes[c - 'A'];
}

size_t wn_soundex(const char *s, size_t len, char out[5])
{
    char w[64];
    size_t n = letters(s, len, w, sizeof w);
    if (n == 0) {
        out[0] = '\0';
        return 0;
    }
    size_t k = 0;
    out[k++] = w[0];
    char last = soundex_code(w[0]);
    for (size_t i = 1; i < n && k < 4; i++) {
        char c = w[i];
        char code = soundex_code(c);
        if (c == 'H' || c == 'W')
            continue; /* transparent: same codes on both sides merge */
        if (code == '0') {
            last = '0'; /* a vowel separates */
            continue;
        }
        if (code != last)
            out[k++] = code;
        last = code;
    }
    while (k < 4)
        out[k++] = '0';
    out[4] = '\0';
    return 4;
}

static bool is_vowel(char c)
{
    return c == 'A' || c == 'E' || c == 'I' || c == 'O' || c == 'U';
}

static bool starts(const char *w, size_t n, const char *prefix)
{
    size_t p = strlen(prefix);
    return n >= p && memcmp(w, prefix, p) == 0;
}

static bool ends(const char *w, size_t n, const char *suffix)
{
    size_t p = strlen(suffix);
    return n >= p && memcmp(w + n - p, suffix, p) == 0;
}

/* Step 1 and 2 of NYSIIS: the first and last letters. */
static size_t nysiis_edges(char *w, size_t n)
{
    static const char *const first[][2] = {
        {"MAC", "MCC"}, {"KN", "NN"}, {"K", "C"}, {"PH", "FF"}, {"PF", "FF"}, {"SCH", "SSS"}};
    for (size_t i = 0; i < sizeof first / sizeof first[0]; i++)
        if (starts(w, n, first[i][0])) {
            memcpy(w, first[i][1], strlen(first[i][1]));
            break;
        }
    static const char *const last[][2] = {{"EE", "Y"}, {"IE", "Y"}, {"DT", "D"}, {"RT", "D"},
                                          {"RD", "D"}, {"NT", "D"}, {"ND", "D"}};
    for (size_t i = 0; i < sizeof last / sizeof last[0]; i++)
        if (ends(w, n, last[i][0])) {
            memcpy(w + n - 2, last[i][1], 1);
            return n - 1;
        }
    return n;
}

size_t wn_nysiis(const char *s, size_t len, char out[7])
{
    char w[64];
    size_t n = letters(s, len, w, sizeof w - 4);
    if (n == 0) {
        out[0] = '\0';
        return 0;
    }
    n = nysiis_edges(w, n);
    char key[64];
    size_t k = 0;
    key[k++] = w[0];
    for (size_t i = 1; i < n; i++) {
        char rep[4] = {w[i], 0, 0, 0};
        size_t skip = 0;
        if (w[i] == 'E' && i + 1 < n && w[i + 1] == 'V') {
            memcpy(rep, "AF", 3);
            skip = 1;
        } else if (is_vowel(w[i])) {
            rep[0] = 'A';
        } else if (w[i] == 'Q') {
            rep[0] = 'G';
        } else if (w[i] == 'Z') {
            rep[0] = 'S';
        } else if (w[i] == 'M') {
            rep[0] = 'N';
        } else if (w[i] == 'K') {
            if (i + 1 < n && w[i + 1] == 'N') {
                rep[0] = 'N';
                skip = 1;
            } else {
                rep[0] = 'C';
            }
        } else if (starts(w + i, n - i, "SCH")) {
            memcpy(rep, "SSS", 4);
            skip = 2;
        } else if (starts(w + i, n - i, "PH")) {
            memcpy(rep, "FF", 3);
            skip = 1;
        } else if (w[i] == 'H' && (!is_vowel(w[i - 1]) || (i + 1 < n && !is_vowel(w[i + 1])) ||
                                   i + 1 == n)) {
            rep[0] = w[i - 1];
        } else if (w[i] == 'W' && is_vowel(w[i - 1])) {
            rep[0] = w[i - 1];
        }
        for (size_t r = 0; rep[r] && k < sizeof key - 1; r++)
            if (key[k - 1] != rep[r])
                key[k++] = rep[r];
        i += skip;
    }
    if (k > 1 && key[k - 1] == 'S')
        k--;
    if (k > 2 && key[k - 2] == 'A' && key[k - 1] == 'Y')
        key[k - 2] = 'Y', k--;
    if (k > 1 && key[k - 1] == 'A')
        k--;
    if (k > 6)
        k = 6;
    memcpy(out, key, k);
    out[k] = '\0';
    return k;
}
