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

    /** Whether every person is in the index (the start-up pass of {@link PersonEncryption#reindexNames} has run). */
    private volatile boolean complete;

    /** Whether every person is in the index, so that a search no longer needs the whole-name index as well. */
    public boolean complete() {
        return complete;
    }

    void completed() {
        complete = true;
    }

    /** The id of the key that {@link #keys} hashes with, kept beside them ({@code person.name_keys_by}). */
    public String keyId() {
        return keys.current();
    }

    /**
     * Each name's hashed entries, under the current key, by the name as stored: names repeat (a force's records hold
     * a few thousand given names and tens of thousands of family names), so an import normalises each name and
     * computes its sounds and hashes once. Kept by the name's own keyed hash, so no name stays in memory in clear;
     * emptied when it holds {@value #REMEMBERED} names.
     */
    private final java.util.concurrent.ConcurrentHashMap<Long, long[]> remembered =
            new java.util.concurrent.ConcurrentHashMap<>();
    private static final int REMEMBERED = 200_000;

    /** A person's index entries, sorted: the value of {@code person.name_keys}. */
    public long[] keys(String given, String middle, String family) {
        String id = keys.current();
        if (remembered.size() > REMEMBERED) {
            remembered.clear();
        }
        java.util.stream.LongStream.Builder all = java.util.stream.LongStream.builder();
        for (String name : new String[] {given, middle, family}) {
            if (name == null || name.isBlank()) {
                continue;
            }
            for (long h : remembered.computeIfAbsent(keys.hash(id, "n|" + name), k -> NameKeys.entries(name).stream()
                    .mapToLong(e -> keys.hash(id, e)).toArray())) {
                all.add(h);
            }
        }
        return all.build().sorted().distinct().toArray();
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

        /** The hashes that match the word itself or its beginning (not its sound). */
        Long[] strict() {
            return java.util.stream.Stream.of(ways.get(NameKeys.Match.EXACT), ways.get(NameKeys.Match.PREFIX))
                    .flatMap(java.util.Arrays::stream).toArray(Long[]::new);
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
