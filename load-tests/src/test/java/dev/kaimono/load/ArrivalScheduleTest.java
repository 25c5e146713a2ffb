package dev.kaimono.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class ArrivalScheduleTest {

    @Test
    void usersOfAConstantRateAreDueAtEvenIntervalsFromTheFirstMillisecondOfEachSecond() {
        ArrivalSchedule schedule = new ArrivalSchedule(List.of(new ArrivalSchedule.Phase(4, 2)));

        assertThat(offsets(schedule)).containsExactly(0L, 250L, 500L, 750L, 1000L, 1250L, 1500L, 1750L);
    }

    @Test
    void aFractionalRateSpreadsItsRoundedUsersOverTheSeconds() {
        ArrivalSchedule schedule = new ArrivalSchedule(List.of(new ArrivalSchedule.Phase(0.5, 4)));

        assertThat(offsets(schedule)).containsExactly(0L, 2000L);
    }

    @Test
    void phasesFollowEachOther() {
        ArrivalSchedule schedule = new ArrivalSchedule(List.of(new ArrivalSchedule.Phase(1, 2), new ArrivalSchedule.Phase(0, 1),
                new ArrivalSchedule.Phase(2, 1)));

        assertThat(offsets(schedule)).containsExactly(0L, 1000L, 3000L, 3500L);
    }

    @Test
    void aPhaseCountsRateTimesSecondsUsers() {
        ArrivalSchedule schedule = new ArrivalSchedule(List.of(new ArrivalSchedule.Phase(37.5, 60)));

        List<Long> offsets = offsets(schedule);

        assertThat(offsets).hasSize(2250).isSorted();
        assertThat(offsets.getLast()).isLessThan(60_000L);
    }

    @Test
    void sharesMatchGatlingsShard() {
        assertThat(ArrivalSchedule.share(10, 4, 0)).isEqualTo(3);
        assertThat(ArrivalSchedule.share(10, 4, 1)).isEqualTo(2);
        assertThat(ArrivalSchedule.share(10, 4, 2)).isEqualTo(3);
        assertThat(ArrivalSchedule.share(10, 4, 3)).isEqualTo(2);
    }

    private static List<Long> offsets(ArrivalSchedule schedule) {
        List<Long> offsets = new ArrayList<>();
        for (long offset = schedule.nextOffsetMillis(); offset >= 0; offset = schedule.nextOffsetMillis()) {
            offsets.add(offset);
        }
        return offsets;
    }
}
