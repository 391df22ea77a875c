/*
 * store.h -- the compact record store the matcher works on.
 *
 * After a record is read, normalized and validated, the matcher needs only
 * its normalized field values and where it came from. Those are kept here,
 * column-wise and interned:
 *
 *   - every distinct normalized value of a field is stored once (an arena
 *     string) and known by a 32-bit id, 0 meaning "empty"; a record is one
 *     row of ids, `slot_count` wide, in one flat array -- no per-field malloc;
 *   - the intern table counts how many records hold each value, which is
 *     exactly the term frequency the scorer's TF adjustment needs;
 *   - each record keeps its input (source), its 1-based data row number and
 *     its record id (the export's id column, or the row number), so outputs
 *     can go back to the original rows.
 *
 * Placeholders are never stored: they must not block or match anything.
 * Values that failed validation are stored unverified (see wn_value). Two slots hold second values
 * of multi-valued fields (a second email column; extra phone columns fill the first empty of phone
 * and mobile), so matching can compare them crosswise.
 *
 * Each value table (wn_intern) is self-contained -- its own strings and its
 * own hash index -- so the ingest fills different slots on different threads
 * at once (wn_store_set); a slot's values always arrive in input order, so
 * ids do not depend on the number of threads. The index holds 8-byte entries
 * (32 bits of the value's hash, its id), not strings: a probe is one cache
 * line, and the string is compared only when the hash bits agree.
 *
 * Read-only after the ingest.
 */
#ifndef WN_STORE_H
#define WN_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "fields.h"
#include "winnow.h"

enum { WN_SLOT_EMAIL2 = WN_F_COUNT, WN_SLOT_COUNT };

/* A distinct value: its text and length and the records holding it, in one
 * 16-byte piece, so that comparing reaches all three with one cache miss.
 * An unverified value is one validation found invalid (a local phone number
 * without its country, a malformed email) but kept as evidence: it is a
 * value of its own, apart from the same text verified, and compares at
 * best as close, never exact. */
typedef struct wn_value {
    const char *str;
    uint32_t len : 31;
    uint32_t unverified : 1;
    uint32_t count;
} wn_value;

typedef struct wn_intern {
    uint64_t *index;  /* open addressing: hash bits << 32 | id; 0 = free */
    size_t nindex;    /* a power of two, at least twice n */
    wn_value *values; /* by id; values[0] is "" */
    uint32_t n, cap;  /* ids in use (including 0) */
    uint64_t filled;  /* records with a non-empty value */
    wn_arena strings;
} wn_intern;

typedef struct wn_store {
    uint32_t nrec, cap;
    uint32_t *val;     /* nrec * WN_SLOT_COUNT value ids */
    uint16_t *source;  /* input index */
    uint64_t *row;     /* data row number in its input (1-based) */
    uint32_t *id;      /* record id, interned in `ids` */
    uint8_t *complete; /* completeness score in percent (set by ingest) */
    wn_intern slots[WN_SLOT_COUNT];
    wn_intern ids;
} wn_store;

void wn_store_init(wn_store *s);
void wn_store_free(wn_store *s);

/* Appends a record and returns its index; set its values with wn_store_set. */
uint32_t wn_store_add(wn_store *s, uint16_t source, uint64_t row, const char *id, size_t id_len);

/*
 * The batch interface the ingest uses: wn_store_reserve() appends `n` empty
 * records (values and id unset) and returns the first index; the caller sets
 * source, row and complete itself. wn_store_set and wn_store_set_id may run
 * concurrently for different tables (slots, or the ids), never concurrently
 * for one table.
 */
uint32_t wn_store_reserve(wn_store *s, uint32_t n);
/* Sets slot `slot` of record `rec` (empty strings are ignored). */
void wn_store_set(wn_store *s, uint32_t rec, int slot, const char *v, size_t len);
void wn_store_set_id(wn_store *s, uint32_t rec, const char *id, size_t len);
/* The same for many values at once, faster (the index entries of the values
 * to come are fetched ahead): slot `slot` of record recs[i] is set to
 * values[i] (non-empty) for each i in order, as wn_store_set would, and
 * unverified when unverified[i] (NULL: all verified); `scratch` holds n
 * ids. */
void wn_store_set_many(wn_store *s, int slot, const uint32_t *recs, const wn_cell *values,
                       const uint8_t *unverified, size_t n, uint32_t *scratch);
/* The ids of records first .. first + n - 1. */
void wn_store_set_ids(wn_store *s, uint32_t first, const wn_cell *ids, size_t n);

static inline uint32_t wn_store_vid(const wn_store *s, uint32_t rec, int slot)
{
    return s->val[(uint64_t)rec * WN_SLOT_COUNT + (unsigned)slot];
}
static inline const wn_value *wn_store_value(const wn_store *s, uint32_t rec, int slot)
{
    return &s->slots[slot].values[wn_store_vid(s, rec, slot)];
}
static inline const char *wn_store_str(const wn_store *s, uint32_t rec, int slot)
{
    return wn_store_value(s, rec, slot)->str;
}
static inline uint32_t wn_store_len(const wn_store *s, uint32_t rec, int slot)
{
    return wn_store_value(s, rec, slot)->len;
}
/* How many of the record's slots hold a value, for "most complete". */
static inline unsigned wn_store_filled(const wn_store *s, uint32_t rec)
{
    unsigned n = 0;
    for (int slot = 0; slot < WN_SLOT_COUNT; slot++)
        n += wn_store_vid(s, rec, slot) != 0;
    return n;
}

static inline const char *wn_store_id(const wn_store *s, uint32_t rec)
{
    return s->ids.values[s->id[rec]].str;
}

/* Looks a record up by source and record id; returns nrec if absent. */
uint32_t wn_store_find(const wn_store *s, uint16_t source, const char *id);

#endif
