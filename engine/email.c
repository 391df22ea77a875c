/*
 * email.c -- email validity and match keys; see email.h.
 */
#include "email.h"

#include <ctype.h>
#include <stdbool.h>
#include <string.h>
#include <strings.h>

/* RFC 5322 atext, the characters a dot-atom local part may hold. */
static bool is_atext(unsigned char c)
{
    return isalnum(c) || (c && strchr("!#$%&'*+-/=?^_`{|}~", c)) || c >= 0x80;
}

static void trim(const char **s, size_t *len)
{
    while (*len > 0 && (isspace((unsigned char)**s) || **s == '"' || **s == '\''))
        (*s)++, (*len)--;
    while (*len > 0 && (isspace((unsigned char)(*s)[*len - 1]) || strchr("\"';,.", (*s)[*len - 1])))
        (*len)--;
}

/* "Name <addr>" -> addr; "mailto:addr" -> addr. */
static void unwrap(const char **s, size_t *len)
{
    const char *lt = memchr(*s, '<', *len);
    if (lt && (*s)[*len - 1] == '>') {
        *len = (size_t)(*s + *len - 1 - (lt + 1));
        *s = lt + 1;
    }
    if (*len > 7 && strncasecmp(*s, "mailto:", 7) == 0)
        *s += 7, *len -= 7;
    trim(s, len);
}

static const char *check_local(const char *p, size_t n)
{
    if (n == 0)
        return "nothing before the @";
    if (n > 64)
        return "the part before the @ is longer than 64 characters";
    if (p[0] == '.' || p[n - 1] == '.')
        return "a dot at the start or end of the part before the @";
    for (size_t i = 0; i < n; i++) {
        if (p[i] == '.' && i + 1 < n && p[i + 1] == '.')
            return "two dots in a row";
        if (p[i] != '.' && !is_atext((unsigned char)p[i]))
            return "a character an address cannot hold";
    }
    return NULL;
}

static const char *check_domain(const char *p, size_t n)
{
    if (n == 0)
        return "nothing after the @";
    if (n > 253)
        return "the domain is too long";
    size_t labels = 0, start = 0;
    for (size_t i = 0; i <= n; i++) {
        if (i < n && p[i] != '.') {
            unsigned char c = (unsigned char)p[i];
            if (!isalnum(c) && c != '-' && c < 0x80)
                return "a character a domain cannot hold";
            continue;
        }
        size_t l = i - start;
        if (l == 0)
            return "an empty label in the domain";
        if (p[start] == '-' || p[i - 1] == '-')
            return "a domain label starts or ends with a hyphen";
        labels++;
        if (i == n) { /* the top-level label: letters only (or an IDN "xn--") */
            if (l < 2)
                return "the top-level domain is too short";
            bool idn = l > 4 && memcmp(p + start, "xn--", 4) == 0;
            for (size_t k = start; k < i && !idn; k++)
                if (!isalpha((unsigned char)p[k]) && (unsigned char)p[k] < 0x80)
                    return "the top-level domain is not a word";
        }
        start = i + 1;
    }
    return labels >= 2 ? NULL : "the domain has no dot";
}

/* Misspellings of the largest providers' domains, seen in real exports. */
static bool typo_domain(const char *d)
{
    static const char *const typos[] = {
        "gmial.com", "gamil.com",  "gmai.com",    "gmaill.com", "gmail.co",  "gmail.con",
        "gmail.cm",  "gnail.com",  "gmal.com",    "hotmial.com", "hotmai.com", "hotmal.com",
        "hotmail.co", "hotmail.con", "homail.com", "yaho.com",  "yahooo.com", "yahoo.con",
        "yhoo.com",  "outlok.com", "outlook.con", "iclod.com", "aol.con",   "gmail.comm",
    };
    for (size_t i = 0; i < sizeof typos / sizeof typos[0]; i++)
        if (strcmp(d, typos[i]) == 0)
            return true;
    size_t n = strlen(d);
    return n > 4 && (strcmp(d + n - 4, ".cmo") == 0 || strcmp(d + n - 4, ".ocm") == 0);
}

wn_norm_status wn_email_normalize(const char *s, size_t len, wn_buf *out, const char **why)
{
    wn_buf_clear(out);
    trim(&s, &len);
    if (len > 0)
        unwrap(&s, &len);
    if (len == 0) {
        wn_buf_cstr(out);
        return WN_NORM_EMPTY;
    }
    for (size_t i = 0; i < len; i++)
        wn_buf_putc(out, (char)tolower((unsigned char)s[i]));
    wn_buf_cstr(out);
    const char *at = memchr(out->data, '@', out->len);
    const char *problem = NULL;
    if (!at)
        problem = "no @";
    else if (memchr(at + 1, '@', out->len - (size_t)(at + 1 - out->data)))
        problem = "more than one @";
    else if (memchr(out->data, ' ', out->len))
        problem = "a blank inside the address";
    else if (!(problem = check_local(out->data, (size_t)(at - out->data))))
        problem = check_domain(at + 1, out->len - (size_t)(at + 1 - out->data));
    if (problem) {
        if (why)
            *why = problem;
        return WN_NORM_INVALID;
    }
    if (typo_domain(at + 1)) {
        if (why)
            *why = "the domain looks like a misspelt mail provider";
        return WN_NORM_SUSPICIOUS;
    }
    return WN_NORM_OK;
}

void wn_email_match_key(const char *email, size_t len, wn_buf *out)
{
    wn_buf_clear(out);
    const char *at = memchr(email, '@', len);
    if (!at) {
        wn_buf_append(out, email, len);
        wn_buf_cstr(out);
        return;
    }
    const char *domain = at + 1;
    size_t dlen = len - (size_t)(domain - email);
    bool gmail = (dlen == 9 && memcmp(domain, "gmail.com", 9) == 0) ||
                 (dlen == 14 && memcmp(domain, "googlemail.com", 14) == 0);
    for (const char *p = email; p < at; p++) {
        if (*p == '+' && p > email)
            break; /* sub-address tag */
        if (gmail && *p == '.')
            continue;
        wn_buf_putc(out, *p);
    }
    wn_buf_putc(out, '@');
    if (gmail)
        wn_buf_puts(out, "gmail.com");
    else
        wn_buf_append(out, domain, dlen);
    wn_buf_cstr(out);
}
