package dev.zebrastream.model;

import java.io.IOException;

/** A model directory that cannot be used; the message names the part that is wrong. */
public class ModelException extends IOException {

    public ModelException(String message) {
        super(message);
    }

    public ModelException(String message, Throwable cause) {
        super(message, cause);
    }
}
