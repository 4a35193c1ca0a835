package org.soteria.linkage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.commons.codec.language.DoubleMetaphone;

/**
 * Person records normalised for comparison: each text field is interned into a vocabulary (so that
 * phonetic codes, nickname groups and term frequencies are worked out once per distinct value), dates
 * of birth packed into numbers. Values that do not parse count as missing and are counted in
 * {@link #warnings()}.
 */
public final class RecordSet {

    private static final Pattern UK_POSTCODE = Pattern.compile("[A-Z]{1,2}[0-9][A-Z0-9]?[0-9][A-Z]{2}");

    /** Distinct values of one field, with how often each occurs. */
    static final class Vocabulary {
        private final Map<String, Integer> index = new HashMap<>();
        final List<String> values = new ArrayList<>();
        int[] counts = new int[16];
        int present;

        int add(String value) {
            if (value == null) {
                return -1;
            }
            Integer id = index.get(value);
            if (id == null) {
                id = values.size();
                index.put(value, id);
                values.add(value);
                if (id == counts.length) {
                    counts = Arrays.copyOf(counts, id * 2);
                }
            }
            counts[id]++;
            present++;
            return id;
        }

        String value(int id) {
            return values.get(id);
        }

        private char[][] chars;

        /** The value as characters, for Jaro–Winkler without copying (built on first use, after all values are in). */
        char[] chars(int id) {
            char[][] c = chars;
            if (c == null) {
                c = new char[values.size()][];
                for (int v = 0; v < c.length; v++) {
                    c[v] = values.get(v).toCharArray();
                }
                chars = c;
            }
            return c[id];
        }

        /** The share of records with a value that have this one. */
        double frequency(int id) {
            return (double) counts[id] / present;
        }
    }

    /** What could not be read, by field: the count of values treated as missing. */
    public record Warnings(int invalidDatesOfBirth, int impossibleDatesOfBirth, int unknownSexValues) {
    }

    final int size;
    final String[] ids;
    final Vocabulary givenNames = new Vocabulary();
    final Vocabulary familyNames = new Vocabulary();
    final Vocabulary postcodes = new Vocabulary();
    final Vocabulary addresses = new Vocabulary();
    final Vocabulary birthPlaces = new Vocabulary();
    final Vocabulary pncIds = new Vocabulary();
    final Vocabulary emails = new Vocabulary();
    final int[] given;
    final int[] family;
    final int[] dob;
    final byte[] sex;
    final int[] postcode;
    final int[] address;
    final int[] birthPlace;
    final int[] pnc;
    final int[] email;

    /** Per given or family name value: its Double Metaphone code. */
    String[] givenPhonetic;
    String[] familyPhonetic;
    /** Per given name value: the nickname groups it belongs to (empty when none). */
    int[][] givenGroups;
    /** Per address value: the numbers of its distinct words, sorted (for the word-overlap level). */
    int[][] addressWords;
    /** Per postcode value: its sector and district when it is a UK postcode, else null. */
    String[] postcodeSector;
    String[] postcodeDistrict;

    private final Warnings warnings;
    /** Per record, the share of records with a date of birth that have the same one. */
    private final float[] dobFrequency;

