package dev.ad4j.internal.tape;

import java.util.Arrays;

/**
 * Identity map from a {@code double[]} to its shadow {@code int[]} of tape indices.
 * Open addressing with linear probing on {@link System#identityHashCode}; entries are never
 * removed individually, the whole map is cleared when a recording ends. The last few arrays
 * looked up, absent ones included, are remembered and found by comparing references: code that
 * works on a handful of small arrays (an ODE step's state and stages) would otherwise pay for an
 * identity hash on nearly every element it touches. The first few arrays are only kept in a
 * short list: most recordings shadow a handful of arrays, and the first identity hash of an
 * array is a call into the VM.
 */
final class ShadowMap {
    private static final int INITIAL = 16;
    /** Arrays kept in the list before the hash table takes over. */
    private static final int SMALL = 8;
    private final Object[] smallKeys = new Object[SMALL];
    private final int[][] smallValues = new int[SMALL][];
    private int smallCount;

    private Object[] keys = new Object[INITIAL];
    private int[][] values = new int[INITIAL][];
    private int count;
    private static final int RECENT = 8;
    private final Object[] recentKeys = new Object[RECENT];
    private final int[][] recentValues = new int[RECENT][];
    private int nextRecent;
    /** Whether anything was looked up or stored since the last {@link #clear}: if not, clearing is free. */
    private boolean touched;
    /** Bytes held by the shadow arrays, counted against the tape budget. */
    long shadowBytes;

    int[] get(Object key) {
        if (count == 0) {
            for (int j = 0; j < smallCount; j++) {
                if (smallKeys[j] == key) {
                    return smallValues[j];
                }
            }
            return null; // the table is empty: the list is the whole map
        }
        Object[] rk = recentKeys;
        for (int j = 0; j < RECENT; j++) {
            if (rk[j] == key) {
                return recentValues[j];
            }
        }
        int[] value = lookup(key);
        remember(key, value);
        return value;
    }

    private int[] lookup(Object key) {
        Object[] ks = keys;
        int mask = ks.length - 1;
        for (int i = hash(key) & mask; ; i = (i + 1) & mask) {
            Object k = ks[i];
            if (k == key) {
                return values[i];
            }
            if (k == null) {
                return null;
            }
        }
    }

    private void remember(Object key, int[] value) {
        touched = true;
        for (int j = 0; j < RECENT; j++) {
            if (recentKeys[j] == key) {
                recentValues[j] = value;
                return;
            }
        }
        recentKeys[nextRecent] = key;
        recentValues[nextRecent] = value;
        nextRecent = (nextRecent + 1) & (RECENT - 1);
    }

    /** Sets (or replaces) the shadow of {@code key}. */
    void put(Object key, int[] value) {
        touched = true;
        if (count == 0) {
            for (int j = 0; j < smallCount; j++) {
                if (smallKeys[j] == key) {
                    shadowBytes += 4L * (value.length - smallValues[j].length);
                    smallValues[j] = value;
                    return;
                }
            }
            if (smallCount < SMALL) {
                smallKeys[smallCount] = key;
                smallValues[smallCount++] = value;
                shadowBytes += 4L * value.length;
                return;
            }
            // The list is full: from now on the table holds every array, the list's too.
            for (int j = 0; j < SMALL; j++) {
                shadowBytes -= 4L * smallValues[j].length; // counted again by putInTable
                putInTable(smallKeys[j], smallValues[j]);
                smallKeys[j] = null;
                smallValues[j] = null;
            }
            smallCount = 0;
        }
        putInTable(key, value);
    }

    private void putInTable(Object key, int[] value) {
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
        remember(key, value);
    }

    int size() {
        return count + smallCount;
    }

    void clear() {
        if (!touched) {
            return; // a recording that used no array (the map is empty and remembers nothing)
        }
        touched = false;
        for (int j = 0; j < smallCount; j++) {
            smallKeys[j] = null;
            smallValues[j] = null;
        }
        smallCount = 0;
        if (keys.length > 1024) {
            keys = new Object[INITIAL];
            values = new int[INITIAL][];
        } else if (count > 0) {
            Arrays.fill(keys, null);
            Arrays.fill(values, null);
        }
        if (count > 0) {
            Arrays.fill(recentKeys, null); // only the table's lookups remember arrays
            Arrays.fill(recentValues, null);
        }
        count = 0;
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
