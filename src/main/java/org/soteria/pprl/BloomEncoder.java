package org.soteria.pprl;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.soteria.linkage.PersonRecord;

/**
 * Privacy-preserving encodings of a person's identifying fields (ADR 31): one Bloom filter each for given name,
 * family name, date of birth, postcode and Police National Computer identifier. Each character bigram (and each part of the date) sets bits chosen
 * by HMAC-SHA-256 under the release's secret, which the forces agree among themselves and the hub never holds,
 * so the hub can compare encodings but cannot rebuild a name from one, nor build a dictionary of encodings.
 *
 * <p>Names are <b>salted with the record's year of birth</b>: "james" born in 1985 and "james" born in 1990 set
 * unrelated bits. A frequency attack (line up the commonest filters, or clusters of similar filters, with the
 * commonest names) then sees the flat distribution of name and year together rather than the steep one of
 * names. Given and family names share one hashing domain so that a swapped pair still compares. The secret is
 * per release: a new release's encodings share nothing with the last one's.
 */
public final class BloomEncoder {

    /** The scheme these encodings follow: a file or message in another scheme cannot be compared with them. */
    public static final String SCHEME = "soteria-pprl-2";
    /** Bits in each field's filter. */
    public static final int BITS = 512;
    public static final int WORDS = BITS / 64;
    /** The filters in the order they are packed. */
    public static final List<String> FIELDS = List.of("given_name", "family_name", "date_of_birth", "postcode",
            "pnc_id");
    /** The smallest secret accepted, in characters. */
    public static final int MINIMUM_SECRET = 16;
    private static final int NAME_HASHES = 10;
    private static final int DATE_HASHES = 12;
    private static final int POSTCODE_HASHES = 8;
    private static final int PNC_HASHES = 8;

    private final ThreadLocal<Mac> mac;
    private final String keyId;
    private final boolean salted;

    public BloomEncoder(String sharedSecret) {
        this(sharedSecret, true);
    }

    /** Names without the year salt: only to show, in tests and benchmarks, what the salt costs and protects. */
    public static BloomEncoder unsalted(String sharedSecret) {
        return new BloomEncoder(sharedSecret, false);
    }

