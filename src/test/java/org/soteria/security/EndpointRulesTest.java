package org.soteria.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPatternParser;

/** The features' routes, gathered: matched most specific first, none shadowed, no navigation entry leading to a refusal. */
class EndpointRulesTest {

    private static final PathPatternParser PARSER = PathPatternParser.defaultInstance;

    /** A path the pattern matches: each wildcard segment filled in. */
    static String sample(String pattern) {
        return pattern.replace("/**", "/x/y").replace("*", "x");
    }

    static EndpointRules.Rule decides(List<EndpointRules.Rule> rules, String path) {
        PathContainer p = PathContainer.parsePath(path);
        return rules.stream().filter(r -> PARSER.parse(r.pattern()).matches(p)).findFirst().orElse(null);
    }

    @Test
    void everyRuleDecidesThePathsItNamesNoneIsShadowedByAMoreGeneralOne() {
        List<EndpointRules.Rule> rules = AllRoutes.rules();
        assertThat(rules).hasSizeGreaterThan(100);
        for (EndpointRules.Rule rule : rules) {
            assertThat(decides(rules, sample(rule.pattern()))).as(rule.pattern()).isEqualTo(rule);
        }
        assertThat(decides(rules, "/cases/7/plan").pattern()).isEqualTo("/cases/*/plan");
        assertThat(decides(rules, "/cases/7").pattern()).isEqualTo("/cases/*");
        assertThat(decides(rules, "/cases/7/access/grants/3/withdraw").permission()).isEqualTo(Permission.GRANT_ACCESS);
        assertThat(decides(rules, "/cases/7/requests/3/decision").permission())
                .isEqualTo(Permission.REVIEW_INVESTIGATIONS);
        assertThat(decides(rules, "/nowhere")).as("deny by default").isNull();
    }

    @Test
    void noNavigationEntryLeadsAnyoneItIsShownToToARefusal() {
        List<FeatureRoutes> features = AllRoutes.every();
        List<EndpointRules.Rule> rules = EndpointRules.ordered(features);
        int checked = 0;
        for (FeatureRoutes f : features) {
            for (NavItem item : f.navigation()) {
                for (NavItem.Target t : item.targets()) {
                    EndpointRules.Rule rule = decides(rules, t.href());
                    assertThat(rule).as(item.key() + " → " + t.href() + " has a rule").isNotNull();
                    for (Role role : Role.values()) {
                        boolean shown = t.permission() == null || t.permission().grantedTo(role);
                        boolean allowed = switch (rule.access()) {
                            case PUBLIC, SIGNED_IN -> true;
                            case PERMISSION -> rule.permission().grantedTo(role);
                            case TOKEN, SIGNED_FILE -> false;
                        };
                        assertThat(!shown || allowed).as(role.code() + " is shown " + item.key() + " → " + t.href()
                                + " and refused there").isTrue();
                        checked++;
                    }
                }
            }
        }
        assertThat(checked).isPositive();
    }

    @Test
    void twoFeaturesCannotNameTheSamePath() {
        FeatureRoutes a = () -> List.of(EndpointRules.Rule.signedIn("/same", "one"));
        FeatureRoutes b = () -> List.of(EndpointRules.Rule.open("/same", "two"));
        assertThatThrownBy(() -> EndpointRules.ordered(List.of(a, b))).hasMessageContaining("/same is named twice");
    }

    @Test
    void theNavigationIsInItsStatedOrderAndEachEntryGoesToTheFirstTargetTheUserHolds() {
        EndpointRules endpoints = new EndpointRules(new ArrayList<>(AllRoutes.every()));
        List<Integer> positions = endpoints.navigation().stream().map(NavItem::position).toList();
        assertThat(positions).isSorted();
        NavItem casework = endpoints.navigation().stream().filter(n -> n.key().equals("casework")).findFirst().orElseThrow();
        assertThat(casework.targets()).extracting(NavItem.Target::href).containsExactly("/casework", "/casework/forensics");
        assertThat(endpoints.routed("/cases/12/plan")).isTrue();
        assertThat(endpoints.routed("/nowhere")).isFalse();
    }
}
