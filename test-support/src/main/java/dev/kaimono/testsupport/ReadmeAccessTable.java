package dev.kaimono.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.springframework.http.HttpMethod;

/**
 * The table under "What you can do with it" in the project's README, read as endpoints: who may call what.
 * A cell lists code spans of the form {@code METHOD[/METHOD…] PATH}; a path may hold placeholders
 * ({@code {id}}), sets ({@code {users,catalog}}), alternatives within a segment ({@code dispatch|deliver},
 * escaped as {@code \|} in the table), an optional part ({@code [/{orderId}]}) and a query, and a path that
 * starts with {@code …} continues the last full path. A span of methods alone ({@code HEAD}) is prose.
 */
public final class ReadmeAccessTable {

    public static final Path README = Path.of("..", "README.md");

    /** The value every placeholder ({@code {id}}, {@code {productId}}, …) stands for. */
    public static final String SAMPLE_ID = "5e1ec7ed-0000-4000-8000-000000000001";

    private static final String SECTION = "## What you can do with it";
    private static final Pattern CODE_SPAN = Pattern.compile("`([^`]+)`");
    private static final Pattern ENDPOINT = Pattern.compile("([A-Z]+(?:/[A-Z]+)*)(?: (\\S+))?");
    private static final Pattern OPTIONAL = Pattern.compile("\\[([^\\[\\]]*)]");
    private static final Pattern BRACES = Pattern.compile("\\{([^{}]*)}");

    private ReadmeAccessTable() {
    }

    /** Stands for a placeholder while a path is expanded (a placeholder written {@code {}} would be expanded again). */
    private static final String PENDING = "\u0000";

    /** What {@link #templates(String)} writes for every placeholder. */
    public static final String PLACEHOLDER = "{}";

    /** One request: a method and a path, concrete or a template. */
    public record Endpoint(HttpMethod method, String path) {

        @Override
        public String toString() {
            return method.name() + " " + path;
        }
    }

    /**
     * The endpoints of one row, and the code spans in it that are neither an endpoint nor a list of methods.
     */
    public record Row(List<Endpoint> endpoints, List<String> unreadable) {
    }

    /** The row of the README's table whose first cell is {@code who}, each placeholder as {@link #SAMPLE_ID}. */
    public static Row row(String who) {
        return parse(cell(readme(), who));
    }

    /** The row whose first cell is {@code who} as path templates: each placeholder as {@link #PLACEHOLDER}. */
    public static Row templates(String who) {
        return parse(cell(readme(), who), PLACEHOLDER);
    }

    public static Row parse(String cell) {
        return parse(cell, SAMPLE_ID);
    }

    static Row parse(String cell, String placeholder) {
        List<Endpoint> endpoints = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        String lastFullPath = null;
        Matcher spans = CODE_SPAN.matcher(cell);
        while (spans.find()) {
            String span = spans.group(1).replace("\\|", "|");
            Matcher endpoint = ENDPOINT.matcher(span);
            if (!endpoint.matches() || !knownMethods(endpoint.group(1))) {
                unreadable.add(span);
                continue;
            }
            String path = endpoint.group(2);
            if (path == null) {
                continue;
            }
            if (path.startsWith("…")) {
                if (lastFullPath == null) {
                    unreadable.add(span);
                    continue;
                }
                path = lastFullPath + path.substring(1);
            }
            else if (path.startsWith("/")) {
                lastFullPath = path;
            }
            else {
                unreadable.add(span);
                continue;
            }
            for (String method : endpoint.group(1).split("/")) {
                for (String concrete : expand(path, PENDING)) {
                    Endpoint found = new Endpoint(HttpMethod.valueOf(method), concrete.replace(PENDING, placeholder));
                    if (!endpoints.contains(found)) {
                        endpoints.add(found);
                    }
                }
            }
        }
        return new Row(List.copyOf(endpoints), List.copyOf(unreadable));
    }

    /** The concrete paths a path of the table stands for. */
    static List<String> expand(String path, String placeholder) {
        Matcher optional = OPTIONAL.matcher(path);
        if (optional.find()) {
            return Stream.of(optional.replaceFirst(Matcher.quoteReplacement(optional.group(1))),
                    optional.replaceFirst(""))
                    .flatMap(variant -> expand(variant, placeholder).stream())
                    .toList();
        }
        int query = path.indexOf('?');
        if (query >= 0) {
            return expand(path.substring(0, query), placeholder);
        }
        Matcher braces = BRACES.matcher(path);
        if (braces.find()) {
            String inside = braces.group(1);
            List<String> values = inside.contains(",") ? List.of(inside.split(",")) : List.of(placeholder);
            return values.stream()
                    .map(value -> braces.replaceFirst(Matcher.quoteReplacement(value.strip())))
                    .flatMap(variant -> expand(variant, placeholder).stream())
                    .toList();
        }
        String[] segments = path.split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            if (segments[i].contains("|")) {
                int index = i;
                return Stream.of(segments[index].split("\\|"))
                        .map(alternative -> {
                            String[] chosen = segments.clone();
                            chosen[index] = alternative;
                            return String.join("/", chosen);
                        })
                        .flatMap(variant -> expand(variant, placeholder).stream())
                        .toList();
            }
        }
        return List.of(path);
    }

    private static boolean knownMethods(String methods) {
        return Stream.of(methods.split("/"))
                .allMatch(method -> Stream.of(HttpMethod.values()).anyMatch(known -> known.name().equals(method)));
    }

    private static String cell(List<String> readme, String who) {
        int section = readme.indexOf(SECTION);
        if (section < 0) {
            throw new IllegalStateException("README has no section '" + SECTION + "'");
        }
        String prefix = "| " + who + " |";
        for (String line : readme.subList(section + 1, readme.size())) {
            if (line.startsWith("## ")) {
                break;
            }
            if (line.startsWith(prefix)) {
                return line.substring(prefix.length());
            }
        }
        throw new IllegalStateException("README's table under '" + SECTION + "' has no row '" + who + "'");
    }

    private static List<String> readme() {
        try {
            return Files.readAllLines(README);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
