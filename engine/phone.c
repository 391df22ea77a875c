/*
 * phone.c -- telephone numbers to E.164; see phone.h.
 *
 * Parsing runs in three stages: the cell is cleaned (spreadsheet guards,
 * labels, extension) into a plain digit string plus "had a '+'"; the digit
 * string is resolved against numbering plans, trying the readings a human
 * would (international prefix, trunk prefix, missing '+', lost leading zero)
 * in an order that lets the unambiguous ones win; the first reading whose
 * national significant number (NSN) exists in its plan is taken.
 *
 * Whether an NSN exists, and of what type, is a walk down a trie: the range
 * rows of phone_plans.csv are built once, under pthread_once, into one trie
 * per calling code over the NSN's digits, whose nodes carry (NSN lengths,
 * number type) entries for the prefixes that end there. Invariant (the
 * generator's): within a calling code no two rows claim one number, so the
 * first entry on the path that lists the NSN's length is its type. A lookup
 * reads at most one node per digit and allocates nothing. Calling codes
 * without range rows get the generic E.164 length check instead.
 */
#include "phone.h"

#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "country.h"
#include "strmap.h"
#include "table.h"

#define MAX_DIGITS 24 /* more digits than E.164 allows with any prefix: not one number */
#define MAX_EXT    7
#define NREGIONS   (26 * 26) /* two-letter codes */
#define NPREFIXES  1000      /* three leading digits */

enum { COL_KIND, COL_REGION, COL_CC, COL_TRUNK, COL_IDD, COL_INFIX, COL_LOCAL }; /* plan rows */
enum { COL_RANGE_CC = 1, COL_TYPE, COL_LENGTHS, COL_PREFIXES, NRANGECOLS };

typedef enum number_type {
    TYPE_NONE, /* no such number */
    TYPE_ANY,  /* of a valid length; the plan has no ranges to say more */
    TYPE_FIXED,
    TYPE_MOBILE,
    TYPE_FIXED_OR_MOBILE,
    TYPE_TOLL_FREE,
    TYPE_PREMIUM,
    TYPE_SHARED_COST,
    TYPE_PERSONAL,
    TYPE_VOIP,
    TYPE_PAGER,
    TYPE_UAN,
    TYPE_VOICEMAIL,
    NTYPES
} number_type;

static const char *const type_names[NTYPES] = {
    [TYPE_FIXED] = "fixed",
    [TYPE_MOBILE] = "mobile",
    [TYPE_FIXED_OR_MOBILE] = "fixed_or_mobile",
    [TYPE_TOLL_FREE] = "toll_free",
    [TYPE_PREMIUM] = "premium",
    [TYPE_SHARED_COST] = "shared_cost",
    [TYPE_PERSONAL] = "personal",
    [TYPE_VOIP] = "voip",
    [TYPE_PAGER] = "pager",
    [TYPE_UAN] = "uan",
    [TYPE_VOICEMAIL] = "voicemail",
};

/* While the rows are read, a node has a slot per digit... */
typedef struct range_node {
    int32_t child[10]; /* -1: no range continues with this digit */
    int32_t entry;     /* first range_entry of the prefix ending here, -1: none */
} range_node;

/* ...then the trie is frozen breadth first, each node's children next to
 * one another, so a node needs only a bit per digit and its first child's
 * index: 12 bytes instead of 44 (the tries have some 80,000 nodes). */
typedef struct trie_node {
    uint16_t digits; /* bit d set: a child for digit d */
    int32_t first;   /* index of the child of the lowest digit */
    int32_t entry;   /* as in range_node */
} trie_node;

typedef struct range_entry {
    uint32_t lengths; /* bit n set: NSNs of n digits */
    int32_t next;     /* the node's next entry, -1: none */
    number_type type;
} range_entry;

typedef struct plan {
    char cc[4];
    size_t cclen;
    const char *trunk; /* national prefixes: '|'-separated digit patterns, current first */
    const char *idd;   /* international prefixes, the same */
    const char *infix; /* mobile infix "T>D" (see phone_plans.csv), or "" */
    const char *local; /* local number completion "PATTERN>PREFIX", or "" */
    int32_t ranges;    /* root of the calling code's trie, -1: no range rows */
    uint32_t lengths;  /* without ranges: bit n set, an NSN of n digits is valid */
    bool nanp;         /* without ranges: +1, area code and exchange start with 2-9 */
    bool listed;       /* from a plan row, not made up from countries.csv */
} plan;

