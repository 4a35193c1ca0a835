package org.soteria.operations;

/** A backup or restore that cannot go on, with the reason in words its operator can act on. */
public class BackupException extends RuntimeException {

    public BackupException(String message) {
        super(message);
    }

    public BackupException(String message, Throwable cause) {
        super(message, cause);
    }
}
