package org.soteria.home;

import java.util.List;
import org.soteria.security.Permission;
import org.soteria.security.SoteriaUser;

/** A source of one kind of work, counted, for those whose role holds {@code permission}; nothing for others. */
public abstract class CountedWork implements WorkSource {

    private final Permission permission;
    private final Work.Urgency urgency;
    private final String code;
    private final String href;

    protected CountedWork(Permission permission, Work.Urgency urgency, String code, String href) {
        this.permission = permission;
        this.urgency = urgency;
        this.code = code;
        this.href = href;
    }

    /** How much of the work there is for {@code user}, who holds the permission. */
    protected abstract long count(SoteriaUser user);

    @Override
    public final List<Work> work(SoteriaUser user) {
        return user.can(permission) ? List.of(Work.of(urgency, code, count(user), href)) : List.of();
    }
}
