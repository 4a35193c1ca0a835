package org.soteria.linkage;

/**
 * Union-find over records 0..n-1, with path halving; a set is named by its smallest member, so that the
 * numbering of clusters does not depend on the order in which they were joined.
 */
public final class DisjointSets {

    private final int[] parent;

    public DisjointSets(int n) {
        parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
    }

    private DisjointSets(int[] parent) {
        this.parent = parent;
    }

    /** An independent copy, to be joined further without changing this one. */
    public DisjointSets copy() {
        return new DisjointSets(parent.clone());
    }

    /** The smallest member of the set holding {@code i}. */
    public int find(int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    /** Joins the sets of {@code a} and {@code b}; returns the root of the joined set. */
    public int union(int a, int b) {
        int ra = find(a);
        int rb = find(b);
        if (ra != rb) {
            parent[Math.max(ra, rb)] = Math.min(ra, rb);
        }
        return Math.min(ra, rb);
    }

    /** Each record's set, named by its smallest member. */
    public int[] roots() {
        int[] out = new int[parent.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = find(i);
        }
        return out;
    }
}
