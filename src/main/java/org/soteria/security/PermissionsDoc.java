package org.soteria.security;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Writes docs/security/permissions.md from the code: which role holds which permission, and which
 * path needs which permission. PermissionsDocTest fails when the committed file differs.
 */
public final class PermissionsDoc {

    private PermissionsDoc() {
    }

    public static String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("# Roles, permissions and endpoints\n\n")
                .append("<!-- Generated from Permission, Role and EndpointRules by PermissionsDocTest; do not edit. "
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
        md.append("\n## Endpoints\n\nMatched top to bottom; anything not listed is refused.\n\n")
                .append("| Path | Who | Roles | Purpose |\n|---|---|---|---|\n");
        for (EndpointRules.Rule rule : EndpointRules.RULES) {
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
            md.append("| `").append(rule.pattern()).append("` | ").append(who).append(" | ").append(roles)
                    .append(" | ").append(rule.purpose()).append(" |\n");
        }
        md.append("| anything else | nobody | | Refused (deny by default) |\n");
        return md.toString();
    }
}
