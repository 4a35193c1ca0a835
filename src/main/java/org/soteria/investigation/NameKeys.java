package org.soteria.investigation;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.codec.language.DoubleMetaphone;
import org.soteria.platform.FieldCipher;

/**
 * What the name search index holds for a person, and what a search looks for (issue 24, ADR 27), as text before it
 * is hashed: for each word of their names, the word ({@code e|sarah}), its beginnings up to {@value #LONGEST_PREFIX}
 * letters ({@code p|s}, {@code p|sa}, …) and its sounds (Double Metaphone, {@code s|SR}). A hyphenated or several-word
 * name is also kept joined ("Smith-Jones" as smith, jones and smithjones). Only the keyed hashes are stored.
 */
final class NameKeys {

    /** Beginnings longer than this are looked up by their first eight letters (a little wider, never narrower). */
    static final int LONGEST_PREFIX = 8;
    /** Words of a search beyond this many are not looked up (a name has rarely more). */
    static final int MOST_WORDS = 4;
    private static final int SHORTEST_SOUND = 3;

    /** How a typed word matched a name, strongest first. */
    enum Match {
        EXACT, PREFIX, SOUND
    }

    private static final DoubleMetaphone METAPHONE = new DoubleMetaphone();

    private NameKeys() {
    }

    /** The words of a name as search compares them: lower case, no accents or punctuation, hyphens as spaces. */
    static List<String> words(String name) {
        if (name == null) {
            return List.of();
        }
        String n = FieldCipher.normaliseName(name.replaceAll("[-‐‑–—_/]", " "));
        return n == null || n.isEmpty() ? List.of() : List.of(n.split(" "));
    }

    /** Everything the index keeps for a person with these names (any may be null). */
    static Set<String> entries(String... names) {
        Set<String> out = new LinkedHashSet<>();
        for (String name : names) {
            List<String> words = words(name);
            List<String> all = new ArrayList<>(words);
            if (words.size() > 1) {
                all.add(String.join("", words));
            }
            for (String w : all) {
                out.add("e|" + w);
                for (int k = 1; k <= Math.min(w.length(), LONGEST_PREFIX); k++) {
                    out.add("p|" + w.substring(0, k));
                }
                sounds(w).forEach(s -> out.add("s|" + s));
            }
        }
        return out;
    }

    /** For one typed word, what the index is asked for each way it can match. */
    static Map<Match, Set<String>> query(String typedWord) {
        String w = typedWord.toLowerCase(Locale.ROOT);
        Map<Match, Set<String>> out = new EnumMap<>(Match.class);
        out.put(Match.EXACT, Set.of("e|" + w));
        out.put(Match.PREFIX, Set.of("p|" + w.substring(0, Math.min(w.length(), LONGEST_PREFIX))));
        Set<String> sounds = new LinkedHashSet<>();
        sounds(w).forEach(s -> sounds.add("s|" + s));
        out.put(Match.SOUND, sounds);
        return out;
    }

    /**
     * The words of a search that are looked up as names, at most {@link #MOST_WORDS}: none for a crime reference
     * (a search with a slash), and no word with a digit in it (no name has one).
     */
    static List<String> typedWords(String search) {
        if (search == null || search.contains("/")) {
            return List.of();
        }
        List<String> words = words(search).stream().filter(w -> w.chars().noneMatch(Character::isDigit)).toList();
        return words.size() > MOST_WORDS ? words.subList(0, MOST_WORDS) : words;
    }

    private static Set<String> sounds(String word) {
        Set<String> out = new LinkedHashSet<>();
        if (word.length() >= SHORTEST_SOUND && word.chars().allMatch(Character::isLetter)) {
            String primary = METAPHONE.doubleMetaphone(word);
            String alternate = METAPHONE.doubleMetaphone(word, true);
            if (primary != null && !primary.isEmpty()) {
                out.add(primary);
            }
            if (alternate != null && !alternate.isEmpty()) {
                out.add(alternate);
            }
        }
        return out;
    }
}
