package org.soteria.workforce;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.soteria.audit.AuditAction;
import org.soteria.audit.AuditEntry;
import org.soteria.audit.AuditService;
import org.soteria.disclosure.DisclosurePolicy;
import org.soteria.disclosure.PublishedAnswers;
import org.soteria.platform.DatabaseConfig;
import org.soteria.security.SoteriaUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Private, voluntary wellbeing records: check-ins on a five-item scale, reflective supervision and
 * referrals. A person's own records are shown to them and to the people they chose to share with, and
 * to nobody else. Managers get team averages of an ended month's check-ins only when at least k different people
 * checked in (ADR 24); with fewer, nothing about the group is shown.
 */
@Service
public class WellbeingService {

    /** Days without a check-in after which a gentle reminder is shown. */
    public static final int REMIND_AFTER_DAYS = 14;

    /** The scale: five statements about the last two weeks, each from 1 (not at all) to 5 (all of the time). */
    public record Item(String column, String statement) {
    }

    public static final List<Item> SCALE = List.of(
            new Item("coping", "I have been able to cope with my workload"),
            new Item("supported", "I have felt supported by my supervisor and team"),
            new Item("switch_off", "I have been able to switch off from work"),
            new Item("sleep", "I have been sleeping well"),
            new Item("purpose", "I have felt my work makes a difference"));

    private final JdbcClient jdbc;
    private final AuditService audit;
    private final Clock clock;
    private final WorkforceService workforce;
    private final PublishedAnswers published;
    private final WellbeingCellsRepository cells;
    private final DisclosurePolicy policy;

