package dev.zebrastream.window;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class StateBytesTest {

    @Test
    void writesThatReuseTheThreadsBufferDoNotLeakIntoEachOther() {
        byte[] big = StateBytes.write(1, out -> StateBytes.writeFloats(out, new float[50_000]));
        byte[] small = StateBytes.write(1, out -> out.writeInt(7));
        assertEquals(5, small.length, "format byte and one int, nothing left from the larger write before");
        assertEquals(7, (int) StateBytes.read(small, 1, "test", java.io.DataInput::readInt));
        assertEquals(50_000, StateBytes.read(big, 1, "test", StateBytes::readFloats).length);
    }

    @Test
    void aWriteNestedInAnotherGetsItsOwnBuffer() {
        byte[][] inner = new byte[1][];
        byte[] outer = StateBytes.write(2, out -> {
            out.writeInt(1);
            inner[0] = StateBytes.write(3, o -> o.writeInt(2));
            out.writeInt(3);
        });
        assertArrayEquals(new int[] {1, 3}, StateBytes.read(outer, 2, "outer", in -> new int[] {in.readInt(), in.readInt()}));
        assertEquals(2, (int) StateBytes.read(inner[0], 3, "inner", java.io.DataInput::readInt));
        assertThrows(IllegalArgumentException.class, () -> StateBytes.read(inner[0], 2, "inner", java.io.DataInput::readInt));
    }
}
