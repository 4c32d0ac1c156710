package fi.suoja.bench.footprint;

/**
 * One kind of process that each round starts once. {@code floor} names the kind measured the same
 * way on the same JDK with the same heap settings that it is compared with (null for a floor itself).
 */
interface Kind {

    String name();

    String floor();

    Sample measure(int round) throws Exception;
}
