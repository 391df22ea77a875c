/*
 * wnscore -- precision, recall and F1 of winnow's outputs against truth.
 *
 *   wnscore --clusters clusters.csv --truth truth.csv      (record_id,entity_id)
 *   wnscore --clusters clusters.csv --truth truth.csv --by-row
 *                                  (truth's record_id = clusters.csv's `row`,
 *                                   the 1-based data row: wnlabel's truth)
 *   wnscore --clusters clusters.csv --febrl                (entity from rec-N-... ids)
 *   wnscore --links links.csv --truth pairs.csv            (left_id,right_id)
 *   wnscore --quality quality.csv --quality-truth qt.csv   (record_id,field,issue)
 *
 * Clusters are scored on record pairs, the standard measure for entity
 * resolution: a true positive is a pair in one cluster that is one entity.
 * Pairs are never enumerated: with n(c,e) records of entity e in cluster c,
 * TP = sum C(n(c,e),2), predicted = sum_c C(n_c,2), true = sum_e C(n_e,2)
 * (the contingency-table method), so ten million records score in seconds.
 * Entity ids are any text. A record of the truth that clusters.csv lacks (a
 * row winnow rejected) counts as a singleton, so its pairs are missed.
 * Output: one line "precision=... recall=... f1=... tp=... fp=... fn=...".
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- reading CSV (the files winnow and wngen write) ----------------------- */

#define MAX_FIELDS 64

/* Splits one line in place; handles quoted fields without embedded newlines. */
static int split(char *line, char **f)
{
    int n = 0;
    char *p = line;
    while (n < MAX_FIELDS) {
        if (*p == '"') {
            char *w = ++p;
            f[n++] = w;
            while (*p && !(*p == '"' && p[1] != '"')) {
                if (*p == '"') p++;
                *w++ = *p++;
            }
            if (*p == '"') p++;
            char *end = p;
            *w = '\0';
            p = end;
        } else {
            f[n++] = p;
            p += strcspn(p, ",\n\r");
        }
        if (*p != ',') {
            *p = '\0';
            break;
        }
        *p++ = '\0';
    }
    return n;
}

static int column(char **f, int n, const char *name, const char *path)
{
    for (int i = 0; i < n; i++)
        if (strcmp(f[i], name) == 0) return i;
    fprintf(stderr, "wnscore: %s has no column %s\n", path, name);
    exit(2);
}

static FILE *open_or_die(const char *path)
{
    FILE *fp = fopen(path, "r");
    if (!fp) {
        perror(path);
        exit(2);
    }
    return fp;
}

/* ---- a string -> u64 hash table ------------------------------------------------ */

typedef struct table {
    char **key;
    uint64_t *val;
    size_t cap, n;
} table;

static uint64_t hash(const char *s)
{
    uint64_t h = 1469598103934665603ull; /* FNV-1a */
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211ull;
    return h;
}

static void put(table *t, const char *k, uint64_t v);

static void grow(table *t)
{
    table old = *t;
    t->cap = old.cap ? old.cap * 2 : 1 << 16;
    t->key = calloc(t->cap, sizeof *t->key);
    t->val = calloc(t->cap, sizeof *t->val);
    t->n = 0;
    for (size_t i = 0; i < old.cap; i++)
        if (old.key[i]) {
            put(t, old.key[i], old.val[i]);
            free(old.key[i]);
        }
    free(old.key);
    free(old.val);
}

static void put(table *t, const char *k, uint64_t v)
{
    if (2 * (t->n + 1) > t->cap) grow(t);
    size_t i = hash(k) & (t->cap - 1);
    while (t->key[i] && strcmp(t->key[i], k) != 0)
        i = (i + 1) & (t->cap - 1);
    if (!t->key[i]) {
        t->key[i] = strdup(k);
        t->n++;
    }
    t->val[i] = v;
}

static bool get(const table *t, const char *k, uint64_t *v)
{
    if (!t->cap) return false;
    size_t i = hash(k) & (t->cap - 1);
    while (t->key[i]) {
        if (strcmp(t->key[i], k) == 0) {
            *v = t->val[i];
            return true;
        }
        i = (i + 1) & (t->cap - 1);
    }
    return false;
}

/* ---- scores ---------------------------------------------------------------------- */

static void report(double tp, double predicted, double truth)
{
    double p = predicted > 0 ? tp / predicted : 1.0, r = truth > 0 ? tp / truth : 1.0;
    double f = p + r > 0 ? 2 * p * r / (p + r) : 0.0;
    printf("precision=%.4f recall=%.4f f1=%.4f tp=%.0f fp=%.0f fn=%.0f\n", p, r, f, tp,
           predicted - tp, truth - tp);
}

/* entity of a FEBRL id "rec-123-dup-0" / "rec-123-org": 123 */
static uint64_t febrl_entity(const char *id)
{
    const char *dash = strchr(id, '-');
    return dash ? strtoull(dash + 1, NULL, 10) : 0;
}

typedef struct cell {
    uint64_t cluster, entity;
} cell;

