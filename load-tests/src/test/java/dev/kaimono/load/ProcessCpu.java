package dev.kaimono.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * CPU time used so far per process, read from {@code /proc}: each service of the platform (pids from its run
 * directory), this load generator, and the shared stores (PostgreSQL, RabbitMQ, Redis — all their processes,
 * whichever environment they serve). Two samples give CPU per process over a step, in % of one core.
 *
 * <p>A store's CPU includes what its exited processes used: PostgreSQL ends a backend whenever a client closes a
 * connection (a pool retiring one, the books check), and the backend's CPU would vanish from a sum over live
 * processes (a step once showed PostgreSQL at -25 %). The parent that reaps a process is credited with its CPU
 * (cutime, cstime), so each store process is counted with its reaped children.
 */
final class ProcessCpu {

    /** Linux's USER_HZ: the unit of utime and stime in /proc/[pid]/stat. */
    private static final double TICKS_PER_SECOND = 100.0;
    private static final Map<String, String> STORES = Map.of("postgres", "postgres", "beam.smp", "rabbitmq",
            "redis-server", "redis");

    /** CPU seconds per process at one instant, and the machine's busy and total CPU seconds. */
    record Sample(long nanoTime, Map<String, Double> seconds, double machineBusy, double machineTotal) {
    }

    private final Optional<Path> runDirectory;

    ProcessCpu(Optional<Path> runDirectory) {
        this.runDirectory = runDirectory;
    }

    static boolean available() {
        return Files.isReadable(Path.of("/proc/self/stat"));
    }

    Sample sample() {
        Map<String, Double> seconds = new LinkedHashMap<>();
        runDirectory.ifPresent(dir -> services(dir).forEach((service, pid) ->
                cpuSeconds(pid, false).ifPresent(cpu -> seconds.put(service, cpu))));
        cpuSeconds(ProcessHandle.current().pid(), false).ifPresent(cpu -> seconds.put("load generator", cpu));
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            processes.filter(dir -> dir.getFileName().toString().chars().allMatch(Character::isDigit)).forEach(dir -> {
                long pid = Long.parseLong(dir.getFileName().toString());
                String name = read(dir.resolve("comm")).strip();
                if (STORES.containsKey(name)) {
                    cpuSeconds(pid, true).ifPresent(cpu -> seconds.merge(STORES.get(name), cpu, Double::sum));
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // No /proc to list, or it changed under the listing: per-store CPU is left out of this sample.
        }
        double busy = 0;
        double total = 0;
        String[] machine = read(Path.of("/proc/stat")).lines().findFirst().orElse("cpu").strip().split("\\s+");
        for (int i = 1; i < machine.length && i <= 8; i++) {
            double ticks = Double.parseDouble(machine[i]) / TICKS_PER_SECOND;
            total += ticks;
            if (i != 4 && i != 5) {
                busy += ticks;
            }
        }
        return new Sample(System.nanoTime(), seconds, busy, total);
    }

    /** CPU per process between two samples, in % of one core, and the machine's busy share in % of all cores. */
    static Map<String, Double> percentBetween(Sample from, Sample to) {
        double wall = (to.nanoTime() - from.nanoTime()) / 1e9;
        Map<String, Double> percent = new LinkedHashMap<>();
        to.seconds().forEach((process, cpu) -> {
            Double before = from.seconds().get(process);
            if (before != null && wall > 0) {
                percent.put(process, 100 * (cpu - before) / wall);
            }
        });
        double total = to.machineTotal() - from.machineTotal();
        if (total > 0) {
            percent.put("machine (% of all cores)", 100 * (to.machineBusy() - from.machineBusy()) / total);
        }
        return percent;
    }

    private static Map<String, Long> services(Path runDirectory) {
        Map<String, Long> pids = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(runDirectory.resolve("pids"))) {
            for (Path file : files.sorted().toList()) {
                String service = file.getFileName().toString().replaceFirst("\\.pid$", "");
                pids.put(service, Long.parseLong(read(file).strip()));
            }
        } catch (IOException | NumberFormatException e) {
            // No run directory or a stale pid file: CPU per service is left out.
        }
        return pids;
    }

    /** CPU seconds a process used so far; with {@code reapedChildren}, also those of the children it waited for. */
    static Optional<Double> cpuSeconds(long pid, boolean reapedChildren) {
        String stat = read(Path.of("/proc/" + pid + "/stat"));
        int end = stat.lastIndexOf(')');
        if (end < 0) {
            return Optional.empty();
        }
        List<String> fields = List.of(stat.substring(end + 2).split(" "));
        // After the command: state is field 3, utime 14, stime 15, cutime 16 and cstime 17 (1-based, proc(5)).
        long ticks = Long.parseLong(fields.get(11)) + Long.parseLong(fields.get(12));
        if (reapedChildren) {
            ticks += Long.parseLong(fields.get(13)) + Long.parseLong(fields.get(14));
        }
        return Optional.of(ticks / TICKS_PER_SECOND);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "";
        }
    }
}
