/*
 * rules.c -- names of the rules vocabulary, defaults per field, lifetime.
 *
 * The vocabulary (normalizers, key transforms, comparison methods,
 * survivorship rules) is kept as name tables indexed by the enums in rules.h,
 * so parsing, error messages ("expected one of ...") and `rules init` output
 * all come from one list.
 */
#include "rules.h"

#include <stdlib.h>
#include <string.h>

#include "embedded.h"

static const char *const normalizer_names[WN_NORM_COUNT] = {
    [WN_NORM_TRIM] = "trim",         [WN_NORM_FOLD] = "fold",
    [WN_NORM_TRANSLIT] = "translit", [WN_NORM_PERSON_NAME] = "person_name",
    [WN_NORM_NICKNAME] = "nickname", [WN_NORM_EMAIL] = "email",
    [WN_NORM_PHONE] = "phone",       [WN_NORM_POSTAL] = "postal_code",
    [WN_NORM_STREET] = "street",     [WN_NORM_COMPANY] = "company",
    [WN_NORM_DATE] = "date",         [WN_NORM_COUNTRY] = "country",
    [WN_NORM_DIGITS] = "digits",     [WN_NORM_WEBSITE] = "website",
};

static const char *const transform_names[WN_KEY_TRANSFORM_COUNT] = {
    [WN_KEY_VALUE] = "value",         [WN_KEY_INITIAL] = "initial",    [WN_KEY_SOUNDEX] = "soundex",
    [WN_KEY_METAPHONE] = "metaphone", [WN_KEY_PREFIX3] = "prefix3",    [WN_KEY_YEAR] = "year",
    [WN_KEY_DIGITS_LAST9] = "last9",  [WN_KEY_DIGITS_LAST7] = "last7", [WN_KEY_TOKENS] = "tokens",
};

static const char *const method_names[WN_CMP_METHOD_COUNT] = {
    [WN_CMP_EXACT] = "exact",     [WN_CMP_JARO_WINKLER] = "jaro_winkler",
    [WN_CMP_EDIT] = "edit",       [WN_CMP_TOKEN_SET] = "token_set",
    [WN_CMP_QGRAM] = "qgram",     [WN_CMP_DATE] = "date",
    [WN_CMP_NUMERIC] = "numeric", [WN_CMP_NAME] = "name",
    [WN_CMP_PHONE] = "phone",     [WN_CMP_ADDRESS] = "address",
};

static const char *const survivor_names[WN_SURV_RULE_COUNT] = {
    [WN_SURV_MOST_COMPLETE] = "most_complete",     [WN_SURV_MOST_RECENT] = "most_recent",
    [WN_SURV_MOST_FREQUENT] = "most_frequent",     [WN_SURV_LONGEST] = "longest",
    [WN_SURV_SOURCE_PRIORITY] = "source_priority", [WN_SURV_FIRST_NON_EMPTY] = "first_non_empty",
};

const char *const *wn_normalizer_names(void)
{
    return normalizer_names;
}
const char *const *wn_key_transform_names(void)
{
    return transform_names;
}
const char *const *wn_compare_method_names(void)
{
    return method_names;
}
const char *const *wn_survivor_rule_names(void)
{
    return survivor_names;
}

static int index_of(const char *const *names, int n, const char *name)
{
    for (int i = 0; i < n; i++)
        if (names[i] && strcmp(names[i], name) == 0) return i;
    return -1;
}

const char *wn_normalizer_name(wn_normalizer n)
{
    return (unsigned)n < WN_NORM_COUNT ? normalizer_names[n] : "?";
}
int wn_normalizer_from_name(const char *name)
{
    return index_of(normalizer_names, WN_NORM_COUNT, name);
}
const char *wn_key_transform_name(wn_key_transform t)
{
    return (unsigned)t < WN_KEY_TRANSFORM_COUNT ? transform_names[t] : "?";
}
int wn_key_transform_from_name(const char *name)
{
    return index_of(transform_names, WN_KEY_TRANSFORM_COUNT, name);
}
const char *wn_compare_method_name(wn_compare_method m)
{
    return (unsigned)m < WN_CMP_METHOD_COUNT ? method_names[m] : "?";
}
int wn_compare_method_from_name(const char *name)
{
    return index_of(method_names, WN_CMP_METHOD_COUNT, name);
}
const char *wn_survivor_rule_name(wn_survivor_rule r)
{
    return (unsigned)r < WN_SURV_RULE_COUNT ? survivor_names[r] : "?";
}
int wn_survivor_rule_from_name(const char *name)
{
    return index_of(survivor_names, WN_SURV_RULE_COUNT, name);
}

size_t wn_rules_default_normalizers(wn_field f, uint8_t out[WN_RULES_MAX_NORMALIZERS])
{
    size_t n = 0;
    out[n++] = WN_NORM_TRIM;
    switch (f) {
    case WN_F_FIRST_NAME:
    case WN_F_MIDDLE_NAME:
        out[n++] = WN_NORM_TRANSLIT;
        out[n++] = WN_NORM_PERSON_NAME;
        out[n++] = WN_NORM_NICKNAME;
        break;
    case WN_F_LAST_NAME:
    case WN_F_FULL_NAME:
        out[n++] = WN_NORM_TRANSLIT;
        out[n++] = WN_NORM_PERSON_NAME;
        break;
    case WN_F_EMAIL:
        out[n++] = WN_NORM_EMAIL;
        break;
    case WN_F_PHONE:
    case WN_F_MOBILE:
    case WN_F_FAX:
        out[n++] = WN_NORM_PHONE;
        break;
    case WN_F_POSTAL_CODE:
        out[n++] = WN_NORM_POSTAL;
        break;
    case WN_F_STREET:
    case WN_F_STREET2:
        out[n++] = WN_NORM_TRANSLIT;
        out[n++] = WN_NORM_STREET;
        break;
    case WN_F_COMPANY:
        out[n++] = WN_NORM_TRANSLIT;
        out[n++] = WN_NORM_COMPANY;
        break;
    case WN_F_BIRTH_DATE:
    case WN_F_CREATED:
    case WN_F_MODIFIED:
        out[n++] = WN_NORM_DATE;
        break;
    case WN_F_COUNTRY:
        out[n++] = WN_NORM_COUNTRY;
        break;
    case WN_F_TAX_ID:
    case WN_F_STREET_NUMBER:
        out[n++] = WN_NORM_FOLD;
        break;
    case WN_F_WEBSITE:
        out[n++] = WN_NORM_WEBSITE;
        break;
    case WN_F_CITY:
    case WN_F_STATE:
    case WN_F_SALUTATION:
    case WN_F_NAME_SUFFIX:
    case WN_F_JOB_TITLE:
    case WN_F_GENDER:
    case WN_F_BIRTH_PLACE:
    case WN_F_TEXT1:
    case WN_F_TEXT2:
    case WN_F_TEXT3:
    case WN_F_TEXT4:
        out[n++] = WN_NORM_TRANSLIT;
        out[n++] = WN_NORM_FOLD;
        break;
    default:
        break;
    }
    return n;
}

int wn_rules_load_default(wn_rules **out, wn_error *err)
{
    return wn_rules_load_text(out, NULL, NULL, 0, err);
}

void wn_rules_free(wn_rules *r)
{
    if (!r) return;
    wn_arena_free(&r->arena);
    free(r);
}
