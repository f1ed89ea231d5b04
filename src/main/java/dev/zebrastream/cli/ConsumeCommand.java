package dev.zebrastream.cli;

import dev.zebrastream.avro.Classification;
import dev.zebrastream.avro.EntropyDriftAlert;
import dev.zebrastream.avro.PooledWindow;
import dev.zebrastream.avro.PromptVectors;
import dev.zebrastream.broker.Topics;
import dev.zebrastream.client.TopicSnapshot;
import dev.zebrastream.client.TopicTail;
import dev.zebrastream.config.ZebraConfig;
import dev.zebrastream.serde.AvroSerdes;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Header;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code zebra consume}: decoded records of one of the service's output topics. */
@Command(name = "consume", mixinStandardHelpOptions = true,
        description = "Print decoded records of a topic from the beginning to its end, or on with --follow "
                + "(committed records only).")
final class ConsumeCommand implements Callable<Integer> {

    enum Kind { events, pool, alerts, prompts, dlq }

    @Parameters(paramLabel = "TOPIC", description = "events, pool, alerts, prompts or dlq")
    Kind kind;

    @Mixin
    ModelOptions configOptions;

    @Mixin
    KafkaOptions kafkaOptions;

    @Option(names = "--json", description = "records as JSON lines (Avro's JSON form)")
    boolean json;

    @Option(names = "--follow", description = "keep waiting for new records until Ctrl-C")
    boolean follow;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        kafkaOptions.applyTo(configOptions);
        ZebraConfig config = configOptions.config();
        PrintWriter out = spec.commandLine().getOut();
        Function<ConsumerRecord<byte[], byte[]>, String> format = formatter(kind, json);
        Consumer<ConsumerRecord<byte[], byte[]>> print = r -> {
            out.println(format.apply(r));
            out.flush();
        };
        Properties client = config.kafka().clientProperties();
        String topic = topic(config.topics());
        if (!follow) {
            TopicSnapshot.read(client, topic, TopicSnapshot.stall(client), print);
            return 0;
        }
        try (Interruption interruption = new Interruption();
             TopicTail tail = new TopicTail(client, List.of(topic), true)) {
            Thread stopper = new Thread(() -> {
                try {
                    interruption.awaitSignal();
                    tail.stop();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            stopper.setDaemon(true);
            stopper.start();
            tail.run(Duration.ZERO, print);
        }
        return 0;
    }

    private String topic(Topics t) {
        return switch (kind) {
            case events -> t.events();
            case pool -> t.pool();
            case alerts -> t.alerts();
            case prompts -> t.prompts();
            case dlq -> t.deadLetters();
        };
    }

    static Function<ConsumerRecord<byte[], byte[]>, String> formatter(Kind kind, boolean json) {
        return switch (kind) {
            case events -> decoded(Classification.class, json, c -> String.format(Locale.ROOT,
                    "%s %s %s %.3f entropy %.3f v%d %dms", c.getSensorId(), c.getWindowId(), c.getTop().get(0).getLabel(),
                    c.getTop().get(0).getScore(), c.getEntropy(), c.getPromptVersion(), c.getLatencyMs()));
            case pool -> decoded(PooledWindow.class, json, p -> String.format(Locale.ROOT,
                    "%s %s entropy %.3f best %s", p.getSensorId(), p.getWindowId(), p.getEntropy(),
                    p.getScores().get(0).getLabel()));
            case alerts -> decoded(EntropyDriftAlert.class, json, a -> String.format(Locale.ROOT,
                    "%s %s statistic %.3f threshold %.3f baseline %.3f", a.getSensorId(), a.getState(),
                    a.getStatistic(), a.getThreshold(), a.getBaseline()));
            case prompts -> decoded(PromptVectors.class, json, p -> String.format(Locale.ROOT,
                    "%s v%d parent %s base %s novel %s M=%d metrics %s", p.getPromptSetId(), p.getVersion(),
                    p.getParentVersion(), p.getBaseClasses(), p.getNovelClasses(), p.getContextLength(), p.getMetrics()));
            case dlq -> ConsumeCommand::deadLetter;
        };
    }

    private static <T extends org.apache.avro.specific.SpecificRecord> Function<ConsumerRecord<byte[], byte[]>, String>
            decoded(Class<T> type, boolean json, Function<T, String> text) {
        var serde = AvroSerdes.of(type);
        return r -> {
            try {
                T value = serde.decode(r.topic(), r.value());
                return json ? value.toString() : text.apply(value);
            } catch (SerializationException e) {
                return "undecodable record at offset " + r.offset() + ": " + e.getMessage();
            }
        };
    }

    private static String deadLetter(ConsumerRecord<byte[], byte[]> r) {
        StringBuilder sb = new StringBuilder("offset " + r.offset() + ", " + (r.value() == null ? 0 : r.value().length)
                + " bytes");
        for (Header h : r.headers()) {
            sb.append(", ").append(h.key()).append('=').append(new String(h.value(), StandardCharsets.UTF_8));
        }
        return sb.toString();
    }
}
