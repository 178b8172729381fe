package dev.governor.policy.engine;

import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Runs one evaluation on a worker thread and waits for it no longer than the deadline. Past it,
 * the caller gets {@link Exceeded} at once, and the work is stopped: first politely (the rule
 * session is halted between firings, the thread interrupted), then, if it is still running after
 * a grace period (a FEEL loop cannot be halted), the thread is stopped outright, so nothing keeps
 * burning a core after the request has been answered. A rule consequence cannot loop at all:
 * {@link DrlSandbox} refuses loops, recursion and unbounded library calls.
 *
 * <p>Workers are daemon threads, so a stuck evaluation never holds up the JVM's shutdown.
 */
final class Deadline {

    private static final Logger LOG = Logger.getLogger(Deadline.class);
    private static final AtomicInteger THREADS = new AtomicInteger();
    private static final ExecutorService WORKERS = Executors.newCachedThreadPool(daemon("governor-policy-eval-"));
    private static final ScheduledExecutorService REAPER = Executors.newSingleThreadScheduledExecutor(daemon("governor-policy-reaper-"));
    private static final ThreadLocal<Deadline> CURRENT = new ThreadLocal<>();
    static final Duration GRACE = Duration.ofMillis(500);

    /** The evaluation did not finish within {@code timeout}. */
    static final class Exceeded extends RuntimeException {
        Exceeded(String message) {
            super(message);
        }
    }

    private final List<Runnable> onCancel = new CopyOnWriteArrayList<>();
    private final AtomicReference<Thread> worker = new AtomicReference<>();
    private volatile boolean cancelled;

    private Deadline() {
    }

    /** Runs {@code work} under the deadline; {@link Exceeded} if it takes longer than {@code timeout}. */
    static <T> T run(Duration timeout, Supplier<T> work) {
        Deadline deadline = new Deadline();
        FutureTask<T> task = new FutureTask<>(() -> {
            deadline.worker.set(Thread.currentThread());
            CURRENT.set(deadline);
            try {
                return work.get();
            } finally {
                CURRENT.remove();
                synchronized (deadline) { // so that reap() never stops this thread once it has moved on
                    deadline.worker.set(null);
                }
                Thread.interrupted(); // a cancel that came late must not leak into the next task
            }
        });
        WORKERS.execute(task);
        try {
            return task.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            deadline.cancel(task);
            throw new Exceeded("the policy did not finish within the evaluation deadline of " + timeout.toMillis()
                    + " ms (governor.policy.evaluation-timeout)");
        } catch (InterruptedException e) {
            deadline.cancel(task);
            Thread.currentThread().interrupt();
            throw new Exceeded("the evaluation was interrupted before it finished");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error err) throw err;
            throw new IllegalStateException(e.getCause());
        } catch (CancellationException e) {
            throw new Exceeded("the evaluation was cancelled");
        }
    }

    /** What stops the running work politely (e.g. halting the rule session); called on the worker thread. */
    static void onCancel(Runnable stop) {
        Deadline d = CURRENT.get();
        if (d == null) return;
        d.onCancel.add(stop);
        if (d.cancelled) stop.run();
    }

    /** True once the deadline has passed: long-running work checks it between steps. */
    static boolean cancelled() {
        Deadline d = CURRENT.get();
        return d != null && d.cancelled;
    }

    private void cancel(FutureTask<?> task) {
        cancelled = true;
        onCancel.forEach(stop -> {
            try {
                stop.run();
            } catch (RuntimeException e) {
                LOG.debugf(e, "stopping a late evaluation");
            }
        });
        task.cancel(true);
        REAPER.schedule(this::reap, GRACE.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The work ignored the halt and the interrupt (a FEEL loop, say): stop its thread. */
    @SuppressWarnings({"removal", "deprecation"})
    private synchronized void reap() {
        Thread t = worker.get();
        if (t == null) return;
        LOG.warnf("an evaluation past its deadline ignored the halt; stopping thread %s", t.getName());
        try {
            t.stop(); // deprecated, but the only way to end a loop that checks nothing; the session is discarded
        } catch (UnsupportedOperationException e) {
            LOG.errorf("cannot stop thread %s on this JVM; it keeps running", t.getName());
        }
    }

    private static ThreadFactory daemon(String prefix) {
        return r -> {
            Thread t = new Thread(r, prefix + THREADS.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
