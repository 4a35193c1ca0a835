package org.soteria.exchange;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Invented names, nicknames and places for synthetic people. Common names come first in each list
 * and are drawn more often, so that term frequencies look like a real population.
 */
final class SyntheticNames {

    static final List<String[]> MALE = List.of(
            new String[] {"James", "Jim", "Jimmy", "Jamie"}, new String[] {"John", "Johnny", "Jack"},
            new String[] {"David", "Dave", "Davy"}, new String[] {"Michael", "Mike", "Mick"},
            new String[] {"Robert", "Rob", "Bob", "Bobby"}, new String[] {"William", "Will", "Bill", "Billy"},
            new String[] {"Thomas", "Tom", "Tommy"}, new String[] {"Daniel", "Dan", "Danny"},
            new String[] {"Matthew", "Matt"}, new String[] {"Christopher", "Chris", "Kit"},
            new String[] {"Andrew", "Andy", "Drew"}, new String[] {"Richard", "Rich", "Dick", "Rick"},
            new String[] {"Anthony", "Tony"}, new String[] {"Joseph", "Joe", "Joey"},
            new String[] {"Steven", "Steve"}, new String[] {"Mark"}, new String[] {"Paul"},
            new String[] {"Arthur", "Art", "Artie"}, new String[] {"Edward", "Ed", "Eddie", "Ted"},
            new String[] {"Alexander", "Alex", "Sandy"}, new String[] {"Samuel", "Sam", "Sammy"},
            new String[] {"Benjamin", "Ben", "Benny"}, new String[] {"Nicholas", "Nick", "Nicky"},
            new String[] {"Gareth", "Gaz"}, new String[] {"Rhys"}, new String[] {"Dylan"}, new String[] {"Owain"},
            new String[] {"Kieran"}, new String[] {"Liam"}, new String[] {"Connor"}, new String[] {"Callum", "Cal"},
            new String[] {"Jordan"}, new String[] {"Ryan"}, new String[] {"Lewis"}, new String[] {"Aled"},
            new String[] {"Frederick", "Fred", "Freddie"}, new String[] {"Harold", "Harry", "Hal"},
            new String[] {"Lawrence", "Larry", "Laurie"}, new String[] {"Terence", "Terry"},
            new String[] {"Gregory", "Greg"}, new String[] {"Timothy", "Tim"}, new String[] {"Patrick", "Pat", "Paddy"},
            new String[] {"Kenneth", "Ken", "Kenny"}, new String[] {"Leonard", "Len", "Lenny"},
            new String[] {"Raymond", "Ray"}, new String[] {"Stanley", "Stan"}, new String[] {"Vincent", "Vince"},
            new String[] {"Zachary", "Zac"}, new String[] {"Oliver", "Ollie"}, new String[] {"Mohammed", "Mo"},
            new String[] {"Tariq"}, new String[] {"Imran"}, new String[] {"Kwame"}, new String[] {"Tomasz", "Tomek"},
            new String[] {"Piotr"}, new String[] {"Darius"}, new String[] {"Marcus"}, new String[] {"Declan"});

    static final List<String[]> FEMALE = List.of(
            new String[] {"Sarah", "Sally"}, new String[] {"Emma", "Em"}, new String[] {"Rebecca", "Becky", "Becca"},
            new String[] {"Jessica", "Jess", "Jessie"}, new String[] {"Elizabeth", "Liz", "Beth", "Lizzie"},
            new String[] {"Katherine", "Kate", "Katie", "Kathy"}, new String[] {"Charlotte", "Charlie", "Lottie"},
            new String[] {"Samantha", "Sam", "Sammie"}, new String[] {"Victoria", "Vicky", "Tori"},
            new String[] {"Hannah"}, new String[] {"Laura"}, new String[] {"Sophie"}, new String[] {"Amy"},
            new String[] {"Chloe"}, new String[] {"Megan", "Meg"}, new String[] {"Lauren"}, new String[] {"Bethan"},
            new String[] {"Ffion"}, new String[] {"Cerys"}, new String[] {"Seren"}, new String[] {"Nia"},
            new String[] {"Margaret", "Maggie", "Peggy"}, new String[] {"Susan", "Sue", "Susie"},
            new String[] {"Jennifer", "Jen", "Jenny"}, new String[] {"Natalie", "Nat"}, new String[] {"Abigail", "Abby"},
            new String[] {"Olivia", "Liv"}, new String[] {"Amelia", "Millie"}, new String[] {"Isabella", "Bella", "Izzy"},
            new String[] {"Zoe"}, new String[] {"Aisha"}, new String[] {"Fatima"}, new String[] {"Priya"},
            new String[] {"Agnieszka", "Aga"}, new String[] {"Leanne"}, new String[] {"Kayleigh"}, new String[] {"Gemma"});

    static final List<String> FAMILY = List.of(
            "Jones", "Williams", "Davies", "Evans", "Thomas", "Roberts", "Hughes", "Lewis", "Smith", "Morgan",
            "Griffiths", "Edwards", "Owen", "Price", "Taylor", "Brown", "Wilson", "Johnson", "Wright", "Walker",
            "Robinson", "Thompson", "White", "Hall", "Green", "Wood", "Harris", "Clarke", "Jackson", "Turner",
            "Hill", "Moore", "Cooper", "Ward", "King", "Baker", "Harrison", "Morris", "Parry", "Rees", "Pritchard",
            "Ellis", "Hopkins", "Powell", "Jenkins", "Phillips", "Bennett", "Lloyd", "Kelly", "Murphy", "Doherty",
            "Khan", "Ahmed", "Hussain", "Patel", "Singh", "Begum", "Nowak", "Kowalski", "Mensah", "Okafor",
            "Fitzgerald", "MacDonald", "Campbell", "Stewart", "Fletcher", "Atkinson", "Cartwright", "Blackwood",
            "Ashworth", "Winterbottom", "Featherstone", "Penhaligon", "Trevithick", "Llewellyn", "Vaughan-Jones");