static int cmp_cell(const void *a, const void *b)
{
    const cell *x = a, *y = b;
    if (x->cluster != y->cluster) return x->cluster < y->cluster ? -1 : 1;
    return (x->entity > y->entity) - (x->entity < y->entity);
}

static int cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return (x > y) - (x < y);
}

static double pairs_of_runs(const uint64_t *v, size_t n)
{
    double s = 0;
    for (size_t i = 0; i < n;) {
        size_t j = i;
        while (j < n && v[j] == v[i])
            j++;
        s += (double)(j - i) * (double)(j - i - 1) / 2;
        i = j;
    }
    return s;
}

/* The truth of a clusters.csv: record key -> index; per index, the entity
 * (interned, so ids may be any text: splink's "Q2296770") and whether
 * clusters.csv has the record. */
typedef struct truth_map {
    table index, entities;
    uint64_t *entity;
    bool *seen;
    size_t n, cap;
} truth_map;

static void read_truth(truth_map *t, const char *path)
{
    char line[65536], *f[MAX_FIELDS];
    FILE *fp = open_or_die(path);
    fgets(line, sizeof line, fp);
    while (fgets(line, sizeof line, fp)) {
        if (split(line, f) < 2) continue;
        uint64_t e, i;
        if (!get(&t->entities, f[1], &e)) put(&t->entities, f[1], e = t->entities.n);
        if (get(&t->index, f[0], &i)) {
            t->entity[i] = e; /* a repeated record: the last line wins */
            continue;
        }
        if (t->n == t->cap) {
            t->cap = t->cap ? 2 * t->cap : 1 << 16;
            t->entity = realloc(t->entity, t->cap * sizeof *t->entity);
            t->seen = realloc(t->seen, t->cap * sizeof *t->seen);
            if (!t->entity || !t->seen) exit(2);
        }
        put(&t->index, f[0], t->n);
        t->entity[t->n] = e;
        t->seen[t->n++] = false;
    }
    fclose(fp);
}

typedef struct cell_list {
    cell *v;
    size_t n, cap;
} cell_list;

static void add_cell(cell_list *c, uint64_t cluster, uint64_t entity)
{
    if (c->n == c->cap) {
        c->cap = c->cap ? 2 * c->cap : 1 << 20;
        c->v = realloc(c->v, c->cap * sizeof *c->v);
        if (!c->v) exit(2);
    }
    c->v[c->n++] = (cell){cluster, entity};
}

/* Pairwise scores of (cluster, entity) cells, by the contingency table. */
static void score_cells(cell *cells, size_t m)
{
    if (m) qsort(cells, m, sizeof *cells, cmp_cell);
    double tp = 0;
    for (size_t i = 0; i < m;) {
        size_t j = i;
        while (j < m && cells[j].cluster == cells[i].cluster && cells[j].entity == cells[i].entity)
            j++;
        tp += (double)(j - i) * (double)(j - i - 1) / 2;
        i = j;
    }
    uint64_t *v = malloc((m ? m : 1) * sizeof *v);
    for (size_t i = 0; i < m; i++)
        v[i] = cells[i].cluster;
    double predicted = pairs_of_runs(v, m); /* already sorted by cluster */
    for (size_t i = 0; i < m; i++)
        v[i] = cells[i].entity;
    qsort(v, m, sizeof *v, cmp_u64);
    double actual = pairs_of_runs(v, m);
    report(tp, predicted, actual);
    free(v);
}

/* Records of the truth that clusters.csv lacks (rows winnow rejected) are
 * scored as singletons: their true pairs count as missed. */
static void add_unseen(cell_list *c, const truth_map *t, uint64_t next_cluster)
{
    size_t unseen = 0;
    for (size_t i = 0; i < t->n; i++)
        if (!t->seen[i]) {
            add_cell(c, next_cluster++, t->entity[i]);
            unseen++;
        }
    if (unseen)
        fprintf(stderr, "wnscore: %zu records of the truth are not in clusters.csv (singletons)\n",
                unseen);
}

/* key: the clusters.csv column matched against the truth's record_id
 * ("record_id", or "row" with --by-row); NULL with --febrl. */
static int score_clusters(const char *clusters, const char *truth_path, const char *key)
{
    truth_map t = {0};
    char line[65536], *f[MAX_FIELDS];
    if (key) read_truth(&t, truth_path);
    FILE *fp = open_or_die(clusters);
    if (!fgets(line, sizeof line, fp)) return 2;
    int n = split(line, f);
    int cid = column(f, n, key ? key : "record_id", clusters);
    int ccl = column(f, n, "cluster_id", clusters);
    cell_list c = {0};
    table ids = {0};
    uint64_t next = 0;
    while (fgets(line, sizeof line, fp)) {
        n = split(line, f);
        if (n <= ccl || n <= cid) continue;
        uint64_t e, cl, i;
        if (!key) {
            e = febrl_entity(f[cid]);
        } else if (get(&t.index, f[cid], &i)) {
            e = t.entity[i];
            t.seen[i] = true;
        } else {
            fprintf(stderr, "wnscore: record %s is not in the truth\n", f[cid]);
            return 2;
        }
        if (!get(&ids, f[ccl], &cl)) put(&ids, f[ccl], cl = next++);
        add_cell(&c, cl, e);
    }
    fclose(fp);
    if (key) add_unseen(&c, &t, next);
    score_cells(c.v, c.n);
    free(c.v);
    return 0;
}

