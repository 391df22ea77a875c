/*
 * block.h -- candidate pairs by hash blocking, within a pair budget.
 *
 * Comparing every record with every other is quadratic; blocking compares
 * only records that agree on a key. Each pass of the rules builds keys from
 * normalized values (a part may be transformed: initial, soundex,
 * metaphone, prefix, year, last digits, or the value's words); a record
 * with an empty part has no key in that pass, and a `tokens` part gives a
 * record one key per word. A part depends only on its value, so it is
 * worked out once per distinct value (a code: the value id, or the hash of
 * the part's text); a key is the xxh3-64 of its parts' codes, the (key,
 * record) entries radix-sorted, and each run of equal hashes is a block.
 * Several passes are OR-ed: a pair found by two passes is compared once.
 *
 * The budget. The passes may bring at most max(WN_BLOCK_BUDGET_MIN,
 * WN_BLOCK_BUDGET_PER_RECORD x records) distinct pairs. A population where a
 * few names cover most people (Korean, Vietnamese or Indian CRMs: Kim,
 * Nguyen, Singh) makes blocks of thousands, and pairs that grow with the
 * square of the file; the budget keeps the cost of any export about what a
 * varied one of its size costs. Passes are served in the order of how
 * selective they are (fewest pairs per keyed record first), each pass's
 * blocks smallest first (a key few records share tells most about them),
 * while the budget lasts; what is left is capped, counted and its largest
 * blocks reported by their key text. A block larger than max_block is
 * never paired whole: its records, sorted by who they are (family name,
 * given name and a third identifying field, by text, then all their
 * values), are each paired with the next -- the sorted-neighbourhood method
 * of Hernandez & Stolfo (1995, "The merge/purge problem for large
 * databases", SIGMOD) with a window of two. Records equal in every stored
 * value are always paired, whatever the budget and the blocks' sizes.
 *
 * `tokens` keys are words. A word so common that its block would make more
 * pairs than the file has records -- held by more than sqrt(2n) of n
 * records, or by more than max_block -- ("inc", "center", "the") says
 * nothing about who a record is and makes no key: the rare words of a name
 * are the ones blocking needs (the block purging of schema-agnostic token
 * blocking, Papadakis et al. 2011, "Eliminating the redundancy in
 * blocking-based entity resolution methods").
 *
 * In link mode only pairs of records from different sides are kept.
 *
 * Keys and blocks are built on several threads, a pass per task; passes are
 * served in a fixed order, so the result is the same for any number of
 * threads.
 */
#ifndef WN_BLOCK_H
#define WN_BLOCK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "rules.h"
#include "store.h"

#define WN_BLOCK_TOP_CAPPED  5
#define WN_BLOCK_MASK_PASSES 63
#define WN_BLOCK_IDENTICAL   ((uint64_t)1 << 63)

/* The budget (see above). Comparing a pair costs about a microsecond, and
 * reading and normalizing a record about six: four million pairs (a few
 * seconds) leave every file up to a few hundred thousand records its
 * pairs; past that, a record brings one and a half pairs on average, so
 * comparing stays a fraction of the run. */
#define WN_BLOCK_BUDGET_MIN        500000
#define WN_BLOCK_BUDGET_PER_RECORD 0.8

typedef struct wn_pass_report {
    const char *name;
    uint64_t keyed;          /* records with a key */
    uint64_t blocks;         /* blocks of two or more records */
    uint64_t pairs;          /* pairs brought, repeats of other passes' included */
    uint64_t new_pairs;      /* pairs no pass served before brought */
    uint64_t natural_pairs;  /* every pair of every block: what an unbudgeted pass brings */
    uint64_t whole;          /* the largest block paired whole */
    uint64_t capped_blocks;  /* blocks not paired whole: over the budget or max_block */
    uint64_t capped_records; /* records in them */
    uint64_t window;         /* 2 when blocks above max_block were paired through a window */
    uint64_t common_words;   /* tokens parts: words too common to be keys */
    size_t ntop;
    char top_key[WN_BLOCK_TOP_CAPPED][96];
    uint64_t top_size[WN_BLOCK_TOP_CAPPED];
} wn_pass_report;

typedef struct wn_candidates {
    uint64_t *pairs; /* (a << 32) | b with a < b, sorted, unique */
    size_t n;
    /* Per pair, bit p set when pass p (of the first 63) brought it, and
     * WN_BLOCK_IDENTICAL when its records are identical. Training learns
     * from each pass's pairs apart (match.c). */
    uint64_t *pass_mask;
    wn_pass_report *passes;
    size_t npasses;
    uint64_t produced;  /* before removing pairs found by several passes */
    uint64_t identical; /* pairs of identical records, paired whatever the budget */
    uint64_t budget;    /* the most distinct pairs the passes could bring */
} wn_candidates;

/* `side`: NULL to pair everything; else only records with side[a] != side[b].
 * `threads`: how many passes run at once (0 or 1: one). `max_pairs` (0:
 * none) caps the budget. Never fails: returns WN_OK. */
int wn_block_run(const wn_store *s, const wn_rules *r, const uint8_t *side, size_t max_pairs,
                 unsigned threads, wn_candidates *out, wn_error *err);
void wn_candidates_free(wn_candidates *c);

/* The key text of record `rec` in pass `p` (parts joined by '|'; a tokens
 * part is the value's words, blank-separated); false if the record has no
 * key in that pass. For reports and `winnow explain`. */
bool wn_block_key_text(const wn_store *s, const wn_block_pass *p, uint32_t rec, char *out,
                       size_t cap);

/* Whether pass `p` gives records a and b a key in common. */
bool wn_block_pairs(const wn_store *s, const wn_block_pass *p, uint32_t a, uint32_t b);

#endif
