/*
 * test_postal.c -- postal codes per country, as typed and as spreadsheets
 * mangle them. Codes are those of well-known public addresses (Buckingham
 * Palace SW1A 1AA, Canada Post HQ K1A 0B1, Rijksmuseum 1071 XX, ...), and
 * for every country the table lists, valid and invalid examples.
 */
#include "testutil.h"

#include "postal.h"
#include "table.h"

typedef struct {
    const char *country;
    const char *in;
    wn_norm_status status;
    const char *out;
} postal_case;

static const postal_case cases[] = {
    /* United States */
    {"US", "10001", WN_NORM_OK, "10001"},
    {"US", "10001-1234", WN_NORM_OK, "10001-1234"},
    {"US", "100011234", WN_NORM_OK, "10001-1234"},
    {"US", "10001 1234", WN_NORM_OK, "10001-1234"},
    {"US", "2115", WN_NORM_OK, "02115"}, /* Boston, zero lost to Excel */
    {"us", "2115-1234", WN_NORM_OK, "02115-1234"},
    {"US", "501", WN_NORM_OK, "00501"}, /* Holtsville NY */
    {"US", "  07030 ", WN_NORM_OK, "07030"},
    {"US", "1000", WN_NORM_OK, "01000"},
    {"US", "12", WN_NORM_INVALID, "12"},
    {"US", "123456", WN_NORM_INVALID, "123456"},
    {"US", "1000A", WN_NORM_INVALID, "1000A"},
    /* United Kingdom */
    {"GB", "SW1A 1AA", WN_NORM_OK, "SW1A 1AA"},
    {"GB", "sw1a1aa", WN_NORM_OK, "SW1A 1AA"},
    {"GB", "SW1A  1AA", WN_NORM_OK, "SW1A 1AA"},
    {"GB", "EC1A 1BB", WN_NORM_OK, "EC1A 1BB"},
    {"GB", "W1A 0AX", WN_NORM_OK, "W1A 0AX"},
    {"GB", "M1 1AE", WN_NORM_OK, "M1 1AE"},
    {"GB", "B33 8TH", WN_NORM_OK, "B33 8TH"},
    {"GB", "CR2 6XH", WN_NORM_OK, "CR2 6XH"},
    {"GB", "DN55 1PT", WN_NORM_OK, "DN55 1PT"},
    {"GB", "gir 0aa", WN_NORM_OK, "GIR 0AA"},
    {"GB", "SW1A 1AI", WN_NORM_INVALID, "SW1A 1AI"}, /* I never in the inward code */
    {"GB", "QA1 1AA", WN_NORM_INVALID, "QA1 1AA"},   /* Q never leads */
    {"GB", "W1I 0AX", WN_NORM_INVALID, "W1I 0AX"},   /* I not in A9A position 3 */
    {"GB", "SW1A", WN_NORM_INVALID, "SW1A"},
    {"GB", "12345", WN_NORM_INVALID, "12345"},
    /* Canada */
    {"CA", "K1A 0B1", WN_NORM_OK, "K1A 0B1"},
    {"CA", "k1a0b1", WN_NORM_OK, "K1A 0B1"},
    {"CA", "K1A-0B1", WN_NORM_OK, "K1A 0B1"},
    {"CA", "W1A 0B1", WN_NORM_INVALID, "W1A 0B1"},
    {"CA", "K1O 0B1", WN_NORM_INVALID, "K1O 0B1"},
    /* Five digits */
    {"DE", "10115", WN_NORM_OK, "10115"},
    {"DE", "D-80331", WN_NORM_OK, "80331"},
    {"DE", "1067", WN_NORM_OK, "01067"}, /* Dresden */
    {"DE", "801", WN_NORM_INVALID, "801"},
    {"FR", "75008", WN_NORM_OK, "75008"},
    {"FR", "F-75008", WN_NORM_OK, "75008"},
    {"FR", "75 008", WN_NORM_OK, "75008"},
    {"ES", "28013", WN_NORM_OK, "28013"},
    {"ES", "8001", WN_NORM_OK, "08001"}, /* Barcelona */
    {"ES", "60001", WN_NORM_INVALID, "60001"},
    {"IT", "00184", WN_NORM_OK, "00184"},
    {"IT", "184", WN_NORM_OK, "00184"}, /* Rome */
    {"IT", "I-20121", WN_NORM_OK, "20121"},
    /* Other countries */
    {"IN", "110001", WN_NORM_OK, "110001"},
    {"IN", "110 001", WN_NORM_OK, "110001"},
    {"IN", "011001", WN_NORM_INVALID, "011001"},
    {"AU", "2000", WN_NORM_OK, "2000"},
    {"AU", "800", WN_NORM_OK, "0800"}, /* Darwin */
    {"AT", "A-1010", WN_NORM_OK, "1010"},
    {"CH", "CH-8001", WN_NORM_OK, "8001"},
    {"CH", "0800", WN_NORM_INVALID, "0800"},
    {"BE", "1000", WN_NORM_OK, "1000"},
    {"DK", "DK-2100", WN_NORM_OK, "2100"},
    {"NO", "0150", WN_NORM_OK, "0150"},
    {"NO", "150", WN_NORM_OK, "0150"},
    {"NL", "1071 XX", WN_NORM_OK, "1071 XX"},
    {"NL", "1071xx", WN_NORM_OK, "1071 XX"},
    {"NL", "NL-1071 XX", WN_NORM_OK, "1071 XX"},
    {"NL", "1071 SS", WN_NORM_INVALID, "1071 SS"},
    {"NL", "0171 XX", WN_NORM_INVALID, "0171 XX"},
    {"NL", "1071", WN_NORM_INVALID, "1071"},
    {"JP", "100-0001", WN_NORM_OK, "100-0001"},
    {"JP", "1000001", WN_NORM_OK, "100-0001"},
    {"JP",
     "\xe3\x80\x92"
     "100-0001",
     WN_NORM_OK, "100-0001"},
    {"BR", "01310-100", WN_NORM_OK, "01310-100"},
    {"BR", "01310100", WN_NORM_OK, "01310-100"},
    {"BR", "1310100", WN_NORM_OK, "01310-100"}, /* São Paulo, zero lost */
    {"PL", "00-950", WN_NORM_OK, "00-950"},
    {"PL", "00950", WN_NORM_OK, "00-950"},
    {"SE", "111 52", WN_NORM_OK, "111 52"},
    {"SE", "S-11152", WN_NORM_OK, "111 52"},
    {"PT", "1100-148", WN_NORM_OK, "1100-148"},
    {"IE", "D02 X285", WN_NORM_OK, "D02 X285"},
    {"IE", "d6w1234", WN_NORM_OK, "D6W 1234"},
    {"IE", "D02 B285", WN_NORM_INVALID, "D02 B285"},
    {"CZ", "110 00", WN_NORM_OK, "110 00"},
    {"FI", "100", WN_NORM_OK, "00100"},    /* Helsinki */
    {"LV", "1073", WN_NORM_OK, "LV-1073"}, /* the country's prefix is part of the code */
    {"LV", "lv 1073", WN_NORM_OK, "LV-1073"},
    {"KY", "ky11100", WN_NORM_OK, "KY1-1100"},
    {"HT", "HT6120", WN_NORM_OK, "6120"}, /* the country's code run into the digits */
    {"OM", "PC 133", WN_NORM_OK, "133"},
    {"CA", "D1A 0B1", WN_NORM_INVALID, "D1A 0B1"},
    {"GB", "bfpo 61", WN_NORM_OK, "BFPO 61"},
    {"GG", "gy101aa", WN_NORM_OK, "GY10 1AA"},
    {"MT", "vlt1117", WN_NORM_OK, "VLT 1117"},
    {"AR", "c1070aam", WN_NORM_OK, "C1070AAM"},
    /* Unknown or unlisted country */
    {NULL, "sw1a 1aa", WN_NORM_OK, "SW1A 1AA"},
    {"", " 12345 ", WN_NORM_OK, "12345"},
    {"XX", "ab   12-3", WN_NORM_OK, "AB 12-3"},
    {"KE", "00100", WN_NORM_OK, "00100"},
    {NULL, "1", WN_NORM_INVALID, "1"},
    {NULL, "12345678901", WN_NORM_INVALID, "12345678901"},
    {NULL, "n/a", WN_NORM_INVALID, "N/A"},
    {NULL, "-12345", WN_NORM_INVALID, "-12345"},
    {NULL, "", WN_NORM_EMPTY, ""},
    {NULL, " - ", WN_NORM_EMPTY, "-"},
    {"US", "   ", WN_NORM_EMPTY, ""},
    {"US", "--", WN_NORM_EMPTY, ""},
    {"GB", "SW1A 1AA!", WN_NORM_INVALID, "SW1A 1AA!"},
};

