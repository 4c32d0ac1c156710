package fi.suoja.server.metrics;

import fi.suoja.server.booking.BookingCreated;
import fi.suoja.server.booking.BookingStatus;
import fi.suoja.server.broker.DeviceChannel;
import fi.suoja.server.device.DeviceMessageRefused;
import fi.suoja.server.device.DeviceState;
import fi.suoja.server.device.RefusalKind;
import fi.suoja.server.device.WipeReported;
import fi.suoja.server.help.HelpCallStatus;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micronaut.context.annotation.Context;
import io.micronaut.runtime.event.annotation.EventListener;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Suoja's own series, registered at start so that every one is there (at zero) from the first
 * scrape. Gauges read {@link CountsReader}; the bookings counter and the wipe timer follow the
 * events of this instance, so with several instances sum them over the instances.
 */
@Context
class SuojaMeters {

    private final Counter bookingsCreated;
    private final Timer wipesOk;
    private final Timer wipesFailed;
    private final Map<RefusalKind, Counter> refused = new EnumMap<>(RefusalKind.class);

    SuojaMeters(MeterRegistry registry, CountsReader counts, DeviceChannel channel) {
        for (BookingStatus status : BookingStatus.values()) {
            gauge("suoja.bookings", "Bookings that end from 24 hours ago on, by status", counts,
                    c -> count(c.bookingsByStatus(), status.name(), c)).tag("status", status.name()).register(registry);
        }
        for (DeviceState state : DeviceState.values()) {
            gauge("suoja.devices", "Loan devices by state", counts,
                    c -> count(c.devicesByState(), state.name(), c)).tag("state", state.name()).register(registry);
        }
        for (boolean online : new boolean[] {true, false}) {
            gauge("suoja.devices.agents", "Laptops in use (not retired) by whether their agent is online", counts,
                    c -> count(c.agentsByOnline(), online, c)).tag("online", Boolean.toString(online)).register(registry);
        }
        for (HelpCallStatus status : HelpCallStatus.values()) {
            if (status.open()) {
                gauge("suoja.help.calls.open", "Help calls staff still have to answer or finish", counts,
                        c -> count(c.helpCallsByStatus(), status.name(), c)).tag("status", status.name()).register(registry);
            }
        }
        gauge("suoja.door.tasks.failing", "Door and sign tasks whose last try failed", counts,
                c -> c.doorTasksRetrying() < 0 ? Double.NaN : c.doorTasksRetrying()).tag("state", "retrying").register(registry);
        gauge("suoja.door.tasks.failing", "Door and sign tasks whose last try failed", counts,
                c -> c.doorTasksFailed() < 0 ? Double.NaN : c.doorTasksFailed()).tag("state", "failed-24h").register(registry);
        Gauge.builder("suoja.mqtt.connected", channel, ch -> ch.connected() ? 1 : 0)
                .description("1 while this server's link to the MQTT broker is up, else 0")
                .strongReference(true)
                .register(registry);
        // Not "created": Prometheus reserves the _created suffix for a counter's start time.
        bookingsCreated = Counter.builder("suoja.bookings.made")
                .description("Bookings made through this server instance")
                .register(registry);
        wipesOk = wipeTimer(registry, "ok");
        wipesFailed = wipeTimer(registry, "failed");
        for (RefusalKind kind : RefusalKind.values()) {
            refused.put(kind, Counter.builder("suoja.device.messages.refused")
                    .description("Messages on device topics this instance refused: unsigned, forged, malformed, "
                            + "out of bounds, or a wipe result for a command not sent or not acknowledged")
                    .tag("reason", kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'))
                    .register(registry));
        }
    }

    @EventListener
    void onDeviceMessageRefused(DeviceMessageRefused event) {
        refused.get(event.kind()).increment();
    }

    @EventListener
    void onBookingCreated(BookingCreated event) {
        bookingsCreated.increment();
    }

    @EventListener
    void onWipeReported(WipeReported event) {
        (event.verified() ? wipesOk : wipesFailed).record(Duration.ofMillis(Math.max(0, event.durationMillis())));
    }

    private static Timer wipeTimer(MeterRegistry registry, String outcome) {
        return Timer.builder("suoja.wipe.duration")
                .description("How long the agents' wipes took, as they reported them (ok: verified)")
                .tag("outcome", outcome)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(100))
                .maximumExpectedValue(Duration.ofMinutes(30))
                .register(registry);
    }

    private static Gauge.Builder<CountsReader> gauge(String name, String description, CountsReader counts,
                                                     ToDoubleFunction<Counts> value) {
        return Gauge.builder(name, counts, reader -> value.applyAsDouble(reader.now()))
                .description(description)
                .strongReference(true);
    }

    /** A missing key is a zero; a failed reading is NaN, so a broken database is not read as "nothing". */
    private static <K> double count(Map<K, Long> counts, K key, Counts all) {
        if (all == Counts.UNREAD) {
            return Double.NaN;
        }
        return counts.getOrDefault(key, 0L);
    }
}
