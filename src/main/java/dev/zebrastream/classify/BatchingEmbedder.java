package dev.zebrastream.classify;

import dev.zebrastream.audio.AudioClip;
import dev.zebrastream.model.ClapModel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Embeds audio for every caller on one inference thread. Requests queue up; the thread takes
 * whatever has queued (at most {@code batchSize}) as one batch. So windows of all stream tasks and
 * threads of an instance share batches, batches grow by themselves when the model falls behind,
 * and the callers' own work (Kafka, decoding, window assembly) runs while the model computes.
 */
public final class BatchingEmbedder implements AutoCloseable {

    /** Told about each batch the model ran. */
    @FunctionalInterface
    public interface BatchObserver {
        void batch(int size, double seconds);
    }

    private record Request(AudioClip audio, CompletableFuture<float[]> embedding) {
    }

    private final ClapModel model;
    private final int batchSize;
    private final BatchObserver observer;
    private final LinkedBlockingQueue<Request> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile boolean closed;

    public BatchingEmbedder(ClapModel model, int batchSize, BatchObserver observer) {
        this.model = model;
        this.batchSize = batchSize;
        this.observer = observer;
        this.thread = new Thread(this::run, "zebra-inference");
        thread.setDaemon(true);
    }

    /** Queues one clip; the future completes with its embedding, or with the model's exception. */
    public CompletableFuture<float[]> submit(AudioClip audio) {
        startOnce();
        Request request = new Request(audio, new CompletableFuture<>());
        queue.add(request);
        if (closed) {
            cancelQueued();
        }
        return request.embedding();
    }

    /** The thread starts with the first request, so an embedder that is never used costs nothing. */
    private synchronized void startOnce() {
        if (thread.getState() == Thread.State.NEW && !closed) {
            thread.start();
        }
    }

    private void run() {
        List<Request> batch = new ArrayList<>(batchSize);
        while (!closed) {
            try {
                Request first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first != null) {
                    batch.add(first);
                    queue.drainTo(batch, batchSize - 1);
                    embed(batch);
                    batch.clear();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        cancelQueued();
    }

    private void embed(List<Request> batch) {
        List<AudioClip> clips = new ArrayList<>(batch.size());
        batch.forEach(r -> clips.add(r.audio()));
        long started = System.nanoTime();
        try {
            float[][] embeddings = model.embedAudio(clips, batch.size());
            observer.batch(batch.size(), (System.nanoTime() - started) / 1e9);
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).embedding().complete(embeddings[i]);
            }
        } catch (Exception e) {
            // The callers decide: a failed inference stops their task, which retries its windows.
            batch.forEach(r -> r.embedding().completeExceptionally(e));
        }
    }

    private void cancelQueued() {
        Request r;
        while ((r = queue.poll()) != null) {
            r.embedding().completeExceptionally(new CancellationException("the inference thread has stopped"));
        }
    }

    /** Stops the thread after the batch in progress; queued requests fail with a CancellationException. */
    @Override
    public void close() throws InterruptedException {
        synchronized (this) {
            closed = true;
        }
        if (thread.getState() != Thread.State.NEW) {
            thread.join();
        }
        cancelQueued();
    }
}
