package dev.kaimono.load;

import java.util.Arrays;

/** Latencies in milliseconds, recorded from many threads, read as percentiles. */
final class Latencies {

    private long[] values = new long[1024];
    private int size;

    synchronized void add(long millis) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = millis;
    }

    synchronized int count() {
        return size;
    }

    /** The nearest-rank percentile, or -1 when nothing was recorded. */
    synchronized long percentile(double percentile) {
        if (size == 0) {
            return -1;
        }
        long[] sorted = Arrays.copyOf(values, size);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(percentile / 100.0 * size);
        return sorted[Math.max(0, Math.min(size - 1, rank - 1))];
    }
}
