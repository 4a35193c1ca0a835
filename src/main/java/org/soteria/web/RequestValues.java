package org.soteria.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * Reading the page numbers and record ids that arrive in URLs, the same way on every page. (A form's
 * fields are bound to a record and checked by Bean Validation: see {@link org.soteria.web.form.FormErrors}.)
 */
public final class RequestValues {

    private RequestValues() {
    }

    /** A page number: anything missing, malformed or below 1 is page 1, as a person would expect. */
    public static int page(String value) {
        try {
            return value == null ? 1 : Math.max(1, Integer.parseInt(value.trim()));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    /** A record id from the path; one that is not a number names no record, so the page is not found. */
    public static long id(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }
}
