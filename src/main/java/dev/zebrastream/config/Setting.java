package dev.zebrastream.config;

import java.util.Locale;
import java.util.Map;

/**
 * The documented settings: property key, default and meaning. The environment variable is derived
 * from the key ({@code window.hop.seconds} → {@code ZEBRA_WINDOW_HOP_SECONDS}). An empty default
 * means "derived" (from the model manifest or another setting), as the description says.
 */
public enum Setting {
    MODEL_DIR("model.dir", "models/tiny-clap", "model directory (see docs/model-contract.md)"),
    DEVICE("device", "cpu", "inference device: cpu, cuda or cuda:N (falls back to cpu when CUDA is missing)"),
    INFERENCE_THREADS("inference.threads", "0", "ONNX Runtime intra-op threads; 0 = runtime default"),
    BATCH_SIZE("batch.size", "16", "windows per audio-encoder batch"),

    BOOTSTRAP("kafka.bootstrap", "", "Kafka bootstrap servers for run/produce/consume (demo: its embedded broker)"),
    CLIENT_PROPERTIES("kafka.client.properties", "", "properties file passed through to every Kafka client (TLS, SASL); unknown names are rejected"),
    KAFKA_TIMEOUT_MS("kafka.timeout.ms", "30000", "how long a command waits for Kafka before it fails (default.api.timeout.ms, max.block.ms and delivery.timeout.ms of its clients, request.timeout.ms half of it; Kafka Streams keeps its own)"),
    APPLICATION_ID("application.id", "zebra-stream", "Kafka Streams application id (instances with the same id share work)"),
    PROCESSING_GUARANTEE("processing.guarantee", "exactly_once_v2", "exactly_once_v2 or at_least_once"),
    STREAM_THREADS("stream.threads", "1", "Kafka Streams threads per instance"),
    COMMIT_INTERVAL_MS("commit.interval.ms", "200", "Streams commit interval (transaction length under exactly-once)"),
    DATA_DIR("data.dir", "~/.local/state/zebra-stream", "where the embedded broker and Streams state live; a leading `~/` is the user's home (per-user state, never the checkout)"),
    PARTITIONS("topic.partitions", "3", "partitions of the sensor-keyed topics when they are created"),
    TOPIC_FRAMES("topic.frames", "zebra.audio-frames", "topic of AudioFrame records from sensors"),
    TOPIC_EVENTS("topic.events", "zebra.events", "topic of Classification events"),
    TOPIC_POOL("topic.pool", "zebra.pool", "topic of uncertain PooledWindow records"),
    TOPIC_LABELS("topic.labels", "zebra.labels", "compacted topic of human LabeledWindow records"),
    TOPIC_PROMPTS("topic.prompts", "zebra.prompts", "compacted topic of PromptVectors"),
    TOPIC_ALERTS("topic.alerts", "zebra.alerts", "topic of EntropyDriftAlert records"),
    TOPIC_DLQ("topic.dlq", "zebra.dlq", "dead-letter topic: original bytes plus error headers"),

    WINDOW_SECONDS("window.seconds", "", "window length in seconds; empty = the model's window"),
    HOP_SECONDS("window.hop.seconds", "", "hop between windows in seconds; empty = the window length"),
    REORDER_FRAMES("window.reorder.frames", "8", "frames held to repair reordering per sensor"),
    MAX_GAP_SECONDS("window.max.gap.seconds", "0.5", "missing audio up to this is zero-filled; longer starts a new segment"),
    STATE_SAMPLES("state.sample.format", "float24",
            "precision of assembled audio in memory and in the state stores: float24 or float32"),
    IDLE_FLUSH_MS("window.idle.flush.ms", "5000", "a sensor silent this long has its partial window flushed"),
    MAX_BATCH_WAIT_MS("batch.max.wait.ms", "250", "longest a ready window waits for its micro-batch to fill"),
    TOP_K("classify.top.k", "3", "labels per Classification event"),
    CLASSES("classify.classes", "", "comma-separated class list until a prompt set exists; empty = the model's classes"),
    PROMPT_SET_ID("prompt.set.id", "default", "key of the prompt set this instance follows on the prompts topic"),
    POOL_ENTROPY("pool.entropy.threshold", "0.5", "normalised entropy from which a window goes to the unlabeled pool"),
    POOL_RATE("pool.rate.per.minute", "30", "pooled windows per sensor and minute (token bucket rate)"),
    POOL_BURST("pool.burst", "5", "pooled windows per sensor in a burst"),
    POOL_AUDIO("pool.include.audio", "true", "include the window's audio in PooledWindow records"),
    DRIFT_ALPHA("drift.ewma.alpha", "0.1", "EWMA smoothing of per-sensor entropy"),
    DRIFT_WARMUP("drift.warmup.windows", "50", "windows that set a sensor's entropy baseline"),
    DRIFT_RAISE("drift.raise.delta", "0.05", "EWMA above baseline that raises a drift alert"),
    DRIFT_RESOLVE("drift.resolve.delta", "0.025", "EWMA above baseline under which the alert resolves"),
    DRIFT_MIN_WINDOWS("drift.min.windows", "5", "consecutive windows beyond a threshold before the state changes"),
    METRICS_HOST("metrics.host", "127.0.0.1", "address the Prometheus endpoint listens on: loopback only by default, 0.0.0.0 for a scraper on another host"),
    METRICS_PORT("metrics.port", "9404", "Prometheus endpoint port (0 = off)"),

