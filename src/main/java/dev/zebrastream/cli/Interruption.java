package dev.zebrastream.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C handling for long-running commands: the JVM halts as soon as its shutdown hooks return,
 * so the hook signals the command and then waits until the command has closed its resources.
 */
final class Interruption implements AutoCloseable {

    private final CountDownLatch requested = new CountDownLatch(1);
    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread hook = new Thread(this::onSignal, "zebra-shutdown");

    Interruption() {
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** Waits for Ctrl-C or the timeout; true when Ctrl-C came. */
    boolean await(long millis) throws InterruptedException {
        return requested.await(millis, TimeUnit.MILLISECONDS);
    }

    /** Waits for Ctrl-C. */
    void awaitSignal() throws InterruptedException {
        requested.await();
    }

    boolean requested() {
        return requested.getCount() == 0;
    }

    private void onSignal() {
        requested.countDown();
        try {
            finished.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Call after the command's resources are closed. */
    @Override
    public void close() {
        finished.countDown();
        if (!requested()) {
            Runtime.getRuntime().removeShutdownHook(hook);
        }
    }
}
