package org.soteria.security;

import java.util.Map;
import org.soteria.audit.AuditAction;
import org.soteria.audit.AuditEntry;
import org.soteria.audit.AuditService;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Service;

/** A user's sessions in the shared session store: how many there are, and ending them all. */
@Service
@ConditionalOnWebApplication
public class SessionService {

    private final FindByIndexNameSessionRepository<? extends Session> sessions;
    private final ApiTokenService tokens;
    private final AuditService audit;

    public SessionService(FindByIndexNameSessionRepository<? extends Session> sessions, ApiTokenService tokens,
            AuditService audit) {
        this.sessions = sessions;
        this.tokens = tokens;
        this.audit = audit;
    }

    public int count(String username) {
        return sessions.findByPrincipalName(username).size();
    }

    /** Ends every session of the user, on every device and every application instance, and revokes their tokens. */
    public int endAll(SoteriaUser user) {
        Map<String, ? extends Session> all = sessions.findByPrincipalName(user.getUsername());
        all.keySet().forEach(sessions::deleteById);
        int revoked = tokens.revokeAll(user.getUsername());
        audit.record(AuditEntry.of(user.getUsername(), user.role().code(), AuditAction.SIGN_OUT_EVERYWHERE, "account",
                user.getUsername()).detail(all.size() + " sessions ended, " + revoked + " API tokens revoked"));
        return all.size();
    }
}
