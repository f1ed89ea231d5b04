package dev.zebrastream.synth;

import dev.zebrastream.synth.dsp.Rand;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a class vocabulary, the rendered clip's descriptors and its recording conditions into one
 * natural-language caption. Variety comes from templates x nouns x adjectives x frames x conditions;
 * the canonical name is chosen for {noun} most of the time so that captions anchor the label.
 */
final class Captioner {

    private static final double CANONICAL_SHARE = 0.6;
    private static final List<String> FRAMES = List.of(
            "%s", "%s", "%s", "the sound of %s", "a recording of %s", "audio of %s", "a short clip of %s",
            "you can hear %s", "there is %s");
    private static final String[] NUMBERS = {"zero", "one", "two", "three", "four", "five", "six", "seven",
        "eight", "nine", "ten", "eleven", "twelve"};

    private Captioner() {
    }

    /**
     * @param conditions phrases about level and recording conditions ("in the distance", "in a large
     *                   hall"); one may be appended
     */
    static String caption(CaptionVocab vocab, Sound sound, List<String> conditions, Rand rand) {
        List<String> usable = new ArrayList<>();
        for (String template : vocab.templates()) {
            boolean needsCount = template.contains("{n}") || template.contains("{times}");
            if (!needsCount || sound.count() > 0) {
                usable.add(template);
            }
        }
        String phrase = fill(rand.pick(usable), vocab, sound, rand);
        String framed = String.format(rand.pick(FRAMES), phrase);
        if (!conditions.isEmpty() && rand.chance(0.45)) {
            framed += " " + rand.pick(conditions);
        }
        return articles(framed.replaceAll("\\s+", " ").trim());
    }

    private static String fill(String template, CaptionVocab vocab, Sound sound, Rand rand) {
        String noun = rand.chance(CANONICAL_SHARE) ? vocab.name() : rand.pick(vocab.synonyms());
        return withArticleFirst(template, noun)
                .replace("{noun}", noun)
                .replace("{adj}", adjective(vocab, sound, rand))
                .replace("{n}", number(sound.count()))
                .replace("{times}", times(sound.count()));
    }

    /**
     * A synonym that carries its own article ("a barking dog") must keep it in front of the
     * adjective: "{adj} {noun}" becomes "{a} {adj} barking dog".
     */
    private static String withArticleFirst(String template, String noun) {
        String bare = noun.replaceFirst("^(a|an) ", "");
        if (bare.equals(noun)) {
            return template;
        }
        return template.replace("{adj} {noun}", "{a} {adj} " + bare);
    }

    private static String adjective(CaptionVocab vocab, Sound sound, Rand rand) {
        double roll = rand.uniform(0, 1);
        if (roll < 0.25) {
            return "";
        }
        if (roll < 0.7 && !sound.descriptors().isEmpty()) {
            return rand.pick(sound.descriptors());
        }
        return rand.pick(vocab.adjectives());
    }

    static String number(int count) {
        return count < NUMBERS.length ? NUMBERS[count] : "many";
    }

    static String times(int count) {
        return switch (count) {
            case 1 -> "once";
            case 2 -> "twice";
            default -> number(count) + " times";
        };
    }

    /** Resolves each {a} to "a" or "an" by the word that follows it. */
    private static String articles(String text) {
        StringBuilder out = new StringBuilder();
        String[] words = text.split(" ");
        for (int i = 0; i < words.length; i++) {
            String word = words[i];
            if (word.equals("{a}")) {
                String next = i + 1 < words.length ? words[i + 1] : "";
                word = !next.isEmpty() && "aeiou".indexOf(Character.toLowerCase(next.charAt(0))) >= 0 ? "an" : "a";
            }
            out.append(i == 0 ? "" : " ").append(word);
        }
        return out.toString();
    }
}