    WellbeingService(JdbcClient jdbc, AuditService audit, Clock clock, WorkforceService workforce,
            PublishedAnswers published, WellbeingCellsRepository cells, DisclosurePolicy policy) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
        this.workforce = workforce;
        this.published = published;
        this.cells = cells;
        this.policy = policy;
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(DatabaseConfig.LONDON));
    }

    /** One check-in: the date and the five scores in {@link #SCALE} order. */
    public record CheckIn(LocalDate on, int[] scores) {
    }

    /** What the person's own wellbeing page shows. */
    public record Own(List<CheckIn> checkIns, List<String> sharedWith, List<LocalDate[]> supervision,
            List<String> supervisors, List<Object[]> referrals, boolean remind) {
    }

    public Own own(SoteriaUser user) {
        List<CheckIn> checkIns = checkIns(user.getUsername());
        List<String> shared = jdbc.sql("select viewer from wellbeing_share where owner = ? order by viewer")
                .param(user.getUsername()).query(String.class).list();
        List<LocalDate[]> supervision = new ArrayList<>();
        List<String> supervisors = new ArrayList<>();
        jdbc.sql("select held_on, supervisor from reflective_supervision where username = ? order by held_on desc")
                .param(user.getUsername()).query(rs -> {
                    supervision.add(new LocalDate[] {rs.getObject(1, LocalDate.class)});
                    supervisors.add(rs.getString(2));
                });
        List<Object[]> referrals = jdbc.sql("select referred_on, service from wellbeing_referral where username = ? "
                        + "order by referred_on desc").param(user.getUsername())
                .query((rs, n) -> new Object[] {rs.getObject(1, LocalDate.class), rs.getString(2)}).list();
        boolean remind = checkIns.isEmpty()
                || checkIns.get(0).on().isBefore(today().minusDays(REMIND_AFTER_DAYS));
        return new Own(checkIns, shared, supervision, supervisors, referrals, remind);
    }

    private List<CheckIn> checkIns(String username) {
        return jdbc.sql("select checked_on, coping, supported, switch_off, sleep, purpose from wellbeing_checkin "
                        + "where username = ? order by checked_on desc, id desc limit 52")
                .param(username)
                .query((rs, n) -> new CheckIn(rs.getObject(1, LocalDate.class), new int[] {rs.getInt(2), rs.getInt(3),
                        rs.getInt(4), rs.getInt(5), rs.getInt(6)}))
                .list();
    }

    @Transactional
    public void checkIn(SoteriaUser user, int[] scores) {
        jdbc.sql("insert into wellbeing_checkin (username, checked_on, coping, supported, switch_off, sleep, purpose) "
                        + "values (?, ?, ?, ?, ?, ?, ?)")
                .params(user.getUsername(), today(), scores[0], scores[1], scores[2], scores[3], scores[4]).update();
    }

    @Transactional
    public void recordSupervision(SoteriaUser user, LocalDate heldOn, String supervisor) {
        jdbc.sql("insert into reflective_supervision (username, held_on, supervisor) values (?, ?, ?)")
                .params(user.getUsername(), heldOn, supervisor).update();
    }

    @Transactional
    public void recordReferral(SoteriaUser user, LocalDate on, String service) {
        jdbc.sql("insert into wellbeing_referral (username, referred_on, service) values (?, ?, ?)")
                .params(user.getUsername(), on, service).update();
    }

    /** Shares the person's own check-ins with another account of their force; false when there is none such. */
    @Transactional
    public boolean share(SoteriaUser user, String viewer) {
        boolean exists = jdbc.sql("select count(*) from app_user where username = ? and force_code = ? and username <> ?")
                .params(viewer, user.forceCode(), user.getUsername()).query(Long.class).single() > 0;
        if (!exists) {
            return false;
        }
        jdbc.sql("insert into wellbeing_share (owner, viewer) values (?, ?) on conflict do nothing")
                .params(user.getUsername(), viewer).update();
        audit.record(AuditEntry.of(user.getUsername(), user.role().code(), AuditAction.GRANT, "wellbeing",
                user.getUsername()).detail("shared own wellbeing check-ins with " + viewer));
        return true;
    }

    @Transactional
    public void unshare(SoteriaUser user, String viewer) {
        jdbc.sql("delete from wellbeing_share where owner = ? and viewer = ?").params(user.getUsername(), viewer)
                .update();
        audit.record(AuditEntry.of(user.getUsername(), user.role().code(), AuditAction.REVOKE, "wellbeing",
                user.getUsername()).detail("stopped sharing own wellbeing check-ins with " + viewer));
    }

    /** Check-ins other people chose to share with this user, by owner. */
    public Map<String, List<CheckIn>> sharedWithMe(SoteriaUser user) {
        Map<String, List<CheckIn>> out = new LinkedHashMap<>();
        for (String owner : jdbc.sql("select owner from wellbeing_share where viewer = ? order by owner")
                .param(user.getUsername()).query(String.class).list()) {
            out.put(owner, checkIns(owner));
            audit.record(AuditEntry.of(user.getUsername(), user.role().code(), AuditAction.VIEW, "wellbeing", owner)
                    .justification("shared by " + owner).detail("wellbeing check-ins shared with the viewer"));
        }
        return out;
    }

    /**
     * A team's month as published (ADR 24): how many people checked in and the mean of each item, or nothing (null
     * means and a null count) when fewer than k did. {@code published} is false for a month that has not ended:
     * nothing of it is shown, so that nobody learns one person's answers by looking before and after they check in.
     */
    public record TeamMonth(String teamCode, String teamName, Integer people, Double[] means) {

        public boolean shown() {
            return people != null;
        }
    }

    /** Whether a month's averages can be shown: only once it has ended. */
    public boolean published(YearMonth month) {
        return month.isBefore(published.currentMonth());
    }

    /**
     * The managed teams' averages for an ended month, from the month's fixed cells: later check-ins, and people
     * joining or leaving a team, never change them. Groups of fewer than k people show nothing; a month not yet
     * ended shows nothing for any team.
     */
    public List<TeamMonth> teamMonth(SoteriaUser user, YearMonth month) {
        List<TeamMonth> out = new ArrayList<>();
        Map<String, String> names = new LinkedHashMap<>();
        jdbc.sql("select team_code, coalesce(name, team_code) from team where force_code = ?").param(user.forceCode())
                .query(rs -> {
                    names.put(rs.getString(1), rs.getString(2));
                });
        for (String team : workforce.managedTeams(user)) {
            String unit = org.soteria.disclosure.Cell.team(team);
            PublishedAnswers.Figure f = published(month) ? published.figure(cells, List.of(user.forceCode()), month,
                    month, c -> c.unit().equals(unit)) : null;
            if (f == null || !f.shown()) {
                out.add(new TeamMonth(team, names.getOrDefault(team, team), null, null));
            } else {
                out.add(new TeamMonth(team, names.getOrDefault(team, team), f.people(), f.means()));
            }
        }
        audit.record(AuditEntry.of(user.getUsername(), user.role().code(), AuditAction.VIEW, "wellbeing",
                user.forceCode() + ":" + month).detail("team wellbeing averages of " + month + " (published cells only)"));
        return out;
    }

    /** The fewest people whose check-ins are shown together. */
    public int minimumGroup() {
        return policy.minimum();
    }
}
