/*
 * fields.h -- the canonical customer fields winnow understands.
 *
 * Column recognition maps an export's headers onto these; rules, validation,
 * blocking, comparison and survivorship all speak of them. Several columns may
 * map to one field (Email, Email 2, Secondary Email are all WN_F_EMAIL; the
 * record keeps each value). The names are what rules files and reports use.
 */
#ifndef WN_FIELDS_H
#define WN_FIELDS_H

#include <stddef.h>

typedef enum wn_field {
    WN_F_NONE = 0,   /* not a field winnow uses: carried through untouched */
    WN_F_RECORD_ID,  /* the export's own id (Salesforce Id, HubSpot Record ID, ...) */
    WN_F_SALUTATION, /* Mr, Ms, Dr, Herr, ... */
    WN_F_FIRST_NAME,
    WN_F_MIDDLE_NAME,
    WN_F_LAST_NAME,
    WN_F_FULL_NAME,   /* one column with the whole name */
    WN_F_NAME_SUFFIX, /* Jr, III, PhD */
    WN_F_EMAIL,
    WN_F_PHONE,
    WN_F_MOBILE,
    WN_F_FAX,
    WN_F_COMPANY,
    WN_F_JOB_TITLE,
    WN_F_STREET_NUMBER, /* when the export splits it off (FEBRL, some ERPs) */
    WN_F_STREET,        /* street line 1 (may hold the number) */
    WN_F_STREET2,       /* street line 2: unit, building, c/o */
    WN_F_CITY,
    WN_F_STATE,
    WN_F_POSTAL_CODE,
    WN_F_COUNTRY,
    WN_F_BIRTH_DATE,
    WN_F_CREATED,
    WN_F_MODIFIED,
    WN_F_OWNER,
    WN_F_LEAD_SOURCE,
    WN_F_TAX_ID, /* tax, VAT or national id: a hard identifier */
    WN_F_WEBSITE,
    WN_F_GENDER,      /* male / female / ..., as written */
    WN_F_BIRTH_PLACE, /* a town, parish or country of birth */
    /* Columns no header or value test recognised but that hold text worth
     * comparing (a business's cuisine, a source system's category): up to
     * four, compared as generic text (tokens, q-grams). */
    WN_F_TEXT1,
    WN_F_TEXT2,
    WN_F_TEXT3,
    WN_F_TEXT4,
    WN_F_COUNT
} wn_field;

#define WN_TEXT_FIELDS 4

static inline int wn_field_is_text(int f)
{
    return f >= WN_F_TEXT1 && f <= WN_F_TEXT4;
}

/* "first_name", "email", ...; "" for WN_F_NONE. */
const char *wn_field_name(wn_field f);
/* The field called `name` (as above), or WN_F_NONE. */
wn_field wn_field_from_name(const char *name);

#endif
