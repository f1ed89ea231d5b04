package dev.zebrastream.classify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zebrastream.audio.AudioClip;
import dev.zebrastream.audio.Resampler;
import dev.zebrastream.audio.WavReader;
import dev.zebrastream.audio.WavWriter;
import dev.zebrastream.classify.Windowing.Window;
import dev.zebrastream.testing.WavBytes;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The streamed windows of a file equal the whole-file ones, and streaming holds memory bounded. */
class WindowStreamTest {

    private static final int MODEL_RATE = 16_000;

    @Test
    void streamedWindowsEqualTheWholeFileCut() throws Exception {
        // 3.3 s at 44.1 kHz is nine decoding blocks and, at 16 kHz, windows that straddle them.
        byte[] wav = WavWriter.encodePcm16(signal(44_100, 3.3));
        double worst = 0;
        int windows = 0;
        for (double[] winHop : new double[][] {{1.0, 0.5}, {1.0, 1.0}, {0.3, 0.7}, {10.0, 10.0}}) {
            List<Window> whole = Windowing.cut(Resampler.resample(WavReader.decode(wav), MODEL_RATE), winHop[0], winHop[1]);
            List<Window> streamed = streamAll(wav, winHop[0], winHop[1], 3);
            assertEquals(whole.size(), streamed.size(), "window count, window/hop " + winHop[0] + "/" + winHop[1]);
            for (int i = 0; i < whole.size(); i++) {
                Window w = whole.get(i);
                Window s = streamed.get(i);
                assertEquals(w.startSeconds(), s.startSeconds(), 0.0, "start of window " + i);
                assertEquals(w.endSeconds(), s.endSeconds(), 0.0, "end of window " + i);
                assertEquals(w.audio().samples().length, s.audio().samples().length);
                for (int k = 0; k < w.audio().samples().length; k++) {
                    double d = Math.abs(w.audio().samples()[k] - s.audio().samples()[k]);
                    worst = Math.max(worst, d);
                    assertTrue(d <= 1e-3, "window " + i + " sample " + k + " differs by " + d);
                }
            }
            windows += whole.size();
        }
        System.out.println("streamed vs whole-file windows at 44.1 -> 16 kHz: " + windows
                + " windows equal in bounds, max sample |difference| " + worst);
    }

    @Test
    void withoutResamplingTheStreamedWindowsAreIdentical() throws Exception {
        byte[] wav = WavWriter.encodePcm16(signal(MODEL_RATE, 2.2));
        List<Window> whole = Windowing.cut(WavReader.decode(wav), 1.0, 0.25);
        List<Window> streamed = streamAll(wav, 1.0, 0.25, 2);
        assertEquals(whole.size(), streamed.size());
        for (int i = 0; i < whole.size(); i++) {
            assertArrayEquals(whole.get(i).audio().samples(), streamed.get(i).audio().samples());
            assertEquals(whole.get(i).endSeconds(), streamed.get(i).endSeconds(), 0.0);
        }
    }

    /**
     * Twenty minutes of 48 kHz stereo float32 (460.8 MB of data, made up as it is read, never stored)
     * stream through in 10-second windows. Decoded whole, the mono samples alone would take 230 MB;
     * streamed, the live heap halfway through (after a GC) must stay within 64 MB of where it started,
     * and the reader must never ask the source for more than one 64 KiB buffer at a time.
     */
    @Test
    void twentyMinutesOfAudioStreamThroughInBoundedMemory() throws Exception {
        int rate = 48_000;
        long frames = 20L * 60 * rate;
        GeneratedWav source = new GeneratedWav(rate, frames);
        long before = liveHeap();
        long halfway = 0;
        int count = 0;
        WindowStream stream = new WindowStream(WavReader.open(source, "generated"), rate, 10.0, 10.0);
        for (List<Window> batch = stream.next(4); !batch.isEmpty(); batch = stream.next(4)) {
            for (Window w : batch) {
                assertEquals(GeneratedWav.value(Math.round(w.startSeconds() * rate)), w.audio().samples()[0]);
                count++;
                if (count == 60) {
                    halfway = liveHeap();
                }
            }
        }
        long growth = halfway - before;
        System.out.printf("20 min of 48 kHz stereo float32 (%.1f MB streamed): %d windows, live heap %+.1f MB"
                + " halfway (whole-file mono floats would be %.1f MB), largest read asked %d bytes%n",
                frames * 8 / 1e6, count, growth / 1e6, frames * 4 / 1e6, source.largestRead);
        assertEquals(120, count);
        assertEquals(frames * 8, source.dataServed, "every byte was read");
        assertTrue(growth < 64_000_000, "live heap grew by " + growth + " bytes");
        assertTrue(source.largestRead <= 64 * 1024, "largest read " + source.largestRead);
    }

    private static List<Window> streamAll(byte[] wav, double win, double hop, int batch) throws Exception {
        WindowStream stream = new WindowStream(WavReader.open(new ByteArrayInputStream(wav), "test"), MODEL_RATE,
                win, hop);
        List<Window> out = new ArrayList<>();
        for (List<Window> next = stream.next(batch); !next.isEmpty(); next = stream.next(batch)) {
            assertTrue(next.size() <= batch);
            out.addAll(next);
        }
        return out;
    }

    private static AudioClip signal(int rate, double seconds) {
        SplittableRandom random = new SplittableRandom(3);
        float[] s = new float[(int) Math.round(rate * seconds)];
        for (int i = 0; i < s.length; i++) {
            s[i] = (float) (0.4 * Math.sin(2 * Math.PI * 523 * i / rate) + 0.1 * random.nextDouble(-1, 1));
        }
        return new AudioClip(s, rate);
    }

    private static long liveHeap() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /**
     * A stereo float32 WAV made up as it is read: a header with the true data size, then frame i
     * holding {@code value(i)} in both channels, a saw tooth that tells frames apart. It remembers
     * the largest read asked of it.
     */
    private static final class GeneratedWav extends InputStream {
        private static final int PERIOD = 4096;
        private final byte[] header;
        private final long dataBytes;
        private long position;
        long dataServed;
        int largestRead;

        GeneratedWav(int rate, long frames) {
            this.dataBytes = frames * 8;
            this.header = new WavBytes().fmt(WavBytes.FLOAT, 2, rate, 32).chunk("data", new byte[0], dataBytes).bytes();
        }

        static float value(long frame) {
            return (frame % PERIOD) / (float) PERIOD - 0.5f;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            largestRead = Math.max(largestRead, len);
            long end = header.length + dataBytes;
            if (position >= end) {
                return -1;
            }
            int n = (int) Math.min(len, end - position);
            for (int i = 0; i < n; i++, position++) {
                b[off + i] = position < header.length ? header[(int) position] : dataByte(position - header.length);
            }
            dataServed += Math.max(0, Math.min(n, position - header.length));
            return n;
        }

        private static byte dataByte(long offset) {
            long frame = offset / 8;
            int inSample = (int) (offset % 4);
            return (byte) (Float.floatToRawIntBits(value(frame)) >>> (8 * inSample));
        }
    }
}
