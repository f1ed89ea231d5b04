package dev.zebrastream.window;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/** A validated frame mixed down to mono floats: what the window assembler consumes. */
public record MonoFrame(String sensorId, long sequence, long captureTimeMs, int sampleRate, float[] samples) {

    public double durationSeconds() {
        return samples.length / (double) sampleRate;
    }

    /** Writes everything but the sensor id, which the owning per-sensor state already holds. */
    void writeTo(DataOutput out) throws IOException {
        out.writeLong(sequence);
        out.writeLong(captureTimeMs);
        out.writeInt(sampleRate);
        StoredSamples.FLOAT32.write(out, samples);
    }

    static MonoFrame readFrom(DataInput in, String sensorId) throws IOException {
        long sequence = in.readLong();
        long captureTimeMs = in.readLong();
        int sampleRate = in.readInt();
        return new MonoFrame(sensorId, sequence, captureTimeMs, sampleRate, StoredSamples.read(in));
    }
}
