/*
 * text.h -- Unicode folding and transliteration for matching.
 *
 * wn_text_fold: compatibility decomposition (NFKD, so "ﬁ" is "fi" and a
 * full-width "Ａ" is "A"), case folding and removal of combining marks
 * (accents) with utf8proc, then the Latin letters Unicode does not decompose
 * (ß ss, æ ae, ø o, œ oe, đ d, ł l, þ th, ı i), every character that is not
 * a letter or a digit turned into a blank, blanks collapsed and trimmed.
 * "  José-María  O'Neil " folds to "jose maria o neil".
 *
 * wn_text_translit: letters of other scripts written with Latin letters, so
 * "Иван Петров" and "Ivan Petrov" can be compared. Own tables, one entry per
 * letter, chosen over ICU's Any-Latin transliterator: ICU is the reference
 * for display-quality romanization, but it costs microseconds per name,
 * needs a transliterator object per thread and a 30 MB data library, while
 * matching only needs a consistent, roughly phonetic Latin skeleton that the
 * comparators then judge with edit distances. Covered: Cyrillic (Russian,
 * Ukrainian, Bulgarian, Serbian letters; BGN/PCGN-like), Greek (ELOT 743
 * like), Devanagari (consonants with their inherent "a", vowel signs, virama,
 * anusvara; ISO 15919 simplified), Arabic (consonants, long vowels; the short
 * vowels are not written, so "محمد" gives "mhmd", a skeleton, not
 * "muhammad"), Hebrew (consonants). Other text passes through unchanged.
 * Pure functions over read-only tables: safe from any thread.
 */
#ifndef WN_TEXT_H
#define WN_TEXT_H

#include <stddef.h>

#include "buf.h"

void wn_text_fold(const char *s, size_t len, wn_buf *out);
void wn_text_translit(const char *s, size_t len, wn_buf *out);

#endif
