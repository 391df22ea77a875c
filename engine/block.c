/*
 * block.c -- hash blocking; see block.h.
 */
#include "block.h"

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

/* Appends the key part of value `v` under `transform`; false if it is empty. */
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
    case WN_KEY_DIGITS_LAST9: {
        char digits[9];
        size_t n = 0;
        for (size_t i = len; i > 0 && n < 9; i--)
            if (v[i - 1] >= '0' && v[i - 1] <= '9') digits[8 - n++] = v[i - 1];
        if (n < 9) return false;
        wn_buf_append(out, digits, 9);
        break;
    }
    default:
        return false;
    }
    return true;
}

static bool build_key(const wn_store *s, const wn_block_pass *p, uint32_t rec, wn_buf *out)
{
    wn_buf_clear(out);
    for (size_t k = 0; k < p->nparts; k++) {
        const wn_value *v = wn_store_value(s, rec, (int)p->part_field[k]);
        if (k) wn_buf_putc(out, '|');
        if (!key_part(p->part_transform[k], v->str, v->len, out)) return false;
    }
    return true;
}

/*
 * Key parts by value. A part depends only on the value it is made of, and a
 * slot has far fewer distinct values than records (and the passes share
 * parts: last_name:soundex twice), so each (slot, transform) part is worked
 * out once per value, as a code: 0 where the part is empty, otherwise the
 * value id itself (WN_KEY_VALUE: interned, so equal ids are equal values)
 * or the part text's hash. A record's key in a pass is then the hash of its
 * parts' codes -- no text is built or read per record.
 */
typedef struct key_part_codes {
    int slot;
    wn_key_transform transform;
    uint64_t *code; /* by value id; NULL for WN_KEY_VALUE (the id is the code) */
} key_part_codes;

static void part_codes_build(const wn_store *s, key_part_codes *pc)
{
    if (pc->transform == WN_KEY_VALUE) return;
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

bool wn_block_key_text(const wn_store *s, const wn_block_pass *p, uint32_t rec, char *out,
                       size_t cap)
{
    wn_buf b = {0};
    bool ok = build_key(s, p, rec, &b);
    snprintf(out, cap, "%s", ok ? wn_buf_cstr(&b) : "");
    wn_buf_free(&b);
    return ok;
}

typedef struct pair_vec {
    uint64_t *v;
    size_t n, cap;
} pair_vec;

static void pair_push(pair_vec *pv, uint64_t pair)
{
    if (pv->n == pv->cap) {
        pv->cap = pv->cap ? pv->cap * 2 : 1 << 16;
        pv->v = wn_xrealloc(pv->v, pv->cap * sizeof *pv->v);
    }
    pv->v[pv->n++] = pair;
}

/* Keeps the WN_BLOCK_TOP_SKIPPED largest skipped blocks, largest first. */
static void note_skipped(const wn_store *s, const wn_block_pass *p, wn_pass_report *rep,
                         uint32_t rec, uint64_t size)
{
    rep->skipped_blocks++;
    rep->skipped_records += size;
    size_t at = rep->ntop;
    while (at > 0 && rep->top_size[at - 1] < size)
        at--;
    if (at >= WN_BLOCK_TOP_SKIPPED) return;
    size_t last = rep->ntop < WN_BLOCK_TOP_SKIPPED ? rep->ntop : WN_BLOCK_TOP_SKIPPED - 1;
    memmove(&rep->top_size[at + 1], &rep->top_size[at], (last - at) * sizeof rep->top_size[0]);
    memmove(&rep->top_key[at + 1], &rep->top_key[at], (last - at) * sizeof rep->top_key[0]);
    rep->top_size[at] = size;
    wn_block_key_text(s, p, rec, rep->top_key[at], sizeof rep->top_key[at]);
    if (rep->ntop < WN_BLOCK_TOP_SKIPPED) rep->ntop++;
}

/* Builds pass `p`'s pairs into `pairs`; stops adding once there are more
 * than `limit` (the run will fail anyway, and memory stays bounded).
 * `parts`: the codes of the pass's key parts, in order. */
static void run_pass(const wn_store *s, const wn_block_pass *p, const key_part_codes *const *parts,
                     size_t max_block, const uint8_t *side, size_t limit, wn_kv *entries,
                     pair_vec *pairs, wn_pass_report *rep)
{
    size_t n = 0;
    for (uint32_t rec = 0; rec < s->nrec; rec++) {
        uint64_t codes[WN_RULES_MAX_KEY_PARTS];
        size_t k = 0;
        while (k < p->nparts && (codes[k] = part_code(s, parts[k], rec)) != 0)
            k++;
        if (k == p->nparts) entries[n++] = (wn_kv){XXH3_64bits(codes, k * sizeof *codes), rec};
    }
    rep->name = p->name;
    rep->keyed = n;
    wn_sort_kv(entries, n);
    for (size_t i = 0; i < n && pairs->n <= limit;) {
        size_t j = i + 1;
        while (j < n && entries[j].key == entries[i].key)
            j++;
        size_t size = j - i;
        if (size >= 2) {
            rep->blocks++;
            if (size > max_block) {
                note_skipped(s, p, rep, (uint32_t)entries[i].val, size);
            } else {
                for (size_t a = i; a < j; a++)
                    for (size_t b = a + 1; b < j; b++) {
                        uint64_t x = entries[a].val, y = entries[b].val; /* x < y: stable sort */
                        if (side && side[x] == side[y]) continue;
                        pair_push(pairs, x << 32 | y);
                        rep->pairs++;
                    }
            }
        }
        i = j;
    }
}

typedef struct blocking {
    const wn_store *s;
    const wn_rules *r;
    const uint8_t *side;
    size_t limit;
    key_part_codes *parts; /* the distinct (slot, transform) parts of all passes */
    size_t nparts;
    const key_part_codes *(*pass_parts)[WN_RULES_MAX_KEY_PARTS]; /* per pass, per part */
    pair_vec *pairs;                                             /* per pass */
    wn_pass_report *reports;
    size_t next; /* the next task (atomic) */
} blocking;

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
                b->parts[b->nparts++] =
                    (key_part_codes){(int)p->part_field[k], p->part_transform[k], NULL};
            b->pass_parts[i][k] = &b->parts[j];
        }
    }
}