static struct {
    wn_table table;
    plan *plans; /* the plan rows */
    size_t nplans;
    range_node *nodes; /* while loading */
    size_t nnodes, cap_nodes;
    trie_node *trie; /* frozen */
    range_entry *entries;
    size_t nentries, cap_entries;
    wn_strmap roots; /* calling code -> root node of its trie (in `trie` once frozen) */
    wn_strmap by_cc; /* calling code -> index of its first plan row */
    /* The plan of each two-letter region code (NULL: no such country), and
     * of the country code that numbers beginning with three digits start
     * with (NULL: none); `generic` holds the ones made up from countries.csv. */
    const plan *by_region[NREGIONS];
    const plan *by_prefix[NPREFIXES];
    plan *generic;
} db;
static pthread_once_t db_once = PTHREAD_ONCE_INIT;

/* ---- digit patterns: "08[1-46-8]" ---- */

/* The digits the class or digit at `pat` stands for, as a bit mask (0 when
 * it is neither); *used is set to the characters it spans. */
static unsigned digit_set(const char *pat, size_t len, size_t *used)
{
    if (len > 0 && pat[0] >= '0' && pat[0] <= '9') {
        *used = 1;
        return 1u << (pat[0] - '0');
    }
    if (len == 0 || pat[0] != '[') return 0;
    unsigned mask = 0;
    size_t i = 1;
    while (i < len && pat[i] != ']') {
        char lo = pat[i], hi = lo;
        if (i + 2 < len && pat[i + 1] == '-' && pat[i + 2] != ']') {
            hi = pat[i + 2];
            i += 3;
        } else {
            i++;
        }
        if (lo < '0' || hi > '9' || lo > hi) return 0;
        for (char d = lo; d <= hi; d++)
            mask |= 1u << (d - '0');
    }
    *used = i + 1;
    return i < len ? mask : 0;
}

/* The number of digits of `s` the pattern pat[0..len) matches at its start,
 * or 0 when it does not. */
static size_t pattern_match(const char *pat, size_t len, const char *s, size_t n)
{
    size_t k = 0;
    for (size_t i = 0, used; i < len; i += used, k++) {
        unsigned mask = digit_set(pat + i, len - i, &used);
        if (k == n || !(mask >> (s[k] - '0') & 1)) return 0;
    }
    return k;
}

/* Steps through a '|'-separated list: the next alternative in *alt, *len. */
static bool next_alt(const char **list, const char **alt, size_t *len)
{
    if (**list == '\0') return false;
    *alt = *list;
    *len = strcspn(*list, "|");
    *list += *len + ((*list)[*len] == '|');
    return true;
}

/* ---- loading ---- */

static void table_fail(const wn_table_row *row, const char *what)
{
    fprintf(stderr, "winnow: data/phone_plans.csv line %zu: %s\n", row->line, what);
    abort();
}

static int32_t node_new(void)
{
    if (db.nnodes == db.cap_nodes) {
        db.cap_nodes = db.cap_nodes ? 2 * db.cap_nodes : 4096;
        db.nodes = wn_xrealloc(db.nodes, db.cap_nodes * sizeof *db.nodes);
    }
    range_node *node = &db.nodes[db.nnodes];
    for (int d = 0; d < 10; d++)
        node->child[d] = -1;
    node->entry = -1;
    return (int32_t)db.nnodes++;
}

static void entry_add(int32_t node, uint32_t lengths, number_type type)
{
    if (db.nentries == db.cap_entries) {
        db.cap_entries = db.cap_entries ? 2 * db.cap_entries : 4096;
        db.entries = wn_xrealloc(db.entries, db.cap_entries * sizeof *db.entries);
    }
    db.entries[db.nentries] = (range_entry){lengths, db.nodes[node].entry, type};
    db.nodes[node].entry = (int32_t)db.nentries++;
}

/* Adds the entry below `node` at every prefix the pattern stands for; false
 * if the pattern is not one. */
static bool range_add(int32_t node, const char *pat, size_t len, uint32_t lengths, number_type type)
{
    if (len == 0) {
        entry_add(node, lengths, type);
        return true;
    }
    size_t used;
    unsigned mask = digit_set(pat, len, &used);
    for (int d = 0; d < 10; d++) {
        if (!(mask >> d & 1)) continue;
        if (db.nodes[node].child[d] < 0) {
            int32_t child = node_new(); /* may move db.nodes */
            db.nodes[node].child[d] = child;
        }
        if (!range_add(db.nodes[node].child[d], pat + used, len - used, lengths, type))
            return false;
    }
    return mask != 0;
}

