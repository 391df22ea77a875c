/*
 * email.h -- email addresses: canonical form, match key, provider facts.
 *
 * wn_email_normalize() turns what CRM users paste into an email field into
 * one lowercase address: surrounding blanks and quotes, a "mailto:" prefix
 * (and its ?subject=... query), a display name ("John Doe <j@x.com>") and a
 * trailing comment ("j@x.com (work)") are removed. The syntax check is
 * pragmatic rather than RFC 5322: it accepts what mail systems deliver to and
 * rejects what is a typo or a data-entry accident:
 *   - exactly one @; no blanks anywhere inside;
 *   - local part 1..64 bytes of letters, digits and !#$%&'*+/=?^_`{|}~.- ,
 *     not starting or ending with a dot, no ".."; quoted local parts and
 *     comments inside the address are rejected (valid, but in CRM data they
 *     are always mistakes);
 *   - domain at most 253 bytes, at least two labels of letters, digits and
 *     hyphens (1..63 bytes, no leading or trailing hyphen), no "..", a final
 *     label (the TLD) of at least two letters or an "xn--" IDN label; IP
 *     literals ([192.0.2.1]) are rejected;
 *   - non-ASCII (UTF-8) letters are accepted in both parts (RFC 6531, IDN)
 *     unless WN_EMAIL_ASCII is given.
 * Lowercasing the local part is strictly speaking lossy (RFC 5321 lets the
 * local part be case-sensitive), but no provider in use treats it so, and
 * case variants of one address are common in exports.
 *
 * Domains one edit away from a big provider (gmial.com, hotmial.com,
 * yaho.com, gmail.con) are reported WN_NORM_SUSPICIOUS, never corrected: the
 * address may be real, and guessing would merge people wrongly. The edit is
 * one insertion, deletion, substitution or swap of neighbours (optimal string
 * alignment distance 1); real providers that happen to be that close (mail.com,
 * ymail.com) are in rules/data/freemail.csv and are not flagged.
 *
 * Provider data (rules/data/freemail.csv) is loaded once under pthread_once
 * into read-only static tables, so every function here is thread-safe.
 */
#ifndef WN_EMAIL_H
#define WN_EMAIL_H

#include <stdbool.h>
#include <stddef.h>

#include "buf.h"
#include "norm.h"

enum {
    WN_EMAIL_ASCII = 1 << 0,   /* non-ASCII characters make the address INVALID */
    WN_EMAIL_NO_TYPOS = 1 << 1 /* skip the provider-typo check (never SUSPICIOUS) */
};

/* Writes the canonical address to `out` (cleared first). EMPTY for blank
 * input; INVALID (with the cleaned-up text in `out`) when the syntax check
 * fails; SUSPICIOUS for a likely misspelt provider domain; OK otherwise. */
wn_norm_status wn_email_normalize(const char *s, size_t len, wn_buf *out, unsigned flags);

/* Writes the key under which addresses of one mailbox compare equal, for an
 * address already normalized (OK or SUSPICIOUS) by wn_email_normalize():
 *   - a "+tag" is dropped from the local part for every domain, not only the
 *     providers known to deliver sub-addresses (Gmail, Outlook, iCloud,
 *     Fastmail, Proton, ...): company servers mostly support it as well, and
 *     two people whose addresses differ only after a '+' do not occur in
 *     practice, whereas forgetting a tag splits one person in two;
 *   - googlemail.com becomes gmail.com (one Google service, two names);
 *   - dots are removed from Gmail local parts (Gmail ignores them).
 * The key is for comparing only; it is not an address to send mail to. */
void wn_email_match_key(const char *email, size_t len, wn_buf *out);

/* True if `domain` (lowercase, as in a normalized address) belongs to a free
 * mailbox provider. */
bool wn_email_is_freemail(const char *domain, size_t len);

#endif
