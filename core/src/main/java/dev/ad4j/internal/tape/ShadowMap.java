package dev.ad4j.internal.tape;

import java.util.Arrays;

/**
 * Identity map from a {@code double[]} to its shadow {@code int[]} of tape indices.
 * Open addressing with linear probing on {@link System#identityHashCode}; entries are never
 * removed individually, the whole map is cleared when a recording ends. A one-entry cache
 * serves the common loop {@code for (i...) s += a[i]}.
 */
final class ShadowMap {
    private static final int INITIAL = 16;

    private Object[] keys = new Object[INITIAL];
    private int[][] values = new int[INITIAL][];
    private int count;
    private Object lastKey;
    private int[] lastValue;
    /** Bytes held by the shadow arrays, counted against the tape budget. */
    long shadowBytes;

    int[] get(Object key) {
        if (key == lastKey) {
            return lastValue;
        }
        Object[] ks = keys;
        int mask = ks.length - 1;
        for (int i = hash(key) & mask; ; i = (i + 1) & mask) {
            Object k = ks[i];
            if (k == key) {
                lastKey = key;
                lastValue = values[i];
                return lastValue;
            }
            if (k == null) {
                return null;
            }
        }
    }

    /** Sets (or replaces) the shadow of {@code key}. */
    void put(Object key, int[] value) {
        if (2 * (count + 1) > keys.length) {
            rehash(keys.length * 2);
        }
        Object[] ks = keys;
        int mask = ks.length - 1;
        int i = hash(key) & mask;
        while (ks[i] != null && ks[i] != key) {
            i = (i + 1) & mask;
        }
        if (ks[i] == null) {
            ks[i] = key;
            count++;
        } else {
            shadowBytes -= 4L * values[i].length;
        }
        values[i] = value;
        shadowBytes += 4L * value.length;
        lastKey = key;
        lastValue = value;
    }

    int size() {
        return count;
    }

    void clear() {
        if (keys.length > 1024) {
            keys = new Object[INITIAL];
            values = new int[INITIAL][];
        } else if (count > 0) {
            Arrays.fill(keys, null);
            Arrays.fill(values, null);
        }
        count = 0;
        lastKey = null;
        lastValue = null;
        shadowBytes = 0;
    }

    long bytes() {
        return shadowBytes + 12L * keys.length;
    }

    private void rehash(int capacity) {
        Object[] oldKeys = keys;
        int[][] oldValues = values;
        keys = new Object[capacity];
        values = new int[capacity][];
        int mask = capacity - 1;
        for (int j = 0; j < oldKeys.length; j++) {
            Object k = oldKeys[j];
            if (k != null) {
                int i = hash(k) & mask;
                while (keys[i] != null) {
                    i = (i + 1) & mask;
                }
                keys[i] = k;
                values[i] = oldValues[j];
            }
        }
    }

    private static int hash(Object key) {
        int h = System.identityHashCode(key) * 0x9E3779B1;
        return h ^ (h >>> 16);
    }
}