/* "9-10|12" -> bits 9, 10 and 12; 0 if malformed or out of range. */
static uint32_t parse_lengths(const char *s)
{
    uint32_t mask = 0;
    while (*s) {
        char *end;
        unsigned long lo = strtoul(s, &end, 10), hi = lo;
        if (*end == '-') hi = strtoul(end + 1, &end, 10);
        if (end == s || hi >= 32 || lo > hi || (*end && *end != '|')) return 0;
        for (unsigned long n = lo; n <= hi; n++)
            mask |= 1u << n;
        s = *end ? end + 1 : end;
    }
    return mask;
}

static int32_t ranges_of(const char *cc)
{
    uint64_t root;
    return wn_strmap_getz(&db.roots, cc, &root) ? (int32_t)root : -1;
}

static void range_row(const wn_table_row *row)
{
    if (row->nfields != NRANGECOLS) table_fail(row, "a range row has 5 fields");
    number_type type = TYPE_NONE;
    for (int t = TYPE_FIXED; t < NTYPES; t++)
        if (strcmp(row->fields[COL_TYPE], type_names[t]) == 0) type = (number_type)t;
    uint32_t lengths = parse_lengths(row->fields[COL_LENGTHS]);
    if (type == TYPE_NONE || lengths == 0) table_fail(row, "unknown type or bad lengths");
    int32_t root = ranges_of(row->fields[COL_RANGE_CC]);
    if (root < 0) {
        root = node_new();
        wn_strmap_putz(&db.roots, row->fields[COL_RANGE_CC], (uint64_t)root);
    }
    const char *list = row->fields[COL_PREFIXES], *alt;
    size_t len;
    while (next_alt(&list, &alt, &len))
        if (!range_add(root, alt, len, lengths, type)) table_fail(row, "bad prefix pattern");
}

static void trie_freeze(void)
{
    db.trie = wn_xcalloc(db.nnodes ? db.nnodes : 1, sizeof *db.trie);
    int32_t *order = wn_xcalloc(db.nnodes ? db.nnodes : 1, sizeof *order); /* old index by new */
    size_t n = 0;
    for (size_t i = 0; i < db.roots.nslots; i++) {
        wn_strmap_slot *slot = &db.roots.slots[i];
        if (!slot->key) continue;
        order[n] = (int32_t)slot->value;
        slot->value = n++;
    }
    for (size_t i = 0; i < n; i++) {
        const range_node *old = &db.nodes[order[i]];
        trie_node *node = &db.trie[i];
        node->entry = old->entry;
        node->first = (int32_t)n;
        for (int d = 0; d < 10; d++) {
            if (old->child[d] < 0) continue;
            node->digits |= (uint16_t)(1u << d);
            order[n++] = old->child[d];
        }
    }
    free(order);
    free(db.nodes);
    db.nodes = NULL;
}

static void plan_init(plan *p, const char *cc, const char *trunk)
{
    memset(p, 0, sizeof *p);
    snprintf(p->cc, sizeof p->cc, "%s", cc);
    p->cclen = strlen(p->cc);
    p->trunk = trunk;
    p->idd = "";
    p->infix = "";
    p->local = "";
    p->ranges = ranges_of(p->cc);
    p->nanp = strcmp(p->cc, "1") == 0;
}

static int region_index(const char *region)
{
    if (!region || region[0] == '\0' || region[1] == '\0' || region[2] != '\0') return -1;
    int a = (region[0] & ~0x20) - 'A', b = (region[1] & ~0x20) - 'A';
    return a >= 0 && a < 26 && b >= 0 && b < 26 ? a * 26 + b : -1;
}

/* "15>9" (infix) or "[457][0-9]>268" (local): a digit pattern, '>',
 * digits. */
static bool arrow_valid(const char *s)
{
    const char *arrow = strchr(s, '>');
    size_t used;
    for (const char *c = s; arrow && c < arrow; c += used)
        if (!digit_set(c, (size_t)(arrow - c), &used)) return false;
    return arrow && arrow > s && arrow[1] != '\0' &&
           arrow[1 + strspn(arrow + 1, "0123456789")] == '\0';
}

