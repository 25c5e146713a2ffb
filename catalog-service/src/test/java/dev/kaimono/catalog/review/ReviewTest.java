package dev.kaimono.catalog.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.kaimono.catalog.product.FieldProblem;
import dev.kaimono.catalog.product.InvalidFieldsException;

class ReviewTest {

    private static final Instant NOW = Instant.parse("2026-12-06T08:00:00Z");

    @Test
    void theTextIsCountedInCharactersPeopleSeeAndStrippedAndMayBeEmpty() {
        assertThat(review(5, "🍵".repeat(Review.MAX_TEXT)).text()).hasSize(2 * Review.MAX_TEXT);
        assertThat(review(5, "  抹茶  ").text()).isEqualTo("抹茶");
        assertThat(review(1, null).text()).isEmpty();
        assertThatThrownBy(() -> review(5, "抹".repeat(Review.MAX_TEXT + 1))).isInstanceOf(InvalidFieldsException.class);
    }

    @Test
    void aRatingOutOfRangeAndATooLongTextAreNamedTogether() {
        assertThatThrownBy(() -> review(0, "x".repeat(Review.MAX_TEXT + 1)))
                .isInstanceOfSatisfying(InvalidFieldsException.class, refused -> assertThat(refused.problems())
                        .extracting(FieldProblem::field).containsExactly("rating", "text"));
        assertThatThrownBy(() -> review(6, "")).isInstanceOf(InvalidFieldsException.class);
        assertThat(review(1, "").rating()).isEqualTo(1);
        assertThat(review(5, "").rating()).isEqualTo(5);
    }

    @Test
    void aRewriteGrowsTheVersionAndKeepsWhoAndWhen() {
        Review first = review(3, "ok");
        Review edited = first.rewritten(4, "good", ReviewState.SHOWN, NOW.plusSeconds(60));
        assertThat(edited.version()).isEqualTo(2);
        assertThat(edited.createdAt()).isEqualTo(NOW);
        assertThat(edited.updatedAt()).isEqualTo(NOW.plusSeconds(60));
        assertThat(edited.customerId()).isEqualTo(first.customerId());
    }

    private static Review review(int rating, String text) {
        return new Review(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), rating, text, ReviewState.SHOWN, 1, NOW,
                NOW);
    }
}
