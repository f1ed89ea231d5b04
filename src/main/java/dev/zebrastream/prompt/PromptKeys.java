package dev.zebrastream.prompt;

import java.util.OptionalLong;

/**
 * Keys on the compacted prompts topic. The key {@code <set>} holds the version in force (what
 * classifiers follow); every version is also kept under {@code <set>@v<version>}, so compaction
 * never erases the history that {@code prompts history} and {@code prompts rollback} need.
 */
public final class PromptKeys {

    private static final String VERSION_MARK = "@v";

    private PromptKeys() {
    }

    public static String current(String promptSetId) {
        return promptSetId;
    }

    public static String archived(String promptSetId, long version) {
        return promptSetId + VERSION_MARK + version;
    }

    /** The version of an archive key of this set, or empty for any other key. */
    public static OptionalLong archivedVersion(String key, String promptSetId) {
        String prefix = promptSetId + VERSION_MARK;
        if (!key.startsWith(prefix)) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(key.substring(prefix.length())));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }
}
