/*
 * match_output.c -- writing the results of matching; see match_output.h.
 */
#include "match_output.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "strmap.h"

/* ---- cells every row repeats ------------------------------------------------ */

/* A cell encoded once for a writer's settings (wn_csvw_encode): an input's
 * name is written on every row of clusters.csv, lineage.csv and pairs.csv,
 * and scanning it for quotes each time cost more than the rest of the row. */
typedef struct encoded {
    char *text;
    size_t len;
} encoded;

enum { PAIR_OUTCOMES = WN_PAIR_OUTCOME_COUNT };

typedef struct repeated {
    encoded *sources; /* per input */
    int nsources;
    encoded fields[WN_F_COUNT];
    encoded rules[WN_SURV_RULE_COUNT];
    encoded levels[WN_LVL_COUNT];
    encoded outcomes[PAIR_OUTCOMES];
} repeated;

static encoded encode(const wn_csvw *w, const char *s)
{
    encoded e;
    e.text = wn_csvw_encode(w, s, &e.len);
    return e;
}

static void repeated_init(repeated *rp, const wn_csvw *w, const cli_session *s)
{
    rp->nsources = s->ninputs;
    rp->sources = wn_xcalloc((size_t)s->ninputs + 1, sizeof *rp->sources);
    for (int i = 0; i < s->ninputs; i++)
        rp->sources[i] = encode(w, s->inputs[i].name);
    for (int f = 0; f < WN_F_COUNT; f++)
        rp->fields[f] = encode(w, wn_field_name((wn_field)f));
    for (int k = 0; k < WN_SURV_RULE_COUNT; k++)
        rp->rules[k] = encode(w, wn_survivor_rule_name(k));
    for (int l = 0; l < WN_LVL_COUNT; l++)
        rp->levels[l] = encode(w, wn_level_name(l));
    for (int o = 0; o < PAIR_OUTCOMES; o++)
        rp->outcomes[o] = encode(w, wn_pair_outcome_name(o));
}

static void repeated_free(repeated *rp)
{
    for (int i = 0; i < rp->nsources; i++)
        free(rp->sources[i].text);
    free(rp->sources);
    encoded *groups[] = {rp->fields, rp->rules, rp->levels, rp->outcomes};
    const size_t sizes[] = {WN_F_COUNT, WN_SURV_RULE_COUNT, WN_LVL_COUNT, PAIR_OUTCOMES};
    for (size_t g = 0; g < 4; g++)
        for (size_t k = 0; k < sizes[g]; k++)
            free(groups[g][k].text);
}

static void put_encoded(wn_csvw *w, const encoded *e)
{
    wn_csvw_encoded(w, e->text, e->len);
}

/* A cluster id: sixteen hex digits, never quoted nor neutralised. */
static void put_cluster_id(wn_csvw *w, const char id[17])
{
    wn_csvw_encoded(w, id, 16);
}

/* ---- pairs.csv, review.csv -------------------------------------------------- */

static void pairs_header(wn_csvw *w, const wn_rules *r)
{
    const char *cols[] = {"record_id_1", "source_1", "record_id_2", "source_2",
                          "probability", "weight",   "outcome"};
    for (size_t i = 0; i < sizeof cols / sizeof *cols; i++)
        wn_csvw_str(w, cols[i]);
    for (size_t k = 0; k < r->ncomparisons; k++)
        wn_csvw_str(w, wn_field_name(r->comparisons[k].field));
    wn_csvw_end_row(w);
}

static void pair_row(wn_csvw *w, const cli_session *s, const wn_match *m, const repeated *rp,
                     const wn_scored_pair *p)
{
    const wn_store *st = &s->store;
    const wn_value *a = &st->ids.values[st->id[p->a]], *b = &st->ids.values[st->id[p->b]];
    wn_csvw_cell(w, a->str, a->len);
    put_encoded(w, &rp->sources[st->source[p->a]]);
    wn_csvw_cell(w, b->str, b->len);
    put_encoded(w, &rp->sources[st->source[p->b]]);
    wn_csvw_double(w, wn_model_probability(p->weight), 6);
    wn_csvw_double(w, p->weight, 3);
    put_encoded(w, &rp->outcomes[p->outcome < PAIR_OUTCOMES ? p->outcome : 0]);
    for (size_t k = 0; k < m->rules.ncomparisons; k++)
        put_encoded(w, &rp->levels[wn_vec_level(p->vec, k)]);
    wn_csvw_end_row(w);
}

