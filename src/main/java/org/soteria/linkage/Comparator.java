package org.soteria.linkage;

/** Works out the comparison level of every field for a pair of records of one {@link RecordSet}. */
final class Comparator {

    static final int GIVEN_EXACT = 1;
    static final int GIVEN_NICKNAME = 2;
    static final int GIVEN_CLOSE = 3;
    static final int GIVEN_PHONETIC = 4;
    static final int GIVEN_SIMILAR = 5;
    static final int GIVEN_INITIAL = 6;
    static final int GIVEN_SWAPPED = 7;
    static final int GIVEN_OTHER = 8;
    static final int FAMILY_EXACT = 1;
    static final int FAMILY_CLOSE = 2;
    static final int FAMILY_PHONETIC = 3;
    static final int FAMILY_SIMILAR = 4;
    static final int FAMILY_OTHER = 5;

    private final RecordSet r;

    Comparator(RecordSet records) {
        this.r = records;
    }

    /** The packed pattern of levels (see {@link Field#pack}). */
    long pattern(int a, int b) {
        long p = 0;
        int g = 0;
        int f = 0;
        if (swapped(a, b)) {
            // One piece of evidence, counted once: the given name carries it, the family name is left out.
            g = GIVEN_SWAPPED;
        } else {
            g = given(r.given[a], r.given[b]);
            f = family(r.family[a], r.family[b]);
        }
        p |= (long) g << (Field.GIVEN_NAME.ordinal() * Field.BITS);
        p |= (long) f << (Field.FAMILY_NAME.ordinal() * Field.BITS);
        p |= (long) dateOfBirth(r.dob[a], r.dob[b]) << (Field.DATE_OF_BIRTH.ordinal() * Field.BITS);
        p |= (long) postcode(r.postcode[a], r.postcode[b]) << (Field.POSTCODE.ordinal() * Field.BITS);
        p |= (long) sex(r.sex[a], r.sex[b]) << (Field.SEX.ordinal() * Field.BITS);
        p |= (long) similar(r.birthPlaces, r.birthPlace[a], r.birthPlace[b], null) << (Field.BIRTH_PLACE.ordinal() * Field.BITS);
        p |= (long) similar(r.addresses, r.address[a], r.address[b], r.addressWords) << (Field.ADDRESS.ordinal() * Field.BITS);
        p |= (long) pnc(r.pnc[a], r.pnc[b]) << (Field.PNC_ID.ordinal() * Field.BITS);
        p |= (long) email(r.email[a], r.email[b]) << (Field.EMAIL.ordinal() * Field.BITS);
        return p;
    }

    /**
     * Given and family names crossed over: each record's given name is the other's family name (close
     * spelling), or a record with one name keyed as its given name has the other's family name there.
     */
    private boolean swapped(int a, int b) {
        int ga = r.given[a];
        int gb = r.given[b];
        int fa = r.family[a];
        int fb = r.family[b];
        if (ga < 0 || gb < 0) {
            return false;
        }
        if (fa < 0 || fb < 0) {
            // One name only, in the given field: is it the other's family name (and not their given name)?
            if (fa < 0 && fb >= 0) {
                return crossed(ga, fb) && ga != gb;
            }
            if (fb < 0 && fa >= 0) {
                return crossed(gb, fa) && ga != gb;
            }
            return false;
        }
        if (ga == gb || fa == fb) {
            return false;
        }
        return crossed(ga, fb) && crossed(gb, fa);
    }

    /** A given name value close to a family name value (Jaro–Winkler 0.94+). */
    private boolean crossed(int given, int family) {
        return Text.jaroWinkler(r.givenNames.chars(given), r.familyNames.chars(family)) >= 0.94;
    }

    int given(int a, int b) {
        if (a < 0 || b < 0) {
            return 0;
        }
        if (a == b) {
            return GIVEN_EXACT;
        }
        String x = r.givenNames.value(a);
        String y = r.givenNames.value(b);
        if (Nicknames.shareGroup(r.givenGroups[a], r.givenGroups[b])) {
            return GIVEN_NICKNAME;
        }
        if (x.length() == 1 || y.length() == 1) {
            return x.charAt(0) == y.charAt(0) ? GIVEN_INITIAL : GIVEN_OTHER;
        }
        double jw = Text.jaroWinkler(r.givenNames.chars(a), r.givenNames.chars(b));
        if (jw >= 0.94) {
            return GIVEN_CLOSE;
        }
        if (r.givenPhonetic[a].equals(r.givenPhonetic[b])) {
            return GIVEN_PHONETIC;
        }
        return jw >= 0.85 ? GIVEN_SIMILAR : GIVEN_OTHER;
    }

    int family(int a, int b) {
        if (a < 0 || b < 0) {
            return 0;
        }
        if (a == b) {
            return FAMILY_EXACT;
        }
        String x = r.familyNames.value(a);
        String y = r.familyNames.value(b);
        double jw = Text.jaroWinkler(r.familyNames.chars(a), r.familyNames.chars(b));
        if (jw >= 0.94 || x.length() >= 3 && y.length() >= 3 && (x.startsWith(y) || y.startsWith(x)
                || x.endsWith(y) || y.endsWith(x))) {
            return FAMILY_CLOSE;
        }
        if (r.familyPhonetic[a].equals(r.familyPhonetic[b])) {
            return FAMILY_PHONETIC;
        }
        return jw >= 0.85 ? FAMILY_SIMILAR : FAMILY_OTHER;
    }

