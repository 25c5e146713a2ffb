package dev.kaimono.catalog.search;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns product text and search queries into tokens that match by equality, so that search works on
 * every MongoDB wire-protocol server (mongo-java-server has no {@code $text}) and for Japanese, which
 * has no spaces between words. See docs/adr/0008.
 *
 * <p>Text is normalized with Unicode NFKC (full-width {@code ＡＢＣ１} becomes {@code abc1}, half-width
 * {@code ﾗﾃ} becomes {@code ラテ}) and lower-cased; Latin diacritics are folded ({@code café} → {@code cafe}).
 * It is then cut into runs:
 * <ul>
 * <li>a <em>word</em> is a run of letters and digits outside the CJK scripts: the whole word is a token,
 * and so are its letter and digit parts of two or more characters ({@code 500ml} → {@code 500ml},
 * {@code 500}, {@code ml});</li>
 * <li>a <em>CJK run</em> is a run of Han, Hiragana and Katakana: its character bigrams are the tokens
 * ({@code 宇治抹茶} → {@code 宇治 治抹 抹茶}), a single character stands for itself.</li>
 * </ul>
 * The short fields a shopper types part of (name, SKU, categories) also give every prefix of at least
 * {@value #MIN_PREFIX} characters of their words ({@code matcha} → {@code ma mat matc match}) and every
 * single CJK character, so {@code mat} finds "Matcha" and {@code 茶} finds "抹茶ラテ". A query is cut the
 * same way but gives only whole words and bigrams; a product matches when it has all of them.
 */
public final class SearchTokens {

    /** Shortest prefix of a word that is indexed: a one-letter prefix would match nearly everything. */
    public static final int MIN_PREFIX = 2;

    /** Words are cut to this many characters, in products and queries alike, so prefixes stay bounded. */
    public static final int MAX_WORD = 40;

    private static final Pattern DIACRITICS = Pattern.compile("\\p{InCombiningDiacriticalMarks}+");
    private static final Pattern LETTER_DIGIT_BOUNDARY = Pattern.compile("(?<=\\p{L})(?=\\p{N})|(?<=\\p{N})(?=\\p{L})");

    private SearchTokens() {
    }

    /** The tokens stored with a product, sorted. */
    public static List<String> forProduct(String name, String sku, Collection<String> categories, String description) {
        Set<String> tokens = new LinkedHashSet<>();
        List<String> shortFields = new ArrayList<>(categories);
        shortFields.add(name);
        shortFields.add(sku);
        for (String field : shortFields) {
            for (Run run : runs(field)) {
                run.addTo(tokens, true);
            }
        }
        for (Run run : runs(description)) {
            run.addTo(tokens, false);
        }
        return tokens.stream().sorted().toList();
    }

    /** The tokens a product must all have to match the query; empty for a blank query. */
    public static List<String> forQuery(String query) {
        Set<String> tokens = new LinkedHashSet<>();
        for (Run run : runs(query)) {
            run.addQueryTokensTo(tokens);
        }
        return List.copyOf(tokens);
    }

    /** NFKC and lower case: how categories and SKUs are compared too. */
    public static String normalize(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    }

    static List<Run> runs(String text) {
        List<Run> runs = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return runs;
        }
        String normalized = normalize(text);
        StringBuilder current = new StringBuilder();
        Kind currentKind = Kind.SEPARATOR;
        for (int i = 0; i < normalized.length(); ) {
            int codePoint = normalized.codePointAt(i);
            i += Character.charCount(codePoint);
            Kind kind = Kind.of(codePoint);
            if (kind != currentKind && !current.isEmpty()) {
                runs.add(Run.of(currentKind, current.toString()));
                current.setLength(0);
            }
            currentKind = kind;
            if (kind != Kind.SEPARATOR) {
                current.appendCodePoint(codePoint);
            }
        }
        if (!current.isEmpty()) {
            runs.add(Run.of(currentKind, current.toString()));
        }
        return runs;
    }

    enum Kind {
        WORD, CJK, SEPARATOR;

        static Kind of(int codePoint) {
            Character.UnicodeScript script = Character.UnicodeScript.of(codePoint);
            if (script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                    || script == Character.UnicodeScript.KATAKANA || codePoint == '\u30FC') {
                return CJK;
            }
            int type = Character.getType(codePoint);
            if (Character.isLetterOrDigit(codePoint) || type == Character.NON_SPACING_MARK
                    || type == Character.COMBINING_SPACING_MARK) {
                return WORD;
            }
            return SEPARATOR;
        }
    }

    record Run(Kind kind, String text) {

        static Run of(Kind kind, String text) {
            if (kind == Kind.WORD) {
                String folded = Normalizer.normalize(
                        DIACRITICS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll(""), Normalizer.Form.NFC);
                return new Run(kind, truncate(folded));
            }
            return new Run(kind, text);
        }

        void addTo(Set<String> tokens, boolean partial) {
            if (kind == Kind.WORD) {
                tokens.add(text);
                for (String part : LETTER_DIGIT_BOUNDARY.split(text)) {
                    if (part.codePointCount(0, part.length()) >= MIN_PREFIX) {
                        tokens.add(part);
                        if (partial) {
                            addPrefixes(part, tokens);
                        }
                    }
                }
                if (partial) {
                    addPrefixes(text, tokens);
                }
            } else {
                int[] characters = text.codePoints().toArray();
                addBigrams(characters, tokens);
                if (partial || characters.length == 1) {
                    for (int character : characters) {
                        tokens.add(Character.toString(character));
                    }
                }
            }
        }

        void addQueryTokensTo(Set<String> tokens) {
            if (kind == Kind.WORD) {
                tokens.add(text);
            } else {
                int[] characters = text.codePoints().toArray();
                if (characters.length == 1) {
                    tokens.add(text);
                }
                addBigrams(characters, tokens);
            }
        }

        private static void addPrefixes(String word, Set<String> tokens) {
            int[] characters = word.codePoints().toArray();
            for (int length = MIN_PREFIX; length < characters.length; length++) {
                tokens.add(new String(characters, 0, length));
            }
        }

        private static void addBigrams(int[] characters, Set<String> tokens) {
            for (int i = 0; i + 1 < characters.length; i++) {
                tokens.add(new String(characters, i, 2));
            }
        }

        private static String truncate(String word) {
            int[] characters = word.codePoints().toArray();
            return characters.length <= MAX_WORD ? word : new String(characters, 0, MAX_WORD);
        }
    }
}