int cli_write_pairs(wn_outset *set, const cli_session *s, const wn_match *m, wn_error *err)
{
    FILE *pf = NULL, *rf = NULL;
    int rc = wn_outset_open(set, "pairs.csv", &pf, err);
    if (rc == WN_OK) rc = wn_outset_open(set, "review.csv", &rf, err);
    if (rc < 0) return rc;
    wn_csvw pw, rw;
    wn_csvw_init(&pw, pf, true);
    wn_csvw_init(&rw, rf, true);
    pairs_header(&pw, &m->rules);
    pairs_header(&rw, &m->rules);
    repeated rp;
    repeated_init(&rp, &pw, s); /* the two writers encode alike */
    for (size_t i = 0; i < m->npairs; i++) {
        const wn_scored_pair *p = &m->pairs[i];
        if (p->outcome == WN_PAIR_BELOW) continue;
        pair_row(&pw, s, m, &rp, p);
        if (p->outcome != WN_PAIR_MATCHED) pair_row(&rw, s, m, &rp, p);
    }
    repeated_free(&rp);
    rc = wn_csvw_status(&pw) || wn_csvw_status(&rw) ? wn_fail(err, WN_EIO, "cannot write pairs.csv")
                                                    : WN_OK;
    wn_csvw_release(&pw);
    wn_csvw_release(&rw);
    if (rc == WN_OK) rc = wn_outset_finish(set, pf, err);
    if (rc == WN_OK) rc = wn_outset_finish(set, rf, err);
    return rc;
}

/* What the per-record outputs are written from. */
typedef struct match_view {
    const cli_session *s;
    const wn_match *m;
    char (*cluster_ids)[17];
    repeated rp; /* for the output's writer */
} match_view;

static void header_row(wn_csvw *w, const char *const *cols, size_t n)
{
    for (size_t i = 0; i < n; i++)
        wn_csvw_str(w, cols[i]);
    wn_csvw_end_row(w);
}

/* Opens output `name`, fills it with `rows` and reports a failed write. */
static int write_csv(wn_outset *set, const char *name, void (*rows)(const match_view *, wn_csvw *),
                     match_view *v, wn_error *err)
{
    FILE *fp;
    int rc = wn_outset_open(set, name, &fp, err);
    if (rc < 0) return rc;
    wn_csvw w;
    wn_csvw_init(&w, fp, true);
    repeated_init(&v->rp, &w, v->s);
    rows(v, &w);
    repeated_free(&v->rp);
    rc = wn_csvw_status(&w) ? wn_fail(err, WN_EIO, "cannot write %s", name) : WN_OK;
    wn_csvw_release(&w);
    return rc == WN_OK ? wn_outset_finish(set, fp, err) : rc;
}

static void cluster_rows(const match_view *v, wn_csvw *w)
{
    static const char *const cols[] = {"record_id",    "cluster_id", "source",      "is_survivor",
                                       "cluster_size", "row",        "completeness"};
    header_row(w, cols, sizeof cols / sizeof *cols);
    const wn_store *st = &v->s->store;
    for (uint32_t r = 0; r < st->nrec; r++) {
        uint32_t size = v->m->clusters.size[v->m->clusters.root[r]];
        const wn_value *id = &st->ids.values[st->id[r]];
        wn_csvw_cell(w, id->str, id->len);
        put_cluster_id(w, v->cluster_ids[r]);
        put_encoded(w, &v->rp.sources[st->source[r]]);
        wn_csvw_encoded(w, size == 1 || v->m->golden.survivor[r] ? "1" : "0", 1);
        wn_csvw_u64(w, size);
        wn_csvw_u64(w, st->row[r]);
        wn_csvw_u64(w, st->complete[r]);
        wn_csvw_end_row(w);
    }
}

int cli_write_clusters(wn_outset *set, const cli_session *s, const wn_match *m,
                       char (*cluster_ids)[17], wn_error *err)
{
    match_view v = {.s = s, .m = m, .cluster_ids = cluster_ids};
    return write_csv(set, "clusters.csv", cluster_rows, &v, err);
}

/* ---- clean.csv ---------------------------------------------------------------- */

