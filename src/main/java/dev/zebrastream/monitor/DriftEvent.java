package dev.zebrastream.monitor;

/**
 * A change of a sensor's drift state.
 *
 * @param statistic         the entropy average minus the baseline at this window
 * @param threshold         the delta that was crossed: raiseDelta for RAISED, resolveDelta for RESOLVED
 * @param baseline          the baseline entropy
 * @param episodeStartMs    start capture time of the first window of the run that raised the alert
 * @param episodeLastMs     end capture time of the window that caused this event
 * @param windowsInEpisode  windows from episodeStartMs to episodeLastMs, both included
 * @param windowsSeen       windows this detector has observed in total
 */
public record DriftEvent(
        Kind kind,
        double statistic,
        double threshold,
        double baseline,
        long episodeStartMs,
        long episodeLastMs,
        long windowsInEpisode,
        long windowsSeen) {

    public enum Kind {
        RAISED,
        RESOLVED
    }
}
