package org.soteria.exchange;

/** An import or export that could not run at all (as opposed to rows that were rejected). */
public class BundleException extends RuntimeException {

    public BundleException(String message) {
        super(message);
    }

    public BundleException(String message, Throwable cause) {
        super(message, cause);
    }
}
