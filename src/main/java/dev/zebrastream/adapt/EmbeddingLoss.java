package dev.zebrastream.adapt;

/**
 * A loss of the text encoder's raw (unnormalised) class embeddings {@code [C][E]} with its exact
 * gradient: everything after the encoder, which the JVM can differentiate analytically.
 */
public interface EmbeddingLoss {

    double loss(float[][] embeddings);

    /** dL/dT at {@code embeddings}, same shape. */
    float[][] gradient(float[][] embeddings);

    /** Both at once; implementations that share work between them override this. */
    default ZebraObjective.LossAndGradient lossAndGradient(float[][] embeddings) {
        return new ZebraObjective.LossAndGradient(loss(embeddings), gradient(embeddings));
    }
}
