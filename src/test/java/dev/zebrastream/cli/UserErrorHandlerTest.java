package dev.zebrastream.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.NoSuchFileException;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

class UserErrorHandlerTest {

    private final StringWriter err = new StringWriter();
    private final CommandLine label = labelCommand();

    /** A stand-in for {@code zebra label}: messages name the command as it was typed. */
    private CommandLine labelCommand() {
        CommandLine root = new CommandLine(CommandSpec.create().name("zebra"));
        root.addSubcommand("label", CommandSpec.create());
        return root.getSubcommands().get("label").setErr(new PrintWriter(err, true));
    }

    private int handle(Exception ex) {
        return new UserErrorHandler().handleExecutionException(ex, label, null);
    }

    @Test
    void aKafkaTimeoutInsideAProducerFutureSaysKafkaDidNotAnswerInTime() {
        int code = handle(new ExecutionException(new TimeoutException("Topic zebra.labels not present in metadata")));
        assertEquals(UserErrorHandler.KAFKA_UNAVAILABLE, code);
        assertEquals("zebra label: Kafka did not answer in time (Topic zebra.labels not present in metadata); "
                + "check --bootstrap, that the broker is running, that the topics exist and that security.protocol "
                + "in --client-properties matches the listener", err.toString().strip());
    }

    @Test
    void refusedCredentialsAreBadInputNamingWhatToCheck() {
        int code = handle(new KafkaException("cannot list topics: Authentication failed",
                new SaslAuthenticationException("Authentication failed: Invalid username or password")));
        assertEquals(UserErrorHandler.BAD_INPUT, code);
        assertEquals("zebra label: Kafka refused this client's credentials or TLS settings (Authentication failed: "
                + "Invalid username or password); check sasl.* and ssl.* in --client-properties", err.toString().strip());
    }

    @Test
    void anInvalidClientSettingIsBadInput() {
        int code = handle(new KafkaException("Failed to construct kafka producer",
                new ConfigException("security.protocol", "SSLX", "not a valid protocol")));
        assertEquals(UserErrorHandler.BAD_INPUT, code);
        assertEquals("zebra label: invalid Kafka client setting: Invalid value SSLX for configuration security.protocol: "
                + "not a valid protocol", err.toString().strip());
    }

    @Test
    void aMissingFileIsNamedAsSuch() {
        assertEquals(UserErrorHandler.BAD_INPUT, handle(new NoSuchFileException("labels.csv")));
        assertEquals("zebra label: file not found: labels.csv", err.toString().strip());
    }

    @Test
    void aMissingFileWithItsOwnReasonKeepsIt() {
        handle(new NoSuchFileException("labels.csv", null, "labels file not found"));
        assertEquals("zebra label: labels.csv: labels file not found", err.toString().strip());
    }

    @Test
    void anythingElseIsAnInternalError() {
        assertEquals(UserErrorHandler.FAILURE, handle(new IllegalStateException("boom")));
        assertEquals("zebra label: internal error: boom", err.toString().strip());
    }
}
