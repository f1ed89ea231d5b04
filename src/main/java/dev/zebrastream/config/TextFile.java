package dev.zebrastream.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

/**
 * Reads the small UTF-8 text files a user hands to a command (configuration, client properties,
 * labels). Every failure is one line naming the file, what it was for and why: not found, a
 * directory, permission denied, not UTF-8 text, a malformed properties escape.
 */
public final class TextFile {

    private TextFile() {
    }

    /** Its lines; {@code what} names the file's role in messages, e.g. "labels file". */
    public static List<String> lines(Path file, String what) throws IOException {
        return read(file, what, Files::readAllLines);
    }

    public static Properties properties(Path file, String what) throws IOException {
        return read(file, what, f -> {
            Properties p = new Properties();
            try (Reader r = Files.newBufferedReader(f)) {
                p.load(r);
            }
            return p;
        });
    }

    private interface FileReader<T> {
        T read(Path file) throws IOException;
    }

    private static <T> T read(Path file, String what, FileReader<T> reader) throws IOException {
        if (Files.isDirectory(file)) {
            throw new IOException(what + " " + file + " is a directory");
        }
        try {
            return reader.read(file);
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(file.toString(), null, what + " not found");
        } catch (AccessDeniedException e) {
            throw new IOException(what + " " + file + ": permission denied");
        } catch (CharacterCodingException e) {
            throw new IOException(what + " " + file + ": not UTF-8 text");
        } catch (IllegalArgumentException e) {
            // Properties.load refuses a malformed \\uXXXX escape this way
            throw new IllegalArgumentException(what + " " + file + ": " + e.getMessage());
        }
    }
}
