/*
 * fields.c -- names of the canonical fields; see fields.h.
 */
#include "fields.h"

#include <string.h>

static const char *const field_names[WN_F_COUNT] = {
    [WN_F_NONE] = "",
    [WN_F_RECORD_ID] = "record_id",
    [WN_F_SALUTATION] = "salutation",
    [WN_F_FIRST_NAME] = "first_name",
    [WN_F_MIDDLE_NAME] = "middle_name",
    [WN_F_LAST_NAME] = "last_name",
    [WN_F_FULL_NAME] = "full_name",
    [WN_F_NAME_SUFFIX] = "name_suffix",
    [WN_F_EMAIL] = "email",
    [WN_F_PHONE] = "phone",
    [WN_F_MOBILE] = "mobile",
    [WN_F_FAX] = "fax",
    [WN_F_COMPANY] = "company",
    [WN_F_JOB_TITLE] = "job_title",
    [WN_F_STREET_NUMBER] = "street_number",
    [WN_F_STREET] = "street",
    [WN_F_STREET2] = "street2",
    [WN_F_CITY] = "city",
    [WN_F_STATE] = "state",
    [WN_F_POSTAL_CODE] = "postal_code",
    [WN_F_COUNTRY] = "country",
    [WN_F_BIRTH_DATE] = "birth_date",
    [WN_F_CREATED] = "created",
    [WN_F_MODIFIED] = "modified",
    [WN_F_OWNER] = "owner",
    [WN_F_LEAD_SOURCE] = "lead_source",
    [WN_F_TAX_ID] = "tax_id",
    [WN_F_WEBSITE] = "website",
    [WN_F_GENDER] = "gender",
    [WN_F_BIRTH_PLACE] = "birth_place",
    [WN_F_TEXT1] = "text_1",
    [WN_F_TEXT2] = "text_2",
    [WN_F_TEXT3] = "text_3",
    [WN_F_TEXT4] = "text_4",
};

const char *wn_field_name(wn_field f)
{
    return f > WN_F_NONE && f < WN_F_COUNT ? field_names[f] : "";
}

wn_field wn_field_from_name(const char *name)
{
    for (int f = WN_F_NONE + 1; f < WN_F_COUNT; f++)
        if (strcmp(field_names[f], name) == 0) return (wn_field)f;
    return WN_F_NONE;
}