static void plan_row(const wn_table_row *row)
{
    if (row->nfields < COL_INFIX || row->nfields > COL_LOCAL + 1)
        table_fail(row, "a plan row has 5 to 7 fields");
    int region = region_index(row->fields[COL_REGION]);
    if (region < 0) table_fail(row, "bad region code");
    size_t index = db.nplans++;
    plan *p = &db.plans[index];
    plan_init(p, row->fields[COL_CC], row->fields[COL_TRUNK]);
    p->idd = row->fields[COL_IDD];
    p->listed = true;
    if (row->nfields > COL_INFIX) p->infix = row->fields[COL_INFIX];
    if (row->nfields > COL_LOCAL) p->local = row->fields[COL_LOCAL];
    if ((p->infix[0] && !arrow_valid(p->infix)) || (p->local[0] && !arrow_valid(p->local)))
        table_fail(row, "bad mobile infix or local completion");
    db.by_region[region] = p;
    if (!wn_strmap_getz(&db.by_cc, p->cc, NULL)) wn_strmap_putz(&db.by_cc, p->cc, index);
}

/* A plan for a calling code without a plan row (a country of countries.csv
 * the reference does not know, a non-geographic code such as +800): its
 * ranges, or else any length E.164 allows. */
static const plan *generic_plan(const char *cc, const char *trunk, plan *tmp)
{
    plan_init(tmp, cc, trunk);
    tmp->lengths = tmp->nanp ? 1u << 10 : 0;
    for (size_t n = 4; !tmp->nanp && n + tmp->cclen <= 15; n++)
        tmp->lengths |= 1u << n;
    return tmp;
}

/* The plan of the country code that `digits` start with: its first plan row,
 * else its country in countries.csv, else its ranges. Country codes are a
 * prefix-free code, so at most one of one to three digits is one. */
static const plan *plan_lookup(const char *digits, size_t n, plan *tmp)
{
    char cc[4];
    uint64_t index;
    for (size_t l = 1; l <= 3 && l <= n; l++) {
        memcpy(cc, digits, l);
        cc[l] = '\0';
        if (wn_strmap_getz(&db.by_cc, cc, &index)) return &db.plans[index];
    }
    const wn_country *c = wn_country_by_calling_code(digits, n);
    if (c) return generic_plan(c->calling_code, c->trunk_prefix, tmp);
    for (size_t l = 1; l <= 3 && l <= n; l++) {
        memcpy(cc, digits, l);
        cc[l] = '\0';
        if (ranges_of(cc) >= 0) return generic_plan(cc, "", tmp);
    }
    return NULL;
}

/* Country codes have at most three digits, so three digits decide the plan,
 * and region codes have two letters: either way a plan is one array index
 * away, not hash lookups. */
static void index_plans(void)
{
    db.generic = wn_xcalloc(NPREFIXES + NREGIONS, sizeof *db.generic);
    for (int i = 0; i < NPREFIXES; i++) {
        char digits[4];
        snprintf(digits, sizeof digits, "%03d", i);
        db.by_prefix[i] = plan_lookup(digits, 3, &db.generic[i]);
    }
    for (int i = 0; i < NREGIONS; i++) {
        char code[3] = {(char)('A' + i / 26), (char)('A' + i % 26), '\0'};
        const wn_country *c = db.by_region[i] ? NULL : wn_country_get(code);
        if (c)
            db.by_region[i] =
                generic_plan(c->calling_code, c->trunk_prefix, &db.generic[NPREFIXES + i]);
    }
}

static void db_load(void)
{
    wn_error err;
    if (wn_table_load_embedded(&db.table, "data/phone_plans.csv", &err) != WN_OK) {
        fprintf(stderr, "winnow: %s\n", err.msg);
        abort();
    }
    db.plans = wn_xcalloc(db.table.nrows, sizeof *db.plans);
    wn_strmap_init(&db.roots);
    wn_strmap_init(&db.by_cc);
    /* Ranges first: a plan points at its calling code's trie. */
    for (size_t r = 0; r < db.table.nrows; r++)
        if (strcmp(db.table.rows[r].fields[COL_KIND], "range") == 0) range_row(&db.table.rows[r]);
    trie_freeze();
    for (size_t r = 0; r < db.table.nrows; r++) {
        const wn_table_row *row = &db.table.rows[r];
        if (strcmp(row->fields[COL_KIND], "plan") == 0)
            plan_row(row);
        else if (strcmp(row->fields[COL_KIND], "range") != 0)
            table_fail(row, "a row is a plan or a range");
    }
    index_plans();
}

/* ---- resolving the digits ---- */

static const plan *plan_for_digits(const char *digits, size_t n, plan *tmp)
{
    bool three = n >= 3 && (unsigned)(digits[0] - '0') < 10 && (unsigned)(digits[1] - '0') < 10 &&
                 (unsigned)(digits[2] - '0') < 10;
    if (!three) return plan_lookup(digits, n, tmp);
    return db.by_prefix[(digits[0] - '0') * 100 + (digits[1] - '0') * 10 + (digits[2] - '0')];
}

