#!/usr/bin/awk -f
# Counts the records (not the lines) of a CSV file, header excluded: a quoted
# cell may hold newlines, so a record ends only at a newline outside quotes.
{
    n = gsub(/"/, "\"")
    quotes += n
    if (quotes % 2 == 0) {
        records++
        quotes = 0
    }
}
END { print records - 1 }
