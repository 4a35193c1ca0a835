package org.soteria.exchange;

/**
 * One line of an import report: a rejected row (with the column and value that failed) or a
 * file-level warning, which rejects nothing. {@code forceCode} and {@code crimeRef} are the force and crime the row
 * named, where it named them: who may read the rejected value depends on them.
 */
public record ImportProblem(String file, int line, String column, String value, String reason, boolean rejection,
        String forceCode, String crimeRef) {

    /** A problem that belongs to no particular force or crime (a file-level warning). */
    public ImportProblem(String file, int line, String column, String value, String reason, boolean rejection) {
        this(file, line, column, value, reason, rejection, null, null);
    }
}