static number_type range_type(int32_t root, const char *nsn, size_t n)
{
    const trie_node *node = &db.trie[root];
    for (size_t i = 0;; i++) {
        for (int32_t e = node->entry; e >= 0; e = db.entries[e].next)
            if (db.entries[e].lengths >> n & 1) return db.entries[e].type;
        unsigned d = i < n ? (unsigned)(nsn[i] - '0') : 10;
        if (d > 9 || !(node->digits >> d & 1)) return TYPE_NONE;
        node = &db.trie[node->first + __builtin_popcount(node->digits & ((1u << d) - 1))];
    }
}

static number_type nsn_type(const plan *p, const char *nsn, size_t n)
{
    if (n >= 32) return TYPE_NONE;
    if (p->ranges >= 0) return range_type(p->ranges, nsn, n);
    if (!(p->lengths >> n & 1)) return TYPE_NONE;
    /* Where a trunk prefix exists, no NSN starts with 0: that 0 is a trunk
     * prefix or an international prefix misread. */
    if (p->trunk[0] && nsn[0] == '0') return TYPE_NONE;
    return !p->nanp || (nsn[0] >= '2' && nsn[3] >= '2') ? TYPE_ANY : TYPE_NONE;
}

static bool nsn_valid(const plan *p, const char *nsn, size_t n)
{
    return nsn_type(p, nsn, n) != TYPE_NONE;
}

static void emit(wn_buf *out, const plan *p, const char *nsn, size_t n)
{
    wn_buf_clear(out);
    wn_buf_putc(out, '+');
    wn_buf_append(out, p->cc, p->cclen);
    wn_buf_append(out, nsn, n);
}

/* Reads `d` as an NSN behind one of the plan's trunk prefixes. */
static bool resolve_trunk(const plan *p, const char *d, size_t n, wn_buf *out)
{
    const char *list = p->trunk, *alt;
    size_t len;
    while (next_alt(&list, &alt, &len)) {
        size_t l = pattern_match(alt, len, d, n);
        if (l > 0 && nsn_valid(p, d + l, n - l)) {
            emit(out, p, d + l, n - l);
            return true;
        }
    }
    return false;
}

/* Reads `d` as a local number, dialled without its area code, that the
 * plan completes ("322 1234" in the Bahamas: +1 242 322 1234). */
static bool resolve_local(const plan *p, const char *d, size_t n, wn_buf *out)
{
    const char *arrow = strchr(p->local, '>');
    if (!arrow || pattern_match(p->local, (size_t)(arrow - p->local), d, n) != n) return false;
    char nsn[MAX_DIGITS + 8];
    size_t l = strlen(arrow + 1);
    if (l + n > sizeof nsn) return false;
    memcpy(nsn, arrow + 1, l);
    memcpy(nsn + l, d, n);
    if (!nsn_valid(p, nsn, l + n)) return false;
    emit(out, p, nsn, l + n);
    return true;
}

/* Reads `d` as a mobile written with the plan's infix after the area code
 * ("11 15 2345 6789" in Argentina: +54 9 11 2345 6789). */
static bool resolve_infix_at(const plan *p, const char *d, size_t n, wn_buf *out)
{
    const char *arrow = strchr(p->infix, '>');
    if (!arrow) return false;
    size_t tl = (size_t)(arrow - p->infix), ml = strlen(arrow + 1);
    char nsn[MAX_DIGITS + 8];
    for (size_t area = 1; area + tl < n && n - tl + ml <= sizeof nsn; area++) {
        if (memcmp(d + area, p->infix, tl) != 0) continue;
        memcpy(nsn, arrow + 1, ml);
        memcpy(nsn + ml, d, area);
        memcpy(nsn + ml + area, d + area + tl, n - area - tl);
        if (nsn_type(p, nsn, n - tl + ml) == TYPE_MOBILE) {
            emit(out, p, nsn, n - tl + ml);
            return true;
        }
    }
    return false;
}

/* The infix reading, behind a trunk prefix or not. */
static bool resolve_infix(const plan *p, const char *d, size_t n, wn_buf *out)
{
    if (p->infix[0] == '\0') return false;
    if (resolve_infix_at(p, d, n, out)) return true;
    const char *list = p->trunk, *alt;
    size_t len;
    while (next_alt(&list, &alt, &len)) {
        size_t l = pattern_match(alt, len, d, n);
        if (l > 0 && resolve_infix_at(p, d + l, n - l, out)) return true;
    }
    return false;
}

