package org.soteria.web;

import java.util.HashMap;
import java.util.Map;
import org.soteria.security.UserService;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * People's names for pages, where records keep the account that acted ("Requested by DC Sam Patel", not
 * "Requested by investigator"): {@code ${@people.name(r.requestedBy())}}. An account that no longer exists, or a
 * name the records keep that is not an account (the command line's {@code cli:alice}), is shown as kept. Each
 * name is looked up once per page.
 */
@Component("people")
public class People {

    private static final String CACHE = People.class.getName();

    private final UserService users;

    public People(UserService users) {
        this.users = users;
    }

    public String name(String username) {
        if (username == null || username.isBlank()) {
            return "";
        }
        Map<String, String> seen = cache();
        return seen.computeIfAbsent(username, u -> users.displayName(u).orElse(u));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> cache() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request == null) {
            return new HashMap<>();
        }
        Object cache = request.getAttribute(CACHE, RequestAttributes.SCOPE_REQUEST);
        if (cache == null) {
            cache = new HashMap<String, String>();
            request.setAttribute(CACHE, cache, RequestAttributes.SCOPE_REQUEST);
        }
        return (Map<String, String>) cache;
    }
}
