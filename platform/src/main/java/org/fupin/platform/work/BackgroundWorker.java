package org.fupin.platform.work;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.jboss.logging.Logger;

/**
 * A thread of its own that runs rounds of work until it is stopped: the outbox relay, the import
 * worker and the read-model rebuild each run on one. A round says how long to rest before the
 * next; {@link #wake()} (after a commit that left work behind) ends the rest at once. A round that
 * fails is logged and retried after a rest that doubles up to {@code maxBackoff}, so that a database
 * or broker that is down is waited out without spinning.
 */
public final class BackgroundWorker {

    /** One round of work; returns how long to rest before the next ({@link Duration#ZERO}: go on at once). */
    @FunctionalInterface
    public interface Round {
        Duration run() throws Exception;
    }

    private static final Duration FIRST_BACKOFF = Duration.ofMillis(200);

    private final String name;
    private final Round round;
    private final Duration maxBackoff;
    private final Logger log;
    private final Semaphore wakeUp = new Semaphore(0);
    private final Thread thread;
    private volatile boolean running = true;

    private BackgroundWorker(String name, Round round, Duration maxBackoff) {
        this.name = name;
        this.round = round;
        this.maxBackoff = maxBackoff;
        this.log = Logger.getLogger(BackgroundWorker.class.getName() + "." + name);
        this.thread = new Thread(this::loop, name);
        this.thread.setDaemon(true);
    }

    /** Starts a worker thread named {@code name}. */
    public static BackgroundWorker start(String name, Round round, Duration maxBackoff) {
        BackgroundWorker worker = new BackgroundWorker(name, round, maxBackoff);
        worker.thread.start();
        return worker;
    }

    /** Ends the current rest: there is work. */
    public void wake() {
        wakeUp.release();
    }

    /** Whether the worker is asked to stop; a long round checks it between its steps. */
    public boolean stopping() {
        return !running;
    }

    /** Asks the worker to stop and waits for the round under way to end, at most {@code timeout}. */
    public void stop(Duration timeout) {
        running = false;
        wakeUp.release();
        try {
            thread.join(timeout.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void loop() {
        Duration backoff = Duration.ZERO;
        while (running) {
            Duration rest;
            try {
                rest = round.run();
                backoff = Duration.ZERO;
            } catch (Exception e) {
                backoff = backoff.isZero() ? FIRST_BACKOFF : min(backoff.multipliedBy(2), maxBackoff);
                log.warnf("%s: round failed (%s); retrying in %d ms", name, e.toString(), backoff.toMillis());
                rest = backoff;
            }
            if (!rest.isZero()) {
                rest(rest);
            }
        }
    }

    private void rest(Duration duration) {
        try {
            if (wakeUp.tryAcquire(duration.toMillis(), TimeUnit.MILLISECONDS)) {
                wakeUp.drainPermits();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