/* For each output column (the first input's), the column of input `src` that
 * fills it: the one holding the same field, else the one with the same name. */
static long *column_map(const cli_session *s, int src)
{
    const wn_input_columns *out = &s->inputs[0].res.columns, *in = &s->inputs[src].res.columns;
    long *map = wn_xmalloc((out->ncols ? out->ncols : 1) * sizeof *map);
    for (size_t j = 0; j < out->ncols; j++) {
        map[j] = -1;
        for (size_t c = 0; c < in->ncols && map[j] < 0; c++) {
            bool same_field = out->cols[j].field != WN_F_NONE &&
                              out->cols[j].field == in->cols[c].field &&
                              out->slot[j] == in->slot[c];
            if (same_field || strcmp(out->cols[j].column, in->cols[c].column) == 0)
                map[j] = (long)c;
        }
    }
    return map;
}

/* The field an output column's value is decided for (its primary column), or NONE. */
static wn_field golden_field(const wn_input_columns *ic, size_t j)
{
    wn_field f = ic->cols[j].field;
    return f != WN_F_NONE && f != WN_F_RECORD_ID && ic->slot[j] == (int)f ? f : WN_F_NONE;
}

static uint64_t golden_key(uint32_t survivor, int field)
{
    return (uint64_t)survivor * WN_F_COUNT + (unsigned)field;
}

/* Pass 1: the raw values golden records take from other members. */
typedef struct gather {
    const cli_session *s;
    const wn_match *m;
    const uint32_t *wanted; /* per record: the survivor it gives a value to, or UINT32_MAX */
    const long *map;        /* column_map() of the input read */
    wn_strmap *values;
    wn_arena *mem;
} gather;

static int gather_row(void *ctx, uint32_t r, const wn_row *row)
{
    const gather *g = ctx;
    const wn_input_columns *out = &g->s->inputs[0].res.columns;
    uint32_t surv = g->wanted[r];
    if (surv == UINT32_MAX) return WN_OK;
    for (size_t j = 0; j < out->ncols; j++) {
        wn_field f = golden_field(out, j);
        if (!f || g->map[j] < 0 || wn_golden_winner(&g->m->golden, surv, f) != r) continue;
        uint64_t key = golden_key(surv, f);
        const wn_cell *cell = &row->cells[g->map[j]];
        char *copy = wn_arena_strndup(g->mem, cell->ptr, cell->len);
        wn_strmap_put(g->values, (const char *)&key, sizeof key, (uint64_t)(uintptr_t)copy);
    }
    return WN_OK;
}

static int gather_winners(const cli_session *s, const wn_match *m, wn_strmap *values, wn_arena *mem,
                          wn_error *err)
{
    const wn_store *st = &s->store;
    const wn_input_columns *out = &s->inputs[0].res.columns;
    /* wanted[r]: the survivor whose golden row record r wins a field of, or
     * UINT32_MAX (a record wins fields of its own cluster's survivor only). */
    uint32_t *wanted = wn_xmalloc((st->nrec ? st->nrec : 1) * sizeof *wanted);
    memset(wanted, 0xff, (st->nrec ? st->nrec : 1) * sizeof *wanted);
    for (uint32_t r = 0; r < st->nrec; r++) {
        if (!m->golden.survivor[r]) continue;
        for (size_t j = 0; j < out->ncols; j++) {
            wn_field f = golden_field(out, j);
            uint32_t w = f ? wn_golden_winner(&m->golden, r, f) : UINT32_MAX;
            if (w != UINT32_MAX && w != r) wanted[w] = r;
        }
    }
    int rc = WN_OK;
    for (int i = 0; i < s->ninputs && rc == WN_OK; i++) {
        gather g = {.s = s, .m = m, .wanted = wanted, .values = values, .mem = mem};
        long *map = column_map(s, i);
        g.map = map;
        rc = cli_session_each_row(s, i, gather_row, &g, err);
        free(map);
    }
    free(wanted);
    return rc;
}

static void clean_header(wn_csvw *w, const wn_input_columns *out)
{
    for (size_t j = 0; j < out->ncols; j++)
        wn_csvw_str(w, out->cols[j].column);
    wn_csvw_str(w, "cluster_id");
    wn_csvw_str(w, "cluster_size");
    wn_csvw_end_row(w);
}

