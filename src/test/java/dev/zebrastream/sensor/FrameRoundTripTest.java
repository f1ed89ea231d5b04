package dev.zebrastream.sensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zebrastream.audio.AudioClip;
import dev.zebrastream.window.Frame;
import dev.zebrastream.window.FrameDecoder;
import dev.zebrastream.window.SampleEncoding;
import dev.zebrastream.synth.DomainSpec;
import dev.zebrastream.synth.SensorStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class FrameRoundTripTest {

    private static final float[] SIGNAL = {0f, 0.5f, -0.5f, 0.999f, -1f, 0.25f};

    @ParameterizedTest
    @EnumSource(SampleEncoding.class)
    void everyEncodingDecodesToWhatWasEncoded(SampleEncoding encoding) throws Exception {
        byte[] bytes = encoding.encode(SIGNAL, 2);
        assertEquals(SIGNAL.length * 2 * encoding.bytesPerSample(), bytes.length);
        float[] back = new FrameDecoder().toMono(new Frame("s", 0, 0, 16_000, 2, encoding, bytes));
        double step = encoding == SampleEncoding.PCM_U8 ? 1 / 128.0 : 1 / 32768.0;
        for (int i = 0; i < SIGNAL.length; i++) {
            assertEquals(SIGNAL[i], back[i], step, encoding + " sample " + i);
        }
    }

    @Test
    void outOfRangeSamplesClipInsteadOfWrapping() throws Exception {
        byte[] bytes = SampleEncoding.PCM_S16LE.encode(new float[] {1.5f, -1.5f}, 1);
        float[] back = new FrameDecoder().toMono(new Frame("s", 0, 0, 16_000, 1, SampleEncoding.PCM_S16LE, bytes));
        assertTrue(back[0] > 0.99f && back[1] <= -1f, "clipped, not wrapped: " + back[0] + ", " + back[1]);
    }

    @Test
    void clipFramesContinueSequenceAndClockAcrossClips() {
        AudioClip a = new AudioClip(new float[250], 1000);
        AudioClip b = new AudioClip(new float[100], 2000);
        ClipFrames frames = new ClipFrames("s", List.of(a, b), 0.1, 5_000);
        List<Frame> out = new ArrayList<>();
        for (Optional<Frame> f = frames.next(); f.isPresent(); f = frames.next()) {
            out.add(f.get());
        }
        assertEquals(List.of(0L, 1L, 2L, 3L), out.stream().map(Frame::sequence).toList());
        assertEquals(List.of(5_000L, 5_100L, 5_200L, 5_250L), out.stream().map(Frame::captureTimeMs).toList());
        assertEquals(50 * 4, out.get(2).samples().length, "the last frame of a clip is short");
        assertEquals(2000, out.get(3).sampleRate());
    }

    @Test
    void simulatedSensorFramesFollowTheAudioClock() throws Exception {
        SensorProfile profile = new SensorProfile(44_100, 2, SampleEncoding.PCM_S16LE, 4_410);
        SimulatedSensor sensor = new SimulatedSensor("s1", profile,
                new SensorStream(3, 44_100, DomainSpec.CLEAN, List.of("siren", "rain"), List.of()), 1_000);
        Frame first = sensor.nextFrame();
        Frame second = sensor.nextFrame();
        assertEquals(1_000, first.captureTimeMs());
        assertEquals(1_100, second.captureTimeMs());
        assertEquals(1, second.sequence());
        assertEquals(4_410 * 2 * 2, second.samples().length);
        float[] mono = new FrameDecoder().toMono(second);
        assertEquals(4_410, mono.length);
    }

    @Test
    void fleetMixesLayoutsAndDriftsOnlyTheLastSensor() {
        List<SimulatedSensor> fleet = SensorFleet.create(4, 1, List.of("siren", "rain"), 0, 10);
        assertEquals(List.of(16_000, 44_100, 48_000, 22_050),
                fleet.stream().map(s -> s.profile().sampleRate()).toList());
        assertEquals("sensor-04", fleet.get(3).sensorId());
        assertEquals(SensorFleet.DRIFT_DOMAIN, fleet.get(3).stream().domainAt(11L * 22_050));
        assertEquals(DomainSpec.CLEAN, fleet.get(0).stream().domainAt(11L * 16_000));
    }

    @Test
    void decodedMonoOfEncodedSignalMatchesWithinQuantisation() throws Exception {
        float[] decoded = new FrameDecoder().toMono(new Frame("s", 0, 0, 16_000, 1, SampleEncoding.FLOAT32LE,
                SampleEncoding.FLOAT32LE.encode(SIGNAL, 1)));
        assertArrayEquals(SIGNAL, decoded);
    }
}
