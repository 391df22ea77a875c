/*
 * json.c -- streaming JSON writer; see winnow.h (wn_json).
 *
 * `has_items[depth]` says whether the container being written already has an
 * item, i.e. whether the next one needs a comma. A value written right after a
 * key belongs to that key and takes neither comma nor newline.
 */
#include "winnow.h"

#include <inttypes.h>
#include <math.h>
#include <string.h>

void wn_json_init(wn_json *j, FILE *fp)
{
    memset(j, 0, sizeof *j);
    j->fp = fp;
}

static void newline_indent(wn_json *j)
{
    fputc('\n', j->fp);
    for (int i = 0; i < j->depth; i++)
        fputs("  ", j->fp);
}

/* Everything before a value or a key: comma, newline, indentation. */
static void before_item(wn_json *j)
{
    if (j->after_key) {
        j->after_key = false;
        return;
    }
    if (j->depth == 0) return;
    if (j->has_items[j->depth]) fputc(',', j->fp);
    j->has_items[j->depth] = true;
    newline_indent(j);
}

static void open_container(wn_json *j, char c)
{
    before_item(j);
    fputc(c, j->fp);
    if (j->depth + 1 < WN_JSON_MAX_DEPTH) j->depth++;
    j->has_items[j->depth] = false;
}

static void close_container(wn_json *j, char c)
{
    bool had_items = j->has_items[j->depth];
    if (j->depth > 0) j->depth--;
    if (had_items) newline_indent(j);
    fputc(c, j->fp);
}

void wn_json_object_begin(wn_json *j)
{
    open_container(j, '{');
}

void wn_json_object_end(wn_json *j)
{
    close_container(j, '}');
}

void wn_json_array_begin(wn_json *j)
{
    open_container(j, '[');
}

void wn_json_array_end(wn_json *j)
{
    close_container(j, ']');
}

static void put_string(wn_json *j, const char *s, size_t len)
{
    fputc('"', j->fp);
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        switch (c) {
        case '"':
            fputs("\\\"", j->fp);
            break;
        case '\\':
            fputs("\\\\", j->fp);
            break;
        case '\n':
            fputs("\\n", j->fp);
            break;
        case '\r':
            fputs("\\r", j->fp);
            break;
        case '\t':
            fputs("\\t", j->fp);
            break;
        default:
            if (c < 0x20)
                fprintf(j->fp, "\\u%04x", c);
            else
                fputc(c, j->fp);
        }
    }
    fputc('"', j->fp);
}

void wn_json_key(wn_json *j, const char *key)
{
    before_item(j);
    put_string(j, key, strlen(key));
    fputs(": ", j->fp);
    j->after_key = true;
}

void wn_json_strn(wn_json *j, const char *s, size_t len)
{
    before_item(j);
    put_string(j, s, len);
}

void wn_json_str(wn_json *j, const char *s)
{
    if (!s) {
        wn_json_null(j);
        return;
    }
    wn_json_strn(j, s, strlen(s));
}

void wn_json_u64(wn_json *j, uint64_t v)
{
    before_item(j);
    fprintf(j->fp, "%" PRIu64, v);
}

void wn_json_i64(wn_json *j, int64_t v)
{
    before_item(j);
    fprintf(j->fp, "%" PRId64, v);
}

void wn_json_double(wn_json *j, double v)
{
    before_item(j);
    if (!isfinite(v))
        fputs("null", j->fp); /* JSON has no NaN or infinity */
    else
        fprintf(j->fp, "%.10g", v);
}

void wn_json_bool(wn_json *j, bool v)
{
    before_item(j);
    fputs(v ? "true" : "false", j->fp);
}

void wn_json_null(wn_json *j)
{
    before_item(j);
    fputs("null", j->fp);
}

void wn_json_finish(wn_json *j)
{
    fputc('\n', j->fp);
}
