package org.soteria.investigation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.soteria.investigation.PersonFields;
import org.soteria.reference.Choice;
import org.soteria.reference.EventType;
import org.soteria.reference.OffenceGroup;
import org.soteria.reference.OffenceCode;
import org.soteria.reference.OutcomeCode;
import org.soteria.reference.OutcomeGroup;
import org.soteria.security.NeedToKnow;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Case list and case page queries. */
@Repository
class CaseRepository {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    private final JdbcClient jdbc;
    private final PersonFields personFields;
    private final NameIndex nameIndex;

    CaseRepository(JdbcClient jdbc, PersonFields personFields, NameIndex nameIndex,
            @org.springframework.beans.factory.annotation.Value("${soteria.search.most-people:5000}") int mostPeople) {
        if (mostPeople < 1) {
            throw new IllegalArgumentException("soteria.search.most-people must be at least 1, not " + mostPeople);
        }
        this.mostPeople = mostPeople;
        this.jdbc = jdbc;
        this.personFields = personFields;
        this.nameIndex = nameIndex;
    }

    private record Where(String sql, Map<String, Object> params) {
    }

    /**
     * The people a search's name words match, looked up once for a page's list and count: their ids (at most
     * {@link #mostPeople}), and whether more have those names. {@code ids} is null when the search has no name
     * words (a reference).
     */
    record Named(long[] ids, boolean tooMany) {
        static final Named NONE = new Named(null, false);
    }

    /** Looks up the people the search's name words match (one call of the index lookup, V41). */
    Named named(String search, NeedToKnow.Rule needToKnow) {
        if (search == null) {
            return Named.NONE;
        }
        Map<String, Object> params = new HashMap<>(needToKnow.params());
        String people = peopleByPieces(nameIndex.query(search), params);
        if (people == null) {
            return Named.NONE;
        }
        params.put("mostPeople", mostPeople + 1);
        long[] ids = ids(jdbc.sql(people).params(params));
        return ids.length > mostPeople ? new Named(java.util.Arrays.copyOf(ids, mostPeople), true)
                : new Named(ids, false);
    }

    private static long[] ids(JdbcClient.StatementSpec spec) {
        return spec.query(Long.class).list().stream().mapToLong(Long::longValue).toArray();
    }

    private static String likeReference(String search) {
        return escapeLike(search.toUpperCase(Locale.ROOT)) + "%";
    }

    /**
     * The reference lookup is told the user's force, teams, officer code and granted crimes, to narrow what it
     * returns (V26); with no rule of the application's (a test of row-level security alone), it is told nothing.
     */
    private static String narrowing(Map<String, Object> params) {
        return params.containsKey("ntkTeams") ? ":ntkForce, :ntkTeams, :ntkOfficer, " + NeedToKnow.GRANTED_IDS
                : "null, null, null, null";
    }

