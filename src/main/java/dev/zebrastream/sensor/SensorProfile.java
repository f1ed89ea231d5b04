package dev.zebrastream.sensor;

import dev.zebrastream.window.SampleEncoding;

/** How a sensor delivers audio: rate, channel count, sample encoding and samples per frame. */
public record SensorProfile(int sampleRate, int channels, SampleEncoding encoding, int frameSamples) {

    public SensorProfile {
        if (sampleRate <= 0 || channels < 1 || frameSamples < 1) {
            throw new IllegalArgumentException("sensor profile needs a positive rate, channels and frame size");
        }
    }

    public double frameSeconds() {
        return frameSamples / (double) sampleRate;
    }

    /**
     * A spread of real-world layouts, so every demo and benchmark exercises mixed rates (16 / 22.05 / 44.1 /
     * 48 kHz), mono and stereo, 16- and 24-bit PCM and float, and frames of 20 to 136 ms.
     */
    public static SensorProfile variety(int index) {
        return switch (index % 8) {
            case 0 -> new SensorProfile(16_000, 1, SampleEncoding.PCM_S16LE, 1_600);
            case 1 -> new SensorProfile(44_100, 2, SampleEncoding.PCM_S16LE, 4_410);
            case 2 -> new SensorProfile(48_000, 1, SampleEncoding.FLOAT32LE, 2_400);
            case 3 -> new SensorProfile(22_050, 1, SampleEncoding.PCM_S24LE, 3_000);
            case 4 -> new SensorProfile(48_000, 2, SampleEncoding.PCM_S24LE, 960);
            case 5 -> new SensorProfile(16_000, 2, SampleEncoding.FLOAT32LE, 960);
            case 6 -> new SensorProfile(44_100, 1, SampleEncoding.FLOAT32LE, 1_764);
            default -> new SensorProfile(22_050, 2, SampleEncoding.PCM_S16LE, 1_764);
        };
    }
}
