import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where each service's CPU goes, from one JFR recording per service (tools/platform-profile makes them): the
 * process's CPU over the recording, split into the JIT compilers, the garbage collector and Java code, and the Java
 * part split by what the code was doing when sampled — an HTTP endpoint (the controller method), a message handler,
 * a background job (the task a PeriodicWorker runs), or, where none of those is on the stack (the gateway's event
 * loops, filters before a controller), the library the innermost frame belongs to.
 *
 * <p>usage: java ProfileBreakdown.java [--per-second RATE UNIT] FILE.jfr... (a file's name before ".jfr" names
 * the service). With --per-second, every figure is also given as CPU milliseconds per UNIT (e.g. 10 order).
 */
public class ProfileBreakdown {

    /** Library groups for samples outside the service's own entry points, matched on the class name's start. */
    private static final List<Map.Entry<String, String>> LIBRARIES = List.of(
            Map.entry("dev.kaimono.gateway.ratelimit.", "gateway: rate limit"),
            Map.entry("dev.kaimono.gateway.", "gateway: own filters"),
            Map.entry("dev.kaimono.", "kaimono code (other)"),
            Map.entry("io.lettuce.", "Redis client"),
            Map.entry("org.springframework.security.", "Spring Security"),
            Map.entry("org.springframework.cloud.gateway.", "Spring Cloud Gateway"),
            Map.entry("org.springframework.cloud.circuitbreaker.", "circuit breaker"),
            Map.entry("io.github.resilience4j.", "circuit breaker"),
            Map.entry("io.micrometer.", "observation (Micrometer)"),
            Map.entry("io.opentelemetry.", "observation (OpenTelemetry)"),
            Map.entry("org.springframework.http.", "Spring web (HTTP, headers)"),
            Map.entry("org.springframework.web.", "Spring web (HTTP, headers)"),
            Map.entry("org.springframework.jdbc.", "JDBC and PostgreSQL driver"),
            Map.entry("org.postgresql.", "JDBC and PostgreSQL driver"),
            Map.entry("com.zaxxer.hikari.", "JDBC and PostgreSQL driver"),
            Map.entry("org.springframework.transaction.", "transactions"),
            Map.entry("org.springframework.amqp.", "RabbitMQ client"),
            Map.entry("com.rabbitmq.", "RabbitMQ client"),
            Map.entry("tools.jackson.", "JSON (Jackson)"),
            Map.entry("com.fasterxml.jackson.", "JSON (Jackson)"),
            Map.entry("org.apache.catalina.", "Tomcat"),
            Map.entry("org.apache.coyote.", "Tomcat"),
            Map.entry("org.apache.tomcat.", "Tomcat"),
            Map.entry("reactor.netty.", "Netty and Reactor Netty"),
            Map.entry("io.netty.", "Netty and Reactor Netty"),
            Map.entry("io.grpc.", "gRPC"),
            Map.entry("de.bwaldvogel.mongo.", "MongoDB (in-JVM server)"),
            Map.entry("com.mongodb.", "MongoDB driver"),
            Map.entry("org.springframework.data.", "Spring Data"),
            Map.entry("org.hibernate.", "Hibernate"),
            Map.entry("ch.qos.logback.", "logging"),
            Map.entry("org.apache.logging.", "logging"),
            Map.entry("org.slf4j.", "logging"),
            Map.entry("reactor.core.", "Reactor operators"),
            Map.entry("org.springframework.", "Spring (other)"));

