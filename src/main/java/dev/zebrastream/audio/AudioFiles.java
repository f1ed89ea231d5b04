package dev.zebrastream.audio;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * Opens an audio file of any format a user has: WAV and RF64 are read here, in Java; anything else
 * that looks like audio (FLAC, Ogg Vorbis or Opus, MP3, AIFF) is decoded by ffmpeg
 * ({@link FfmpegDecoder}). Every failure is an {@link AudioFormatException} with one line.
 */
public final class AudioFiles {

    private static final int HEAD_BYTES = 12;

    private AudioFiles() {
    }

    /** A stream over the file's audio; the caller closes it. */
    public static WavStream open(Path file) throws AudioFormatException {
        return open(file, FfmpegDecoder.FFMPEG);
    }

    /** The whole file as one clip. */
    public static AudioClip read(Path file) throws IOException {
        try (WavStream audio = open(file)) {
            return audio.readAll();
        }
    }

    static WavStream open(Path file, String ffmpeg) throws AudioFormatException {
        String compressed = FileStart.compressedFormat(head(file));
        // Anything else goes to the WAV reader, whose message says what a non-WAV file starts with.
        return compressed != null ? FfmpegDecoder.open(file, compressed, ffmpeg) : WavReader.open(file);
    }

    private static byte[] head(Path file) throws AudioFormatException {
        try (InputStream in = WavReader.openFile(file)) {
            return in.readNBytes(HEAD_BYTES);
        } catch (AudioFormatException e) {
            throw e;
        } catch (IOException e) {
            throw new AudioFormatException(file + ": read failed: " + e.getMessage());
        }
    }
}
