package dev.zebrastream.sensor;

import dev.zebrastream.synth.DomainSpec;
import dev.zebrastream.synth.Drift;
import dev.zebrastream.synth.SensorStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Simulated sensors for the demo and tests: mixed rates, channels and encodings, clean background,
 * and (optionally) the last sensor drifting into a heavy unseen condition after a while.
 */
public final class SensorFleet {

    /**
     * Where the drifting sensor ends up: heavy crowd babble, never heard in training. (Under loud
     * machinery, factory-3, the shipped model errs confidently: its entropy does not rise.)
     */
    public static final DomainSpec DRIFT_DOMAIN = DomainSpec.parse("babble-3");

    private SensorFleet() {
    }

    /**
     * @param driftAfterSeconds when the last sensor switches to {@link #DRIFT_DOMAIN}; negative = no drift
     */
    public static List<SimulatedSensor> create(int count, long seed, List<String> classes, long startMs,
                                               double driftAfterSeconds) {
        List<SimulatedSensor> sensors = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            SensorProfile profile = SensorProfile.variety(i);
            boolean drifting = driftAfterSeconds >= 0 && i == count - 1;
            List<Drift> drifts = drifting
                    ? List.of(new Drift(Math.round(driftAfterSeconds * profile.sampleRate()), DRIFT_DOMAIN))
                    : List.of();
            SensorStream stream = new SensorStream(seed + i, profile.sampleRate(), DomainSpec.CLEAN, classes, drifts);
            sensors.add(new SimulatedSensor(String.format("sensor-%02d", i + 1), profile, stream, startMs));
        }
        return sensors;
    }
}
