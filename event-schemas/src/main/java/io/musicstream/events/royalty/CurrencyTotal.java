package io.musicstream.events.royalty;

/** The sum of a statement's lines in one currency: their amounts and their streams. */
public record CurrencyTotal(String currency, long amountMinor, long streams) {
}
