package org.soteria.partner;

import java.util.List;
import java.util.Locale;
import org.soteria.audit.AuditAction;
import org.soteria.audit.AuditEntry;
import org.soteria.audit.AuditService;
import org.soteria.platform.Invalid;
import org.soteria.security.SoteriaUser;
import org.soteria.reference.Coded;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/** The force's partner organisations: registered and retired by an administrator, audited. */
@Service
public class PartnerOrgService {

    private final SharingRepository repository;
    private final AuditService audit;

    PartnerOrgService(SharingRepository repository, AuditService audit) {
        this.repository = repository;
        this.audit = audit;
    }

    /** An organisation with the names of its partner users. */
    public record OrgView(SharingRepository.Org org, List<String[]> users) {
    }

    /** The force's organisations with their users; the look is logged, naming the accounts shown. */
    @Transactional
    public List<OrgView> orgs(SoteriaUser user) {
        List<SharingRepository.Org> orgs = repository.orgs(user.forceCode());
        java.util.Map<String, List<String[]>> users = repository.users(orgs.stream().map(SharingRepository.Org::code)
                .toList());
        List<OrgView> out = orgs.stream().map(o -> new OrgView(o, users.getOrDefault(o.code(), List.of()))).toList();
        audit.record(AuditEntry.of(user.getUsername(), user.role().code(), AuditAction.SEARCH, "partner-org", null)
                .records(out.stream().flatMap(v -> v.users().stream().map(u -> "account:" + u[0])).toList())
                .detail("partner organisations and their users"));
        return out;
    }

    /** Registers an organisation of the administrator's force, or refuses with each field at fault. */
    @Transactional
    public void add(SoteriaUser user, String code, String kind, String name) {
        java.util.Map<String, String> errors = new java.util.LinkedHashMap<>();
        String c = code == null ? null : code.trim().toUpperCase(Locale.ROOT);
        if (c == null || c.isEmpty()) {
            errors.put("code", "{partnerError.enterACode}");
        } else if (!c.matches("[A-Z0-9][A-Z0-9-]{1,39}")) {
            errors.put("code", "{partnerError.codeForm}");
        } else if (repository.org(c).isPresent()) {
            errors.put("code", "{partnerError.codeTaken}");
        }
        PartnerKind k = kind == null ? null : Coded.parse(PartnerKind.class, kind).orElse(null);
        if (k == null) {
            errors.put("kind", "{partnerError.chooseAKind}");
        }
        String n = name == null ? "" : name.trim();
        if (n.length() < 2) {
            errors.put("name", "{partnerError.enterAName}");
        }
        if (!errors.isEmpty()) {
            throw new Invalid(errors);
        }
        repository.addOrg(c, user.forceCode(), k, n);
        audit.record(AuditEntry.of(user.getUsername(), user.role().code(), AuditAction.CHANGE, "partner-org", c)
                .detail("partner organisation registered: " + k.code() + ", " + n));
    }

    /** Retires an organisation: its lasting shares end and nothing more can be shared with it. */
    @Transactional
    /** An active organisation of the user's force about to be retired: what retiring it ends. */
    public record Retiring(SharingRepository.Org org, long lastingShares, List<String[]> users) {
    }

    /** The organisation to confirm retiring, when it is an active one of the user's force; the look is logged. */
    public java.util.Optional<Retiring> retiring(SoteriaUser user, String code) {
        return repository.org(code).filter(o -> o.active() && o.forceCode().equals(user.forceCode())).map(o -> {
            List<String[]> users = repository.users(o.code());
            audit.record(AuditEntry.of(user.getUsername(), user.role().code(), AuditAction.VIEW, "partner-org", code)
                    .records(users.stream().map(u -> "account:" + u[0]).toList())
                    .detail("confirming the retirement of a partner organisation"));
            return new Retiring(o, repository.countLasting(o.code()), users);
        });
    }

    public void retire(SoteriaUser user, String code) {
        if (!repository.retireOrg(code, user.forceCode(), user.getUsername())) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        audit.record(AuditEntry.of(user.getUsername(), user.role().code(), AuditAction.CHANGE, "partner-org", code)
                .detail("partner organisation retired; its sharing ended"));
    }
}
