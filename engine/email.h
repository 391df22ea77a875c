/*
 * email.h -- email addresses: validity and a key for matching.
 *
 * Validity is pragmatic, not RFC 5322: what a CRM can send mail to. One @;
 * a local part of 1..64 characters from the atext set and dots, no leading,
 * trailing or doubled dot; a domain of dot-separated labels (letters, digits,
 * hyphens, not at a label's ends, IDN allowed) ending in a top-level label of
 * two or more letters. Quoted local parts and IP-literal domains, legal but
 * unseen in CRM data, are rejected.
 *
 * Common wrappers are removed first: blanks, "mailto:", a display name
 * ("Ann Lee <ann@x.org>"), a trailing dot or semicolon. Well-formed
 * addresses at misspelt big providers (gmial.com, hotmial.com, yaho.com,
 * gmail.con) are SUSPICIOUS: the address is stored, but reported.
 *
 * The match key is what two addresses of one mailbox share: lower case, no
 * "+tag" (sub-addressing, which Gmail, Outlook, iCloud, Fastmail and most
 * corporate servers deliver to the base address), and for Gmail no dots in
 * the local part and googlemail.com = gmail.com.
 */
#ifndef WN_EMAIL_H
#define WN_EMAIL_H

#include <stddef.h>

#include "buf.h"
#include "norm.h"

/* `out` gets the address in lower case (or the trimmed input if invalid). */
wn_norm_status wn_email_normalize(const char *s, size_t len, wn_buf *out, const char **why);

/* The match key of a normalized (valid) address. */
void wn_email_match_key(const char *email, size_t len, wn_buf *out);

#endif
