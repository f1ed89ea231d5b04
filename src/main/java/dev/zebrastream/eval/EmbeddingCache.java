package dev.zebrastream.eval;

import ai.onnxruntime.OrtException;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Embeddings by a key that names exactly how they were made (model fingerprint, domain, class, count,
 * seed): rendering and embedding audio is the slow part of a benchmark, and the same windows recur
 * across methods, shots, seeds, splits and runs. Kept in memory, and on disk when a directory is given.
 */
public final class EmbeddingCache {

    /** How to compute an entry that is not cached. */
    @FunctionalInterface
    public interface Source {
        float[][] compute() throws OrtException;
    }

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddingCache.class);

    private final Path dir;
    private final Map<String, float[][]> memory = new ConcurrentHashMap<>();

    private EmbeddingCache(Path dir) {
        this.dir = dir;
    }

    public static EmbeddingCache inMemory() {
        return new EmbeddingCache(null);
    }

    /** Also persists entries as files under {@code dir} (created on demand). */
    public static EmbeddingCache onDisk(Path dir) {
        return new EmbeddingCache(dir);
    }

    public float[][] get(String key, Source source) throws OrtException {
        float[][] hit = memory.get(key);
        if (hit == null) {
            hit = load(key);
        }
        if (hit == null) {
            hit = source.compute();
            store(key, hit);
        }
        memory.put(key, hit);
        return hit;
    }

    private float[][] load(String key) {
        Path file = file(key);
        if (file == null || !Files.isRegularFile(file)) {
            return null;
        }
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            float[][] rows = new float[in.readInt()][in.readInt()];
            for (float[] row : rows) {
                for (int j = 0; j < row.length; j++) {
                    row[j] = in.readFloat();
                }
            }
            return rows;
        } catch (IOException e) {
            LOG.warn("ignoring unreadable cache file {}: {}", file, e.getMessage());
            return null;
        }
    }

    /** Written to a temporary file and moved into place, so a crash never leaves a half-written entry. */
    private void store(String key, float[][] rows) {
        Path file = file(key);
        if (file == null) {
            return;
        }
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, "entry", ".tmp");
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp)))) {
                out.writeInt(rows.length);
                out.writeInt(rows.length == 0 ? 0 : rows[0].length);
                for (float[] row : rows) {
                    for (float v : row) {
                        out.writeFloat(v);
                    }
                }
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.warn("cannot write cache file {}: {}", file, e.getMessage());
        }
    }

    private Path file(String key) {
        return dir == null ? null : dir.resolve(sha256(key) + ".f32");
    }

    private static String sha256(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JVM", e);
        }
    }
}
