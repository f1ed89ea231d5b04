package dev.zebrastream.adapt;

import java.util.Arrays;
import java.util.List;

/** Which forward-only optimiser {@link PromptLearner} runs (setting {@code adapt.optimizer}). */
public enum ZoMethod {

    /** {@link ZerothOrderOptimizer}: antithetic finite differences of the scalar loss + Adam. */
    SPSA("spsa"),
    /** {@link SubspaceGaussNewton}: finite differences of the embeddings + exact loss gradient, trust region. */
    SUBSPACE_GN("subspace-gn");

    private final String id;

    ZoMethod(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static List<String> ids() {
        return Arrays.stream(values()).map(ZoMethod::id).toList();
    }

    public static ZoMethod parse(String id) {
        return Arrays.stream(values()).filter(m -> m.id.equals(id.trim())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown optimiser '" + id + "'; expected one of "
                        + ids()));
    }
}
