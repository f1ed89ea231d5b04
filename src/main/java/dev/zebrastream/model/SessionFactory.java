package dev.zebrastream.model;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens ONNX Runtime sessions on the requested device. ONNX Runtime has no silent fallback: with
 * the CUDA provider requested but CUDA 12 / cuDNN 9 missing, {@code addCUDA} throws. We catch that
 * once, log what was missing, and build CPU-only options instead.
 */
public final class SessionFactory {

    private static final Logger LOG = LoggerFactory.getLogger(SessionFactory.class);

    private final OrtEnvironment env = OrtEnvironment.getEnvironment();
    private final int intraOpThreads;
    private ExecutionDevice effective;

    public SessionFactory(ExecutionDevice requested, int intraOpThreads) {
        this.intraOpThreads = intraOpThreads;
        this.effective = requested;
    }

    public OrtEnvironment environment() {
        return env;
    }

    /** The device sessions actually run on (CPU after a fallback). */
    public ExecutionDevice effectiveDevice() {
        return effective;
    }

    public OrtSession open(Path onnxFile) throws ModelException {
        try (OrtSession.SessionOptions options = options()) {
            return env.createSession(onnxFile.toString(), options);
        } catch (OrtException e) {
            throw new ModelException(onnxFile + ": ONNX Runtime cannot load it: " + firstLine(e.getMessage()), e);
        }
    }

    private OrtSession.SessionOptions options() throws OrtException {
        OrtSession.SessionOptions options = cpuOptions();
        if (!effective.cuda()) {
            return options;
        }
        try {
            options.addCUDA(effective.deviceId());
            return options;
        } catch (OrtException | UnsatisfiedLinkError e) {
            options.close();
            LOG.warn("CUDA device {} unavailable, falling back to CPU: {}", effective.deviceId(), firstLine(e.getMessage()));
            effective = ExecutionDevice.CPU;
            return cpuOptions();
        }
    }

    private OrtSession.SessionOptions cpuOptions() throws OrtException {
        OrtSession.SessionOptions options = new OrtSession.SessionOptions();
        options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
        if (intraOpThreads > 0) {
            options.setIntraOpNumThreads(intraOpThreads);
        }
        return options;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no detail";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
