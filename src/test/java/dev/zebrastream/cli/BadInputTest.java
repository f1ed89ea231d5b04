package dev.zebrastream.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zebrastream.audio.AudioClip;
import dev.zebrastream.audio.WavWriter;
import dev.zebrastream.testing.CliRun;
import dev.zebrastream.testing.StdErrCapture;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input gives one clear line on stderr and exit code 2, never a stack trace. */
class BadInputTest {

    @TempDir
    Path dir;

    private static void assertOneLineError(CliRun run, String expectedFragment) {
        assertEquals(2, run.exitCode(), run.err());
        String err = run.err().strip();
        assertFalse(err.contains("\n"), "one line: " + err);
        assertFalse(err.contains("Exception") || err.contains("\tat "), "no stack trace: " + err);
        assertTrue(err.contains(expectedFragment), err);
    }

    private Path write(String name, byte[] bytes) throws Exception {
        Path p = dir.resolve(name);
        Files.write(p, bytes);
        return p;
    }

    @Test
    void nonAudioFile() throws Exception {
        Path f = write("notes.wav", "just some text, not audio".getBytes());
        assertOneLineError(CliRun.of("classify", f.toString()), "not a WAV file");
    }

    @Test
    void truncatedWavIsClassifiedUpToTheCut() throws Exception {
        byte[] full = WavWriter.encodePcm16(new AudioClip(new float[16_000], 16_000));
        Path f = write("cut.wav", Arrays.copyOf(full, 1_000));
        CliRun[] run = new CliRun[1];
        String log = StdErrCapture.of(() -> run[0] = CliRun.of("classify", f.toString()));
        assertEquals(0, run[0].exitCode(), run[0].err());
        assertEquals(1, run[0].out().strip().lines().count(), "one window: " + run[0].out());
        assertTrue(run[0].out().contains("0.00-0.03"), "478 frames at 16 kHz: " + run[0].out());
        assertTrue(log.lines().anyMatch(l -> l.contains("WARN") && l.contains("cut.wav: truncated")
                && l.contains("read 478 frames")), log);
    }

    @Test
    void emptyFile() throws Exception {
        assertOneLineError(CliRun.of("classify", write("empty.wav", new byte[0]).toString()), "empty file");
    }

    @Test
    void zeroLengthSignal() throws Exception {
        Path f = write("silent.wav", WavWriter.encodePcm16(new AudioClip(new float[0], 16_000)));
        assertOneLineError(CliRun.of("classify", f.toString()), "no audio samples");
    }

    @Test
    void nanFilledSignal() throws Exception {
        Path f = write("nan.wav", floatWav(new float[] {Float.NaN, Float.NaN, Float.NaN, Float.NaN}));
        assertOneLineError(CliRun.of("classify", f.toString()), "non-finite");
    }

    @Test
    void missingFile() {
        assertOneLineError(CliRun.of("classify", dir.resolve("nope.wav").toString()), "nope.wav: file not found");
    }

    @Test
    void unreadableModelDirectory() throws Exception {
        Path f = write("ok.wav", WavWriter.encodePcm16(new AudioClip(new float[1600], 16_000)));
        assertOneLineError(CliRun.of("classify", f.toString(), "--model", dir.resolve("no-model").toString()),
                "model directory not found");
        Files.createDirectories(dir.resolve("broken"));
        Files.writeString(dir.resolve("broken").resolve("manifest.json"), "{ not json");
        assertOneLineError(CliRun.of("classify", f.toString(), "--model", dir.resolve("broken").toString()),
                "invalid JSON");
    }

    @Test
    void badOptionValues() throws Exception {
        Path f = write("ok.wav", WavWriter.encodePcm16(new AudioClip(new float[1600], 16_000)));
        assertOneLineError(CliRun.of("classify", f.toString(), "--device", "tpu"), "device must be");
        assertOneLineError(CliRun.of("zeroshot-eval", "--domain", "moon"), "unknown domain");
    }

