package org.soteria.investigation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Why each crime of a searched page matched: its reference, or how each typed word matched a person's names. */
@Repository
class SearchReasons {

    private final JdbcClient jdbc;
    private final NameIndex nameIndex;

    SearchReasons(JdbcClient jdbc, NameIndex nameIndex) {
        this.jdbc = jdbc;
        this.nameIndex = nameIndex;
    }

    /**
     * Why each of the page's crimes matched a search, for the page to say: the crime reference, or for each typed
     * word how the best-matching person's names matched it (the word itself, its beginning, its sound). Run on the
     * page's crimes only, under the same row-level security; a crime found by a whole name not yet in the name
     * index is said to match the name.
     */
    Map<Long, List<String>> why(List<Long> crimeIds, String search) {
        Map<Long, List<String>> out = new java.util.LinkedHashMap<>();
        if (crimeIds.isEmpty() || search == null) {
            return out;
        }
        String ref = search.trim().toUpperCase(Locale.ROOT);
        jdbc.sql("select id from crime where id in (:ids) and upper(crime_ref) like :ref")
                .param("ids", crimeIds).param("ref", CaseRepository.escapeLike(ref) + "%")
                .query(Long.class).list()
                .forEach(id -> out.put(id, List.of(org.soteria.platform.Fault.of("cases.why.reference", ref))));
        List<NameIndex.Word> words = nameIndex.query(search);
        if (words.isEmpty()) {
            return out;
        }
        Map<String, Object> params = new HashMap<>();
        StringBuilder columns = new StringBuilder();
        for (int i = 0; i < words.size(); i++) {
            for (NameKeys.Match m : NameKeys.Match.values()) {
                String name = "w" + i + m.name();
                columns.append(", coalesce(p.name_keys && cast(:").append(name).append(" as bigint[]), false)");
                params.put(name, CaseRepository.arrayLiteral(words.get(i).ways().get(m)));
            }
        }
        params.put("ids", crimeIds);
        String all = CaseRepository.nameWords(words, params);
        Map<Long, int[]> best = new java.util.LinkedHashMap<>();
        jdbc.sql("select cp.crime_id" + columns + " from case_person cp join person p on p.id = cp.person_ref "
                        + "where cp.crime_id in (:ids) and " + all)
                .params(params)
                .query(rs -> {
                    int[] kinds = new int[words.size()];
                    int score = 0;
                    for (int i = 0; i < words.size(); i++) {
                        int kind = NameKeys.Match.values().length - 1;
                        for (int m = 0; m < NameKeys.Match.values().length; m++) {
                            if (rs.getBoolean(2 + i * NameKeys.Match.values().length + m)) {
                                kind = m;
                                break;
                            }
                        }
                        kinds[i] = kind;
                        score += kind;
                    }
                    int[] was = best.get(rs.getLong(1));
                    if (was == null || score < java.util.Arrays.stream(was).sum()) {
                        best.put(rs.getLong(1), kinds);
                    }
                });
        for (long id : crimeIds) {
            if (out.containsKey(id)) {
                continue;
            }
            int[] kinds = best.get(id);
            List<String> said = new ArrayList<>();
            if (kinds == null) {
                said.add(org.soteria.platform.Fault.of("cases.why.wholeName", search.trim()));
            } else {
                for (int i = 0; i < words.size(); i++) {
                    String code = switch (NameKeys.Match.values()[kinds[i]]) {
                        case EXACT -> "cases.why.EXACT";
                        case PREFIX -> "cases.why.PREFIX";
                        case SOUND -> "cases.why.SOUND";
                    };
                    said.add(org.soteria.platform.Fault.of(code, words.get(i).text()));
                }
            }
            out.put(id, said);
        }
        return out;
    }
}
