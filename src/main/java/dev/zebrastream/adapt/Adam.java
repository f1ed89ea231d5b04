package dev.zebrastream.adapt;

/** Adam (Kingma and Ba) with bias correction; minimises, updating the parameters in place. */
public final class Adam {

    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double EPSILON = 1e-8;

    private final double[] firstMoment;
    private final double[] secondMoment;
    private int t;

    public Adam(int dimension) {
        firstMoment = new double[dimension];
        secondMoment = new double[dimension];
    }

    public void step(double[] params, double[] gradient, double learningRate) {
        t++;
        double correction1 = 1 - Math.pow(BETA1, t);
        double correction2 = 1 - Math.pow(BETA2, t);
        for (int i = 0; i < params.length; i++) {
            firstMoment[i] = BETA1 * firstMoment[i] + (1 - BETA1) * gradient[i];
            secondMoment[i] = BETA2 * secondMoment[i] + (1 - BETA2) * gradient[i] * gradient[i];
            double m = firstMoment[i] / correction1;
            double v = secondMoment[i] / correction2;
            params[i] -= learningRate * m / (Math.sqrt(v) + EPSILON);
        }
    }
}
