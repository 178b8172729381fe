package dev.governor.policy.engine;

import org.jboss.logging.Logger;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
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
 * Runs one evaluation on a worker thread and waits for it no longer than the deadline. The
 * deadline is the evaluation's own computing time (the worker's CPU time, where the JVM measures
 * it): a policy that loops or costs too much spends it and is stopped, while an evaluation that
 * merely waited for a core on an overloaded machine (or through a GC pause) is given the time it
 * was kept waiting, up to {@link #WALL_LIMIT} in all, the bound every wait in Governor keeps. Past it,
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
    /** However starved, no evaluation is waited for longer than this (or the deadline, if longer). */
    static final Duration WALL_LIMIT = Duration.ofSeconds(2);
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();
    private static final boolean CPU_MEASURED = CPU.isCurrentThreadCpuTimeSupported() && CPU.isThreadCpuTimeSupported();
    private static final long MIN_WAIT = TimeUnit.MILLISECONDS.toNanos(5);

    /** The evaluation did not finish within {@code timeout}. */
    static final class Exceeded extends RuntimeException {
        Exceeded(String message) {
            super(message);
        }
    }

    private final List<Runnable> onCancel = new CopyOnWriteArrayList<>();
    private final AtomicReference<Thread> worker = new AtomicReference<>();
    private volatile long cpuAtStart = -1;
    private volatile boolean cancelled;

    private Deadline() {
    }

    /** Runs {@code work} under the deadline; {@link Exceeded} if it takes longer than {@code timeout}. */
    static <T> T run(Duration timeout, Supplier<T> work) {
        Deadline deadline = new Deadline();
        FutureTask<T> task = new FutureTask<>(() -> {
            if (CPU_MEASURED) deadline.cpuAtStart = CPU.getCurrentThreadCpuTime();
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
        long budget = timeout.toNanos();
        long wallLimit = Math.max(budget, WALL_LIMIT.toNanos());
        long started = System.nanoTime();
        try {
            for (long wait = budget; ; ) {
                try {
                    return task.get(wait, TimeUnit.NANOSECONDS);
                } catch (TimeoutException e) {
                    long used = deadline.cpuUsed();
                    long waited = System.nanoTime() - started;
                    if (used < 0 || used >= budget || waited >= wallLimit) {
                        deadline.cancel(task);
                        throw new Exceeded("the policy did not finish within the evaluation deadline of "
                                + timeout.toMillis() + " ms (governor.policy.evaluation-timeout)"
                                + (used >= 0 && used < budget ? ": after " + Duration.ofNanos(waited).toMillis()
                                + " ms it had had " + Duration.ofNanos(used).toMillis()
                                + " ms of computing time, on a machine too busy to run it" : ""));
                    }
                    // It cannot use up its budget sooner than this: look again then.
                    wait = Math.max(MIN_WAIT, Math.min(budget - used, wallLimit - waited));
                }
            }
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

    /**
     * The worker's computing time since it took this evaluation: 0 while it waits for a thread,
     * -1 where the JVM cannot measure it (the deadline is then wall-clock time).
     */
    private long cpuUsed() {
        if (!CPU_MEASURED) return -1;
        Thread t = worker.get();
        long start = cpuAtStart;
        if (t == null || start < 0) return 0;
        long now = CPU.getThreadCpuTime(t.getId());
        return now < 0 ? -1 : Math.max(0, now - start);
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
