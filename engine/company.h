/*
 * company.h -- company names: a match key without the legal form.
 *
 * "The Acme Corporation", "ACME Corp.", "Acme, Inc." and "Acme" are one
 * customer in a CRM. wn_company_normalize() folds the name (wn_text_fold),
 * writes "&" as "and", joins initialisms ("S.A.", "S. A." and "SA" are all
 * "sa"; "J.P. Morgan" is "jp morgan"), drops a leading "The", then strips
 * legal forms from the end, as many as there are ("Foo Holdings Co., Ltd."
 * -> "foo holdings", "Bar GmbH & Co. KG" -> "bar"), and a "and" left dangling
 * ("Smith & Co." -> "smith"). The legal forms are rules/data/legal_forms.csv.
 * Never strips the last word: "Limited" alone stays "limited".
 *
 * The table is loaded once under pthread_once and only read afterwards, so
 * the function is thread-safe; it allocates only into the caller's buffer
 * (and a scratch copy on the heap for names over 256 bytes).
 */
#ifndef WN_COMPANY_H
#define WN_COMPANY_H

#include <stdbool.h>
#include <stddef.h>

#include "buf.h"
#include "norm.h"

/* The match key of a company name, into `out` (cleared first). */
wn_norm_status wn_company_normalize(const char *s, size_t len, wn_buf *out);

/* Whether a name reads as an organisation's: it holds a legal form
 * (legal_forms.csv) or a word naming a kind of organisation
 * (rules/data/org_words.csv: restaurant, school, association, ...), an "&"
 * or "+", or a digit. Column recognition weighs it against people's names. */
bool wn_company_marked(const char *s, size_t len);

#endif
