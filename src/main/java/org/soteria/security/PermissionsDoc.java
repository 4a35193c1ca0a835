package org.soteria.security;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes docs/security/permissions.md from the code: which role holds which permission, and which
 * path needs which permission. PermissionsDocTest fails when the committed file differs.
 */
public final class PermissionsDoc {

    private PermissionsDoc() {
    }

    /** The page, from every feature's routes (of both kinds of instance). */
    public static String markdown(java.util.Collection<? extends FeatureRoutes> features) {
        StringBuilder md = new StringBuilder();
        md.append("# Roles, permissions and endpoints\n\n")
                .append("<!-- Generated from Permission, Role and the features' routes by PermissionsDocTest; do not edit. "
                        + "Regenerate with: ./mvnw test -Dtest=PermissionsDocTest -Dsoteria.write-docs=true -->\n\n")
                .append("A permission says what a role may ask for. Case data is further limited by need-to-know "
                        + "(docs/user-guide/access.md): a permission to view cases shows only the crimes the user "
                        + "has a need to know about.\n\n")
                .append("## Roles\n\n| Role | Code |\n|---|---|\n");
        for (Role r : Role.values()) {
            md.append("| ").append(r.label()).append(" | `").append(r.code()).append("` |\n");
        }
        md.append("\n## Permissions by role\n\n| Permission | What it allows |");
        for (Role r : Role.values()) {
            md.append(' ').append(r.label()).append(" |");
        }
        md.append("\n|---|---|").append("---|".repeat(Role.values().length)).append('\n');
        for (Permission p : Permission.values()) {
            md.append("| `").append(p.name()).append("` | ").append(p.description()).append(" |");
            for (Role r : Role.values()) {
                md.append(p.grantedTo(r) ? " yes |" : " |");
            }
            md.append('\n');
        }
        md.append("\n## Endpoints\n\nListed by path. A request is decided by the most specific path that matches it (`/cases/*/plan` before `/cases/*`, `/cases/*` before `/cases/**`); anything not listed is refused. "
                        + "Each feature declares its own paths (its `*Routes` class); \"Instance\" says whether the path "
                        + "exists in a force's Soteria, in the learning network's hub (`serve --mode hub`), or in both.\n\n")
                .append("| Path | Instance | Who | Roles | Purpose |\n|---|---|---|---|---|\n");
        java.util.Map<String, String> instance = new java.util.HashMap<>();
        for (FeatureRoutes f : features) {
            String where = f.getClass().isAnnotationPresent(org.soteria.platform.HubMode.class) ? "hub"
                    : f.getClass().isAnnotationPresent(org.soteria.platform.ForceMode.class) ? "force" : "both";
            f.rules().forEach(r -> instance.put(r.pattern(), where));
        }
        List<EndpointRules.Rule> byPath = new java.util.ArrayList<>(EndpointRules.ordered(features));
        byPath.sort(java.util.Comparator.comparing(EndpointRules.Rule::pattern));
        for (EndpointRules.Rule rule : byPath) {
            String who = switch (rule.access()) {
                case PUBLIC -> "anyone";
                case SIGNED_IN -> "any signed-in user";
                case PERMISSION -> "`" + rule.permission().name() + "`";
                case TOKEN -> "`" + rule.permission().name() + "` and a token with scope `" + rule.scope().code() + "`";
                case SIGNED_FILE -> "a force's signed file (hub mode only)";
            };
            String roles = rule.permission() != null
                    ? Arrays.stream(Role.values()).filter(rule.permission()::grantedTo).map(Role::code)
                            .collect(Collectors.joining(", "))
                    : "";
            md.append("| `").append(rule.pattern()).append("` | ").append(instance.get(rule.pattern())).append(" | ")
                    .append(who).append(" | ").append(roles)
                    .append(" | ").append(rule.purpose()).append(" |\n");
        }
        md.append("| anything else | | nobody | | Refused (deny by default) |\n");
        return md.toString();
    }
}