    private BloomEncoder(String sharedSecret, boolean salted) {
        this.salted = salted;
        if (sharedSecret == null || sharedSecret.strip().length() < MINIMUM_SECRET) {
            throw new IllegalArgumentException("the shared linkage secret must be at least " + MINIMUM_SECRET
                    + " characters");
        }
        byte[] secret = sharedSecret.strip().getBytes(StandardCharsets.UTF_8);
        this.mac = ThreadLocal.withInitial(() -> {
            try {
                Mac m = Mac.getInstance("HmacSHA256");
                m.init(new SecretKeySpec(secret, "HmacSHA256"));
                return m;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        });
        this.keyId = HexFormat.of().formatHex(hmac((SCHEME + " key id").getBytes(StandardCharsets.UTF_8)), 0, 8);
    }

    /**
     * An identifier of the secret that reveals nothing about it: only encodings under the same key id are
     * compared, and a force that mistyped the secret sees its encodings refused or matching no one's.
     */
    public String keyId() {
        return keyId;
    }

    /** The filters of one record of a people.csv. */
    public long[] encode(PersonRecord p) {
        return encode(p.givenName(), p.familyName(), p.dateOfBirth(), p.postcode(), p.pncId());
    }

    /** The five filters of one person, packed into one array of longs (empty fields give empty filters). */
    public long[] encode(String givenName, String familyName, String dateOfBirth, String postcode, String pncId) {
        long[] bits = new long[WORDS * FIELDS.size()];
        String salt = "name\u0000" + (salted ? year(dateOfBirth) : "");
        set(bits, 0, salt, bigrams(letters(givenName)), NAME_HASHES);
        set(bits, 1, salt, bigrams(letters(familyName)), NAME_HASHES);
        set(bits, 2, "date", dateTokens(dateOfBirth), DATE_HASHES);
        set(bits, 3, "postcode", bigrams(alphanumeric(postcode)), POSTCODE_HASHES);
        set(bits, 4, "pnc", bigrams(alphanumeric(pncId)), PNC_HASHES);
        return bits;
    }

    public static String toBase64(long[] bits) {
        ByteBuffer b = ByteBuffer.allocate(bits.length * Long.BYTES);
        for (long w : bits) {
            b.putLong(w);
        }
        return Base64.getEncoder().encodeToString(b.array());
    }

    /** The filters a Base64 text holds, or an exception when it is not five filters of {@link #BITS} bits. */
    public static long[] fromBase64(String text) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not Base64");
        }
        if (bytes.length != WORDS * FIELDS.size() * Long.BYTES) {
            throw new IllegalArgumentException("expected " + FIELDS.size() + " filters of " + BITS + " bits, got "
                    + bytes.length * 8 + " bits");
        }
        ByteBuffer b = ByteBuffer.wrap(bytes);
        long[] bits = new long[WORDS * FIELDS.size()];
        for (int i = 0; i < bits.length; i++) {
            bits[i] = b.getLong();
        }
        return bits;
    }

    private void set(long[] bits, int field, String domain, List<String> tokens, int hashes) {
        for (String token : tokens) {
            byte[] h = hmac((domain + "\u0000" + token).getBytes(StandardCharsets.UTF_8));
            SplittableRandom positions = new SplittableRandom(ByteBuffer.wrap(h).getLong());
            for (int i = 0; i < hashes; i++) {
                int p = positions.nextInt(BITS);
                bits[field * WORDS + p / 64] |= 1L << (p % 64);
            }
        }
    }

    private byte[] hmac(byte[] message) {
        return mac.get().doFinal(message);
    }

    static String letters(String s) {
        return fold(s).replaceAll("[^a-z]", "");
    }

    private static String alphanumeric(String s) {
        return fold(s).replaceAll("[^a-z0-9]", "");
    }

    private static String fold(String s) {
        if (s == null) {
            return "";
        }
        return Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
    }

    /** Bigrams with a space before and after, so that first and last letters count. */
    static List<String> bigrams(String s) {
        List<String> out = new ArrayList<>();
        if (s.isEmpty()) {
            return out;
        }
        String padded = " " + s + " ";
        for (int i = 0; i + 2 <= padded.length(); i++) {
            out.add(padded.substring(i, i + 2));
        }
        return out;
    }

    /** The year of a date that starts with four digits (YYYY, YYYY-MM, YYYY-MM-DD, YYYYMMDD), or "". */
    static String year(String date) {
        String digits = date == null ? "" : date.replaceAll("[^0-9]", "");
        return digits.length() == 4 || digits.length() == 6 || digits.length() == 8 ? digits.substring(0, 4) : "";
    }

    /**
     * A date (YYYY-MM-DD or YYYYMMDD) as its year, month and day, each pair of them, and month and day
     * unordered: one wrong part or day and month swapped keep half the tokens, while two unrelated dates
     * share almost none (digit bigrams would make any two dates of the same decade look alike). A year alone
     * (YYYY) or a year and month (YYYY-MM) give the tokens they can.
     */
    static List<String> dateTokens(String date) {
        String digits = date == null ? "" : date.replaceAll("[^0-9]", "");
        List<String> out = new ArrayList<>();
        if (digits.length() != 4 && digits.length() != 6 && digits.length() != 8) {
            return out;
        }
        String y = digits.substring(0, 4);
        out.add("y" + y);
        if (digits.length() == 4) {
            return out;
        }
        String m = digits.substring(4, 6);
        out.add("m" + m);
        out.add("ym" + y + m);
        if (digits.length() == 6) {
            return out;
        }
        String d = digits.substring(6, 8);
        out.add("d" + d);
        out.add("yd" + y + d);
        out.add("md" + m + d);
        out.add("pair" + (m.compareTo(d) < 0 ? m + d : d + m));
        out.add("n" + m);
        out.add("n" + d);
        return out;
    }
}
