package io.perfharness.profiling.diff;

import java.util.Arrays;

/**
 * Interns frame names by their UTF-8 bytes into dense ids, so that a frame seen before costs a
 * hash probe and a byte comparison, no String. Mutable, not thread-safe.
 */
final class RawFrameTable {
    private byte[] arena = new byte[1 << 16];
    private int arenaSize;
    private int[] start = new int[1024];
    private int[] length = new int[1024];
    private int[] hashes = new int[1024];
    private int size;

    /** Slot to id + 1; 0 is empty. */
    private int[] slots = new int[4096];

    /** The id of the frame {@code buf[from, to)}, whose hash is {@code hash} (31-polynomial of the bytes). */
    int intern(byte[] buf, int from, int to, int hash) {
        int mask = slots.length - 1;
        int slot = mix(hash) & mask;
        int len = to - from;
        while (true) {
            int entry = slots[slot];
            if (entry == 0) {
                return add(buf, from, len, hash, slot);
            }
            int id = entry - 1;
            if (hashes[id] == hash && length[id] == len
                    && Arrays.equals(arena, start[id], start[id] + len, buf, from, to)) {
                return id;
            }
            slot = (slot + 1) & mask;
        }
    }

    private static int mix(int hash) {
        int h = hash * 0x9E3779B9;
        return h ^ (h >>> 16);
    }

    private int add(byte[] buf, int from, int len, int hash, int slot) {
        if (arenaSize + len > arena.length) {
            arena = Arrays.copyOf(arena, Math.max(arenaSize + len, arena.length * 2));
        }
        System.arraycopy(buf, from, arena, arenaSize, len);
        if (size == start.length) {
            start = Arrays.copyOf(start, size * 2);
            length = Arrays.copyOf(length, size * 2);
            hashes = Arrays.copyOf(hashes, size * 2);
        }
        int id = size++;
        start[id] = arenaSize;
        length[id] = len;
        hashes[id] = hash;
        arenaSize += len;
        slots[slot] = id + 1;
        if (size * 2 > slots.length) {
            rehash();
        }
        return id;
    }

    private void rehash() {
        slots = new int[slots.length * 2];
        int mask = slots.length - 1;
        for (int id = 0; id < size; id++) {
            int slot = mix(hashes[id]) & mask;
            while (slots[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            slots[slot] = id + 1;
        }
    }
}
