package dev.zebrastream.audio;

import java.nio.ByteBuffer;

/** Turns the bytes of a WAV data chunk into mono samples (channels averaged), whole frames at a time. */
interface SampleDecoder {

    /** Bytes of the smallest unit the data is made of: one sample frame, or one ADPCM block. */
    int blockBytes();

    /** Whole sample frames in {@code bytes} bytes of data that start at a block boundary. */
    int framesIn(int bytes);

    /**
     * Decodes the whole frames of {@code data[0, length)} into {@code mono[0, framesIn(length))} and
     * returns their count. {@code length} ends mid-block only where the data ends (a truncated file).
     */
    int decode(ByteBuffer data, int length, float[] mono);
}
