package dev.zebrastream.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class EvalSettingsTest {

    @Test
    void namedSettingsParseToThemselves() {
        for (EvalSetting s : EvalSettings.all().values()) {
            assertEquals(s, EvalSettings.parse(s.name()));
        }
        assertTrue(EvalSettings.all().size() >= 3);
    }

    @Test
    void defaultGridIsNamedAndTheLongSettingsDifferOnlyInSteps() {
        assertTrue(EvalSettings.all().keySet().containsAll(EvalSettings.defaultNames()));
        assertFalse(EvalSettings.defaultNames().contains("mic-long"));
        EvalSetting shortMic = EvalSettings.parse("mic-mid");
        EvalSetting longMic = EvalSettings.parse("mic-long");
        assertEquals(3 * shortMic.steps(), longMic.steps());
        assertEquals(shortMic.with("steps", Integer.toString(longMic.steps()), "mic-long"), longMic);
        assertEquals(EvalSettings.parse("hall-heavy").domain(), EvalSettings.parse("hall-long").domain());
    }

    @Test
    void refinementsReplaceFieldsAndNameTheSettingByItsSpec() {
        EvalSetting base = EvalSettings.parse("hall-heavy");
        EvalSetting s = EvalSettings.parse("hall-heavy/split=clustered/steps=400/lr=0.05/transductive=false/m=16");
        assertEquals("hall-heavy/split=clustered/steps=400/lr=0.05/transductive=false/m=16", s.name());
        assertEquals("clustered", s.split());
        assertEquals(400, s.steps());
        assertEquals(0.05, s.learningRate());
        assertFalse(s.transductive());
        assertEquals(16, s.contextLength());
        assertEquals(base.domain(), s.domain());
        assertEquals(base.directions(), s.directions());
    }

    @Test
    void parsesAListInOrder() {
        List<EvalSetting> list = EvalSettings.parseList("mic-mid, factory-mild/domain=factory-2");
        assertEquals("mic-mid", list.get(0).name());
        assertEquals("factory-2", list.get(1).domain());
    }

    @Test
    void toMapRoundTrips() {
        EvalSetting s = EvalSettings.parse("factory-mild/subspace=0/classes=6");
        assertEquals(s, EvalSetting.fromMap(s.name(), s.toMap()));
    }

    @Test
    void badSpecsSayWhatIsWrong() {
        assertMessage("unknown setting 'nope'", "nope");
        assertMessage("unknown setting field 'colour'", "hall-heavy/colour=red");
        assertMessage("steps must be a number", "hall-heavy/steps=many");
        assertMessage("transductive must be true or false", "hall-heavy/transductive=maybe");
        assertMessage("expected field=value", "hall-heavy/steps");
        assertMessage("unknown domain 'moon-1'", "hall-heavy/domain=moon-1");
        assertMessage("unknown split 'by-colour'", "hall-heavy/split=by-colour");
        assertThrows(IllegalArgumentException.class, () -> EvalSettings.parseList(" , "));
    }

    private static void assertMessage(String expected, String spec) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> EvalSettings.parse(spec));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
