package org.soteria.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An entry in the service navigation: its key (which pages mark it current), its label (a message key of
 * messages.properties, so that it is shown in the page's language), its place from
 * left to right, and where it leads, by permission: the first target whose permission the user holds
 * (a target with no permission is for any signed-in user). A user with none of them does not see it.
 */
public record NavItem(String key, String label, int position, List<Target> targets) {

    /** Where the entry leads for the holders of {@code permission} (null: any signed-in user). */
    public record Target(Permission permission, String href) {
    }

    public NavItem {
        Objects.requireNonNull(key);
        Objects.requireNonNull(label);
        targets = List.copyOf(targets);
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("navigation entry " + key + " leads nowhere");
        }
    }

    /** An entry for the holders of {@code permission}, leading to {@code href}. */
    public static NavItem of(String key, String label, int position, Permission permission, String href) {
        return new NavItem(key, label, position, List.of(new Target(permission, href)));
    }

    /** The same entry, leading to {@code href} for those without the earlier targets' permissions. */
    public NavItem orElse(Permission permission, String href) {
        List<Target> more = new ArrayList<>(targets);
        more.add(new Target(permission, href));
        return new NavItem(key, label, position, more);
    }

    /** Where the entry leads this user, or null when it is not theirs. */
    public String hrefFor(SoteriaUser user) {
        for (Target t : targets) {
            if (t.permission() == null || user.can(t.permission())) {
                return t.href();
            }
        }
        return null;
    }
}