    public static void main(String[] args) throws IOException {
        double rate = 0;
        String unit = null;
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--per-second")) {
                rate = Double.parseDouble(args[++i]);
                unit = args[++i];
            } else {
                files.add(Path.of(args[i]));
            }
        }
        if (files.isEmpty()) {
            System.err.println("usage: java ProfileBreakdown.java [--per-second RATE UNIT] FILE.jfr...");
            System.exit(2);
        }
        Map<String, Double> platform = new HashMap<>();
        double platformTotal = 0;
        for (Path file : files) {
            String service = file.getFileName().toString().replaceFirst("\\.jfr$", "");
            Breakdown breakdown = Breakdown.of(file);
            platformTotal += breakdown.processPercent();
            System.out.printf(Locale.ROOT, "%n%s: %.1f %% of one core over %d s (JIT compilers %.1f, GC %.1f, the rest %.1f, split by %d samples:)%n",
                    service, breakdown.processPercent(), breakdown.seconds(), breakdown.jit(), breakdown.gc(), breakdown.java(),
                    breakdown.samples());
            for (Map.Entry<String, Double> activity : breakdown.activities().entrySet().stream()
                    .sorted(Map.Entry.<String, Double>comparingByValue().reversed()).toList()) {
                if (activity.getValue() < 0.3) {
                    continue;
                }
                System.out.printf(Locale.ROOT, "  %5.1f %%%s  %s%n", activity.getValue(), perUnit(activity.getValue(), rate), activity.getKey());
            }
            breakdown.activities().forEach((activity, percent) -> platform.merge(service + "  " + activity, percent, Double::sum));
            platform.merge(service + "  JIT compilers", breakdown.jit(), Double::sum);
            platform.merge(service + "  GC", breakdown.gc(), Double::sum);
        }
        System.out.printf(Locale.ROOT, "%nAll recorded services: %.1f %% of one core%s; the 20 largest items:%n", platformTotal,
                perUnit(platformTotal, rate) + (unit == null ? "" : " (ms of CPU per " + unit + ")"));
        for (Map.Entry<String, Double> item : platform.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(20).toList()) {
            System.out.printf(Locale.ROOT, "  %5.1f %%%s  %s%n", item.getValue(), perUnit(item.getValue(), rate), item.getKey());
        }
    }

    private static String perUnit(double percentOfCore, double rate) {
        return rate > 0 ? String.format(Locale.ROOT, " %6.2f ms", percentOfCore * 10 / rate) : "";
    }

    /** One service's recording, in % of one core. */
    record Breakdown(long seconds, double processPercent, double jit, double gc, double java, int samples,
            Map<String, Double> activities) {

        static Breakdown of(Path file) throws IOException {
            Instant first = null;
            Instant last = null;
            double cpuLoadSum = 0;
            int cpuLoadCount = 0;
            int cores = Runtime.getRuntime().availableProcessors();
            Map<String, Double> threadCpu = new HashMap<>();
            Map<String, Integer> sampled = new HashMap<>();
            int samples = 0;
            double gcCpuSeconds = 0;
            try (RecordingFile recording = new RecordingFile(file)) {
                while (recording.hasMoreEvents()) {
                    RecordedEvent event = recording.readEvent();
                    first = first == null || event.getStartTime().isBefore(first) ? event.getStartTime() : first;
                    last = last == null || event.getEndTime().isAfter(last) ? event.getEndTime() : last;
                    switch (event.getEventType().getName()) {
                        case "jdk.CPULoad" -> {
                            cpuLoadSum += event.getFloat("jvmUser") + event.getFloat("jvmSystem");
                            cpuLoadCount++;
                        }
                        case "jdk.CPUInformation" -> cores = event.getInt("hwThreads");
                        case "jdk.ThreadCPULoad" -> {
                            RecordedThread thread = event.getThread();
                            String name = thread == null ? "?" : thread.getOSName();
                            threadCpu.merge(name == null ? "?" : name, (double) event.getFloat("user") + event.getFloat("system"), Double::sum);
                        }
                        // The collector's CPU per collection: Serial GC works in the VM thread, which has no
                        // jdk.ThreadCPULoad events.
                        case "jdk.GCCPUTime" -> gcCpuSeconds += (event.getLong("userTime") + event.getLong("systemTime")) / 1e9;
                        case "jdk.ExecutionSample" -> {
                            samples++;
                            sampled.merge(activity(event.getStackTrace()), 1, Integer::sum);
                        }
                        default -> {
                        }
                    }
                }
            }
            long seconds = first == null ? 0 : Math.max(1, Duration.between(first, last).toSeconds());
            double process = cpuLoadCount == 0 ? 0 : cpuLoadSum / cpuLoadCount * cores * 100;
            // ThreadCPULoad is each thread's share of the machine per period (jdk.ThreadCPULoad#period); what matters
            // here is each kind's share of the sum, applied to the process's own figure.
            double threadsTotal = threadCpu.values().stream().mapToDouble(Double::doubleValue).sum();
            Function<String, Double> share = prefix -> threadsTotal == 0 ? 0 : process * threadCpu.entrySet().stream()
                    .filter(entry -> entry.getKey().startsWith(prefix)).mapToDouble(Map.Entry::getValue).sum() / threadsTotal;
            double jit = share.apply("C1 CompilerThread") + share.apply("C2 CompilerThread");
            double gc = Math.min(process - jit, gcCpuSeconds / seconds * 100);
            double java = Math.max(0, process - jit - gc);
            Map<String, Double> activities = new HashMap<>();
            int total = samples;
            sampled.forEach((activity, count) -> activities.put(activity, total == 0 ? 0 : java * count / total));
            return new Breakdown(seconds, process, jit, gc, java, samples, activities);
        }

        /**
     * What a sampled stack was doing: its outermost entry point of ours, else the innermost library (also for a stack
     * cut off before its entry point: tools/platform-profile records 256 frames to make that rare).
     */
        static String activity(RecordedStackTrace stack) {
            if (stack == null || stack.getFrames().isEmpty()) {
                return "(no stack)";
            }
            List<RecordedFrame> frames = stack.getFrames(); // innermost first
            for (int i = frames.size() - 1; i >= 0; i--) {
                String type = frames.get(i).getMethod().getType().getName();
                String method = frames.get(i).getMethod().getName();
                if (type.equals("dev.kaimono.runtime.PeriodicWorker") && method.equals("loop")) {
                    return "job: " + firstOwnFrameInside(frames, i, "dev.kaimono.runtime.PeriodicWorker");
                }
                if (type.equals("dev.kaimono.messaging.InboxMessageListener") && method.equals("onMessage")) {
                    return "message: " + firstOwnFrameInside(frames, i, "dev.kaimono.messaging.");
                }
                if (type.startsWith("dev.kaimono.") && type.endsWith("Controller") && !type.contains("$$")) {
                    return "http: " + simple(type) + "." + method;
                }
            }
            for (RecordedFrame frame : frames) {
                String type = frame.getMethod().getType().getName();
                for (Map.Entry<String, String> library : LIBRARIES) {
                    if (type.startsWith(library.getKey())) {
                        return "other: " + library.getValue();
                    }
                }
            }
            return "other: JDK";
        }

        private static String firstOwnFrameInside(List<RecordedFrame> frames, int from, String skip) {
            for (int i = from - 1; i >= 0; i--) {
                String type = frames.get(i).getMethod().getType().getName();
                if (type.startsWith("dev.kaimono.") && !type.startsWith(skip) && !type.contains("$$Lambda")) {
                    return simple(type) + "." + frames.get(i).getMethod().getName().replaceFirst("^lambda\\$(.*)\\$\\d+$", "$1");
                }
            }
            return "(framework only)";
        }

        private static String simple(String type) {
            return type.substring(type.lastIndexOf('.') + 1).replaceAll("\\$\\$SpringCGLIB\\$\\$\\d+", "");
        }
    }
}
