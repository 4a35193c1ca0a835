package org.soteria.exchange;

import java.util.List;

/** The outcome of one import run: its id, counts per file and every problem found. */
public record ImportResult(long runId, List<FileCounts> files, List<ImportProblem> problems) {

    public int rejectedRows() {
        return files.stream().mapToInt(FileCounts::rejected).sum();
    }

    public int changedRows() {
        return files.stream().mapToInt(f -> f.inserted() + f.updated()).sum();
    }
}
