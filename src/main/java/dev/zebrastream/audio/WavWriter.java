package dev.zebrastream.audio;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes mono 16-bit PCM RIFF/WAVE files, the layout every audio tool reads. */
public final class WavWriter {

    private static final int HEADER_BYTES = 44;

    private WavWriter() {
    }

    public static void writePcm16(Path file, AudioClip clip) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(encodePcm16(clip));
        }
    }

    /** The complete file image: header plus little-endian samples, clipped to the 16-bit range. */
    public static byte[] encodePcm16(AudioClip clip) {
        float[] samples = clip.samples();
        int dataBytes = samples.length * 2;
        ByteBuffer buf = ByteBuffer.allocate(HEADER_BYTES + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        buf.put("RIFF".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        buf.putInt(36 + dataBytes);
        buf.put("WAVEfmt ".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        buf.putInt(16);
        buf.putShort((short) 1);
        buf.putShort((short) 1);
        buf.putInt(clip.sampleRate());
        buf.putInt(clip.sampleRate() * 2);
        buf.putShort((short) 2);
        buf.putShort((short) 16);
        buf.put("data".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        buf.putInt(dataBytes);
        for (float s : samples) {
            float clipped = Math.max(-1f, Math.min(1f, s));
            buf.putShort((short) Math.round(clipped * 32767f));
        }
        return buf.array();
    }
}