    /** The filter's conditions after the given need-to-know condition, with the rule's parameters. */
    private Where where(CaseFilter f, NeedToKnow.Rule needToKnow, String condition, Named named) {
        List<String> clauses = new ArrayList<>();
        Map<String, Object> params = new HashMap<>(needToKnow.params());
        clauses.add(condition);
        if (!f.statuses().isEmpty()) {
            List<String> any = new ArrayList<>();
            for (CaseStatus s : f.statuses()) {
                any.add(switch (s) {
                    case OPEN -> "(c.record_type = 'crime' and c.outcome_code is null)";
                    case OUTCOME_ASSIGNED -> "(c.record_type = 'crime' and c.outcome_code is not null)";
                    case N100 -> "c.record_type = 'n100'";
                    case CANCELLED -> "c.record_type = 'cancelled'";
                });
            }
            clauses.add("(" + String.join(" or ", any) + ")");
        }
        // The groups are written into the SQL as the codes of their enums, not sent as parameters: a reused
        // statement's generic plan then knows how common the group is. Sent as a parameter, "victim does not
        // support" (four crimes in ten) was counted along the outcome group's index, reading ten rows for each of the
        // user's, where the team index reads three (8.6 against 1.3 ms at 1,000,000 crimes; docs/benchmarks.md).
        if (!f.offenceGroups().isEmpty()) {
            clauses.add("c.offence_group in (" + codes(f.offenceGroups(), OffenceGroup::fromCode) + ")");
        }
        if (!f.outcomeGroups().isEmpty()) {
            clauses.add("c.outcome_group in (" + codes(f.outcomeGroups(), OutcomeGroup::fromCode) + ")");
        }
        if (!f.teams().isEmpty()) {
            clauses.add("c.team_code in (:teams)");
            params.put("teams", f.teams());
        }
        if (!f.officers().isEmpty()) {
            clauses.add("c.officer_code in (:officers)");
            params.put("officers", f.officers());
        }
        if (f.recordedFrom() != null) {
            clauses.add("c.recorded_date >= :from");
            params.put("from", f.recordedFrom());
        }
        if (f.recordedTo() != null) {
            clauses.add("c.recorded_date <= :to");
            params.put("to", f.recordedTo());
        }
        if (f.search() != null) {
            // Names are encrypted at rest (ADR 8): they are found by the keyed hash of the whole normalised name,
            // a given name and a family name, or one of them; crime references by prefix.
            String[] parts = f.search().trim().split("\\s+", 2);
            StringBuilder names = new StringBuilder();
            if (parts.length == 2) {
                names.append("p.given_name_index = :given and p.family_name_index = :family");
                params.put("given", nullToNone(personFields.nameIndex(parts[0])));
                params.put("family", nullToNone(personFields.nameIndex(parts[1])));
            } else {
                names.append("(p.family_name_index = :name or p.given_name_index = :name)");
                params.put("name", nullToNone(personFields.nameIndex(parts[0])));
            }
            // Issue 24: the beginnings and sounds of the words of names ("Sa Jon" finds Sarah Jones), by keyed
            // hashes (ADR 27), looked up through the schema owner's index function (V41: under row-level security
            // the array overlap could not use the index); the whole-name match above still finds a person not yet
            // in that index.
            String byPieces = "";
            if (named.ids() != null) {
                byPieces = " union select cp.crime_id from case_person cp "
                        + "where cp.person_ref = any(cast(:people as bigint[]))";
                params.put("people", arrayLiteral(named.ids()));
            }
            // The reference prefix is matched by the schema owner's index lookup (V23): under row-level security a
            // LIKE on upper(crime_ref) could not use the index. Only ids come back; this query's own rule and
            // row-level security then decide what is shown.
            String references = "select crime_ids_with_reference_like(:ref, " + narrowing(params) + ")";
            params.put("ref", likeReference(f.search()));
            // Once every person is in the name index, its exact words find what the whole-name index did (and a
            // common name no longer reads every person who has it: the lookup above stops at mostPeople).
            String wholeNames = named.ids() != null && nameIndex.complete() ? ""
                    : " union select cp.crime_id from person p join case_person cp on cp.person_ref = p.id where "
                            + names;
            clauses.add("c.id in (" + references + wholeNames + byPieces + ")");
        }
        return new Where(clauses.isEmpty() ? "" : "where " + String.join(" and ", clauses), params);
    }

    /**
     * The SQL literals of these choices' codes, each taken from the enum (a value that is not one of its codes is
     * refused here, as the page's query already refused it), so nothing typed reaches the SQL.
     */
    private static String codes(List<String> values, java.util.function.Function<String, ? extends Choice> known) {
        return values.stream().map(v -> known.apply(v).code()).distinct().map(code -> {
            if (!code.matches("[a-z0-9_]+")) {
                throw new IllegalStateException("A choice's code is not fit to be written into SQL: " + code);
            }
            return "'" + code + "'";
        })
                .collect(java.util.stream.Collectors.joining(", "));
    }

    /**
     * The most people a name search considers (ADR 27, {@code soteria.search.most-people}, 5,000 by default): a
     * name shared by more asks for more of it.
     */
    private final int mostPeople;