/* Pass 2: record r's row, if it is a customer's: a singleton as it was, a
 * survivor with the values its cluster's winners gave it. */
typedef struct clean_pass {
    const wn_match *m;
    char (*cluster_ids)[17];
    const wn_strmap *values;
    const wn_input_columns *out;
    const long *map; /* column_map() of the input read */
    wn_csvw *w;
} clean_pass;

static int clean_row(void *ctx, uint32_t r, const wn_row *row)
{
    const clean_pass *c = ctx;
    const wn_match *m = c->m;
    wn_csvw *w = c->w;
    uint32_t size = m->clusters.size[m->clusters.root[r]];
    if (size > 1 && !m->golden.survivor[r]) return WN_OK;
    for (size_t j = 0; j < c->out->ncols; j++) {
        wn_field f = golden_field(c->out, j);
        uint64_t key = golden_key(r, f), v;
        long col = c->map[j];
        if (size > 1 && f && wn_golden_winner(&m->golden, r, f) != r &&
            wn_strmap_get(c->values, (const char *)&key, sizeof key, &v))
            wn_csvw_str(w, (const char *)(uintptr_t)v);
        else if (col >= 0)
            wn_csvw_cell(w, row->cells[col].ptr, row->cells[col].len);
        else
            wn_csvw_str(w, "");
    }
    wn_csvw_str(w, c->cluster_ids[r]);
    wn_csvw_u64(w, size);
    wn_csvw_end_row(w);
    return WN_OK;
}

/* Pass 2: one row per customer. */
static int write_clean_rows(const cli_session *s, const wn_match *m, char (*cluster_ids)[17],
                            const wn_strmap *values, wn_csvw *w, wn_error *err)
{
    const wn_input_columns *out = &s->inputs[0].res.columns;
    clean_header(w, out);
    int rc = WN_OK;
    for (int i = 0; i < s->ninputs && rc == WN_OK; i++) {
        long *map = column_map(s, i);
        clean_pass c = {m, cluster_ids, values, out, map, w};
        rc = cli_session_each_row(s, i, clean_row, &c, err);
        free(map);
    }
    return rc;
}

static void lineage_rows(const match_view *v, wn_csvw *w)
{
    static const char *const cols[] = {"cluster_id", "field", "record_id", "source", "rule"};
    header_row(w, cols, sizeof cols / sizeof *cols);
    const wn_store *st = &v->s->store;
    const wn_golden *g = &v->m->golden;
    for (uint32_t r = 0; r < st->nrec; r++) {
        if (!g->survivor[r]) continue;
        for (int f = 1; f < WN_F_COUNT; f++) {
            uint32_t win = wn_golden_winner(g, r, f);
            if (win == UINT32_MAX) continue;
            const wn_value *id = &st->ids.values[st->id[win]];
            put_cluster_id(w, v->cluster_ids[r]);
            put_encoded(w, &v->rp.fields[f]);
            wn_csvw_cell(w, id->str, id->len);
            put_encoded(w, &v->rp.sources[st->source[win]]);
            put_encoded(w, &v->rp.rules[wn_golden_rule(g, r, f)]);
            wn_csvw_end_row(w);
        }
    }
}

int cli_write_clean(wn_outset *set, const cli_session *s, const wn_match *m,
                    char (*cluster_ids)[17], wn_error *err)
{
    FILE *cf;
    int rc = wn_outset_open(set, "clean.csv", &cf, err);
    if (rc < 0) return rc;
    wn_strmap values;
    wn_strmap_init(&values);
    wn_arena mem = {0};
    wn_csvw cw;
    wn_csvw_init(&cw, cf, true);
    rc = gather_winners(s, m, &values, &mem, err);
    if (rc == WN_OK) rc = write_clean_rows(s, m, cluster_ids, &values, &cw, err);
    if (rc == WN_OK && wn_csvw_status(&cw)) rc = wn_fail(err, WN_EIO, "cannot write clean.csv");
    wn_csvw_release(&cw);
    wn_strmap_free(&values);
    wn_arena_free(&mem);
    return rc == WN_OK ? wn_outset_finish(set, cf, err) : rc;
}

int cli_write_lineage(wn_outset *set, const cli_session *s, const wn_match *m,
                      char (*cluster_ids)[17], wn_error *err)
{
    match_view v = {.s = s, .m = m, .cluster_ids = cluster_ids};
    return write_csv(set, "lineage.csv", lineage_rows, &v, err);
}

