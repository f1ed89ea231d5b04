package dev.zebrastream.classify;

/** The analytic part of CLAP classification: cosine logits, softmax, entropy, top-k. */
public final class ScoreMath {

    private ScoreMath() {
    }

    /** A unit-length copy; a zero vector stays zero rather than turning into NaNs. */
    public static float[] normalize(float[] v) {
        double norm = 0;
        for (float x : v) {
            norm += x * (double) x;
        }
        norm = Math.sqrt(norm);
        float[] out = new float[v.length];
        if (norm > 0) {
            for (int i = 0; i < v.length; i++) {
                out[i] = (float) (v[i] / norm);
            }
        }
        return out;
    }

    public static float[][] normalizeRows(float[][] rows) {
        float[][] out = new float[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            out[i] = normalize(rows[i]);
        }
        return out;
    }

    public static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * (double) b[i];
        }
        return s;
    }

    /** {@code scale * cos(audio, text_c)} for unit vectors. */
    public static double[] logits(float[] audioUnit, float[][] textUnit, double scale) {
        double[] z = new double[textUnit.length];
        for (int c = 0; c < z.length; c++) {
            z[c] = scale * dot(audioUnit, textUnit[c]);
        }
        return z;
    }

    /**
     * ZEBRA's logit fusion {@code a * z_prompt + (1 - a) * z_zeroshot}; with no learned prompts
     * ({@code promptUnit == null}) it is plain zero-shot.
     */
    public static double[] fusedLogits(float[] audioUnit, float[][] zeroShotUnit, float[][] promptUnit,
                                       double a, double scale) {
        double[] z = logits(audioUnit, zeroShotUnit, scale);
        if (promptUnit == null) {
            return z;
        }
        double[] zp = logits(audioUnit, promptUnit, scale);
        for (int c = 0; c < z.length; c++) {
            z[c] = a * zp[c] + (1 - a) * z[c];
        }
        return z;
    }

    /** Numerically stable softmax (shifted by the maximum logit). */
    public static double[] softmax(double[] z) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : z) {
            max = Math.max(max, v);
        }
        double sum = 0;
        double[] p = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            p[i] = Math.exp(z[i] - max);
            sum += p[i];
        }
        for (int i = 0; i < p.length; i++) {
            p[i] /= sum;
        }
        return p;
    }

    /** Shannon entropy in nats. */
    public static double entropy(double[] p) {
        double h = 0;
        for (double v : p) {
            if (v > 0) {
                h -= v * Math.log(v);
            }
        }
        return h;
    }

    /** Entropy divided by its maximum ln(C): 0 = certain, 1 = uniform. */
    public static double normalizedEntropy(double[] p) {
        return p.length < 2 ? 0 : entropy(p) / Math.log(p.length);
    }

    public static int argmax(double[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] > v[best]) {
                best = i;
            }
        }
        return best;
    }

    /** Indices of the k largest values, largest first (ties: lower index first). */
    public static int[] topK(double[] v, int k) {
        return java.util.stream.IntStream.range(0, v.length).boxed()
                .sorted((a, b) -> v[a] != v[b] ? Double.compare(v[b], v[a]) : Integer.compare(a, b))
                .limit(Math.min(k, v.length))
                .mapToInt(Integer::intValue)
                .toArray();
    }
}
