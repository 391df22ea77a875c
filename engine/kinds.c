/*
 * kinds.c -- column kinds from recognised fields; see kinds.h.
 */
#include "kinds.h"

const char *wn_column_kind_name(int kind)
{
    switch (kind) {
    case WN_KIND_EMAIL:
        return "email";
    case WN_KIND_PHONE:
        return "phone";
    case WN_KIND_DATE:
        return "date";
    default:
        return "text";
    }
}

int wn_kind_of_field(wn_field f)
{
    switch (f) {
    case WN_F_EMAIL:
        return WN_KIND_EMAIL;
    case WN_F_PHONE:
    case WN_F_MOBILE:
    case WN_F_FAX:
        return WN_KIND_PHONE;
    case WN_F_BIRTH_DATE:
    case WN_F_CREATED:
    case WN_F_MODIFIED:
        return WN_KIND_DATE;
    default:
        return WN_KIND_TEXT;
    }
}
