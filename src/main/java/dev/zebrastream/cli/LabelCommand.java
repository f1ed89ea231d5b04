package dev.zebrastream.cli;

import dev.zebrastream.avro.LabeledWindow;
import dev.zebrastream.config.TextFile;
import dev.zebrastream.config.ZebraConfig;
import dev.zebrastream.serde.AvroSerdes;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code zebra label}: publish human labels for pooled windows. */
@Command(name = "label", mixinStandardHelpOptions = true,
        description = "Label pooled windows: WINDOW_ID LABEL, or --from-file with lines 'window_id,label'.")
final class LabelCommand implements Callable<Integer> {

    @Mixin
    ModelOptions configOptions;

    @Mixin
    KafkaOptions kafkaOptions;

    @Parameters(paramLabel = "WINDOW_ID LABEL", arity = "0..2", description = "a window id (from the pool) and its label")
    List<String> pair = new ArrayList<>();

    @Option(names = "--from-file", paramLabel = "FILE", description = "CSV lines 'window_id,label' ('#' comments allowed)")
    Path file;

    @Option(names = "--by", defaultValue = "${sys:user.name}", paramLabel = "NAME", description = "who labeled (default: the user)")
    String labeledBy;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        List<String[]> labels = labels();
        kafkaOptions.applyTo(configOptions);
        ZebraConfig config = configOptions.config();
        Properties p = config.kafka().clientProperties();
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, LabeledWindow> producer = new KafkaProducer<>(p, new StringSerializer(),
                AvroSerdes.of(LabeledWindow.class).serializer())) {
            for (String[] l : labels) {
                LabeledWindow record = LabeledWindow.newBuilder().setWindowId(l[0]).setLabel(l[1])
                        .setLabeledBy(labeledBy).setLabeledAtMs(Instant.now()).build();
                producer.send(new ProducerRecord<>(config.topics().labels(), l[0], record)).get();
            }
        }
        spec.commandLine().getOut().println("published " + labels.size() + " label(s)");
        return 0;
    }

    private List<String[]> labels() throws Exception {
        if ((file == null) == pair.isEmpty() || (!pair.isEmpty() && pair.size() != 2)) {
            throw new IllegalArgumentException("give WINDOW_ID LABEL, or --from-file FILE");
        }
        if (file == null) {
            return List.<String[]>of(new String[] {pair.get(0), pair.get(1).trim()});
        }
        List<String[]> out = new ArrayList<>();
        List<String> lines = TextFile.lines(file, "labels file");
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int comma = line.lastIndexOf(',');
            if (comma <= 0 || comma == line.length() - 1) {
                throw new IllegalArgumentException(file + ":" + (i + 1) + ": expected 'window_id,label'");
            }
            out.add(new String[] {line.substring(0, comma).trim(), line.substring(comma + 1).trim()});
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException(file + ": no 'window_id,label' lines");
        }
        return out;
    }
}
