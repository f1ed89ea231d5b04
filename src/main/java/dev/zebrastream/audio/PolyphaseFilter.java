package dev.zebrastream.audio;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The anti-aliasing low-pass of a rational rate change {@code up/down}, split into {@code up}
 * polyphase branches: a Kaiser-windowed sinc at the upsampled rate, cut off at {@link #ROLLOFF} of the
 * lower of the two Nyquist frequencies. Immutable and shared: one design per rate pair.
 *
 * <p>Why these numbers: {@link #ZERO_CROSSINGS} sinc lobes per side with a Kaiser window of
 * {@link #KAISER_BETA} keep the passband flat to 0.001 dB up to 0.8 of the lower Nyquist frequency
 * and put aliases more than 80 dB down (ResamplerQualityTest, docs/frontend.md), at 50 to 110
 * multiply-adds per output sample for the rates sensors use; more lobes bought nothing measurable.
 */
final class PolyphaseFilter {

    static final double ROLLOFF = 0.9;
    static final int ZERO_CROSSINGS = 16;
    static final double KAISER_BETA = 8.0;

    private static final Map<Long, PolyphaseFilter> DESIGNS = new ConcurrentHashMap<>();

    final int up;
    final int down;
    /** Delay of the filter's centre, in upsampled samples: output n is taken at {@code n * down + centre}. */
    final int centre;
    /**
     * {@code phases[p][taps - 1 - k] = up * h[p + k * up]}: each branch reversed, so that it lines up
     * with the input oldest first and an output is a plain ascending dot product. Every branch has
     * the same length.
     */
    final float[][] phases;

    private PolyphaseFilter(int up, int down) {
        this.up = up;
        this.down = down;
        double cutoff = ROLLOFF * 0.5 / Math.max(up, down); // cycles per upsampled sample
        this.centre = (int) Math.ceil(ZERO_CROSSINGS / (2 * cutoff));
        int length = 2 * centre + 1;
        int taps = (length + up - 1) / up;
        this.phases = new float[up][taps];
        for (int m = 0; m < length; m++) {
            double x = m - centre;
            double h = 2 * cutoff * sinc(2 * cutoff * x) * kaiser(x / centre);
            phases[m % up][taps - 1 - m / up] = (float) (up * h);
        }
    }

    /** The design for {@code sourceRate -> targetRate}, reduced to its smallest ratio. */
    static PolyphaseFilter of(int sourceRate, int targetRate) {
        int g = gcd(sourceRate, targetRate);
        int up = targetRate / g;
        int down = sourceRate / g;
        return DESIGNS.computeIfAbsent(((long) up << 32) | down, key -> new PolyphaseFilter(up, down));
    }

    int taps() {
        return phases[0].length;
    }

    private static double sinc(double x) {
        return x == 0 ? 1 : Math.sin(Math.PI * x) / (Math.PI * x);
    }

    /** Kaiser window at {@code r} in [-1, 1]. */
    private static double kaiser(double r) {
        return besselI0(KAISER_BETA * Math.sqrt(Math.max(0, 1 - r * r))) / besselI0(KAISER_BETA);
    }

    /** Modified Bessel function of the first kind, order 0, by its power series (converges fast for beta ~ 8). */
    private static double besselI0(double x) {
        double sum = 1;
        double term = 1;
        for (int k = 1; term > 1e-12 * sum; k++) {
            term *= (x / (2 * k)) * (x / (2 * k));
            sum += term;
        }
        return sum;
    }

    private static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
    }
}
