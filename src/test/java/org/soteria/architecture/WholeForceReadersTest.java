package org.soteria.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.soteria.platform.DataScope;
import org.soteria.platform.WholeForce;

/**
 * Every reader that sees the whole force past row-level security is named in ADR 17 with its reason: a class
 * or method marked {@link WholeForce}, or code that calls {@link DataScope#wholeForce} itself.
 */
class WholeForceReadersTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.soteria");

    @Test
    void everyWholeForceReaderIsNamedInTheAdr() throws IOException {
        String adr = Files.readString(Path.of("docs/adr/0017-need-to-know-by-row-level-security.md"));
        Set<String> readers = new TreeSet<>();
        for (JavaClass c : CLASSES) {
            if (!c.getPackageName().startsWith("org.soteria.")) {
                continue;
            }
            String name = c.getPackageName().substring("org.soteria.".length()) + "." + c.getSimpleName();
            if (c.isAnnotatedWith(WholeForce.class)) {
                readers.add(name);
            }
            for (JavaMethod m : c.getMethods()) {
                if (m.isAnnotatedWith(WholeForce.class)) {
                    readers.add(name);
                }
            }
            for (JavaMethodCall call : c.getMethodCallsFromSelf()) {
                if (call.getTargetOwner().isEquivalentTo(DataScope.class) && call.getName().equals("wholeForce")
                        && !c.isEquivalentTo(DataScope.class) && !c.getSimpleName().startsWith("WholeForceAdvice")) {
                    readers.add(name.replaceAll("\\$.*", ""));
                }
            }
        }
        assertThat(readers).as("whole-force readers").isNotEmpty();
        for (String reader : readers) {
            assertThat(adr).as("ADR 17 names " + reader).contains("`" + reader);
        }
    }
}
