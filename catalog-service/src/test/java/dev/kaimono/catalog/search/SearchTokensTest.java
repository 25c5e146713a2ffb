package dev.kaimono.catalog.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class SearchTokensTest {

    @Test
    void latinWordsAreLowerCasedAndSplitOnPunctuation() {
        assertThat(SearchTokens.forQuery("Organic  MATCHA, Latte!")).containsExactly("organic", "matcha", "latte");
    }

    @Test
    void productNamesAlsoGiveEveryPrefixOfAtLeastTwoCharacters() {
        List<String> tokens = SearchTokens.forProduct("Matcha", "T-1", List.of(), "");

        assertThat(tokens).contains("ma", "mat", "matc", "match", "matcha").doesNotContain("m");
    }

    @Test
    void aPrefixQueryMatchesTheNameItBegins() {
        List<String> product = SearchTokens.forProduct("Uji Matcha Latte", "TEA-1", List.of("tea"), "");

        assertThat(product).containsAll(SearchTokens.forQuery("mat lat"));
        assertThat(product).doesNotContainAnyElementsOf(SearchTokens.forQuery("atch"));
    }

    @Test
    void descriptionsGiveWholeWordsButNoPrefixes() {
        List<String> tokens = SearchTokens.forProduct("Tea", "T-1", List.of(), "Stoneground ceremonial grade");

        assertThat(tokens).contains("stoneground", "ceremonial", "grade").doesNotContain("stone", "cer");
    }

    @Test
    void digitsAreWordsAndMixedWordsAlsoGiveTheirLetterAndDigitParts() {
        List<String> tokens = SearchTokens.forProduct("Green tea 500ml", "GT-500", List.of(), "2024 harvest");

        assertThat(tokens).contains("500ml", "500", "ml", "50", "gt", "2024", "harvest");
        assertThat(SearchTokens.forQuery("500ml")).containsExactly("500ml");
    }

    @Test
    void singleCharacterPartsOfMixedWordsAreNotTokens() {
        assertThat(SearchTokens.forProduct("Cup", "A1B2", List.of(), "")).doesNotContain("a", "1", "b", "2")
                .contains("a1b2", "a1", "a1b");
    }

    @Test
    void fullWidthLatinAndDigitsBecomeHalfWidth() {
        assertThat(SearchTokens.forQuery("ＭＡＴＣＨＡ　１２３")).containsExactly("matcha", "123");
    }

    @Test
    void halfWidthKatakanaBecomesFullWidth() {
        assertThat(SearchTokens.forQuery("ﾗﾃ")).containsExactly("ラテ");
        assertThat(SearchTokens.forQuery("ｶﾞﾗｽ")).containsExactly("ガラ", "ラス");
    }

    @Test
    void latinDiacriticsAreFolded() {
        assertThat(SearchTokens.forQuery("Café Crème")).containsExactly("cafe", "creme");
    }

    @Test
    void japaneseRunsBecomeCharacterBigrams() {
        assertThat(SearchTokens.forQuery("宇治抹茶ラテ")).containsExactly("宇治", "治抹", "抹茶", "茶ラ", "ラテ");
    }

    @Test
    void aJapaneseSubstringFindsTheProductThatContainsIt() {
        List<String> product = SearchTokens.forProduct("宇治抹茶ラテ", "TEA-2", List.of("お茶"), "");

        assertThat(product).containsAll(SearchTokens.forQuery("抹茶"));
        assertThat(product).containsAll(SearchTokens.forQuery("抹茶ラテ"));
        assertThat(product).doesNotContainAnyElementsOf(SearchTokens.forQuery("緑茶"));
    }

    @Test
    void aSingleJapaneseCharacterIsItsOwnTokenAndNamesIndexEveryCharacter() {
        List<String> product = SearchTokens.forProduct("抹茶ラテ", "TEA-3", List.of(), "");

        assertThat(SearchTokens.forQuery("茶")).containsExactly("茶");
        assertThat(product).contains("抹", "茶", "ラ", "テ");
    }

    @Test
    void descriptionsIndexJapaneseBigramsButNotEverySingleCharacter() {
        List<String> tokens = SearchTokens.forProduct("Tea", "T-1", List.of(), "京都の抹茶");

        assertThat(tokens).contains("京都", "都の", "の抹", "抹茶").doesNotContain("京", "抹");
    }

    @Test
    void prolongedSoundMarkStaysInsideTheKatakanaWord() {
        assertThat(SearchTokens.forQuery("ラーメン")).containsExactly("ラー", "ーメ", "メン");
    }

    @Test
    void mixedLatinAndJapaneseTextGivesBothKindsOfTokens() {
        assertThat(SearchTokens.forQuery("Matcha抹茶 latte")).containsExactly("matcha", "抹茶", "latte");
    }

    @Test
    void skusAndCategoriesAreSearchable() {
        List<String> tokens = SearchTokens.forProduct("Bowl", "KM-CHAWAN-01", List.of("tea ware", "陶器"), "");

        assertThat(tokens).containsAll(SearchTokens.forQuery("chawan 01"));
        assertThat(tokens).containsAll(SearchTokens.forQuery("ware"));
        assertThat(tokens).containsAll(SearchTokens.forQuery("陶器"));
    }

    @Test
    void veryLongWordsAreCutTheSameWayInProductsAndQueries() {
        String word = "a".repeat(60);

        assertThat(SearchTokens.forQuery(word)).containsExactly("a".repeat(SearchTokens.MAX_WORD));
        assertThat(SearchTokens.forProduct(word, "X", List.of(), "")).containsAll(SearchTokens.forQuery(word + "b"));
    }

    @Test
    void blankOrPunctuationOnlyQueriesHaveNoTokens() {
        assertThat(SearchTokens.forQuery("  ")).isEmpty();
        assertThat(SearchTokens.forQuery(null)).isEmpty();
        assertThat(SearchTokens.forQuery("-- !! 、。")).isEmpty();
    }

    @Test
    void productTokensAreDistinctAndSorted() {
        List<String> tokens = SearchTokens.forProduct("tea tea", "TEA", List.of("tea"), "tea");

        assertThat(tokens).containsExactly("te", "tea");
    }
}
