package dev.zebrastream.sensor;

import dev.zebrastream.window.Frame;
import java.util.Optional;

/** Frames of one sensor in order; empty when the source is exhausted. */
public interface FrameSource {

    Optional<Frame> next() throws java.io.IOException;
}
