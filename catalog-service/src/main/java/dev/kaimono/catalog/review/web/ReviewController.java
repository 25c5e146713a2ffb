package dev.kaimono.catalog.review.web;

import java.net.URI;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.kaimono.catalog.review.Review;
import dev.kaimono.catalog.review.ReviewService;

/**
 * Reviews: anyone reads a product's shown reviews ({@code GET /api/products/{id}/reviews}) or one review; a shopper
 * posts a review of a product they received and edits or deletes their own; an administrator hides one.
 */
@RestController
class ReviewController {

    private final ReviewService reviews;

    ReviewController(ReviewService reviews) {
        this.reviews = reviews;
    }

    @GetMapping("/api/products/{productId}/reviews")
    ReviewPageResponse reviewsOf(@PathVariable UUID productId,
            @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return ReviewPageResponse.of(reviews.reviewsOf(productId, page, size));
    }

    @GetMapping("/api/reviews/{id}")
    ReviewResponse review(@PathVariable UUID id) {
        return ReviewResponse.of(reviews.review(id));
    }

    @PostMapping("/api/reviews")
    ResponseEntity<ReviewResponse> post(@Valid @RequestBody ReviewRequest request, Authentication authentication) {
        Review review = reviews.post(customer(authentication), request.productId(), request.rating(), request.text());
        return ResponseEntity.created(URI.create("/api/reviews/" + review.id())).body(ReviewResponse.of(review));
    }

    @PutMapping("/api/reviews/{id}")
    ReviewResponse edit(@PathVariable UUID id, @Valid @RequestBody ReviewEdit request, Authentication authentication) {
        return ReviewResponse.of(reviews.edit(customer(authentication), id, request.rating(), request.text()));
    }

    @DeleteMapping("/api/reviews/{id}")
    ResponseEntity<Void> withdraw(@PathVariable UUID id, Authentication authentication) {
        reviews.withdraw(customer(authentication), id);
        return ResponseEntity.noContent().build();
    }

    /** Hides a review from everyone; its author cannot show it again, nor review the product anew. */
    @PostMapping("/api/admin/catalog/reviews/{id}/hide")
    ResponseEntity<Void> hide(@PathVariable UUID id) {
        reviews.hide(id);
        return ResponseEntity.noContent().build();
    }

    /** The token's subject is the shopper's account id. */
    private static UUID customer(Authentication authentication) {
        try {
            return UUID.fromString(authentication.getName());
        } catch (IllegalArgumentException notAnAccount) {
            throw new AccessDeniedException("The token's subject is not a shopper's account id");
        }
    }
}