static void *codes_worker(void *arg)
{
    blocking *b = arg;
    size_t i;
    while ((i = __atomic_fetch_add(&b->next, 1, __ATOMIC_RELAXED)) < b->nparts)
        part_codes_build(b->s, &b->parts[i]);
    return NULL;
}

static void *pass_worker(void *arg)
{
    blocking *b = arg;
    wn_kv *entries = wn_xmalloc((b->s->nrec ? b->s->nrec : 1) * sizeof *entries);
    size_t i;
    while ((i = __atomic_fetch_add(&b->next, 1, __ATOMIC_RELAXED)) < b->r->npasses)
        run_pass(b->s, &b->r->passes[i], b->pass_parts[i], b->r->max_block, b->side, b->limit,
                 entries, &b->pairs[i], &b->reports[i]);
    free(entries);
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

static void parts_free(blocking *b)
{
    for (size_t j = 0; j < b->nparts; j++)
        free(b->parts[j].code);
    free(b->parts);
    free(b->pass_parts);
}

int wn_block_run(const wn_store *s, const wn_rules *r, const uint8_t *side, size_t max_pairs,
                 unsigned threads, wn_candidates *out, wn_error *err)
{
    memset(out, 0, sizeof *out);
    out->npasses = r->npasses;
    out->passes = wn_xcalloc(r->npasses ? r->npasses : 1, sizeof *out->passes);
    size_t limit = max_pairs ? max_pairs : SIZE_MAX - 1;
    blocking b = {.s = s,
                  .r = r,
                  .side = side,
                  .limit = limit,
                  .pairs = wn_xcalloc(r->npasses ? r->npasses : 1, sizeof *b.pairs),
                  .reports = out->passes};
    parts_collect(&b);
    run_tasks(&b, threads, b.nparts, codes_worker);
    run_tasks(&b, threads, r->npasses, pass_worker);
    parts_free(&b);
    size_t total = 0, failed = r->npasses;
    for (size_t i = 0; i < r->npasses && failed == r->npasses; i++)
        if ((total += b.pairs[i].n) > limit) failed = i;
    if (failed < r->npasses) {
        for (size_t i = 0; i < r->npasses; i++)
            free(b.pairs[i].v);
        free(b.pairs);
        wn_candidates_free(out);
        return wn_fail(err, WN_ELIMIT,
                       "blocking pass '%s' brings the candidate pairs to %zu, over the limit "
                       "of %zu; lower blocking.max_block or make the pass's keys stricter",
                       r->passes[failed].name, total, max_pairs);
    }
    pair_vec all = {.v = wn_xmalloc((total ? total : 1) * sizeof *all.v), .cap = total};
    for (size_t i = 0; i < r->npasses; i++) {
        if (b.pairs[i].n) memcpy(all.v + all.n, b.pairs[i].v, b.pairs[i].n * sizeof *all.v);
        all.n += b.pairs[i].n;
        free(b.pairs[i].v);
    }
    free(b.pairs);
    out->produced = all.n;
    wn_sort_u64(all.v, all.n);
    size_t u = 0;
    for (size_t i = 0; i < all.n; i++)
        if (u == 0 || all.v[u - 1] != all.v[i]) all.v[u++] = all.v[i];
    out->pairs = all.v;
    out->n = u;
    return WN_OK;
}

void wn_candidates_free(wn_candidates *c)
{
    free(c->pairs);
    free(c->passes);
    memset(c, 0, sizeof *c);
}
