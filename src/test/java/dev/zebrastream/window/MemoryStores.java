package dev.zebrastream.window;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The assembler's two stores as maps, ordered like RocksDB's byte keys; counts the bytes written. */
final class MemoryStores {

    private final Map<String, byte[]> headers = new HashMap<>();
    private final TreeMap<byte[], byte[]> chunks = new TreeMap<>(Arrays::compareUnsigned);
    long bytesWritten;

    /** Applies what changed and returns the bytes it wrote (header and chunks). */
    long save(WindowAssembler assembler) {
        StateChanges changes = assembler.drainChanges();
        changes.deleted().forEach(chunks::remove);
        long written = changes.header().length;
        for (StateChanges.Write w : changes.written()) {
            chunks.put(w.key(), w.value());
            written += w.key().length + w.value().length;
        }
        headers.put(assembler.sensorId(), changes.header());
        bytesWritten += written;
        return written;
    }

    WindowAssembler restore(String sensorId, WindowConfig config, WindowOutput output) {
        return WindowAssembler.restore(headers.get(sensorId), this::chunksOf, config, output);
    }

    byte[] header(String sensorId) {
        return headers.get(sensorId);
    }

    int chunkCount() {
        return chunks.size();
    }

    long chunkBytes() {
        return chunks.values().stream().mapToLong(v -> v.length).sum();
    }

    List<AudioChunk> chunksOf(String sensorId, long segment) {
        List<AudioChunk> out = new ArrayList<>();
        chunks.subMap(AudioChunk.firstKey(sensorId, segment), true, AudioChunk.lastKey(sensorId, segment), true)
                .values().forEach(v -> out.add(AudioChunk.fromBytes(v)));
        return out;
    }
}
