package org.soteria.exchange;

/**
 * What one import did with one file. {@code superseded} counts rows whose key a later row of the
 * same bundle repeated (the last row wins).
 */
public record FileCounts(String file, int rowsRead, int inserted, int updated, int unchanged, int superseded,
        int rejected) {
}
