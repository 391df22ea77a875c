/*
 * wngen -- realistic CRM exports with ground truth, for benchmarks.
 *
 *   wngen --rows N [--seed S] [--vendor V] [--dup-rate R] [--names default|skewed]
 *         --out FILE[.gz] --truth TRUTH.csv [--quality-truth QT.csv]
 *   wngen --rows N [--names default|skewed] --link LEFT RIGHT [--vendor A] [--right-vendor B]
 *         --truth T.csv
 *
 * Customers come from seven countries with names drawn from lists of common
 * names (Zipf-Mandelbrot, so some blocks are hot) and a long synthetic tail, formatted as the
 * chosen vendor exports them (header names, date formats, full-name columns, delimiters). A share
 * of customers has duplicates (1 to 4 more records, geometric), each drifting from the original the
 * ways CRM data drifts: nicknames, typos, transpositions, swapped given/family names, case and
 * accent loss, Latin spellings of Cyrillic names, phone and email format drift, address
 * abbreviations, missing fields. Hard negatives are generated on purpose: household members (same
 * surname, address and phone, different given name and birth date), twins (also the same birth
 * date), and Zipf's same-name strangers. Some records are made invalid, placeholder-filled or
 * unreachable, and
 * --quality-truth lists them.
 *
 * --names skewed: the customers are Korean and Vietnamese, where a few dozen family names cover
 * most people (Kim 21.5%, Lee 14.7%: Statistics Korea's 2015 census; Nguyen about 38%; see
 * gen_data.h) and given names are concentrated too (Korean ones two syllables from a few dozen,
 * Vietnamese ones with Van/Thi as middle name). Duplicates also re-spell the name as exports do
 * (Lee/Yi/Rhee, Park/Pak, Min-jun/Minjun/Min Jun, Nguyễn/Nguyen, middle name kept or dropped).
 * The rest is made as in the default mode, whose output (--names default, or no option) is byte
 * for byte what it was before the option existed: no random number is drawn differently.
 *
 * Output is deterministic for a seed and streams: rows pass through a
 * shuffling window of 4096 records, so memory is constant at any size.
 * Truth files: record_id,entity_id (and for links: left_id,right_id).
 */
#include <ctype.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "gen_data.h"

/* ---- random numbers (xoshiro256**, Blackman & Vigna 2018) ---------------- */

typedef struct rng {
    uint64_t s[4];
} rng;

static uint64_t rotl(uint64_t x, int k)
{
    return (x << k) | (x >> (64 - k));
}

static uint64_t rng_next(rng *r)
{
    uint64_t result = rotl(r->s[1] * 5, 7) * 9, t = r->s[1] << 17;
    r->s[2] ^= r->s[0];
    r->s[3] ^= r->s[1];
    r->s[1] ^= r->s[2];
    r->s[0] ^= r->s[3];
    r->s[2] ^= t;
    r->s[3] = rotl(r->s[3], 45);
    return result;
}