/* Every country of rules/data/postal_formats.csv: codes its postal operator
 * issues (where libaddressinput's address metadata gives examples, those)
 * and codes it cannot issue, '|'-separated. */
typedef struct {
    const char *country;
    const char *valid;
    const char *invalid;
} country_examples;

static const country_examples examples[] = {
    {"AC", "ASCN 1ZZ", "ASCN 2ZZ"},
    {"AD", "AD100|AD501|AD700|500", "AD800|AD110"},
    {"AF", "1001|2601|3801", "100|10011"},
    {"AI", "AI-2640|2640", "2650"},
    {"AL", "1001|1017|3501", "100"},
    {"AM", "375010|0002|0010", "00021"},
    {"AQ", "BIQQ 1ZZ", "BIQQ 2ZZ"},
    {"AR", "C1070AAM|C1000WAM|B1000TBU|X5187XAB|1425", "I1000AAA|C1070AA"},
    {"AS", "96799|96799-1234", "96798"},
    {"AT", "1010|3741", "0100|10100"},
    {"AU", "2060|3171|6430|4000|4006|3001|800", "20600"},
    {"AX", "22100|AX-22550", "23100"},
    {"AZ", "1000|AZ 1000", "100"},
    {"BA", "71000", "7100"},
    {"BB", "BB23026|BB22025|23026", "BB2302"},
    {"BD", "1340|1000", "13400"},
    {"BE", "4000|1000", "0400|10000"},
    {"BG", "1000|1700", "100"},
    {"BH", "317|1216", "1316|31"},
    {"BL", "97133", "97134"},
    {"BM", "HM 12|HM BX", "HM 123"},
    {"BN", "BT2328|KA1131|BA1511", "B2328"},
    {"BR", "40301-110|70002-900", "4030-11"},
    {"BT", "11001|31101|35003", "1100"},
    {"BY", "223016|225860|220050", "22301"},
    {"CA", "H3Z 2Y7|V8X 3X4|T0L 1K0|T0H 1A0|K1A 0B1", "D3Z 2Y7|H3Z 2O7"},
    {"CC", "6799", "6798"},
    {"CH", "2544|1211|1556|3030", "0800"},
    {"CL", "8340457|8720019|1230000|8329100", "834045"},
    {"CN", "266033|317204|100096|100808", "26603"},
    {"CO", "111221|130001|760011", "11122"},
    {"CR", "1000|2010|1001|10101", "100"},
    {"CU", "10700", "1070"},
    {"CV", "7600", "760"},
    {"CX", "6798", "6799"},
    {"CY", "2008|3304|1900", "200"},
    {"CZ", "100 00|251 66|530 87|110 00|225 99", "100 0"},
    {"DE", "26133|53225", "2613A"},
    {"DK", "8660|1566", "0800"},
    {"DO", "11903|10101", "1190"},
    {"DZ", "40304|16027", "4030"},
    {"EC", "170150", "17015"},
    {"EE", "69501|11212", "6950"},
    {"EG", "12411|11511|42523", "1241"},
    {"ES", "28039|28300|28070", "53000|00100"},
    {"ET", "1000|4000|8000", "100"},
    {"FI", "00550|00011", "005500"},
    {"FK", "FIQQ 1ZZ", "FIQQ 1ZY"},
    {"FM", "96941|96944-1234", "96945"},
    {"FO", "100|FO-100", "1000"},
    {"FR", "33380|34092|33506", "3338A"},
    {"GB",
     "EC1Y 8SY|GIR 0AA|M2 5BQ|M34 4AB|CR0 2YR|DN16 9AA|W1A 4ZZ|EC1A 1HQ|OX14 4PG|BS18 8HF|NR25 "
     "7HG|RH6 0NP|BH23 6AA|B6 5BA|SO23 9AP|PO1 3AX|BFPO 61",
     "QA1 1AA|SW1A 1AI"},
    {"GE", "0101|0159", "010"},
    {"GF", "97300", "97400"},
    {"GG", "GY1 1AA|GY10 1AA", "JE1 1AA"},
    {"GI", "GX11 1AA", "GX11 1AB"},
    {"GL", "3900", "3800"},
    {"GP", "97100", "97200"},
    {"GR", "151 24|151 10|101 88", "151 2"},
    {"GS", "SIQQ 1ZZ", "SIQQ 1ZA"},
    {"GT", "01001|09001", "0100"},
    {"GU", "96910|96932-1234", "96940"},
    {"HN", "11101", "1110"},
    {"HR", "10000|21001|10002", "1000"},
    {"HT", "6120|5310|6110|8510|HT6120", "612"},
    {"HU", "1037|2380|1540", "103"},
    {"ID", "40115", "4011"},
    {"IE", "A65 F4E2|D02 X285", "D02 B285"},
    {"IL", "9414300|6525216|61000", "941430"},
    {"IM", "IM1 1AA|IM99 1AB", "IM1 1AI"},
    {"IN", "110034|110001", "011001"},
    {"IO", "BBND 1ZZ", "BBND 1AA"},
    {"IQ", "10001", "1000"},
    {"IR", "11369-95111|1136995111", "11369-9511"},
    {"IS", "320|121|220|110", "3200"},
    {"IT", "00144|47042|39049", "4704A"},
    {"JE", "JE2 3AB", "GY2 3AB"},
    {"JO", "11937|11118", "1193"},
    {"JP", "154-0023|350-1106|951-8073|112-0001|208-0032|231-0012", "154-00"},
    {"KE", "20100|00100", "2010"},
    {"KG", "720001", "72000"},
    {"KH", "120101|12000", "1200"},
    {"KR", "03051|06236", "0305A"},
    {"KW", "54541|32001", "5454"},
    {"KY", "KY1-1100|KY2-2001", "KY1-110"},
    {"KZ", "050000|080000|A10A0A0", "05000"},
    {"LA", "01000", "0100"},
    {"LB", "2038 3054|1107 2810|1107", "110"},
    {"LI", "9496|9491|9485", "9499|9484"},
    {"LK", "20000|00100", "2000"},
    {"LR", "1000", "100"},
    {"LS", "100", "1000"},
    {"LT", "04340|LT-04340", "0434"},
    {"LU", "4750|2998|L-4750", "475"},
    {"LV", "LV-1073|LV-1000|1073", "LV-107"},
    {"MA", "53000|10000|20050", "5300"},
    {"MC", "98000|98020|98011|98001", "98100"},
    {"MD", "MD-2012|2012", "201"},
    {"ME", "81257|81258|81206", "71257"},
    {"MF", "97150", "97151"},
    {"MG", "501|101", "5010"},
    {"MH", "96960|96970-1234", "96980"},
    {"MK", "1060|1000|1001", "106"},
    {"MM", "11181", "1118"},
    {"MN", "65030|83110", "6503"},
    {"MP", "96950|96952-1234", "96953"},
    {"MQ", "97200", "97300"},
    {"MT", "NXR 01|BBR 123|VLT 1117", "NX 01|NXR 12345"},
    {"MU", "42602|40802", "4260"},
    {"MV", "20026|20027", "2002"},
    {"MX", "02860|77520|06082", "0286A"},
    {"MY", "50450|1000", "504500"},
    {"MZ", "1100", "110"},
    {"NC", "98800", "98900"},
    {"NE", "8001", "800"},
    {"NF", "2899", "2898"},
    {"NG", "930283|100001", "93028"},
    {"NI", "11001", "1100"},
    {"NL", "1234 AB|2490 AA|1071 XX", "1071 SA|0171 XX"},
    {"NO", "0025|0107|6631", "66310"},
    {"NP", "44600|33700|00977", "4460"},
    {"NZ", "7999|0101", "79999"},
    {"OM", "133|PC 133|PC 500|PC 905", "1333"},
    {"PE", "15001|15046|15072", "1500"},
    {"PF", "98714", "98814"},
    {"PG", "111", "1111"},
    {"PH", "1008|1050|1135", "100"},
    {"PK", "44000", "4400"},
    {"PL", "00-940|05-470", "00-94"},
    {"PM", "97500", "97501"},
    {"PN", "PCRN 1ZZ", "PCRN 1AA"},
    {"PR", "00601|00907-1234", "00501"},
    {"PT", "2725-079|1250-096|1201-950|2860-571|1208-148", "2725-07"},
    {"PW", "96940", "96941"},
    {"PY", "1536|1537|1209|001001", "153"},
    {"RE", "97400", "97500"},
    {"RO", "060274|061357|200716", "06027A"},
    {"RS", "106314|11000|36201", "1100"},
    {"RU", "247112|103375|188689", "24711|2471120"},
    {"SA", "11564|11187|11564-2345", "1156"},
    {"SD", "11111", "1111"},
    {"SE", "11455|12345|10500|S-11152", "1234|114 555"},
    {"SG", "546080|308125|408600", "54608A"},
    {"SH", "STHL 1ZZ", "STHL 1AA"},
    {"SI", "4000|1001|2500|SI-4000", "400"},
    {"SJ", "8099|9170", "9179"},
    {"SK", "010 01|023 14|972 48|921 01|010 67", "10 01|A10 01"},
    {"SM", "47890|47891|47899", "47880"},
    {"SN", "12500", "1250"},
    {"SZ", "H100|L300", "A100"},
    {"TA", "TDCU 1ZZ", "TDCU 1AA"},
    {"TC", "TKCA 1ZZ", "TKCA 1AA"},
    {"TH", "10200", "1020"},
    {"TJ", "735450|734025", "73545"},
    {"TM", "744000|744001", "74400"},
    {"TN", "1002|8129|3100", "100"},
    {"TR", "01960|06101", "0196A"},
    {"TT", "120110", "12011"},
    {"TW", "104|106|10603|40867|106001", "1060"},
    {"TZ", "6090|34413", "609"},
    {"UA", "15432|01055|01001", "1543A"},
    {"US", "95014|22162-1010|02115", "9501A|950144"},
    {"UY", "11600", "1160"},
    {"UZ", "702100|700000", "70210"},
    {"VA", "00120", "00121"},
    {"VC", "VC0100|VC0110|VC0400", "VC010"},
    {"VE", "1010|3001|8011|1020", "101"},
    {"VG", "VG1110|1110", "VG111"},
    {"VI", "00801|00851-1234", "00861"},
    {"VN", "70010|55999|100000", "7001"},
    {"WF", "98600", "98700"},
    {"XK", "10000", "80000"},
    {"YT", "97600", "97700"},
    {"ZA", "0083|1451|0001", "00830"},
    {"ZM", "50100|50101", "5010"},
};

