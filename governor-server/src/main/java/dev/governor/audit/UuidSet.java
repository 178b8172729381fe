package dev.governor.audit;

import java.util.UUID;

/**
 * The ids of the rows a walk of the chain saw bound, 32 bytes each (two longs per slot, half the
 * slots free): {@code verify} must know them all to find a row no record binds, and a set of
 * {@link UUID} objects would cost three times as much on a chain of millions of decisions.
 */
final class UuidSet {

    private long[] slots = new long[2 * 64];
    private boolean[] used = new boolean[64];
    private int size;

    /** @return whether it was not there yet */
    boolean add(UUID id) {
        if (2 * (size + 1) > used.length) grow();
        return put(slots, used, id.getMostSignificantBits(), id.getLeastSignificantBits());
    }

    boolean contains(UUID id) {
        long hi = id.getMostSignificantBits();
        long lo = id.getLeastSignificantBits();
        int mask = used.length - 1;
        for (int i = index(hi, lo, mask); used[i]; i = (i + 1) & mask) {
            if (slots[2 * i] == hi && slots[2 * i + 1] == lo) return true;
        }
        return false;
    }

    int size() {
        return size;
    }

    private boolean put(long[] into, boolean[] taken, long hi, long lo) {
        int mask = taken.length - 1;
        int i = index(hi, lo, mask);
        for (; taken[i]; i = (i + 1) & mask) {
            if (into[2 * i] == hi && into[2 * i + 1] == lo) return false;
        }
        taken[i] = true;
        into[2 * i] = hi;
        into[2 * i + 1] = lo;
        if (into == slots) size++;
        return true;
    }

    private void grow() {
        long[] bigger = new long[slots.length * 2];
        boolean[] taken = new boolean[used.length * 2];
        for (int i = 0; i < used.length; i++) {
            if (used[i]) put(bigger, taken, slots[2 * i], slots[2 * i + 1]);
        }
        slots = bigger;
        used = taken;
    }

    /** Row ids are random (v4), but a forged one need not be: mix every bit before masking. */
    private static int index(long hi, long lo, int mask) {
        long h = hi * 0x9E3779B97F4A7C15L ^ lo * 0xC2B2AE3D27D4EB4FL;
        return (int) (h ^ (h >>> 29) ^ (h >>> 47)) & mask;
    }
}
