package dev.zebrastream.audio;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Decodes RIFF/WAVE files to mono float: integer PCM of 8, 16, 24 or 32 bits, IEEE float of 32 or
 * 64 bits, WAVE_FORMAT_EXTENSIBLE of either, any channel count (averaged), 8 to 192 kHz.
 */
public final class WavReader {

    public static final int MIN_RATE = 8_000;
    public static final int MAX_RATE = 192_000;
    private static final int FORMAT_PCM = 1;
    private static final int FORMAT_FLOAT = 3;
    private static final int FORMAT_EXTENSIBLE = 0xFFFE;

    private WavReader() {
    }

    public static AudioClip read(Path file) throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new AudioFormatException(file + ": no such file");
        }
        try {
            return decode(bytes);
        } catch (AudioFormatException e) {
            throw new AudioFormatException(file + ": " + e.getMessage());
        }
    }

    public static AudioClip decode(byte[] bytes) throws AudioFormatException {
        if (bytes.length == 0) {
            throw new AudioFormatException("empty file");
        }
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (bytes.length < 12 || !tag(buf, 0).equals("RIFF") || !tag(buf, 8).equals("WAVE")) {
            throw new AudioFormatException("not a WAV file (no RIFF/WAVE header)");
        }
        Format format = null;
        int pos = 12;
        while (pos + 8 <= bytes.length) {
            String id = tag(buf, pos);
            long size = Integer.toUnsignedLong(buf.getInt(pos + 4));
            int body = pos + 8;
            if (id.equals("fmt ")) {
                requireComplete("fmt", body, size, bytes.length);
                format = Format.parse(buf, body, size);
            } else if (id.equals("data")) {
                if (format == null) {
                    throw new AudioFormatException("data chunk before fmt chunk");
                }
                requireComplete("data", body, size, bytes.length);
                return format.decode(buf, body, (int) size);
            }
            pos = (int) Math.min(Integer.MAX_VALUE, body + size + (size & 1));
        }
        throw new AudioFormatException(format == null ? "no fmt chunk" : "no data chunk");
    }

    /** A chunk we must read whole; without this check a short fmt chunk ends in IndexOutOfBounds. */
    private static void requireComplete(String chunk, int body, long size, int fileLength)
            throws AudioFormatException {
        if (body + size > fileLength) {
            throw new AudioFormatException("truncated: " + chunk + " chunk declares " + size
                    + " bytes, file holds " + (fileLength - body));
        }
    }

    private static String tag(ByteBuffer buf, int pos) {
        byte[] id = new byte[4];
        buf.get(pos, id);
        return new String(id, StandardCharsets.US_ASCII);
    }

    private record Format(boolean isFloat, int channels, int sampleRate, int bits) {

        static Format parse(ByteBuffer buf, int body, long size) throws AudioFormatException {
            if (size < 16) {
                throw new AudioFormatException("fmt chunk too short");
            }
            int tag = Short.toUnsignedInt(buf.getShort(body));
            int channels = Short.toUnsignedInt(buf.getShort(body + 2));
            int rate = buf.getInt(body + 4);
            int bits = Short.toUnsignedInt(buf.getShort(body + 14));
            if (tag == FORMAT_EXTENSIBLE && size >= 26) {
                tag = Short.toUnsignedInt(buf.getShort(body + 24));
            }
            boolean isFloat = tag == FORMAT_FLOAT;
            if (tag != FORMAT_PCM && !isFloat) {
                throw new AudioFormatException("unsupported WAV encoding (format tag " + tag
                        + "); expected integer PCM or IEEE float");
            }
            if (isFloat ? bits != 32 && bits != 64 : bits != 8 && bits != 16 && bits != 24 && bits != 32) {
                throw new AudioFormatException("unsupported sample size: " + bits + "-bit "
                        + (isFloat ? "float" : "integer"));
            }
            if (channels < 1) {
                throw new AudioFormatException("no channels");
            }
            if (rate < MIN_RATE || rate > MAX_RATE) {
                throw new AudioFormatException("sample rate " + rate + " Hz is outside "
                        + MIN_RATE + ".." + MAX_RATE + " Hz");
            }
            return new Format(isFloat, channels, rate, bits);
        }

        AudioClip decode(ByteBuffer buf, int start, int size) throws AudioFormatException {
            int bytesPerSample = bits / 8;
            int frames = size / (bytesPerSample * channels);
            float[] mono = new float[frames];
            int pos = start;
            for (int i = 0; i < frames; i++) {
                double sum = 0;
                for (int c = 0; c < channels; c++, pos += bytesPerSample) {
                    sum += sample(buf, pos);
                }
                float value = (float) (sum / channels);
                if (!Float.isFinite(value)) {
                    throw new AudioFormatException("non-finite sample at frame " + i);
                }
                mono[i] = value;
            }
            return new AudioClip(mono, sampleRate);
        }

        private double sample(ByteBuffer buf, int pos) {
            if (isFloat) {
                return bits == 32 ? buf.getFloat(pos) : buf.getDouble(pos);
            }
            return switch (bits) {
                case 8 -> (Byte.toUnsignedInt(buf.get(pos)) - 128) / 128.0;
                case 16 -> buf.getShort(pos) / 32768.0;
                case 24 -> ((buf.get(pos) & 0xFF) | (buf.get(pos + 1) & 0xFF) << 8 | buf.get(pos + 2) << 16) / 8388608.0;
                default -> buf.getInt(pos) / 2147483648.0;
            };
        }
    }
}
