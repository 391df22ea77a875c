/*
 * translit.h -- writing names in other scripts with Latin letters.
 *
 * A customer list holds "Иван Петров" in one record and "Ivan Petrov" in
 * another; to compare them, both must be in one script. wn_translit_latin()
 * romanizes Cyrillic, Greek, Devanagari, Arabic (with Persian and Urdu
 * letters), Hebrew, Armenian and Georgian, and leaves everything else alone
 * (Latin text comes out as it went in, only put in Unicode NFC).
 *
 * Why our own tables and not ICU's "Any-Latin; Latin-ASCII" transliterator:
 *   - speed: measured on this machine (ICU 72, -O2, one cached UTransliterator,
 *     UTF-8 <-> UTF-16 included) ICU takes 3-23 µs per name, and 4.5 µs even
 *     for "John Smith" (it has no Latin fast path); this code does a table
 *     lookup per code point and copies Latin text through, well under 1 µs.
 *     With millions of records and several name fields that is the difference
 *     between seconds and minutes.
 *   - the result matches how people write their own names: ICU follows
 *     scholarly standards that become odd once flattened to ASCII
 *     (राहुल शर्मा -> "rahula sarma", Щукин Юрий -> "sukin urij",
 *     Ευάγγελος -> "euangelos"); the tables here give "rahul sharma",
 *     "shchukin yuriy", "evangelos".
 *   - threads: a UTransliterator may not be shared, so each thread would need
 *     its own clone; our tables are read-only after one initialisation.
 *   - no new library dependency.
 * The price is crudeness where the script leaves information out: Arabic and
 * Hebrew give consonant skeletons (محمد -> "mhmd", not "muhammad"), and the
 * mapping ignores most context. Matching must therefore treat a
 * transliterated value as a weaker match than one typed in Latin.
 *
 * The tables are rules/data/translit_<script>.csv (see each file for its
 * conventions), compiled in, and loaded into a static array indexed by code
 * point on first use under pthread_once; after that nothing writes to them,
 * so any number of threads can call wn_translit_latin() at once, each with
 * its own output buffer.
 *
 * Transliterate before wn_text_fold(): folding strips combining marks, which
 * in Devanagari are the vowels.
 */
#ifndef WN_TRANSLIT_H
#define WN_TRANSLIT_H

#include <stddef.h>

#include "buf.h"
#include "norm.h"

/* Writes `s` with its non-Latin letters romanized into `out` (cleared first).
 * An upper case letter gives a capitalised romanization (Щ -> Shch). EMPTY
 * for empty input, INVALID (and `s` copied) if `s` is not valid UTF-8. */
wn_norm_status wn_translit_latin(const char *s, size_t len, wn_buf *out);

#endif
