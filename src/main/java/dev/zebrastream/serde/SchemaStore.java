package dev.zebrastream.serde;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaNormalization;

/**
 * The writer schemas one record type can be decoded from, by CRC-64-AVRO fingerprint: the current
 * schema and every older version kept under {@code schemas/history/<Name>.v<N>.avsc}. Each older
 * version is checked against the current one when the store is built, so an incompatible history
 * file fails at start-up instead of on the first old record.
 */
public final class SchemaStore implements org.apache.avro.message.SchemaStore {

    /** Classpath location of the older versions; the build copies {@code schemas/} there. */
    static final String HISTORY_RESOURCE = "schemas/history/%s.v%d.avsc";

    private final Schema current;
    private final Map<Long, Schema> byFingerprint;

    private SchemaStore(Schema current, Map<Long, Schema> byFingerprint) {
        this.current = current;
        this.byFingerprint = byFingerprint;
    }

    /** The current schema plus the given older writer schemas, each of which must resolve to the current one. */
    public static SchemaStore of(Schema current, Collection<Schema> older) {
        older.forEach(writer -> requireReadable(current, writer));
        Map<Long, Schema> byFingerprint = Stream.concat(Stream.of(current), older.stream())
                .collect(Collectors.toUnmodifiableMap(SchemaStore::fingerprint, Function.identity(), (a, b) -> a));
        return new SchemaStore(current, byFingerprint);
    }

    /** The current schema plus its history from the classpath (versions 1, 2, ... until the first missing one). */
    public static SchemaStore withHistory(Schema current) {
        return of(current, loadHistory(current.getName(), SchemaStore.class.getClassLoader()));
    }

    public static long fingerprint(Schema schema) {
        return SchemaNormalization.parsingFingerprint64(schema);
    }

    @Override
    public Schema findByFingerprint(long fingerprint) {
        return byFingerprint.get(fingerprint);
    }

    public boolean knows(long fingerprint) {
        return byFingerprint.containsKey(fingerprint);
    }

    public Schema current() {
        return current;
    }

    public Set<Long> fingerprints() {
        return byFingerprint.keySet();
    }

    static List<Schema> loadHistory(String recordName, ClassLoader loader) {
        List<Schema> versions = new ArrayList<>();
        for (int version = 1; ; version++) {
            String path = String.format(HISTORY_RESOURCE, recordName, version);
            try (InputStream in = loader.getResourceAsStream(path)) {
                if (in == null) {
                    return versions;
                }
                // A fresh parser per file: history files are self-contained and may redefine shared types.
                versions.add(new Schema.Parser().parse(in));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + path, e);
            }
        }
    }

    private static void requireReadable(Schema reader, Schema writer) {
        if (!reader.getFullName().equals(writer.getFullName())) {
            throw new IllegalArgumentException("history schema " + writer.getFullName()
                    + " is not a version of " + reader.getFullName());
        }
        var result = SchemaCompatibility.checkReaderWriterCompatibility(reader, writer).getResult();
        if (result.getCompatibility() != SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE) {
            throw new IllegalArgumentException("current " + reader.getName()
                    + " cannot read an older version: " + result.getIncompatibilities());
        }
    }
}
