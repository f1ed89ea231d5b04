package dev.zebrastream.adapt;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the adaptation service knows: a bounded recent pool of unlabeled window embeddings and the
 * human labels. A label whose record carries no embedding is matched to its window in the pool; the
 * embedding is kept with the label, so the example survives the window leaving the pool.
 */
public final class LabelBook {

    private final int poolCapacity;
    private final LinkedHashMap<String, float[]> pool;
    private final Map<String, LabeledExample> labeled = new LinkedHashMap<>();
    private final Map<String, String> waitingForWindow = new LinkedHashMap<>();
    private int newLabels;

    public LabelBook(int poolCapacity) {
        this.poolCapacity = poolCapacity;
        // Access order false: eviction drops the oldest pooled window first.
        this.pool = new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
                return size() > LabelBook.this.poolCapacity;
            }
        };
    }

    public synchronized void pooled(String windowId, float[] embedding) {
        pool.put(windowId, embedding);
        String label = waitingForWindow.remove(windowId);
        if (label != null) {
            addLabel(windowId, label, embedding);
        }
    }

    /** @param embedding the window's embedding when the label carries it, else null (looked up in the pool) */
    public synchronized void label(String windowId, String label, float[] embedding) {
        float[] known = embedding != null ? embedding : pool.get(windowId);
        if (known == null) {
            waitingForWindow.put(windowId, label);
            return;
        }
        addLabel(windowId, label, known);
    }

    private void addLabel(String windowId, String label, float[] embedding) {
        LabeledExample previous = labeled.put(windowId, new LabeledExample(windowId, label, embedding));
        if (previous == null || !previous.label().equals(label)) {
            newLabels++;
        }
    }

    public synchronized List<LabeledExample> examples() {
        return new ArrayList<>(labeled.values());
    }

    /** Pool windows nobody labeled: the unlabeled set of the objective. */
    public synchronized List<float[]> unlabeledPool() {
        List<float[]> out = new ArrayList<>();
        pool.forEach((id, e) -> {
            if (!labeled.containsKey(id)) {
                out.add(e);
            }
        });
        return out;
    }

    /** Labels that arrived since the last {@link #markAdapted()}. */
    public synchronized int newLabels() {
        return newLabels;
    }

    public synchronized int waiting() {
        return waitingForWindow.size();
    }

    public synchronized void markAdapted() {
        newLabels = 0;
    }
}
