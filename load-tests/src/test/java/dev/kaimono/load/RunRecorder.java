package dev.kaimono.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;

import dev.kaimono.load.LoadSettings.Kind;
import dev.kaimono.load.books.AcceptedOrdersFile;

/**
 * What the run saw, per step: requests sent and their answers, latency from each request's due time (see
 * {@link ArrivalSchedule}), and for each accepted order the time from its due POST to its {@code order.confirmed}
 * or {@code order.cancelled} event on the broker. Writes every accepted order to the accepted-orders file as it
 * is accepted, samples CPU per process at each step boundary, and renders the step table at the end.
 */
final class RunRecorder implements AutoCloseable {

    private static final int WARM_UP = -1;

    private final LoadSettings settings;
    private final Map<Kind, ArrivalSchedule> schedules = new EnumMap<>(Kind.class);
    /** When the injection started (epoch millis): the earliest start minus due offset seen, as no user starts early. */
    private final AtomicLong origin = new AtomicLong(Long.MAX_VALUE);
    private final AtomicBoolean started = new AtomicBoolean();
    private final List<Step> steps = new ArrayList<>();
    private final ConcurrentMap<UUID, Object> joining = new ConcurrentHashMap<>();
    private final AcceptedOrdersFile.Writer acceptedOrders;
    private final AcceptedOrdersFile.Writer unansweredOrders;
    private final ProcessCpu cpu;
    private final List<ProcessCpu.Sample> cpuSamples = new ArrayList<>();
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "cpu-sampler");
        thread.setDaemon(true);
        return thread;
    });

    /** An accepted order waiting for its outcome event; due {@code offset} ms after the injection started. */
    private record Accepted(int step, long offset) {
    }

    /** An outcome event that arrived before the 202 of its order was processed. */
    private record Outcome(boolean confirmed, String reason, long at) {
    }

    /** The counters of one step. */
    private static final class Step {
        final double rate;
        final Map<Kind, LongAdder> sent = new EnumMap<>(Kind.class);
        final Map<Kind, Latencies> latency = new EnumMap<>(Kind.class);
        final ConcurrentMap<String, LongAdder> errors = new ConcurrentHashMap<>();
        final Latencies browsing = new Latencies();
        final Latencies confirmation = new Latencies();
        final Latencies generatorLag = new Latencies();
        final LongAdder accepted = new LongAdder();
        final LongAdder confirmed = new LongAdder();
        final ConcurrentMap<String, LongAdder> cancelled = new ConcurrentHashMap<>();

        Step(double rate) {
            this.rate = rate;
            for (Kind kind : Kind.values()) {
                sent.put(kind, new LongAdder());
                latency.put(kind, new Latencies());
            }
        }
    }

    RunRecorder(LoadSettings settings) {
        this.settings = settings;
        for (Kind kind : Kind.values()) {
            schedules.put(kind, new ArrivalSchedule(settings.phases(kind)));
        }
        settings.rates().forEach(rate -> steps.add(new Step(rate)));
        this.acceptedOrders = AcceptedOrdersFile.create(acceptedOrdersFile());
        this.unansweredOrders = AcceptedOrdersFile.createUnanswered(acceptedOrdersFile());
        this.cpu = ProcessCpu.available() ? new ProcessCpu(settings.runDirectory()) : null;
    }

    /**
     * A user of this kind starts: returns how long after the start of the injection it was due. Users start in
     * the order they are due and never before, so the earliest (start − due offset) is when the injection began.
     */
    long arrived(Kind kind) {
        long now = System.currentTimeMillis();
        long offset = Math.max(0, schedules.get(kind).nextOffsetMillis());
        long start = origin.accumulateAndGet(now - offset, Math::min);
        if (started.compareAndSet(false, true)) {
            scheduleCpuSamples(start);
        }
        Step step = step(offset);
        if (step != null) {
            step.sent.get(kind).increment();
            step.generatorLag.add(now - (start + offset));
        }
        return offset;
    }

    /** An answer that the client takes as "ask again": shown among the errors as "{@code <status> retried}". */
    void retried(Kind kind, long offset, int status) {
        Step step = step(offset);
        if (step != null) {
            step.errors.computeIfAbsent(status + " retried", key -> new LongAdder()).increment();
        }
    }

    /** The answer to a request that was due {@code offset} ms into the run: its status, 0 when none came. */
    void answered(Kind kind, long offset, int status) {
        long latency = System.currentTimeMillis() - (origin.get() + offset);
        Step step = step(offset);
        if (step == null) {
            return;
        }
        step.latency.get(kind).add(latency);
        if (kind.browsing) {
            step.browsing.add(latency);
        }
        if (status < 200 || status >= 300) {
            step.errors.computeIfAbsent(status == 0 ? "no answer" : Integer.toString(status), key -> new LongAdder()).increment();
        }
    }

    /** An order was accepted (202): written to the accepted-orders file and awaited on the broker. */
    void accepted(UUID orderId, long offset, Map<UUID, Integer> lines) {
        acceptedOrders.write(orderId, Instant.now(), lines);
        Step step = step(offset);
        if (step != null) {
            step.accepted.increment();
        }
        Accepted accepted = new Accepted(stepIndex(offset), offset);
        Object earlier = joining.putIfAbsent(orderId, accepted);
        if (earlier instanceof Outcome outcome && joining.remove(orderId, earlier)) {
            settle(accepted, outcome);
        }
    }

    /**
     * An order POST ended without an answer or with a 5xx: written under its Idempotency-Key, for the books check to
     * find the order if one was placed all the same.
     */
    void unanswered(UUID idempotencyKey, Map<UUID, Integer> lines) {
        unansweredOrders.write(idempotencyKey, Instant.now(), lines);
    }

    /** An {@code order.confirmed} or {@code order.cancelled} event arrived on the probe queue. */
    void outcome(UUID orderId, boolean confirmed, String reason) {
        Outcome outcome = new Outcome(confirmed, reason, System.currentTimeMillis());
        Object earlier = joining.putIfAbsent(orderId, outcome);
        if (earlier instanceof Accepted accepted && joining.remove(orderId, earlier)) {
            settle(accepted, outcome);
        }
    }

    private void settle(Accepted accepted, Outcome outcome) {
        if (accepted.step() != WARM_UP) {
            Step step = steps.get(accepted.step());
            if (outcome.confirmed()) {
                step.confirmed.increment();
                step.confirmation.add(outcome.at() - (origin.get() + accepted.offset()));
            } else {
                step.cancelled.computeIfAbsent(outcome.reason(), key -> new LongAdder()).increment();
            }
        }
        synchronized (this) {
            notifyAll();
        }
    }

    /** Waits until every accepted order's outcome was seen, or the timeout passed. */
    synchronized void awaitOutcomes(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (awaitingOutcome() > 0) {
                long remaining = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (remaining <= 0) {
                    return;
                }
                wait(Math.min(remaining, 1_000));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Accepted orders whose outcome has not been seen yet. */
    long awaitingOutcome() {
        return joining.values().stream().filter(Accepted.class::isInstance).count();
    }

    private int stepIndex(long offset) {
        long intoSteps = offset - settings.warmUp().toMillis();
        if (intoSteps < 0) {
            return WARM_UP;
        }
        return (int) Math.min(steps.size() - 1, intoSteps / settings.step().toMillis());
    }

    private Step step(long offset) {
        int index = stepIndex(offset);
        return index == WARM_UP ? null : steps.get(index);
    }

    private void scheduleCpuSamples(long start) {
        if (cpu == null) {
            return;
        }
        long first = settings.warmUp().toMillis();
        for (int boundary = 0; boundary <= steps.size(); boundary++) {
            long at = start + first + boundary * settings.step().toMillis();
            sampler.schedule(() -> {
                try {
                    ProcessCpu.Sample sample = cpu.sample();
                    synchronized (cpuSamples) {
                        cpuSamples.add(sample);
                    }
                } catch (RuntimeException e) {
                    // A scheduled task's exception would vanish with it, and the CPU table with it.
                    System.err.println("CPU sample failed, the CPU table will miss a step: " + e);
                }
            }, Math.max(0, at - System.currentTimeMillis()), TimeUnit.MILLISECONDS);
        }
    }

    /** The step table (and CPU per process when it was sampled), as printed at the end of the run. */
    String summary() {
        StringBuilder out = new StringBuilder();
        out.append("%nKaimono capacity run: %s, %d shoppers, %d products, steps %s orders/s × %d s after a %d s warm-up%n"
                .formatted(settings.gateway(), settings.shoppers(), settings.products(), settings.rates().stream()
                        .map(RunRecorder::rate).collect(Collectors.joining(", ")), settings.step().toSeconds(),
                        settings.warmUp().toSeconds()));
        out.append("Latencies in ms, measured from each request's due time in the open-loop schedule; "
                + "POST→CONFIRMED ends when order.confirmed reaches the probe queue.%n".formatted());
        String header = "%-5s %7s %8s %8s %-26s %12s %9s %19s %9s %-24s %9s %8s%n";
        out.append(header.formatted("step", "orders/s", "requests", "accepted", "errors (status×count)", "browse p50/99",
                "POST p99", "→CONFIRMED p50/95/99", "confirmed", "cancelled (reason×count)", "unsettled", "lag p99"));
        Map<Integer, Long> unsettled = new TreeMap<>();
        joining.values().stream().filter(Accepted.class::isInstance).map(Accepted.class::cast)
                .filter(accepted -> accepted.step() != WARM_UP)
                .forEach(accepted -> unsettled.merge(accepted.step(), 1L, Long::sum));
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            long requests = step.sent.values().stream().mapToLong(LongAdder::sum).sum();
            out.append(header.formatted(i + 1, rate(step.rate), requests, step.accepted.sum(), counts(step.errors),
                    step.browsing.percentile(50) + "/" + step.browsing.percentile(99), step.latency.get(Kind.ORDER).percentile(99),
                    step.confirmation.percentile(50) + "/" + step.confirmation.percentile(95) + "/" + step.confirmation.percentile(99),
                    step.confirmed.sum(), counts(step.cancelled), unsettled.getOrDefault(i, 0L), step.generatorLag.percentile(99)));
        }
        out.append(cpuTable());
        return out.toString();
    }

    private String cpuTable() {
        List<ProcessCpu.Sample> samples;
        synchronized (cpuSamples) {
            samples = List.copyOf(cpuSamples);
        }
        if (samples.size() < 2) {
            return "";
        }
        List<Map<String, Double>> perStep = new ArrayList<>();
        for (int i = 1; i < samples.size(); i++) {
            perStep.add(ProcessCpu.percentBetween(samples.get(i - 1), samples.get(i)));
        }
        Set<String> processes = new LinkedHashSet<>();
        perStep.forEach(step -> processes.addAll(step.keySet()));
        StringBuilder out = new StringBuilder("%nCPU per process during each step, %% of one core (2 cores = 200 %%)%n".formatted());
        out.append("%-26s".formatted("process"));
        for (int i = 0; i < perStep.size(); i++) {
            out.append("%10s".formatted("step " + (i + 1)));
        }
        out.append(System.lineSeparator());
        for (String process : processes) {
            out.append("%-26s".formatted(process));
            perStep.forEach(step -> out.append("%10s".formatted(step.containsKey(process) ? "%.0f".formatted(step.get(process)) : "-")));
            out.append(System.lineSeparator());
        }
        return out.toString();
    }

    /** Writes the summary beside the Gatling report and returns it. */
    String writeSummary() {
        String summary = summary();
        try {
            Files.writeString(settings.output().resolve("capacity-summary.txt"), summary, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the capacity summary", e);
        }
        return summary;
    }

    Path acceptedOrdersFile() {
        return settings.output().resolve("accepted-orders.csv");
    }

    private static String counts(Map<String, LongAdder> counts) {
        if (counts.isEmpty()) {
            return "none";
        }
        return new TreeMap<>(counts).entrySet().stream().map(entry -> entry.getKey() + "×" + entry.getValue().sum())
                .collect(Collectors.joining(" "));
    }

    private static String rate(double rate) {
        return rate == Math.rint(rate) ? Long.toString((long) rate) : Double.toString(rate);
    }

    @Override
    public void close() {
        // The last step's closing sample is due as the load ends; when every outcome is already in, the run gets
        // here before it, and the CPU table would lose that step. Delayed samples still run after shutdown().
        sampler.shutdown();
        try {
            if (!sampler.awaitTermination(5, TimeUnit.SECONDS)) {
                sampler.shutdownNow();
            }
        } catch (InterruptedException e) {
            sampler.shutdownNow();
            Thread.currentThread().interrupt();
        }
        acceptedOrders.close();
        unansweredOrders.close();
    }
}
