package dev.zebrastream.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.ParseResult;

/**
 * The log levels of one command line, as slf4j-simple system properties. slf4j-simple reads them once,
 * when the first logger is created, so {@link ZebraCli#main} sets them after parsing and before the
 * command runs. A terminal gets warnings and errors only: a one-shot command reports a failure as its one
 * error line, so Kafka's own log (retries, disconnects) is off for it; a command that
 * {@link ReportsProgress} keeps the project's INFO lines and Kafka's warnings. {@code -v} shows INFO of every
 * logger, {@code -vv} DEBUG. A level set with {@code -D} on the java command line wins.
 */
final class LogLevels {

    static final String DEFAULT = "org.slf4j.simpleLogger.defaultLogLevel";
    static final String PROJECT = "org.slf4j.simpleLogger.log.dev.zebrastream";
    /** The Kafka clients, and the embedded broker's loggers (kafka.*, state.change.logger). */
    static final List<String> KAFKA = List.of("org.slf4j.simpleLogger.log.org.apache.kafka",
            "org.slf4j.simpleLogger.log.kafka", "org.slf4j.simpleLogger.log.state.change.logger");

    /**
     * Kafka's network client warns once per failed reconnect, hundreds of lines in a broker outage;
     * where Kafka's warnings are shown it gets errors only (the service logs its own lost/back lines).
     */
    static final String NETWORK_CLIENT = "org.slf4j.simpleLogger.log.org.apache.kafka.clients.NetworkClient";

    private LogLevels() {
    }

    /** Sets the levels for a parsed command line, leaving any level already set as a system property. */
    static void apply(ParseResult parsed) {
        of(verbosity(parsed), innermost(parsed).commandSpec().userObject() instanceof ReportsProgress)
                .forEach((key, level) -> {
                    if (System.getProperty(key) == null) {
                        System.setProperty(key, level);
                    }
                });
    }

    /** Property name to level; the properties file's other per-logger levels stay in force. */
    static Map<String, String> of(int verbosity, boolean reportsProgress) {
        if (verbosity > 0) {
            String all = verbosity == 1 ? "info" : "debug";
            return levels(all, all, all);
        }
        return reportsProgress ? levels("warn", "info", "warn") : levels("warn", "warn", "off");
    }

    private static Map<String, String> levels(String others, String project, String kafka) {
        Map<String, String> levels = new LinkedHashMap<>();
        levels.put(DEFAULT, others);
        levels.put(PROJECT, project);
        KAFKA.forEach(logger -> levels.put(logger, kafka));
        levels.put(NETWORK_CLIENT, kafka.equals("warn") ? "error" : kafka);
        return levels;
    }

    /** {@code -v} and {@code --verbose} given anywhere on the line, {@code -vv} counting twice. */
    private static int verbosity(ParseResult parsed) {
        int count = 0;
        for (ParseResult p = parsed; p != null; p = p.subcommand()) {
            count += p.matchedOptionValue(ZebraCli.VERBOSE, new boolean[0]).length;
        }
        return count;
    }

    private static ParseResult innermost(ParseResult parsed) {
        ParseResult p = parsed;
        while (p.hasSubcommand()) {
            p = p.subcommand();
        }
        return p;
    }
}