/* ---- report.json ------------------------------------------------------------------ */

static void json_passes(wn_json *j, const wn_match *m)
{
    wn_json_key(j, "blocking");
    wn_json_array_begin(j);
    for (size_t i = 0; i < m->cand.npasses; i++) {
        const wn_pass_report *p = &m->cand.passes[i];
        wn_json_object_begin(j);
        wn_json_key(j, "pass");
        wn_json_str(j, p->name);
        wn_json_key(j, "records_keyed");
        wn_json_u64(j, p->keyed);
        wn_json_key(j, "blocks");
        wn_json_u64(j, p->blocks);
        wn_json_key(j, "pairs");
        wn_json_u64(j, p->pairs);
        wn_json_key(j, "new_pairs");
        wn_json_u64(j, p->new_pairs);
        wn_json_key(j, "pairs_uncapped");
        wn_json_u64(j, p->natural_pairs);
        wn_json_key(j, "largest_whole_block");
        wn_json_u64(j, p->whole);
        wn_json_key(j, "window");
        wn_json_u64(j, p->window);
        wn_json_key(j, "capped_blocks");
        wn_json_u64(j, p->capped_blocks);
        wn_json_key(j, "capped_records");
        wn_json_u64(j, p->capped_records);
        wn_json_key(j, "common_words");
        wn_json_u64(j, p->common_words);
        wn_json_key(j, "largest_capped");
        wn_json_array_begin(j);
        for (size_t k = 0; k < p->ntop; k++) {
            wn_json_object_begin(j);
            wn_json_key(j, "key");
            wn_json_str(j, p->top_key[k]);
            wn_json_key(j, "records");
            wn_json_u64(j, p->top_size[k]);
            wn_json_object_end(j);
        }
        wn_json_array_end(j);
        wn_json_object_end(j);
    }
    wn_json_array_end(j);
}

static void json_model(wn_json *j, const wn_match *m)
{
    const wn_model *md = &m->model;
    wn_json_key(j, "model");
    wn_json_object_begin(j);
    wn_json_key(j, "prior");
    wn_json_double(j, md->prior);
    wn_json_key(j, "em_iterations");
    wn_json_i64(j, md->iterations);
    wn_json_key(j, "em_converged");
    wn_json_bool(j, md->converged);
    wn_json_key(j, "u_random_pairs");
    wn_json_u64(j, md->u_pairs);
    wn_json_key(j, "distinct_vectors");
    wn_json_u64(j, m->nvectors);
    wn_json_key(j, "hard_ids_enforced");
    wn_json_array_begin(j);
    for (size_t i = 0; i < m->nhard_ids; i++)
        wn_json_str(j, wn_field_name(m->hard_ids[i]));
    wn_json_array_end(j);
    wn_json_key(j, "thresholds_auto");
    wn_json_bool(j, md->thresholds_auto);
    wn_json_key(j, "match_threshold");
    wn_json_double(j, md->match_threshold);
    wn_json_key(j, "review_threshold");
    wn_json_double(j, md->review_threshold);
    wn_json_key(j, "match_rule");
    wn_json_str(j, wn_model_match_rule(md));
    wn_json_key(j, "review_rule");
    wn_json_str(j, wn_model_review_rule(md));
    wn_json_key(j, "fields");
    wn_json_array_begin(j);
    for (size_t k = 0; k < md->ncmp; k++) {
        const wn_comparison *c = &m->rules.comparisons[k];
        wn_json_object_begin(j);
        wn_json_key(j, "field");
        wn_json_str(j, wn_field_name(c->field));
        wn_json_key(j, "method");
        wn_json_str(j, wn_compare_method_name(c->method));
        for (int l = WN_LVL_EXACT; l < WN_LVL_COUNT; l++) {
            wn_json_key(j, wn_level_name(l));
            wn_json_object_begin(j);
            wn_json_key(j, "m");
            wn_json_double(j, md->m[k][l]);
            wn_json_key(j, "u");
            wn_json_double(j, md->u[k][l]);
            wn_json_object_end(j);
        }
        wn_json_object_end(j);
    }
    wn_json_array_end(j);
    wn_json_object_end(j);
}