    static final int DOB_EXACT = 1;
    static final int DOB_TRANSPOSED = 2;
    static final int DOB_ONE_DIGIT = 3;
    static final int DOB_PARTIAL = 4;
    static final int DOB_YEAR_MONTH = 5;
    static final int DOB_YEAR = 6;
    static final int DOB_YEAR_ONE_OUT = 7;
    static final int DOB_OTHER = 8;

    /**
     * Strongest first: the same digits; day and month transposed; one digit wrong or two neighbours swapped;
     * a partial date (year, or year and month) that the other agrees with; the same year and month; the same
     * year; years one apart; else different. Re-keyed records of one person disagree on the day far more
     * often than on the year, so the year levels keep that evidence where "different" would throw it away.
     */
    static int dateOfBirth(int a, int b) {
        if (a == 0 || b == 0) {
            return 0;
        }
        boolean fullA = DateOfBirth.full(a);
        boolean fullB = DateOfBirth.full(b);
        if (a == b && fullA) {
            return DOB_EXACT;
        }
        int ya = DateOfBirth.year(a);
        int yb = DateOfBirth.year(b);
        int ma = DateOfBirth.month(a);
        int mb = DateOfBirth.month(b);
        if (fullA && fullB) {
            int da = DateOfBirth.day(a);
            int db = DateOfBirth.day(b);
            if (ya == yb && ma == db && da == mb) {
                return DOB_TRANSPOSED;
            }
            if (oneDigitOrSwap(a, b)) {
                return DOB_ONE_DIGIT;
            }
        } else if (ya == yb && (ma == 0 || mb == 0 || ma == mb)) {
            return DOB_PARTIAL;
        }
        if (ya == yb) {
            return ma == mb ? DOB_YEAR_MONTH : DOB_YEAR;
        }
        return Math.abs(ya - yb) == 1 ? DOB_YEAR_ONE_OUT : DOB_OTHER;
    }

    /** Eight digits that differ in one place, or in two neighbouring places swapped. */
    private static boolean oneDigitOrSwap(int a, int b) {
        int diffs = 0;
        int first = -1;
        int[] da = new int[8];
        int[] db = new int[8];
        for (int i = 7, x = a, y = b; i >= 0; i--, x /= 10, y /= 10) {
            da[i] = x % 10;
            db[i] = y % 10;
        }
        for (int i = 0; i < 8; i++) {
            if (da[i] != db[i]) {
                if (diffs == 0) {
                    first = i;
                }
                diffs++;
            }
        }
        if (diffs == 1) {
            return true;
        }
        return diffs == 2 && first < 7 && da[first] == db[first + 1] && da[first + 1] == db[first];
    }

    private int postcode(int a, int b) {
        if (a < 0 || b < 0) {
            return 0;
        }
        if (a == b) {
            return 1;
        }
        String sa = r.postcodeSector[a];
        String sb = r.postcodeSector[b];
        if (sa != null && sa.equals(sb)) {
            return 2;
        }
        String da = r.postcodeDistrict[a];
        if (da != null && da.equals(r.postcodeDistrict[b])) {
            return 3;
        }
        return Text.withinOneEdit(r.postcodes.value(a), r.postcodes.value(b)) ? 4 : 5;
    }

    private static int sex(byte a, byte b) {
        if (a == 0 || b == 0) {
            return 0;
        }
        return a == b ? 1 : 2;
    }

    /**
     * Exact, Jaro–Winkler 0.9+, then (with {@code words}) half the words shared, else different. With
     * words (addresses), Jaro–Winkler is worked out only when a quarter of the words are shared or either
     * has at most two: long texts sharing almost no word are not close, and the test is the costly part.
     */
    private static int similar(RecordSet.Vocabulary vocabulary, int a, int b, int[][] words) {
        if (a < 0 || b < 0) {
            return 0;
        }
        if (a == b) {
            return 1;
        }
        double overlap = words == null ? 1 : Text.jaccard(words[a], words[b]);
        boolean short_ = words != null && (words[a].length <= 2 || words[b].length <= 2);
        if ((overlap >= 0.25 || short_) && Text.jaroWinkler(vocabulary.chars(a), vocabulary.chars(b)) >= 0.9) {
            return 2;
        }
        if (words == null) {
            return 3;
        }
        return overlap >= 0.5 ? 3 : 4;
    }

    private int pnc(int a, int b) {
        if (a < 0 || b < 0) {
            return 0;
        }
        if (a == b) {
            return 1;
        }
        return Text.withinOneEdit(r.pncIds.value(a), r.pncIds.value(b)) ? 2 : 3;
    }

    private int email(int a, int b) {
        if (a < 0 || b < 0) {
            return 0;
        }
        if (a == b) {
            return 1;
        }
        String x = r.emails.value(a);
        String y = r.emails.value(b);
        int ax = x.indexOf('@');
        int ay = y.indexOf('@');
        if (ax > 0 && ay > 0 && x.substring(0, ax).equals(y.substring(0, ay)) || Text.jaroWinkler(x, y) >= 0.9) {
            return 2;
        }
        return 3;
    }
}
