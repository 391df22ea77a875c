/*
 * block.c -- hash blocking within a pair budget; see block.h.
 */
#include "block.h"

#include <math.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <xxhash.h>

#include "buf.h"
#include "error.h"
#include "phonetic.h"
#include "sort.h"

/* Length in bytes of the first `chars` UTF-8 characters of s. */
static size_t utf8_prefix(const char *s, size_t len, size_t chars)
{
    size_t i = 0;
    while (i < len && chars > 0) {
        i++;
        while (i < len && ((unsigned char)s[i] & 0xC0) == 0x80)
            i++;
        chars--;
    }
    return i;
}

static bool last_digits(const char *v, size_t len, size_t want, wn_buf *out)
{
    char digits[16];
    size_t n = 0;
    for (size_t i = len; i > 0 && n < want; i--)
        if (v[i - 1] >= '0' && v[i - 1] <= '9') digits[want - 1 - n++] = v[i - 1];
    if (n < want) return false;
    wn_buf_append(out, digits, want);
    return true;
}

/* Appends the key part of value `v` under `transform` (not tokens); false
 * if it is empty. */
static bool key_part(wn_key_transform transform, const char *v, size_t len, wn_buf *out)
{
    if (len == 0) return false;
    char code[16];
    switch (transform) {
    case WN_KEY_VALUE:
        wn_buf_append(out, v, len);
        break;
    case WN_KEY_INITIAL:
        wn_buf_append(out, v, utf8_prefix(v, len, 1));
        break;
    case WN_KEY_PREFIX3:
        wn_buf_append(out, v, utf8_prefix(v, len, 3));
        break;
    case WN_KEY_SOUNDEX:
        if (wn_soundex(v, len, code) == 0) return false;
        wn_buf_puts(out, code);
        break;
    case WN_KEY_METAPHONE: {
        char secondary[WN_DMETAPHONE_MAX + 1];
        wn_dmetaphone(v, len, 4, code, secondary);
        if (!code[0]) return false;
        wn_buf_puts(out, code);
        break;
    }
    case WN_KEY_YEAR:
        if (len < 4) return false;
        wn_buf_append(out, v, 4);
        break;
    case WN_KEY_DIGITS_LAST9:
        return last_digits(v, len, 9, out);
    case WN_KEY_DIGITS_LAST7:
        return last_digits(v, len, 7, out);
    default:
        return false;
    }
    return true;
}

/* ---- words ---------------------------------------------------------------- */

/* A byte of a word: an ASCII letter or digit, or any byte of a multi-byte
 * UTF-8 character (normalized values are folded, so case is settled). */
