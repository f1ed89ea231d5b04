package dev.zebrastream.audio;

import java.io.IOException;

/** Audio that cannot be read or decoded; the message is meant for the user as it stands. */
public class AudioFormatException extends IOException {

    public AudioFormatException(String message) {
        super(message);
    }
}
