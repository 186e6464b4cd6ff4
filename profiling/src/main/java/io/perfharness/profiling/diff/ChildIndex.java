package io.perfharness.profiling.diff;

import java.util.Arrays;

/**
 * Open-addressing map from (parent node, frame id) to child node of a call tree, without boxing:
 * the tree of a 100 MB profile has hundreds of thousands of nodes. Mutable, not thread-safe.
 */
final class ChildIndex {
    private static final int EMPTY = -1;

    private long[] keys;
    private int[] values;
    private int size;
    private int mask;

    ChildIndex(int expectedSize) {
        int capacity = Integer.highestOneBit(Math.max(16, expectedSize * 2 - 1)) << 1;
        keys = new long[capacity];
        values = new int[capacity];
        Arrays.fill(values, EMPTY);
        mask = capacity - 1;
    }

    /** The child of {@code parent} for {@code frame}, or {@code newNode} after recording it as such. */
    int getOrPut(int parent, int frame, int newNode) {
        long key = ((long) parent << 32) | (frame & 0xFFFFFFFFL);
        int slot = mix(key) & mask;
        while (true) {
            int value = values[slot];
            if (value == EMPTY) {
                keys[slot] = key;
                values[slot] = newNode;
                if (++size * 2 > keys.length) {
                    grow();
                }
                return newNode;
            }
            if (keys[slot] == key) {
                return value;
            }
            slot = (slot + 1) & mask;
        }
    }

    private static int mix(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 29));
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new int[oldValues.length * 2];
        Arrays.fill(values, EMPTY);
        mask = keys.length - 1;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldValues[i] != EMPTY) {
                int slot = mix(oldKeys[i]) & mask;
                while (values[slot] != EMPTY) {
                    slot = (slot + 1) & mask;
                }
                keys[slot] = oldKeys[i];
                values[slot] = oldValues[i];
            }
        }
    }
}
