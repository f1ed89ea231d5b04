package dev.zebrastream.cli;

import dev.zebrastream.client.PromptTopic;
import dev.zebrastream.config.ZebraConfig;
import dev.zebrastream.model.ModelDirectory;
import dev.zebrastream.model.ModelManifest;
import dev.zebrastream.prompt.PromptSet;
import picocli.CommandLine.Mixin;

/** Shared by the commands that read and publish prompt sets: configuration, Kafka, the set in force. */
final class PromptOptions {

    @Mixin
    ModelOptions configOptions;

    @Mixin
    KafkaOptions kafkaOptions;

    ZebraConfig config() throws java.io.IOException {
        kafkaOptions.applyTo(configOptions);
        return configOptions.config();
    }

    PromptTopic topic(ZebraConfig config) throws java.io.IOException {
        return new PromptTopic(config.kafka().clientProperties(), config.topics().prompts());
    }

    /** The version in force, or the zero-shot version 0 over the model's classes when none was published. */
    PromptSet currentOrZeroShot(ZebraConfig config, PromptTopic topic) throws java.io.IOException {
        String id = config.stream().promptSetId();
        var current = topic.current(id);
        if (current.isPresent()) {
            return current.get();
        }
        ModelManifest m = ModelDirectory.open(config.modelDir()).manifest();
        return PromptSet.zeroShot(id, config.stream().classesOr(m.classes()), m.logitScale(), m.fingerprint());
    }
}
