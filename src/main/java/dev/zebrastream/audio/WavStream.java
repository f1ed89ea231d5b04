package dev.zebrastream.audio;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A WAV file's audio as mono float, read and decoded a block at a time so that memory does not grow
 * with the file. A file cut off inside its data gives the whole frames before the cut and one
 * warning. Messages of the exceptions it throws start with the file's name.
 */
public final class WavStream implements Closeable {

    private static final Logger LOG = LoggerFactory.getLogger(WavStream.class);
    /** Bytes read per refill: large enough for few system calls, small enough not to matter. */
    private static final int READ_BYTES = 64 * 1024;

    private final InputStream in;
    private final String name;
    private final WavHeader header;
    private final SampleDecoder decoder;
    private final byte[] bytes;
    private final ByteBuffer view;
    private final float[] decoded;
    private int next;
    private int available;
    private long dataBytesRead;
    private long framesRead;
    private boolean atEnd;

    /** Reads the header; {@code name} (may be empty) starts every message about this stream. */
    WavStream(InputStream in, String name) throws AudioFormatException {
        this.in = in;
        this.name = name;
        try {
            this.header = WavHeader.read(in);
        } catch (AudioFormatException e) {
            throw failure(e.getMessage());
        } catch (IOException e) {
            throw failure("read failed: " + e.getMessage());
        }
        this.decoder = header.format().decoder();
        int blocks = Math.max(1, READ_BYTES / decoder.blockBytes());
        this.bytes = new byte[blocks * decoder.blockBytes()];
        this.view = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        this.decoded = new float[decoder.framesIn(bytes.length)];
    }

    public int sampleRate() {
        return header.format().sampleRate();
    }

    /** Frames decoded so far. */
    public long framesRead() {
        return framesRead;
    }

    /**
     * Reads up to {@code length} mono samples into {@code dest[offset, ...)}.
     *
     * @return how many, at least 1, or -1 at the end of the audio
     */
    public int read(float[] dest, int offset, int length) throws AudioFormatException {
        while (next == available) {
            if (atEnd) {
                return -1;
            }
            refill();
        }
        int n = Math.min(length, available - next);
        System.arraycopy(decoded, next, dest, offset, n);
        next += n;
        return n;
    }

    /** The rest of the audio as one clip. */
    public AudioClip readAll() throws AudioFormatException {
        float[] all = new float[decoded.length];
        int filled = 0;
        for (int n; (n = read(all, filled, all.length - filled)) > 0; ) {
            filled += n;
            if (filled == all.length) {
                all = Arrays.copyOf(all, all.length * 2);
            }
        }
        return new AudioClip(Arrays.copyOf(all, filled), sampleRate());
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    private void refill() throws AudioFormatException {
        int wanted = (int) Math.min(bytes.length, bytesLeft());
        int got;
        try {
            got = in.readNBytes(bytes, 0, wanted);
        } catch (AudioFormatException e) {
            throw failure(e.getMessage());
        } catch (IOException e) {
            throw failure("read failed: " + e.getMessage());
        }
        dataBytesRead += got;
        atEnd = got < wanted || bytesLeft() == 0;
        int frames = (int) Math.min(decoder.decode(view, got, decoded), header.frameLimit() - framesRead);
        requireFinite(frames);
        next = 0;
        available = frames;
        framesRead += frames;
        atEnd |= framesRead == header.frameLimit();
        if (got < wanted && header.dataBytes() != WavHeader.UNTIL_END) {
            warnTruncated();
        }
    }

    /** The file ended before the size its data chunk declares: what was there is used, once said. */
    private void warnTruncated() {
        LOG.warn("{}truncated: data chunk declares {} bytes, file holds {}; read {} frames ({} s)", prefix(),
                header.dataBytes(), dataBytesRead, framesRead,
                String.format(Locale.ROOT, "%.3f", framesRead / (double) sampleRate()));
    }

    private long bytesLeft() {
        return header.dataBytes() == WavHeader.UNTIL_END ? Long.MAX_VALUE : header.dataBytes() - dataBytesRead;
    }

    /** Only IEEE float data can hold NaN or infinity; the front end cannot take either. */
    private void requireFinite(int frames) throws AudioFormatException {
        if (header.format().encoding() != WavFormat.Encoding.FLOAT) {
            return;
        }
        for (int i = 0; i < frames; i++) {
            if (!Float.isFinite(decoded[i])) {
                throw failure("non-finite sample at frame " + (framesRead + i));
            }
        }
    }

    private AudioFormatException failure(String message) {
        return new AudioFormatException(prefix() + message);
    }

    private String prefix() {
        return name.isEmpty() ? "" : name + ": ";
    }
}
