package org.soteria.security;

import java.util.Optional;
import org.soteria.reference.Choice;
import org.soteria.reference.Coded;

/** What a personal access token may be used for. A token never allows more than its owner's role. */
public enum ApiScope implements Choice {
    CASES_READ("cases:read", "Read cases (the case list and case records you have a need to know about)",
            Permission.VIEW_CASES),
    MEASURES_READ("measures:read", "Read performance measures (your force's, as the dashboards show them)",
            Permission.VIEW_MEASURES);

    private final String code;
    private final String label;
    private final Permission permission;

    ApiScope(String code, String label, Permission permission) {
        this.code = code;
        this.label = label;
        this.permission = permission;
    }

    /** The message code of what the scope lets a token do, in words that follow "Your role cannot". */
    public String actionKey() {
        return "apiScope.action." + code;
    }

    /** The permission a user needs to hold a token with this scope. */
    public Permission permission() {
        return permission;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public String label() {
        return label;
    }

    /** The authority a token with this scope carries. */
    public String authority() {
        return "SCOPE_" + code;
    }

    public static Optional<ApiScope> fromCode(String code) {
        return Coded.parse(ApiScope.class, code);
    }
}
