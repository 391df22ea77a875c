#!/usr/bin/awk -f
# Prints every cell of a CSV file on a line of its own, unquoted ("" -> ")
# and with embedded newlines shown as \n, so tests can grep what a
# spreadsheet would see at the start of each cell.
BEGIN { cell = ""; inq = 0; started = 0 }
{
    line = $0
    if (inq) cell = cell "\\n"
    for (i = 1; i <= length(line); i++) {
        c = substr(line, i, 1)
        if (inq) {
            if (c == "\"") {
                if (substr(line, i + 1, 1) == "\"") { cell = cell "\""; i++ }
                else inq = 0
            } else cell = cell c
        } else if (c == "\"" && cell == "") {
            inq = 1
        } else if (c == ",") {
            print cell; cell = ""
        } else cell = cell c
    }
    if (!inq) { print cell; cell = "" }
}
