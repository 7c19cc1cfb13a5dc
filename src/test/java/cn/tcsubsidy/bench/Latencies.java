package cn.tcsubsidy.bench;

import java.util.Arrays;
import java.util.Locale;

/**
 * Recorded latencies in nanoseconds, sorted once for exact percentiles (nearest rank: the smallest recorded value
 * with at least p % of the values at or below it). No histogram buckets, no new dependency.
 */
final class Latencies {

    private long[] values = new long[1024];
    private int size;

    void add(long nanos) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = nanos;
    }

    void addAll(Latencies other) {
        for (int i = 0; i < other.size; i++) {
            add(other.values[i]);
        }
    }

    int size() {
        return size;
    }

    /** Sorted copy; call once all values are in. */
    Sorted sorted() {
        long[] copy = Arrays.copyOf(values, size);
        Arrays.sort(copy);
        return new Sorted(copy);
    }

    record Sorted(long[] nanos) {

        int count() {
            return nanos.length;
        }

        /** Percentile p (0 < p ≤ 100) in milliseconds; NaN when nothing was recorded. */
        double percentileMillis(double p) {
            if (nanos.length == 0) {
                return Double.NaN;
            }
            int rank = (int) Math.ceil(p / 100.0 * nanos.length);
            return nanos[Math.max(0, Math.min(nanos.length - 1, rank - 1))] / 1e6;
        }

        double maxMillis() {
            return nanos.length == 0 ? Double.NaN : nanos[nanos.length - 1] / 1e6;
        }

        double meanMillis() {
            if (nanos.length == 0) {
                return Double.NaN;
            }
            double sum = 0;
            for (long n : nanos) {
                sum += n;
            }
            return sum / nanos.length / 1e6;
        }
    }

    static String ms(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }
}
