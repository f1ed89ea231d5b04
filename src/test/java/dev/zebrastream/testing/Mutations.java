package dev.zebrastream.testing;

import java.util.Arrays;
import java.util.SplittableRandom;

/** Random damage to an encoded record, as a flaky producer, a bad disk or an attacker would do it. */
public final class Mutations {

    private Mutations() {
    }

    /** One random mutation: a flipped byte, a cut, inserted garbage, or eight overwritten bytes. */
    public static byte[] apply(byte[] value, SplittableRandom random) {
        byte[] out = value.clone();
        switch (random.nextInt(4)) {
            case 0 -> out[random.nextInt(out.length)] ^= (byte) (1 + random.nextInt(255));
            case 1 -> out = Arrays.copyOf(out, random.nextInt(out.length));
            case 2 -> {
                int at = random.nextInt(out.length);
                byte[] garbage = new byte[1 + random.nextInt(16)];
                random.nextBytes(garbage);
                byte[] grown = new byte[out.length + garbage.length];
                System.arraycopy(out, 0, grown, 0, at);
                System.arraycopy(garbage, 0, grown, at, garbage.length);
                System.arraycopy(out, at, grown, at + garbage.length, out.length - at);
                out = grown;
            }
            default -> {
                int at = random.nextInt(Math.max(1, out.length - 8));
                for (int i = at; i < Math.min(out.length, at + 8); i++) {
                    out[i] = (byte) random.nextInt(256);
                }
            }
        }
        return out;
    }
}
