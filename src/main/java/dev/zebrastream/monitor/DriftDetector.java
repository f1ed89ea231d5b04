package dev.zebrastream.monitor;

import dev.zebrastream.window.StateBytes;
import java.io.DataInput;
import java.io.IOException;
import java.util.Optional;

/**
 * Per-sensor entropy drift: an exponentially weighted moving average (EWMA) of the normalised
 * entropy of each window, compared with a baseline (the mean of the first warm-up windows,
 * or a fixed value). An EWMA rather than CUSUM or Page–Hinkley because its statistic is an
 * entropy, which an operator can read and set thresholds on directly.
 *
 * <p>The alert is raised after {@code minWindows} consecutive windows with
 * {@code ewma - baseline > raiseDelta} and resolved after {@code minWindows} consecutive windows
 * with {@code ewma - baseline < resolveDelta}. The gap between the two deltas is the hysteresis.
 *
 * <p>Not thread-safe: one instance per sensor.
 */
public final class DriftDetector {

    private static final int FORMAT = 1;

    private final DriftConfig config;
    private long windowsSeen;
    private double ewma;
    private double warmupSum;
    private double baseline;
    private boolean raised;
    /** Consecutive windows past the threshold of the next transition. */
    private int streak;
    private long streakStartMs;
    private long streakStartWindow;
    private long episodeStartMs;
    private long episodeStartWindow;

    public DriftDetector(DriftConfig config) {
        this.config = config;
        this.baseline = config.fixedBaseline().orElse(Double.NaN);
    }

    /**
     * Takes the normalised entropy of the sensor's next window and returns an event only when
     * the alert state changes.
     *
     * @param startMs capture time of the window's first sample; an episode starts at its first window's
     * @param endMs   capture time of the window's end; an event ends at its window's
     */
    public Optional<DriftEvent> observe(double entropy, long startMs, long endMs) {
        if (!(entropy >= 0 && entropy <= 1)) {
            throw new IllegalArgumentException("normalised entropy must be in [0, 1], got " + entropy);
        }
        windowsSeen++;
        ewma = windowsSeen == 1 ? entropy : ewma + config.ewmaAlpha() * (entropy - ewma);
        if (Double.isNaN(baseline)) {
            learnBaseline(entropy);
            return Optional.empty();
        }
        double statistic = ewma - baseline;
        return raised ? checkResolve(statistic, startMs, endMs) : checkRaise(statistic, startMs, endMs);
    }

    public boolean isRaised() {
        return raised;
    }

    /** The baseline, or NaN while it is still being learned. */
    public double baseline() {
        return baseline;
    }

    public double ewma() {
        return ewma;
    }

    private void learnBaseline(double entropy) {
        warmupSum += entropy;
        if (windowsSeen == config.warmupWindows()) {
            baseline = warmupSum / windowsSeen;
        }
    }

    private Optional<DriftEvent> checkRaise(double statistic, long startMs, long endMs) {
        if (!extendStreak(statistic > config.raiseDelta(), startMs)) {
            return Optional.empty();
        }
        raised = true;
        episodeStartMs = streakStartMs;
        episodeStartWindow = streakStartWindow;
        return Optional.of(event(DriftEvent.Kind.RAISED, statistic, config.raiseDelta(), endMs));
    }

    private Optional<DriftEvent> checkResolve(double statistic, long startMs, long endMs) {
        if (!extendStreak(statistic < config.resolveDelta(), startMs)) {
            return Optional.empty();
        }
        raised = false;
        return Optional.of(event(DriftEvent.Kind.RESOLVED, statistic, config.resolveDelta(), endMs));
    }

    /** Counts consecutive windows past the threshold; true (and reset) once there are enough. */
    private boolean extendStreak(boolean pastThreshold, long timeMs) {
        if (!pastThreshold) {
            streak = 0;
            return false;
        }
        if (streak == 0) {
            streakStartMs = timeMs;
            streakStartWindow = windowsSeen;
        }
        streak++;
        if (streak < config.minWindows()) {
            return false;
        }
        streak = 0;
        return true;
    }

    private DriftEvent event(DriftEvent.Kind kind, double statistic, double threshold, long timeMs) {
        return new DriftEvent(kind, statistic, threshold, baseline, episodeStartMs, timeMs,
                windowsSeen - episodeStartWindow + 1, windowsSeen);
    }

    public byte[] toBytes() {
        return StateBytes.write(FORMAT, out -> {
            out.writeLong(windowsSeen);
            out.writeDouble(ewma);
            out.writeDouble(warmupSum);
            out.writeDouble(baseline);
            out.writeBoolean(raised);
            out.writeInt(streak);
            out.writeLong(streakStartMs);
            out.writeLong(streakStartWindow);
            out.writeLong(episodeStartMs);
            out.writeLong(episodeStartWindow);
        });
    }

    /**
     * Restores state written by {@link #toBytes()}. A fixed baseline in the config wins over the
     * stored one, so an operator's change takes effect on restart.
     */
    public static DriftDetector fromBytes(byte[] bytes, DriftConfig config) {
        return StateBytes.read(bytes, FORMAT, "drift detector", in -> read(in, new DriftDetector(config)));
    }

    private static DriftDetector read(DataInput in, DriftDetector detector) throws IOException {
        detector.windowsSeen = in.readLong();
        detector.ewma = in.readDouble();
        detector.warmupSum = in.readDouble();
        double storedBaseline = in.readDouble();
        detector.baseline = detector.config.fixedBaseline().orElse(storedBaseline);
        detector.raised = in.readBoolean();
        detector.streak = in.readInt();
        detector.streakStartMs = in.readLong();
        detector.streakStartWindow = in.readLong();
        detector.episodeStartMs = in.readLong();
        detector.episodeStartWindow = in.readLong();
        return detector;
    }
}
