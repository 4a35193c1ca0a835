package org.soteria.workforce;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.soteria.security.SoteriaUser;

/**
 * Where a force gets national guidance and practice from: the learning network's hub, whose moderated practice
 * library it publishes in numbered versions (ADR 40). Declared here, provided by the network feature, so that the
 * guidance library does not depend on the network.
 */
public interface NationalGuidance {

    /** The most items a version may hold. */
    int ITEM_LIMIT = 2000;
    /** The most characters of a title (as the hub's practice library keeps them). */
    int TITLE_LIMIT = 200;
    /** The most characters of what a practice is, why, and its evidence. */
    int TEXT_LIMIT = 4000;

    /**
     * A practice as the hub publishes it: the hub's number for it, the force that wrote it ("NATIONAL" for the
     * national team), whether it came from that force's own guidance library, its pillar (1 to 6), title, what it
     * is, why it works, its evidence, and the day it was published.
     */
    record Item(long id, String force, boolean fromGuidance, int pillar, String title, String what, String why,
            String evidence, String publishedOn) {

        /** Why this item cannot be taken, each naming it and the field; empty when it can. */
        List<String> problems() {
            List<String> out = new ArrayList<>();
            String at = "item " + id;
            if (id < 1) {
                out.add("an item's number must be 1 or more (" + id + ")");
            }
            if (force == null || !force.matches("[A-Z0-9]{2,8}")) {
                out.add(at + ": the force's code must be 2 to 8 capital letters and digits (" + force + ")");
            }
            if (pillar < 1 || pillar > GuidanceService.Pillar.values().length) {
                out.add(at + ": the pillar must be 1 to 6, not " + pillar);
            }
            if (title == null || title.isBlank() || title.length() > TITLE_LIMIT) {
                out.add(at + ": a title of 1 to " + TITLE_LIMIT + " characters is needed");
            }
            if (what == null || what.isBlank()) {
                out.add(at + ": what the practice is must be given");
            }
            for (String text : new String[] {what, why, evidence}) {
                if (text != null && text.length() > TEXT_LIMIT) {
                    out.add(at + ": a text is at most " + TEXT_LIMIT + " characters");
                    break;
                }
            }
            try {
                LocalDate.parse(String.valueOf(publishedOn));
            } catch (DateTimeParseException e) {
                out.add(at + ": publishedOn must be a date (yyyy-mm-dd), not " + publishedOn);
            }
            return out;
        }

        GuidanceService.Pillar chosenPillar() {
            return GuidanceService.Pillar.values()[pillar - 1];
        }
    }

    /** A published version of the hub's library, whole: what a force receives. */
    record Release(int version, String publishedOn, List<Item> items) {

        /** Why a received version cannot be taken; empty when it can. */
        public List<String> problems() {
            List<String> out = new ArrayList<>();
            if (version < 1 || items == null || items.size() > ITEM_LIMIT) {
                out.add("a version of 1 or more with at most " + ITEM_LIMIT + " items is needed");
                return out;
            }
            Set<Long> ids = new HashSet<>();
            for (Item i : items) {
                if (i == null) {
                    out.add("an empty item");
                    continue;
                }
                out.addAll(i.problems());
                if (!ids.add(i.id())) {
                    out.add("item " + i.id() + " is given twice");
                }
            }
            return out;
        }
    }

    /** The hub's guidance file the force took last, as the version it offers, with when and by whom it was taken. */
    record Offer(Release release, OffsetDateTime takenAt, String takenBy) {
    }

    Optional<Offer> offer();

    /** Takes the hub's newest guidance file over HTTPS; returns its version. */
    int fetch(SoteriaUser user);

    /** Takes a guidance file downloaded at the hub and uploaded by hand; returns its version. */
    int upload(SoteriaUser user, String text);
}
