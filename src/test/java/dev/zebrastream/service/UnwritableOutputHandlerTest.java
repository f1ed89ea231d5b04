package dev.zebrastream.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.InvalidTimestampException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProductionExceptionHandler.Result;
import org.apache.kafka.streams.processor.TaskId;
import org.junit.jupiter.api.Test;

class UnwritableOutputHandlerTest {

    private final UnwritableOutputHandler handler = new UnwritableOutputHandler();
    private final ProducerRecord<byte[], byte[]> record = new ProducerRecord<>("zebra.events", new byte[1]);

    @Test
    void recordsTheBrokerRefusesForWhatTheyAreAreSkipped() {
        assertEquals(Result.RESUME, handler.handleError(CONTEXT, record, new RecordTooLargeException("big")).result());
        assertEquals(Result.RESUME, handler.handleError(CONTEXT, record, new InvalidTimestampException("late")).result());
    }

    @Test
    void everythingElseStillFailsTheStream() {
        assertEquals(Result.FAIL, handler.handleError(CONTEXT, record, new TopicAuthorizationException("no")).result());
    }

    private static final ErrorHandlerContext CONTEXT = new ErrorHandlerContext() {
        @Override public String topic() { return "zebra.audio.frames"; }
        @Override public int partition() { return 0; }
        @Override public long offset() { return 7; }
        @Override public Headers headers() { return new RecordHeaders(); }
        @Override public String processorNodeId() { return "classify"; }
        @Override public TaskId taskId() { return new TaskId(0, 0); }
        @Override public long timestamp() { return 0; }
        @Override public byte[] sourceRawKey() { return null; }
        @Override public byte[] sourceRawValue() { return null; }
    };
}
