package dev.zebrastream.stream;

import dev.zebrastream.metrics.StreamMetrics;
import java.util.HashSet;
import java.util.Set;
import org.apache.kafka.common.utils.Utils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Notices frames that a producer put on another partition than Kafka's default partitioner would
 * (murmur2 of the key bytes, modulo the partition count). Such a sensor's frames can land on two
 * partitions, hence two stream tasks with two window assemblers, and its windows split. The frame is
 * still processed; the sensor is counted in {@code zebra_misrouted_frames} and logged once per task.
 * Comparing with the default partitioner rather than remembering partitions per sensor also catches
 * a split whose other half is processed by another instance.
 */
final class PartitionCheck {

    private static final Logger LOG = LoggerFactory.getLogger(PartitionCheck.class);

    private final int partitions;
    private final StreamMetrics metrics;
    private final Set<String> reported = new HashSet<>();

    /** @param partitions the frames topic's partition count, read when the service started */
    PartitionCheck(int partitions, StreamMetrics metrics) {
        this.partitions = partitions;
        this.metrics = metrics;
    }

    void observe(String sensorId, byte[] key, int partition) {
        int expected = Utils.toPositive(Utils.murmur2(key)) % partitions;
        if (expected == partition) {
            return;
        }
        metrics.misroutedFrame(sensorId);
        if (reported.add(sensorId)) {
            LOG.warn("sensor {} sends frames to partition {}, but Kafka's default partitioner puts its key on "
                    + "partition {} of {}: its windows may split; produce with the default (murmur2) partitioner "
                    + "keyed by sensor id (kcat: -X partitioner=murmur2_random)", sensorId, partition, expected,
                    partitions);
        }
    }
}
