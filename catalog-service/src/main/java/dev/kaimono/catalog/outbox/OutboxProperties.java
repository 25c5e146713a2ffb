package dev.kaimono.catalog.outbox;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of catalog's MongoDB outbox ({@code kaimono.catalog.outbox.*}); batch size, poll interval,
 * confirm timeout and back-off are the shared {@code kaimono.messaging.relay.*} settings.
 *
 * @param leaseDuration how long the relay lease lasts without renewal: another instance takes over
 *        this long after the relaying one stopped renewing it; keep it well above the confirm timeout
 */
@ConfigurationProperties("kaimono.catalog.outbox")
record OutboxProperties(@DefaultValue("30s") Duration leaseDuration) {
}
