package org.soteria.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Every path this instance answers and who may use it, gathered from the features' {@link FeatureRoutes}
 * and matched most specific first (a path under /cases/{id}/plan is decided by the plan's rule, not the
 * case page's); whatever no rule names is refused (deny by default). Paths under /api are reached with a
 * personal access token or a force's signed file only. SecurityConfig applies these rules,
 * PermissionsDocTest writes them into docs/security/permissions.md, and WebSecurityIT fails when a handler
 * has none.
 */
@Component
public final class EndpointRules {

    /** Who may use a path: anyone, any signed-in user, or the holders of a permission. */
    public enum Access {
        PUBLIC, SIGNED_IN, PERMISSION, TOKEN,
        /** The learning network's hub API: the request carries a file signed by a registered force (or asks to register). */
        SIGNED_FILE
    }

    /** One path rule; API rules ({@link Access#TOKEN}) need a personal access token with {@code scope} too. */
    public record Rule(String pattern, Access access, Permission permission, ApiScope scope, String purpose) {

        public static Rule open(String pattern, String purpose) {
            return new Rule(pattern, Access.PUBLIC, null, null, purpose);
        }

        public static Rule signedIn(String pattern, String purpose) {
            return new Rule(pattern, Access.SIGNED_IN, null, null, purpose);
        }

        public static Rule needs(String pattern, Permission permission, String purpose) {
            return new Rule(pattern, Access.PERMISSION, permission, null, purpose);
        }

        public static Rule api(String pattern, Permission permission, ApiScope scope, String purpose) {
            return new Rule(pattern, Access.TOKEN, permission, scope, purpose);
        }

        public static Rule signedFile(String pattern, String purpose) {
            return new Rule(pattern, Access.SIGNED_FILE, null, null, purpose);
        }

        public boolean isApi() {
            return access == Access.TOKEN || access == Access.SIGNED_FILE;
        }
    }

    private static final PathPatternParser PARSER = PathPatternParser.defaultInstance;

    /** Most specific first, as PathPattern orders them; rules of equal specificity keep their features' order. */
    private static final Comparator<Rule> MOST_SPECIFIC_FIRST = (a, b) ->
            PathPattern.SPECIFICITY_COMPARATOR.compare(PARSER.parse(a.pattern()), PARSER.parse(b.pattern()));

    private final List<Rule> rules;
    private final List<PathPattern> patterns;
    private final List<NavItem> navigation;

    public EndpointRules(List<FeatureRoutes> features) {
        this.rules = ordered(features);
        this.patterns = rules.stream().map(r -> PARSER.parse(r.pattern())).toList();
        List<NavItem> nav = new ArrayList<>();
        features.forEach(f -> nav.addAll(f.navigation()));
        nav.sort(Comparator.comparingInt(NavItem::position));
        this.navigation = List.copyOf(nav);
    }

    /** The rules in the order they are matched. */
    public List<Rule> rules() {
        return rules;
    }

    /** The service navigation's entries, left to right, before each user's permissions are applied. */
    public List<NavItem> navigation() {
        return navigation;
    }

    /** Whether any feature of this instance names the path (one that none names is not found here). */
    public boolean routed(String path) {
        PathContainer container = PathContainer.parsePath(path);
        return patterns.stream().anyMatch(p -> p.matches(container));
    }

    /**
     * The features' rules in the order they are matched, most specific first. Two features naming the same
     * pattern, or one pattern that PathPattern cannot parse, stop the application from starting.
     */
    public static List<Rule> ordered(Collection<? extends FeatureRoutes> features) {
        List<Rule> all = new ArrayList<>();
        Map<String, String> owners = new HashMap<>();
        for (FeatureRoutes feature : features) {
            for (Rule rule : feature.rules()) {
                String owner = owners.putIfAbsent(rule.pattern(), feature.getClass().getSimpleName());
                if (owner != null) {
                    throw new IllegalStateException("the path " + rule.pattern() + " is named twice, by " + owner
                            + " and " + feature.getClass().getSimpleName());
                }
                PARSER.parse(rule.pattern());
                all.add(rule);
            }
        }
        all.sort(MOST_SPECIFIC_FIRST);
        return List.copyOf(all);
    }
}