static void rng_seed(rng *r, uint64_t seed)
{
    for (int i = 0; i < 4; i++) { /* splitmix64 */
        uint64_t z = (seed += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        r->s[i] = z ^ (z >> 31);
    }
}

static int rnd(rng *r, int n)
{
    return n > 0 ? (int)(rng_next(r) % (uint64_t)n) : 0;
}

static bool chance(rng *r, double p)
{
    return (double)(rng_next(r) >> 11) * 0x1.0p-53 < p;
}

/* Zipf-Mandelbrot rank in [0, n): P(r) ~ 1/(r+1+q). Pure Zipf (q = 0) over a
 * list of a hundred names would give its first name a fifth of the list's
 * share, far above real name frequencies (Smith: under 1% of US surnames);
 * the offset q flattens the head the way census tables do. */
static int zipf(rng *r, int n, double q)
{
    double h = 0;
    for (int i = 1; i <= n; i++)
        h += 1.0 / (i + q);
    double u = (double)(rng_next(r) >> 11) * 0x1.0p-53 * h, acc = 0;
    for (int i = 0; i < n; i++) {
        acc += 1.0 / (i + 1 + q);
        if (u <= acc) return i;
    }
    return n - 1;
}

/* The long tail of names and towns. A list of common names covers only part
 * of a population (the 100 commonest US surnames: about a sixth); the rest is
 * a long tail of rare names. The tail is synthesised from syllables so that a
 * file of ten million rows still has realistic block sizes. */
static void romanize(char *s, size_t cap);

typedef enum { TAIL_GIVEN, TAIL_FAMILY, TAIL_TOWN } tail_kind;

static void tail_name(rng *r, const char *country, tail_kind kind, char *out, size_t cap)
{
    bool cyr = strcmp(country, "RU") == 0;
    static const char *const onset[] = {"b", "br", "c", "ch", "d", "f", "g",  "gr", "h", "k",
                                        "l", "m",  "n", "p",  "r", "s", "st", "t",  "v", "w"};
    static const char *const vowel[] = {"a", "e", "i", "o", "u", "ai", "ea", "ou"};
    static const char *const coda[] = {"", "", "n", "r", "l", "s", "t", "m", "nd", "rt"};
    static const char *const cyr_onset[] = {"б", "в", "г", "д", "з", "к", "л",
                                            "м", "н", "п", "р", "с", "т", "ш"};
    static const char *const cyr_upper[] = {"Б", "В", "Г", "Д", "З", "К", "Л",
                                            "М", "Н", "П", "Р", "С", "Т", "Ш"};
    static const char *const cyr_vowel[] = {"а", "о", "е", "и", "у"};
    static const char *const family_end[] = {"", "son", "er", "mann", "ley", "ez", "ini", "ard"};
    static const char *const cyr_family_end[] = {"ов", "ев", "ин", "ский"};
    static const char *const town_end[] = {"ville", "burg", "ton", "field", "stad", "pur", "dorf"};
    size_t n = 0;
    out[0] = '\0';
    int syllables = 2 + (kind == TAIL_FAMILY && chance(r, 0.4));
    for (int i = 0; i < syllables; i++) {
        if (cyr) {
            int o = rnd(r, N(cyr_onset));
            n += (size_t)snprintf(out + n, cap - n, "%s%s", i ? cyr_onset[o] : cyr_upper[o],
                                  cyr_vowel[rnd(r, N(cyr_vowel))]);
        } else {
            n += (size_t)snprintf(out + n, cap - n, "%s%s", onset[rnd(r, N(onset))],
                                  vowel[rnd(r, N(vowel))]);
        }
        if (n >= cap) return;
    }
    if (cyr)
        snprintf(out + n, cap - n, "%s",
                 kind == TAIL_FAMILY ? cyr_family_end[rnd(r, N(cyr_family_end))]
                 : kind == TAIL_TOWN ? "ск"
                                     : "");
    else
        snprintf(out + n, cap - n, "%s%s", coda[rnd(r, N(coda))],
                 kind == TAIL_FAMILY ? family_end[rnd(r, N(family_end))]
                 : kind == TAIL_TOWN ? town_end[rnd(r, N(town_end))]
                                     : "");
    if (!cyr) out[0] = (char)toupper((unsigned char)out[0]);
}

/* A name from the country's list (Zipf-Mandelbrot) or, with probability
 * `tail`, from the long tail. */
static void pick_name(rng *r, const char *country, const char *const *list, int n, double q,
                      double tail, tail_kind kind, char *out, size_t cap)
{
    if (chance(r, tail))
        tail_name(r, country, kind, out, cap);
    else
        snprintf(out, cap, "%s", list[zipf(r, n, q)]);
}

/* ---- a customer ------------------------------------------------------------ */

/* How a --names skewed person's name is made (family NULL: not one), kept so
 * that a duplicate re-spells the same name rather than a new one. */
typedef struct skewed_name {
    const gen_spelled *family, *part[2]; /* KR: the given name's two syllables;
                                            VN: middle name, given name */
    int form, spell[2];                  /* the spellings used (forms[] indexes) */
    int style;                           /* KR: 0 "Minjun", 1 "Min-jun", 2 "Min Jun" */
    bool korean, marks, middle;          /* VN: diacritics typed; middle name shown */
} skewed_name;

typedef struct person {
    const gen_country *c;
    bool female;
    char given[64], family[64], email[128], phone[32], mobile[32], street[128], city[64];
    char postal[16], country[48], company[96], dob[11], created[20], modified[20];
    uint64_t entity;
    /* quality truth for this record */
    const char *email_issue, *phone_issue;
    skewed_name sk;
} person;

static void lower_ascii(const char *s, char *out, size_t cap)
{
    size_t n = 0;
    for (; *s && n + 1 < cap; s++) {
        unsigned char c = (unsigned char)*s;
        if (isalpha(c))
            out[n++] = (char)tolower(c);
        else if (c == 0xC3 && s[1]) { /* Latin-1 letters: drop the accent */
            unsigned char d = (unsigned char)*++s;
            const char *map = "aaaaaaaceeeeiiiidnooooo/ouuuuyty";
            char m = d >= 0xA0 && d <= 0xBF ? map[d - 0xA0] : 'x';
            if (d == 0x9F) { /* ß */
                out[n++] = 's';
                if (n + 1 < cap) out[n++] = 's';
            } else if (m != '/' && isalpha((unsigned char)m)) {
                out[n++] = m;
            }
        }
    }
    out[n] = '\0';
}

static void pick_date(rng *r, int from_year, int to_year, char out[11])
{
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int y = from_year + rnd(r, to_year - from_year + 1), m = 1 + rnd(r, 12);
    int d = 1 + rnd(r, days[m - 1]);
    snprintf(out, 11, "%04d-%02d-%02d", y, m, d);
}

static const gen_phone_plan *phone_plan(const char *code)
{
    for (int i = 0; i < N(gen_phone_plans); i++)
        if (strcmp(gen_phone_plans[i].code, code) == 0) return &gen_phone_plans[i];
    /* A country added to gen_countries needs its ranges in gen_phone_plans. */
    fprintf(stderr, "wngen: no phone ranges for %s\n", code);
    exit(2);
}

/* A national significant number from one of the country's real ranges
 * (gen_data.h, gen_phone_plans): mobile ones for a mobile column, fixed-line
 * ones for a phone column. It takes c->phone_draws draws whatever the range
 * (the rest of the record must not shift with the number's length): the
 * first chooses the range, and the J-th X or N of it takes decimal place
 * J / M of draw J % M, M being the other draws, so that a range longer than
 * M digits needs no extra draw. */
static void national_number(rng *r, const gen_country *c, char *out, size_t cap, bool mobile)
{
    const gen_phone_plan *plan = phone_plan(c->code);
    const char *pattern =
        mobile ? plan->mobile[rnd(r, plan->nmobile)] : plan->fixed[rnd(r, plan->nfixed)];
    uint64_t draws[16];
    int m = c->phone_draws - 1;
    if (m < 1 || m > N(draws)) {
        fprintf(stderr, "wngen: phone_draws of %s out of range\n", c->code);
        exit(2);
    }
    for (int i = 0; i < m; i++)
        draws[i] = rng_next(r);
    size_t n = 0;
    int j = 0;
    for (const char *q = pattern; *q && n + 1 < cap; q++, n++) {
        if (*q != 'X' && *q != 'N') {
            out[n] = *q;
            continue;
        }
        uint64_t v = draws[j % m];
        for (int k = j / m; k > 0; k--)
            v /= 10;
        out[n] = (char)(*q == 'X' ? '0' + v % 10 : '2' + v % 8);
        j++;
    }
    out[n] = '\0';
}

static void make_company(rng *r, const person *p, char *out, size_t cap)
{
    static const char *const forms[] = {"Inc.", "LLC",     "Ltd",   "GmbH",     "S.A.",
                                        "SARL", "Pvt Ltd", "Corp.", "& Co. KG", "S.L."};
    static const char *const words[] = {"Consulting", "Solutions", "Trading",  "Logistics",
                                        "Partners",   "Systems",   "Holdings", "Services"};
    snprintf(out, cap, "%s %s %s", p->family, words[rnd(r, N(words))], forms[rnd(r, N(forms))]);
}

/*
 * Mailboxes taken so far (64-bit hashes, open addressing): a provider gives
 * john.smith@gmail.com to one person only, so the second John Smith gets a
 * number, as in life. Without this, ten million rows held mailboxes shared
 * by hundreds of strangers -- which no real export has (households sharing
 * one are made on purpose, below).
 */
typedef struct mailboxes {
    uint64_t *slots;
    size_t n, cap;
} mailboxes;

static uint64_t hash_str(const char *s)
{
    uint64_t h = 1469598103934665603ull; /* FNV-1a */
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211ull;
    return h ? h : 1;
}

/* Puts hash `h` into the free slot where it belongs. */
static void slot_put(uint64_t *slots, size_t cap, uint64_t h)
{
    size_t k = h & (cap - 1);
    while (slots[k])
        k = (k + 1) & (cap - 1);
    slots[k] = h;
}

/* Takes `email` if free; false if someone has it. */
static bool mailbox_take(mailboxes *m, const char *email)
{
    if (2 * (m->n + 1) > m->cap) { /* grow: at most half full */
        size_t cap = m->cap ? 2 * m->cap : 1 << 16;
        uint64_t *slots = calloc(cap, sizeof *slots);
        if (!slots) abort();
        for (size_t i = 0; i < m->cap; i++)
            if (m->slots[i]) slot_put(slots, cap, m->slots[i]);
        free(m->slots);
        m->slots = slots;
        m->cap = cap;
    }
    uint64_t h = hash_str(email);
    for (size_t k = h & (m->cap - 1); m->slots[k]; k = (k + 1) & (m->cap - 1))
        if (m->slots[k] == h) return false;
    slot_put(m->slots, m->cap, h);
    m->n++;
    return true;
}

/* ---- skewed names (--names skewed, gen_data.h) ------------------------------ */

/* The ASCII letter a Latin letter with marks is typed as, or 0: Latin-1, and
 * the Vietnamese letters of Latin Extended-A and -B and Latin Extended
 * Additional (U+1EA0-U+1EF9: A, E, I, O, U, Y with marks, capital first). */
static char fold_letter(unsigned cp)
{
    static const char latin1[] = "AAAAAAACEEEEIIIIDNOOOOO.OUUUUY..aaaaaaaceeeeiiiidnooooo.ouuuuy.y";
    if (cp >= 0xC0 && cp <= 0xFF) return latin1[cp - 0xC0] == '.' ? 0 : latin1[cp - 0xC0];
    switch (cp) {
    case 0x102:
        return 'A';
    case 0x103:
        return 'a';
    case 0x110:
        return 'D';
    case 0x111:
        return 'd';
    case 0x128:
        return 'I';
    case 0x129:
        return 'i';
    case 0x168:
        return 'U';
    case 0x169:
        return 'u';
    case 0x1A0:
        return 'O';
    case 0x1A1:
        return 'o';
    case 0x1AF:
        return 'U';
    case 0x1B0:
        return 'u';
    default:
        break;
    }
    if (cp < 0x1EA0 || cp > 0x1EF9) return 0;
    char base = cp <= 0x1EB7   ? 'A'
                : cp <= 0x1EC7 ? 'E'
                : cp <= 0x1ECB ? 'I'
                : cp <= 0x1EE3 ? 'O'
                : cp <= 0x1EF1 ? 'U'
                               : 'Y';
    return cp % 2 ? (char)tolower((unsigned char)base) : base;
}

/* Diacritics dropped in place, as a keyboard without them types the name
 * (Nguyễn -> Nguyen, Đặng -> Dang); other characters are kept. */
static void fold_ascii(char *s)
{
    char *w = s;
    for (const unsigned char *p = (const unsigned char *)s; *p;) {
        unsigned cp = 0;
        int len = 1;
        if ((p[0] & 0xE0) == 0xC0 && (p[1] & 0xC0) == 0x80) {
            cp = ((p[0] & 0x1Fu) << 6) | (p[1] & 0x3Fu);
            len = 2;
        } else if ((p[0] & 0xF0) == 0xE0 && (p[1] & 0xC0) == 0x80 && (p[2] & 0xC0) == 0x80) {
            cp = ((p[0] & 0x0Fu) << 12) | ((p[1] & 0x3Fu) << 6) | (p[2] & 0x3Fu);
            len = 3;
        }
        char a = len > 1 ? fold_letter(cp) : 0;
        if (a) {
            *w++ = a;
            p += len;
        } else {
            while (len--)
                *w++ = (char)*p++;
        }
    }
    *w = '\0';
}

/* An index into `list`, each entry with probability share / total. */
static int pick_share(rng *r, const gen_spelled *list, int n)
{
    int total = 0;
    for (int i = 0; i < n; i++)
        total += list[i].share;
    int u = rnd(r, total);
    for (int i = 0; i < n; i++)
        if ((u -= list[i].share) < 0) return i;
    return n - 1;
}

static int spellings(const gen_spelled *s)
{
    int n = 0;
    while (n < N(s->forms) && s->forms[n])
        n++;
    return n;
}

/* A spelling other than `form`, if the name has one. */
static int other_spelling(rng *r, const gen_spelled *s, int form)
{
    int n = spellings(s);
    if (n < 2) return form;
    int k = rnd(r, n - 1);
    return k >= form ? k + 1 : k;
}

/* The usual spelling, or with probability p a variant. */
static int pick_spelling(rng *r, const gen_spelled *s, double p)
{
    return spellings(s) > 1 && chance(r, p) ? other_spelling(r, s, 0) : 0;
}

/* given and family written from p->sk. */
static void render_skewed(person *p)
{
    const skewed_name *k = &p->sk;
    snprintf(p->family, sizeof p->family, "%s", k->family->forms[k->form]);
    if (k->korean) {
        char a[16], b[16];
        snprintf(a, sizeof a, "%s", k->part[0]->forms[k->spell[0]]);
        snprintf(b, sizeof b, "%s", k->part[1]->forms[k->spell[1]]);
        a[0] = (char)toupper((unsigned char)a[0]);
        if (k->style == 2) b[0] = (char)toupper((unsigned char)b[0]);
        static const char *const joint[] = {"", "-", " "}; /* by style */
        snprintf(p->given, sizeof p->given, "%s%s%s", a, joint[k->style], b);
        return;
    }
    if (k->middle)
        snprintf(p->given, sizeof p->given, "%s %s", k->part[0]->forms[0], k->part[1]->forms[0]);
    else
        snprintf(p->given, sizeof p->given, "%s", k->part[1]->forms[0]);
    if (!k->marks) {
        fold_ascii(p->given);
        fold_ascii(p->family);
    }
}

#define PICK(r, list) (&(list)[pick_share((r), (list), N(list))])

/* A new given name for p (a household member's, too), from common parts. */
static void skewed_given(rng *r, person *p)
{
    skewed_name *k = &p->sk;
    if (k->korean) {
        k->part[0] = p->female ? PICK(r, kr_female_first) : PICK(r, kr_male_first);
        k->part[1] = p->female ? PICK(r, kr_female_second) : PICK(r, kr_male_second);
        for (int i = 0; i < 2; i++)
            k->spell[i] = pick_spelling(r, k->part[i], 0.2);
        int u = rnd(r, 10);
        k->style = u < 5 ? 0 : u < 8 ? 1 : 2;
    } else {
        k->part[0] = p->female ? PICK(r, vn_female_middle) : PICK(r, vn_male_middle);
        k->part[1] = p->female ? PICK(r, vn_female_given) : PICK(r, vn_male_given);
        k->middle = chance(r, 0.6);
    }
    render_skewed(p);
}

/* A Korean or Vietnamese name: family name by census share, in its usual
 * spelling but for one in ten; Vietnamese names typed with diacritics for a
 * third of the people (exports from systems without them are common). */
static void skewed_person(rng *r, person *p)
{
    skewed_name *k = &p->sk;
    k->korean = strcmp(p->c->code, "KR") == 0;
    k->family = k->korean ? PICK(r, kr_families) : PICK(r, vn_families);
    k->form = pick_spelling(r, k->family, 0.1);
    k->marks = !k->korean && chance(r, 0.35);
    skewed_given(r, p);
}

/* A duplicate re-spells the name: another romanisation of the family name
 * (Lee, Yi, Rhee) or of a syllable (Jun, Joon), the given name joined,
 * hyphenated or spaced; diacritics typed or not, the middle name kept or
 * dropped. Typos and the rest of drift() come after. */
static void drift_skewed(rng *r, person *p)
{
    skewed_name *k = &p->sk;
    if (k->korean) {
        if (chance(r, 0.25)) k->form = other_spelling(r, k->family, k->form);
        if (chance(r, 0.35)) k->style = (k->style + 1 + rnd(r, 2)) % 3;
        if (chance(r, 0.15)) {
            int i = rnd(r, 2);
            k->spell[i] = other_spelling(r, k->part[i], k->spell[i]);
        }
    } else {
        if (chance(r, 0.35)) k->marks = !k->marks;
        if (chance(r, 0.30)) k->middle = !k->middle;
    }
    render_skewed(p);
}

/* A customer's country: by gen_country_weights, or with --names skewed by
 * gen_skewed_country_weights. */
static const gen_country *pick_country(rng *r, bool skewed)
{
    const gen_country *list = skewed ? gen_skewed_countries : gen_countries;
    const int *weights = skewed ? gen_skewed_country_weights : gen_country_weights;
    int n = skewed ? N(gen_skewed_country_weights) : N(gen_country_weights);
    int w = rnd(r, 100), acc = 0, ci;
    for (ci = 0; ci < n - 1; ci++)
        if (w < (acc += weights[ci])) break;
    return &list[ci];
}

static void make_person(rng *r, mailboxes *taken, person *p, uint64_t entity, bool skewed)
{
    memset(p, 0, sizeof *p);
    const gen_country *c = p->c = pick_country(r, skewed);
    p->entity = entity;
    p->female = chance(r, 0.5);
    if (skewed)
        skewed_person(r, p);
    else if (p->female)
        pick_name(r, c->code, c->female, c->nfemale, 5, 0.3, TAIL_GIVEN, p->given, sizeof p->given);
    else
        pick_name(r, c->code, c->male, c->nmale, 5, 0.3, TAIL_GIVEN, p->given, sizeof p->given);
    if (!skewed)
        pick_name(r, c->code, c->surnames, c->nsurnames, 10, 0.6, TAIL_FAMILY, p->family,
                  sizeof p->family);
    char g[64], f[64], latin_g[64], latin_f[64];
    snprintf(latin_g, sizeof latin_g, "%s", p->given);
    snprintf(latin_f, sizeof latin_f, "%s", p->family);
    if (skewed) { /* Nguyễn's mailbox is nguyen... */
        fold_ascii(latin_g);
        fold_ascii(latin_f);
    } else {
        romanize(latin_g, sizeof latin_g); /* Cyrillic names: a Latin mailbox */
        romanize(latin_f, sizeof latin_f);
    }
    lower_ascii(latin_g, g, sizeof g);
    lower_ascii(latin_f, f, sizeof f);
    static const char *const styles[] = {"%s.%s%s@%s", "%s%s%s@%s", "%.1s%s%s@%s"};
    char num[8] = "";
    if (chance(r, 0.4)) snprintf(num, sizeof num, "%d", rnd(r, 1000));
    bool work = chance(r, 0.35);
    const char *style = styles[rnd(r, 3)];
    const char *domain =
        work ? c->domains[rnd(r, c->ndomains)] : gen_freemail[rnd(r, N(gen_freemail))];
    snprintf(p->email, sizeof p->email, style, g, f, num, domain);
    while (!mailbox_take(taken, p->email)) {
        snprintf(num, sizeof num, "%d", rnd(r, 100000));
        snprintf(p->email, sizeof p->email, style, g, f, num, domain);
    }
    national_number(r, c, p->phone, sizeof p->phone, false);
    if (chance(r, 0.5)) national_number(r, c, p->mobile, sizeof p->mobile, true);
    int number = 1 + zipf(r, 300, 0);
    const char *sw = c->streets[rnd(r, c->nstreets)];
    if (strcmp(c->code, "DE") == 0 || strcmp(c->code, "KR") == 0) /* Teheran-ro 152 */
        snprintf(p->street, sizeof p->street, "%s%s %d", sw, c->street_type, number);
    else if (strcmp(c->code, "VN") == 0) /* 12 Đường Lê Lợi */
        snprintf(p->street, sizeof p->street, "%d %s %s", number, c->street_type, sw);
    else if (strcmp(c->code, "FR") == 0 || strcmp(c->code, "ES") == 0)
        snprintf(p->street, sizeof p->street, "%s %s %d", c->street_type, sw, number);
    else if (strcmp(c->code, "RU") == 0)
        snprintf(p->street, sizeof p->street, "%s %s %d", c->street_type, sw, number);
    else
        snprintf(p->street, sizeof p->street, "%d %s %s", number, sw, c->street_type);
    pick_name(r, c->code, c->cities, c->ncities, 3, 0.4, TAIL_TOWN, p->city, sizeof p->city);
    /* Valid codes only: real UK postcode areas, and inward letters without
     * C I K M O V; Spanish codes start with a province number, 01 to 52. */
    static const char *const gb_areas[] = {"SW", "SE", "EC", "N",  "E",  "W",  "B",  "M",
                                           "L",  "LS", "G",  "EH", "CF", "BS", "OX", "CB",
                                           "NE", "S",  "NG", "BT", "RG", "GU", "CM", "TN"};
    static const char inward[] = "ABDEFGHJLNPQRSTUWXYZ";
    if (strcmp(c->code, "GB") == 0)
        snprintf(p->postal, sizeof p->postal, "%s%d %d%c%c", gb_areas[rnd(r, N(gb_areas))],
                 1 + rnd(r, 9), rnd(r, 10), inward[rnd(r, N(inward) - 1)],
                 inward[rnd(r, N(inward) - 1)]);
    else if (strcmp(c->code, "ES") == 0)
        snprintf(p->postal, sizeof p->postal, "%02d%03d", 1 + rnd(r, 52), rnd(r, 1000));
    else
        snprintf(p->postal, sizeof p->postal, "%0*d", c->postal_digits,
                 (strcmp(c->code, "IN") == 0 ? 100000 : 1000) +
                     rnd(r, strcmp(c->code, "IN") == 0 ? 899999 : 98000));
    snprintf(p->country, sizeof p->country, "%s", c->names[0]);
    if (chance(r, 0.3)) make_company(r, p, p->company, sizeof p->company);
    pick_date(r, 1940, 2004, p->dob);
    char d[11];
    pick_date(r, 2012, 2024, d);
    snprintf(p->created, sizeof p->created, "%s %02d:%02d", d, rnd(r, 24), rnd(r, 60));
    snprintf(p->modified, sizeof p->modified, "%s", p->created);
}

/* ---- drift: what happens to a customer's record over the years --------------- */

static void typo(rng *r, char *s)
{
    size_t n = strlen(s);
    if (n < 3) return;
    size_t i = 1 + (size_t)rnd(r, (int)n - 2);
    if ((unsigned char)s[i] >= 0x80 || (unsigned char)s[i - 1] >= 0x80 ||
        (unsigned char)s[i + 1] >= 0x80)
        return; /* keep UTF-8 intact */
    switch (rnd(r, 4)) {
    case 0: /* substitute */
        s[i] = (char)('a' + rnd(r, 26));
        break;
    case 1: /* delete */
        memmove(s + i, s + i + 1, n - i);
        break;
    case 2: /* transpose */
    {
        char t = s[i];
        s[i] = s[i + 1];
        s[i + 1] = t;
        break;
    }
    default: /* insert (doubling a letter) */
        if (n + 2 < 64) {
            memmove(s + i + 1, s + i, n - i + 1);
        }
        break;
    }
}

static void nickname(rng *r, char *given, size_t cap)
{
    int k = rnd(r, N(gen_nicknames));
    for (int i = 0; i < N(gen_nicknames); i++) {
        int j = (k + i) % N(gen_nicknames);
        if (strcmp(gen_nicknames[j][0], given) == 0) {
            snprintf(given, cap, "%s", gen_nicknames[j][1]);
            return;
        }
    }
}

static void romanize(char *s, size_t cap)
{
    /* Cyrillic to Latin the way people type it (close to, not equal to,
     * winnow's own tables: the matcher must bridge the difference). */
    static const char *const lower[] = {
        "a", "b", "v", "g", "d", "e", "zh", "z",  "i",  "i",   "k", "l", "m", "n", "o",  "p",
        "r", "s", "t", "u", "f", "h", "ts", "ch", "sh", "sch", "",  "y", "",  "e", "yu", "ya"};
    char out[128];
    size_t n = 0;
    bool first = true;
    for (const unsigned char *p = (const unsigned char *)s; *p && n + 5 < sizeof out;) {
        if ((p[0] == 0xD0 || p[0] == 0xD1) && p[1]) {
            int cp = ((p[0] & 0x1F) << 6) | (p[1] & 0x3F);
            if (cp == 0x451 || cp == 0x401) cp = 0x435;
            if (cp >= 0x410 && cp <= 0x42F) cp += 0x20;
            const char *l = cp >= 0x430 && cp <= 0x44F ? lower[cp - 0x430] : "";
            for (; *l; l++)
                out[n++] = first ? (char)toupper((unsigned char)*l) : *l, first = false;
            p += 2;
        } else {
            first = *p == ' ' || *p == '-';
            out[n++] = (char)*p++;
        }
    }
    out[n] = '\0';
    snprintf(s, cap, "%s", out);
}

static void strip_accents(char *s)
{
    char tmp[128];
    lower_ascii(s, tmp, sizeof tmp);
    if (tmp[0] && !(s[0] & 0x80)) {
        bool upper = isupper((unsigned char)s[0]);
        snprintf(s, 64, "%s", tmp);
        if (upper) s[0] = (char)toupper((unsigned char)s[0]);
    }
}

static void drift_email(rng *r, person *p)
{
    char *at = strchr(p->email, '@');
    if (!at) return;
    char local[96], domain[64];
    snprintf(local, sizeof local, "%.*s", (int)(at - p->email), p->email);
    snprintf(domain, sizeof domain, "%s", at + 1);
    switch (rnd(r, 4)) {
    case 0:
        for (char *q = p->email; *q; q++)
            *q = (char)toupper((unsigned char)*q);
        break;
    case 1:
        snprintf(p->email, sizeof p->email, "%s+crm@%s", local, domain);
        break;
    case 2:
        if (strcmp(domain, "gmail.com") == 0)
            snprintf(p->email, sizeof p->email, "%s@googlemail.com", local);
        break;
    default:
        snprintf(p->email, sizeof p->email, "%c%s@%s", toupper((unsigned char)local[0]), local + 1,
                 domain);
        break;
    }
}

static void drift_street(rng *r, person *p)
{
    static const char *const pairs[][2] = {
        {"Street", "St."}, {"Road", "Rd"}, {"straße", "str."}, {"Calle", "C/"}, {"Rue", "R."}};
    for (int i = 0; i < N(pairs); i++) {
        char *hit = strstr(p->street, pairs[i][0]);
        if (hit) {
            char tail[128];
            snprintf(tail, sizeof tail, "%s", hit + strlen(pairs[i][0]));
            snprintf(hit, sizeof p->street - (size_t)(hit - p->street), "%s%s", pairs[i][1], tail);
            return;
        }
    }
    (void)r;
}

static void drift(rng *r, person *p)
{
    if (p->sk.family) drift_skewed(r, p);
    if (chance(r, 0.25)) nickname(r, p->given, sizeof p->given);
    if (chance(r, 0.20)) typo(r, p->given);
    if (chance(r, 0.20)) typo(r, p->family);
    if (chance(r, 0.03)) { /* given and family swapped */
        char t[64];
        snprintf(t, sizeof t, "%s", p->given);
        snprintf(p->given, sizeof p->given, "%s", p->family);
        snprintf(p->family, sizeof p->family, "%s", t);
    }
    if (chance(r, 0.10)) {
        if (p->sk.family) { /* Vietnamese letters are not Latin-1 */
            fold_ascii(p->given);
            fold_ascii(p->family);
        } else {
            strip_accents(p->given);
            strip_accents(p->family);
        }
    }
    if (chance(r, 0.10)) /* case drift */
        for (char *q = p->family; *q; q++)
            *q = (char)toupper((unsigned char)*q);
    if (strcmp(p->c->code, "RU") == 0 && chance(r, 0.5)) {
        romanize(p->given, sizeof p->given);
        romanize(p->family, sizeof p->family);
        romanize(p->city, sizeof p->city);
        romanize(p->street, sizeof p->street);
    }
    if (chance(r, 0.30)) drift_email(r, p);
    if (chance(r, 0.15)) p->email[0] = '\0';
    if (chance(r, 0.15))
        p->phone[0] = '\0';
    else if (chance(r, 0.05) && strlen(p->phone) > 6) {
        /* One digit mistyped, among the last six: every range in
         * gen_phone_plans ends in six or more Xs, so the number stays one
         * that exists (a typo in the area code would make an invalid number
         * the quality truth does not list). */
        size_t i = strlen(p->phone) - 1 - (size_t)rnd(r, 6);
        p->phone[i] = (char)('0' + (p->phone[i] - '0' + 1 + rnd(r, 8)) % 10);
    }
    if (chance(r, 0.30)) drift_street(r, p);
    if (chance(r, 0.10)) p->postal[0] = '\0';
    if (chance(r, 0.15)) p->dob[0] = '\0';
    if (chance(r, 0.05) && p->dob[0]) { /* day and month keyed the other way round */
        char d[3] = {p->dob[8], p->dob[9], 0};
        if (atoi(d) <= 12)
            p->dob[8] = p->dob[5], p->dob[9] = p->dob[6], p->dob[5] = d[0], p->dob[6] = d[1];
    }
    if (chance(r, 0.3)) snprintf(p->country, sizeof p->country, "%s", p->c->names[1 + rnd(r, 2)]);
    if (p->company[0] && chance(r, 0.3)) {
        char *sp = strrchr(p->company, ' ');
        if (sp) *sp = '\0'; /* legal form dropped */
    }
    char d[11];
    pick_date(r, 2016, 2025, d);
    snprintf(p->modified, sizeof p->modified, "%s %02d:%02d", d, rnd(r, 24), rnd(r, 60));
}

/* Quality problems with their truth. */
static void spoil(rng *r, person *p)
{
    static const char *const bad_emails[] = {"test@test.com", "none@none.com", "n/a",
                                             "noemail@noemail.com", "no@email.com"};
    static const char *const bad_phones[] = {"000-000-0000", "111-111-1111", "1234567890", "n/a",
                                             "9999999999"};
    int k = rnd(r, 100);
    if (k < 3) {
        snprintf(p->email, sizeof p->email, "%s", bad_emails[rnd(r, N(bad_emails))]);
        p->email_issue = "placeholder";
    } else if (k < 5) {
        char *at = strchr(p->email, '@');
        if (at && rnd(r, 2))
            *at = ' '; /* "john.smith gmail.com" */
        else if (at)
            memmove(at + 1, at, strlen(at) + 1); /* "john@@gmail.com" */
        p->email_issue = at ? "invalid" : NULL;
    }
    k = rnd(r, 100);
    if (k < 2) {
        snprintf(p->phone, sizeof p->phone, "%s", bad_phones[rnd(r, N(bad_phones))]);
        p->phone_issue = "placeholder";
    } else if (k < 4 && p->phone[0]) {
        /* Cut short to 3 or 4 digits: shorter than any number of any plan
         * (a German one in a two-digit area code, 030 or 089, may have 5). */
        p->phone[3 + rnd(r, 2)] = '\0';
        p->phone_issue = "invalid";
    }
    if (chance(r, 0.02)) { /* unreachable */
        p->email[0] = p->phone[0] = p->mobile[0] = '\0';
        p->email_issue = p->phone_issue = NULL;
    }
}

/* ---- vendors -------------------------------------------------------------------- */

typedef enum {
    V_SALESFORCE,
    V_HUBSPOT,
    V_DYNAMICS,
    V_ZOHO,
    V_PIPEDRIVE,
    V_GENERIC,
    V_COUNT
} vendor;
static const char *const vendor_names[] = {"salesforce", "hubspot",   "dynamics",
                                           "zoho",       "pipedrive", "generic"};

static const char *const headers[V_COUNT] = {
    "Id,Salutation,First Name,Last Name,Email,Phone,Mobile,Account Name,Mailing Street,"
    "Mailing City,Mailing Zip/Postal Code,Mailing Country,Birthdate,Created Date,Last Modified "
    "Date",
    "Record ID,First Name,Last Name,Email,Phone Number,Mobile Phone Number,Company Name,"
    "Street Address,City,Postal Code,Country/Region,Date of birth,Create Date,Last Modified Date",
    "contactid,firstname,lastname,emailaddress1,telephone1,mobilephone,parentcustomeridname,"
    "address1_line1,address1_city,address1_postalcode,address1_country,birthdate,createdon,"
    "modifiedon",
    "Record Id;First Name;Last Name;Email;Phone;Mobile;Account Name;Mailing Street;Mailing City;"
    "Mailing Zip;Mailing Country;Date of Birth;Created Time;Modified Time",
    "Person - ID,Person - Name,Person - Email - Work,Person - Phone - Work,Person - Phone - Mobile,"
    "Organization - Name,Person - Postal address,Person - City,Person - ZIP code,Person - Country,"
    "Person - Birthday,Person - Add time,Person - Update time",
    "id\tfirst_name\tlast_name\temail\tphone\tmobile\tcompany\tstreet\tcity\tpostal_code\tcountry\t"
    "date_of_birth\tcreated_at\tupdated_at",
};

static char delimiter_of(vendor v)
{
    return v == V_ZOHO ? ';' : v == V_GENERIC ? '\t' : ',';
}

typedef struct out {
    FILE *fp;
    gzFile gz;
} out;

static void out_write(out *o, const char *s, size_t n)
{
    if (o->gz)
        gzwrite(o->gz, s, (unsigned)n);
    else
        fwrite(s, 1, n, o->fp);
}

typedef struct row_buf {
    char *s;
    size_t n, cap;
} row_buf;

static void rb_add(row_buf *b, const char *s, size_t n)
{
    if (b->n + n + 1 > b->cap) {
        b->cap = (b->n + n + 1) * 2;
        b->s = realloc(b->s, b->cap);
        if (!b->s) exit(2);
    }
    memcpy(b->s + b->n, s, n);
    b->n += n;
    b->s[b->n] = '\0';
}

static void rb_cell(row_buf *b, char delim, const char *v, bool first)
{
    if (!first) rb_add(b, &delim, 1);
    bool quote = strchr(v, delim) || strchr(v, '"') || strchr(v, '\n');
    if (!quote) {
        rb_add(b, v, strlen(v));
        return;
    }
    rb_add(b, "\"", 1);
    for (; *v; v++) {
        if (*v == '"') rb_add(b, "\"", 1);
        rb_add(b, v, 1);
    }
    rb_add(b, "\"", 1);
}

/* Dates as each vendor writes them. */
static void vendor_date(vendor v, const char *iso, bool with_time, const char *time, char *out,
                        size_t cap)
{
    if (!iso[0]) {
        out[0] = '\0';
        return;
    }
    int y = atoi(iso), m = atoi(iso + 5), d = atoi(iso + 8);
    switch (v) {
    case V_DYNAMICS:
        snprintf(out, cap, with_time ? "%d/%d/%04d %s" : "%d/%d/%04d", m, d, y, time);
        break;
    case V_ZOHO:
        snprintf(out, cap, with_time ? "%02d.%02d.%04d %s" : "%02d.%02d.%04d", d, m, y, time);
        break;
    case V_SALESFORCE:
        if (with_time)
            snprintf(out, cap, "%04d-%02d-%02dT%s:00.000Z", y, m, d, time);
        else
            snprintf(out, cap, "%02d/%02d/%04d", m, d, y);
        break;
    default:
        snprintf(out, cap, with_time ? "%04d-%02d-%02d %s" : "%04d-%02d-%02d", y, m, d, time);
        break;
    }
}

/* The number as people write it: +CC, national (with the trunk prefix), 00CC
 * or +CC (0); (xxx) xxx-xxxx and xxx.xxx.xxxx in NANP. A form a country's own
 * numbers are not written in is written +CC instead, so that each number is
 * valid read in its country (libphonenumber's and winnow's reading): Spain
 * and Italy have no trunk prefix; Russia's is 8, not 0, and it dials abroad
 * with 810, not 00; NANP dials abroad with 011; in Korea 00 and a digit are
 * a carrier's international prefix (0082 2... reads as 008, then +229). */
static void format_phone(rng *r, const gen_country *c, const char *nsn, char *out, size_t cap)
{
    if (!nsn[0] || strchr(nsn, '-') || strlen(nsn) < 6 || strchr(nsn, '/')) {
        snprintf(out, cap, "%s", nsn); /* placeholders and spoilt numbers as they are */
        return;
    }
    bool us = strcmp(c->cc, "1") == 0, ru = strcmp(c->code, "RU") == 0;
    bool no_trunk = strcmp(c->code, "IT") == 0 || strcmp(c->code, "ES") == 0;
    bool no_00 = us || ru || strcmp(c->code, "KR") == 0;
    int form = rnd(r, 4); /* drawn for every country, so the draws do not depend on it */
    if (no_trunk || (form == 2 && no_00) || (form == 3 && ru)) form = 0;
    switch (form) {
    case 0:
        snprintf(out, cap, "+%s %s", c->cc, nsn);
        break;
    case 1: /* national form: trunk prefix (1 in NANP, 8 in Russia, else 0) */
        if (us)
            snprintf(out, cap, "(%.3s) %.3s-%s", nsn, nsn + 3, nsn + 6);
        else
            snprintf(out, cap, "%c%.3s %s", ru ? '8' : '0', nsn, nsn + 3);
        break;
    case 2:
        snprintf(out, cap, "00%s %s", c->cc, nsn);
        break;
    default:
        if (us)
            snprintf(out, cap, "%.3s.%.3s.%s", nsn, nsn + 3, nsn + 6);
        else
            snprintf(out, cap, "+%s (0)%.3s %s", c->cc, nsn, nsn + 3);
        break;
    }
}

static void format_row(rng *r, vendor v, const person *p, const char *id, row_buf *b)
{
    char delim = delimiter_of(v), phone[40], mobile[40], dob[24], created[32], modified[32];
    if (p->phone_issue) /* spoilt numbers are written as they are */
        snprintf(phone, sizeof phone, "%s", p->phone);
    else
        format_phone(r, p->c, p->phone, phone, sizeof phone);
    format_phone(r, p->c, p->mobile, mobile, sizeof mobile);
    vendor_date(v, p->dob, false, "", dob, sizeof dob);
    vendor_date(v, p->created, true, p->created + 11, created, sizeof created);
    vendor_date(v, p->modified, true, p->modified + 11, modified, sizeof modified);
    b->n = 0;
    if (v == V_PIPEDRIVE) {
        char full[140];
        snprintf(full, sizeof full, "%s %s", p->given, p->family);
        const char *cells[] = {id,         full,      p->email, phone,     mobile,
                               p->company, p->street, p->city,  p->postal, p->country,
                               dob,        created,   modified};
        for (int i = 0; i < N(cells); i++)
            rb_cell(b, delim, cells[i], i == 0);
    } else if (v == V_SALESFORCE) {
        const char *sal = chance(r, 0.5) ? (p->female ? "Ms." : "Mr.") : "";
        const char *cells[] = {id,        sal,        p->given,   p->family, p->email,
                               phone,     mobile,     p->company, p->street, p->city,
                               p->postal, p->country, dob,        created,   modified};
        for (int i = 0; i < N(cells); i++)
            rb_cell(b, delim, cells[i], i == 0);
    } else {
        const char *cells[] = {id,         p->given,   p->family, p->email, phone,
                               mobile,     p->company, p->street, p->city,  p->postal,
                               p->country, dob,        created,   modified};
        for (int i = 0; i < N(cells); i++)
            rb_cell(b, delim, cells[i], i == 0);
    }
    rb_add(b, "\n", 1);
}

static void make_id(vendor v, uint64_t n, char *out, size_t cap)
{
    switch (v) {
    case V_SALESFORCE:
        snprintf(out, cap, "0035g%013llX", (unsigned long long)n);
        break;
    case V_DYNAMICS:
        snprintf(out, cap, "%08llx-4a1b-4c2d-8e3f-%012llx",
                 (unsigned long long)(n * 2654435761u % 0xFFFFFFFFu), (unsigned long long)n);
        break;
    case V_ZOHO:
        snprintf(out, cap, "zcrm_%llu", (unsigned long long)(4876000000000ull + n));
        break;
    default:
        snprintf(out, cap, "%llu", (unsigned long long)(1000 + n));
        break;
    }
}

/* ---- the shuffling window ---------------------------------------------------------- */

#define WINDOW 4096

typedef struct pending {
    char *row;
    char id[64];
    uint64_t entity;
    const char *email_issue, *phone_issue;
    bool unreachable;
} pending;

typedef struct sink {
    out data;
    FILE *truth, *quality;
    pending win[WINDOW];
    int n;
    rng shuffle;
} sink;

static void emit(sink *s, pending *p)
{
    out_write(&s->data, p->row, strlen(p->row));
    if (s->truth) fprintf(s->truth, "%s,%llu\n", p->id, (unsigned long long)p->entity);
    if (s->quality) {
        if (p->email_issue) fprintf(s->quality, "%s,email,%s\n", p->id, p->email_issue);
        if (p->phone_issue) fprintf(s->quality, "%s,phone,%s\n", p->id, p->phone_issue);
        if (p->unreachable) fprintf(s->quality, "%s,record,incomplete\n", p->id);
    }
    free(p->row);
}

static void sink_put(sink *s, pending *p)
{
    if (s->n < WINDOW) {
        s->win[s->n++] = *p;
        return;
    }
    int k = rnd(&s->shuffle, WINDOW);
    emit(s, &s->win[k]);
    s->win[k] = *p;
}

static void sink_flush(sink *s)
{
    while (s->n > 0) {
        int k = rnd(&s->shuffle, s->n);
        emit(s, &s->win[k]);
        s->win[k] = s->win[--s->n];
    }
}

/* A record is unreachable when neither its email nor any phone is valid. */
static bool unreachable(const person *p)
{
    bool email_ok = p->email[0] && !p->email_issue;
    bool phone_ok = (p->phone[0] && !p->phone_issue) || p->mobile[0];
    return !email_ok && !phone_ok;
}

static void put_record(sink *s, rng *r, vendor v, const person *p, uint64_t *next_id)
{
    pending pr;
    memset(&pr, 0, sizeof pr);
    make_id(v, (*next_id)++, pr.id, sizeof pr.id);
    row_buf b = {0};
    format_row(r, v, p, pr.id, &b);
    pr.row = b.s;
    pr.entity = p->entity;
    pr.email_issue = p->email_issue;
    pr.phone_issue = p->phone_issue;
    pr.unreachable = unreachable(p);
    sink_put(s, &pr);
}

static int open_out(out *o, const char *path)
{
    size_t n = strlen(path);
    if (n > 3 && strcmp(path + n - 3, ".gz") == 0) {
        o->gz = gzopen(path, "wb6");
        return o->gz ? 0 : -1;
    }
    o->fp = fopen(path, "wb");
    return o->fp ? 0 : -1;
}

static void close_out(out *o)
{
    if (o->gz) gzclose(o->gz);
    if (o->fp) fclose(o->fp);
}

static void write_header(out *o, vendor v)
{
    out_write(o, headers[v], strlen(headers[v]));
    out_write(o, "\n", 1);
}

/* ---- main ------------------------------------------------------------------------- */

typedef struct opts {
    long rows;
    uint64_t seed;
    vendor v, right_v;
    double dup_rate;
    bool skewed; /* --names skewed */
    const char *out, *truth, *quality, *left, *right;
} opts;

static vendor parse_vendor(const char *s)
{
    for (int i = 0; i < V_COUNT; i++)
        if (strcmp(s, vendor_names[i]) == 0) return (vendor)i;
    fprintf(stderr, "wngen: unknown vendor '%s'\n", s);
    exit(2);
}

/* --names: false for default, true for skewed. */
static bool parse_names(const char *s)
{
    if (strcmp(s, "default") == 0 || strcmp(s, "skewed") == 0) return s[0] == 's';
    fprintf(stderr, "wngen: unknown --names '%s' (default or skewed)\n", s);
    exit(2);
}

static void usage(void)
{
    fputs("usage: wngen --rows N [--seed S] [--vendor V] [--dup-rate R] [--names NAMES]\n"
          "             --out FILE[.gz] --truth TRUTH.csv [--quality-truth QT.csv]\n"
          "       wngen --rows N [--seed S] [--names NAMES] --link LEFT RIGHT [--vendor A]\n"
          "             [--right-vendor B] --truth PAIRS.csv\n"
          "vendors: salesforce hubspot dynamics zoho pipedrive generic\n"
          "names: default (seven countries, Zipf-Mandelbrot and a long tail),\n"
          "       skewed (Korean and Vietnamese: a few dozen family names, census shares)\n",
          stderr);
    exit(2);
}

static void parse(opts *o, int argc, char **argv)
{
    memset(o, 0, sizeof *o);
    o->seed = 42;
    o->v = V_HUBSPOT;
    o->right_v = V_SALESFORCE;
    o->dup_rate = 0.3;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        bool has = i + 1 < argc;
        if (!strcmp(a, "--rows") && has)
            o->rows = atol(argv[++i]);
        else if (!strcmp(a, "--seed") && has)
            o->seed = strtoull(argv[++i], NULL, 10);
        else if (!strcmp(a, "--vendor") && has)
            o->v = parse_vendor(argv[++i]);
        else if (!strcmp(a, "--right-vendor") && has)
            o->right_v = parse_vendor(argv[++i]);
        else if (!strcmp(a, "--dup-rate") && has)
            o->dup_rate = atof(argv[++i]);
        else if (!strcmp(a, "--out") && has)
            o->out = argv[++i];
        else if (!strcmp(a, "--truth") && has)
            o->truth = argv[++i];
        else if (!strcmp(a, "--quality-truth") && has)
            o->quality = argv[++i];
        else if (!strcmp(a, "--names") && has)
            o->skewed = parse_names(argv[++i]);
        else if (!strcmp(a, "--link") && i + 2 < argc)
            o->left = argv[++i], o->right = argv[++i];
        else
            usage();
    }
    if (o->rows <= 0 || !o->truth || (!o->out && !o->left)) usage();
}

