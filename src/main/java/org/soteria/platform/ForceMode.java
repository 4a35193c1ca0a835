package org.soteria.platform;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;

/** A bean that exists only in a force's Soteria, not in the learning network's hub ({@code soteria.mode}, ADR 16). */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@ConditionalOnProperty(name = "soteria.mode", havingValue = "force", matchIfMissing = true)
public @interface ForceMode {
}
