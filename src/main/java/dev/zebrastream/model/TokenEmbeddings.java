package dev.zebrastream.model;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;

/** The text encoder's token-embedding table {@code [V, H]}, so prompts can be built in the JVM. */
public final class TokenEmbeddings {

    private final float[] table;
    private final int hidden;

    TokenEmbeddings(float[] table, int hidden) {
        this.table = table;
        this.hidden = hidden;
    }

    static TokenEmbeddings read(Path file, int vocab, int hidden) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        FloatBuffer floats = bytes.asFloatBuffer();
        float[] table = new float[vocab * hidden];
        floats.get(table);
        return new TokenEmbeddings(table, hidden);
    }

    public int hiddenSize() {
        return hidden;
    }

    public int vocabSize() {
        return table.length / hidden;
    }

    /** Copies row {@code id} into {@code dest} at {@code offset}. */
    public void copyRow(int id, float[] dest, int offset) {
        if (id < 0 || id >= vocabSize()) {
            throw new IllegalArgumentException("token id " + id + " outside the vocabulary of " + vocabSize());
        }
        System.arraycopy(table, id * hidden, dest, offset, hidden);
    }
}
