package org.soteria.investigation;

import java.util.List;
import org.soteria.platform.WholeForce;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deletes a crime record for good (MoPI disposal, issue 29): the crime, and each person in it who is in no other
 * crime, with everything that hangs from them, whatever table holds it: the foreign keys are read from
 * PostgreSQL's catalogue, so a table a later feature adds under a crime or a person is deleted with it, without
 * this class knowing it. Children go first (each selected through its parent's condition, which still holds
 * because the parent goes last), in one transaction with the caller's. Foreign keys of several columns are
 * followed as tuples.
 */
@Service
@WholeForce("record deletion: a crime is deleted whole, whoever may see its parts; what leaves is the count of rows")
public class CaseRecordErasure {

    /** Deeper than any chain of tables the schema has: a cycle is an error, never an endless walk. */
    private static final int MAX_DEPTH = 12;

    private final JdbcClient jdbc;

    CaseRecordErasure(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What a deletion removed: the people in no other crime, and the rows of every table together. */
    public record Erased(int people, int rows) {
    }

    /** Deletes the crime and the people in it who are in no other crime, in the caller's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Erased eraseCrime(long crimeId) {
        List<Long> people = jdbc.sql("select distinct cp.person_ref from case_person cp where cp.crime_id = :id "
                        + "and not exists (select 1 from case_person o where o.person_ref = cp.person_ref "
                        + "and o.crime_id <> :id)")
                .param("id", crimeId).query(Long.class).list();
        int[] rows = {0};
        erase("crime", "id = " + crimeId, 0, rows);
        if (!people.isEmpty()) {
            erase("person", "id in (" + String.join(", ", people.stream().map(String::valueOf).toList()) + ")", 0,
                    rows);
        }
        return new Erased(people.size(), rows[0]);
    }

    private record Reference(String child, List<String> childColumns, List<String> parentColumns) {
    }

    /** Deletes the rows of {@code table} where {@code condition} (SQL over its columns) holds, dependents first. */
    private void erase(String table, String condition, int depth, int[] rows) {
        if (depth > MAX_DEPTH) {
            throw new IllegalStateException("Foreign keys below " + table + " go deeper than " + MAX_DEPTH
                    + " tables (a cycle?); nothing was deleted");
        }
        for (Reference r : references(table)) {
            erase(r.child(), "(" + columns(r.childColumns()) + ") in (select " + columns(r.parentColumns()) + " from "
                    + quote(table) + " where " + condition + ")", depth + 1, rows);
        }
        rows[0] += jdbc.sql("delete from " + quote(table) + " where " + condition).update();
    }

    private List<Reference> references(String table) {
        return jdbc.sql("select child.relname, "
                        + "array(select a.attname from unnest(k.conkey) with ordinality u(n, i) join pg_attribute a "
                        + "on a.attrelid = k.conrelid and a.attnum = u.n order by u.i)::text[], "
                        + "array(select a.attname from unnest(k.confkey) with ordinality u(n, i) join pg_attribute a "
                        + "on a.attrelid = k.confrelid and a.attnum = u.n order by u.i)::text[] "
                        + "from pg_constraint k join pg_class child on child.oid = k.conrelid "
                        + "join pg_class parent on parent.oid = k.confrelid "
                        + "join pg_namespace n on n.oid = parent.relnamespace "
                        + "where k.contype = 'f' and n.nspname = 'public' and parent.relname = :table "
                        + "order by child.relname, k.conname")
                .param("table", table)
                .query((rs, n) -> new Reference(rs.getString(1), List.of((String[]) rs.getArray(2).getArray()),
                        List.of((String[]) rs.getArray(3).getArray())))
                .list();
    }

    private static String columns(List<String> names) {
        return String.join(", ", names.stream().map(CaseRecordErasure::quote).toList());
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
