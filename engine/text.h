/*
 * text.h -- folding text into a matching key.
 *
 * wn_text_fold() is the first step of almost every match key: two spellings
 * of the same word that a person would call "the same" must fold to the same
 * bytes. It applies, in one utf8proc pass, NFKC (compatibility forms such as
 * full-width letters, ligatures and superscripts become plain letters), full
 * case folding (so ß becomes ss), removal of default-ignorable code points
 * (soft hyphens, zero-width joiners) and of every combining mark (accents);
 * then letters that have no decomposition but an obvious Latin spelling (æ ø
 * đ ł þ ð œ ı ħ ŧ) are spelled out, punctuation and symbols become spaces,
 * runs of spaces collapse to one and the ends are trimmed.
 *
 * An apostrophe between two letters is dropped rather than turned into a
 * space ("O'Brien" -> "obrien", "McDonald's" -> "mcdonalds"): people write
 * these names with and without it, rarely with a space instead.
 *
 * Order matters: combining marks are removed, and Devanagari vowel signs are
 * combining marks, so text in non-Latin scripts must go through
 * wn_translit_latin() (translit.h) before folding, never after.
 *
 * The common path allocates nothing: ASCII is folded byte by byte, other text
 * is decomposed into a code point array on the stack (wn_text_cps), which
 * only goes to the heap for cells longer than WN_TEXT_CPS_INLINE code points.
 */
#ifndef WN_TEXT_H
#define WN_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "norm.h"

/* isspace() of the C locale (the program never changes it), without the
 * call: for the loops over every byte of a cell. */
static inline bool wn_is_blank_byte(unsigned char c)
{
    return c == ' ' || (c >= '\t' && c <= '\r');
}

/* Folds `s` into `out` (cleared first). EMPTY if nothing but spaces and
 * punctuation; INVALID (with an ASCII-only best effort) if `s` is not UTF-8. */
wn_norm_status wn_text_fold(const char *s, size_t len, wn_buf *out);

/* Like wn_text_fold(), but the ASCII punctuation characters listed in `keep`
 * (e.g. "@.+-'" for e-mail addresses, "'-" for names) are kept as they are
 * instead of becoming spaces. A kept apostrophe is not dropped either. */
wn_norm_status wn_text_fold_keep(const char *s, size_t len, const char *keep, wn_buf *out);

/* Code points of a cell after utf8proc normalization, for modules that work
 * on code points (folding, transliteration). Lives on the caller's stack. */
#define WN_TEXT_CPS_INLINE 256
typedef struct wn_text_cps {
    int32_t *cp; /* inline_buf or heap */
    size_t n;
    int32_t *heap;
    int32_t inline_buf[WN_TEXT_CPS_INLINE];
} wn_text_cps;

/* Decodes `s` with utf8proc `options` (decomposition, then composition if
 * UTF8PROC_COMPOSE is set). Returns false if `s` is not valid UTF-8. Call
 * wn_text_cps_release() afterwards in either case. */
bool wn_text_cps_decode(wn_text_cps *c, const char *s, size_t len, int options);
void wn_text_cps_release(wn_text_cps *c);

/* Appends code point `cp` to `out` as UTF-8. */
void wn_text_put_cp(wn_buf *out, int32_t cp);

#endif
