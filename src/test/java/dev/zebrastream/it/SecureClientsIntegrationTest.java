package dev.zebrastream.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zebrastream.avro.Classification;
import dev.zebrastream.broker.EmbeddedKafkaBroker;
import dev.zebrastream.broker.SaslPlainUsers;
import dev.zebrastream.broker.TopicAdmin;
import dev.zebrastream.config.Setting;
import dev.zebrastream.config.ZebraConfig;
import dev.zebrastream.serde.AvroSerdes;
import dev.zebrastream.service.ClassifierService;
import dev.zebrastream.testing.CliProcess;
import dev.zebrastream.testing.CliRun;
import dev.zebrastream.testing.KafkaChecks;
import dev.zebrastream.testing.TestConfigs;
import dev.zebrastream.testing.TestModels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code --client-properties} pass-through against a broker that wants SASL (SASL_PLAINTEXT, PLAIN):
 * admin, Kafka Streams, producer and consumer all get through with the right password; with a wrong one,
 * or a security protocol the listener does not speak, every command fails within kafka.timeout.ms with one
 * line. The times to failure are printed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(OrderAnnotation.class)
class SecureClientsIntegrationTest {

    private static final String USER = "zebra";
    private static final String PASSWORD = "s3cret \"quoted\"";
    private static final long TIMEOUT_MS = 3000;
    /** A JVM start, the model load of `run` and a busy 2-core machine on top of kafka.timeout.ms (was: 249 s and on). */
    private static final long SLACK_MS = 10_000;

    @TempDir
    static Path dir;

    private EmbeddedKafkaBroker broker;
    private Path config;

    @BeforeAll
    void startBroker() throws Exception {
        broker = EmbeddedKafkaBroker.startWithSasl(dir.resolve("kafka"), new SaslPlainUsers(Map.of(USER, PASSWORD)));
        config = Files.writeString(dir.resolve("zebra.properties"),
                "kafka.timeout.ms=" + TIMEOUT_MS + "\nmetrics.port=0\ndata.dir=" + dir.resolve("state") + "\n");
    }

    @AfterAll
    void stopBroker() {
        broker.close();
    }

    @Test
    @Order(1)
    void adminStreamsProducerAndConsumerWorkThroughSasl() throws Exception {
        Path sasl = saslProperties("sasl.properties", PASSWORD);
        ZebraConfig zebra = TestConfigs.with(Map.of(Setting.BOOTSTRAP, broker.saslBootstrapServers(),
                Setting.CLIENT_PROPERTIES, sasl.toString(), Setting.DATA_DIR, dir.resolve("streams").toString()));
        try (Admin admin = Admin.create(zebra.kafka().clientProperties())) {
            List<String> created = TopicAdmin.ensureTopics(admin, zebra.topics(), zebra.kafka().partitions());
            System.out.println("admin over SASL created " + created.size() + " topics");
            assertEquals(zebra.topics().names(), created);
        }
        try (ClassifierService service = ClassifierService.start(zebra, TestModels.tinyClap())) {
            assertTrue(service.awaitRunning(Duration.ofSeconds(30)), "Kafka Streams runs over SASL: " + service.state());
            CliRun produce = cli(0, "produce", "--sensor", "sasl-1", "--synth", "--seconds", "3", "--fast",
                    "--client-properties", sasl.toString());
            assertTrue(produce.out().startsWith("published 30 frames"), produce.out());

            List<Classification> events = KafkaChecks.readUntil(zebra.kafka().clientProperties(), zebra.topics().events(),
                    AvroSerdes.of(Classification.class), e -> e.size() >= 2, Duration.ofSeconds(30), Duration.ZERO);
            System.out.println("Kafka Streams classified " + events.size() + " windows read back over SASL");
            assertTrue(events.size() >= 2, "windows classified: " + events.size());

            List<String> consumed = cli(0, "consume", "events", "--client-properties", sasl.toString()).out()
                    .lines().toList();
            System.out.println("zebra consume events over SASL: " + consumed.size() + " lines");
            assertTrue(consumed.size() >= events.size() && consumed.get(0).startsWith("sasl-1 "), consumed.toString());
            cli(0, "label", events.get(0).getWindowId(), "siren", "--client-properties", sasl.toString());
        }
    }

