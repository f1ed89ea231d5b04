package dev.zebrastream.stream;

import ai.onnxruntime.OrtException;
import dev.zebrastream.classify.Classifier;
import dev.zebrastream.model.ClapModel;
import dev.zebrastream.prompt.PromptSet;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds the prompt set every classifier thread uses and swaps it atomically. The text encoder runs
 * in {@link #install}, on the thread that receives the new version (the global-store thread), so
 * the per-window path only reads a reference.
 */
public final class PromptRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(PromptRegistry.class);

    private final ClapModel model;
    private final String promptSetId;
    private final AtomicReference<ActivePrompts> active = new AtomicReference<>();

    public PromptRegistry(ClapModel model, String promptSetId, java.util.List<String> initialClasses) throws OrtException {
        this.model = model;
        this.promptSetId = promptSetId;
        PromptSet zeroShot = PromptSet.zeroShot(promptSetId, initialClasses, model.manifest().logitScale(),
                model.manifest().fingerprint());
        active.set(new ActivePrompts(zeroShot, Classifier.zeroShot(model, initialClasses)));
    }

    public String promptSetId() {
        return promptSetId;
    }

    public ActivePrompts current() {
        return active.get();
    }

    /**
     * Installs a newer version of this registry's prompt set. Older or equal versions, other prompt
     * sets and prompts learned on another model are ignored (returns false), so replays of the
     * compacted topic and stray records cannot roll a running classifier back by accident.
     */
    public boolean install(PromptSet set) throws OrtException {
        if (!set.promptSetId().equals(promptSetId)) {
            return false;
        }
        if (!set.modelFingerprint().equals(model.manifest().fingerprint())) {
            LOG.warn("ignoring prompt set {} v{}: learned on model {}, running {}", set.promptSetId(), set.version(),
                    abbreviate(set.modelFingerprint()), abbreviate(model.manifest().fingerprint()));
            return false;
        }
        if (set.version() <= current().version()) {
            return false;
        }
        Classifier classifier = Classifier.withContext(model, set.classes(),
                set.hasContext() ? set.context() : null, set.fusionWeight());
        active.set(new ActivePrompts(set, classifier));
        LOG.info("prompt set {} now at version {} ({} classes)", promptSetId, set.version(), set.classes().size());
        return true;
    }

    private static String abbreviate(String fingerprint) {
        return fingerprint.length() > 12 ? fingerprint.substring(0, 12) : fingerprint;
    }
}
