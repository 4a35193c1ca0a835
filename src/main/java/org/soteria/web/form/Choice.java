package org.soteria.web.form;

/** One option of a form's radios or select: the code it sends and the label it shows. */
public record Choice(String code, String label) {
}
