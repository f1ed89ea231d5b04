package dev.zebrastream.stream;

import java.util.function.Function;
import dev.zebrastream.avro.PromptVectors;
import dev.zebrastream.prompt.PromptKeys;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maintains the global prompt store from the compacted prompts topic and hot-swaps the registry
 * on every new version. Runs on the global thread, so the text encoder never blocks a stream thread.
 */
final class PromptUpdateProcessor implements Processor<String, byte[], Void, Void> {

    private static final Logger LOG = LoggerFactory.getLogger(PromptUpdateProcessor.class);

    private final PromptRegistry registry;
    private final Function<byte[], PromptVectors> deserializer;
    private final String storeName;
    private KeyValueStore<String, byte[]> store;

    PromptUpdateProcessor(PromptRegistry registry, Function<byte[], PromptVectors> deserializer, String storeName) {
        this.registry = registry;
        this.deserializer = deserializer;
        this.storeName = storeName;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        store = context.getStateStore(storeName);
    }

    @Override
    public void process(Record<String, byte[]> record) {
        if (record.key() == null) {
            return;
        }
        if (record.value() == null) {
            store.delete(record.key());
            return;
        }
        store.put(record.key(), record.value());
        if (record.key().equals(PromptKeys.current(registry.promptSetId()))) {
            PromptInstaller.install(registry, deserializer, record.value());
        }
    }

    /** Decoding and installing, shared with the stream task that seeds the registry after a restore. */
    static final class PromptInstaller {

        private PromptInstaller() {
        }

        static void install(PromptRegistry registry, Function<byte[], PromptVectors> deserializer, byte[] bytes) {
            try {
                registry.install(AvroMapping.toPromptSet(deserializer.apply(bytes)));
            } catch (Exception e) {
                // A bad prompt record must not stop classification: keep the prompts in force.
                LOG.warn("ignoring unusable prompt record: {}", e.getMessage());
            }
        }
    }
}
