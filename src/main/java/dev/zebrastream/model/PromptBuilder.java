package dev.zebrastream.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;
import java.util.List;
import java.util.Map;

/**
 * Assembles prompts on token embeddings so learned context vectors can sit between real tokens:
 * zero-shot {@code [BOS] template(name) [EOS]}, learned {@code [BOS] ctx_1..ctx_M name . [EOS]},
 * caption {@code [BOS] caption [EOS]}.
 */
public final class PromptBuilder {

    private final PromptTokenizer tokenizer;
    private final TokenEmbeddings table;
    private final TextSettings text;
    private final Map<String, int[]> tokenCache = new ConcurrentHashMap<>();

    public PromptBuilder(PromptTokenizer tokenizer, TokenEmbeddings table, TextSettings text) {
        this.tokenizer = tokenizer;
        this.table = table;
        this.text = text;
    }

    public int hiddenSize() {
        return table.hiddenSize();
    }

    public PromptBatch zeroShot(List<String> classNames) {
        List<Layout> layouts = new ArrayList<>();
        for (String name : classNames) {
            layouts.add(new Layout(zeroShotTokens(name), null));
        }
        return pack(layouts);
    }

    public PromptBatch captions(List<String> captions) {
        List<Layout> layouts = new ArrayList<>();
        for (String caption : captions) {
            layouts.add(new Layout(tokens(caption), null));
        }
        return pack(layouts);
    }

    /** One prompt per class around one set of context vectors ({@code M * hidden} floats, row-major). */
    public PromptBatch learned(List<String> classNames, float[] context) {
        return learned(classNames, List.of(context));
    }

    /**
     * Prompts for several context sets at once (context-major: all classes of the first set, then the
     * next), so an optimiser can evaluate many perturbed prompt sets in one text-encoder call.
     */
    public PromptBatch learned(List<String> classNames, List<float[]> contexts) {
        List<Layout> layouts = new ArrayList<>();
        for (float[] context : contexts) {
            if (context.length == 0 || context.length % hiddenSize() != 0) {
                throw new IllegalArgumentException("context vectors must be M x " + hiddenSize() + " floats");
            }
            for (String name : classNames) {
                layouts.add(new Layout(learnedTokens(name), context));
            }
        }
        return pack(layouts);
    }

    /** Token ids of a class's zero-shot prompt (the template filled in), without specials. */
    public int[] zeroShotTokens(String className) {
        return tokens(text.zeroShotPrompt(className)).clone();
    }

    /**
     * Token ids that follow the context vectors in a learned prompt: the class name and a full stop. The
     * leading space tokenises the name as a word after the context ("X X X name."), also for byte-level
     * tokenizers that add no prefix space themselves (RoBERTa's).
     */
    public int[] learnedTokens(String className) {
        return tokens(" " + className + ".").clone();
    }

    /** Tokens of a piece of text, without specials; cached because class names recur every step. */
    int[] tokens(String s) {
        return tokenCache.computeIfAbsent(s, tokenizer::encode);
    }

    private PromptBatch pack(List<Layout> layouts) {
        if (layouts.isEmpty()) {
            // An exported model may come without a class list; ONNX Runtime would fail on an empty batch.
            throw new IllegalArgumentException("no class names to build prompts for: the model's manifest lists no"
                    + " classes and none are configured (classify.classes)");
        }
        int hidden = hiddenSize();
        int length = 0;
        for (Layout l : layouts) {
            length = Math.max(length, l.length(hidden));
        }
        if (length > text.maxLength()) {
            throw new IllegalArgumentException("prompt of " + length + " tokens exceeds the model's maximum of "
                    + text.maxLength() + "; use a shorter class name");
        }
        float[] embeds = new float[layouts.size() * length * hidden];
        long[] mask = new long[layouts.size() * length];
        for (int b = 0; b < layouts.size(); b++) {
            write(layouts.get(b), embeds, mask, b * length, length);
        }
        return new PromptBatch(embeds, mask, layouts.size(), length, hidden);
    }

    /** Writes one prompt at sequence offset {@code start}; padding rows get the pad embedding, mask 0. */
    private void write(Layout layout, float[] embeds, long[] mask, int start, int length) {
        int hidden = hiddenSize();
        int pos = start;
        table.copyRow(text.bosTokenId(), embeds, pos++ * hidden);
        if (layout.context() != null) {
            System.arraycopy(layout.context(), 0, embeds, pos * hidden, layout.context().length);
            pos += layout.contextRows(hidden);
        }
        for (int id : layout.tokens()) {
            table.copyRow(id, embeds, pos++ * hidden);
        }
        table.copyRow(text.eosTokenId(), embeds, pos++ * hidden);
        Arrays.fill(mask, start, pos, 1L);
        while (pos < start + length) {
            table.copyRow(text.padTokenId(), embeds, pos++ * hidden);
        }
    }

    /** One prompt: BOS, optional context vectors ({@code M * hidden} floats), tokens, EOS. */
    private record Layout(int[] tokens, float[] context) {

        int contextRows(int hidden) {
            return context == null ? 0 : context.length / hidden;
        }

        int length(int hidden) {
            return 2 + contextRows(hidden) + tokens.length;
        }
    }
}
