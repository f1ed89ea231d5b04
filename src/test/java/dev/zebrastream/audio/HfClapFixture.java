package dev.zebrastream.audio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/** Reads the Hugging Face CLAP golden fixture (tools/fixtures/hf_clap_fixture.py) from the classpath. */
public final class HfClapFixture {

    private static final String DIR = "/golden/hf-clap/";

    private HfClapFixture() {
    }

    static List<String> signalNames() {
        List<String> names = new ArrayList<>();
        index().get("signals").fieldNames().forEachRemaining(names::add);
        return names;
    }

    public static AudioClip signal(String name) {
        return new AudioClip(floats(name + ".signal.f32"), index().get("sample_rate").asInt());
    }

    /** Hugging Face {@code input_features[0, 0]}, flattened time major {@code [1001 * 64]}. */
    public static float[] features(String name) {
        return floats(name + ".features.f32");
    }

    /** {@code mel_filters_<scale>}, {@code [513][64]}. */
    static double[][] melFilters(String scale) {
        JsonNode shape = index().get("mel_filters").get(scale).get("shape");
        int rows = shape.get(0).asInt();
        int cols = shape.get(1).asInt();
        ByteBuffer buf = bytes("mel_filters_" + scale + ".f64");
        double[][] out = new double[rows][cols];
        for (double[] row : out) {
            for (int c = 0; c < cols; c++) {
                row[c] = buf.getDouble();
            }
        }
        return out;
    }

    private static float[] floats(String file) {
        ByteBuffer buf = bytes(file);
        float[] out = new float[buf.remaining() / Float.BYTES];
        buf.asFloatBuffer().get(out);
        return out;
    }

    private static JsonNode index() {
        try (InputStream in = open("index.json")) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ByteBuffer bytes(String file) {
        try (InputStream in = open(file)) {
            return ByteBuffer.wrap(in.readAllBytes()).order(ByteOrder.LITTLE_ENDIAN);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream open(String file) throws IOException {
        InputStream in = HfClapFixture.class.getResourceAsStream(DIR + file);
        if (in == null) {
            throw new IOException("missing fixture " + DIR + file);
        }
        return in;
    }
}
