package dev.zebrastream.testing;

import dev.zebrastream.window.AssembledWindow;
import dev.zebrastream.window.Frame;
import dev.zebrastream.window.FrameDecoder;
import dev.zebrastream.window.InvalidFrameException;
import dev.zebrastream.window.WindowAssembler;
import dev.zebrastream.window.WindowConfig;
import dev.zebrastream.window.WindowOutput;
import java.util.ArrayList;
import java.util.List;

/**
 * The windows the plain core assembles from a sensor's frames, given in bursts, with or without
 * the idle flush after the last: the reference the topology's committed output is checked against.
 */
public final class ExpectedWindows {

    private ExpectedWindows() {
    }

    public static List<AssembledWindow> of(List<List<Frame>> bursts, WindowConfig config, WindowOutput output)
            throws InvalidFrameException {
        return of(bursts, config, output, true);
    }

    /**
     * The windows without the final idle flush, for a service whose flush is off: a resampled
     * sensor's last full window then stays open, since its filter needs audio past the window.
     */
    public static List<AssembledWindow> withoutFlush(List<List<Frame>> bursts, WindowConfig config,
                                                     WindowOutput output) throws InvalidFrameException {
        return of(bursts, config, output, false);
    }

    private static List<AssembledWindow> of(List<List<Frame>> bursts, WindowConfig config, WindowOutput output,
                                            boolean finalFlush) throws InvalidFrameException {
        WindowAssembler assembler = null;
        List<AssembledWindow> out = new ArrayList<>();
        FrameDecoder decoder = new FrameDecoder();
        for (List<Frame> burst : bursts) {
            for (Frame f : burst) {
                if (assembler == null) {
                    assembler = new WindowAssembler(f.sensorId(), config, output);
                }
                out.addAll(assembler.offer(decoder.decode(f, f.captureTimeMs()), 0));
            }
        }
        if (assembler != null && finalFlush) {
            out.addAll(assembler.flush(Long.MAX_VALUE / 2, Long.MIN_VALUE));
        }
        return out;
    }
}