    @Test
    @Order(2)
    void aWrongPasswordFailsEveryCommandAtOnceWithOneLine() throws Exception {
        Path wrong = saslProperties("wrong.properties", "not the password");
        Map<String, Long> times = timeToFailure(wrong, broker.saslBootstrapServers(), 2,
                "zebra %s: Kafka refused this client's credentials or TLS settings (Authentication failed");
        System.out.println("time to failure, wrong SASL password (exit 2): " + times);
        times.forEach((command, ms) -> assertTrue(ms < TIMEOUT_MS + SLACK_MS, command + " took " + ms + " ms"));
    }

    @Test
    @Order(3)
    void aSecurityProtocolTheListenerDoesNotSpeakFailsWithinTheTimeout() throws Exception {
        Path tls = Files.writeString(dir.resolve("tls.properties"), "security.protocol=SSL\n");
        Map<String, Long> times = timeToFailure(tls, broker.bootstrapServers(), 3,
                "zebra %s: Kafka did not answer in time");
        System.out.println("time to failure, security.protocol=SSL against PLAINTEXT, kafka.timeout.ms=" + TIMEOUT_MS
                + " (exit 3): " + times);
        times.forEach((command, ms) -> assertTrue(ms < TIMEOUT_MS + SLACK_MS, command + " took " + ms + " ms"));
    }

    @Test
    @Order(4)
    void inItsOwnJvmTheFailureIsTheOnlyLineOnStderr() throws Exception {
        Path wrong = saslProperties("wrong-again.properties", "not the password");
        Path tls = Files.writeString(dir.resolve("tls-again.properties"), "security.protocol=SSL\n");
        for (CliProcess run : List.of(
                process("consume", "events", "--bootstrap", broker.saslBootstrapServers(), "--client-properties",
                        wrong.toString()),
                process("produce", "--sensor", "s", "--synth", "--bootstrap", broker.bootstrapServers(),
                        "--client-properties", tls.toString()))) {
            System.out.printf("own JVM: exit %d after %d ms: %s%n", run.exitCode(), run.millis(), run.errLines());
            assertEquals(1, run.errLines().size(), "one line on stderr:\n" + run.err());
            assertTrue(run.millis() < TIMEOUT_MS + SLACK_MS, run.millis() + " ms");
        }
    }

    /** Runs the Kafka commands with these client properties; each must fail with one line and the exit code. */
    private Map<String, Long> timeToFailure(Path props, String bootstrap, int exitCode, String lineStart) {
        Map<String, Long> times = new LinkedHashMap<>();
        for (List<String> command : List.of(List.of("produce", "--sensor", "s", "--synth"), List.of("consume", "events"),
                List.of("label", "w", "siren"), List.of("prompts", "show"),
                List.of("run", "--model", TestModels.TINY_CLAP.toString()))) {
            List<String> args = new ArrayList<>(command);
            args.addAll(List.of("--bootstrap", bootstrap, "--client-properties", props.toString(), "--config",
                    config.toString()));
            long started = System.nanoTime();
            CliRun run = CliRun.of(args.toArray(String[]::new));
            times.put(command.get(0), (System.nanoTime() - started) / 1_000_000);
            String name = command.get(0).equals("prompts") ? "prompts show" : command.get(0);
            assertEquals(exitCode, run.exitCode(), name + ": " + run.err());
            assertEquals(1, run.err().lines().count(), run.err());
            assertTrue(run.err().startsWith(String.format(lineStart, name)), run.err());
        }
        return times;
    }

    private CliRun cli(int exitCode, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--bootstrap", broker.saslBootstrapServers(), "--config", config.toString()));
        CliRun run = CliRun.of(all.toArray(String[]::new));
        assertEquals(exitCode, run.exitCode(), String.join(" ", args) + ": " + run.err());
        return run;
    }

    private CliProcess process(String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--config", config.toString()));
        return CliProcess.run(dir, all.toArray(String[]::new));
    }

    private static Path saslProperties(String name, String password) throws Exception {
        String escaped = password.replace("\\", "\\\\").replace("\"", "\\\"");
        return Files.writeString(dir.resolve(name), "security.protocol=SASL_PLAINTEXT\nsasl.mechanism=PLAIN\n"
                + "sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username=\""
                + USER + "\" password=\"" + escaped.replace("\\", "\\\\") + "\";\n");
    }
}
