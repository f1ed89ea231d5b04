package dev.zebrastream.adapt;

import dev.zebrastream.prompt.PromptSet;

/** The learned candidate version and the guard's verdict on it. */
public record AdaptationOutcome(PromptSet candidate, GuardDecision decision, LearnResult learning) {

    public boolean accepted() {
        return decision.accept();
    }
}
