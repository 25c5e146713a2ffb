package dev.kaimono.e2e.ops;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PromQlTest {

    @Test
    void aQuantileOfAHistogramReadsItsBuckets() {
        assertThat(PromQl.metricNames("""
                histogram_quantile(0.99, sum by (le, application) (
                  rate(http_server_requests_seconds_bucket{application=~"$application", uri!="/actuator/{x}"}[$__rate_interval])))"""))
                .containsExactly("http_server_requests_seconds_bucket");
    }

    @Test
    void bothSidesOfARatioAndOfAVectorMatchAreNames() {
        assertThat(PromQl.metricNames("""
                sum(rate(kaimono_orders_cancelled_total[5m])) / ignoring(reason) group_left
                sum(rate(kaimono_orders_placed_total[5m] offset 1h)) > bool 0.5 or vector(0)"""))
                .containsExactly("kaimono_orders_cancelled_total", "kaimono_orders_placed_total");
    }

    @Test
    void recordedSeriesWithColonsAndUpAreNames() {
        assertThat(PromQl.metricNames("kaimono:gateway_errors:ratio_rate1h > (14.4 * 0.001) and up{job=\"kaimono\"} == 0"))
                .containsExactly("kaimono:gateway_errors:ratio_rate1h", "up");
    }

    @Test
    void aMisspelledMetricIsReportedAsItIsWritten() {
        assertThat(PromQl.metricNames("max_over_time(kaimono_outbox_backlogg[10m]) > 1e3"))
                .containsExactly("kaimono_outbox_backlogg");
    }
}
