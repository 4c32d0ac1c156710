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
    private final List<Double> windowMedians = new ArrayList<>();
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
        List<Double> mine = new ArrayList<>();
        for (JsonNode sample : bench.path("samples")) {
            double ms = sample.path("ms").asDouble();
            mine.add(ms);
            all.add(ms);
            byButton.computeIfAbsent(sample.path("tap").asText(), k -> new ArrayList<>()).add(ms);
        }
        windowMedians.add(of(mine).p50());
    }

    /** The p50 of the window with the lowest and of the one with the highest, to see whether some windows lag. */
    String windowSpread() {
        Latencies medians = of(windowMedians);
        return "p50 per window " + fi.suoja.bench.measure.Table.ms(medians.percentile(0))
                + "–" + fi.suoja.bench.measure.Table.ms(medians.percentile(100)) + " ms (window 1: "
                + fi.suoja.bench.measure.Table.ms(windowMedians.get(0)) + ")";
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
