package org.soteria.assessment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces in a case file's text what could identify someone, consistently (issue 26): each person of the crime by
 * their part in it ("[V1]", victim 1; "[S1]", suspect 1; "[P1]", anyone else) wherever their name, or a part of it,
 * stands, their date of birth and identifier by "[V1 DOB]" and "[V1 ID]"; then any e-mail address, telephone number,
 * postcode, date and crime reference by "[email]", "[phone]", "[postcode]", "[date]" and "[ref]" (the page says what
 * each means, in its language). What it cannot know (a nickname, a street) it leaves:
 * the text is shown only to a police reviewer who may open the crime, never to academic reviewers.
 */
final class CaseFileRedaction {

    /** A person of the crime: the label they are given, and what names them in text. */
    record Person(String label, String name, String dateOfBirth, String postcode, String pncId) {
    }

    private static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[\\w-]+(\\.[\\w-]+)+");
    private static final Pattern PHONE = Pattern.compile("(?<![\\w])(\\+44\\s?|0)(\\d[\\s-]?){9,10}(?![\\w])");
    private static final Pattern POSTCODE = Pattern.compile("(?i)\\b[A-Z]{1,2}\\d[A-Z\\d]?\\s*\\d[A-Z]{2}\\b");
    private static final Pattern DATE = Pattern.compile("\\b(\\d{4}-\\d{1,2}-\\d{1,2}|\\d{1,2}[/.-]\\d{1,2}[/.-]\\d{2,4})\\b");
    private static final Pattern REFERENCE = Pattern.compile("\\b[A-Z]{2,5}/[A-Z0-9][A-Z0-9/-]*\\d[A-Z0-9/-]*\\b");

    private final List<String[]> names = new ArrayList<>();

    CaseFileRedaction(List<Person> people) {
        for (Person p : people) {
            add(p.name(), p.label());
            if (p.name() != null) {
                for (String part : p.name().split("[\\s]+")) {
                    add(part, p.label());
                }
            }
            add(p.dateOfBirth(), p.label() + " DOB");
            add(p.postcode(), "postcode");
            add(p.pncId(), p.label() + " ID");
        }
        // The longest first, so that a full name is replaced whole before its parts.
        names.sort(Comparator.comparingInt((String[] n) -> -n[0].length()));
    }

    private void add(String words, String label) {
        if (words != null && words.strip().length() >= 2) {
            names.add(new String[] {words.strip(), label});
        }
    }

    String apply(String text) {
        if (text == null) {
            return null;
        }
        String out = text;
        for (String[] n : names) {
            out = Pattern.compile("(?iu)(?<![\\p{L}\\p{N}])" + Pattern.quote(n[0]) + "(?![\\p{L}\\p{N}])").matcher(out)
                    .replaceAll(Matcher.quoteReplacement("[" + n[1] + "]"));
        }
        out = EMAIL.matcher(out).replaceAll("[email]");
        out = REFERENCE.matcher(out).replaceAll("[ref]");
        out = DATE.matcher(out).replaceAll("[date]");
        out = POSTCODE.matcher(out).replaceAll("[postcode]");
        out = PHONE.matcher(out).replaceAll("[phone]");
        return out;
    }
}