/* Reads `digits` as country code + NSN. As the reference does, a trunk
 * prefix is stripped first where what follows is valid ("+44 020 ...",
 * "+52 1 55 ..." where 1 55 ... would be a valid number too). */
static bool resolve_intl(const char *digits, size_t n, bool listed_only, wn_buf *out)
{
    plan tmp;
    const plan *p = plan_for_digits(digits, n, &tmp);
    if (!p || (listed_only && !p->listed)) return false;
    const char *nsn = digits + p->cclen;
    size_t m = n - p->cclen;
    if (resolve_trunk(p, nsn, m, out)) return true;
    if (nsn_valid(p, nsn, m)) {
        emit(out, p, nsn, m);
        return true;
    }
    return resolve_local(p, nsn, m, out) || resolve_infix(p, nsn, m, out);
}

/* Reads `digits` as a number of region `p` dialled without international
 * prefix. Where the region has a trunk prefix, a number without it that
 * starts with the country code most likely lost its '+'; where it has none,
 * the country code reading comes last (Italian 39x mobiles are national). */
static bool resolve_national(const plan *p, const char *digits, size_t n, wn_buf *out)
{
    if (resolve_trunk(p, digits, n, out) || resolve_local(p, digits, n, out) ||
        resolve_infix(p, digits, n, out))
        return true;
    bool has_cc = n > p->cclen && memcmp(digits, p->cc, p->cclen) == 0;
    if (p->trunk[0] && has_cc && resolve_intl(digits, n, false, out)) return true;
    if (nsn_valid(p, digits, n)) {
        emit(out, p, digits, n);
        return true;
    }
    return !p->trunk[0] && has_cc && resolve_intl(digits, n, false, out);
}

/* A NANP number written without country code: 10 digits, or 11 with the
 * trunk prefix 1. */
static bool nanp_valid(const char *digits, size_t n)
{
    plan tmp;
    const plan *p = plan_for_digits("1", 1, &tmp);
    if (n == 11 && digits[0] == '1') digits++, n--;
    return p && n == 10 && nsn_valid(p, digits, n);
}

typedef enum idd_reading { IDD_NONE, IDD_OK, IDD_FAILED } idd_reading;

/* Tries every international prefix the region could have dialled, then
 * "00" (and, with no region, NANP's 011) unless one of the region's own
 * prefixes was there. A number that starts with one of the region's own
 * prefixes but is no valid number behind it is not read any other way:
 * "0011 61 ..." from Australia is not "00" + "1 161 ...", and "8 10 ..."
 * from Russia is dialled abroad, not a national 8 10 number. */
static idd_reading resolve_idd(const plan *region, const char *digits, size_t n, wn_buf *out)
{
    static const char *const fallback[] = {"00", "011"};
    const char *list = region ? region->idd : "", *alt;
    size_t len;
    bool dialled = false;
    while (next_alt(&list, &alt, &len)) {
        size_t l = pattern_match(alt, len, digits, n);
        if (l > 0 && resolve_intl(digits + l, n - l, false, out)) return IDD_OK;
        dialled |= l > 0;
    }
    for (size_t i = 0; !dialled && i < (region ? 1u : 2u); i++) {
        size_t l = strlen(fallback[i]);
        if (l < n && memcmp(digits, fallback[i], l) == 0 &&
            resolve_intl(digits + l, n - l, false, out))
            return IDD_OK;
    }
    return dialled ? IDD_FAILED : IDD_NONE;
}

static wn_norm_status resolve(const char *digits, size_t n, bool plus, const char *region,
                              wn_buf *out)
{
    if (plus) return resolve_intl(digits, n, false, out) ? WN_NORM_OK : WN_NORM_INVALID;
    int index = region_index(region);
    const plan *p = index >= 0 ? db.by_region[index] : NULL;
    idd_reading idd = resolve_idd(p, digits, n, out);
    if (idd != IDD_NONE) return idd == IDD_OK ? WN_NORM_OK : WN_NORM_INVALID;
    if (p) return resolve_national(p, digits, n, out) ? WN_NORM_OK : WN_NORM_INVALID;
    if (nanp_valid(digits, n)) {
        wn_buf_clear(out);
        wn_buf_puts(out, "+1");
        wn_buf_append(out, digits + (n == 11), 10);
        return WN_NORM_OK;
    }
    if (n >= 11 && resolve_intl(digits, n, true, out)) return WN_NORM_SUSPICIOUS;
    return WN_NORM_INVALID;
}

