package dev.zebrastream.synth;

import dev.zebrastream.synth.dsp.Rand;

/** One deployment family at one severity, named like "factory-2". */
record DeploymentDomain(DeploymentFamily family, int severity) implements Domain {

    @Override
    public String name() {
        return family.label() + "-" + severity;
    }

    @Override
    public Recorded apply(float[] dry, int sampleRate, Rand rand) {
        return family.apply(dry, sampleRate, rand, severity);
    }
}
