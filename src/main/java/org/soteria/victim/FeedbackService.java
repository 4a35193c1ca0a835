package org.soteria.victim;

import org.apache.commons.codec.digest.DigestUtils;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.soteria.audit.AuditAction;
import org.soteria.audit.AuditEntry;
import org.soteria.audit.AuditService;
import org.soteria.platform.DataScope;
import org.soteria.security.SoteriaUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Victims' feedback through single-use links: whether a link can be used, storing the answers once (the scores
 * join the crime's measures, the comment is kept apart), and the force lead's monthly comments.
 */
@Service
public class FeedbackService {

    private final VictimRepository repository;
    private final VictimService victims;
    private final AuditService audit;
    private final DataScope scope;

    FeedbackService(VictimRepository repository, VictimService victims, AuditService audit, DataScope scope) {
        this.repository = repository;
        this.victims = victims;
        this.audit = audit;
        this.scope = scope;
    }

    static String hash(String token) {
        return DigestUtils.sha256Hex(token);
    }

    /** Whether a feedback link can still be used. */
    public enum LinkState {
        USABLE, USED, EXPIRED, UNKNOWN
    }

    public LinkState linkState(String token) {
        return scope.wholeForce(FEEDBACK_LINK, () -> repository.invitation(hash(token))
                .map(i -> i.used() ? LinkState.USED : i.expired() ? LinkState.EXPIRED : LinkState.USABLE)
                .orElse(LinkState.UNKNOWN));
    }

    /** The victim signs in with nothing: the single-use link is their authority, for their own crime only (ADR 17). */
    private static final String FEEDBACK_LINK = "a victim's single-use feedback link";

    /**
     * Stores a victim's answers once. The scores join the crime's measures; the comment is kept apart
     * from the crime and the victim. Returns the link's state before submission.
     */
    @Transactional
    public LinkState submitFeedback(String token, Integer[] scores, String comment) {
        return scope.wholeForce(FEEDBACK_LINK, () -> storeFeedback(token, scores, comment));
    }

    private LinkState storeFeedback(String token, Integer[] scores, String comment) {
        Optional<VictimRepository.Invitation> invitation = repository.invitation(hash(token));
        if (invitation.isEmpty()) {
            return LinkState.UNKNOWN;
        }
        VictimRepository.Invitation i = invitation.get();
        if (!repository.useInvitation(i.id())) {
            return i.expired() ? LinkState.EXPIRED : LinkState.USED;
        }
        LocalDate today = victims.today();
        repository.addFeedback(i.crimeId(), i.victimRef(), today, scores, i.byOfficer());
        if (comment != null && !comment.isBlank()) {
            repository.addFeedbackComment(i.forceCode(), today.withDayOfMonth(1), comment.strip());
        }
        audit.record(AuditEntry.of("victim-feedback", "public", AuditAction.IMPORT, "feedback", "invitation:" + i.id())
                .detail("feedback returned through a single-use link"));
        return LinkState.USABLE;
    }

    /** The free-text comments of a month for the force lead, only when at least {@code minimum} were left. */
    public record Comments(Map<LocalDate, Long> months, LocalDate month, List<String> comments, boolean tooFew,
            boolean notEnded) {
    }

    public Comments comments(SoteriaUser user, LocalDate month, int minimum) {
        Map<LocalDate, Long> months = repository.feedbackCommentMonths(user.forceCode(),
                victims.today().withDayOfMonth(1));
        LocalDate chosen = month != null ? month.withDayOfMonth(1)
                : months.isEmpty() ? null : months.keySet().iterator().next();
        long count = chosen == null || !months.containsKey(chosen) ? 0 : months.get(chosen);
        boolean tooFew = count > 0 && count < minimum;
        List<String> comments = tooFew || count == 0 ? List.of() : repository.feedbackComments(user.forceCode(), chosen);
        audit.record(AuditEntry.of(user.getUsername(), user.role().code(), AuditAction.VIEW, "feedback_comment",
                user.forceCode() + ":" + (chosen == null ? "none" : chosen)).detail("victims' feedback comments"
                        + (chosen == null ? ": none left yet" : " of " + chosen + ": " + comments.size() + " shown")));
        return new Comments(months, chosen, comments, tooFew,
                chosen != null && !chosen.isBefore(victims.today().withDayOfMonth(1)));
    }
}
