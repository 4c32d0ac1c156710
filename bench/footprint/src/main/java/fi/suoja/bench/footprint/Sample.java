package fi.suoja.bench.footprint;

/**
 * What one start of one kind of process gave, in milliseconds and MiB; NaN where the kind has no
 * such figure (a program that only prints has no memory to read, the agent takes no API reads).
 */
record Sample(double startMs, double firstApiMs, double rssStartMiB, double heapStartMiB, double metaStartMiB,
              double rssLoadMiB, double heapLoadMiB, double stopMs) {

    static Sample startOnly(double startMs) {
        return new Sample(startMs, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }
}
