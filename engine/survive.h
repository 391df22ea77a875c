/*
 * survive.h -- golden records: which record's value each field keeps.
 *
 * For every cluster of two or more records, each field's value is taken from
 * one member chosen by the field's survivorship rule (rules: survivorship):
 *
 *   most_complete    the member with the most filled fields
 *   most_recent      the member with the latest recency field (e.g. modified)
 *   most_frequent    the value most members share
 *   longest          the longest value
 *   source_priority  the member from the earliest source in source_priority
 *   first_non_empty  the first member in input order
 *
 * Only members that have a (valid) value for the field compete, so a golden
 * record is never emptier than its best member. Ties fall to the next
 * criterion (more complete, then more recent, then input order), so the
 * result is deterministic. The cluster's "survivor" -- the row the golden
 * record is built on, whose unmapped columns it keeps -- is its most
 * complete member. The winners are the lineage reported in lineage.csv.
 */
#ifndef WN_SURVIVE_H
#define WN_SURVIVE_H

#include <stdint.h>

#include "cluster.h"
#include "rules.h"
#include "store.h"

typedef struct wn_golden {
    uint32_t *survivor; /* per record: 0, or (its cluster's survivor) k + 1,
                           the survivor's row k of `winner` and `rule` */
    uint32_t *winner;   /* per survivor and field (WN_F_COUNT wide): the record
                           whose value the field takes, UINT32_MAX if none */
    uint8_t *rule;      /* the rule that decided, same layout */
} wn_golden;

/* `source_names[i]`: how input i is named in source_priority (its path).
 * Clusters are decided on `threads` threads, each its own share; the result
 * is the same for any number. */
void wn_golden_build(const wn_store *s, const wn_rules *r, const wn_clusters *c,
                     const char *const *source_names, unsigned threads, wn_golden *out);
void wn_golden_free(wn_golden *g);

/* The record whose value field `field` of record `rec`'s golden record takes;
 * UINT32_MAX if none, or if `rec` is not a survivor. */
static inline uint32_t wn_golden_winner(const wn_golden *g, uint32_t rec, int field)
{
    uint32_t k = g->survivor[rec];
    return k ? g->winner[(uint64_t)(k - 1) * WN_F_COUNT + (unsigned)field] : UINT32_MAX;
}

/* The survivorship rule that decided it (a wn_survivor_rule); `rec` a survivor. */
static inline int wn_golden_rule(const wn_golden *g, uint32_t rec, int field)
{
    return g->rule[(uint64_t)(g->survivor[rec] - 1) * WN_F_COUNT + (unsigned)field];
}

#endif
