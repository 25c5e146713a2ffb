package dev.kaimono.catalog.review.web;

import java.util.List;

import org.springframework.data.domain.Page;

import dev.kaimono.catalog.review.Review;

/** One page of a product's reviews, newest first: {@code page} counts from 0. */
record ReviewPageResponse(List<ReviewResponse> content, int page, int size, long totalElements, int totalPages) {

    static ReviewPageResponse of(Page<Review> page) {
        return new ReviewPageResponse(page.getContent().stream().map(ReviewResponse::of).toList(), page.getNumber(),
                page.getSize(), page.getTotalElements(), page.getTotalPages());
    }
}
