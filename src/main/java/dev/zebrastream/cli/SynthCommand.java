package dev.zebrastream.cli;

import dev.zebrastream.synth.ClipRequest;
import dev.zebrastream.synth.CorpusPlan;
import dev.zebrastream.synth.CorpusWriter;
import dev.zebrastream.synth.DomainSpec;
import dev.zebrastream.synth.Synthesizer;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** `zebra synth`: renders a labeled, captioned procedural corpus to WAV files plus manifest.jsonl. */
@Command(name = "synth", mixinStandardHelpOptions = true,
        description = "Render a deterministic procedural corpus of everyday sound events "
                + "(WAV files + manifest.jsonl with class, caption, domain and seed per clip).")
public final class SynthCommand implements Callable<Integer>, ReportsProgress {

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory.")
    Path out;

    @Option(names = "--classes", split = ",", paramLabel = "NAME",
            description = "Comma-separated class names (default: all available).")
    List<String> classes;

    @Option(names = "--per-class", defaultValue = "10", paramLabel = "N", description = "Clips per class (default: ${DEFAULT-VALUE}).")
    int perClass;

    @Option(names = "--domain", defaultValue = "clean", paramLabel = "SPEC",
            description = "clean, train, deployment, a family (factory, traffic, babble, hall, mic) "
                    + "or family-severity such as factory-2 (default: ${DEFAULT-VALUE}).")
    String domain;

    @Option(names = "--seed", defaultValue = "0", paramLabel = "S", description = "Corpus seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--seconds", defaultValue = "2.0", paramLabel = "D", description = "Clip length in seconds (default: ${DEFAULT-VALUE}).")
    double seconds;

    @Option(names = "--sample-rate", defaultValue = "16000", paramLabel = "HZ", description = "Sample rate (default: ${DEFAULT-VALUE}).")
    int sampleRate;

    @Override
    public Integer call() throws Exception {
        if (seconds <= 0 || seconds > 60) {
            throw new IllegalArgumentException("--seconds must be in (0, 60], got " + seconds);
        }
        if (sampleRate < 8000 || sampleRate > 192000) {
            throw new IllegalArgumentException("--sample-rate must be 8000..192000 Hz, got " + sampleRate);
        }
        Synthesizer synthesizer = new Synthesizer();
        List<String> names = classes == null ? synthesizer.catalog().classNames() : classes.stream().map(String::trim).toList();
        names.forEach(synthesizer.catalog()::get);
        List<ClipRequest> plan = CorpusPlan.plan(names, perClass, DomainSpec.parse(domain), seed);
        Path manifest = new CorpusWriter(synthesizer, sampleRate, seconds).write(out, plan);
        System.out.println("wrote " + plan.size() + " clips (" + names.size() + " classes) to " + out + "; manifest " + manifest);
        return 0;
    }
}
