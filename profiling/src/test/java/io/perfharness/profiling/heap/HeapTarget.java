package io.perfharness.profiling.heap;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/** A child JVM for the histogram tests: keeps exactly {@link #RETAINED} live {@link Retained} objects. */
public final class HeapTarget {
    static final int RETAINED = 1234;
    private static final List<Retained> KEPT = new ArrayList<>();

    /** The class the tests count in the histogram. */
    static final class Retained {
        final int id;

        Retained(int id) {
            this.id = id;
        }
    }

    public static void main(String[] args) throws InterruptedException {
        for (int i = 0; i < RETAINED; i++) {
            KEPT.add(new Retained(i));
        }
        // garbage of the same class: a histogram that forces a full GC must not count it
        for (int i = 0; i < 10_000; i++) {
            new Retained(-i).hashCode();
        }
        System.out.println("ready");
        System.out.flush();
        new CountDownLatch(1).await();
    }
}
