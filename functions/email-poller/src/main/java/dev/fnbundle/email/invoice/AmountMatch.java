package dev.fnbundle.email.invoice;

/**
 * One amount found in a text.
 *
 * @param start          index of the first character of the match (currency marker included)
 * @param end            index after the last character of the match
 * @param money          the value; its currency is null when no marker is next to the number
 * @param currencyMarked whether a currency symbol or code is next to the number
 */
record AmountMatch(int start, int end, Money money, boolean currencyMarked) {
}
