package dev.zebrastream.eval;

import dev.zebrastream.adapt.ZoConfig;
import dev.zebrastream.adapt.ZoMethod;
import dev.zebrastream.synth.DomainSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One benchmark condition: where the audio is recorded, how classes split into base and novel, and
 * the budget of the forward-only optimiser.
 *
 * @param name          the name under which {@code --settings} finds it (a derived setting: its full spec)
 * @param domain        deployment domain of every rendered window ({@link DomainSpec} syntax, e.g. hall-3), or
 *                      {@code real:SPLIT} for a split of the real-audio corpus ({@link RealSettingRenderer})
 * @param split         {@code random42} or {@code clustered} (see {@link BaseNovelSplit})
 * @param contextLength M learned context vectors
 * @param optimizer     {@code spsa} or {@code subspace-gn} ({@link ZoMethod}); results written before it
 *                      existed ran spsa
 * @param steps         optimiser steps (spsa) or trust-region iterations (subspace-gn) per adaptation
 * @param directions    random directions per step (see {@link ZoConfig})
 * @param learningRate  spsa: Adam step size (cosine-decayed); subspace-gn: initial trust radius per float
 * @param subspaceDim   0 = optimise every context float, d = a random d-dimensional subspace
 * @param testPerClass  test windows per class (base and novel)
 * @param poolSize      unlabeled windows in the pool
 * @param transductive  the pool holds windows of every class (true) or of base classes only (false)
 * @param classLimit    0 = every benchmark class; n = only the first n in sorted order (quick runs, tests)
 */
public record EvalSetting(String name, String domain, String split, int contextLength, String optimizer, int steps,
                          int directions,
                          double learningRate, int subspaceDim, int testPerClass, int poolSize,
                          boolean transductive, int classLimit) {

    private static final Map<String, String> SHORT_KEYS = Map.of("m", "contextLength", "lr", "learningRate",
            "subspace", "subspaceDim", "test", "testPerClass", "pool", "poolSize", "classes", "classLimit");

    public EvalSetting {
        if (!RealCorpus.isRealDomain(domain)) {
            DomainSpec.parse(domain);
        }
        if (!BaseNovelSplit.kinds().contains(split)) {
            throw new IllegalArgumentException("unknown split '" + split + "'; expected " + BaseNovelSplit.kinds());
        }
        if (contextLength < 1 || testPerClass < 1 || poolSize < 1) {
            throw new IllegalArgumentException("context length, test windows and pool size must be positive");
        }
        if (classLimit < 0 || classLimit == 1) {
            throw new IllegalArgumentException("class limit must be 0 (all classes) or at least 2, got " + classLimit);
        }
        zoConfig(optimizer, steps, directions, learningRate, subspaceDim, 0);
    }

    /** The optimiser settings of one run; the seed fixes its random directions (and subspace). */
    public ZoConfig zo(long seed) {
        return zoConfig(optimizer, steps, directions, learningRate, subspaceDim, seed);
    }

    /** Static so the compact constructor can validate its arguments before the fields are assigned. */
    private static ZoConfig zoConfig(String optimizer, int steps, int directions, double learningRate,
                                     int subspaceDim, long seed) {
        return new ZoConfig(steps, directions, ZoConfig.DEFAULT_MU, learningRate, subspaceDim, seed, true,
                ZoMethod.parse(optimizer));
    }

    /**
     * This setting with one field replaced, as a derived spec writes it ({@code steps=400}); fields go by
     * their JSON names or the short forms m, lr, subspace, test and pool.
     */
    public EvalSetting with(String key, String value, String newName) {
        Map<String, Object> fields = toMap();
        String field = SHORT_KEYS.getOrDefault(key.trim(), key.trim());
        if (!fields.containsKey(field)) {
            throw new IllegalArgumentException("unknown setting field '" + key + "'; expected one of "
                    + fields.keySet() + " or " + SHORT_KEYS.keySet());
        }
        fields.put(field, parseLike(fields.get(field), field, value.trim()));
        return fromMap(newName, fields);
    }

    /** The inverse of {@link #toMap()}. */
    static EvalSetting fromMap(String name, Map<String, Object> f) {
        return new EvalSetting(name, (String) f.get("domain"), (String) f.get("split"), (int) f.get("contextLength"),
                (String) f.getOrDefault("optimizer", ZoMethod.SPSA.id()), (int) f.get("steps"), (int) f.get("directions"), (double) f.get("learningRate"),
                (int) f.get("subspaceDim"), (int) f.get("testPerClass"), (int) f.get("poolSize"),
                (boolean) f.get("transductive"), (int) f.get("classLimit"));
    }

    /** The fields as JSON-ready values (the name is the key they are filed under). */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("domain", domain);
        m.put("split", split);
        m.put("contextLength", contextLength);
        m.put("optimizer", optimizer);
        m.put("steps", steps);
        m.put("directions", directions);
        m.put("learningRate", learningRate);
        m.put("subspaceDim", subspaceDim);
        m.put("testPerClass", testPerClass);
        m.put("poolSize", poolSize);
        m.put("transductive", transductive);
        m.put("classLimit", classLimit);
        return m;
    }

    /** The base/novel split of {@code classes} (sorted), after the class limit. */
    public BaseNovelSplit splitOf(List<String> classes) {
        List<String> kept = classLimit > 0 ? classes.subList(0, Math.min(classLimit, classes.size())) : classes;
        return BaseNovelSplit.named(split, kept);
    }

    public boolean isReal() {
        return RealCorpus.isRealDomain(domain);
    }

    /** One line for logs and the report. */
    public String describe() {
        return String.format(Locale.ROOT, "%s: domain %s, split %s, M=%d, %s %d steps x %d directions, lr %s, %s, "
                        + "%d test windows/class, pool %d (%s)%s", name, domain, split, contextLength, optimizer, steps,
                directions,
                learningRate, subspaceDim == 0 ? "full space" : "subspace " + subspaceDim, testPerClass, poolSize,
                transductive ? "transductive: all classes" : "base classes only",
                classLimit == 0 ? "" : ", first " + classLimit + " classes only");
    }

    /** {@code text} parsed to the type of {@code current}. */
    private static Object parseLike(Object current, String field, String text) {
        try {
            if (current instanceof Integer) {
                return Integer.parseInt(text);
            }
            if (current instanceof Double) {
                return Double.parseDouble(text);
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + " must be a number, got '" + text + "'");
        }
        if (current instanceof Boolean) {
            if (!text.equals("true") && !text.equals("false")) {
                throw new IllegalArgumentException(field + " must be true or false, got '" + text + "'");
            }
            return Boolean.parseBoolean(text);
        }
        return text;
    }
}
