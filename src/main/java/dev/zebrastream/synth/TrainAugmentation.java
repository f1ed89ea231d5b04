package dev.zebrastream.synth;

import dev.zebrastream.synth.dsp.Rand;
import java.util.ArrayList;
import java.util.List;

/**
 * The training family: everyday recording variation (small rooms, noise beds, EQ, occasional
 * clipping), deliberately milder and different in kind from the held-out deployment families.
 */
final class TrainAugmentation implements Domain {

    static final double CLEAN_SHARE = 0.2;

    @Override
    public String name() {
        return "train";
    }

    @Override
    public Recorded apply(float[] dry, int sr, Rand rand) {
        float[] x = dry;
        List<String> conditions = new ArrayList<>();
        if (rand.chance(0.6)) {
            x = Effects.randomEq(x, sr, rand, 6);
        }
        if (rand.chance(0.5)) {
            double rt60 = rand.uniform(0.1, 0.5);
            x = Effects.reverb(x, sr, rand, rt60, rand.uniform(3, 12));
            conditions.add(rt60 > 0.3 ? "in a small echoing room" : "indoors");
        }
        if (rand.chance(0.8)) {
            double snr = rand.uniform(10, 30);
            x = Effects.colouredNoise(x, sr, rand, snr);
            conditions.add(snr < 18 ? "with background noise" : "with faint hiss");
        }
        if (rand.chance(0.1)) {
            x = Effects.clip(x, rand.uniform(1.2, 2.0));
            conditions.add("slightly distorted");
        }
        return new Recorded(x, conditions);
    }
}
