package dev.zebrastream.sensor;

import dev.zebrastream.audio.AudioClip;
import dev.zebrastream.window.Frame;
import dev.zebrastream.window.SampleEncoding;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Recorded clips played back as float32 frames, sequence numbers and capture times continuing across clips. */
public final class ClipFrames implements FrameSource {

    private final String sensorId;
    private final List<AudioClip> clips;
    private final double frameSeconds;
    private long sequence;
    private long captureMs;
    private int clip;
    private int offset;

    public ClipFrames(String sensorId, List<AudioClip> clips, double frameSeconds, long startMs) {
        this.sensorId = sensorId;
        this.clips = List.copyOf(clips);
        this.frameSeconds = frameSeconds;
        this.captureMs = startMs;
    }

    @Override
    public Optional<Frame> next() {
        while (clip < clips.size() && offset >= clips.get(clip).samples().length) {
            clip++;
            offset = 0;
        }
        if (clip == clips.size()) {
            return Optional.empty();
        }
        AudioClip c = clips.get(clip);
        int n = Math.min(c.samples().length - offset, Math.max(1, (int) Math.round(frameSeconds * c.sampleRate())));
        float[] chunk = Arrays.copyOfRange(c.samples(), offset, offset + n);
        Frame f = new Frame(sensorId, sequence++, captureMs, c.sampleRate(), 1, SampleEncoding.FLOAT32LE,
                SampleEncoding.FLOAT32LE.encode(chunk, 1));
        offset += n;
        captureMs += Math.round(n * 1000.0 / c.sampleRate());
        return Optional.of(f);
    }
}
