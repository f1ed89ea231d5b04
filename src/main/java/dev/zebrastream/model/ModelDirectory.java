package dev.zebrastream.model;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A model directory whose files were checked against its manifest: every listed file present and
 * with the recorded SHA-256, the token table of the declared shape, the fingerprint consistent.
 */
public record ModelDirectory(Path dir, ModelManifest manifest) {

    public static ModelDirectory open(Path dir) throws ModelException {
        if (!Files.isDirectory(dir)) {
            throw new ModelException(dir + ": model directory not found");
        }
        ModelManifest manifest = ModelManifest.read(dir);
        for (Map.Entry<String, String> f : new TreeMap<>(manifest.files()).entrySet()) {
            verifyFile(dir, f.getKey(), f.getValue());
        }
        verifyTokenTable(dir, manifest.text());
        String expected = fingerprint(manifest.files());
        if (!expected.equalsIgnoreCase(manifest.fingerprint())) {
            throw new ModelException(dir + ": manifest fingerprint does not match its file list");
        }
        return new ModelDirectory(dir, manifest);
    }

    public Path file(String name) {
        return dir.resolve(name);
    }

    /** SHA-256 over the sorted {@code name:sha256} lines, so the id changes when any file does. */
    public static String fingerprint(Map<String, String> files) {
        String lines = new TreeMap<>(files).entrySet().stream()
                .map(e -> e.getKey() + ":" + e.getValue().toLowerCase())
                .collect(Collectors.joining("\n"));
        return HexFormat.of().formatHex(sha256().digest(lines.getBytes(StandardCharsets.UTF_8)));
    }

    public static String sha256Hex(Path file) throws IOException {
        MessageDigest digest = sha256();
        byte[] buf = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buf)) > 0; ) {
                digest.update(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void verifyFile(Path dir, String name, String sha) throws ModelException {
        Path file = dir.resolve(name);
        if (!Files.isRegularFile(file)) {
            throw new ModelException(dir + ": missing " + name + " (listed in manifest.json)");
        }
        try {
            if (!sha256Hex(file).equalsIgnoreCase(sha)) {
                throw new ModelException(dir + ": " + name + " does not match its SHA-256 in manifest.json"
                        + " (file changed or corrupted)");
            }
        } catch (ModelException e) {
            throw e;
        } catch (IOException e) {
            throw new ModelException(dir + ": cannot read " + name + ": " + e.getMessage());
        }
    }

    private static void verifyTokenTable(Path dir, TextSettings text) throws ModelException {
        Path table = dir.resolve(text.tokenEmbeddings());
        long expected = 4L * text.vocabSize() * text.hiddenSize();
        try {
            long actual = Files.size(table);
            if (actual != expected) {
                throw new ModelException(dir + ": " + text.tokenEmbeddings() + " has " + actual + " bytes, expected "
                        + expected + " (vocab_size x hidden_size float32)");
            }
        } catch (ModelException e) {
            throw e;
        } catch (IOException e) {
            throw new ModelException(dir + ": cannot read " + text.tokenEmbeddings() + ": " + e.getMessage());
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM ships SHA-256", e);
        }
    }
}
