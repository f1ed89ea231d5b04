package dev.zebrastream.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.zebrastream.audio.FeatureSettings.LogScale;
import dev.zebrastream.audio.FeatureSettings.MelNorm;
import dev.zebrastream.audio.FeatureSettings.MelScale;
import dev.zebrastream.audio.FeatureSettings.PadMode;
import dev.zebrastream.audio.FeatureSettings.Padding;
import dev.zebrastream.audio.FeatureSettings.Window;
import org.junit.jupiter.api.Test;

class FeatureSettingsTest {

    /** The {@code audio} object of docs/model-contract.md, verbatim. */
    static final String TINY_CLAP_JSON = """
            {"sample_rate": 16000, "window_seconds": 1.0, "n_fft": 512, "win_length": 512,
             "hop_length": 160, "window": "hann_periodic", "center": true, "pad_mode": "reflect",
             "power": 2.0, "n_mels": 64, "f_min": 50.0, "f_max": 8000.0, "mel_scale": "slaney",
             "mel_norm": "slaney", "log": "db", "log_floor": 1e-10, "padding": "repeatpad"}""";

    static FeatureSettings tinyClap() throws Exception {
        return new ObjectMapper().readValue(TINY_CLAP_JSON, FeatureSettings.class);
    }

    @Test
    void readsTheContractExample() throws Exception {
        FeatureSettings s = tinyClap().validate();
        assertEquals(new FeatureSettings(16_000, 1.0, 512, 512, 160, Window.HANN_PERIODIC, true,
                PadMode.REFLECT, 2.0, 64, 50.0, 8000.0, MelScale.SLANEY, MelNorm.SLANEY, LogScale.DB,
                1e-10, Padding.REPEATPAD), s);
        assertEquals(16_000, s.windowSamples());
        assertEquals(101, s.frames());
    }

    @Test
    void readsEveryEnumName() throws Exception {
        String json = TINY_CLAP_JSON.replace("hann_periodic", "hann_symmetric").replace("\"reflect\"", "\"constant\"")
                .replace("\"mel_scale\": \"slaney\"", "\"mel_scale\": \"htk\"")
                .replace("\"mel_norm\": \"slaney\"", "\"mel_norm\": \"none\"").replace("repeatpad", "repeat");
        FeatureSettings s = new ObjectMapper().readValue(json, FeatureSettings.class).validate();
        assertEquals(Window.HANN_SYMMETRIC, s.window());
        assertEquals(PadMode.CONSTANT, s.padMode());
        assertEquals(MelScale.HTK, s.melScale());
        assertEquals(MelNorm.NONE, s.melNorm());
        assertEquals(Padding.REPEAT, s.padding());
        assertEquals(Padding.PAD, new ObjectMapper().readValue(
                TINY_CLAP_JSON.replace("repeatpad", "pad"), FeatureSettings.class).padding());
    }

    @Test
    void laionClapIsTheHuggingFaceFrontEnd() {
        FeatureSettings s = FeatureSettings.laionClap().validate();
        assertEquals(480_000, s.windowSamples());
        assertEquals(1001, s.frames());
        assertEquals(513, s.frequencyBins());
        assertEquals(64, s.nMels());
        assertEquals(14_000.0, s.fMax());
    }

    @Test
    void framesWithoutCentring() {
        FeatureSettings s = with(FeatureSettings.laionClap(), false);
        assertEquals(1 + (480_000 - 1024) / 480, s.frames());
    }

    @Test
    void validateNamesTheBadField() {
        FeatureSettings l = FeatureSettings.laionClap();
        assertRejected(new FeatureSettings(48_000, 10, 1024, 1024, 480, l.window(), true, l.padMode(), 2, 64,
                50, 24_001, l.melScale(), l.melNorm(), l.log(), 1e-10, l.padding()), "audio.f_max");
        assertRejected(new FeatureSettings(48_000, 10, 1024, 1024, 0, l.window(), true, l.padMode(), 2, 64,
                50, 14_000, l.melScale(), l.melNorm(), l.log(), 1e-10, l.padding()), "audio.hop_length");
        assertRejected(new FeatureSettings(48_000, 10, 1024, 2048, 480, l.window(), true, l.padMode(), 2, 64,
                50, 14_000, l.melScale(), l.melNorm(), l.log(), 1e-10, l.padding()), "audio.win_length");
        assertRejected(new FeatureSettings(48_000, 10, 1024, 1024, 480, null, true, l.padMode(), 2, 64,
                50, 14_000, l.melScale(), l.melNorm(), l.log(), 1e-10, l.padding()), "audio.window");
        assertRejected(new FeatureSettings(48_000, 10, 1024, 1024, 480, l.window(), true, l.padMode(), 2, 64,
                50, 14_000, l.melScale(), l.melNorm(), l.log(), 0, l.padding()), "audio.log_floor");
        assertRejected(new FeatureSettings(48_000, 0.01, 1024, 1024, 480, l.window(), true, l.padMode(), 2, 64,
                50, 14_000, l.melScale(), l.melNorm(), l.log(), 1e-10, l.padding()), "audio.pad_mode");
    }

    private static FeatureSettings with(FeatureSettings s, boolean center) {
        return new FeatureSettings(s.sampleRate(), s.windowSeconds(), s.nFft(), s.winLength(), s.hopLength(),
                s.window(), center, s.padMode(), s.power(), s.nMels(), s.fMin(), s.fMax(), s.melScale(),
                s.melNorm(), s.log(), s.logFloor(), s.padding());
    }

    private static void assertRejected(FeatureSettings s, String field) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, s::validate);
        assertTrue(e.getMessage().startsWith(field + " "), e.getMessage());
    }
}
