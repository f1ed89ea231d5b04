package dev.zebrastream.adapt;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which terms of the adaptation objective are on, and how strongly:
 * {@code L = CE(z_l, y) - beta H(p_l) + lambdaU mean_u H(p_u) - lambdaDiv H(mean_u p_u)}, with
 * {@code z = a z_prompt + (1 - a) z_zeroshot} when {@code fusion} is on and {@code z = z_prompt} otherwise.
 *
 * @param fusion       fuse learned-prompt logits with zero-shot logits (ZEBRA) or use the prompts alone (CoOp)
 * @param fusionWeight weight a of the learned prompts under fusion (paper: 0.5)
 * @param beta         weight of the entropy bonus on the labeled shots (paper: 0.05)
 * @param lambdaU      weight of the mean prediction entropy on the unlabeled pool (a penalty)
 * @param lambdaDiv    weight of the entropy of the pool's mean prediction (a bonus against collapse)
 */
public record ObjectiveWeights(boolean fusion, double fusionWeight, double beta, double lambdaU, double lambdaDiv) {

    public static final double PAPER_FUSION_WEIGHT = 0.5;
    public static final double PAPER_BETA = 0.05;

    public ObjectiveWeights {
        if (!(fusionWeight >= 0 && fusionWeight <= 1)) {
            throw new IllegalArgumentException("fusion weight must lie in [0, 1], got " + fusionWeight);
        }
        if (!(beta >= 0 && lambdaU >= 0 && lambdaDiv >= 0)) {
            throw new IllegalArgumentException("objective weights must be non-negative");
        }
    }

    /** CoOp: cross-entropy on the prompt logits alone. */
    public static ObjectiveWeights coop() {
        return new ObjectiveWeights(false, PAPER_FUSION_WEIGHT, 0, 0, 0);
    }

    /** ZEBRA as in the paper: fused logits, CE minus 0.05 times the labeled entropy. */
    public static ObjectiveWeights zebra() {
        return new ObjectiveWeights(true, PAPER_FUSION_WEIGHT, PAPER_BETA, 0, 0);
    }

    /** ZEBRA plus our unlabeled-pool terms. */
    public static ObjectiveWeights zebraPool(double lambdaU, double lambdaDiv) {
        return zebra().withPool(lambdaU, lambdaDiv);
    }

    public ObjectiveWeights withBeta(double newBeta) {
        return new ObjectiveWeights(fusion, fusionWeight, newBeta, lambdaU, lambdaDiv);
    }

    public ObjectiveWeights withPool(double newLambdaU, double newLambdaDiv) {
        return new ObjectiveWeights(fusion, fusionWeight, beta, newLambdaU, newLambdaDiv);
    }

    public ObjectiveWeights withoutFusion() {
        return new ObjectiveWeights(false, fusionWeight, beta, lambdaU, lambdaDiv);
    }

    /** The weight a of the prompt logits in z: 1 without fusion, so one formula covers both cases. */
    public double promptWeight() {
        return fusion ? fusionWeight : 1.0;
    }

    public boolean usesPool() {
        return lambdaU > 0 || lambdaDiv > 0;
    }

    /** The settings as numbers (fusion as 1/0), for {@code PromptSet.objective}. */
    public Map<String, Double> toMap() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("fusion", fusion ? 1.0 : 0.0);
        m.put("fusionWeight", fusionWeight);
        m.put("beta", beta);
        m.put("lambdaU", lambdaU);
        m.put("lambdaDiv", lambdaDiv);
        return m;
    }
}
