package dev.zebrastream.eval;

import dev.zebrastream.audio.AudioClip;
import dev.zebrastream.synth.DomainSpec;
import dev.zebrastream.synth.SensorStream;
import dev.zebrastream.synth.StreamEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The unlabeled pool as a deployment would collect it: consecutive windows of simulated sensor
 * streams in the setting's domain. Only windows that an event covers for at least half their length
 * are kept, as an energy gate in front of the pool would pass them; their labels are discarded.
 */
public final class PoolWindows {

    /** Independent sensors rendered in parallel; each contributes an equal share of the windows. */
    static final int SENSORS = 4;

    private PoolWindows() {
    }

    public static List<AudioClip> render(List<String> classes, DomainSpec domain, int count, long seed, int sampleRate,
                                         int windowSamples) {
        return IntStream.range(0, SENSORS).parallel()
                .mapToObj(i -> fromSensor(new SensorStream(seed + i, sampleRate, domain, classes, List.of()),
                        share(count, i), windowSamples))
                .flatMap(List::stream)
                .toList();
    }

    /** The first {@code count} event windows of one stream. */
    static List<AudioClip> fromSensor(SensorStream stream, int count, int windowSamples) {
        List<AudioClip> out = new ArrayList<>(count);
        while (out.size() < count) {
            long start = stream.position();
            float[] window = stream.next(windowSamples);
            if (eventCoverage(stream.events(), start, start + windowSamples) * 2 >= windowSamples) {
                out.add(new AudioClip(window, stream.sampleRate()));
            }
        }
        return out;
    }

    /** Samples of [from, to) that lie inside some event (events do not overlap in a sensor stream). */
    static long eventCoverage(List<StreamEvent> events, long from, long to) {
        long covered = 0;
        for (int i = events.size() - 1; i >= 0 && events.get(i).endSample() > from; i--) {
            StreamEvent e = events.get(i);
            covered += Math.max(0, Math.min(to, e.endSample()) - Math.max(from, e.startSample()));
        }
        return covered;
    }

    private static int share(int count, int sensor) {
        return count / SENSORS + (sensor < count % SENSORS ? 1 : 0);
    }
}
