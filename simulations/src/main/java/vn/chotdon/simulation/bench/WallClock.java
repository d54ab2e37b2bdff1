package vn.chotdon.simulation.bench;

import java.time.Instant;

/** Puts the services' timestamps (UTC instants, same machine) on this JVM's nanoTime scale. */
final class WallClock {

    private final long baseNanos = System.nanoTime();
    private final Instant baseWall = Instant.now();

    long toNanoTime(String instant) {
        Instant at = Instant.parse(instant);
        long micros = (at.getEpochSecond() - baseWall.getEpochSecond()) * 1_000_000L
                + (at.getNano() - baseWall.getNano()) / 1000L;
        return baseNanos + micros * 1000L;
    }
}
