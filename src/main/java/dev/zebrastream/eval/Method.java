package dev.zebrastream.eval;

import dev.zebrastream.adapt.ObjectiveWeights;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The compared methods: zero-shot, CoOp, ZEBRA as published, ZEBRA with our pool terms, and ablations
 * that each switch on a single ingredient on top of CoOp.
 */
public enum Method {
    ZEROSHOT("zeroshot", "zero-shot template prompts, no adaptation"),
    COOP("coop", "CoOp: cross-entropy on learned prompts alone"),
    ZEBRA("zebra", "ZEBRA: fused logits, CE - 0.05 H (paper)"),
    ZEBRA_POOL("zebra-pool", "ZEBRA + unlabeled pool terms"),
    FUSION_ONLY("fusion-only", "CoOp + logit fusion, no entropy term"),
    BETA_ONLY("beta-only", "CoOp + entropy term (beta 0.05), no fusion"),
    POOL_ONLY("pool-only", "CoOp + pool terms, no fusion, no beta");

    private final String id;
    private final String description;

    Method(String id, String description) {
        this.id = id;
        this.description = description;
    }

    public String id() {
        return id;
    }

    public String description() {
        return description;
    }

    public boolean learns() {
        return this != ZEROSHOT;
    }

    public boolean usesPool() {
        return this == ZEBRA_POOL || this == POOL_ONLY;
    }

    /** The objective of a learning method; pool methods take the weights chosen on validation data. */
    public ObjectiveWeights weights(PoolWeights pool) {
        return switch (this) {
            case ZEROSHOT -> throw new IllegalStateException("zero-shot learns nothing");
            case COOP -> ObjectiveWeights.coop();
            case ZEBRA -> ObjectiveWeights.zebra();
            case ZEBRA_POOL -> ObjectiveWeights.zebraPool(pool.lambdaU(), pool.lambdaDiv());
            case FUSION_ONLY -> ObjectiveWeights.zebra().withBeta(0);
            case BETA_ONLY -> ObjectiveWeights.coop().withBeta(ObjectiveWeights.PAPER_BETA);
            case POOL_ONLY -> ObjectiveWeights.coop().withPool(pool.lambdaU(), pool.lambdaDiv());
        };
    }

    public static Method parse(String id) {
        String wanted = id.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(m -> m.id.equals(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown method '" + id + "'; expected one of "
                        + Arrays.stream(values()).map(Method::id).toList()));
    }

    /** A comma-separated list, duplicates dropped, in the order given. */
    public static List<Method> parseList(String csv) {
        List<Method> out = new ArrayList<>();
        for (String token : csv.split(",")) {
            if (!token.isBlank() && !out.contains(parse(token))) {
                out.add(parse(token));
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("no methods given");
        }
        return out;
    }
}