/* Dedupe mode: customers, their duplicates, households. */
static int generate(const opts *o)
{
    sink s;
    memset(&s, 0, sizeof s);
    rng r;
    rng_seed(&r, o->seed);
    rng_seed(&s.shuffle, o->seed ^ 0xABCDEF);
    if (open_out(&s.data, o->out) != 0 || !(s.truth = fopen(o->truth, "w")) ||
        (o->quality && !(s.quality = fopen(o->quality, "w")))) {
        perror("wngen");
        return 2;
    }
    fputs("record_id,entity_id\n", s.truth);
    if (s.quality) fputs("record_id,field,issue\n", s.quality);
    write_header(&s.data, o->v);
    uint64_t next_id = 0, entity = 0;
    long written = 0;
    mailboxes taken = {0};
    while (written < o->rows) {
        person base;
        make_person(&r, &taken, &base, entity++, o->skewed);
        int copies = 1;
        if (chance(&r, o->dup_rate))
            for (copies = 2; copies < 5 && chance(&r, 0.35); copies++)
                ;
        for (int k = 0; k < copies && written < o->rows; k++, written++) {
            person p = base;
            if (k > 0) drift(&r, &p);
            spoil(&r, &p);
            put_record(&s, &r, o->v, &p, &next_id);
        }
        if (written < o->rows && chance(&r, 0.06)) { /* a household member */
            person m = base;
            person other;
            make_person(&r, &taken, &other, entity++, o->skewed);
            m.entity = other.entity;
            m.female = other.female;
            if (m.sk.family)
                skewed_given(&r, &m);
            else
                snprintf(m.given, sizeof m.given, "%s",
                         m.female ? m.c->female[rnd(&r, m.c->nfemale)]
                                  : m.c->male[rnd(&r, m.c->nmale)]);
            if (strcmp(m.given, base.given) == 0) continue;
            bool twin = chance(&r, 0.1);
            if (!twin) pick_date(&r, 1940, 2010, m.dob);
            snprintf(m.email, sizeof m.email, "%s", other.email);
            m.mobile[0] = '\0';
            spoil(&r, &m);
            put_record(&s, &r, o->v, &m, &next_id);
            written++;
        }
    }
    sink_flush(&s);
    close_out(&s.data);
    fclose(s.truth);
    if (s.quality) fclose(s.quality);
    free(taken.slots);
    return 0;
}