    ADAPT_ENABLED("adapt.enabled", "false", "run the adaptation service in this instance (demo: on)"),
    ADAPT_MIN_NEW_LABELS("adapt.min.new.labels", "8", "new labels that trigger a re-adaptation"),
    ADAPT_INTERVAL_SECONDS("adapt.interval.seconds", "600", "re-adapt at least this often while new labels wait"),
    ADAPT_VALIDATION_FRACTION("adapt.validation.fraction", "0.25", "share of labels held out for the guard"),
    ADAPT_CONTEXT_LENGTH("adapt.context.length", "4", "learned context vectors M (the paper: 16; 4 does better at forward-only budgets, docs/results)"),
    ADAPT_FUSION_WEIGHT("adapt.fusion.weight", "0.5", "weight a of the learned prompts in the fused logits (ZEBRA: 0.5)"),
    ADAPT_BETA("adapt.beta", "0.05", "entropy bonus on labeled shots (ZEBRA paper: 0.05)"),
    ADAPT_LAMBDA_U("adapt.lambda.u", "0.0", "mean-entropy penalty on the unlabeled pool"),
    ADAPT_LAMBDA_DIV("adapt.lambda.div", "0.0", "entropy bonus of the pool's mean prediction"),
    ADAPT_OPTIMIZER("adapt.optimizer", "subspace-gn", "forward-only optimiser: subspace-gn (finite differences of the text embeddings + exact loss gradient, trust region) or spsa (finite differences of the loss + Adam; docs/results/reference/subspace-gn)"),
    ADAPT_STEPS("adapt.steps", "15", "optimiser iterations (subspace-gn) or Adam steps (spsa; 200 was its default)"),
    ADAPT_DIRECTIONS("adapt.directions", "32", "directions probed per iteration (subspace-gn) or per step (spsa; 8 was its default)"),
    ADAPT_LEARNING_RATE("adapt.learning.rate", "0.01", "initial trust radius per float (subspace-gn) or Adam learning rate (spsa)"),
    ADAPT_SUBSPACE("adapt.subspace.dim", "0", "optimise in a random subspace of this size (0 = full space)"),
    ADAPT_POOL_CAPACITY("adapt.pool.capacity", "2000", "recent pooled windows kept for the pool terms"),
    ADAPT_MAX_ACCURACY_LOSS("adapt.guard.max.accuracy.loss", "0.02", "validation accuracy a new version may lose"),
    ADAPT_SEED("adapt.seed", "0", "seed of context initialisation and optimiser directions");

    private final String key;
    private final String defaultValue;
    private final String description;

    Setting(String key, String defaultValue, String description) {
        this.key = key;
        this.defaultValue = defaultValue;
        this.description = description;
    }

    public String key() {
        return key;
    }

    /** {@code model.dir} → {@code ZEBRA_MODEL_DIR}. */
    public String envName() {
        return "ZEBRA_" + key.replace('.', '_').replace('-', '_').toUpperCase(Locale.ROOT);
    }

    public String defaultValue() {
        return defaultValue;
    }

    public String description() {
        return description;
    }

    int parseInt(Map<Setting, String> values) {
        return (int) parseNumber(values, true);
    }

    long parseLong(Map<Setting, String> values) {
        return (long) parseNumber(values, true);
    }

    double parseDouble(Map<Setting, String> values) {
        return parseNumber(values, false);
    }

    /** A derived setting's value, or NaN when left empty. */
    double parseOptionalDouble(Map<Setting, String> values) {
        return values.get(this).isBlank() ? Double.NaN : parseDouble(values);
    }

    boolean parseBoolean(Map<Setting, String> values) {
        String raw = values.get(this).trim().toLowerCase(Locale.ROOT);
        if (!raw.equals("true") && !raw.equals("false")) {
            throw new IllegalArgumentException(key + " must be true or false, got '" + raw + "'");
        }
        return raw.equals("true");
    }

    /** A value parsed by {@code parser}, whose IllegalArgumentException is reported under this key. */
    <T> T parse(Map<Setting, String> values, java.util.function.Function<String, T> parser) {
        try {
            return parser.apply(values.get(this));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(key + ": " + e.getMessage());
        }
    }

    private double parseNumber(Map<Setting, String> values, boolean whole) {
        String raw = values.get(this).trim();
        try {
            return whole ? Long.parseLong(raw) : Double.parseDouble(raw);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be " + (whole ? "a whole number" : "a number")
                    + ", got '" + raw + "'");
        }
    }
}