static int score_links(const char *links, const char *truth_path)
{
    char line[65536], *f[MAX_FIELDS];
    table truth = {0};
    double actual = 0;
    FILE *fp = open_or_die(truth_path);
    fgets(line, sizeof line, fp);
    while (fgets(line, sizeof line, fp))
        if (split(line, f) >= 2) {
            char key[512];
            snprintf(key, sizeof key, "%s\x1f%s", f[0], f[1]);
            put(&truth, key, 1);
            actual++;
        }
    fclose(fp);
    fp = open_or_die(links);
    fgets(line, sizeof line, fp);
    double tp = 0, predicted = 0;
    while (fgets(line, sizeof line, fp)) {
        if (split(line, f) < 2) continue;
        predicted++;
        uint64_t v;
        char key[512];
        snprintf(key, sizeof key, "%s\x1f%s", f[0], f[1]);
        tp += get(&truth, key, &v);
    }
    fclose(fp);
    report(tp, predicted, actual);
    return 0;
}

/* quality.csv's field is a column header; the truth names a kind. */
static const char *kind_of(const char *header)
{
    char low[256];
    size_t i = 0;
    for (; header[i] && i + 1 < sizeof low; i++)
        low[i] = (char)(header[i] >= 'A' && header[i] <= 'Z' ? header[i] + 32 : header[i]);
    low[i] = '\0';
    if (!low[0]) return "record";
    if (strstr(low, "mail") && !strstr(low, "mailing")) /* not Salesforce's "Mailing Zip" */
        return "email";
    if (strstr(low, "phone") || strstr(low, "mobile") || strstr(low, "tel")) return "phone";
    return "other";
}

static int score_quality(const char *quality, const char *truth_path)
{
    char line[65536], *f[MAX_FIELDS];
    table truth = {0}, found = {0};
    FILE *fp = open_or_die(truth_path);
    fgets(line, sizeof line, fp);
    double actual = 0;
    while (fgets(line, sizeof line, fp))
        if (split(line, f) >= 3) {
            char key[512];
            snprintf(key, sizeof key, "%s\x1f%s\x1f%s", f[0], f[1], f[2]);
            put(&truth, key, 1);
            actual++;
        }
    fclose(fp);
    fp = open_or_die(quality);
    fgets(line, sizeof line, fp);
    double tp = 0, predicted = 0;
    while (fgets(line, sizeof line, fp)) {
        if (split(line, f) < 3) continue;
        const char *kind = kind_of(f[1]);
        bool counted = strcmp(f[2], "invalid") == 0 || strcmp(f[2], "placeholder") == 0 ||
                       strcmp(f[2], "incomplete") == 0;
        if (!counted || strcmp(kind, "other") == 0) continue;
        char key[512];
        snprintf(key, sizeof key, "%s\x1f%s\x1f%s", f[0], kind, f[2]);
        uint64_t v;
        if (get(&found, key, &v)) continue; /* two phone columns of one record: one finding */
        put(&found, key, 1);
        predicted++;
        tp += get(&truth, key, &v);
    }
    fclose(fp);
    report(tp, predicted, actual);
    return 0;
}

int main(int argc, char **argv)
{
    const char *clusters = NULL, *links = NULL, *truth = NULL, *quality = NULL, *qtruth = NULL;
    bool febrl = false, by_row = false;
    for (int i = 1; i < argc; i++) {
        bool has = i + 1 < argc;
        if (!strcmp(argv[i], "--clusters") && has)
            clusters = argv[++i];
        else if (!strcmp(argv[i], "--links") && has)
            links = argv[++i];
        else if (!strcmp(argv[i], "--truth") && has)
            truth = argv[++i];
        else if (!strcmp(argv[i], "--quality") && has)
            quality = argv[++i];
        else if (!strcmp(argv[i], "--quality-truth") && has)
            qtruth = argv[++i];
        else if (!strcmp(argv[i], "--febrl"))
            febrl = true;
        else if (!strcmp(argv[i], "--by-row"))
            by_row = true;
        else {
            fputs("usage: wnscore (--clusters F | --links F) (--truth T | --febrl)\n"
                  "       wnscore --clusters F --truth T --by-row\n"
                  "       wnscore --quality Q --quality-truth T\n",
                  stderr);
            return 2;
        }
    }
    if (clusters && febrl && !by_row) return score_clusters(clusters, NULL, NULL);
    if (clusters && truth) return score_clusters(clusters, truth, by_row ? "row" : "record_id");
    if (links && truth) return score_links(links, truth);
    if (quality && qtruth) return score_quality(quality, qtruth);
    fputs("wnscore: nothing to score (see --help)\n", stderr);
    return 2;
}
