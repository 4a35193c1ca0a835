package org.soteria.web.form;

import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * How every form binds: fields by their plain names only. No form has nested or indexed fields, so a request
 * naming one ({@code from.day}, {@code size[9]}) is ignored like an unknown field instead of making the binder
 * build objects along the path, which failed with a server error on a date or a record.
 */
@ControllerAdvice
public class BindingAdvice {

    @InitBinder
    void plainFieldsOnly(WebDataBinder binder) {
        binder.setAutoGrowNestedPaths(false);
        binder.setIgnoreInvalidFields(true);
    }
}
