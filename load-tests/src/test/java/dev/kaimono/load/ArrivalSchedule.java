package dev.kaimono.load;

import java.util.List;

/**
 * When each user of one open-loop stream is due, as Gatling's {@code constantUsersPerSec(rate).during(seconds)}
 * schedules it: {@code round(rate × seconds)} users per phase, spread over its seconds and, within a second, over
 * its milliseconds, by the same ceiling arithmetic Gatling's injector uses. Users start in this order, so the
 * n-th user to start was due at the n-th offset: latency measured from there includes any time the user waited
 * for a stalled load generator, not only the time the server took.
 */
final class ArrivalSchedule {

    /** A constant arrival rate held for whole seconds. */
    record Phase(double rate, long seconds) {
    }

    private final List<Phase> phases;
    private int phase;
    private long users;
    private int second;
    private long usersThisSecond;
    private int millisecond;
    private long usersThisMillisecond;
    private long phaseStartMillis;

    ArrivalSchedule(List<Phase> phases) {
        this.phases = List.copyOf(phases);
        enterPhase(0, 0);
    }

    /** The offset from the start of the injection at which the next user is due, or -1 when none is left. */
    synchronized long nextOffsetMillis() {
        while (phase < phases.size()) {
            if (usersThisMillisecond > 0) {
                usersThisMillisecond--;
                return phaseStartMillis + second * 1000L + millisecond;
            }
            if (usersThisSecond > 0 && millisecond < 999) {
                millisecond++;
                usersThisMillisecond = share(usersThisSecond, 1000, millisecond);
                continue;
            }
            if (second + 1 < phases.get(phase).seconds()) {
                enterSecond(second + 1);
                continue;
            }
            enterPhase(phase + 1, phaseStartMillis + phases.get(phase).seconds() * 1000);
        }
        return -1;
    }

    private void enterPhase(int index, long startMillis) {
        phase = index;
        phaseStartMillis = startMillis;
        if (index < phases.size()) {
            Phase current = phases.get(index);
            users = current.rate() == 0 ? 0 : Math.round(current.seconds() * current.rate());
            enterSecond(0);
        }
    }

    private void enterSecond(int index) {
        second = index;
        usersThisSecond = users == 0 ? 0 : share(users, (int) phases.get(phase).seconds(), index);
        millisecond = 0;
        usersThisMillisecond = usersThisSecond == 0 ? 0 : share(usersThisSecond, 1000, 0);
    }

    /** Gatling's {@code Shard}: the users of bucket {@code index} when {@code total} are spread over {@code buckets}. */
    static long share(long total, int buckets, int index) {
        return sumUpTo(total, buckets, index) - sumUpTo(total, buckets, index - 1);
    }

    private static long sumUpTo(long total, int buckets, int index) {
        if (index == -1) {
            return 0;
        }
        if (index == buckets - 1) {
            return total;
        }
        return (long) Math.ceil((double) total / buckets * (index + 1));
    }
}
