package dev.zebrastream.audio;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Decodes what is not WAV (FLAC, Ogg Vorbis, Opus, MP3, AIFF and anything else ffmpeg reads) by
 * running an external {@code ffmpeg} that writes float WAV to a pipe, read by {@link WavStream}
 * block by block like a file. ffmpeg keeps the source's rate and channels; its error, if it fails,
 * becomes the stream's one-line message.
 */
final class FfmpegDecoder {

    /** The command looked up on PATH. */
    static final String FFMPEG = "ffmpeg";

    private FfmpegDecoder() {
    }

    /**
     * @param what   what the file looks like, for the message when ffmpeg is missing
     * @param ffmpeg the ffmpeg command
     */
    static WavStream open(Path file, String what, String ffmpeg) throws AudioFormatException {
        Process process;
        try {
            process = new ProcessBuilder(List.of(ffmpeg, "-nostdin", "-v", "error", "-i", file.toString(),
                    "-vn", "-f", "wav", "-acodec", "pcm_f32le", "-")).start();
            process.getOutputStream().close();
        } catch (IOException e) {
            throw new AudioFormatException(file + ": " + what + "; reading it needs ffmpeg on PATH"
                    + " (Debian: apt-get install ffmpeg), which was not found");
        }
        CompletableFuture<String> errors = CompletableFuture.supplyAsync(() -> firstLine(process.getErrorStream()));
        return WavReader.open(new Output(process, errors, file), file.toString());
    }

    private static String firstLine(InputStream err) {
        try (err) {
            String text = new String(err.readAllBytes(), StandardCharsets.UTF_8).strip();
            int newline = text.indexOf('\n');
            return newline < 0 ? text : text.substring(0, newline).strip();
        } catch (IOException e) {
            return "";
        }
    }

    /** ffmpeg's output; at its end, a failed ffmpeg turns into an AudioFormatException with ffmpeg's own line. */
    private static final class Output extends FilterInputStream {

        private final Process process;
        private final CompletableFuture<String> errors;
        private final Path file;

        Output(Process process, CompletableFuture<String> errors, Path file) {
            super(process.getInputStream());
            this.process = process;
            this.errors = errors;
            this.file = file;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            return b < 0 ? endOfOutput() : b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            return n < 0 ? endOfOutput() : n;
        }

        private int endOfOutput() throws IOException {
            try {
                if (process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() != 0) {
                    String why = errors.join();
                    throw new AudioFormatException("ffmpeg could not decode it: " + (why.isEmpty()
                            ? "exit status " + process.exitValue() : withoutPath(why)));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for ffmpeg", e);
            }
            return -1;
        }

        /** ffmpeg starts its line with the file's path, which the message already starts with. */
        private String withoutPath(String line) {
            String prefix = file + ": ";
            return line.startsWith(prefix) ? line.substring(prefix.length()) : line;
        }

        @Override
        public void close() throws IOException {
            process.destroy();
            super.close();
        }
    }
}
