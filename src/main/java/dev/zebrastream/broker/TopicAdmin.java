package dev.zebrastream.broker;

import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.CreateTopicsResult;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Creates the topics that are missing; existing topics, and whatever an operator changed on them, are left alone. */
public final class TopicAdmin {

    private static final Logger LOG = LoggerFactory.getLogger(TopicAdmin.class);

    private TopicAdmin() {
    }

    /** Creates the missing ones of {@code topics} and returns the names it created (empty when all existed). */
    public static List<String> ensureTopics(Admin admin, Topics topics, int partitions) {
        Set<String> existing = call(() -> admin.listTopics().names().get(), "list topics");
        List<TopicSpec> missing = topics.specs(partitions).stream()
                .filter(spec -> !existing.contains(spec.name()))
                .toList();
        if (missing.isEmpty()) {
            return List.of();
        }
        CreateTopicsResult result = admin.createTopics(missing.stream().map(TopicSpec::toNewTopic).toList());
        return missing.stream().filter(spec -> awaitCreated(result, spec)).map(TopicSpec::name).toList();
    }

    /** The topic's partition count as the cluster knows it now. */
    public static int partitionCount(Admin admin, String topic) {
        return call(() -> admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size(),
                "describe topic " + topic);
    }

    /** True when this call created the topic; false when another instance created it meanwhile. */
    private static boolean awaitCreated(CreateTopicsResult result, TopicSpec spec) {
        try {
            call(() -> result.values().get(spec.name()).get(), "create topic " + spec.name());
        } catch (KafkaException e) {
            if (e.getCause() instanceof TopicExistsException) {
                return false;
            }
            throw e;
        }
        LOG.info("created topic {} ({} partitions, {})", spec.name(), spec.partitions(), new TreeMap<>(spec.configs()));
        return true;
    }

    private interface AdminCall<V> {
        V get() throws InterruptedException, ExecutionException;
    }

    private static <V> V call(AdminCall<V> call, String what) {
        try {
            return call.get();
        } catch (ExecutionException e) {
            throw new KafkaException("cannot " + what + ": " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaException("interrupted while trying to " + what, e);
        }
    }
}
