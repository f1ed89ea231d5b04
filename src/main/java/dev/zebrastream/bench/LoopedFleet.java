package dev.zebrastream.bench;

import dev.zebrastream.sensor.FramePublisher;
import dev.zebrastream.sensor.SensorProfile;
import dev.zebrastream.synth.DomainSpec;
import dev.zebrastream.synth.SensorStream;
import dev.zebrastream.window.Frame;
import java.util.ArrayList;
import java.util.List;

/**
 * Sensors whose audio is a loop of 30 s rendered once per profile (so hundreds of sensors cost no
 * synthesis), each sensor starting at its own offset. Frames leave when the clock passed to
 * {@link #publishDue} passes their end, as a real sensor's; a clock ahead of the wall clock
 * publishes a recorded backlog at once.
 */
final class LoopedFleet {

    private static final double LOOP_SECONDS = 30;

    private final List<float[]> loops = new ArrayList<>();
    private final int count;
    private final long startMs;
    private final long[] sequence;
    private final long[] position;

    LoopedFleet(int count, List<String> classes, long startMs) {
        for (int profile = 0; profile < 8; profile++) {
            int rate = SensorProfile.variety(profile).sampleRate();
            loops.add(new SensorStream(100 + profile, rate, DomainSpec.CLEAN, classes, List.of())
                    .next((int) (LOOP_SECONDS * rate)));
        }
        this.count = count;
        this.startMs = startMs;
        this.sequence = new long[count];
        this.position = new long[count];
    }

    void publishDue(FramePublisher publisher, long nowMs) {
        for (int i = 0; i < count; i++) {
            SensorProfile p = SensorProfile.variety(i);
            while (startMs + (position[i] + p.frameSamples()) * 1000L / p.sampleRate() <= nowMs) {
                publisher.publish(frame(i, p));
            }
        }
    }

    private Frame frame(int i, SensorProfile p) {
        float[] loop = loops.get(i % 8);
        float[] mono = new float[p.frameSamples()];
        long offset = position[i] + (long) i * 7919;
        for (int k = 0; k < mono.length; k++) {
            mono[k] = loop[(int) ((offset + k) % loop.length)];
        }
        long captureMs = startMs + position[i] * 1000L / p.sampleRate();
        position[i] += p.frameSamples();
        return new Frame(String.format("sensor-%04d", i + 1), sequence[i]++, captureMs, p.sampleRate(), p.channels(),
                p.encoding(), p.encoding().encode(mono, p.channels()));
    }

    /** Whole seconds of audio published, summed over sensors: one window each with 1 s windows. */
    int windowsPublished() {
        long total = 0;
        for (int i = 0; i < count; i++) {
            total += position[i] / SensorProfile.variety(i).sampleRate();
        }
        return (int) total;
    }
}
