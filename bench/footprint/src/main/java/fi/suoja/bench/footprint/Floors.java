package fi.suoja.bench.footprint;

import fi.suoja.bench.scene.JavaProcess;
import fi.suoja.bench.scene.Pause;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The baselines: {@link Floor} on the same JDK with the heap settings of the process it is compared with. */
final class Floors {

    private Floors() {
    }

    /** {@code java -cp <Floor only> Floor exit}: start to exit. */
    static Kind exit(Jdk jdk, Path classes, Path work) {
        String name = "jvm-exit-" + jdk.label();
        return new Kind() {
            public String name() {
                return name;
            }

            public String floor() {
                return null;
            }

            public Sample measure(int round) {
                Launched p = Launched.start(name, command(jdk, List.of("-Xmx512m"), classes, "exit"), Map.of(),
                        work.resolve("round-" + round), jdk.home());
                return Sample.startOnly(p.awaitExit(Duration.ofSeconds(60)));
            }
        };
    }

    /**
     * {@code java <heap> -cp <Floor only> Floor serve PORT}: start to the first 200 on /health, memory after the
     * same settling pause as the measured process, and after {@code reads} GETs of /health.
     */
    static Kind serve(String name, Jdk jdk, List<String> heap, Path classes, Path work, int reads) {
        return new Kind() {
            public String name() {
                return name;
            }

            public String floor() {
                return null;
            }

            public Sample measure(int round) {
                int port = JavaProcess.freePort();
                try (Launched p = Launched.start(name, command(jdk, heap, classes, "serve", Integer.toString(port)), Map.of(),
                        work.resolve("round-" + round), jdk.home())) {
                    URI health = URI.create("http://127.0.0.1:" + port + "/health");
                    double start = p.awaitOk(health, Duration.ofSeconds(60));
                    Pause.millis(FootprintBench.SETTLE_MILLIS);
                    double rss = p.rssMiB();
                    Launched.Heap h = p.heapAfterGc();
                    HttpClient http = HttpClient.newHttpClient();
                    for (int i = 0; i < reads; i++) {
                        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(health).build(), HttpResponse.BodyHandlers.ofString());
                        if (answer.statusCode() != 200) {
                            throw new IllegalStateException(name + " answered " + answer.statusCode());
                        }
                    }
                    double rssLoad = p.rssMiB();
                    Launched.Heap afterLoad = p.heapAfterGc();
                    return new Sample(start, Double.NaN, rss, h.usedMiB(), h.metaspaceMiB(), rssLoad, afterLoad.usedMiB(), p.stop());
                } catch (java.io.IOException e) {
                    throw new IllegalStateException(name + ": " + e.getMessage(), e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        };
    }

    private static List<String> command(Jdk jdk, List<String> heap, Path classes, String... args) {
        List<String> command = new ArrayList<>();
        command.add(jdk.java());
        command.addAll(heap);
        command.addAll(List.of("-cp", classes.toString(), Floor.class.getName()));
        command.addAll(List.of(args));
        return command;
    }
}
