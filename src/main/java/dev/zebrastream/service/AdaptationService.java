package dev.zebrastream.service;

import dev.zebrastream.adapt.AdaptationOutcome;
import dev.zebrastream.adapt.AdaptationSettings;
import dev.zebrastream.adapt.Adapter;
import dev.zebrastream.adapt.LabelBook;
import dev.zebrastream.adapt.PromptLearner;
import dev.zebrastream.avro.LabeledWindow;
import dev.zebrastream.avro.PooledWindow;
import dev.zebrastream.client.PromptTopic;
import dev.zebrastream.client.TopicTail;
import dev.zebrastream.config.ZebraConfig;
import dev.zebrastream.model.ClapModel;
import dev.zebrastream.model.ModelManifest;
import dev.zebrastream.prompt.PromptSet;
import dev.zebrastream.serde.AvroSerde;
import dev.zebrastream.serde.AvroSerdes;
import dev.zebrastream.stream.AvroMapping;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the labeled set and a bounded recent pool from the labels and pool topics, and re-adapts
 * the prompts when enough new labels have arrived (or the interval has passed with some waiting).
 * A candidate that passes the guard is published as the next version on the prompts topic, where
 * every classifier instance picks it up; a rejected one is only logged.
 */
public final class AdaptationService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AdaptationService.class);

    private final ZebraConfig config;
    private final ClapModel model;
    private final LabelBook book;
    private final TopicTail tail;
    private final PromptTopic prompts;
    private final Thread thread;
    private final AtomicLong published = new AtomicLong();
    private volatile boolean running = true;
    private long lastRunMs = System.currentTimeMillis();

    public AdaptationService(ZebraConfig config, ClapModel model) throws java.io.IOException {
        this.config = config;
        this.model = model;
        this.book = new LabelBook(config.adaptation().poolCapacity());
        Properties client = config.kafka().clientProperties();
        this.tail = new TopicTail(client, List.of(config.topics().pool(), config.topics().labels()), true);
        this.prompts = new PromptTopic(client, config.topics().prompts());
        this.thread = new Thread(this::loop, "zebra-adaptation");
        this.thread.setDaemon(true);
    }

    public AdaptationService start() {
        thread.start();
        LOG.info("adaptation service started: re-adapts after {} new labels or every {} s",
                config.adaptation().minNewLabels(), config.adaptation().intervalMs() / 1000);
        return this;
    }

    /** Versions this service has published. */
    public long published() {
        return published.get();
    }

    private void loop() {
        AvroSerde<PooledWindow> pool = AvroSerdes.of(PooledWindow.class);
        AvroSerde<LabeledWindow> labels = AvroSerdes.of(LabeledWindow.class);
        while (running) {
            try {
                tail.poll(Duration.ofMillis(500), r -> ingest(r, pool, labels));
                if (due()) {
                    adaptOnce();
                }
            } catch (org.apache.kafka.common.errors.WakeupException e) {
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                // One failed adaptation (bad labels, a broker hiccup) must not stop the service.
                LOG.error("adaptation failed, will retry when new labels arrive: {}", e.toString());
            }
        }
    }

    private void ingest(ConsumerRecord<byte[], byte[]> r, AvroSerde<PooledWindow> pool, AvroSerde<LabeledWindow> labels) {
        try {
            if (r.topic().equals(config.topics().pool())) {
                PooledWindow w = pool.decode(r.topic(), r.value());
                book.pooled(w.getWindowId(), AvroMapping.floats(w.getEmbedding()));
            } else if (r.value() != null) {
                LabeledWindow l = labels.decode(r.topic(), r.value());
                book.label(l.getWindowId(), l.getLabel(),
                        l.getEmbedding() == null ? null : AvroMapping.floats(l.getEmbedding()));
            }
        } catch (SerializationException e) {
            LOG.warn("skipping undecodable record on {}: {}", r.topic(), e.getMessage());
        }
    }

    private boolean due() {
        AdaptationSettings s = config.adaptation();
        int fresh = book.newLabels();
        return fresh >= s.minNewLabels()
                || (fresh > 0 && System.currentTimeMillis() - lastRunMs >= s.intervalMs());
    }

    private void adaptOnce() throws Exception {
        lastRunMs = System.currentTimeMillis();
        PromptSet current = currentPrompts();
        LOG.info("re-adapting prompt set {} v{} on {} labels ({} new) and {} pool windows", current.promptSetId(),
                current.version(), book.examples().size(), book.newLabels(), book.unlabeledPool().size());
        book.markAdapted();
        AdaptationOutcome outcome = new Adapter(model, config.adaptation(), new PromptLearner())
                .adapt(current, book.examples(), book.unlabeledPool(), System.currentTimeMillis());
        outcome.decision().reasons().forEach(reason -> LOG.info("guard: {}", reason));
        if (outcome.accepted()) {
            prompts.publish(outcome.candidate());
            published.incrementAndGet();
            LOG.info("published prompt set {} v{}", outcome.candidate().promptSetId(), outcome.candidate().version());
        } else {
            LOG.warn("kept v{}: the candidate failed the guard", current.version());
        }
    }

    private PromptSet currentPrompts() {
        ModelManifest m = model.manifest();
        String id = config.stream().promptSetId();
        return prompts.current(id).orElseGet(() ->
                PromptSet.zeroShot(id, config.stream().classesOr(m.classes()), m.logitScale(), m.fingerprint()));
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        tail.stop();
        thread.join(30_000);
        tail.close();
    }
}
