package org.soteria.investigation;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.soteria.platform.SearchKeys;
import org.springframework.stereotype.Component;

/**
 * The name search index (issue 24, ADR 27): a person's {@link NameKeys} hashed under the current search key, as
 * {@code person.name_keys} keeps them, and a typed search as the sets of hashes each of its words may match, under
 * every configured key so that a rotation half-done finds everyone.
 */
@Component
public class NameIndex {

    private final SearchKeys keys;

    public NameIndex(SearchKeys keys) {
        this.keys = keys;
    }

    /** The id of the key that {@link #keys} hashes with, kept beside them ({@code person.name_keys_by}). */
    public String keyId() {
        return keys.current();
    }

    /** A person's index entries, sorted: the value of {@code person.name_keys}. */
    public long[] keys(String given, String middle, String family) {
        String id = keys.current();
        return NameKeys.entries(given, middle, family).stream().mapToLong(e -> keys.hash(id, e)).sorted().distinct()
                .toArray();
    }

    /** The entries as PostgreSQL writes an array ({1,2,3}), for COPY. */
    public static String literal(long[] keys) {
        StringBuilder s = new StringBuilder("{");
        for (int i = 0; i < keys.length; i++) {
            s.append(i == 0 ? "" : ",").append(keys[i]);
        }
        return s.append('}').toString();
    }

    /** One typed word: the hashes that match it, each way. */
    record Word(String text, Map<NameKeys.Match, Long[]> ways) {

        /** Every hash that matches the word, any way. */
        Long[] any() {
            return ways.values().stream().flatMap(java.util.Arrays::stream).toArray(Long[]::new);
        }
    }

    /** A search as the index is asked it: one entry per typed word (none for a search with no letters or digits). */
    List<Word> query(String search) {
        List<Word> out = new ArrayList<>();
        for (String w : NameKeys.typedWords(search)) {
            Map<NameKeys.Match, Long[]> ways = new EnumMap<>(NameKeys.Match.class);
            for (Map.Entry<NameKeys.Match, Set<String>> e : NameKeys.query(w).entrySet()) {
                List<Long> hashes = new ArrayList<>();
                for (String id : keys.ids()) {
                    e.getValue().forEach(text -> hashes.add(keys.hash(id, text)));
                }
                ways.put(e.getKey(), hashes.toArray(Long[]::new));
            }
            out.add(new Word(w, ways));
        }
        return out;
    }
}
