package dev.kaimono.testsupport;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names of databases and vhosts made for one test context: {@code kt_<utc timestamp>_<random>}. The
 * timestamp lets a later run drop what an aborted run left behind, without touching a running one.
 */
final class TestResourceNames {

    static final Duration STALE_AFTER = Duration.ofMinutes(45);

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);
    private static final Pattern NAME = Pattern.compile("kt_(\\d{14})_[0-9a-f]{8}");

    private TestResourceNames() {
    }

    static String fresh() {
        return "kt_" + STAMP.format(Instant.now()) + "_" + UUID.randomUUID().toString().substring(0, 8);
    }

    static boolean isStale(String name, Instant now) {
        Matcher matcher = NAME.matcher(name);
        if (!matcher.matches()) {
            return false;
        }
        Instant created = STAMP.parse(matcher.group(1), Instant::from);
        return created.isBefore(now.minus(STALE_AFTER));
    }
}
