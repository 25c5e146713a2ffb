package dev.kaimono.catalog.review;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.springframework.data.domain.Page;

import dev.kaimono.catalog.outbox.MongoOutbox;
import dev.kaimono.catalog.outbox.PendingEvent;
import dev.kaimono.catalog.product.ProductCatalog;
import dev.kaimono.events.ReviewEdited;
import dev.kaimono.events.ReviewPosted;
import dev.kaimono.events.ReviewRemoved;

/**
 * The reviews' use cases. A shopper reviews a product they received once, then edits or deletes that review; an
 * administrator hides one. Each change is stored with its {@code catalog.review-*} event in one write, then the
 * product's rating is counted again from its shown reviews. A change that changes nothing stores and publishes nothing.
 *
 * <p>If the process stops between a review's write and the recount, the product shows the previous rating until its
 * next review changes (the review and its event are stored either way).
 */
public class ReviewService {

    private final Reviews reviews;
    private final Purchases purchases;
    private final ProductCatalog catalog;
    private final MongoOutbox outbox;
    private final Clock clock;

    ReviewService(Reviews reviews, Purchases purchases, ProductCatalog catalog, MongoOutbox outbox, Clock clock) {
        this.reviews = reviews;
        this.purchases = purchases;
        this.catalog = catalog;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * Posts the shopper's review of a product they received; after they deleted one, the new one takes its place.
     *
     * @throws NotAVerifiedBuyerException if no order of theirs with the product was delivered
     * @throws AlreadyReviewedException if they have a review of it (shown or hidden)
     */
    public Review post(UUID customerId, UUID productId, int rating, String text) {
        Review.check(rating, text);
        catalog.product(productId);
        if (!purchases.received(customerId, productId)) {
            throw new NotAVerifiedBuyerException(productId);
        }
        Instant now = now();
        Review posted = reviews.byAuthor(productId, customerId).map(earlier -> {
            if (earlier.state() != ReviewState.WITHDRAWN) {
                throw new AlreadyReviewedException(productId, earlier.id());
            }
            Review again = earlier.rewritten(rating, text, ReviewState.SHOWN, now);
            reviews.update(again, List.of(postedEvent(again)));
            return again;
        }).orElseGet(() -> {
            Review first = new Review(UUID.randomUUID(), productId, customerId, rating, text, ReviewState.SHOWN, 1, now, now);
            reviews.add(first, List.of(postedEvent(first)));
            return first;
        });
        recount(productId);
        return posted;
    }

    /**
     * Changes the rating and text of the shopper's own shown review.
     *
     * @throws ReviewNotFoundException if it is not shown
     * @throws NotReviewAuthorException if it is someone else's
     */
    public Review edit(UUID customerId, UUID reviewId, int rating, String text) {
        Review.check(rating, text);
        Review current = ownShown(customerId, reviewId);
        Review edited = current.rewritten(rating, text, ReviewState.SHOWN, now());
        if (edited.rating() == current.rating() && edited.text().equals(current.text())) {
            return current;
        }
        reviews.update(edited, List.of(outbox.entry(ReviewEdited.TYPE, reviewId.toString(), new ReviewEdited(reviewId,
                edited.productId(), customerId, edited.rating(), edited.text()))));
        recount(edited.productId());
        return edited;
    }

    /**
     * Deletes the shopper's own review; deleting it again changes nothing.
     *
     * @throws ReviewNotFoundException if there is no such review, or an administrator hid it
     * @throws NotReviewAuthorException if it is someone else's
     */
    public void withdraw(UUID customerId, UUID reviewId) {
        Review current = reviews.byId(reviewId).filter(review -> review.state() != ReviewState.HIDDEN)
                .orElseThrow(() -> new ReviewNotFoundException(reviewId));
        if (!current.customerId().equals(customerId)) {
            throw new NotReviewAuthorException(reviewId);
        }
        if (current.shown()) {
            remove(current, ReviewState.WITHDRAWN);
        }
    }

    /**
     * Hides a review from everyone (an administrator's decision); hiding it again, or a deleted one, changes nothing.
     *
     * @throws ReviewNotFoundException if there is no such review
     */
    public void hide(UUID reviewId) {
        Review current = reviews.byId(reviewId).orElseThrow(() -> new ReviewNotFoundException(reviewId));
        if (current.shown()) {
            remove(current, ReviewState.HIDDEN);
        }
    }

    /** A shown review. */
    public Review review(UUID reviewId) {
        return reviews.byId(reviewId).filter(Review::shown).orElseThrow(() -> new ReviewNotFoundException(reviewId));
    }

    /** A page of a product's shown reviews, newest first; a product that does not exist is answered as such. */
    public Page<Review> reviewsOf(UUID productId, int page, int size) {
        catalog.product(productId);
        return reviews.shown(productId, page, size);
    }

    private Review ownShown(UUID customerId, UUID reviewId) {
        Review current = review(reviewId);
        if (!current.customerId().equals(customerId)) {
            throw new NotReviewAuthorException(reviewId);
        }
        return current;
    }

    private void remove(Review current, ReviewState state) {
        Review removed = current.rewritten(current.rating(), current.text(), state, now());
        reviews.update(removed, List.of(outbox.entry(ReviewRemoved.TYPE, current.id().toString(),
                new ReviewRemoved(current.id(), current.productId(), current.customerId(), state.name()))));
        recount(current.productId());
    }

    private PendingEvent postedEvent(Review review) {
        return outbox.entry(ReviewPosted.TYPE, review.id().toString(), new ReviewPosted(review.id(), review.productId(),
                review.customerId(), review.rating(), review.text()));
    }

    private void recount(UUID productId) {
        catalog.recountRating(productId, () -> reviews.tally(productId));
    }

    private Instant now() {
        // MongoDB stores milliseconds: what is returned is what a later read returns.
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
