package dev.zebrastream.demo;

import dev.zebrastream.avro.Classification;
import dev.zebrastream.avro.EntropyDriftAlert;
import dev.zebrastream.broker.EmbeddedKafkaBroker;
import dev.zebrastream.client.TopicTail;
import dev.zebrastream.config.ZebraConfig;
import dev.zebrastream.model.ClapModel;
import dev.zebrastream.sensor.FramePublisher;
import dev.zebrastream.sensor.RealTimePacer;
import dev.zebrastream.sensor.SensorFleet;
import dev.zebrastream.sensor.SimulatedSensor;
import dev.zebrastream.serde.AvroSerde;
import dev.zebrastream.serde.AvroSerdes;
import dev.zebrastream.service.AdaptationService;
import dev.zebrastream.service.ClassifierService;
import dev.zebrastream.synth.SoundCatalog;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The whole system on one machine: an embedded KRaft broker, the topics, the classifier topology,
 * simulated sensors publishing at real time, and a tail of the events and alerts topics.
 */
public final class Demo implements AutoCloseable {

    /** The last sensor drifts into an unseen heavy condition after this long (after the drift baseline is learned). */
    public static final double DRIFT_AFTER_SECONDS = 75;

    private final EmbeddedKafkaBroker broker;
    private final ClapModel model;
    private final ClassifierService service;
    private final AdaptationService adaptation;
    private final RealTimePacer pacer;
    private final TopicTail tail;
    private final Thread tailThread;

    private Demo(EmbeddedKafkaBroker broker, ClapModel model, ClassifierService service, AdaptationService adaptation,
                 RealTimePacer pacer, TopicTail tail, Thread tailThread) {
        this.broker = broker;
        this.model = model;
        this.service = service;
        this.adaptation = adaptation;
        this.pacer = pacer;
        this.tail = tail;
        this.tailThread = tailThread;
    }

    /** What the demo does with each committed event and alert (the live view, or JSON lines). */
    public interface Listener {
        void onEvent(Classification event);

        void onAlert(EntropyDriftAlert alert);
    }

    public static Demo start(ZebraConfig base, int sensorCount, long seed, Listener listener) throws Exception {
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(base.dataDir().resolve("kafka"), 0);
        ZebraConfig config = base.withBootstrap(broker.bootstrapServers());
        ClapModel model = ClapModel.load(config.modelDir(), dev.zebrastream.model.ExecutionDevice.parse(config.device()),
                config.intraOpThreads());
        ClassifierService service = ClassifierService.start(config, model);
        // Idle until someone labels pooled windows (`zebra label`); then it re-adapts the prompts.
        AdaptationService adaptation = new AdaptationService(config, model).start();
        List<String> classes = SoundCatalog.standard().renderable(config.stream().classesOr(model.manifest().classes()));
        List<SimulatedSensor> sensors = SensorFleet.create(sensorCount, seed, classes, System.currentTimeMillis(),
                DRIFT_AFTER_SECONDS);
        RealTimePacer pacer = new RealTimePacer(sensors,
                new FramePublisher(config.kafka().clientProperties(), config.topics().audioFrames()));
        pacer.start();
        TopicTail tail = new TopicTail(config.kafka().clientProperties(),
                List.of(config.topics().events(), config.topics().alerts()), false);
        Thread tailThread = new Thread(() -> tail.run(Duration.ZERO, dispatch(config, listener)), "demo-tail");
        tailThread.setDaemon(true);
        tailThread.start();
        return new Demo(broker, model, service, adaptation, pacer, tail, tailThread);
    }

    private static Consumer<ConsumerRecord<byte[], byte[]>> dispatch(ZebraConfig config, Listener listener) {
        AvroSerde<Classification> events = AvroSerdes.of(Classification.class);
        AvroSerde<EntropyDriftAlert> alerts = AvroSerdes.of(EntropyDriftAlert.class);
        String eventsTopic = config.topics().events();
        return r -> {
            if (r.topic().equals(eventsTopic)) {
                listener.onEvent(events.decode(r.topic(), r.value()));
            } else {
                listener.onAlert(alerts.decode(r.topic(), r.value()));
            }
        };
    }

    public String bootstrapServers() {
        return broker.bootstrapServers();
    }

    public ClassifierService service() {
        return service;
    }

    @Override
    public void close() throws Exception {
        pacer.close();
        tail.stop();
        tailThread.join(5_000);
        tail.close();
        adaptation.close();
        service.close();
        model.close();
        broker.close();
    }
}
