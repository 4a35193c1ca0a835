package org.soteria.home;

/**
 * A figure a person steers by, for the home page: what it is (a message code), its value as the page writes it,
 * what it is compared with (a message code with its arguments, or null) and where to read more.
 */
public record Figure(String label, String value, String comparison, String href) {
}
