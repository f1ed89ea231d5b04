package dev.zebrastream.service;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.InvalidTimestampException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Last line of defence behind input validation and dead-letter truncation: an output record the
 * broker refuses for what it is (too large, timestamp out of the broker's range) is logged and
 * skipped instead of stopping the stream for every sensor. Anything else (authorisation, a lost
 * transaction) still fails the stream thread, because skipping it could lose data silently.
 */
public final class UnwritableOutputHandler implements ProductionExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(UnwritableOutputHandler.class);

    @Override
    public Response handleError(ErrorHandlerContext context, ProducerRecord<byte[], byte[]> record, Exception exception) {
        if (exception instanceof RecordTooLargeException || exception instanceof RecordBatchTooLargeException
                || exception instanceof InvalidTimestampException) {
            LOG.error("broker refused an output record to {} (input {}-{} offset {}): {}; skipped", record.topic(),
                    context.topic(), context.partition(), context.offset(), exception.getMessage());
            return Response.resume();
        }
        return Response.fail();
    }

    @Override
    public void configure(java.util.Map<String, ?> configs) {
        // nothing to configure
    }
}