    public RecordSet(List<PersonRecord> records, Nicknames nicknames) {
        size = records.size();
        ids = new String[size];
        given = new int[size];
        family = new int[size];
        dob = new int[size];
        sex = new byte[size];
        postcode = new int[size];
        address = new int[size];
        birthPlace = new int[size];
        pnc = new int[size];
        email = new int[size];
        int badDob = 0;
        int impossibleDob = 0;
        int badSex = 0;
        for (int i = 0; i < size; i++) {
            PersonRecord r = records.get(i);
            ids[i] = r.personId();
            String g = Text.name(r.givenName());
            String middle = Text.name(r.middleNames());
            if (g != null && g.indexOf(' ') > 0) {
                g = g.substring(0, g.indexOf(' '));
            } else if (g == null && middle != null) {
                g = middle.indexOf(' ') > 0 ? middle.substring(0, middle.indexOf(' ')) : middle;
            }
            given[i] = givenNames.add(g);
            String f = Text.name(r.familyName());
            family[i] = familyNames.add(f == null ? null : f.replace(" ", ""));
            int d = DateOfBirth.parse(r.dateOfBirth());
            if (d == DateOfBirth.INVALID) {
                badDob++;
                d = DateOfBirth.MISSING;
            } else if (DateOfBirth.impossible(d)) {
                impossibleDob++;
            }
            dob[i] = d;
            byte s = sexCode(r.sex());
            if (s < 0) {
                badSex++;
                s = 0;
            }
            sex[i] = s;
            postcode[i] = postcodes.add(Text.code(r.postcode()));
            address[i] = addresses.add(Text.words(r.address()));
            birthPlace[i] = birthPlaces.add(Text.words(r.birthPlace()));
            pnc[i] = pncIds.add(Text.code(r.pncId()));
            String e = r.email() == null ? null : r.email().trim().toLowerCase(java.util.Locale.ROOT);
            email[i] = emails.add(e == null || e.isEmpty() ? null : e);
        }
        warnings = new Warnings(badDob, impossibleDob, badSex);
        Map<Integer, Integer> dobCounts = new HashMap<>();
        int withDob = 0;
        for (int d : dob) {
            if (d != DateOfBirth.MISSING) {
                dobCounts.merge(d, 1, Integer::sum);
                withDob++;
            }
        }
        dobFrequency = new float[size];
        for (int i = 0; i < size; i++) {
            dobFrequency[i] = dob[i] == DateOfBirth.MISSING ? 0 : (float) dobCounts.get(dob[i]) / withDob;
        }
        DoubleMetaphone metaphone = new DoubleMetaphone();
        givenPhonetic = phonetic(givenNames, metaphone);
        familyPhonetic = phonetic(familyNames, metaphone);
        givenGroups = new int[givenNames.values.size()][];
        for (int v = 0; v < givenGroups.length; v++) {
            givenGroups[v] = nicknames.groupsOf(givenNames.value(v));
        }
        Map<String, Integer> words = new HashMap<>();
        addressWords = new int[addresses.values.size()][];
        for (int v = 0; v < addressWords.length; v++) {
            addressWords[v] = java.util.Arrays.stream(addresses.value(v).split(" "))
                    .mapToInt(w -> words.computeIfAbsent(w, k -> words.size())).distinct().sorted().toArray();
        }
        postcodeSector = new String[postcodes.values.size()];
        postcodeDistrict = new String[postcodeSector.length];
        for (int v = 0; v < postcodeSector.length; v++) {
            String p = postcodes.value(v);
            if (UK_POSTCODE.matcher(p).matches()) {
                postcodeDistrict[v] = p.substring(0, p.length() - 3);
                postcodeSector[v] = p.substring(0, p.length() - 2);
            }
        }
    }

    private static String[] phonetic(Vocabulary names, DoubleMetaphone metaphone) {
        String[] codes = new String[names.values.size()];
        for (int v = 0; v < codes.length; v++) {
            String code = metaphone.doubleMetaphone(names.value(v));
            codes[v] = code == null || code.isEmpty() ? names.value(v) : code;
        }
        return codes;
    }

    /** 0 unknown, 1 female, 2 male, 3 other; -1 for a value that is none of the exchange format's. */
    private static byte sexCode(String raw) {
        if (raw == null || raw.isBlank()) {
            return 0;
        }
        switch (raw.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "female", "f" -> {
                return 1;
            }
            case "male", "m" -> {
                return 2;
            }
            case "other" -> {
                return 3;
            }
            case "unknown", "u" -> {
                return 0;
            }
            default -> {
                return -1;
            }
        }
    }

    public int size() {
        return size;
    }

    double dobFrequency(int record) {
        return dobFrequency[record];
    }

    public String personId(int record) {
        return ids[record];
    }

    public Warnings warnings() {
        return warnings;
    }
}
