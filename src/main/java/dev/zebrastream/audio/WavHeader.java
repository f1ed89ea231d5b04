package dev.zebrastream.audio;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * The part of a RIFF/WAVE or RF64 file before the samples, read from a stream that is left at the
 * first data byte: the format, how many data bytes follow and, for ADPCM, how many frames are real.
 */
record WavHeader(WavFormat format, long dataBytes, long frameLimit) {

    /** Data size of a file written where its writer could not seek back: the data runs to the end. */
    static final long UNTIL_END = -1;
    static final long NO_FRAME_LIMIT = Long.MAX_VALUE;
    /**
     * Sizes writers put in a header they cannot come back to fix: 0xFFFFFFFF (ffmpeg; RF64 when
     * ds64 holds the size), 0, and 0x7FFFF000 (sox and espeak-ng writing to a pipe).
     */
    private static final Set<Long> PLACEHOLDER_SIZES = Set.of(0xFFFFFFFFL, 0L, 0x7FFFF000L);
    /** fmt, ds64 and fact are tens of bytes; a size beyond this is a corrupt header, not a bigger chunk. */
    private static final int MAX_HEADER_CHUNK = 4096;

    static WavHeader read(InputStream in) throws IOException {
        byte[] riff = in.readNBytes(12);
        if (riff.length == 0) {
            throw new AudioFormatException("empty file");
        }
        String form = ascii(riff, 0);
        boolean rf64 = form.equals("RF64") || form.equals("BW64");
        if (riff.length < 12 || !(rf64 || form.equals("RIFF")) || !ascii(riff, 8).equals("WAVE")) {
            throw new AudioFormatException("not a WAV file: " + FileStart.describe(riff));
        }
        return new Chunks(in, rf64).untilData();
    }

    /** Walks the chunks after the RIFF header, remembering what later chunks need, up to the data chunk. */
    private static final class Chunks {
        private final InputStream in;
        private final boolean rf64;
        private WavFormat format;
        private long ds64DataBytes = UNTIL_END;
        private long factFrames = NO_FRAME_LIMIT;

        Chunks(InputStream in, boolean rf64) {
            this.in = in;
            this.rf64 = rf64;
        }

        WavHeader untilData() throws IOException {
            while (true) {
                byte[] head = in.readNBytes(8);
                if (head.length < 8) {
                    throw new AudioFormatException(format == null ? "no fmt chunk" : "no data chunk");
                }
                String id = ascii(head, 0);
                long size = Integer.toUnsignedLong(le(head).getInt(4));
                switch (id) {
                    case "data" -> {
                        return data(size);
                    }
                    case "fmt " -> format = WavFormat.parse(body(id, size));
                    case "ds64" -> ds64DataBytes = ds64(body(id, size));
                    case "fact" -> factFrames = fact(body(id, size));
                    default -> skip(size + (size & 1));
                }
            }
        }

        private WavHeader data(long size) throws AudioFormatException {
            if (format == null) {
                throw new AudioFormatException("data chunk before fmt chunk");
            }
            long bytes = rf64 && size == 0xFFFFFFFFL ? ds64DataBytes
                    : PLACEHOLDER_SIZES.contains(size) ? UNTIL_END : size;
            // A PCM writer's fact chunk is often stale; ADPCM needs it to drop the padding of the last block.
            long limit = format.encoding() == WavFormat.Encoding.IMA_ADPCM ? factFrames : NO_FRAME_LIMIT;
            return new WavHeader(format, bytes, limit);
        }

        /** The whole body of a small chunk, and its pad byte skipped. */
        private byte[] body(String id, long size) throws IOException {
            if (size > MAX_HEADER_CHUNK) {
                throw new AudioFormatException(id.strip() + " chunk declares an implausible " + size + " bytes");
            }
            byte[] body = in.readNBytes((int) size);
            if (body.length < size) {
                throw new AudioFormatException("truncated: " + id.strip() + " chunk declares " + size
                        + " bytes, file holds " + body.length);
            }
            skip(size & 1);
            return body;
        }

        private void skip(long bytes) throws IOException {
            try {
                in.skipNBytes(bytes);
            } catch (EOFException e) {
                // Not an error yet: the next chunk header read finds the end and says what is missing.
            }
        }

        /** RF64's 64-bit sizes: RIFF size, then data size (then sample count and a table we do not need). */
        private static long ds64(byte[] body) throws AudioFormatException {
            if (body.length < 16) {
                throw new AudioFormatException("ds64 chunk too short (" + body.length + " bytes)");
            }
            long bytes = le(body).getLong(8);
            return bytes < 0 ? UNTIL_END : bytes;
        }

        private static long fact(byte[] body) {
            long frames = body.length < 4 ? 0xFFFFFFFFL : Integer.toUnsignedLong(le(body).getInt(0));
            return frames == 0xFFFFFFFFL ? NO_FRAME_LIMIT : frames;
        }
    }

    private static ByteBuffer le(byte[] bytes) {
        return ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static String ascii(byte[] bytes, int from) {
        return from + 4 <= bytes.length ? new String(bytes, from, 4, StandardCharsets.ISO_8859_1) : "";
    }
}
