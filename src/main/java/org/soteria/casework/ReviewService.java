package org.soteria.casework;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.soteria.platform.Fault;
import org.soteria.platform.Invalid;
import org.soteria.security.Permission;
import org.soteria.security.SoteriaUser;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Supervisor reviews of a crime on their schedule (ReviewSchedule): the reviews page and recording a review. */
@Service
public class ReviewService {

    private final CaseworkSupport support;
    private final ReviewRepository reviewRecords;
    private final BailRepository bailRecords;
    private final MaterialRequestRepository requestRecords;
    private final ReviewSchedule schedule;

    ReviewService(CaseworkSupport support, ReviewRepository reviewRecords, BailRepository bailRecords, MaterialRequestRepository requestRecords,
            @Value("${soteria.casework.review-days:1,7,28}") String reviewDays,
            @Value("${soteria.casework.review-every-months:1}") int reviewEveryMonths) {
        this.support = support;
        this.reviewRecords = reviewRecords;
        this.bailRecords = bailRecords;
        this.requestRecords = requestRecords;
        this.schedule = new ReviewSchedule(Arrays.stream(reviewDays.split(",")).map(String::trim)
                .map(Integer::valueOf).toList(), reviewEveryMonths);
    }

    public ReviewSchedule schedule() {
        return schedule;
    }

    ReviewSchedule.Status reviewStatus(Crime crime) {
        List<LocalDate> dates = reviewRecords.reviews(crime.id()).stream().map(ReviewRepository.Review::reviewedOn).toList();
        return schedule.of(crime.detail().recordedDate(), dates, crime.detail().outcomeDate(), support.today());
    }

    /** The reviews page: the schedule's points and every review recorded. */
    public record Reviews(Crime crime, ReviewSchedule.Status status, List<ReviewRepository.Review> reviews,
            List<BailRepository.Bail> bail, long requestsAwaiting) {
    }

    public Optional<Reviews> reviews(long crimeId, SoteriaUser user) {
        return support.open(crimeId, user, "supervisor reviews").map(crime -> new Reviews(crime, reviewStatus(crime),
                reviewRecords.reviews(crimeId), bailRecords.bail(crimeId), requestRecords.requests(crimeId).stream()
                        .filter(r -> r.status() == Codes.RequestStatus.AWAITING_APPROVAL).count()));
    }

    /** A review as the form gave it. */
    public record ReviewForm(LocalDate reviewedOn, Codes.Answer suspectFocus, Codes.Answer victimEngagement,
            Codes.Answer proportionality, Codes.Answer bailStatus, String directions) {
    }

    @Transactional
    public void addReview(SoteriaUser user, long crimeId, ReviewForm f, Map<String, String> parseErrors) {
        Crime crime = support.reach(crimeId, user, Permission.REVIEW_INVESTIGATIONS);
        Map<String, String> errors = new LinkedHashMap<>(parseErrors);
        if (f.reviewedOn() != null && f.reviewedOn().isAfter(support.today())) {
            errors.putIfAbsent("reviewedOn", "{caseworkError.dateOfTheReviewMust}");
        } else if (f.reviewedOn() != null && f.reviewedOn().isBefore(crime.detail().recordedDate())) {
            errors.putIfAbsent("reviewedOn", Fault.notBefore("field.dateOfTheReview",
                    "when.dayCrimeRecorded", crime.detail().recordedDate()));
        }
        answer(errors, "suspectFocus", f.suspectFocus(), false, "caseworkError.selectSuspectFocus");
        answer(errors, "victimEngagement", f.victimEngagement(), false, "caseworkError.selectVictimEngagement");
        answer(errors, "proportionality", f.proportionality(), true,
                "caseworkError.selectProportionality");
        answer(errors, "bailStatus", f.bailStatus(), true, "caseworkError.selectBailInOrder");
        boolean anyNo = List.of(Optional.ofNullable(f.suspectFocus()), Optional.ofNullable(f.victimEngagement()),
                Optional.ofNullable(f.proportionality()), Optional.ofNullable(f.bailStatus())).stream()
                .anyMatch(a -> a.orElse(null) == Codes.Answer.NO);
        if (anyNo && f.directions() == null) {
            errors.putIfAbsent("directions", "{caseworkError.enterYourDirectionsAtLeast}");
        } else if (f.directions() != null && f.directions().length() > CaseworkSupport.TEXT_LIMIT) {
            errors.putIfAbsent("directions", Fault.tooLong("field.directions", CaseworkSupport.TEXT_LIMIT));
        }
        if (!errors.isEmpty()) {
            throw new Invalid(errors);
        }
        reviewRecords.insertReview(crimeId, f.reviewedOn(), user.getUsername(), f.suspectFocus(), f.victimEngagement(),
                f.proportionality(), f.bailStatus(), f.directions());
        support.changed(user, crime, List.of(), "supervisor review of " + f.reviewedOn());
    }

    private static void answer(Map<String, String> errors, String field, Codes.Answer a, boolean mayNotApply,
            String fault) {
        if (a == null || (!mayNotApply && a == Codes.Answer.NOT_APPLICABLE)) {
            errors.putIfAbsent(field, Fault.of(fault));
        }
    }
}
