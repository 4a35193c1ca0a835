package org.soteria.exchange;

/** Receives progress while a bundle is imported: each file's phases, and rows read within a large one. */
@FunctionalInterface
public interface ImportProgress {

    ImportProgress NONE = (file, rows, fraction) -> { };

    /** Called every so many rows with the rows read so far and the share of the file read (0 to 1). */
    void rowsRead(String file, long rows, double fraction);

    /** A file (or the run) enters a phase: reading and checking, then resolving and applying. */
    default void phase(String file, String phase) {
    }
}
