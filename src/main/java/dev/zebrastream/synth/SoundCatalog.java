package dev.zebrastream.synth;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The sound classes that can be rendered on this machine, by name. Immutable. */
public final class SoundCatalog {

    private static final Logger LOG = LoggerFactory.getLogger(SoundCatalog.class);
    private static final SoundCatalog STANDARD = build();

    private final Map<String, SoundClass> classes;

    private SoundCatalog(Map<String, SoundClass> classes) {
        this.classes = classes;
    }

    /** Every built-in class that is available here (speech only where espeak-ng is installed). */
    public static SoundCatalog standard() {
        return STANDARD;
    }

    private static SoundCatalog build() {
        List<SoundClass> all = new ArrayList<>();
        Stream.of(AlarmSounds.all(), BellSounds.all(), MachineSounds.all(), ImpactSounds.all(), NatureSounds.all(),
                AnimalSounds.all(), HumanSounds.all(), List.<SoundClass>of(new SpeechSound())).forEach(all::addAll);
        Map<String, SoundClass> byName = new TreeMap<>();
        for (SoundClass soundClass : all) {
            if (!soundClass.available()) {
                LOG.info("sound class '{}' skipped: its renderer is not available on this machine", soundClass.name());
            } else if (byName.put(soundClass.name(), soundClass) != null) {
                throw new IllegalStateException("duplicate sound class " + soundClass.name());
            }
        }
        return new SoundCatalog(java.util.Collections.unmodifiableMap(byName));
    }

    /** Class names in sorted order. */
    public List<String> classNames() {
        return List.copyOf(classes.keySet());
    }

    /** The names among {@code wanted} that this catalog can render, in their order. */
    public List<String> renderable(List<String> wanted) {
        return wanted.stream().filter(classes::containsKey).toList();
    }

    public SoundClass get(String name) {
        SoundClass soundClass = classes.get(name);
        if (soundClass == null) {
            throw new IllegalArgumentException("unknown sound class '" + name + "'; valid classes: "
                    + String.join(", ", classes.keySet()));
        }
        return soundClass;
    }
}
