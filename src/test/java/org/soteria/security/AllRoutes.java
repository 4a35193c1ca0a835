package org.soteria.security;

import java.lang.reflect.Constructor;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.type.filter.AssignableTypeFilter;

/** Every feature's routes, of both kinds of instance, found on the class path without starting the application. */
public final class AllRoutes {

    private AllRoutes() {
    }

    public static List<FeatureRoutes> every() {
        java.util.Set<String> names = new java.util.TreeSet<>();
        for (String mode : List.of("force", "hub")) {
            StandardEnvironment env = new StandardEnvironment();
            env.getPropertySources().addFirst(new MapPropertySource("mode", java.util.Map.of("soteria.mode", mode)));
            ClassPathScanningCandidateComponentProvider scan = new ClassPathScanningCandidateComponentProvider(false, env);
            scan.addIncludeFilter(new AssignableTypeFilter(FeatureRoutes.class));
            scan.findCandidateComponents("org.soteria").forEach(b -> names.add(b.getBeanClassName()));
        }
        List<FeatureRoutes> found = new ArrayList<>();
        for (String name : names) {
            try {
                Constructor<?> make = Class.forName(name).getDeclaredConstructor();
                make.setAccessible(true);
                found.add((FeatureRoutes) make.newInstance());
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(name + " must have a constructor with no arguments", e);
            }
        }
        found.sort(Comparator.comparing(f -> f.getClass().getName()));
        return found;
    }

    /** Every rule of both kinds of instance, in the order they are matched. */
    public static List<EndpointRules.Rule> rules() {
        return EndpointRules.ordered(every());
    }
}
