package dev.zebrastream.audio;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * IMA/DVI ADPCM as Microsoft's WAV format tag 0x11 lays it out: each block starts with a 4-byte
 * header per channel (the first sample as int16, the step index, a reserved byte), then 4-bit
 * codes in groups of 4 bytes (8 samples) per channel, channels taking turns, low nibble first.
 */
final class ImaAdpcmDecoder implements SampleDecoder {

    private static final int[] STEP_SIZES = {
        7, 8, 9, 10, 11, 12, 13, 14, 16, 17, 19, 21, 23, 25, 28, 31, 34, 37, 41, 45, 50, 55, 60, 66,
        73, 80, 88, 97, 107, 118, 130, 143, 157, 173, 190, 209, 230, 253, 279, 307, 337, 371, 408, 449,
        494, 544, 598, 658, 724, 796, 876, 963, 1060, 1166, 1282, 1411, 1552, 1707, 1878, 2066, 2272,
        2499, 2749, 3024, 3327, 3660, 4026, 4428, 4871, 5358, 5894, 6484, 7132, 7845, 8630, 9493,
        10442, 11487, 12635, 13899, 15289, 16818, 18500, 20350, 22385, 24623, 27086, 29794, 32767};
    private static final int[] INDEX_CHANGE = {-1, -1, -1, -1, 2, 4, 6, 8};
    private static final int HEADER_BYTES = 4;
    private static final int GROUP_BYTES = 4;
    private static final int SAMPLES_PER_GROUP = 8;

    private final int channels;
    private final int blockAlign;
    private final int framesPerBlock;

    ImaAdpcmDecoder(int channels, int blockAlign) {
        this.channels = channels;
        this.blockAlign = blockAlign;
        this.framesPerBlock = wholeFrames(blockAlign);
    }

    /** Whether blocks of this size hold the headers and a whole number of 4-byte groups per channel. */
    static boolean fits(int blockAlign, int channels) {
        int headers = HEADER_BYTES * channels;
        return blockAlign > headers && (blockAlign - headers) % (GROUP_BYTES * channels) == 0;
    }

    @Override
    public int blockBytes() {
        return blockAlign;
    }

    @Override
    public int framesIn(int bytes) {
        return bytes / blockAlign * framesPerBlock + wholeFrames(bytes % blockAlign);
    }

    @Override
    public int decode(ByteBuffer data, int length, float[] mono) {
        int frames = 0;
        for (int start = 0; start < length; start += blockAlign) {
            int n = wholeFrames(Math.min(blockAlign, length - start));
            Arrays.fill(mono, frames, frames + n, 0f);
            for (int c = 0; c < channels; c++) {
                decodeChannel(data, start, c, n, mono, frames);
            }
            frames += n;
        }
        return frames;
    }

    /** Frames in the first {@code bytes} of a block: the header sample, then 8 per complete group. */
    private int wholeFrames(int bytes) {
        int headers = HEADER_BYTES * channels;
        return bytes < headers ? 0 : 1 + (bytes - headers) / (GROUP_BYTES * channels) * SAMPLES_PER_GROUP;
    }

    /** Adds channel {@code c}'s share of the channel average to {@code mono[at, at + n)}. */
    private void decodeChannel(ByteBuffer data, int block, int c, int n, float[] mono, int at) {
        float scale = 1f / (32768f * channels);
        int header = block + HEADER_BYTES * c;
        int predictor = data.getShort(header);
        int index = Math.min(Byte.toUnsignedInt(data.get(header + 2)), STEP_SIZES.length - 1);
        mono[at] += predictor * scale;
        int codes = block + HEADER_BYTES * channels + GROUP_BYTES * c;
        for (int k = 1; k < n; k++) {
            int s = k - 1;
            int pos = codes + s / SAMPLES_PER_GROUP * GROUP_BYTES * channels + s % SAMPLES_PER_GROUP / 2;
            int code = (data.get(pos) >> (s % 2 * 4)) & 0x0F;
            predictor = Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, predictor + delta(code, index)));
            index = Math.max(0, Math.min(STEP_SIZES.length - 1, index + INDEX_CHANGE[code & 7]));
            mono[at + k] += predictor * scale;
        }
    }

    /** The signed change a 4-bit code makes at this step index: sign bit 8, magnitude bits 4, 2, 1. */
    private static int delta(int code, int index) {
        int step = STEP_SIZES[index];
        int diff = step >> 3;
        if ((code & 4) != 0) {
            diff += step;
        }
        if ((code & 2) != 0) {
            diff += step >> 1;
        }
        if ((code & 1) != 0) {
            diff += step >> 2;
        }
        return (code & 8) != 0 ? -diff : diff;
    }
}
