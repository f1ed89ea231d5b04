package dev.zebrastream.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which loggers a terminal sees, per command kind and verbosity (the subprocess checks are in TerminalOutputTest). */
class LogLevelsTest {

    private static final String KAFKA_CLIENTS = "org.slf4j.simpleLogger.log.org.apache.kafka";

    @Test
    void aOneShotCommandShowsWarningsAndNothingFromKafka() {
        Map<String, String> levels = LogLevels.of(0, false);
        System.out.println("one-shot: " + levels);
        assertEquals("warn", levels.get(LogLevels.DEFAULT));
        assertEquals("warn", levels.get(LogLevels.PROJECT));
        LogLevels.KAFKA.forEach(logger -> assertEquals("off", levels.get(logger), logger));
        assertEquals("off", levels.get(LogLevels.NETWORK_CLIENT), "not even a failed authentication's ERROR line");
    }

    @Test
    void aCommandThatReportsProgressKeepsItsOwnInfoLinesAndKafkaWarnings() {
        Map<String, String> levels = LogLevels.of(0, true);
        System.out.println("progress: " + levels);
        assertEquals("warn", levels.get(LogLevels.DEFAULT));
        assertEquals("info", levels.get(LogLevels.PROJECT));
        assertEquals("warn", levels.get(KAFKA_CLIENTS));
        assertEquals("error", levels.get(LogLevels.NETWORK_CLIENT), "no warning per failed reconnect");
    }

    @Test
    void verboseShowsInfoOfEveryLoggerAndTwiceDebug() {
        for (boolean progress : new boolean[] {false, true}) {
            assertEquals(Set.of("info"), Set.copyOf(LogLevels.of(1, progress).values()), "-v");
            assertEquals(Set.of("debug"), Set.copyOf(LogLevels.of(2, progress).values()), "-vv");
        }
        assertEquals(6, LogLevels.of(1, false).size(),
                "the default, the project, three Kafka loggers and Kafka's network client");
    }
}