static const country_examples *examples_of(const char *country)
{
    for (size_t i = 0; i < sizeof examples / sizeof examples[0]; i++)
        if (strcmp(examples[i].country, country) == 0) return &examples[i];
    return NULL;
}

/* Failures among the '|'-separated codes of `list`, expected `want`. */
static size_t check_list(const char *country, const char *list, wn_norm_status want, wn_buf *out)
{
    size_t failures = 0;
    while (*list) {
        size_t len = strcspn(list, "|");
        wn_norm_status st = wn_postal_normalize(list, len, country, out);
        if (st != want) {
            print_error("%s '%.*s': got %d '%s', want %d\n", country, (int)len, list, st,
                        wn_buf_cstr(out), want);
            failures++;
        }
        list += len + (list[len] == '|');
    }
    return failures;
}

static void test_country_examples(void **state)
{
    (void)state;
    wn_buf out = {0};
    size_t failures = 0;
    for (size_t i = 0; i < sizeof examples / sizeof examples[0]; i++) {
        failures += check_list(examples[i].country, examples[i].valid, WN_NORM_OK, &out);
        failures += check_list(examples[i].country, examples[i].invalid, WN_NORM_INVALID, &out);
    }
    wn_buf_free(&out);
    assert_int_equal(failures, 0);
}

