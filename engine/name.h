/*
 * name.h -- person names for matching.
 *
 * Keys are built from folded text (text.h):
 *
 *   given name   honorifics dropped (Mr, Mrs, Dr, Herr, Mme, Sra, Shri ...),
 *                then the first word replaced by its canonical form when it
 *                is a known nickname (rules/data/nicknames.csv: Bill ->
 *                william, Peggy -> margaret, Pepe -> jose, Sasha ->
 *                aleksandr); a nickname listed twice keeps its first meaning;
 *   family name  honorifics and generational or academic suffixes dropped
 *                (Jr, Sr, II, III, PhD, MD, Esq); particles and prefixes
 *                written apart or together become one word, so "van der
 *                Berg", "Vanderberg" and "van der berg" agree, as do
 *                "O'Brien", "OBrien" and "O Brien", "Mc Donald" and
 *                "McDonald". Double surnames ("García López") keep both.
 *
 * A full name in one cell is split: "Smith, John A." is family "smith",
 * given "john"; "Dr. John A. Smith Jr." the same; particles stay with the
 * family name ("Ludwig van Beethoven": "van beethoven" before joining).
 * Tables are loaded once (pthread_once) and read-only after.
 */
#ifndef WN_NAME_H
#define WN_NAME_H

#include <stddef.h>

#include "buf.h"
#include "norm.h"

wn_norm_status wn_name_given(const char *s, size_t len, wn_buf *out);
wn_norm_status wn_name_family(const char *s, size_t len, wn_buf *out);
/* Replaces a folded given name's first word by its canonical form. */
void wn_name_canonical_given(const char *folded, size_t len, wn_buf *out);
/* Splits a full name into folded given and family name keys. */
wn_norm_status wn_name_split(const char *s, size_t len, wn_buf *given, wn_buf *family);

#endif
