/**
 * Search without MongoDB's {@code $text}: text is turned into normalized tokens (Latin words and their
 * prefixes, CJK character bigrams) that are stored with a product and matched with {@code $all}.
 */
package dev.kaimono.catalog.search;
