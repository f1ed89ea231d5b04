package dev.zebrastream.synth;

import dev.zebrastream.synth.dsp.Noise;
import dev.zebrastream.synth.dsp.Rand;
import dev.zebrastream.synth.dsp.Signals;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * An endless, deterministic audio stream of one simulated sensor: background-only gaps, then an
 * event of a random class, and so on, recorded under a domain that may drift on a schedule.
 * Audio is produced segment by segment (gap + event); segment k depends only on (seed, k) and the
 * domain in force at its start, so the stream is the same however it is chunked.
 * Not thread-safe: one consumer reads it.
 */
public final class SensorStream {

    private static final double MIN_GAP_S = 0.5;
    private static final double MAX_GAP_S = 3.0;
    private static final double MIN_EVENT_S = 1.0;
    private static final double MAX_EVENT_S = 3.0;
    /** Self-noise of the sensor, so silent gaps are never digital zero. */
    private static final double NOISE_FLOOR = 3e-4;

    private final long seed;
    private final int sampleRate;
    private final DomainSpec background;
    private final List<String> classes;
    private final List<Drift> drifts;
    private final Synthesizer synthesizer;
    private final List<StreamEvent> events = new ArrayList<>();
    private float[] segment = new float[0];
    private int segmentOffset;
    private long segmentStart;
    private long position;
    private int segmentIndex;

    public SensorStream(long seed, int sampleRate, DomainSpec background) {
        this(seed, sampleRate, background, SoundCatalog.standard().classNames(), List.of());
    }

    /**
     * @param classes classes to draw events from (validated against the standard catalogue)
     * @param drifts  domain changes; each applies to segments starting at or after its sample
     */
    public SensorStream(long seed, int sampleRate, DomainSpec background, List<String> classes, List<Drift> drifts) {
        if (sampleRate <= 0) {
            throw new IllegalArgumentException("sample rate must be positive, got " + sampleRate);
        }
        if (classes.isEmpty()) {
            throw new IllegalArgumentException("a sensor stream needs at least one class");
        }
        this.synthesizer = new Synthesizer();
        classes.forEach(synthesizer.catalog()::get);
        this.seed = seed;
        this.sampleRate = sampleRate;
        this.background = background;
        this.classes = List.copyOf(classes);
        this.drifts = drifts.stream().sorted(Comparator.comparingLong(Drift::fromSample)).toList();
    }

    /** The next {@code samples} samples of the stream. */
    public float[] next(int samples) {
        float[] out = new float[samples];
        int filled = 0;
        while (filled < samples) {
            if (segmentOffset == segment.length) {
                renderNextSegment();
            }
            int take = Math.min(samples - filled, segment.length - segmentOffset);
            System.arraycopy(segment, segmentOffset, out, filled, take);
            segmentOffset += take;
            filled += take;
        }
        position += samples;
        return out;
    }

    /** Samples delivered so far. */
    public long position() {
        return position;
    }

    public int sampleRate() {
        return sampleRate;
    }

    /** Ground truth for every event that has started within the delivered samples, in time order. */
    public List<StreamEvent> events() {
        return events.stream().filter(e -> e.startSample() < position).toList();
    }

    /** The domain spec in force for a segment starting at {@code sample}. */
    public DomainSpec domainAt(long sample) {
        DomainSpec current = background;
        for (Drift drift : drifts) {
            if (drift.fromSample() <= sample) {
                current = drift.domain();
            }
        }
        return current;
    }

    private void renderNextSegment() {
        segmentStart += segment.length;
        Rand rand = new Rand(CorpusPlan.clipSeed(seed, "sensor-segment", segmentIndex++));
        int gap = Signals.samples(rand.uniform(MIN_GAP_S, MAX_GAP_S), sampleRate);
        double eventSeconds = rand.uniform(MIN_EVENT_S, MAX_EVENT_S);
        String className = rand.pick(classes);
        LabeledClip event = synthesizer.render(className, DomainSpec.CLEAN, rand.nextLong(), sampleRate, eventSeconds);
        float[] dry = new float[gap + event.clip().samples().length];
        Signals.addInto(dry, event.clip().samples(), gap, 1);
        Domain domain = domainAt(segmentStart).resolve(rand);
        float[] recorded = domain.apply(dry, sampleRate, rand).samples();
        Signals.addInto(recorded, Noise.pink(rand, recorded.length), 0, NOISE_FLOOR);
        double peak = Signals.peak(recorded);
        segment = peak > 1 ? Signals.scale(recorded, 0.99 / peak) : recorded;
        segmentOffset = 0;
        events.add(new StreamEvent(className, segmentStart + gap, segmentStart + dry.length, domain.name(), event.caption()));
    }
}