/* ---- cleaning the cell ---- */

typedef struct scan {
    char digits[MAX_DIGITS];
    size_t n;
    bool plus;
    size_t trailing_letters; /* digits at the end that came from letters */
} scan;

static bool is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

static bool is_alpha(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

static void trim(const char **s, size_t *len)
{
    while (*len > 0 && is_space(**s))
        (*s)++, (*len)--;
    while (*len > 0 && is_space((*s)[*len - 1]))
        (*len)--;
}

/* Excel's ways of keeping a number as text: a leading apostrophe, ="...";
 * and the ".0" a float conversion (pandas, some BI exports) appends. */
static void strip_spreadsheet_guards(const char **s, size_t *len)
{
    if (*len >= 3 && (*s)[0] == '=' && (*s)[1] == '"' && (*s)[*len - 1] == '"') {
        *s += 2;
        *len -= 3;
    } else if (*len > 0 && (*s)[0] == '\'') {
        (*s)++, (*len)--;
    }
    trim(s, len);
    if (*len > 2 && (*s)[*len - 2] == '.' && (*s)[*len - 1] == '0') {
        size_t i = (*s)[0] == '+';
        while (i < *len - 2 && is_digit((*s)[i]))
            i++;
        if (i == *len - 2) *len -= 2;
    }
}

/* "4.47911E+11": Excel showed a long number in scientific notation and the
 * export kept only six significant digits; the number cannot be recovered. */
static bool is_scientific(const char *s, size_t len)
{
    size_t i = 0, mantissa = 0;
    while (i < len && (is_digit(s[i]) || s[i] == '.' || s[i] == ','))
        mantissa += is_digit(s[i++]);
    if (mantissa == 0 || i >= len || (s[i] != 'E' && s[i] != 'e')) return false;
    i++;
    if (i < len && (s[i] == '+' || s[i] == '-')) i++;
    size_t exponent = 0;
    while (i < len && is_digit(s[i]))
        i++, exponent++;
    return exponent > 0 && i == len;
}

/* Drops a leading label such as "Tel:", "Mobile:", "Tel.: ". */
static void strip_label(const char **s, size_t *len)
{
    const char *colon = memchr(*s, ':', *len);
    if (!colon || colon == *s) return;
    for (const char *p = *s; p < colon; p++)
        if (!is_alpha(*p) && *p != ' ' && *p != '.') return;
    *len -= (size_t)(colon + 1 - *s);
    *s = colon + 1;
    trim(s, len);
}

static bool ends_with_marker_ci(const char *s, size_t end, const char *marker, size_t l)
{
    if (l > end) return false;
    for (size_t i = 0; i < l; i++)
        if ((s[end - l + i] | 0x20) != marker[i]) return false;
    /* "x" must not be the end of a word ("BOX"): only a separate marker counts. */
    return end == l || !is_alpha(s[end - l - 1]);
}

/* Splits a trailing extension ("x123", "ext. 123", "#12") into `ext`;
 * shortens *len to the number before it. */
static void split_extension(const char *s, size_t *len, wn_buf *ext)
{
    static const struct {
        const char *text;
        size_t len;
    } markers[] = {{"extension", 9}, {"ext", 3}, {"xtn", 3}, {"x", 1}, {"#", 1}};
    size_t end = *len;
    while (end > 0 && is_space(s[end - 1]))
        end--;
    size_t digits_end = end;
    while (end > 0 && is_digit(s[end - 1]))
        end--;
    size_t ndigits = digits_end - end;
    if (ndigits == 0 || ndigits > MAX_EXT) return;
    size_t digits_start = end;
    while (end > 0 && (is_space(s[end - 1]) || s[end - 1] == '.' || s[end - 1] == ':'))
        end--;
    for (size_t m = 0; m < sizeof markers / sizeof markers[0]; m++) {
        if (markers[m].text[0] == '#'
                ? end > 0 && s[end - 1] == '#'
                : ends_with_marker_ci(s, end, markers[m].text, markers[m].len)) {
            size_t start = end - markers[m].len;
            if (start == 0) return; /* nothing before it: not an extension */
            wn_buf_append(ext, s + digits_start, ndigits);
            *len = start;
            return;
        }
    }
}

/* ITU-T E.161 keypad: ABC=2, DEF=3, GHI=4, JKL=5, MNO=6, PQRS=7, TUV=8, WXYZ=9. */
static char e161(char c)
{
    static const char keys[] = "22233344455566677778889999";
    return keys[(c | 0x20) - 'a'];
}

static bool push(scan *sc, char digit, bool from_letter)
{
    if (sc->n == MAX_DIGITS) return false;
    sc->digits[sc->n++] = digit;
    sc->trailing_letters = from_letter ? sc->trailing_letters + 1 : 0;
    return true;
}

/* Width in bytes of a UTF-8 separator at `s` (no-break and thin spaces,
 * Unicode hyphens and dashes, minus sign), or 0. */
static size_t unicode_separator(const unsigned char *s, size_t len)
{
    if (len >= 2 && s[0] == 0xC2 && s[1] == 0xA0) return 2;
    if (len >= 3 && s[0] == 0xE2 && s[1] == 0x80 &&
        ((s[2] >= 0x90 && s[2] <= 0x95) || s[2] == 0x89 || s[2] == 0xAF))
        return 3;
    if (len >= 3 && s[0] == 0xE2 && s[1] == 0x88 && s[2] == 0x92) return 3;
    return 0;
}

/* Collects the digits; false on a character no phone number contains. */
static bool scan_number(const char *s, size_t len, scan *sc)
{
    for (size_t i = 0; i < len; i++) {
        char c = s[i];
        size_t w;
        if (is_digit(c)) {
            if (!push(sc, c, false)) return false;
        } else if (c == '+' && sc->n == 0 && !sc->plus) {
            sc->plus = true;
        } else if (c == '(' && sc->n > 0 && i + 2 < len && s[i + 1] == '0' && s[i + 2] == ')') {
            i += 2; /* "+44 (0)20": the trunk prefix shown for national callers */
        } else if (is_alpha(c) && sc->n > 0) {
            if (!push(sc, e161(c), true)) return false;
        } else if (c == ' ' || c == '-' || c == '.' || c == '(' || c == ')' || c == '/' ||
                   c == '\t' || c == '~') {
            continue; /* '~': "wait for the dial tone", as in "8~10" dialled from Belarus */
        } else if (i + 2 < len && (unsigned char)c == 0xEF && (unsigned char)s[i + 1] == 0xBC &&
                   (unsigned char)s[i + 2] >= 0x90 && (unsigned char)s[i + 2] <= 0x99) {
            /* Fullwidth digits, as East Asian input methods type them. */
            if (!push(sc, (char)('0' + (unsigned char)s[i + 2] - 0x90), false)) return false;
            i += 2;
        } else if ((w = unicode_separator((const unsigned char *)s + i, len - i)) > 0) {
            i += w - 1;
        } else {
            return false;
        }
    }
    return true;
}

wn_norm_status wn_phone_normalize(const char *s, size_t len, const char *default_region,
                                  wn_buf *e164_out, wn_buf *ext_out)
{
    pthread_once(&db_once, db_load);
    wn_buf_clear(e164_out);
    wn_buf_clear(ext_out);
    trim(&s, &len);
    strip_spreadsheet_guards(&s, &len);
    if (len == 0) return WN_NORM_EMPTY;
    if (is_scientific(s, len)) {
        wn_buf_append(e164_out, s, len);
        return WN_NORM_INVALID;
    }
    strip_label(&s, &len);
    split_extension(s, &len, ext_out);
    scan sc = {.n = 0};
    bool clean = scan_number(s, len, &sc);
    if (clean && sc.n == 0 && !sc.plus && ext_out->len == 0) return WN_NORM_EMPTY;
    if (clean && sc.n > 0) {
        /* Vanity words may be longer than the number: drop surplus letters. */
        for (size_t cut = 0; cut <= sc.trailing_letters && cut < sc.n; cut++) {
            wn_norm_status st = resolve(sc.digits, sc.n - cut, sc.plus, default_region, e164_out);
            if (st != WN_NORM_INVALID) return st;
        }
    }
    wn_buf_clear(e164_out);
    if (sc.plus) wn_buf_putc(e164_out, '+');
    wn_buf_append(e164_out, sc.digits, sc.n);
    return WN_NORM_INVALID;
}

bool wn_phone_is_mobile(const char *e164, size_t len)
{
    pthread_once(&db_once, db_load);
    if (len < 2 || e164[0] != '+') return false;
    plan tmp;
    const plan *p = plan_for_digits(e164 + 1, len - 1, &tmp);
    return p && nsn_type(p, e164 + 1 + p->cclen, len - 1 - p->cclen) == TYPE_MOBILE;
}
