/*
 * block.h -- candidate pairs by hash blocking.
 *
 * Comparing every record with every other is quadratic; blocking compares
 * only records that agree on a key. Each pass of the rules builds one key per
 * record from normalized values (a part may be transformed: initial,
 * soundex, metaphone, prefix, year, last digits); a record with an empty
 * part has no key in that pass. A part depends only on its value, so it is
 * worked out once per distinct value (a code: the value id, or the hash of
 * the part's text); a record's key is the xxh3-64 of its parts' codes, the
 * (key, record) entries radix-sorted, and each run of equal hashes is a
 * block whose records are paired. Several passes are OR-ed: a pair found by
 * two passes is compared once (all pairs are sorted and made unique).
 *
 * A block larger than max_block is skipped, not split: its key is a value so
 * common (a shared switchboard number, "smith" + "j" in a large city) that it
 * does not tell records apart, and one such block could cost more than the
 * rest of the run. Skipped blocks are counted and the largest are reported
 * by their key text, so the rules can be improved.
 *
 * In link mode only pairs of records from different sides are kept.
 *
 * Passes are independent: with several threads each takes the next pass, and
 * the passes' pairs are joined in pass order, so the result is the same for
 * any number of threads.
 */
#ifndef WN_BLOCK_H
#define WN_BLOCK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "rules.h"
#include "store.h"

#define WN_BLOCK_TOP_SKIPPED 5

typedef struct wn_pass_report {
    const char *name;
    uint64_t keyed;  /* records with a key */
    uint64_t blocks; /* blocks of two or more records */
    uint64_t pairs;  /* pairs produced (before removing repeats) */
    uint64_t skipped_blocks;
    uint64_t skipped_records;
    size_t ntop;
    char top_key[WN_BLOCK_TOP_SKIPPED][96];
    uint64_t top_size[WN_BLOCK_TOP_SKIPPED];
} wn_pass_report;

typedef struct wn_candidates {
    uint64_t *pairs; /* (a << 32) | b with a < b, sorted, unique */
    size_t n;
    wn_pass_report *passes;
    size_t npasses;
    uint64_t produced; /* before removing pairs found by several passes */
} wn_candidates;

/* `side`: NULL to pair everything; else only records with side[a] != side[b].
 * `threads`: how many passes run at once (0 or 1: one). Fails (WN_ELIMIT)
 * when the passes, taken in order, produce more than `max_pairs` pairs. */
int wn_block_run(const wn_store *s, const wn_rules *r, const uint8_t *side, size_t max_pairs,
                 unsigned threads, wn_candidates *out, wn_error *err);
void wn_candidates_free(wn_candidates *c);

/* The key text of record `rec` in pass `p` (parts joined by '|'); false if the
 * record has no key in that pass. For reports and `winnow explain`. */
bool wn_block_key_text(const wn_store *s, const wn_block_pass *p, uint32_t rec, char *out,
                       size_t cap);

#endif
