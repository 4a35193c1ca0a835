package org.soteria.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.yaml.snakeyaml.Yaml;

/**
 * docs/api/openapi.yaml describes /api/v1 as the code answers it: every operation, with its parameters,
 * and nothing that does not exist; the token scheme is declared.
 */
class OpenApiSpecTest {

    /** "GET /api/v1/cases/{id}" to the names of its query and path parameters. */
    private static Map<String, TreeSet<String>> fromCode() throws ClassNotFoundException {
        Map<String, TreeSet<String>> ops = new TreeMap<>();
        for (JavaClass c : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.soteria")) {
            if (!c.getSimpleName().endsWith("Api")) {
                continue;
            }
            for (Method m : Class.forName(c.getName()).getDeclaredMethods()) {
                List<String> paths = new ArrayList<>();
                String verb = null;
                if (m.isAnnotationPresent(GetMapping.class)) {
                    GetMapping g = m.getAnnotation(GetMapping.class);
                    paths.addAll(List.of(g.value()));
                    paths.addAll(List.of(g.path()));
                    verb = "GET";
                } else if (m.isAnnotationPresent(PostMapping.class)) {
                    PostMapping p = m.getAnnotation(PostMapping.class);
                    paths.addAll(List.of(p.value()));
                    paths.addAll(List.of(p.path()));
                    verb = "POST";
                }
                for (String path : paths) {
                    if (!path.startsWith("/api/v1")) {
                        continue;
                    }
                    TreeSet<String> params = new TreeSet<>();
                    for (Parameter p : m.getParameters()) {
                        RequestParam rp = p.getAnnotation(RequestParam.class);
                        PathVariable pv = p.getAnnotation(PathVariable.class);
                        if (rp != null) {
                            params.add(rp.name().isEmpty() ? rp.value() : rp.name());
                        } else if (pv != null) {
                            params.add(pv.name().isEmpty() ? pv.value() : pv.name());
                        } else if (p.getType().isRecord() && p.getAnnotations().length == 0) {
                            // a query bound to a record: each of its components is a parameter
                            for (java.lang.reflect.RecordComponent rc : p.getType().getRecordComponents()) {
                                params.add(rc.getName());
                            }
                        }
                    }
                    ops.put(verb + " " + path, params);
                }
            }
        }
        return ops;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> spec() throws IOException {
        try (InputStream in = Files.newInputStream(Path.of("docs/api/openapi.yaml"))) {
            return new Yaml().load(in);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void theDescriptionMatchesTheHandlersExactly() throws Exception {
        Map<String, TreeSet<String>> described = new TreeMap<>();
        Map<String, Object> paths = (Map<String, Object>) spec().get("paths");
        paths.forEach((path, item) -> ((Map<String, Object>) item).forEach((verb, op) -> {
            TreeSet<String> params = new TreeSet<>();
            Object list = ((Map<String, Object>) op).get("parameters");
            if (list != null) {
                ((List<Map<String, Object>>) list).forEach(p -> params.add((String) p.get("name")));
            }
            described.put(verb.toUpperCase(java.util.Locale.ROOT) + " " + path, params);
        }));
        Map<String, TreeSet<String>> code = fromCode();
        assertThat(code).as("handlers found").hasSizeGreaterThanOrEqualTo(6);
        assertThat(described).isEqualTo(code);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theTokenSchemeIsDeclaredAndTheDefault() throws IOException {
        Map<String, Object> spec = spec();
        Map<String, Object> schemes = (Map<String, Object>) ((Map<String, Object>) spec.get("components"))
                .get("securitySchemes");
        assertThat((Map<String, Object>) schemes.get("personalAccessToken"))
                .containsEntry("type", "http").containsEntry("scheme", "bearer");
        assertThat(spec.get("security").toString()).contains("personalAccessToken");
    }
}
