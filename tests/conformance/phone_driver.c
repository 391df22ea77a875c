/*
 * phone_driver.c -- wn_phone_normalize() for the conformance test.
 *
 * Reads lines "REGION<tab>TEXT" from stdin (REGION may be empty: no default
 * region) and writes one line per input: "STATUS<tab>E164<tab>MOBILE", where
 * STATUS is empty, ok, invalid or suspicious, E164 what the normalizer wrote
 * and MOBILE 1 when wn_phone_is_mobile() says so. The comparison with the
 * reference is tests/conformance/phone_reference.py's job; this program only
 * exposes the engine's verdicts, line for line.
 */
#include <stdio.h>
#include <string.h>

#include "phone.h"

static const char *status_name(wn_norm_status st)
{
    switch (st) {
    case WN_NORM_EMPTY:
        return "empty";
    case WN_NORM_OK:
        return "ok";
    case WN_NORM_INVALID:
        return "invalid";
    case WN_NORM_SUSPICIOUS:
        return "suspicious";
    }
    return "?";
}

int main(void)
{
    char line[4096];
    wn_buf e164 = {0}, ext = {0};
    while (fgets(line, sizeof line, stdin)) {
        line[strcspn(line, "\r\n")] = '\0';
        char *tab = strchr(line, '\t');
        if (!tab) {
            fprintf(stderr, "phone_driver: no tab in line '%s'\n", line);
            return 2;
        }
        *tab = '\0';
        const char *text = tab + 1;
        wn_norm_status st = wn_phone_normalize(text, strlen(text), line, &e164, &ext);
        bool mobile = st == WN_NORM_OK && wn_phone_is_mobile(e164.data, e164.len);
        printf("%s\t%s\t%d\n", status_name(st), wn_buf_cstr(&e164), mobile);
    }
    wn_buf_free(&e164);
    wn_buf_free(&ext);
    return ferror(stdin) ? 2 : 0;
}
