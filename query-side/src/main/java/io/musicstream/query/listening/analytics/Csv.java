package io.musicstream.query.listening.analytics;

/** RFC 4180 fields. */
final class Csv {

    private Csv() {
    }

    /** The value, quoted when it holds a comma, a quote or a line break; empty for none. */
    static String field(String value) {
        if (value == null) {
            return "";
        }
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }
}
