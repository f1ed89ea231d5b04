package dev.zebrastream.adapt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ObjectiveWeightsTest {

    @Test
    void presetsFollowThePaperAndRecordTheirSettings() {
        assertEquals(Map.of("fusion", 0.0, "fusionWeight", 0.5, "beta", 0.0, "lambdaU", 0.0, "lambdaDiv", 0.0),
                ObjectiveWeights.coop().toMap());
        assertEquals(Map.of("fusion", 1.0, "fusionWeight", 0.5, "beta", 0.05, "lambdaU", 0.2, "lambdaDiv", 0.1),
                ObjectiveWeights.zebraPool(0.2, 0.1).toMap());
        assertFalse(ObjectiveWeights.zebra().usesPool());
        assertTrue(ObjectiveWeights.zebraPool(0, 0.1).usesPool());
    }

    @Test
    void withoutFusionThePromptLogitsCountFully() {
        assertEquals(0.5, ObjectiveWeights.zebra().promptWeight());
        assertEquals(1.0, ObjectiveWeights.zebra().withoutFusion().promptWeight());
        assertEquals(0.05, ObjectiveWeights.zebra().withoutFusion().beta());
    }

    @Test
    void rejectsNegativeWeightsAndFusionOutsideTheUnitInterval() {
        assertThrows(IllegalArgumentException.class, () -> ObjectiveWeights.zebra().withBeta(-0.1));
        assertThrows(IllegalArgumentException.class, () -> new ObjectiveWeights(true, 1.5, 0, 0, 0));
    }
}
