package dev.kaimono.catalog.product.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.kaimono.catalog.product.FieldProblem;
import dev.kaimono.catalog.product.InvalidFieldsException;
import dev.kaimono.catalog.product.Product;
import dev.kaimono.catalog.product.ProductCatalog;
import dev.kaimono.catalog.product.ProductQuery;
import dev.kaimono.catalog.product.ProductSort;

/**
 * {@code /api/products}: search, read and batch read for anyone; add, update (optimistic, by version or
 * {@code If-Match}) and discontinue for administrators. Responses carry the product's version as ETag (with the rating's
 * revision once it has reviews).
 */
@RestController
@RequestMapping("/api/products")
class ProductController {

    static final int MAX_BATCH = 100;
    private static final String SORT = "\\s*(name|price|createdAt|rating)\\s*(,\\s*(?i:asc|desc)\\s*)?";

    private final ProductCatalog catalog;

    ProductController(ProductCatalog catalog) {
        this.catalog = catalog;
    }

    @GetMapping
    ProductPageResponse search(
            @RequestParam(required = false) @Size(max = 200) String q,
            @RequestParam(required = false) @Size(max = 64) String category,
            @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(ProductQuery.MAX_SIZE) int size,
            @RequestParam(defaultValue = "name,asc")
            @Pattern(regexp = SORT, message = "must be name, price, createdAt or rating, optionally followed by ,asc or ,desc")
            String sort) {
        ProductSort order = ProductSort.parse(sort).orElseThrow();
        return ProductPageResponse.of(catalog.search(new ProductQuery(q, category, order, page, size)));
    }

    @GetMapping("/{id}")
    ResponseEntity<ProductResponse> product(@PathVariable UUID id) {
        return ok(catalog.product(id));
    }

    /** For other services (order-service's price snapshot): the products that exist, whatever their status. */
    @GetMapping("/batch")
    List<ProductResponse> batch(@RequestParam @NotEmpty @Size(max = MAX_BATCH) List<String> ids) {
        List<UUID> productIds = new ArrayList<>();
        for (String id : ids) {
            productIds.add(uuid(id).orElseThrow(() -> new InvalidFieldsException(
                    List.of(new FieldProblem("ids", "must be product ids (UUIDs), not '" + id + "'")))));
        }
        return catalog.products(productIds).stream().map(ProductResponse::of).toList();
    }

    @PostMapping
    ResponseEntity<ProductResponse> add(@Valid @RequestBody ProductRequest request) {
        Product product = catalog.add(request.content());
        return ResponseEntity.created(URI.create("/api/products/" + product.id()))
                .eTag(eTag(product))
                .body(ProductResponse.of(product));
    }

    @PutMapping("/{id}")
    ResponseEntity<ProductResponse> update(@PathVariable UUID id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch, @Valid @RequestBody ProductRequest request) {
        long expectedVersion = expectedVersion(ifMatch, request.version());
        return ok(catalog.update(id, expectedVersion, request.content()));
    }

    @PostMapping("/{id}/discontinue")
    ResponseEntity<ProductResponse> discontinue(@PathVariable UUID id) {
        return ok(catalog.discontinue(id));
    }

    private static ResponseEntity<ProductResponse> ok(Product product) {
        return ResponseEntity.ok().eTag(eTag(product)).body(ProductResponse.of(product));
    }

    /**
     * The version, and after the first review also the rating's revision ({@code "3.12"}): a new rating changes the
     * representation without changing the version. {@code If-Match} compares only the version, because the rating is
     * not what an administrator changes.
     */
    private static String eTag(Product product) {
        long ratingRevision = product.rating().revision();
        return ratingRevision == 0 ? Long.toString(product.version()) : product.version() + "." + ratingRevision;
    }

    /** The version a change is based on: {@code If-Match: "3"} or {@code "version": 3} (both must agree). */
    private static long expectedVersion(String ifMatch, Long bodyVersion) {
        if (ifMatch == null || ifMatch.isBlank()) {
            if (bodyVersion == null) {
                throw new InvalidFieldsException(List.of(new FieldProblem("version",
                        "is required: send the version you are changing, or an If-Match header")));
            }
            return bodyVersion;
        }
        String tag = ifMatch.strip();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        tag = tag.replace("\"", "");
        int rating = tag.indexOf('.');
        if (rating >= 0) {
            tag = tag.substring(0, rating);
        }
        long headerVersion;
        try {
            headerVersion = Long.parseLong(tag);
        } catch (NumberFormatException e) {
            throw new InvalidFieldsException(List.of(new FieldProblem("If-Match", "must be the product's ETag, e.g. \"3\"")));
        }
        if (bodyVersion != null && bodyVersion != headerVersion) {
            throw new InvalidFieldsException(List.of(new FieldProblem("version", "differs from If-Match")));
        }
        return headerVersion;
    }

    /** The UUID a text spells, if it spells one (a batch lookup names the id it cannot read). */
    private static Optional<UUID> uuid(String text) {
        try {
            return Optional.of(UUID.fromString(text.strip()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
