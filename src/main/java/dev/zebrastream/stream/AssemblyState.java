package dev.zebrastream.stream;

import dev.zebrastream.window.AudioChunk;
import dev.zebrastream.window.StateChanges;
import dev.zebrastream.window.WindowAssembler;
import dev.zebrastream.window.WindowConfig;
import dev.zebrastream.window.WindowOutput;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * One task's window assemblers over their two changelogged stores: a header per sensor, and the
 * open segments' audio chunks. The stores are the source of truth, updated after every frame with
 * what changed (so a commit always covers the frames it acknowledges); deserialised assemblers are
 * kept in memory only to spare reading them back for the next frame.
 */
final class AssemblyState {

    private final KeyValueStore<String, byte[]> headers;
    private final KeyValueStore<Bytes, byte[]> audio;
    private final WindowConfig config;
    private final WindowOutput output;
    private final Map<String, WindowAssembler> live = new HashMap<>();

    AssemblyState(KeyValueStore<String, byte[]> headers, KeyValueStore<Bytes, byte[]> audio, WindowConfig config,
                  WindowOutput output) {
        this.headers = headers;
        this.audio = audio;
        this.config = config;
        this.output = output;
    }

    /** The sensor's assembler as of its last {@link #save}, or a new one. */
    WindowAssembler load(String sensorId) {
        return live.computeIfAbsent(sensorId, id -> {
            byte[] header = headers.get(id);
            return header == null ? new WindowAssembler(id, config, output)
                    : WindowAssembler.restore(header, this::storedChunks, config, output);
        });
    }

    /** Writes what changed in the assembler since it was loaded or last saved. */
    void save(WindowAssembler assembler) {
        StateChanges changes = assembler.drainChanges();
        for (byte[] key : changes.deleted()) {
            audio.delete(Bytes.wrap(key));
        }
        for (StateChanges.Write write : changes.written()) {
            audio.put(Bytes.wrap(write.key()), write.value());
        }
        headers.put(assembler.sensorId(), changes.header());
    }

    /** Drops the in-memory assembler, so the next {@link #load} reads the stores again. */
    void forget(String sensorId) {
        live.remove(sensorId);
    }

    List<String> sensors() {
        List<String> sensors = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> it = headers.all()) {
            it.forEachRemaining(kv -> sensors.add(kv.key));
        }
        return sensors;
    }

    private List<AudioChunk> storedChunks(String sensorId, long segment) {
        List<AudioChunk> chunks = new ArrayList<>();
        try (KeyValueIterator<Bytes, byte[]> it = audio.range(Bytes.wrap(AudioChunk.firstKey(sensorId, segment)),
                Bytes.wrap(AudioChunk.lastKey(sensorId, segment)))) {
            it.forEachRemaining(kv -> chunks.add(AudioChunk.fromBytes(kv.value)));
        }
        return chunks;
    }
}
