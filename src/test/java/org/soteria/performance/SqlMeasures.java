package org.soteria.performance;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.soteria.reference.OrderType;
import org.soteria.reference.OutcomeGroup;
import org.soteria.reference.WithdrawalReason;
import org.soteria.victim.VictimsCode;
import org.soteria.victim.WorkingDays;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The same measures as plain SQL over the normalised tables: the independent reference the in-memory engine is
 * checked against (MeasuresIT) and the baseline it is benchmarked against (bench.MeasuresBenchmark,
 * docs/benchmarks.md). Test code only: it is an oracle, not a way the product computes anything. Written for
 * clarity, not speed. Filter values are bound as parameters.
 */
@Component
public class SqlMeasures {

    private static final String DAY = "(e.occurred_at at time zone 'Europe/London')::date";

    private final JdbcTemplate jdbc;
    private final MeasureEngine.Settings settings;
    private final VictimsCode code;

    public SqlMeasures(DataSource dataSource, MeasureEngine.Settings settings, org.soteria.victim.VictimsCodeRules rules) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.settings = settings;
        this.code = rules.code();
    }

    /** A WHERE clause over crime {@code c} with its parameters. */
    private record Where(String sql, List<Object> params) {
    }

    private static Where where(MeasureFilter f, String recordType) {
        StringBuilder sql = new StringBuilder("c.record_type = '" + recordType + "'");
        List<Object> params = new ArrayList<>();
        column(sql, params, f.get(MeasureFilter.Key.FORCE), "c.force_code");
        column(sql, params, f.get(MeasureFilter.Key.TEAM), "c.team_code");
        column(sql, params, f.get(MeasureFilter.Key.OFFICER), "c.officer_code");
        column(sql, params, f.get(MeasureFilter.Key.OFFENCE_CODE), "c.offence_code");
        column(sql, params, f.get(MeasureFilter.Key.OFFENCE_GROUP), "c.offence_group");
        column(sql, params, f.get(MeasureFilter.Key.REPORT_SOURCE), "c.report_source");
        Set<String> rel = f.get(MeasureFilter.Key.RELATIONSHIP);
        if (!rel.isEmpty()) {
            sql.append(" and exists (select 1 from case_person s where s.crime_id = c.id and s.role = 'suspect' "
                    + "and s.relationship = any(?))");
            params.add(rel.toArray(new String[0]));
        }
        Set<String> bands = f.get(MeasureFilter.Key.VICTIM_AGE_BAND);
        if (!bands.isEmpty()) {
            sql.append(" and exists (select 1 from case_person v where v.crime_id = c.id and v.role = 'victim' and "
                    + "(case when v.age_at_offence is null then 'unknown' when v.age_at_offence < 13 then 'under_13' "
                    + "when v.age_at_offence < 16 then '13_15' when v.age_at_offence < 18 then '16_17' "
                    + "when v.age_at_offence < 25 then '18_24' when v.age_at_offence < 35 then '25_34' "
                    + "when v.age_at_offence < 45 then '35_44' when v.age_at_offence < 55 then '45_54' "
                    + "when v.age_at_offence < 65 then '55_64' else '65_plus' end) = any(?))");
            params.add(bands.toArray(new String[0]));
        }
        return new Where(sql.toString(), params);
    }

    private static void column(StringBuilder sql, List<Object> params, Set<String> values, String column) {
        if (!values.isEmpty()) {
            sql.append(" and ").append(column).append(" = any(?)");
            params.add(values.toArray(new String[0]));
        }
    }

    /** Per crime of {@code crimes} (a query yielding id), the first day it reached each funnel stage or a later one. */
    private static String stages(String crimes) {
        return "ev as (select e.crime_id, "
                + "min(" + DAY + ") filter (where e.event_type = 'suspect_identified') s1, "
                + "min(" + DAY + ") filter (where e.event_type in ('arrest', 'voluntary_interview', "
                + "'interview_under_caution')) s2, "
                + "min(" + DAY + ") filter (where e.event_type = 'cps_referral') s3, "
                + "min(" + DAY + ") filter (where e.event_type = 'charge' or (e.event_type = 'cps_decision' "
                + "and e.detail = 'charge')) s4, "
                + "min(" + DAY + ") filter (where e.event_type = 'court_outcome' and e.detail = 'convicted') s5 "
                + "from event e where e.crime_id in (" + crimes + ") group by e.crime_id), "
                + "st as (select c.id, c.recorded_date, "
                + "least(case when exists (select 1 from case_person s where s.crime_id = c.id and s.role = 'suspect') "
                + "then c.recorded_date end, ev.s1) s1, ev.s2, ev.s3, "
                + "least(case when c.outcome_group = 'charged' then c.outcome_date end, ev.s4) s4, ev.s5 "
                + "from crime c left join ev on ev.crime_id = c.id where c.id in (" + crimes + ")), "
                + "cum as (select id, recorded_date, least(recorded_date, s1, s2, s3, s4, s5) c0, "
                + "least(s1, s2, s3, s4, s5) c1, least(s2, s3, s4, s5) c2, least(s3, s4, s5) c3, least(s4, s5) c4, "
                + "s5 c5 from st)";
    }

    public Measures compute(MeasureQuery q) {
        MeasureFilter f = q.filter();
        Where w = where(f, "crime");
        Date from = Date.valueOf(q.from());
        Date asOf = Date.valueOf(q.asOf());
        Date last = Date.valueOf(q.to().isBefore(q.asOf()) ? q.to() : q.asOf());
        String cohort = "select c.id from crime c where " + w.sql() + " and c.recorded_date between ? and ?";
        List<Object> cohortParams = params(w.params(), from, last);

        // Cohort measures.
        Map<String, Object> co = jdbc.queryForMap("select count(*) n, "
                + "count(*) filter (where c.report_source <> 'victim') tp, "
                + "count(*) filter (where c.outcome_group = 'charged' and c.outcome_date <= ?) ch, "
                + open(90) + " o90, " + open(180) + " o180, " + open(365) + " o365 "
                + "from crime c where " + w.sql() + " and c.recorded_date between ? and ?",
                params(List.of(asOf, asOf, asOf, asOf), w.params(), from, last).toArray());
        long recorded = num(co.get("n"));
        Map<String, Object> funnelRow = jdbc.queryForMap("with " + stages(cohort) + " select "
                + "count(*) filter (where c1 <= ?) f1, count(*) filter (where c2 <= ?) f2, "
                + "count(*) filter (where c3 <= ?) f3, count(*) filter (where c4 <= ?) f4, "
                + "count(*) filter (where c5 <= ?) f5 from cum",
                params(cohortParams, cohortParams, asOf, asOf, asOf, asOf, asOf).toArray());
        long[] funnel = {recorded, num(funnelRow.get("f1")), num(funnelRow.get("f2")), num(funnelRow.get("f3")),
                num(funnelRow.get("f4")), num(funnelRow.get("f5"))};
        List<Measures.FunnelStage> stages = new ArrayList<>();
        for (int s = 0; s < 6; s++) {
            long previous = s == 0 ? funnel[0] : funnel[s - 1];
            stages.add(new Measures.FunnelStage(MeasureEngine.FUNNEL_STAGES.get(s), funnel[s],
                    funnel[0] == 0 ? null : (double) funnel[s] / funnel[0],
                    previous == 0 ? null : (double) funnel[s] / previous));
        }
        Map<Integer, Long> openAfter = new LinkedHashMap<>();
        openAfter.put(90, num(co.get("o90")));
        openAfter.put(180, num(co.get("o180")));
        openAfter.put(365, num(co.get("o365")));

        Where n100 = where(f, "n100");
        Map<String, Object> nr = jdbc.queryForMap("select count(*) t, count(*) filter (where c.n100_code = 1) a, "
                + "count(*) filter (where c.n100_code = 2) b, count(*) filter (where c.n100_code = 3) d "
                + "from crime c where " + n100.sql() + " and c.recorded_date between ? and ?",
                params(n100.params(), from, last).toArray());

        // Repeat suspects: identity is a confirmed link's key, else the PNC id, else the person record.
        String ident = "select cp.crime_id, coalesce(pi.identity_key, 'pnc:' || nullif(trim(p.pnc_id), ''), "
                + "'p:' || cp.person_ref) ident from case_person cp join person p on p.id = cp.person_ref "
                + "left join person_identity pi on pi.person_ref = p.id where cp.role = 'suspect'";
        Map<String, Object> rs = jdbc.queryForMap("with ident as (" + ident + "), repeaters as (select i.ident "
                + "from ident i join crime r on r.id = i.crime_id where r.record_type = 'crime' "
                + "and r.recorded_date between ? and ? group by i.ident having count(distinct r.id) >= ?), "
                + "flags as (select i.crime_id, bool_or(x.ident is not null) repeat from ident i "
                + "left join repeaters x on x.ident = i.ident group by i.crime_id) "
                + "select count(fl.crime_id) ws, count(*) filter (where fl.repeat) wr from crime c "
                + "left join flags fl on fl.crime_id = c.id where " + w.sql() + " and c.recorded_date between ? and ?",
                params(List.of(Date.valueOf(q.asOf().minusYears(settings.repeatLookbackYears())), asOf,
                        settings.repeatMinimumCrimes()), w.params(), from, last).toArray());

        // Outcomes assigned in the period.
        String unconsented = "(c.report_source <> 'victim' and c.victim_consented is false)";
        Map<String, Object> out = jdbc.queryForMap("select count(*) n, "
                + "count(*) filter (where c.outcome_group = 'charged') ch, "
                + "count(*) filter (where c.outcome_group = 'victim_does_not_support') dns, "
                + "count(*) filter (where not " + unconsented + ") nx, "
                + "count(*) filter (where c.outcome_group = 'victim_does_not_support' and not " + unconsented + ") dnsx, "
                + pct("c.outcome_date - c.recorded_date", "true", "o")
                + ", " + pct("c.outcome_date - c.recorded_date", "c.outcome_group = 'charged'", "c")
                + " from crime c where " + w.sql() + " and c.outcome_date between ? and ?",
                params(w.params(), from, last).toArray());
        long assigned = num(out.get("n"));
        Map<String, Long> groupCounts = new LinkedHashMap<>();
        jdbc.query("select c.outcome_group, count(*) from crime c where " + w.sql()
                + " and c.outcome_date between ? and ? group by c.outcome_group",
                row -> {
                    groupCounts.put(row.getString(1), row.getLong(2));
                }, params(w.params(), from, last).toArray());
        Map<String, Measures.GroupShare> shares = new LinkedHashMap<>();
        for (OutcomeGroup g : OutcomeGroup.values()) {
            long c = groupCounts.getOrDefault(g.code(), 0L);
            shares.put(g.code(), new Measures.GroupShare(c, assigned == 0 ? null : (double) c / assigned));
        }

        Map<String, Object> ref = jdbc.queryForMap("with fr as (select e.crime_id, min(" + DAY + ") d from event e "
                + "where e.event_type = 'cps_referral' group by e.crime_id) select count(*) n, "
                + pct("fr.d - c.recorded_date", "true", "r") + " from fr join crime c on c.id = fr.crime_id where "
                + w.sql() + " and fr.d between ? and ?", params(w.params(), from, last).toArray());

        Map<String, Object> ev = jdbc.queryForMap("select "
                + "count(*) filter (where e.event_type = 'cps_decision' and e.detail = 'charge') cc, "
                + "count(*) filter (where e.event_type = 'cps_decision' and e.detail = 'no_charge') cn, "
                + "count(*) filter (where e.event_type = 'court_outcome' and e.detail = 'convicted') kc, "
                + "count(*) filter (where e.event_type = 'court_outcome' and e.detail = 'acquitted') ka, "
                + "count(*) filter (where e.event_type = 'court_outcome' and e.detail = 'discontinued') kd "
                + "from event e join crime c on c.id = e.crime_id where " + w.sql() + " and " + DAY
                + " between ? and ? and e.event_type in ('cps_decision', 'court_outcome')",
                params(w.params(), from, last).toArray());
        long cpsCharge = num(ev.get("cc"));
        long convicted = num(ev.get("kc"));

        return new Measures(q, recorded,
                new Measures.N100(num(nr.get("t")), num(nr.get("a")), num(nr.get("b")), num(nr.get("d"))),
                new Measures.Rate(num(co.get("tp")), recorded), assigned,
                new Measures.Rate(num(out.get("ch")), assigned),
                new Measures.Rate(num(out.get("dns")), assigned),
                new Measures.Rate(num(out.get("dnsx")), num(out.get("nx"))),
                shares,
                new Measures.Rate(num(co.get("ch")), recorded),
                stages, openAfter,
                distribution(out, "c"), distribution(out, "o"), distribution(ref, "r"),
                num(ref.get("n")),
                new Measures.Rate(cpsCharge, cpsCharge + num(ev.get("cn"))),
                convicted,
                new Measures.Rate(convicted, convicted + num(ev.get("ka")) + num(ev.get("kd"))),
                compliance(w, from, last),
                withdrawals(w, from, last),
                feedback(w, from, last),
                new Measures.Rate(num(rs.get("wr")), num(rs.get("ws"))),
                disruptions(f, w, asOf),
                caseload(w, asOf),
                accredited(f, asOf),
                abstractionDays(f, from, last),
                partners(w, from, last, asOf));
    }

    /**
     * docs/partner-measures.md in plain SQL: each charging decision in the period against the latest referral on or
     * before its day; each distinct referral day in the period against the latest return before it, when no referral
     * came between; the CPS's decisions in the period by detail.
     */
    private Measures.Partners partners(Where w, Date from, Date last, Date asOf) {
        String steps = "with ref as (select distinct e.crime_id, " + DAY + " d from event e where e.event_type = "
                + "'cps_referral'), ret as (select distinct e.crime_id, " + DAY + " d from event e where "
                + "e.event_type = 'cps_decision' and e.detail = 'further_evidence_requested'), ";
        Map<String, Object> lag = jdbc.queryForMap(steps + "dec as (select e.crime_id, " + DAY + " d, " + DAY
                + " - (select max(r.d) from ref r where r.crime_id = e.crime_id and r.d <= " + DAY + ") days "
                + "from event e join crime c on c.id = e.crime_id where " + w.sql() + " and e.event_type = "
                + "'cps_decision' and e.detail in ('charge', 'no_charge') and " + DAY + " between ? and ?) "
                + "select " + pct("days", "days is not null", "l") + " from dec", params(w.params(), from, last)
                .toArray());
        Map<String, Object> resubmitted = jdbc.queryForMap(steps + "res as (select r.d - t.t days from ref r "
                + "join crime c on c.id = r.crime_id cross join lateral (select max(x.d) t from ret x "
                + "where x.crime_id = r.crime_id and x.d < r.d) t where " + w.sql() + " and r.d between ? and ? "
                + "and t.t is not null and not exists (select 1 from ref r2 where r2.crime_id = r.crime_id "
                + "and r2.d > t.t and r2.d < r.d)) select " + pct("days", "true", "s") + " from res",
                params(w.params(), from, last).toArray());
        Map<String, Object> decided = jdbc.queryForMap("select count(*) filter (where e.detail = "
                + "'further_evidence_requested') returned, count(*) filter (where e.detail in ('charge', 'no_charge', "
                + "'further_evidence_requested')) decided from event e join crime c on c.id = e.crime_id where "
                + w.sql() + " and e.event_type = 'cps_decision' and " + DAY + " between ? and ?",
                params(w.params(), from, last).toArray());
        Map<String, Object> support = jdbc.queryForMap("select count(*) filter (where e.detail = 'isva') isva, "
                + "count(*) n from event e join crime c on c.id = e.crime_id where " + w.sql()
                + " and e.event_type = 'support_referral' and " + DAY + " between ? and ?",
                params(w.params(), from, last).toArray());
        Map<String, Object> withdrawn = jdbc.queryForMap("select count(*) filter (where exists (select 1 from event r "
                + "where r.crime_id = e.crime_id and r.event_type = 'support_referral' and r.detail = 'isva' and "
                + DAY.replace("e.", "r.") + " <= " + DAY + ")) isva, count(*) filter (where exists (select 1 from "
                + "isva_note n where n.crime_id = e.crime_id and n.kind = 'support' and n.noted_on <= " + DAY + ")) "
                + "supported, count(*) n from event e join crime c on c.id = e.crime_id where " + w.sql()
                + " and e.event_type = 'victim_withdrawal' and " + DAY + " between ? and ?",
                params(w.params(), from, last).toArray());
        // Early advice asked in Soteria in the period: answered by the as-of date, or past its target by then; of those,
        // answered within the target.
        int target = settings.earlyAdviceTargetDays();
        Map<String, Object> advice = jdbc.queryForMap("select count(*) filter (where a.answered <= ? and a.answered - "
                + "s.submitted_on <= ?) answered_within, count(*) filter (where a.answered <= ? or s.submitted_on + ?::int < ?) n "
                + "from cps_submission s join crime c on c.id = s.crime_id left join lateral (select min(r.reviewed_on) "
                + "answered from cps_review r where r.submission_id = s.id and r.verdict = 'advice') a on true where "
                + w.sql() + " and s.kind = 'early_advice' and s.submitted_on between ? and ?",
                params(List.of(asOf, target, asOf, target, asOf), w.params(), from, last).toArray());
        Measures.Rate[] overdue = new Measures.Rate[2];
        for (String side : List.of("police", "cps")) {
            Map<String, Object> actions = jdbc.queryForMap("select count(*) filter (where a.done_on is null or "
                    + "a.done_on > a.due_on) overdue, count(*) n from cps_action a join crime c on c.id = a.crime_id "
                    + "where " + w.sql() + " and a.owner_side = ? and a.due_on between ? and ? and a.due_on < ?",
                    params(w.params(), side, from, last, asOf).toArray());
            overdue[side.equals("cps") ? 1 : 0] = new Measures.Rate(num(actions.get("overdue")), num(actions.get("n")));
        }
        Map<String, Object> supported = jdbc.queryForMap("select count(*) filter (where exists (select 1 from isva_note "
                + "n where n.crime_id = e.crime_id and n.kind = 'support' and n.noted_on <= ?)) supported, count(*) n "
                + "from event e join crime c on c.id = e.crime_id where " + w.sql() + " and e.event_type = "
                + "'support_referral' and e.detail = 'isva' and " + DAY + " between ? and ?",
                params(List.of(asOf), w.params(), from, last).toArray());
        return new Measures.Partners(distribution(lag, "l"),
                new Measures.Rate(num(decided.get("returned")), num(decided.get("decided"))),
                distribution(resubmitted, "s"), new Measures.Rate(num(support.get("isva")), num(support.get("n"))),
                new Measures.Rate(num(withdrawn.get("isva")), num(withdrawn.get("n"))),
                new Measures.Rate(num(advice.get("answered_within")), num(advice.get("n"))), overdue[0], overdue[1],
                new Measures.Rate(num(supported.get("supported")), num(supported.get("n"))),
                new Measures.Rate(num(withdrawn.get("supported")), num(withdrawn.get("n"))));
    }

    private static String open(int days) {
        return "count(*) filter (where c.recorded_date + " + days + " <= ? and (c.outcome_date is null "
                + "or c.outcome_date > c.recorded_date + " + days + "))";
    }

    private static String pct(String expr, String condition, String prefix) {
        return "count(*) filter (where " + condition + ") " + prefix + "_n, "
                + "percentile_disc(0.5) within group (order by " + expr + ") filter (where " + condition + ") "
                + prefix + "_med, percentile_disc(0.25) within group (order by " + expr + ") filter (where "
                + condition + ") " + prefix + "_p25, percentile_disc(0.9) within group (order by " + expr
                + ") filter (where " + condition + ") " + prefix + "_p90";
    }

    private static Measures.Distribution distribution(Map<String, Object> row, String prefix) {
        return new Measures.Distribution(num(row.get(prefix + "_n")), integer(row.get(prefix + "_med")),
                integer(row.get(prefix + "_p25")), integer(row.get(prefix + "_p90")));
    }

    private Measures.Breakdown compliance(Where w, Date from, Date last) {
        WorkingDays days = code.workingDays();
        Set<LocalDate> holidays = new TreeSet<>();
        for (int y = 1990; y <= 2060; y++) {
            holidays.addAll(days.bankHolidays(y));
        }
        String hol = "array[" + holidays.stream().map(d -> "date '" + d + "'").collect(Collectors.joining(","))
                + "]";
        // Working days numbered in order: the N-th working day after t is the working day numbered wdn(t) + N.
        String calendar = "cal as (select d::date d, extract(isodow from d) < 6 and d::date <> all(" + hol + ") working "
                + "from generate_series(date '1990-01-01', date '2061-12-31', interval '1 day') d), "
                + "num as (select d, working, count(*) filter (where working) over (order by d) wdn from cal), "
                + "wd as (select wdn, d from num where working)";
        // The Code version in force on a trigger date t: the latest in force by then, or the earliest for older triggers.
        String versions = "ver as (select in_force_from, lead(in_force_from) over (order by in_force_from) next_from, "
                + "key_event_working_days ke, support_referral_working_days sr, "
                + "row_number() over (order by in_force_from) rn from victims_code_version)";
        String inForce = "(ver.rn = 1 or %1$s >= ver.in_force_from) and (ver.next_from is null or %1$s < ver.next_from)";
        String victims = "select c.id crime_id, c.recorded_date, c.outcome_date, cp.person_ref victim from crime c "
                + "join case_person cp on cp.crime_id = c.id and cp.role = 'victim' where " + w.sql();
        String metSql = "exists (select 1 from event n where n.crime_id = %s and n.event_type = '%s' and "
                + "(n.person_ref is null or n.person_ref = %s) and %s and "
                + "(n.occurred_at at time zone 'Europe/London')::date <= %s)";
        // Contact-plan updates: the k-th due k x every days after agreement, up to the plan's end, the outcome and
        // the horizon; met by an update to the victim after the previous one fell due and by this one's due date.
        String updates = "select 'contact_plan_update', pu.due, " + String.format(metSql, "pu.crime_id", "victim_update",
                "pu.victim", "(n.occurred_at at time zone 'Europe/London')::date > pu.prev", "pu.due")
                + " from (select v.crime_id, v.victim, p.agreed_on + (k - 1) * p.update_every_days prev, "
                + "p.agreed_on + k * p.update_every_days due from v join victim_contact_plan p on p.crime_id = v.crime_id "
                + "and p.person_ref = v.victim cross join lateral generate_series(1, (least(p.ended_on, v.outcome_date, "
                + "?::date) - p.agreed_on) / p.update_every_days) k) pu";
        String sql = "with " + calendar + ", " + versions + ", v as (" + victims + "), ob as ("
                + "select 'key_event_notification' t, due.d due, " + String.format(metSql, "v.crime_id",
                        "victim_notified", "v.victim", "n.detail = e.event_id", "due.d") + " met "
                + "from v join event e on e.crime_id = v.crime_id and e.event_type in ('arrest', "
                + "'interview_under_caution', 'bail', 'bail_change', 'released_under_investigation', 'charge', "
                + "'nfa_decision', 'out_of_court_disposal', 'decision_not_to_investigate') and " + DAY
                + " >= v.recorded_date join ver on " + String.format(inForce, DAY) + " join num k on k.d = " + DAY
                + " join wd due on due.wdn = k.wdn + ver.ke"
                + " union all select 'support_referral', due.d, " + String.format(metSql, "v.crime_id", "support_referral",
                        "v.victim", "true", "due.d") + " from v join ver on " + String.format(inForce, "v.recorded_date")
                + " join num r on r.d = v.recorded_date join wd due on due.wdn = r.wdn + ver.sr"
                + " union all select 'needs_assessment', fc.due, " + String.format(metSql, "fc.crime_id",
                        "needs_assessment", "fc.victim", "true", "fc.due") + " from (select v.*, (select min(" + DAY
                + ") from event e where e.crime_id = v.crime_id and e.event_type = 'first_contact') due from v) fc "
                + "where fc.due is not null union all " + updates + ") "
                + "select t, count(*), count(*) filter (where met) from ob where due between ? and ? group by t";
        Date horizon = Date.valueOf(java.time.LocalDate.now(org.soteria.platform.DatabaseConfig.LONDON)
                .plusDays(FactsBuilder.PLAN_HORIZON_DAYS));
        List<Object> p = new ArrayList<>(w.params());
        p.add(horizon);
        p.add(from);
        p.add(last);
        Map<String, long[]> counts = new LinkedHashMap<>();
        jdbc.query(sql, row -> {
            counts.put(row.getString(1), new long[] {row.getLong(2), row.getLong(3)});
        }, p.toArray());
        Map<String, Measures.Rate> by = new LinkedHashMap<>();
        long allDue = 0;
        long allMet = 0;
        for (VictimsCode.ObligationType t : VictimsCode.ObligationType.values()) {
            long[] c = counts.getOrDefault(t.code(), new long[2]);
            allDue += c[0];
            allMet += c[1];
            if (t != VictimsCode.ObligationType.CONTACT_PLAN_UPDATE || c[0] > 0) {
                by.put(t.code(), new Measures.Rate(c[1], c[0]));
            }
        }
        return new Measures.Breakdown(new Measures.Rate(allMet, allDue), by);
    }

    private Measures.Withdrawals withdrawals(Where w, Date from, Date last) {
        String withdrawn = "wd as (select e.id, e.crime_id, coalesce(nullif(e.detail, ''), 'not_recorded') reason, "
                + DAY + " wday from event e join crime c on c.id = e.crime_id where " + w.sql()
                + " and e.event_type = 'victim_withdrawal' and " + DAY + " between ? and ?)";
        Map<String, Long> byReason = new LinkedHashMap<>();
        for (WithdrawalReason r : WithdrawalReason.values()) {
            byReason.put(r.code(), 0L);
        }
        Map<String, Long> byStage = new LinkedHashMap<>();
        MeasureEngine.FUNNEL_STAGES.forEach(s -> byStage.put(s, 0L));
        long[] total = new long[1];
        List<Object> p = params(w.params(), from, last);
        jdbc.query("with " + withdrawn + ", " + stages("select crime_id from wd") + " select wd.reason, case "
                + "when cum.c5 <= wd.wday then 'convicted' when cum.c4 <= wd.wday then 'charged' "
                + "when cum.c3 <= wd.wday then 'referred_to_cps' when cum.c2 <= wd.wday "
                + "then 'arrested_or_interviewed' when cum.c1 <= wd.wday then 'suspect_identified' "
                + "else 'recorded' end from wd join cum on cum.id = wd.crime_id",
                row -> {
                    total[0]++;
                    byReason.merge(row.getString(1), 1L, Long::sum);
                    byStage.merge(row.getString(2), 1L, Long::sum);
                }, p.toArray());
        return new Measures.Withdrawals(total[0], byReason, byStage);
    }

    private Measures.Feedback feedback(Where w, Date from, Date last) {
        Map<String, Object> r = jdbc.queryForMap("select count(*) n, sum(dignity)::float8 / nullif(count(dignity), 0) d, sum(fairness)::float8 / nullif(count(fairness), 0) f, "
                + "sum(voice)::float8 / nullif(count(voice), 0) v, sum(safety)::float8 / nullif(count(safety), 0) s, "
                + "sum(trust)::float8 / nullif(count(trust), 0) t from victim_feedback fb "
                + "join crime c on c.id = fb.crime_id where " + w.sql() + " and fb.returned_date between ? and ?",
                params(w.params(), from, last).toArray());
        return new Measures.Feedback(num(r.get("n")), (Double) r.get("d"), (Double) r.get("f"), (Double) r.get("v"),
                (Double) r.get("s"), (Double) r.get("t"));
    }

    private Measures.Disruptions disruptions(MeasureFilter f, Where w, Date asOf) {
        Map<String, Long> byType = new LinkedHashMap<>();
        for (OrderType t : OrderType.values()) {
            byType.put(t.code(), 0L);
        }
        StringBuilder sql = new StringBuilder("select o.order_type, count(*) from civil_order o where o.made_date <= ? "
                + "and (o.expires_date is null or o.expires_date >= ?)");
        List<Object> p = new ArrayList<>(List.of(asOf, asOf));
        Set<String> forces = f.get(MeasureFilter.Key.FORCE);
        if (!forces.isEmpty()) {
            sql.append(" and o.force_code = any(?)");
            p.add(forces.toArray(new String[0]));
        }
        if (f.restrictsCrimes()) {
            sql.append(" and exists (select 1 from case_person cp join crime c on c.id = cp.crime_id where "
                    + "cp.person_ref = o.person_ref and cp.role = 'suspect' and ").append(w.sql().replace(
                            "c.record_type = 'crime'", "c.record_type <> 'cancelled'")).append(")");
            p.addAll(w.params());
        }
        long[] total = new long[1];
        jdbc.query(sql + " group by o.order_type", row -> {
            total[0] += row.getLong(2);
            byType.put(row.getString(1), row.getLong(2));
        }, p.toArray());
        return new Measures.Disruptions(total[0], byType);
    }

    private Measures.Caseload caseload(Where w, Date asOf) {
        Map<String, Object> r = jdbc.queryForMap("with per as (select c.officer_code, count(*) n from crime c where "
                + w.sql() + " and c.recorded_date <= ? and (c.outcome_date is null or c.outcome_date > ?) "
                + "and c.officer_code is not null group by c.officer_code) select count(*) officers, "
                + "percentile_disc(0.5) within group (order by n) med, percentile_disc(0.9) within group (order by n) p90, "
                + "max(n) mx, count(*) filter (where n > ?) above from per",
                params(w.params(), asOf, asOf, settings.caseloadThreshold()).toArray());
        return new Measures.Caseload(num(r.get("officers")), integer(r.get("med")), integer(r.get("p90")),
                integer(r.get("mx")), num(r.get("above")));
    }

    private Measures.Rate accredited(MeasureFilter f, Date asOf) {
        StringBuilder sql = new StringBuilder("select count(*), count(*) filter (where o.accredited_until >= ? "
                + "or exists (select 1 from officer_training t join training_course k on k.code = t.course_code "
                + "where k.specialist_accreditation and t.force_code = o.force_code and t.officer_code = o.officer_code "
                + "and t.completed_on <= ? and (t.expires_on is null or t.expires_on >= ?))) "
                + "from officer o where o.team_code is not null");
        List<Object> p = new ArrayList<>(List.of(asOf, asOf, asOf));
        column(sql, p, f.get(MeasureFilter.Key.FORCE), "o.force_code");
        column(sql, p, f.get(MeasureFilter.Key.TEAM), "o.team_code");
        column(sql, p, f.get(MeasureFilter.Key.OFFICER), "o.officer_code");
        return jdbc.queryForObject(sql.toString(), (row, n) -> new Measures.Rate(row.getLong(2), row.getLong(1)),
                p.toArray());
    }

    private long abstractionDays(MeasureFilter f, Date from, Date last) {
        StringBuilder sql = new StringBuilder("select coalesce(sum(least(a.ends_on, ?) - greatest(a.starts_on, ?) + 1) "
                + "filter (where least(a.ends_on, ?) >= greatest(a.starts_on, ?)), 0) from officer_abstraction a "
                + "left join officer o on o.force_code = a.force_code and o.officer_code = a.officer_code "
                + "where coalesce(a.team_code, o.team_code) is not null");
        List<Object> p = new ArrayList<>(List.of(last, from, last, from));
        column(sql, p, f.get(MeasureFilter.Key.FORCE), "a.force_code");
        column(sql, p, f.get(MeasureFilter.Key.TEAM), "coalesce(a.team_code, o.team_code)");
        column(sql, p, f.get(MeasureFilter.Key.OFFICER), "a.officer_code");
        return jdbc.queryForObject(sql.toString(), Long.class, p.toArray());
    }

    private static List<Object> params(Object... parts) {
        List<Object> out = new ArrayList<>();
        for (Object part : parts) {
            if (part instanceof List<?> list) {
                out.addAll(list);
            } else {
                out.add(part);
            }
        }
        return out;
    }

    private static long num(Object o) {
        return o == null ? 0 : ((Number) o).longValue();
    }

    private static Integer integer(Object o) {
        return o == null ? null : ((Number) o).intValue();
    }
}
