package dev.zebrastream.window;

import dev.zebrastream.audio.AudioClip;
import java.io.DataInput;
import java.io.IOException;

/**
 * One window of a sensor's mono audio. Sample indices count from the start of the segment
 * at the sensor's own rate ({@code sampleRate}), {@code endSample} exclusive; the audio itself is
 * at the output rate (the model's), converted as the frames arrived.
 *
 * @param audio                the window's audio at the output rate
 * @param startCaptureMs       capture time of the first sample, from the nearest frame's capture time
 * @param endCaptureMs         capture time just past the last sample
 * @param latestFrameCaptureMs capture time of the newest frame that contributed samples; the
 *                             frame-to-event latency is measured from here
 * @param partial              true when the window is shorter than configured (silent sensor
 *                             flushed, or its segment ended); it then holds only the samples it has
 */
public record AssembledWindow(
        String sensorId,
        long segment,
        long startSample,
        long endSample,
        int sampleRate,
        AudioClip audio,
        long startCaptureMs,
        long endCaptureMs,
        long latestFrameCaptureMs,
        boolean partial) {

    /** This window's id, see {@link #windowId(String, long, long)}. */
    public String id() {
        return windowId(sensorId, segment, startSample);
    }

    /** {@code <sensor>:<segment>:<startSample>}: unique per window, used downstream for exactly-once checks. */
    public static String windowId(String sensorId, long segment, long startSample) {
        return sensorId + ":" + segment + ":" + startSample;
    }

    private static final int FORMAT = 2;

    /**
     * Bytes for a changelogged store (the classifier keeps windows there until their batch runs).
     * Audio assembled at {@code format} is stored without loss.
     */
    public byte[] toBytes(StoredSamples format) {
        return StateBytes.write(FORMAT, out -> {
            out.writeUTF(sensorId);
            out.writeLong(segment);
            out.writeLong(startSample);
            out.writeLong(endSample);
            out.writeInt(sampleRate);
            out.writeInt(audio.sampleRate());
            format.write(out, audio.samples());
            out.writeLong(startCaptureMs);
            out.writeLong(endCaptureMs);
            out.writeLong(latestFrameCaptureMs);
            out.writeBoolean(partial);
        });
    }

    public static AssembledWindow fromBytes(byte[] bytes) {
        return StateBytes.read(bytes, FORMAT, "window", in -> new AssembledWindow(in.readUTF(), in.readLong(),
                in.readLong(), in.readLong(), in.readInt(), readAudio(in), in.readLong(), in.readLong(), in.readLong(),
                in.readBoolean()));
    }

    private static AudioClip readAudio(DataInput in) throws IOException {
        int rate = in.readInt();
        return new AudioClip(StoredSamples.read(in), rate);
    }
}
