package dev.kaimono.gateway.security;

import java.util.Arrays;
import java.util.List;

import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Who may call what through the gateway (ARCHITECTURE §5): the lists {@link SecurityConfiguration} builds its rules
 * from, and the same decision for one operation, which the API description shows ({@code x-kaimono-access}).
 */
public enum Access {

    /** No token needed. */
    ANYONE,
    /** A valid token of any shopper. */
    SHOPPER,
    /** A valid token with the ADMIN role. */
    ADMIN;

    /**
     * What anyone may read without a token (GET, and HEAD for the same resources). Availability is public as it is
     * in product details; inventory-service shows stock on hand and reservations to administrators only.
     */
    static final String[] PUBLIC_READS = {"/api/products/**", "/api/categories/**", "/api/product-details/**",
            "/api/inventory/**", "/api/reviews/**", "/api/docs/**"};

    /** What anyone may post without a token: registration, login, refresh, and logout (the refresh token is proof). */
    static final String[] PUBLIC_POSTS = {"/api/users", "/api/auth/token", "/api/auth/refresh", "/api/auth/logout"};

    /** Resources only an administrator may change: any method but GET and HEAD needs the ADMIN role. */
    static final String[] ADMIN_RESOURCES = {"/api/products/**", "/api/categories/**", "/api/inventory/**",
            "/api/shipments/**", "/api/admin/**"};

    static final String ADMIN_PATHS = "/api/admin/**";

    private static final List<PathPattern> PUBLIC_READ_PATTERNS = parse(PUBLIC_READS);
    private static final List<PathPattern> PUBLIC_POST_PATTERNS = parse(PUBLIC_POSTS);
    private static final List<PathPattern> ADMIN_RESOURCE_PATTERNS = parse(ADMIN_RESOURCES);
    private static final PathPattern ADMIN_PATH_PATTERN = PathPatternParser.defaultInstance.parse(ADMIN_PATHS);

    /** The access an API path (a template such as {@code /api/orders/{id}} is matched as written) asks for. */
    public static Access of(HttpMethod method, String path) {
        PathContainer container = PathContainer.parsePath(path);
        boolean read = HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method);
        if (HttpMethod.POST.equals(method) && matches(PUBLIC_POST_PATTERNS, container)
                || read && matches(PUBLIC_READ_PATTERNS, container)) {
            return ANYONE;
        }
        if (ADMIN_PATH_PATTERN.matches(container) || !read && matches(ADMIN_RESOURCE_PATTERNS, container)) {
            return ADMIN;
        }
        return SHOPPER;
    }

    private static boolean matches(List<PathPattern> patterns, PathContainer path) {
        return patterns.stream().anyMatch(pattern -> pattern.matches(path));
    }

    private static List<PathPattern> parse(String... patterns) {
        return Arrays.stream(patterns).map(PathPatternParser.defaultInstance::parse).toList();
    }
}
