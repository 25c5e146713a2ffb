package dev.kaimono.catalog.product.web;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.kaimono.catalog.product.CategoryCount;
import dev.kaimono.catalog.product.ProductCatalog;

/** {@code GET /api/categories}: every category with active products, and how many, by name. */
@RestController
@RequestMapping("/api/categories")
class CategoryController {

    private final ProductCatalog catalog;

    CategoryController(ProductCatalog catalog) {
        this.catalog = catalog;
    }

    @GetMapping
    List<CategoryCount> categories() {
        return catalog.categories();
    }
}
