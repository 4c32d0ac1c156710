package fi.suoja.bench.kiosk;

import com.fasterxml.jackson.databind.JsonNode;
import fi.suoja.bench.measure.Latencies;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Measured taps of one phase, from any number of windows: all together and per button. */
final class Taps {

    private final List<Double> all = new ArrayList<>();
    private final Map<String, List<Double>> byButton = new LinkedHashMap<>();
    private String cpu = "";

    /** Where the CPU went while these taps were made. */
    void cpu(String used) {
        this.cpu = used;
    }

    String cpu() {
        return cpu;
    }

    /** Adds what one window's tap loop measured; fails with its error if it had one. */
    void add(int window, JsonNode bench) {
        if (!bench.path("error").isNull()) {
            throw new IllegalStateException("window " + (window + 1) + ": " + bench.path("error").asText());
        }
        for (JsonNode sample : bench.path("samples")) {
            double ms = sample.path("ms").asDouble();
            all.add(ms);
            byButton.computeIfAbsent(sample.path("tap").asText(), k -> new ArrayList<>()).add(ms);
        }
    }

    int count() {
        return all.size();
    }

    Latencies latencies() {
        return of(all);
    }

    Map<String, Latencies> perButton() {
        Map<String, Latencies> each = new LinkedHashMap<>();
        byButton.forEach((button, values) -> each.put(button, of(values)));
        return each;
    }

    private static Latencies of(List<Double> values) {
        return new Latencies(values.stream().mapToDouble(Double::doubleValue).toArray());
    }
}
