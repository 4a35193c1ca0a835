package org.soteria.exchange;

/** Receives progress while a large bundle is read. */
@FunctionalInterface
public interface ImportProgress {

    ImportProgress NONE = (file, rows, fraction) -> { };

    /** Called every so many rows with the rows read so far and the share of the file read (0 to 1). */
    void rowsRead(String file, long rows, double fraction);
}