/* Link mode: an old system's export and a new one's, overlapping. */
static int generate_link(const opts *o)
{
    rng r;
    rng_seed(&r, o->seed);
    sink left, right;
    memset(&left, 0, sizeof left);
    memset(&right, 0, sizeof right);
    rng_seed(&left.shuffle, o->seed ^ 1);
    rng_seed(&right.shuffle, o->seed ^ 2);
    FILE *truth = fopen(o->truth, "w");
    if (open_out(&left.data, o->left) || open_out(&right.data, o->right) || !truth) {
        perror("wngen");
        return 2;
    }
    fputs("left_id,right_id\n", truth);
    write_header(&left.data, o->v);
    write_header(&right.data, o->right_v);
    uint64_t lid = 0, rid = 0;
    mailboxes taken = {0};
    for (long e = 0; e < o->rows; e++) {
        person base;
        make_person(&r, &taken, &base, (uint64_t)e, o->skewed);
        bool in_left = chance(&r, 0.85), in_right = !in_left || chance(&r, 0.8);
        char left_id[64] = "", right_id[64] = "";
        if (in_left) {
            make_id(o->v, lid, left_id, sizeof left_id);
            put_record(&left, &r, o->v, &base, &lid);
        }
        if (in_right) {
            person p = base;
            drift(&r, &p);
            make_id(o->right_v, rid, right_id, sizeof right_id);
            put_record(&right, &r, o->right_v, &p, &rid);
        }
        if (in_left && in_right) fprintf(truth, "%s,%s\n", left_id, right_id);
    }
    sink_flush(&left);
    sink_flush(&right);
    close_out(&left.data);
    close_out(&right.data);
    fclose(truth);
    free(taken.slots);
    return 0;
}

int main(int argc, char **argv)
{
    opts o;
    parse(&o, argc, argv);
    return o.left ? generate_link(&o) : generate(&o);
}
