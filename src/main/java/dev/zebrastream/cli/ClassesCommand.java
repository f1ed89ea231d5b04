package dev.zebrastream.cli;

import dev.zebrastream.client.PromptTopic;
import dev.zebrastream.config.ZebraConfig;
import dev.zebrastream.prompt.PromptRevisions;
import dev.zebrastream.prompt.PromptSet;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.BiFunction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code zebra classes add|remove}: change the class vocabulary at run time (a new prompt version). */
@Command(name = "classes", mixinStandardHelpOptions = true,
        description = "Add or remove class names; publishes a new prompt version with the same context vectors.",
        subcommands = {ClassesCommand.Add.class, ClassesCommand.Remove.class})
final class ClassesCommand extends CommandGroup {

    static int revise(PromptOptions options, CommandSpec spec, List<String> names,
                      BiFunction<PromptSet, List<String>, PromptSet> revision) throws Exception {
        ZebraConfig config = options.config();
        PromptTopic topic = options.topic(config);
        PromptSet next = revision.apply(options.currentOrZeroShot(config, topic), names);
        topic.publish(next);
        spec.commandLine().getOut().println("published " + PromptsCommand.describe(next));
        return 0;
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Add novel classes (usable at once, zero-shot).")
    static final class Add implements Callable<Integer> {
        @Mixin
        PromptOptions options;
        @Parameters(paramLabel = "NAME", arity = "1..*", description = "class names, e.g. \"glass breaking\"")
        List<String> names;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            return revise(options, spec, names, (p, n) -> PromptRevisions.addClasses(p, n, System.currentTimeMillis()));
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove classes from the vocabulary.")
    static final class Remove implements Callable<Integer> {
        @Mixin
        PromptOptions options;
        @Parameters(paramLabel = "NAME", arity = "1..*", description = "class names")
        List<String> names;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            return revise(options, spec, names, (p, n) -> PromptRevisions.removeClasses(p, n, System.currentTimeMillis()));
        }
    }
}