    @Test
    void replotOfAMissingOrBrokenResultsFile() throws Exception {
        Path out = dir.resolve("plot");
        assertOneLineError(CliRun.of("evaluate", "--replot", dir.resolve("none.json").toString(), "--out",
                out.toString()), "file not found: " + dir.resolve("none.json"));
        assertOneLineError(CliRun.of("evaluate", "--replot", write("cut.json", "{\"results\": [".getBytes()).toString(),
                "--out", out.toString()), "cut.json: not valid JSON");
        Path noHm = write("nohm.json", """
                {"results": [{"method": "coop", "setting": "s", "domain": "d", "shots": 1, "seed": 0,
                              "base": 0.5, "novel": 0.5, "seconds": 1}]}""".getBytes());
        assertOneLineError(CliRun.of("evaluate", "--replot", noHm.toString(), "--out", out.toString()),
                "nohm.json: result 0 has no \"hm\"");
        Path wrongType = write("text-shots.json", """
                {"results": [{"method": "coop", "setting": "s", "domain": "d", "shots": "x", "seed": 0,
                              "base": 0.5, "novel": 0.5, "hm": 0.5, "seconds": 1}]}""".getBytes());
        assertOneLineError(CliRun.of("evaluate", "--replot", wrongType.toString(), "--out", out.toString()),
                "text-shots.json: result 0: \"shots\" is not a number");
        assertFalse(Files.exists(out), "nothing is written for a bad file");
    }

    @Test
    void unknownOptionIsOneLine() {
        assertOneLineError(CliRun.of("classify", "--colour", "x.wav"), "Unknown option");
        assertOneLineError(CliRun.of("synth"), "Missing required option");
    }

    @Test
    void oneBadFileDoesNotCostTheOthers() throws Exception {
        Path good = write("good.wav", WavWriter.encodePcm16(new AudioClip(new float[16_000], 16_000)));
        Path bad = write("bad.wav", "garbage".getBytes());
        CliRun run = CliRun.of("classify", bad.toString(), good.toString(), "--json");
        assertEquals(2, run.exitCode());
        assertTrue(run.out().contains("good.wav"), "the good file is still classified: " + run.out());
        assertTrue(run.err().contains("bad.wav"), run.err());
    }

    @Test
    void aMisspeltKafkaClientPropertyIsNamedBeforeAnyClientStarts() throws Exception {
        Path props = write("client.properties", "security.protocol=SASL_SSL\nsasl.mechanisms=PLAIN\n".getBytes());
        for (String[] command : List.of(new String[] {"consume", "events"}, new String[] {"label", "w", "siren"},
                new String[] {"prompts", "show"}, new String[] {"produce", "--sensor", "s", "--synth"},
                new String[] {"run"})) {
            CliRun run = CliRun.of(concat(command, "--bootstrap", "127.0.0.1:1", "--client-properties", props.toString()));
            assertOneLineError(run, "unknown Kafka client property 'sasl.mechanisms' (did you mean 'sasl.mechanism'?)");
        }
    }

    @Test
    void aMissingTrustStoreIsOneLine() throws Exception {
        Path store = dir.resolve("truststore.jks");
        Path props = write("tls.properties", ("security.protocol=SSL\nssl.truststore.location=" + store + "\n").getBytes());
        assertOneLineError(CliRun.of("consume", "events", "--bootstrap", "127.0.0.1:1", "--client-properties",
                props.toString()), "ssl.truststore.location names " + store + ", which does not exist");
    }

    @Test
    void anInvalidSecurityProtocolIsOneLine() throws Exception {
        Path props = write("bad.properties", "security.protocol=SSLX\n".getBytes());
        assertOneLineError(CliRun.of("label", "w", "siren", "--bootstrap", "127.0.0.1:1", "--client-properties",
                props.toString()), "invalid Kafka client setting: Invalid value SSLX for configuration security.protocol");
    }

    @Test
    void aMetricsPortInUseIsNamed() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Path config = write("zebra.properties", ("metrics.port=" + taken.getLocalPort() + "\n").getBytes());
            assertOneLineError(CliRun.of("run", "--bootstrap", "127.0.0.1:1", "--config", config.toString(),
                    "--data-dir", dir.resolve("state").toString()),
                    "zebra run: metrics port " + taken.getLocalPort() + " is already in use");
        }
    }

    private static String[] concat(String[] first, String... rest) {
        String[] all = Arrays.copyOf(first, first.length + rest.length);
        System.arraycopy(rest, 0, all, first.length, rest.length);
        return all;
    }

    /** A 32-bit IEEE float mono WAV at 16 kHz. */
    private static byte[] floatWav(float[] samples) {
        ByteBuffer b = ByteBuffer.allocate(44 + samples.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes()).putInt(36 + samples.length * 4).put("WAVEfmt ".getBytes()).putInt(16)
                .putShort((short) 3).putShort((short) 1).putInt(16_000).putInt(64_000).putShort((short) 4)
                .putShort((short) 32).put("data".getBytes()).putInt(samples.length * 4);
        for (float s : samples) {
            b.putFloat(s);
        }
        return b.array();
    }
}
