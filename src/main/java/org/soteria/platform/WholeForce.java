package org.soteria.platform;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a bean (every public method) or one method as a named whole-force reader of ADR 17: it runs
 * under the database role that row-level security lets see every crime and person, because what it
 * produces leaves only as aggregates, pseudonyms, crime references without personal data, or through
 * pages that apply need-to-know themselves. ADR 17 lists each one; WholeForceReadersTest keeps the list true.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface WholeForce {

    /** Why this reader needs the whole force, and how what it reads leaves. */
    String value();
}
