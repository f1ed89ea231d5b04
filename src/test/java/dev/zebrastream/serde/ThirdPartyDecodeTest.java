package dev.zebrastream.serde;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

/**
 * The decoder documented in docs/messages.md (tools/decode/zebra_decode.py, on Debian's python3-avro,
 * which .ci/run installs; Debian's own /usr/bin/python3) reads every record type from the .avsc files alone, in kcat's '%S:%s' form.
 */
class ThirdPartyDecodeTest {

    @Test
    void debiansPythonAvroDecodesEveryRecordTypeWithTheSchemaFilesAlone() throws Exception {
        List<SpecificRecord> records = List.of(SampleRecords.audioFrame(), SampleRecords.classification(),
                SampleRecords.pooledWindow(), SampleRecords.labeledWindow(), SampleRecords.promptVectors(),
                SampleRecords.entropyDriftAlert());
        ByteArrayOutputStream kcat = new ByteArrayOutputStream();
        for (SpecificRecord r : records) {
            byte[] value = serde(r).encode(r);
            kcat.write((value.length + ":").getBytes(StandardCharsets.US_ASCII));
            kcat.write(value);
        }
        kcat.write("-1:".getBytes(StandardCharsets.US_ASCII)); // a tombstone
        Process python = new ProcessBuilder("/usr/bin/python3", "tools/decode/zebra_decode.py", "schemas")
                .redirectErrorStream(true).start();
        try (OutputStream in = python.getOutputStream()) {
            in.write(kcat.toByteArray());
        }
        String out = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(python.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, python.exitValue(), out);
        List<String> lines = out.lines().toList();
        System.out.printf("python3-avro decoded %d of %d records (+1 tombstone)%n", lines.size() - 1, records.size());
        assertEquals(records.size() + 1, lines.size(), out);
        assertTrue(lines.get(0).contains("\"sensor_id\": \"mic-7\"") && lines.get(0).contains("\"encoding\": \"PCM_S16LE\""),
                lines.get(0));
        assertTrue(lines.get(1).contains("\"window_id\": \"mic-7:0:16000\""), lines.get(1));
        assertTrue(lines.get(4).contains("\"prompt_set_id\""), lines.get(4));
        assertTrue(lines.get(5).contains("\"state\": \"RAISED\""), lines.get(5));
        assertEquals("null", lines.get(6));
    }

    @SuppressWarnings("unchecked")
    private static AvroSerde<SpecificRecord> serde(SpecificRecord r) throws IOException {
        return AvroSerdes.of((Class<SpecificRecord>) r.getClass());
    }
}
