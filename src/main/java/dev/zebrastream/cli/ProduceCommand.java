package dev.zebrastream.cli;

import dev.zebrastream.audio.AudioClip;
import dev.zebrastream.audio.AudioFormatException;
import dev.zebrastream.audio.AudioFiles;
import dev.zebrastream.config.ZebraConfig;
import dev.zebrastream.sensor.ClipFrames;
import dev.zebrastream.sensor.FramePublisher;
import dev.zebrastream.sensor.FrameSource;
import dev.zebrastream.sensor.MicrophoneFrames;
import dev.zebrastream.sensor.SensorProfile;
import dev.zebrastream.sensor.SimulatedSensor;
import dev.zebrastream.window.Frame;
import dev.zebrastream.window.SampleEncoding;
import dev.zebrastream.synth.DomainSpec;
import dev.zebrastream.synth.SensorStream;
import dev.zebrastream.synth.SoundCatalog;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code zebra produce}: publish one sensor's audio frames from WAV files, the generator or a microphone. */
@Command(name = "produce", mixinStandardHelpOptions = true,
        description = "Publish AudioFrame records for one sensor, at real time (default) or as fast as possible.")
final class ProduceCommand implements Callable<Integer> {

    @Mixin
    ModelOptions configOptions;

    @Mixin
    KafkaOptions kafkaOptions;

    @Option(names = "--sensor", required = true, paramLabel = "ID", description = "sensor id (the record key)")
    String sensor;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    static final class Source {
        @Parameters(paramLabel = "FILE.wav", arity = "1..*",
                description = "audio files to play back in order: WAV or RF64 (PCM, float, A-law, µ-law, IMA ADPCM); "
                        + "FLAC, Ogg, Opus, MP3 or AIFF through ffmpeg")
        List<Path> files;

        @Option(names = "--synth", description = "generated audio: random events from the sound generator")
        boolean synth;

        @Option(names = "--mic", description = "the default microphone (16 kHz mono)")
        boolean mic;
    }

    @Option(names = "--classes", paramLabel = "a,b", description = "with --synth: classes to draw events from (default: all)")
    String classes;

    @Option(names = "--seconds", defaultValue = "60", paramLabel = "S", description = "with --synth: audio length (default: 60)")
    double seconds;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "with --synth: generator seed (default: 1)")
    long seed;

    @Option(names = "--frame-ms", defaultValue = "100", paramLabel = "MS", description = "frame length (default: 100)")
    int frameMs;

    @Option(names = "--fast", description = "publish as fast as possible instead of at real time")
    boolean fast;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (frameMs < 1 || seconds <= 0) {
            throw new IllegalArgumentException("--frame-ms and --seconds must be positive");
        }
        kafkaOptions.applyTo(configOptions);
        ZebraConfig config = configOptions.config();
        List<AudioClip> clips = readFiles();
        if (source.files != null && clips.size() < source.files.size()) {
            return UserErrorHandler.BAD_INPUT; // each bad file has had its line; nothing was published
        }
        long published = 0;
        try (Interruption interruption = new Interruption();
             FramePublisher publisher = new FramePublisher(config.kafka().clientProperties(), config.topics().audioFrames())) {
            FrameSource frames = openSource(clips);
            for (Optional<Frame> f = frames.next(); f.isPresent() && !interruption.requested(); f = frames.next()) {
                if (!fast) {
                    interruption.await(f.get().captureTimeMs() - System.currentTimeMillis());
                }
                publisher.publish(f.get());
                publisher.throwIfFailed();
                published++;
            }
            publisher.flush();
            publisher.throwIfFailed();
            if (frames instanceof MicrophoneFrames mic) {
                mic.close();
            }
            spec.commandLine().getOut().printf("published %d frames for sensor %s%n", published, sensor);
            return 0;
        }
    }

    /**
     * Every file given, read before anything is published so that a bad one stops the run while the
     * topic is still untouched; each bad file gets one line on stderr.
     */
    private List<AudioClip> readFiles() throws IOException {
        List<AudioClip> clips = new ArrayList<>();
        for (Path file : source.files == null ? List.<Path>of() : source.files) {
            try {
                clips.add(AudioFiles.read(file));
            } catch (AudioFormatException e) {
                spec.commandLine().getErr().println(spec.qualifiedName() + ": " + e.getMessage());
            }
        }
        return clips;
    }

    private FrameSource openSource(List<AudioClip> clips) throws Exception {
        double frameSeconds = frameMs / 1000.0;
        long now = System.currentTimeMillis();
        if (fast && source.synth) {
            // As fast as possible means recorded audio: capture times end now instead of lying ahead.
            now -= (long) (seconds * 1000);
        }
        if (source.mic) {
            return MicrophoneFrames.open(sensor, frameSeconds);
        }
        if (source.synth) {
            List<String> names = classes == null ? SoundCatalog.standard().classNames()
                    : Arrays.stream(classes.split(",")).map(String::trim).toList();
            int rate = 16_000;
            SimulatedSensor s = new SimulatedSensor(sensor,
                    new SensorProfile(rate, 1, SampleEncoding.PCM_S16LE, (int) Math.round(frameSeconds * rate)),
                    new SensorStream(seed, rate, DomainSpec.CLEAN, names, List.of()), now);
            long limit = Math.round(seconds * rate);
            return () -> s.stream().position() < limit ? Optional.of(s.nextFrame()) : Optional.empty();
        }
        return new ClipFrames(sensor, clips, frameSeconds, now);
    }
}