    int mostPeople() {
        return mostPeople;
    }

    /**
     * The lookup of the people whose names match every typed word (V41: strictly first, by sound only when nobody
     * matches strictly), with its parameters added; null for a search with no name words.
     */
    private static String peopleByPieces(List<NameIndex.Word> words, Map<String, Object> params) {
        if (words.isEmpty()) {
            return null;
        }
        List<String> strict = new ArrayList<>();
        List<String> any = new ArrayList<>();
        for (int i = 0; i < NameKeys.MOST_WORDS; i++) {
            if (i < words.size()) {
                strict.add("cast(:strictWord" + i + " as bigint[])");
                any.add("cast(:anyWord" + i + " as bigint[])");
                params.put("strictWord" + i, arrayLiteral(words.get(i).strict()));
                params.put("anyWord" + i, arrayLiteral(words.get(i).any()));
            } else {
                strict.add("null");
                any.add("null");
            }
        }
        return "select person_ids_with_name_keys(" + (params.containsKey("ntkTeams") ? ":ntkForce" : "null")
                + ", :mostPeople, " + String.join(", ", strict) + ", " + String.join(", ", any) + ")";
    }

    /** Each typed word must match a word of the same person's names, some way; its hashes as a parameter. */
    static String nameWords(List<NameIndex.Word> words, Map<String, Object> params) {
        List<String> each = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            each.add("p.name_keys && cast(:nameWord" + i + " as bigint[])");
            params.put("nameWord" + i, arrayLiteral(words.get(i).any()));
        }
        return String.join(" and ", each);
    }

    static String arrayLiteral(long[] values) {
        StringBuilder s = new StringBuilder("{");
        for (int i = 0; i < values.length; i++) {
            s.append(i == 0 ? "" : ",").append(values[i]);
        }
        return s.append('}').toString();
    }

    static String arrayLiteral(Long[] values) {
        return arrayLiteral(java.util.Arrays.stream(values).mapToLong(Long::longValue).toArray());
    }

    private static String nullToNone(String index) {
        return index == null ? "" : index;
    }

    static String escapeLike(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    List<CaseSummary> list(CaseFilter f, NeedToKnow.Rule needToKnow) {
        return list(f, needToKnow, named(f.search(), needToKnow));
    }

    List<CaseSummary> list(CaseFilter f, NeedToKnow.Rule needToKnow, Named named) {
        // The page's ids are chosen under row-level security alone, along the index of the sort or the filter (the
        // team, officer and outcome indexes carry need-to-know's columns, so often from the index alone); the rows
        // are then read under the application's rule as well. Both rules in one scan made the planner think almost
        // no crime passes them (it multiplies the two alike conditions), and choose to collect and sort every match
        // where a walk in the page's order stops after the page (45 ms against 2 ms; docs/benchmarks.md). Were
        // row-level security ever missing, the outer rule would still hold: a page would show fewer rows, not more.
        Where page = where(f, needToKnow, "true", named);
        String orderBy = f.sort().orderBy();
        String sql = "select c.id, c.crime_ref, c.force_code, c.record_type, c.offence_code, c.recorded_date, "
                + "c.team_code, c.officer_code, o.display_name as officer_name, c.outcome_code, c.outcome_date "
                + "from crime c left join officer o on o.force_code = c.force_code and o.officer_code = c.officer_code "
                + "where c.id in (select c.id from crime c " + page.sql() + " order by " + orderBy
                + " limit :limit offset :offset) and " + needToKnow.sql() + " order by " + orderBy;
        var spec = jdbc.sql(sql).params(page.params()).param("limit", CaseFilter.PAGE_SIZE)
                .param("offset", (f.page() - 1) * CaseFilter.PAGE_SIZE);
        return spec.query((rs, n) -> summary(rs)).list();
    }

    /** The list rows of these crimes that row-level security shows, newest first. */
    List<CaseSummary> summaries(java.util.Collection<Long> ids) {
        return jdbc.sql("select c.id, c.crime_ref, c.force_code, c.record_type, c.offence_code, c.recorded_date, "
                        + "c.team_code, c.officer_code, o.display_name as officer_name, c.outcome_code, c.outcome_date "
                        + "from crime c left join officer o on o.force_code = c.force_code "
                        + "and o.officer_code = c.officer_code where c.id in (:ids) order by c.recorded_date desc, c.id desc")
                .param("ids", ids).query((rs, n) -> summary(rs)).list();
    }

    private static CaseSummary summary(ResultSet rs) throws SQLException {
        String offence = rs.getString("offence_code");
        String outcome = rs.getString("outcome_code");
        return new CaseSummary(rs.getLong("id"), rs.getString("crime_ref"), rs.getString("force_code"),
                rs.getString("record_type"), offence,
                OffenceCode.parse(offence).map(OffenceCode::description).orElse(offence),
                rs.getObject("recorded_date", LocalDate.class), rs.getString("team_code"),
                rs.getString("officer_code"), rs.getString("officer_name"), outcome,
                outcome == null ? null : OutcomeCode.parse(outcome).map(c -> c.group().label()).orElse("Other"),
                rs.getObject("outcome_date", LocalDate.class));
    }

    /**
     * The number of matching crimes, counted no further than {@code cap + 1}: over the rule's disjoint parts, so
     * that each part reads its own index and only the user's crimes (NeedToKnow.Rule).
     */
    long count(CaseFilter f, NeedToKnow.Rule needToKnow, int cap) {
        return count(f, needToKnow, cap, named(f.search(), needToKnow));
    }

    long count(CaseFilter f, NeedToKnow.Rule needToKnow, int cap, Named named) {
        List<String> parts = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        // A search matches few crimes, found through its own indexes: one pass over them under the whole rule.
        List<String> rule = f.search() == null ? needToKnow.parts() : List.of(needToKnow.sql());
        for (String part : rule) {
            Where w = where(f, needToKnow, part, named);
            parts.add("select 1 from crime c " + w.sql());
            params.putAll(w.params());
        }
        return jdbc.sql("select count(*) from (" + String.join(" union all ", parts) + " limit :cap) x")
                .params(params).param("cap", cap + 1).query(Long.class).single();
    }

    /** For the audit log only: the reference of any crime, whoever may see it. */
    Optional<String> referenceInAnyForce(long id) {
        return jdbc.sql("select force_code || ':' || crime_ref from crime where id = ?").param(id)
                .query(String.class).optional();
    }

    Optional<String> reference(long id, String forceCode) {
        return jdbc.sql("select force_code || ':' || crime_ref from crime where id = ? and force_code = ?")
                .params(id, forceCode == null ? "" : forceCode).query(String.class).optional();
    }

    /** The whole record; the caller has checked need-to-know. */
    Optional<CaseDetail> find(long id) {
        return jdbc.sql("select c.*, t.name as team_name, o.display_name as officer_name from crime c "
                        + "left join team t on t.force_code = c.force_code and t.team_code = c.team_code "
                        + "left join officer o on o.force_code = c.force_code and o.officer_code = c.officer_code "
                        + "where c.id = :id")
                .param("id", id)
                .query((rs, n) -> detail(rs))
                .optional();
    }

    private CaseDetail detail(ResultSet rs) throws SQLException {
        long id = rs.getLong("id");
        String offence = rs.getString("offence_code");
        Optional<OffenceCode> oc = OffenceCode.parse(offence);
        String outcome = rs.getString("outcome_code");
        Optional<OutcomeCode> out = OutcomeCode.parse(outcome);
        return new CaseDetail(id, rs.getString("crime_ref"), rs.getString("force_code"), rs.getString("record_type"),
                (Integer) rs.getObject("n100_code", Integer.class), offence,
                oc.map(OffenceCode::description).orElse(offence), oc.map(c -> c.group().label()).orElse(""),
                rs.getObject("recorded_date", LocalDate.class), rs.getObject("offence_date", LocalDate.class),
                rs.getString("report_source"), (Boolean) rs.getObject("victim_consented"), rs.getString("team_code"),
                rs.getString("team_name"), rs.getString("officer_code"), rs.getString("officer_name"), outcome,
                out.map(OutcomeCode::shortName).orElse(null), out.map(c -> c.group().label()).orElse(null),
                rs.getObject("outcome_date", LocalDate.class), rs.getBoolean("restricted"), people(id), timeline(id));
    }

    private List<CaseDetail.CasePerson> people(long crimeId) {
        return jdbc.sql("select p.person_id, cp.role, p.force_code, p.given_name, p.middle_names, p.family_name, "
                        + "p.date_of_birth, p.sex, cp.relationship, cp.age_at_offence, p.postcode, p.pnc_id, p.id "
                        + "from case_person cp join person p on p.id = cp.person_ref where cp.crime_id = ? "
                        + "order by case cp.role when 'victim' then 1 when 'suspect' then 2 else 3 end, p.person_id")
                .param(crimeId)
                .query((rs, n) -> {
                    String id = rs.getString(1);
                    String force = rs.getString(3);
                    String name = joinNames(personFields.open(force, id, "given_name", rs.getString(4)),
                            personFields.open(force, id, "middle_names", rs.getString(5)),
                            personFields.open(force, id, "family_name", rs.getString(6)));
                    return new CaseDetail.CasePerson(rs.getLong(13), id, rs.getString(2), name, rs.getString(7), rs.getString(8),
                            rs.getString(9), (Integer) rs.getObject(10, Integer.class),
                            personFields.open(force, id, "postcode", rs.getString(11)), rs.getString(12));
                })
                .list();
    }

    private List<CaseDetail.TimelineEvent> timeline(long crimeId) {
        return jdbc.sql("select e.event_id, e.event_type, e.occurred_at, e.occurred_timed, e.detail, e.officer_code, "
                        + "o.display_name, p.force_code as person_force, p.person_id, p.given_name, p.family_name, "
                        + "(select string_agg(distinct cp.role, ', ') from case_person cp "
                        + " where cp.crime_id = e.crime_id and cp.person_ref = e.person_ref) as person_role "
                        + "from event e join crime c on c.id = e.crime_id "
                        + "left join officer o on o.force_code = e.force_code and o.officer_code = e.officer_code "
                        + "left join person p on p.id = e.person_ref where e.crime_id = ? "
                        + "order by e.occurred_at desc, e.id desc")
                .param(crimeId)
                .query((rs, n) -> {
                    String type = rs.getString("event_type");
                    EventType t = EventType.parse(type).orElse(null);
                    return new CaseDetail.TimelineEvent(rs.getString("event_id"), type,
                            t == null ? type : t.label(), t == null ? "" : t.category().label(),
                            rs.getObject("occurred_at", OffsetDateTime.class).atZoneSameInstant(LONDON),
                            rs.getBoolean("occurred_timed"), personName(rs),
                            rs.getString("person_role"), rs.getString("officer_code"), rs.getString("display_name"),
                            rs.getString("detail"));
                })
                .list();
    }

    private String personName(ResultSet rs) throws SQLException {
        String id = rs.getString("person_id");
        if (id == null) {
            return null;
        }
        String force = rs.getString("person_force");
        return joinNames(personFields.open(force, id, "given_name", rs.getString("given_name")),
                personFields.open(force, id, "family_name", rs.getString("family_name")));
    }

    private static String joinNames(String... parts) {
        String joined = java.util.Arrays.stream(parts).filter(p -> p != null && !p.isBlank())
                .collect(java.util.stream.Collectors.joining(" "));
        return joined.isEmpty() ? null : joined;
    }

    java.util.Optional<String> forceName(String forceCode) {
        return jdbc.sql("select name from force where force_code = ?").param(forceCode).query(String.class).optional();
    }
}
