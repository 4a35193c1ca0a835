package org.soteria.exchange;

/**
 * One line of an import report: a rejected row (with the column and value that failed) or a
 * file-level warning, which rejects nothing.
 */
public record ImportProblem(String file, int line, String column, String value, String reason, boolean rejection) {
}
