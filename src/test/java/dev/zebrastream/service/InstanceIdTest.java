package dev.zebrastream.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InstanceIdTest {

    @TempDir
    Path dir;

    @Test
    void aDataDirectoryKeepsItsIdAcrossRestartsAndAnotherGetsItsOwn() throws Exception {
        String first = InstanceId.of(dir.resolve("a"));
        assertEquals(first, InstanceId.of(dir.resolve("a")), "same directory, same id after a restart");
        assertNotEquals(first, InstanceId.of(dir.resolve("b")));
    }
}
