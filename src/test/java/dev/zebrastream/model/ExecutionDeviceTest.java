package dev.zebrastream.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ExecutionDeviceTest {

    @Test
    void parsesCpuAndCudaForms() {
        assertFalse(ExecutionDevice.parse("CPU").cuda());
        assertEquals(new ExecutionDevice(true, 0), ExecutionDevice.parse("cuda"));
        assertEquals(new ExecutionDevice(true, 3), ExecutionDevice.parse("cuda:3"));
        assertEquals("cuda:3", ExecutionDevice.parse("cuda:3").toString());
    }

    @Test
    void rejectsOtherDevices() {
        assertThrows(IllegalArgumentException.class, () -> ExecutionDevice.parse("gpu"));
        assertThrows(IllegalArgumentException.class, () -> ExecutionDevice.parse("cuda:-1"));
        assertThrows(IllegalArgumentException.class, () -> ExecutionDevice.parse("cuda:x"));
    }
}
