package dev.zebrastream.prompt;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * New versions derived from the one in force: changed class lists and rollbacks. Each keeps the
 * learned context vectors it starts from, so a class added at run time is usable at once,
 * zero-shot through the fused prompts.
 */
public final class PromptRevisions {

    private PromptRevisions() {
    }

    public static PromptSet addClasses(PromptSet current, List<String> names, long nowMs) {
        List<String> novel = new ArrayList<>(current.novelClasses());
        for (String n : names) {
            String name = n.trim();
            if (name.isEmpty()) {
                throw new IllegalArgumentException("empty class name");
            }
            if (current.baseClasses().contains(name) || novel.contains(name)) {
                throw new IllegalArgumentException("class '" + name + "' is already in prompt set "
                        + current.promptSetId() + " v" + current.version());
            }
            novel.add(name);
        }
        return next(current, current.baseClasses(), novel, current.context(), current.metrics(), nowMs,
                "added " + String.join(", ", names));
    }

    public static PromptSet removeClasses(PromptSet current, List<String> names, long nowMs) {
        List<String> base = new ArrayList<>(current.baseClasses());
        List<String> novel = new ArrayList<>(current.novelClasses());
        for (String name : names) {
            if (!base.remove(name.trim()) && !novel.remove(name.trim())) {
                throw new IllegalArgumentException("class '" + name + "' is not in prompt set "
                        + current.promptSetId() + " v" + current.version());
            }
        }
        return next(current, base, novel, current.context(), current.metrics(), nowMs,
                "removed " + String.join(", ", names));
    }

    /**
     * Republishes an old version's content as the newest version (versions only ever grow); its
     * parent is the version rolled back to.
     */
    public static PromptSet rollback(PromptSet current, PromptSet target, long nowMs) {
        return new PromptSet(current.promptSetId(), current.version() + 1, target.asParent(), target.baseClasses(),
                target.novelClasses(), target.contextLength(), target.hiddenSize(), target.context(),
                target.fusionWeight(), target.logitScale(), target.modelFingerprint(), target.objective(),
                target.metrics(), nowMs, "rollback to v" + target.version());
    }

    private static PromptSet next(PromptSet current, List<String> base, List<String> novel, float[] context,
                                  Map<String, Double> metrics, long nowMs, String note) {
        return new PromptSet(current.promptSetId(), current.version() + 1, current.asParent(), base, novel,
                current.contextLength(), current.hiddenSize(), context, current.fusionWeight(), current.logitScale(),
                current.modelFingerprint(), current.objective(), metrics, nowMs, note);
    }
}
