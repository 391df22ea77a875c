/*
 * name.h -- person names: splitting a full-name cell, and match keys.
 *
 * CRM exports hold names as "John A. Smith", "Smith, John A.", "Dr. John
 * Smith Jr.", "Mr & Mrs John Smith", or split over first/last columns with
 * salutations and suffixes mixed in. wn_name_parse() finds the parts of a
 * full-name cell without copying them; the normalizers turn a given or family
 * name (or a full name) into a key on which two spellings of one name agree.
 *
 * Key conventions (all keys are wn_text_fold()ed first: lower case, no
 * accents, punctuation gone, "O'Brien" -> "obrien"):
 *   - salutations/honorifics in front (Mr, Dr, Frau, Mme, Sra, Shri, ...) and
 *     generational suffixes and post-nominals at the end (Jr, Sr, III, PhD,
 *     MD, Esq, ...) are dropped, but never the last remaining word;
 *   - a family name's particles and prefixes are joined to the word after
 *     them: "van der Berg", "Van Der Berg" and "VanDerBerg" all give
 *     "vanderberg", "Mc Donald" and "McDonald" give "mcdonald", "de la Cruz"
 *     gives "delacruz". Without the particle ("Berg") the key differs; that
 *     is left to fuzzy comparison, because dropping particles would merge
 *     "de Vries" with "Vries" families in Dutch data;
 *   - other words stay separated by one space, so hyphenated and double
 *     family names ("Smith-Jones", "García Márquez") give "smith jones" and
 *     "garcia marquez" and a comparison can look at each part.
 * The word lists are rules/data/name_words.csv (titles, suffixes, particles,
 * prefixes, conjunctions) and rules/data/nicknames.csv; both are loaded once
 * under pthread_once and only read afterwards, so all functions here are
 * thread-safe. The common path allocates nothing beyond the output buffer.
 *
 * Nicknames: wn_name_canonical_given() maps each word through the nickname
 * table (Bill -> william, Peggy -> margaret, Sasha -> alexander, Pepe ->
 * jose). An ambiguous nickname maps to a single canonical name (Alex ->
 * alexander, Chris -> christopher, Sam -> samuel, Pat -> patrick): the
 * canonical key is extra evidence for matching, which also compares the raw
 * given names and does not merge on it alone.
 */
#ifndef WN_NAME_H
#define WN_NAME_H

#include <stdbool.h>
#include <stddef.h>

#include "buf.h"
#include "norm.h"
#include "winnow.h"

/* Parts of a full name, as spans of the parsed text (len 0 when absent).
 * Each part is contiguous in the input: "Dr. John A. Smith Jr." gives
 * salutation "Dr.", first "John", middle "A.", last "Smith", suffix "Jr.". */
typedef struct wn_name_parts {
    wn_cell salutation;
    wn_cell first;
    wn_cell middle;
    wn_cell last; /* with its particles: "van der Berg" */
    wn_cell suffix;
    bool couple; /* two people: "Mr & Mrs John Smith", "John and Jane Smith" */
} wn_name_parts;

/* Splits `full`. "Last, First Middle" is recognised by its comma; a single
 * word is taken as a first name. EMPTY if there is no name at all. */
wn_norm_status wn_name_parse(const char *full, size_t len, wn_name_parts *out);

/* Match key of a given-name cell: folded, salutations and suffixes dropped,
 * words separated by spaces ("Dr. Jean-Pierre" -> "jean pierre"). INVALID if
 * the cell is only a salutation or suffix (the word is kept in `out`). */
wn_norm_status wn_name_normalize_given(const char *s, size_t len, wn_buf *out);

/* Match key of a family-name cell: as above, with particles and prefixes
 * joined ("Van der Berg Jr." -> "vanderberg", "O'Brien" -> "obrien"). */
wn_norm_status wn_name_normalize_family(const char *s, size_t len, wn_buf *out);

/* Match key of a full-name cell: given key, a space, family key, whatever
 * the order in the cell ("Smith, John A." and "John Smith" -> "john smith").
 * The middle name is left out; it is too often missing to be part of a key. */
wn_norm_status wn_name_normalize_full(const char *s, size_t len, wn_buf *out);

/* Whether word `w` is a given name the nickname table knows (as a
 * nickname or a canonical name, any case and accents): evidence that a
 * column holds people's names. */
bool wn_name_is_given(const char *w, size_t n);

/* The generational suffix a name ends with, as a code (1 jr, 2 sr, 3 ii,
 * 4 iii, 5 iv; "Junior", "Jnr." and "2nd" are their spellings), or 0. The
 * whole value of a suffix column is its last word. */
int wn_name_generation(const char *s, size_t len);
/* The canonical spelling of a generation code ("jr"), or "". */
const char *wn_name_generation_name(int generation);

/* Folds a given name and replaces every word that is a known nickname or
 * variant spelling by its canonical name ("Bill" -> "william",
 * "Mary Kate" -> "mary katherine"). Unknown words are kept as they are. */
wn_norm_status wn_name_canonical_given(const char *s, size_t len, wn_buf *out);

#endif
