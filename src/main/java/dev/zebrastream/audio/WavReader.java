package dev.zebrastream.audio;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Opens WAV audio as mono float: RIFF/WAVE or RF64; integer PCM of 8, 16, 24 or 32 bits, IEEE float
 * of 32 or 64 bits, A-law, µ-law and IMA ADPCM, plain or inside WAVE_FORMAT_EXTENSIBLE; any channel
 * count (averaged); 8 to 192 kHz. Sizes left unknown by a writer that could not seek (a pipe) mean
 * "to the end of the file". Every failure is an {@link AudioFormatException} whose message starts
 * with the file and says what is wrong, ready for the user.
 */
public final class WavReader {

    public static final int MIN_RATE = 8_000;
    public static final int MAX_RATE = 192_000;

    private WavReader() {
    }

    /** A stream over the file's audio, for files too long to hold in memory; the caller closes it. */
    public static WavStream open(Path file) throws AudioFormatException {
        return open(openFile(file), file.toString());
    }

    /** Opens a file for reading, with a one-line error for each usual reason it cannot be. */
    static InputStream openFile(Path file) throws AudioFormatException {
        if (Files.isDirectory(file)) {
            throw new AudioFormatException(file + ": is a directory");
        }
        InputStream in;
        try {
            in = Files.newInputStream(file);
        } catch (NoSuchFileException e) {
            throw new AudioFormatException(file + ": file not found");
        } catch (AccessDeniedException e) {
            throw new AudioFormatException(file + ": permission denied");
        } catch (IOException e) {
            throw new AudioFormatException(file + ": cannot open: " + e.getMessage());
        }
        return in;
    }

    /** A stream over WAV bytes from anywhere; {@code name} starts every message (empty for none). */
    public static WavStream open(InputStream in, String name) throws AudioFormatException {
        try {
            return new WavStream(in, name);
        } catch (AudioFormatException e) {
            closeQuietly(in);
            throw e;
        }
    }

    /** The whole file as one clip. */
    public static AudioClip read(Path file) throws IOException {
        try (WavStream wav = open(file)) {
            return wav.readAll();
        }
    }

    /** A WAV file image in memory as one clip. */
    public static AudioClip decode(byte[] bytes) throws AudioFormatException {
        // Nothing to close: a byte array stream holds no resource.
        return open(new ByteArrayInputStream(bytes), "").readAll();
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException e) {
            // The stream was only being given up after another failure, which is the one to report.
        }
    }
}