    static final List<String> PLACES = List.of("Wrexham", "Bangor", "Rhyl", "Colwyn Bay", "Chester", "Liverpool",
            "Manchester", "Cardiff", "Swansea", "Birmingham", "London", "Leeds", "Holyhead", "Mold", "Llandudno",
            "Warsaw", "Lagos", "Karachi", "Dublin", "Glasgow");

    private SyntheticNames() {
    }

    /** An index skewed towards the start of a list of the given size (a rough Zipf draw). */
    static int skewed(SplittableRandom rnd, int size) {
        double u = rnd.nextDouble();
        return Math.min(size - 1, (int) (size * u * u));
    }

    static String[] given(SplittableRandom rnd, boolean male) {
        List<String[]> list = male ? MALE : FEMALE;
        return list.get(skewed(rnd, list.size()));
    }

    static String family(SplittableRandom rnd) {
        return FAMILY.get(skewed(rnd, FAMILY.size()));
    }

    private static final String[] FAMILY_START = {"Ash", "Bar", "Bel", "Bram", "Car", "Cor", "Dal", "Dun", "El", "Fair",
        "Fen", "Gar", "Glen", "Hal", "Hart", "Hol", "Ken", "Kir", "Lang", "Lind", "Mar", "Mel", "Mor", "Nor", "Oak", "Pen",
        "Pol", "Quin", "Rad", "Ros", "Sal", "Sher", "Stan", "Tal", "Thorn", "Tre", "Ul", "Ven", "Wal", "Wes"};
    private static final String[] FAMILY_MIDDLE = {"", "a", "e", "i", "o", "en", "er", "in", "on", "el", "ing", "ard",
        "ow", "ley", "wor", "den", "ring", "bo", "ca", "mi"};
    private static final String[] FAMILY_END = {"by", "croft", "dale", "don", "field", "ford", "gate", "ham", "hurst",
        "ick", "ington", "ley", "low", "man", "more", "ney", "ock", "quist", "ridge", "sby", "shaw", "son", "stone",
        "ter", "thwaite", "ton", "ville", "wick", "well", "worth"};
    private static final String[] GIVEN_START = {"Al", "Bry", "Cae", "Dar", "Eli", "Fin", "Gwil", "Hen", "Io", "Jor",
        "Kel", "Lor", "Mal", "Nev", "Or", "Per", "Ros", "Sil", "Tam", "Vin"};
    private static final String[] GIVEN_END_MALE = {"an", "ric", "win", "ton", "ius", "mer", "wyn", "bert", "don", "ias"};
    private static final String[] GIVEN_END_FEMALE = {"a", "ia", "wen", "elle", "ine", "ette", "yn", "issa", "ora", "ana"};

    /**
     * A family name from a long tail of about 24,000 invented ones, so that a large synthetic population
     * has the spread of names of a real one rather than a few dozen names shared by thousands.
     */
    static String rareFamily(SplittableRandom tail) {
        int i = tail.nextInt(FAMILY_START.length * FAMILY_MIDDLE.length * FAMILY_END.length);
        return FAMILY_START[i % FAMILY_START.length] + FAMILY_MIDDLE[i / FAMILY_START.length % FAMILY_MIDDLE.length]
                + FAMILY_END[i / (FAMILY_START.length * FAMILY_MIDDLE.length)];
    }

    /** A given name from a tail of about 4,000 invented ones (2,000 for each sex). */
    static String rareGiven(SplittableRandom tail, boolean male) {
        String[] ends = male ? GIVEN_END_MALE : GIVEN_END_FEMALE;
        int i = tail.nextInt(GIVEN_START.length * FAMILY_MIDDLE.length * ends.length);
        return GIVEN_START[i % GIVEN_START.length] + FAMILY_MIDDLE[i / GIVEN_START.length % FAMILY_MIDDLE.length]
                + ends[i / (GIVEN_START.length * FAMILY_MIDDLE.length)];
    }

    static String place(SplittableRandom rnd) {
        return PLACES.get(skewed(rnd, PLACES.size()));
    }

    /** One keyboard slip: a doubled, dropped, swapped or replaced letter. */
    static String typo(SplittableRandom rnd, String s) {
        if (s.length() < 3) {
            return s;
        }
        int i = 1 + rnd.nextInt(s.length() - 2);
        char[] c = s.toCharArray();
        switch (rnd.nextInt(4)) {
            case 0:
                return s.substring(0, i) + c[i] + s.substring(i);
            case 1:
                return s.substring(0, i) + s.substring(i + 1);
            case 2:
                char t = c[i];
                c[i] = c[i + 1 < c.length ? i + 1 : i - 1];
                c[i + 1 < c.length ? i + 1 : i - 1] = t;
                return new String(c);
            default:
                c[i] = (char) ('a' + rnd.nextInt(26));
                return new String(c);
        }
    }
}