/* A country added to the table without examples here fails. */
static void test_every_country_has_examples(void **state)
{
    (void)state;
    wn_table table;
    wn_error err;
    assert_int_equal(wn_table_load_embedded(&table, "data/postal_formats.csv", &err), WN_OK);
    size_t countries = 0;
    for (size_t r = 0; r < table.nrows; r++) {
        const char *country = table.rows[r].fields[0];
        if (strcmp(country, "country") == 0) continue;
        countries++;
        const country_examples *e = examples_of(country);
        if (!e || !e->valid[0] || !e->invalid[0])
            fail_msg("%s: no valid and invalid examples", country);
    }
    assert_int_equal(countries, sizeof examples / sizeof examples[0]);
    wn_table_free(&table);
}

static void test_normalize(void **state)
{
    (void)state;
    wn_buf out = {0};
    size_t failures = 0;
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const postal_case *c = &cases[i];
        wn_norm_status st = wn_postal_normalize(c->in, strlen(c->in), c->country, &out);
        if (st != c->status || strcmp(wn_buf_cstr(&out), c->out) != 0) {
            print_error("%s '%s': got %d '%s', want %d '%s'\n", c->country ? c->country : "-",
                        c->in, st, out.data, c->status, c->out);
            failures++;
        }
    }
    wn_buf_free(&out);
    assert_int_equal(failures, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_normalize),
        cmocka_unit_test(test_country_examples),
        cmocka_unit_test(test_every_country_has_examples),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
