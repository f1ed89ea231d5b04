package dev.zebrastream.sensor;

import dev.zebrastream.audio.AudioFormatException;
import dev.zebrastream.window.Frame;
import dev.zebrastream.window.SampleEncoding;
import java.io.IOException;
import java.util.Optional;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.TargetDataLine;

/** Live frames from the default microphone: 16 kHz mono 16-bit, stamped with the wall clock. */
public final class MicrophoneFrames implements FrameSource, AutoCloseable {

    private static final int RATE = 16_000;

    private final String sensorId;
    private final TargetDataLine line;
    private final byte[] buffer;
    private long sequence;

    private MicrophoneFrames(String sensorId, TargetDataLine line, int frameSamples) {
        this.sensorId = sensorId;
        this.line = line;
        this.buffer = new byte[frameSamples * 2];
    }

    public static MicrophoneFrames open(String sensorId, double frameSeconds) throws AudioFormatException {
        AudioFormat format = new AudioFormat(RATE, 16, 1, true, false);
        try {
            TargetDataLine line = AudioSystem.getTargetDataLine(format);
            line.open(format);
            line.start();
            return new MicrophoneFrames(sensorId, line, (int) Math.round(frameSeconds * RATE));
        } catch (LineUnavailableException | IllegalArgumentException | SecurityException e) {
            throw new AudioFormatException("no microphone available for 16 kHz mono capture: " + e.getMessage());
        }
    }

    @Override
    public Optional<Frame> next() throws IOException {
        int read = 0;
        while (read < buffer.length) {
            int n = line.read(buffer, read, buffer.length - read);
            if (n <= 0) {
                return Optional.empty();
            }
            read += n;
        }
        return Optional.of(new Frame(sensorId, sequence++, System.currentTimeMillis() - 1000L * (buffer.length / 2) / RATE,
                RATE, 1, SampleEncoding.PCM_S16LE, buffer.clone()));
    }

    @Override
    public void close() {
        line.close();
    }
}
