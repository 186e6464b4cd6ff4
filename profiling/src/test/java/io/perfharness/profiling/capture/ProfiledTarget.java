package io.perfharness.profiling.capture;

/**
 * A small JVM to profile in tests: one thread burns CPU in a distinctive method, one allocates
 * distinctive objects, two contend on a distinctive lock, and the main thread sleeps in a
 * distinctive method. Prints {@code ready} once all threads run; runs until killed.
 */
public final class ProfiledTarget {
    static final DistinctiveLock LOCK = new DistinctiveLock();
    /** Stored allocations escape, so the JIT cannot scalar-replace them away. */
    static final Object[] KEEP = new Object[4096];
    static volatile long sink;

    /** The monitor the contenders fight over; its class names the lock in lock profiles. */
    static final class DistinctiveLock {
    }

    /** 48 bytes per instance on a 64-bit JVM with compressed class pointers. */
    record DistinctiveAllocation(long a, long b, long c, long d) {
    }

    private ProfiledTarget() {
    }

    public static void main(String[] args) throws InterruptedException {
        daemon("spinner", () -> {
            while (true) {
                spinDistinctiveCpu();
            }
        });
        for (int i = 0; i < 2; i++) {
            daemon("contender-" + i, () -> {
                while (true) {
                    contendDistinctively();
                }
            });
        }
        daemon("allocator", () -> {
            while (true) {
                allocateDistinctively();
            }
        });
        System.out.println("ready");
        System.out.flush();
        while (true) {
            sleepDistinctively();
        }
    }

    static void spinDistinctiveCpu() {
        long x = sink;
        for (int i = 0; i < 1_000_000; i++) {
            x = x * 6364136223846793005L + 1442695040888963407L;
        }
        sink = x;
    }

    /** Holds the lock while sleeping, so the other contender waits about 5 ms per round. */
    static void contendDistinctively() {
        synchronized (LOCK) {
            pause(5);
        }
    }

    static void allocateDistinctively() {
        for (int i = 0; i < 2_000; i++) {
            KEEP[i & (KEEP.length - 1)] = new DistinctiveAllocation(i, i + 1, i + 2, i + 3);
        }
        pause(1);
    }

    static void sleepDistinctively() {
        pause(100);
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void daemon(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        thread.start();
    }
}
