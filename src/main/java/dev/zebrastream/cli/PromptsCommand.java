package dev.zebrastream.cli;

import dev.zebrastream.client.PromptTopic;
import dev.zebrastream.config.ZebraConfig;
import dev.zebrastream.prompt.PromptRevisions;
import dev.zebrastream.prompt.PromptSet;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code zebra prompts show|history|rollback}: inspect prompt versions and roll back. */
@Command(name = "prompts", mixinStandardHelpOptions = true, description = "Inspect prompt set versions and roll back.",
        subcommands = {PromptsCommand.Show.class, PromptsCommand.History.class, PromptsCommand.Rollback.class})
final class PromptsCommand extends CommandGroup {

    static String describe(PromptSet p) {
        return String.format(Locale.ROOT, "v%d (parent %s) %s  base %s  novel %s  M=%d a=%.2f  metrics %s  objective %s%s",
                p.version(), p.parentVersion() == null ? "-" : "v" + p.parentVersion(),
                java.time.Instant.ofEpochMilli(p.createdAtMs()), p.baseClasses(), p.novelClasses(), p.contextLength(),
                p.fusionWeight(), p.metrics(), p.objective(), p.note() == null ? "" : "  note: " + p.note());
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "The version in force.")
    static final class Show implements Callable<Integer> {
        @Mixin
        PromptOptions options;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            ZebraConfig config = options.config();
            PromptSet current = options.currentOrZeroShot(config, options.topic(config));
            spec.commandLine().getOut().println(describe(current));
            return 0;
        }
    }

    @Command(name = "history", mixinStandardHelpOptions = true, description = "Every published version, oldest first.")
    static final class History implements Callable<Integer> {
        @Mixin
        PromptOptions options;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            ZebraConfig config = options.config();
            List<PromptSet> versions = options.topic(config).history(config.stream().promptSetId());
            PrintWriter out = spec.commandLine().getOut();
            if (versions.isEmpty()) {
                out.println("no prompt versions published for set '" + config.stream().promptSetId() + "' (zero-shot)");
            }
            versions.forEach(v -> out.println(describe(v)));
            return 0;
        }
    }

    @Command(name = "rollback", mixinStandardHelpOptions = true,
            description = "Publish an earlier version's content as the newest version.")
    static final class Rollback implements Callable<Integer> {
        @Mixin
        PromptOptions options;
        @Parameters(paramLabel = "VERSION", description = "the version to return to")
        long version;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            ZebraConfig config = options.config();
            PromptTopic topic = options.topic(config);
            String id = config.stream().promptSetId();
            PromptSet target = topic.history(id).stream().filter(v -> v.version() == version).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("prompt set '" + id + "' has no version " + version));
            PromptSet next = PromptRevisions.rollback(options.currentOrZeroShot(config, topic), target,
                    System.currentTimeMillis());
            topic.publish(next);
            spec.commandLine().getOut().println("published " + describe(next));
            return 0;
        }
    }
}
