package dev.zebrastream.audio;

import java.nio.ByteBuffer;

/**
 * ITU-T G.711 companded 8-bit samples (WAV format tags 6, A-law, and 7, µ-law), expanded to the
 * 16-bit linear values of the standard's decoding tables and scaled by 1/32768 like 16-bit PCM.
 */
final class G711 {

    private static final int SIGN = 0x80;
    private static final int MULAW_BIAS = 0x84;
    private static final float[] ALAW = table(G711::expandAlaw);
    private static final float[] MULAW = table(G711::expandMulaw);

    private G711() {
    }

    static double alaw(ByteBuffer data, int pos) {
        return ALAW[Byte.toUnsignedInt(data.get(pos))];
    }

    static double mulaw(ByteBuffer data, int pos) {
        return MULAW[Byte.toUnsignedInt(data.get(pos))];
    }

    /** A-law: even bits inverted on the line; sign bit set means positive; 13-bit magnitude. */
    static int expandAlaw(int code) {
        int a = code ^ 0x55;
        int exponent = (a >> 4) & 7;
        int mantissa = a & 0x0F;
        int magnitude = exponent == 0 ? (mantissa << 4) + 8 : ((mantissa << 4) + 0x108) << (exponent - 1);
        return (a & SIGN) != 0 ? magnitude : -magnitude;
    }

    /** µ-law: all bits inverted on the line; sign bit set means negative; biased 14-bit magnitude. */
    static int expandMulaw(int code) {
        int u = ~code & 0xFF;
        int exponent = (u >> 4) & 7;
        int mantissa = u & 0x0F;
        int magnitude = (((mantissa << 3) + MULAW_BIAS) << exponent) - MULAW_BIAS;
        return (u & SIGN) != 0 ? -magnitude : magnitude;
    }

    private static float[] table(java.util.function.IntUnaryOperator expand) {
        float[] t = new float[256];
        for (int code = 0; code < t.length; code++) {
            t[code] = expand.applyAsInt(code) / 32768f;
        }
        return t;
    }
}
