package dev.zebrastream.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.zebrastream.audio.AudioFormatException;
import dev.zebrastream.audio.AudioFiles;
import dev.zebrastream.audio.WavStream;
import dev.zebrastream.classify.Classifier;
import dev.zebrastream.classify.LabelScore;
import dev.zebrastream.classify.Prediction;
import dev.zebrastream.classify.WindowStream;
import dev.zebrastream.classify.Windowing.Window;
import dev.zebrastream.config.ZebraConfig;
import dev.zebrastream.model.ClapModel;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code zebra classify}: zero-shot labels for every window of WAV files. Each file is streamed
 * (decoded, resampled and cut a block at a time, embedded a batch at a time), so memory does not
 * depend on its length; a file that cannot be read gets one line on stderr and the others go on.
 */
@Command(name = "classify", mixinStandardHelpOptions = true,
        description = "Classify every window of audio files zero-shot against a label vocabulary.")
final class ClassifyCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Parameters(paramLabel = "FILE.wav", arity = "1..*",
            description = "audio files, any length: WAV or RF64 (PCM, float, A-law, µ-law, IMA ADPCM); FLAC, Ogg, "
                    + "Opus, MP3 or AIFF through ffmpeg")
    List<Path> files;

    @Mixin
    ModelOptions modelOptions;

    @ArgGroup(exclusive = false)
    LabelOptions labelOptions = new LabelOptions();

    @Option(names = "--window", paramLabel = "S", description = "window length in seconds (default: the model's)")
    Double window;

    @Option(names = "--hop", paramLabel = "S", description = "hop between windows in seconds (default: the window)")
    Double hop;

    @Option(names = "--top", paramLabel = "K", defaultValue = "3", description = "labels shown per window (default: 3)")
    int top;

    @Option(names = "--json", description = "one JSON object per window and line")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (top < 1) {
            throw new IllegalArgumentException("--top must be at least 1");
        }
        ZebraConfig config = modelOptions.config();
        try (ClapModel model = modelOptions.loadModel(config)) {
            List<String> labels = labelOptions.resolve(model.manifest().classes());
            Classifier classifier = Classifier.zeroShot(model, labels);
            double win = window != null ? window : model.manifest().audio().windowSeconds();
            double step = hop != null ? hop : win;
            int failures = 0;
            for (Path file : files) {
                try {
                    classifyFile(model, classifier, config, file, win, step);
                } catch (AudioFormatException e) {
                    // One bad file must not cost the user the results of the others.
                    spec.commandLine().getErr().println("zebra classify: " + e.getMessage());
                    failures++;
                }
            }
            return failures == 0 ? 0 : UserErrorHandler.BAD_INPUT;
        }
    }

    private void classifyFile(ClapModel model, Classifier classifier, ZebraConfig config, Path file,
                              double win, double step) throws Exception {
        try (WavStream wav = AudioFiles.open(file)) {
            WindowStream windows = new WindowStream(wav, model.manifest().audio().sampleRate(), win, step);
            long printed = 0;
            for (List<Window> batch = windows.next(config.batchSize()); !batch.isEmpty();
                    batch = windows.next(config.batchSize())) {
                float[][] embeddings = model.embedAudio(batch.stream().map(Window::audio).toList(), batch.size());
                print(file, batch, embeddings, classifier);
                printed += batch.size();
            }
            if (printed == 0) {
                throw new AudioFormatException(file + ": no audio samples");
            }
        }
    }

    private void print(Path file, List<Window> windows, float[][] embeddings, Classifier classifier) throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        for (int i = 0; i < windows.size(); i++) {
            Prediction p = classifier.predict(embeddings[i], top);
            out.println(json ? toJson(file, windows.get(i), p) : toText(file, windows.get(i), p));
        }
        out.flush();
    }

    private static String toText(Path file, Window w, Prediction p) {
        String labels = p.top().stream()
                .map(s -> String.format(Locale.ROOT, "%s %.3f", s.label(), s.score()))
                .collect(Collectors.joining(" | "));
        return String.format(Locale.ROOT, "%s %7.2f-%-7.2f %s  (entropy %.3f)", file, w.startSeconds(),
                w.endSeconds(), labels, p.entropy());
    }

    private static String toJson(Path file, Window w, Prediction p) throws Exception {
        ObjectNode o = JSON.createObjectNode();
        o.put("file", file.toString());
        o.put("start", w.startSeconds());
        o.put("end", w.endSeconds());
        ArrayNode topNode = o.putArray("top");
        for (LabelScore s : p.top()) {
            topNode.addObject().put("label", s.label()).put("score", s.score());
        }
        o.put("entropy", p.entropy());
        return JSON.writeValueAsString(o);
    }
}
