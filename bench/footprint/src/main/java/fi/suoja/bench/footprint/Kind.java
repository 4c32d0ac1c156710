package fi.suoja.bench.footprint;

/**
 * One kind of process that each round starts once. {@code floor} names the kind measured the same
 * way on the same JDK with the same heap settings that it is compared with (null for a floor itself).
 */
interface Kind {

    String name();

    String floor();

    Sample measure(int round) throws Exception;

    /** The names of the figures one round gives; most kinds give one. */
    default java.util.List<String> names() {
        return java.util.List.of(name());
    }

    /** One round's figures by name, in the order of {@link #names()}. */
    default java.util.Map<String, Sample> measureAll(int round) throws Exception {
        return java.util.Map.of(name(), measure(round));
    }
}
