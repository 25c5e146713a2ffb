package dev.kaimono.catalog.review;

/** Whether a review is shown, and if not, who took it away. */
public enum ReviewState {
    SHOWN,
    /** Its author deleted it; they may review the product again. */
    WITHDRAWN,
    /** An administrator hid it; it stays as it was and counts as the author's review of the product. */
    HIDDEN
}
