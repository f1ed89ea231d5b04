package dev.zebrastream.synth;

import dev.zebrastream.audio.AudioClip;
import dev.zebrastream.audio.AudioFormatException;
import dev.zebrastream.audio.Resampler;
import dev.zebrastream.audio.WavReader;
import dev.zebrastream.synth.dsp.Env;
import dev.zebrastream.synth.dsp.Rand;
import dev.zebrastream.synth.dsp.Signals;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Speech rendered by the espeak-ng command-line synthesiser: random sentences from a fixed word
 * list, random voice, speed and pitch. espeak-ng output is deterministic for fixed arguments, so
 * the clip is still a pure function of the seed. Only available where espeak-ng is installed.
 */
final class SpeechSound implements SoundClass {

    private static final String COMMAND = "espeak-ng";
    private static final List<String> VOICES = List.of("en-us", "en-gb", "en-us+f3", "en-us+m3", "en-gb+f2",
            "en-gb-scotland", "en-029", "en-gb-x-rp+f4", "en+m7", "en-us+f5");
    private static final List<String> WORDS = List.of(
            "the", "a", "morning", "train", "is", "late", "again", "please", "check", "valve", "number", "seven",
            "we", "will", "meet", "after", "lunch", "in", "office", "and", "then", "go", "home", "weather", "today",
            "looks", "cold", "but", "dry", "could", "you", "open", "window", "for", "me", "sensor", "reading", "seems",
            "high", "low", "tomorrow", "should", "call", "manager", "about", "shipment", "it", "arrived", "yesterday",
            "evening", "they", "said", "machine", "needs", "new", "parts", "did", "hear", "what", "happened", "there",
            "my", "friend", "lives", "near", "river", "coffee", "ready", "now", "everyone", "leave", "building",
            "quickly", "quietly", "remember", "lock", "door", "before", "leaving", "report", "was", "finished", "on",
            "time", "this", "year", "market", "busy", "children", "are", "playing", "outside", "garden", "station");
    private static final boolean AVAILABLE = probe();
    private static final CaptionVocab VOCAB = CaptionVocab.of("speech",
            List.of("a person talking", "someone speaking", "a voice", "spoken words", "a man talking", "a woman speaking"),
            List.of("clear", "calm", "fast", "slow", "monotone"),
            "{adj} {noun}", "{noun} in a quiet room", "{noun} on the phone", "{adj} {noun} of an announcement",
            "{noun} from a nearby conversation", "{noun} reading a sentence aloud");

    @Override
    public String name() {
        return "speech";
    }

    @Override
    public CaptionVocab captions() {
        return VOCAB;
    }

    @Override
    public boolean available() {
        return AVAILABLE;
    }

    @Override
    public Sound render(Rand rand, int sampleRate, int length) {
        String voice = rand.pick(VOICES);
        int speed = rand.between(120, 210);
        int pitch = rand.between(20, 80);
        float[] out = new float[length];
        int filled = Sequencer.at(rand.uniform(0, 0.1), sampleRate);
        while (filled < length) {
            float[] utterance = trimSilence(speak(voice, speed, pitch, sentence(rand, length / (double) sampleRate), sampleRate));
            Signals.addInto(out, utterance, filled, 1);
            filled += utterance.length + Sequencer.at(rand.uniform(0.15, 0.4), sampleRate);
        }
        float[] fade = Env.gate(length, sampleRate, 0.005, 0.02);
        return Sound.of(Signals.multiply(out, fade), 0, speed > 180 ? "fast" : speed < 140 ? "slow" : "",
                voice.contains("+f") ? "female" : "");
    }

    /** Enough words to cover the clip at a typical three words per second. */
    private static String sentence(Rand rand, double seconds) {
        int words = (int) Math.ceil(seconds * 3) + rand.between(1, 3);
        List<String> picked = new ArrayList<>();
        for (int i = 0; i < words; i++) {
            picked.add(rand.pick(WORDS));
        }
        return String.join(" ", picked);
    }

    private static float[] speak(String voice, int speed, int pitch, String text, int sampleRate) {
        try {
            Process process = new ProcessBuilder(COMMAND, "--stdout", "-v", voice, "-s", Integer.toString(speed),
                    "-p", Integer.toString(pitch), text).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            byte[] wav;
            try (InputStream in = process.getInputStream()) {
                wav = in.readAllBytes();
            }
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException(COMMAND + " failed for voice " + voice);
            }
            AudioClip clip = WavReader.decode(withDataSize(wav));
            return Resampler.resample(clip, sampleRate).samples();
        } catch (AudioFormatException e) {
            throw new UncheckedIOException(COMMAND + " produced unreadable audio: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + COMMAND, e);
        }
    }

    /**
     * espeak-ng writing to a pipe cannot seek back, so its header declares a huge placeholder size;
     * replace the RIFF and data sizes (canonical 44-byte header) with the real ones.
     */
    private static byte[] withDataSize(byte[] wav) {
        if (wav.length < 44) {
            return wav;
        }
        ByteBuffer buf = ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN);
        buf.putInt(4, wav.length - 8);
        buf.putInt(40, wav.length - 44);
        return wav;
    }

    /** Drops leading and trailing near-silence so that speech starts where the clip says it does. */
    private static float[] trimSilence(float[] x) {
        double threshold = Signals.peak(x) * 0.02;
        int start = 0;
        while (start < x.length && Math.abs(x[start]) < threshold) {
            start++;
        }
        int end = x.length;
        while (end > start && Math.abs(x[end - 1]) < threshold) {
            end--;
        }
        return java.util.Arrays.copyOfRange(x, start, Math.max(start + 1, end));
    }

    private static boolean probe() {
        try {
            Process process = new ProcessBuilder(COMMAND, "--version").redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