void cli_json_matching(wn_json *j, const cli_session *s, const wn_match *m)
{
    wn_json_key(j, "matching");
    wn_json_object_begin(j);
    wn_json_key(j, "records");
    wn_json_u64(j, s->store.nrec);
    wn_json_key(j, "candidate_pairs");
    wn_json_u64(j, m->npairs);
    wn_json_key(j, "candidate_pairs_before_dedup");
    wn_json_u64(j, m->cand.produced);
    wn_json_key(j, "pair_budget");
    wn_json_u64(j, m->cand.budget);
    wn_json_key(j, "identical_pairs");
    wn_json_u64(j, m->cand.identical);
    wn_json_key(j, "matched_pairs");
    wn_json_u64(j, m->matched);
    wn_json_key(j, "review_pairs");
    wn_json_u64(j, m->review);
    wn_json_key(j, "refused_pairs");
    wn_json_u64(j, m->refused);
    wn_json_key(j, "clusters");
    wn_json_u64(j, m->clusters.nclusters);
    wn_json_key(j, "clusters_with_duplicates");
    wn_json_u64(j, m->clusters.nmulti);
    json_passes(j, m);
    json_model(j, m);
    wn_json_key(j, "seconds");
    wn_json_object_begin(j);
    const double t[] = {m->times.block, m->times.compare, m->times.train,
                        m->times.score, m->times.cluster, m->times.golden};
    const char *names[] = {"block", "compare", "train", "score", "cluster", "golden"};
    for (size_t i = 0; i < 6; i++) {
        wn_json_key(j, names[i]);
        wn_json_double(j, t[i]);
    }
    wn_json_object_end(j);
    wn_json_object_end(j);
}

void cli_write_report(FILE *fp, const cli_session *s, const wn_match *m, double seconds,
                      double ingest_seconds, double output_seconds)
{
    wn_json j;
    wn_json_init(&j, fp);
    wn_json_object_begin(&j);
    wn_json_key(&j, "tool");
    wn_json_str(&j, "winnow");
    wn_json_key(&j, "version");
    wn_json_str(&j, WN_VERSION);
    wn_json_key(&j, "command");
    wn_json_str(&j, s->cmd);
    wn_json_key(&j, "rules");
    wn_json_str(&j, s->rules->path);
    wn_json_key(&j, "records");
    wn_json_u64(&j, s->store.nrec);
    wn_json_key(&j, "rejects");
    wn_json_u64(&j, s->rejects);
    cli_json_inputs(&j, s);
    cli_json_findings(&j, s);
    cli_json_matching(&j, s, m);
    wn_json_key(&j, "seconds_ingest");
    wn_json_double(&j, ingest_seconds);
    wn_json_key(&j, "seconds_outputs");
    wn_json_double(&j, output_seconds);
    wn_json_key(&j, "seconds_total");
    wn_json_double(&j, seconds);
    wn_json_object_end(&j);
    wn_json_finish(&j);
}

void cli_warn_matching(const char *cmd, const wn_match *m)
{
    uint64_t blocks = 0, records = 0;
    wn_buf passes = {0};
    const wn_pass_report *top = NULL;
    for (size_t i = 0; i < m->cand.npasses; i++) {
        const wn_pass_report *p = &m->cand.passes[i];
        if (!p->capped_blocks) continue;
        wn_buf_printf(&passes, "%s%s", blocks ? ", " : "", p->name);
        blocks += p->capped_blocks;
        records += p->capped_records;
        if (p->ntop && (!top || p->top_size[0] > top->top_size[0])) top = p;
    }
    if (blocks) {
        char a[32], b[32], c[32];
        cli_warn(cmd,
                 "%s blocks (%s records) not paired whole within the pair budget of %s "
                 "(passes %s; largest: \"%s\" in %s, %llu records); see report.json",
                 cli_thousands(blocks, a, sizeof a), cli_thousands(records, b, sizeof b),
                 cli_thousands(m->cand.budget, c, sizeof c), wn_buf_cstr(&passes),
                 top ? top->top_key[0] : "", top ? top->name : "",
                 top ? (unsigned long long)top->top_size[0] : 0ull);
    }
    wn_buf_free(&passes);
    if (m->dropped_comparisons)
        cli_warn(cmd, "%zu comparisons left out: at most %d are compared", m->dropped_comparisons,
                 WN_COMPARE_MAX);
}