static bool word_byte(unsigned char ch)
{
    return (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || (ch >= 'A' && ch <= 'Z') ||
           ch >= 0x80;
}

/* The next word of v[*i..len) of two bytes or more: its start and length,
 * or false at the end. */
static bool next_word(const char *v, size_t len, size_t *i, const char **word, size_t *wlen)
{
    while (*i < len) {
        while (*i < len && !word_byte((unsigned char)v[*i]))
            (*i)++;
        size_t start = *i;
        while (*i < len && word_byte((unsigned char)v[*i]))
            (*i)++;
        if (*i - start >= 2) {
            *word = v + start;
            *wlen = *i - start;
            return true;
        }
    }
    return false;
}

static uint64_t word_code(const char *w, size_t n)
{
    return XXH3_64bits(w, n) | 1;
}

/* ---- key parts by value ----------------------------------------------------- */

/*
 * Key parts by value. A part depends only on the value it is made of, and a
 * slot has far fewer distinct values than records (and the passes share
 * parts: last_name:soundex twice), so each (slot, transform) part is worked
 * out once per value, as a code: 0 where the part is empty, otherwise the
 * value id itself (WN_KEY_VALUE: interned, so equal ids are equal values)
 * or the part text's hash. A tokens part has a list of codes per value, its
 * distinct words that are not too common. A record's key in a pass is then
 * the hash of its parts' codes -- no text is built or read per record.
 */
typedef struct key_part_codes {
    int slot;
    wn_key_transform transform;
    uint64_t *code;  /* by value id; NULL for WN_KEY_VALUE (the id is the code); tokens:
                        every value's word codes, value v's at first[v] .. first[v+1] */
    uint32_t *first; /* tokens only */
    uint64_t common; /* tokens: distinct words dropped as too common */
} key_part_codes;

/* Open addressing from a word code to the records holding it. */
typedef struct word_counts {
    uint64_t *code, *count;
    size_t mask;
} word_counts;

static uint64_t *word_slot(word_counts *wc, uint64_t code, uint64_t **count)
{
    size_t i = (size_t)(code >> 7) & wc->mask;
    while (wc->code[i] && wc->code[i] != code)
        i = (i + 1) & wc->mask;
    *count = &wc->count[i];
    return &wc->code[i];
}

/* Whether word code c already occurs in codes[from, to). */
static bool seen_code(const uint64_t *codes, size_t from, size_t to, uint64_t c)
{
    for (size_t k = from; k < to; k++)
        if (codes[k] == c) return true;
    return false;
}

/* The most records a word may key: its block's pairs, f(f-1)/2, may not
 * outnumber the file's records (f <= sqrt(2n)), nor may it be larger than
 * any block is paired whole (max_block). */
static uint64_t word_cap(const wn_store *s, size_t max_block)
{
    uint64_t f = (uint64_t)sqrt(2.0 * (double)s->nrec);
    if (f < 2) f = 2;
    return f < max_block ? f : max_block;
}

static void token_codes_build(const wn_store *s, key_part_codes *pc, size_t max_block)
{
    const wn_intern *t = &s->slots[pc->slot];
    pc->first = wn_xmalloc(((size_t)t->n + 1) * sizeof *pc->first);
    size_t n = 0, cap = 1024;
    pc->code = wn_xmalloc(cap * sizeof *pc->code);
    /* The distinct words of each value. */
    pc->first[0] = pc->first[1] = 0;
    for (uint32_t v = 1; v < t->n; v++) {
        const wn_value *val = &t->values[v];
        size_t i = 0, wlen;
        const char *w;
        while (next_word(val->str, val->len, &i, &w, &wlen)) {
            uint64_t c = word_code(w, wlen);
            if (seen_code(pc->code, pc->first[v], n, c)) continue;
            if (n == cap) pc->code = wn_xrealloc(pc->code, (cap *= 2) * sizeof *pc->code);
            pc->code[n++] = c;
        }
        pc->first[v + 1] = (uint32_t)n;
    }
    /* The records holding each word. */
    size_t slots = 64;
    while (slots < 2 * n)
        slots *= 2;
    word_counts wc = {wn_xcalloc(slots, sizeof *wc.code), wn_xcalloc(slots, sizeof *wc.count),
                      slots - 1};
    for (uint32_t v = 1; v < t->n; v++)
        for (size_t k = pc->first[v]; k < pc->first[v + 1]; k++) {
            uint64_t *count;
            *word_slot(&wc, pc->code[k], &count) = pc->code[k];
            *count += t->values[v].count;
        }
    /* Words too common to tell records apart are dropped. */
    uint64_t most = word_cap(s, max_block);
    size_t kept = 0;
    for (uint32_t v = 1; v < t->n; v++) {
        size_t from = pc->first[v], to = pc->first[v + 1];
        pc->first[v] = (uint32_t)kept;
        for (size_t k = from; k < to; k++) {
            uint64_t *count;
            word_slot(&wc, pc->code[k], &count);
            if (*count <= most)
                pc->code[kept++] = pc->code[k];
            else if (*count != UINT64_MAX) {
                pc->common++;
                *count = UINT64_MAX; /* counted once */
            }
        }
    }
    pc->first[t->n] = (uint32_t)kept;
    free(wc.code);
    free(wc.count);
}

/* Whether a slot holds unverified values: then a value's id is not its
 * text's (the same text verified has another), and keys hash the text. */
static bool has_unverified(const wn_intern *t)
{
    for (uint32_t v = 1; v < t->n; v++)
        if (t->values[v].unverified) return true;
    return false;
}

static void part_codes_build(const wn_store *s, key_part_codes *pc, size_t max_block)
{
    if (pc->transform == WN_KEY_VALUE && !has_unverified(&s->slots[pc->slot])) return;
    if (pc->transform == WN_KEY_TOKENS) {
        token_codes_build(s, pc, max_block);
        return;
    }
    const wn_intern *t = &s->slots[pc->slot];
    pc->code = wn_xmalloc(t->n * sizeof *pc->code);
    pc->code[0] = 0;
    wn_buf part = {0};
    for (uint32_t v = 1; v < t->n; v++) {
        wn_buf_clear(&part);
        bool ok = key_part(pc->transform, t->values[v].str, t->values[v].len, &part);
        pc->code[v] = ok ? XXH3_64bits(part.data, part.len) | 1 : 0;
    }
    wn_buf_free(&part);
}

static uint64_t part_code(const wn_store *s, const key_part_codes *pc, uint32_t rec)
{
    uint32_t v = wn_store_vid(s, rec, pc->slot);
    return pc->code ? pc->code[v] : v;
}

/* ---- key text, for reports and explain -------------------------------------- */

static void words_text(const char *v, size_t len, wn_buf *out)
{
    size_t i = 0, wlen, n = 0;
    const char *w;
    while (next_word(v, len, &i, &w, &wlen)) {
        if (n++) wn_buf_putc(out, ' ');
        wn_buf_append(out, w, wlen);
    }
}

static bool build_key(const wn_store *s, const wn_block_pass *p, uint32_t rec, wn_buf *out)
{
    wn_buf_clear(out);
    for (size_t k = 0; k < p->nparts; k++) {
        const wn_value *v = wn_store_value(s, rec, (int)p->part_field[k]);
        if (k) wn_buf_putc(out, '|');
        if (p->part_transform[k] == WN_KEY_TOKENS) {
            size_t before = out->len;
            words_text(v->str, v->len, out);
            if (out->len == before) return false;
        } else if (!key_part(p->part_transform[k], v->str, v->len, out))
            return false;
    }
    return true;
}

bool wn_block_key_text(const wn_store *s, const wn_block_pass *p, uint32_t rec, char *out,
                       size_t cap)
{
    wn_buf b = {0};
    bool ok = build_key(s, p, rec, &b);
    snprintf(out, cap, "%s", ok ? wn_buf_cstr(&b) : "");
    wn_buf_free(&b);
    return ok;
}

/* Whether two values share a word. */
static bool share_word(const wn_value *x, const wn_value *y)
{
    size_t i = 0, wlen;
    const char *w;
    while (next_word(x->str, x->len, &i, &w, &wlen)) {
        size_t j = 0, ylen;
        const char *yw;
        while (next_word(y->str, y->len, &j, &yw, &ylen))
            if (ylen == wlen && memcmp(w, yw, wlen) == 0) return true;
    }
    return false;
}

bool wn_block_pairs(const wn_store *s, const wn_block_pass *p, uint32_t a, uint32_t b)
{
    wn_buf ka = {0}, kb = {0};
    bool same = true;
    for (size_t k = 0; k < p->nparts && same; k++) {
        int slot = (int)p->part_field[k];
        const wn_value *x = wn_store_value(s, a, slot), *y = wn_store_value(s, b, slot);
        if (p->part_transform[k] == WN_KEY_TOKENS) {
            same = share_word(x, y);
            continue;
        }
        wn_buf_clear(&ka);
        wn_buf_clear(&kb);
        same = key_part(p->part_transform[k], x->str, x->len, &ka) &&
               key_part(p->part_transform[k], y->str, y->len, &kb) && ka.len == kb.len &&
               memcmp(ka.data, kb.data, ka.len) == 0;
    }
    wn_buf_free(&ka);
    wn_buf_free(&kb);
    return same;
}

/* ---- the order of records inside a windowed block ------------------------------ */

/*
 * Who a record is, as a sort key: the ranks (in text order) of its values
 * of the first three of these fields that the export holds, 21 bits each,
 * then the hash of all its values, so that records equal in everything
 * stored lie together and near-equal ones (smith/smyth john, jon) near
 * each other. Worked out once, by the first pass that windows a block.
 */
static const wn_field order_fields[] = {
    WN_F_LAST_NAME,   WN_F_FIRST_NAME, WN_F_COMPANY, WN_F_FULL_NAME, WN_F_BIRTH_DATE, WN_F_STREET,
    WN_F_POSTAL_CODE, WN_F_EMAIL,      WN_F_PHONE,   WN_F_CITY,      WN_F_TEXT1,      WN_F_TEXT2,
};
#define ORDER_PARTS 3
#define RANK_BITS   21

typedef struct value_ref {
    const char *str;
    uint32_t id;
} value_ref;

static int cmp_value_ref(const void *x, const void *y)
{
    int c = strcmp(((const value_ref *)x)->str, ((const value_ref *)y)->str);
    if (c) return c;
    uint32_t a = ((const value_ref *)x)->id, b = ((const value_ref *)y)->id;
    return (a > b) - (a < b);
}

/* rank[v]: value v's place in text order, scaled into RANK_BITS bits; 0 is
 * no value. */
static uint32_t *slot_ranks(const wn_intern *t)
{
    uint32_t n = t->n;
    value_ref *refs = wn_xmalloc((n ? n : 1) * sizeof *refs);
    for (uint32_t v = 1; v < n; v++)
        refs[v - 1] = (value_ref){t->values[v].str, v};
    qsort(refs, n > 0 ? n - 1 : 0, sizeof *refs, cmp_value_ref);
    uint32_t *rank = wn_xcalloc(n ? n : 1, sizeof *rank);
    uint64_t limit = ((uint64_t)1 << RANK_BITS) - 1;
    for (uint32_t k = 0; k + 1 < n; k++)
        rank[refs[k].id] = (uint32_t)(1 + (uint64_t)k * (limit - 1) / (n > 1 ? n - 1 : 1));
    free(refs);
    return rank;
}

typedef struct rec_order {
    uint64_t key, hash;
} rec_order;

static rec_order *order_build(const wn_store *s)
{
    uint32_t *ranks[ORDER_PARTS] = {NULL};
    int slots[ORDER_PARTS];
    size_t nparts = 0;
    for (size_t i = 0; i < sizeof order_fields / sizeof *order_fields && nparts < ORDER_PARTS;
         i++) {
        const wn_intern *t = &s->slots[order_fields[i]];
        if (t->n <= 1) continue;
        slots[nparts] = (int)order_fields[i];
        ranks[nparts++] = slot_ranks(t);
    }
    rec_order *o = wn_xmalloc((s->nrec ? s->nrec : 1) * sizeof *o);
    for (uint32_t rec = 0; rec < s->nrec; rec++) {
        uint64_t key = 0;
        for (size_t k = 0; k < ORDER_PARTS; k++)
            key = key << RANK_BITS | (k < nparts ? ranks[k][wn_store_vid(s, rec, slots[k])] : 0);
        o[rec].key = key;
        o[rec].hash =
            XXH3_64bits(&s->val[(uint64_t)rec * WN_SLOT_COUNT], WN_SLOT_COUNT * sizeof *s->val);
    }
    for (size_t k = 0; k < nparts; k++)
        free(ranks[k]);
    return o;
}

/* ---- phase 1: each pass's blocks ----------------------------------------------- */

/* A pass's blocks of two records or more, in key order: their records one
 * block after another, and each block's size. */
typedef struct pass_blocks {
    uint32_t *recs, *sizes;
    size_t nrecs, nblocks;
    uint64_t natural; /* every pair of every block */
    uint32_t largest; /* the largest block */
} pass_blocks;

typedef struct blocking {
    const wn_store *s;
    const wn_rules *r;
    const uint8_t *side;
    key_part_codes *parts; /* the distinct (slot, transform) parts of all passes */
    size_t nparts;
    const key_part_codes *(*pass_parts)[WN_RULES_MAX_KEY_PARTS]; /* per pass, per part */
    pass_blocks *blocks;                                         /* per pass */
    uint64_t *identical; /* pairs of identical records (see identical_find) */
    size_t nidentical;
    wn_pass_report *reports;
    size_t next; /* the next task (atomic) */
} blocking;

/* A worker's (key, record) entries, reused from pass to pass. */
typedef struct pass_scratch {
    wn_kv *entries;
    size_t nentries, cap;
} pass_scratch;

static void entry_push(pass_scratch *ps, uint64_t key, uint32_t rec)
{
    if (ps->nentries == ps->cap) {
        ps->cap = ps->cap ? ps->cap * 2 : 1024;
        ps->entries = wn_xrealloc(ps->entries, ps->cap * sizeof *ps->entries);
    }
    ps->entries[ps->nentries++] = (wn_kv){key, rec};
}

static int cmp_kv(const void *x, const void *y)
{
    const wn_kv *a = x, *b = y;
    if (a->key != b->key) return a->key < b->key ? -1 : 1;
    return (a->val > b->val) - (a->val < b->val);
}

/* Key hashes in runs of equal keys, records in order within a run. The
 * radix sort reads 33 bits of the key: among a million keys, some sixty
 * pairs of different keys share them, and only those runs are sorted
 * again, whole. */
#define KEY_SORT_BITS 33

static void sort_entries(wn_kv *e, size_t n)
{
    wn_sort_kv_low(e, n, KEY_SORT_BITS);
    uint64_t low = ((uint64_t)1 << KEY_SORT_BITS) - 1;
    for (size_t i = 0; i < n;) {
        size_t j = i + 1;
        bool mixed = false;
        while (j < n && (e[j].key & low) == (e[i].key & low))
            mixed |= e[j++].key != e[i].key;
        if (mixed) qsort(e + i, j - i, sizeof *e, cmp_kv);
        i = j;
    }
}

/* The pass's (key, record) entries, sorted by key. */
static void pass_entries(const blocking *b, size_t i, pass_scratch *ps, wn_pass_report *rep)
{
    const wn_block_pass *p = &b->r->passes[i];
    const key_part_codes *const *parts = b->pass_parts[i];
    ps->nentries = 0;
    size_t tok = p->nparts;
    for (size_t k = 0; k < p->nparts; k++) {
        if (p->part_transform[k] == WN_KEY_TOKENS) tok = k;
        if (b->s->slots[parts[k]->slot].n <= 1) return; /* a field nobody has: no key */
    }
    for (uint32_t rec = 0; rec < b->s->nrec; rec++) {
        uint64_t codes[WN_RULES_MAX_KEY_PARTS];
        size_t k = 0;
        while (k < p->nparts && (k == tok || (codes[k] = part_code(b->s, parts[k], rec)) != 0))
            k++;
        if (k < p->nparts) continue;
        if (tok == p->nparts) {
            entry_push(ps, XXH3_64bits(codes, k * sizeof *codes), rec);
            rep->keyed++;
            continue;
        }
        const key_part_codes *pc = parts[tok];
        uint32_t v = wn_store_vid(b->s, rec, pc->slot);
        for (uint32_t w = pc->first[v]; w < pc->first[v + 1]; w++) {
            codes[tok] = pc->code[w];
            entry_push(ps, XXH3_64bits(codes, k * sizeof *codes), rec);
        }
        rep->keyed += pc->first[v + 1] > pc->first[v];
    }
    sort_entries(ps->entries, ps->nentries);
}

static void blocks_add(pass_blocks *pb, const wn_kv *e, size_t n)
{
    for (size_t k = 0; k < n; k++)
        pb->recs[pb->nrecs++] = (uint32_t)e[k].val;
    pb->sizes[pb->nblocks++] = (uint32_t)n;
    pb->natural += (uint64_t)n * (n - 1) / 2;
    if (n > pb->largest) pb->largest = (uint32_t)n;
}

static void pass_blocks_build(blocking *b, size_t i, pass_scratch *ps)
{
    wn_pass_report *rep = &b->reports[i];
    pass_blocks *pb = &b->blocks[i];
    rep->name = b->r->passes[i].name;
    pass_entries(b, i, ps, rep);
    for (size_t k = 0; k < b->r->passes[i].nparts; k++)
        rep->common_words += b->pass_parts[i][k]->common;
    size_t nrecs = 0, nblocks = 0; /* counted first: the arrays are allocated once */
    for (size_t k = 0; k < ps->nentries;) {
        size_t j = k + 1;
        while (j < ps->nentries && ps->entries[j].key == ps->entries[k].key)
            j++;
        if (j - k >= 2) nrecs += j - k, nblocks++;
        k = j;
    }
    pb->recs = wn_xmalloc((nrecs ? nrecs : 1) * sizeof *pb->recs);
    pb->sizes = wn_xmalloc((nblocks ? nblocks : 1) * sizeof *pb->sizes);
    for (size_t k = 0; k < ps->nentries;) {
        size_t j = k + 1;
        while (j < ps->nentries && ps->entries[j].key == ps->entries[k].key)
            j++;
        if (j - k >= 2) blocks_add(pb, &ps->entries[k], j - k);
        k = j;
    }
    rep->blocks = pb->nblocks;
    rep->natural_pairs = pb->natural;
}

/* ---- the set of pairs ------------------------------------------------------------ */

/* Open addressing from a pair (a << 32 | b, never 0) to the passes that
 * brought it; it grows at half full. A pair and its passes share a slot,
 * so an insertion is one cache miss -- taken ahead: pairs wait in a ring
 * of SET_AHEAD while their slots are fetched (a million pairs go in at
 * 1M records, nearly all of them misses). */
#define SET_AHEAD 16

typedef struct set_slot {
    uint64_t pair, mask;
} set_slot;

typedef struct pair_set {
    set_slot *slot;
    size_t n, cap;
    struct {
        uint64_t pair, bits;
    } ring[SET_AHEAD];
    size_t pending; /* pairs in the ring */
    uint64_t *count[SET_AHEAD];
} pair_set;

static size_t set_home(const pair_set *ps, uint64_t pair)
{
    return (size_t)(pair * 0x9E3779B97F4A7C15ull >> 20) & (ps->cap - 1);
}

static set_slot *set_find(const pair_set *ps, uint64_t pair)
{
    size_t i = set_home(ps, pair);
    while (ps->slot[i].pair && ps->slot[i].pair != pair)
        i = (i + 1) & (ps->cap - 1);
    return &ps->slot[i];
}

static void set_init(pair_set *ps, size_t expected)
{
    memset(ps, 0, sizeof *ps);
    ps->cap = 1024;
    while (ps->cap < 2 * expected)
        ps->cap *= 2;
    ps->slot = wn_xcalloc(ps->cap, sizeof *ps->slot);
}

static void set_grow(pair_set *ps)
{
    pair_set bigger = {.slot = wn_xcalloc(ps->cap * 2, sizeof *ps->slot), .cap = ps->cap * 2};
    for (size_t i = 0; i < ps->cap; i++)
        if (ps->slot[i].pair) *set_find(&bigger, ps->slot[i].pair) = ps->slot[i];
    free(ps->slot);
    ps->slot = bigger.slot;
    ps->cap = bigger.cap;
}

/* Puts a pair in its slot now; counts it in *count if it is new. */
static void set_put(pair_set *ps, uint64_t pair, uint64_t bits, uint64_t *count)
{
    set_slot *sl = set_find(ps, pair);
    sl->mask |= bits;
    if (sl->pair) return;
    sl->pair = pair;
    if (count) (*count)++;
    if (++ps->n * 2 > ps->cap) set_grow(ps);
}

/* Puts the pairs waiting in the ring. */
static void set_flush(pair_set *ps)
{
    for (size_t k = 0; k < ps->pending; k++)
        set_put(ps, ps->ring[k].pair, ps->ring[k].bits, ps->count[k]);
    ps->pending = 0;
}

/* Adds pair (x, y) for the passes in `bits` (new ones counted in *count,
 * which may be NULL); it reaches the set by the next flush at the latest. */
static void set_add(pair_set *ps, uint32_t x, uint32_t y, uint64_t bits, uint64_t *count)
{
    uint64_t pair = x < y ? (uint64_t)x << 32 | y : (uint64_t)y << 32 | x;
    if (ps->pending == SET_AHEAD) set_flush(ps);
    wn_prefetch(&ps->slot[set_home(ps, pair)]);
    ps->ring[ps->pending].pair = pair;
    ps->ring[ps->pending].bits = bits;
    ps->count[ps->pending++] = count;
}

/* ---- identical records ------------------------------------------------------------- */

/* Whether records a and b hold the same value in every slot, two at least. */
static bool identical(const wn_store *s, uint32_t a, uint32_t b)
{
    const uint32_t *x = &s->val[(uint64_t)a * WN_SLOT_COUNT],
                   *y = &s->val[(uint64_t)b * WN_SLOT_COUNT];
    if (memcmp(x, y, WN_SLOT_COUNT * sizeof *x) != 0) return false;
    int filled = 0;
    for (int k = 0; k < WN_SLOT_COUNT; k++)
        filled += x[k] != 0;
    return filled >= 2;
}

/*
 * Records equal in every value stored (two at least) are paired whatever
 * the budget and the blocks' sizes -- six hundred copies of one row must
 * end as one customer: each with the next of its group (a chain, which
 * clustering closes), in link mode each with the group's first record of
 * the other side.
 */
static void identical_find(blocking *b)
{
    const wn_store *s = b->s;
    wn_kv *e = wn_xmalloc((s->nrec ? s->nrec : 1) * sizeof *e);
    for (uint32_t rec = 0; rec < s->nrec; rec++)
        e[rec] = (wn_kv){
            XXH3_64bits(&s->val[(uint64_t)rec * WN_SLOT_COUNT], WN_SLOT_COUNT * sizeof *s->val),
            rec};
    sort_entries(e, s->nrec);
    size_t cap = 0;
    for (size_t i = 0; i < s->nrec;) {
        size_t j = i + 1, first_other = i;
        while (j < s->nrec && e[j].key == e[i].key)
            j++;
        for (size_t k = i + 1; k < j; k++) {
            uint32_t x = (uint32_t)e[k].val, y = (uint32_t)e[k - 1].val;
            if (b->side) { /* the group's first record of the other side */
                while (first_other < k && b->side[e[first_other].val] == b->side[x])
                    first_other++;
                if (first_other == k) {
                    first_other = i;
                    continue;
                }
                y = (uint32_t)e[first_other].val;
                first_other = i;
            }
            if (!identical(s, x, y)) continue;
            if (b->nidentical == cap)
                b->identical =
                    wn_xrealloc(b->identical, (cap = cap ? 2 * cap : 64) * sizeof *b->identical);
            b->identical[b->nidentical++] = x < y ? (uint64_t)x << 32 | y : (uint64_t)y << 32 | x;
        }
        i = j;
    }
    free(e);
}

/* ---- phase 2: the budget --------------------------------------------------------- */

/* How many pairs a pass makes per record it keys: 0.3 for an email, 30 for
 * a day of birth. */
static double pass_spread(const pass_blocks *pb, const wn_pass_report *rep)
{
    return rep->keyed ? (double)pb->natural / (double)rep->keyed : 0;
}

typedef struct pass_rank {
    double spread;
    size_t pass;
} pass_rank;

static int cmp_rank(const void *x, const void *y)
{
    const pass_rank *a = x, *b = y;
    if (a->spread != b->spread) return a->spread < b->spread ? -1 : 1;
    return (a->pass > b->pass) - (a->pass < b->pass);
}

/* A hot block's record with its sort key. */
typedef struct ordered_rec {
    rec_order o;
    uint32_t rec;
} ordered_rec;

static int cmp_ordered(const void *x, const void *y)
{
    const ordered_rec *a = x, *b = y;
    if (a->o.key != b->o.key) return a->o.key < b->o.key ? -1 : 1;
    if (a->o.hash != b->o.hash) return a->o.hash < b->o.hash ? -1 : 1;
    return (a->rec > b->rec) - (a->rec < b->rec);
}

/* What serving the passes needs along the way. */
typedef struct server {
    blocking *b;
    pair_set set;
    uint64_t budget;
    rec_order *order; /* built for the first hot block */
    ordered_rec *hot;
    size_t hot_cap;
} server;

/* Pairs two records for pass p, unless link mode keeps them apart. */
static void serve_pair(server *sv, size_t p, uint32_t x, uint32_t y)
{
    const blocking *b = sv->b;
    if (b->side && b->side[x] == b->side[y]) return;
    wn_pass_report *rep = &b->reports[p];
    rep->pairs++;
    set_add(&sv->set, x, y, p < WN_BLOCK_MASK_PASSES ? (uint64_t)1 << p : 0, &rep->new_pairs);
}

/* Keeps the WN_BLOCK_TOP_CAPPED largest capped blocks, largest first. */
static void note_capped(const wn_store *s, const wn_block_pass *p, wn_pass_report *rep,
                        uint32_t rec, uint64_t size)
{
    rep->capped_blocks++;
    rep->capped_records += size;
    size_t at = rep->ntop;
    while (at > 0 && rep->top_size[at - 1] < size)
        at--;
    if (at >= WN_BLOCK_TOP_CAPPED) return;
    size_t last = rep->ntop < WN_BLOCK_TOP_CAPPED ? rep->ntop : WN_BLOCK_TOP_CAPPED - 1;
    memmove(&rep->top_size[at + 1], &rep->top_size[at], (last - at) * sizeof rep->top_size[0]);
    memmove(&rep->top_key[at + 1], &rep->top_key[at], (last - at) * sizeof rep->top_key[0]);
    rep->top_size[at] = size;
    wn_block_key_text(s, p, rec, rep->top_key[at], sizeof rep->top_key[at]);
    if (rep->ntop < WN_BLOCK_TOP_CAPPED) rep->ntop++;
}

/* A block above max_block: each record with the next, in the order of who
 * they are (the sorted neighbourhood, window 2). */
static void serve_hot(server *sv, size_t p, const uint32_t *recs, size_t n)
{
    if (!sv->order) sv->order = order_build(sv->b->s);
    if (n > sv->hot_cap) {
        sv->hot_cap = n;
        sv->hot = wn_xrealloc(sv->hot, n * sizeof *sv->hot);
    }
    for (size_t k = 0; k < n; k++)
        sv->hot[k] = (ordered_rec){sv->order[recs[k]], recs[k]};
    qsort(sv->hot, n, sizeof *sv->hot, cmp_ordered);
    for (size_t k = 0; k + 1 < n; k++)
        serve_pair(sv, p, sv->hot[k].rec, sv->hot[k + 1].rec);
}

/* Whether the budget is spent (the ring's pairs put first when they might
 * spend it: some may be repeats). */
static bool spent(server *sv)
{
    if (sv->set.n + sv->set.pending < sv->budget) return false;
    set_flush(&sv->set);
    return sv->set.n >= sv->budget;
}

/* Pass p's blocks smallest first, whole while the budget lasts, then its
 * hot blocks through the window; the blocks it cannot afford are capped. */
static void serve_pass(server *sv, size_t p)
{
    const blocking *b = sv->b;
    const pass_blocks *pb = &b->blocks[p];
    wn_pass_report *rep = &b->reports[p];
    size_t max_block = b->r->max_block < 2 ? 2 : b->r->max_block;
    /* Block starts, then the blocks in order of size (a counting sort). */
    size_t *start = wn_xmalloc((pb->nblocks + 1) * sizeof *start);
    size_t top = pb->largest < max_block ? pb->largest : max_block;
    size_t *bucket = wn_xcalloc(top + 2, sizeof *bucket);
    for (size_t k = 0, at = 0; k < pb->nblocks; at += pb->sizes[k++]) {
        start[k] = at;
        bucket[pb->sizes[k] <= top ? pb->sizes[k] : top + 1]++;
    }
    for (size_t sz = 1, sum = 0; sz <= top + 1; sz++) {
        size_t c = bucket[sz];
        bucket[sz] = sum;
        sum += c;
    }
    size_t *by_size = wn_xmalloc((pb->nblocks + 1) * sizeof *by_size);
    for (size_t k = 0; k < pb->nblocks; k++)
        by_size[bucket[pb->sizes[k] <= top ? pb->sizes[k] : top + 1]++] = k;
    size_t k = 0;
    for (; k < pb->nblocks && !spent(sv); k++) {
        size_t blk = by_size[k], n = pb->sizes[blk];
        const uint32_t *recs = pb->recs + start[blk];
        if (n > max_block) {
            note_capped(b->s, &b->r->passes[p], rep, recs[0], n);
            serve_hot(sv, p, recs, n);
            rep->window = 2;
            continue;
        }
        for (size_t x = 0; x < n; x++)
            for (size_t y = x + 1; y < n; y++)
                serve_pair(sv, p, recs[x], recs[y]);
        rep->whole = n;
    }
    for (; k < pb->nblocks; k++) {
        size_t blk = by_size[k];
        note_capped(b->s, &b->r->passes[p], rep, pb->recs[start[blk]], pb->sizes[blk]);
    }
    free(start);
    free(bucket);
    free(by_size);
}

/*
 * The budget: at most max(WN_BLOCK_BUDGET_MIN, WN_BLOCK_BUDGET_PER_RECORD x
 * records) distinct pairs. Passes are served in the order of how selective
 * they are, the fewest pairs per keyed record first -- an email or a phone
 * number pairs a record with its own duplicates, a day of birth with
 * thirty strangers -- and each pass's blocks smallest first: a key few
 * records share tells most about them (a rare name; not "smith, john").
 * Pairs are counted once, whichever passes bring them, so the strict
 * passes, which bring the same duplicates over and over, cost little.
 * When the budget is spent, what is left is capped: the rest of that
 * pass's blocks and every looser pass.
 */
static void serve(blocking *b, size_t max_pairs, wn_candidates *out)
{
    size_t n = b->r->npasses;
    server sv = {.b = b};
    double budget = WN_BLOCK_BUDGET_PER_RECORD * (double)b->s->nrec;
    sv.budget = budget > WN_BLOCK_BUDGET_MIN ? (uint64_t)budget : WN_BLOCK_BUDGET_MIN;
    if (max_pairs && sv.budget > max_pairs) sv.budget = max_pairs;
    set_init(&sv.set, b->s->nrec < sv.budget ? b->s->nrec : sv.budget);
    for (size_t i = 0; i < b->nidentical; i++)
        set_add(&sv.set, (uint32_t)(b->identical[i] >> 32), (uint32_t)b->identical[i],
                WN_BLOCK_IDENTICAL, &out->identical);
    set_flush(&sv.set);
    pass_rank *order = wn_xmalloc((n ? n : 1) * sizeof *order);
    for (size_t i = 0; i < n; i++)
        order[i] = (pass_rank){pass_spread(&b->blocks[i], &b->reports[i]), i};
    qsort(order, n, sizeof *order, cmp_rank);
    for (size_t k = 0; k < n; k++)
        serve_pass(&sv, order[k].pass);
    set_flush(&sv.set);
    free(order);
    free(sv.order);
    free(sv.hot);
    /* The set, sorted, with each pair's passes. */
    wn_kv *kv = wn_xmalloc((sv.set.n ? sv.set.n : 1) * sizeof *kv);
    size_t m = 0;
    for (size_t i = 0; i < sv.set.cap; i++)
        if (sv.set.slot[i].pair) kv[m++] = (wn_kv){sv.set.slot[i].pair, sv.set.slot[i].mask};
    wn_sort_kv(kv, m);
    out->pairs = wn_xmalloc((m ? m : 1) * sizeof *out->pairs);
    out->pass_mask = wn_xmalloc((m ? m : 1) * sizeof *out->pass_mask);
    for (size_t i = 0; i < m; i++) {
        out->pairs[i] = kv[i].key;
        out->pass_mask[i] = kv[i].val;
    }
    out->n = m;
    out->budget = sv.budget;
    free(kv);
    free(sv.set.slot);
}

/* ---- the driver -------------------------------------------------------------------- */

/* Lists the distinct parts and points each pass's parts at them. */
static void parts_collect(blocking *b)
{
    const wn_rules *r = b->r;
    b->parts = wn_xcalloc(r->npasses * WN_RULES_MAX_KEY_PARTS + 1, sizeof *b->parts);
    b->pass_parts = wn_xcalloc(r->npasses + 1, sizeof *b->pass_parts);
    for (size_t i = 0; i < r->npasses; i++) {
        const wn_block_pass *p = &r->passes[i];
        for (size_t k = 0; k < p->nparts; k++) {
            size_t j = 0;
            while (j < b->nparts && (b->parts[j].slot != (int)p->part_field[k] ||
                                     b->parts[j].transform != p->part_transform[k]))
                j++;
            if (j == b->nparts)
                b->parts[b->nparts++] = (key_part_codes){.slot = (int)p->part_field[k],
                                                         .transform = p->part_transform[k]};
            b->pass_parts[i][k] = &b->parts[j];
        }
    }
}

static void *codes_worker(void *arg)
{
    blocking *b = arg;
    size_t i;
    while ((i = __atomic_fetch_add(&b->next, 1, __ATOMIC_RELAXED)) < b->nparts)
        part_codes_build(b->s, &b->parts[i], b->r->max_block);
    return NULL;
}

/* The passes' blocks, and the identical records (task npasses, the first
 * taken: it reads every record). */
static void *blocks_worker(void *arg)
{
    blocking *b = arg;
    pass_scratch ps = {0};
    size_t i;
    while ((i = __atomic_fetch_add(&b->next, 1, __ATOMIC_RELAXED)) <= b->r->npasses) {
        if (i == 0)
            identical_find(b);
        else
            pass_blocks_build(b, i - 1, &ps);
    }
    free(ps.entries);
    return NULL;
}

/* Runs `worker` on `threads` threads (this one included) over `ntasks` tasks. */
static void run_tasks(blocking *b, unsigned threads, size_t ntasks, void *(*worker)(void *))
{
    if (threads > ntasks) threads = ntasks ? (unsigned)ntasks : 1;
    b->next = 0;
    pthread_t *tid = wn_xcalloc(threads ? threads : 1, sizeof *tid);
    unsigned started = 0;
    while (started + 1 < threads && pthread_create(&tid[started], NULL, worker, b) == 0)
        started++;
    worker(b);
    for (unsigned t = 0; t < started; t++)
        pthread_join(tid[t], NULL);
    free(tid);
}

int wn_block_run(const wn_store *s, const wn_rules *r, const uint8_t *side, size_t max_pairs,
                 unsigned threads, wn_candidates *out, wn_error *err)
{
    (void)err;
    memset(out, 0, sizeof *out);
    out->npasses = r->npasses;
    out->passes = wn_xcalloc(r->npasses ? r->npasses : 1, sizeof *out->passes);
    blocking b = {.s = s,
                  .r = r,
                  .side = side,
                  .blocks = wn_xcalloc(r->npasses ? r->npasses : 1, sizeof *b.blocks),
                  .reports = out->passes};
    parts_collect(&b);
    run_tasks(&b, threads, b.nparts, codes_worker);
    run_tasks(&b, threads, r->npasses + 1, blocks_worker);
    serve(&b, max_pairs, out);
    for (size_t i = 0; i < r->npasses; i++) {
        out->produced += out->passes[i].pairs;
        free(b.blocks[i].recs);
        free(b.blocks[i].sizes);
    }
    free(b.blocks);
    free(b.identical);
    for (size_t j = 0; j < b.nparts; j++) {
        free(b.parts[j].code);
        free(b.parts[j].first);
    }
    free(b.parts);
    free(b.pass_parts);
    return WN_OK;
}

void wn_candidates_free(wn_candidates *c)
{
    free(c->pairs);
    free(c->pass_mask);
    free(c->passes);
    memset(c, 0, sizeof *c);
}
