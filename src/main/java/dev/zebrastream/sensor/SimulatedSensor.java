package dev.zebrastream.sensor;

import dev.zebrastream.window.Frame;
import dev.zebrastream.synth.SensorStream;

/** A sensor that turns a generated audio stream into numbered, time-stamped frames. */
public final class SimulatedSensor {

    private final String sensorId;
    private final SensorProfile profile;
    private final SensorStream stream;
    private final long startMs;
    private long sequence;

    public SimulatedSensor(String sensorId, SensorProfile profile, SensorStream stream, long startMs) {
        if (stream.sampleRate() != profile.sampleRate()) {
            throw new IllegalArgumentException("stream and profile sample rates differ");
        }
        this.sensorId = sensorId;
        this.profile = profile;
        this.stream = stream;
        this.startMs = startMs;
    }

    public String sensorId() {
        return sensorId;
    }

    public SensorProfile profile() {
        return profile;
    }

    public SensorStream stream() {
        return stream;
    }

    /** The next frame; its capture time follows the audio clock from the start time. */
    public Frame nextFrame() {
        long captureMs = nextCaptureMs();
        float[] mono = stream.next(profile.frameSamples());
        return new Frame(sensorId, sequence++, captureMs, profile.sampleRate(), profile.channels(), profile.encoding(),
                profile.encoding().encode(mono, profile.channels()));
    }

    /** Capture time of the next frame, for pacing at real time. */
    public long nextCaptureMs() {
        return startMs + Math.round(stream.position() * 1000.0 / profile.sampleRate());
    }
}
