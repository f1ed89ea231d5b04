package dev.zebrastream.synth;

import dev.zebrastream.audio.AudioClip;
import dev.zebrastream.synth.dsp.Rand;
import dev.zebrastream.synth.dsp.Signals;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders labeled clips: class recipe, then domain, then a random output level, then a caption.
 * Each stage draws from its own split of the seed, so e.g. the dry event of a seed is the same in
 * every domain (which makes clean/noisy pairs and SNR measurements possible).
 */
public final class Synthesizer {

    /** Output peak level range in dBFS. */
    static final double MIN_LEVEL_DB = -20;
    static final double MAX_LEVEL_DB = -1;

    private final SoundCatalog catalog;

    public Synthesizer(SoundCatalog catalog) {
        this.catalog = catalog;
    }

    public Synthesizer() {
        this(SoundCatalog.standard());
    }

    public SoundCatalog catalog() {
        return catalog;
    }

    /** Same arguments, bit-identical result. */
    public LabeledClip render(String className, DomainSpec domain, long seed, int sampleRate, double seconds) {
        if (sampleRate <= 0 || seconds <= 0) {
            throw new IllegalArgumentException("sample rate and duration must be positive");
        }
        SoundClass soundClass = catalog.get(className);
        Rand root = new Rand(seed);
        Rand eventRand = root.split();
        Rand domainRand = root.split();
        Rand levelRand = root.split();
        Rand captionRand = root.split();
        int length = Signals.samples(seconds, sampleRate);
        Sound sound = soundClass.render(eventRand, sampleRate, length);
        float[] dry = Signals.normalizePeak(Signals.fit(sound.samples(), length), 1);
        Domain resolved = domain.resolve(domainRand);
        Domain.Recorded recorded = resolved.apply(dry, sampleRate, domainRand);
        double levelDb = levelRand.uniform(MIN_LEVEL_DB, MAX_LEVEL_DB);
        float[] out = Signals.normalizePeak(recorded.samples(), Math.pow(10, levelDb / 20));
        List<String> conditions = new ArrayList<>(recorded.conditions());
        conditions.addAll(levelPhrases(levelDb));
        String caption = Captioner.caption(soundClass.captions(), sound, conditions, captionRand);
        return new LabeledClip(new AudioClip(out, sampleRate), className, caption, resolved.name(), seed);
    }

    public LabeledClip render(ClipRequest request, int sampleRate, double seconds) {
        return render(request.className(), request.domain(), request.seed(), sampleRate, seconds);
    }

    /** Renders a plan in parallel; the result is in plan order and independent of scheduling. */
    public List<LabeledClip> renderAll(List<ClipRequest> plan, int sampleRate, double seconds) {
        return plan.parallelStream().map(r -> render(r, sampleRate, seconds)).toList();
    }

    private static List<String> levelPhrases(double levelDb) {
        if (levelDb < -14) {
            return List.of("far away", "at a low volume", "in the distance");
        }
        if (levelDb > -5) {
            return List.of("close to the microphone", "loud and close");
        }
        return List.of();
    }
}
