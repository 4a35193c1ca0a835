package org.soteria.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.soteria.casework.BailAlerts.Kind;
import org.soteria.casework.Codes.BailKind;

/** The bail and RUI alerts: before expiry, after a lapse, and around review dates. */
class BailAlertsTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 29);
    private static final BailAlerts ALERTS = new BailAlerts(14);

    private static BailAlerts.Period bail(LocalDate expires, LocalDate review) {
        return new BailAlerts.Period(BailKind.BAIL, TODAY.minusMonths(2), expires, review, null);
    }

    @Test
    void bailIsFlaggedFromFourteenDaysBeforeExpiryAndNotBefore() {
        assertThat(ALERTS.of(bail(TODAY.plusDays(15), null), TODAY)).isEmpty();
        assertThat(ALERTS.of(bail(TODAY.plusDays(14), null), TODAY)).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo(Kind.EXPIRES_SOON);
            assertThat(a.message()).isEqualTo("{caseworkAlert.bailExpiresIn|=14|@2026-12-13}");
        });
        assertThat(ALERTS.of(bail(TODAY.plusDays(1), null), TODAY).get(0).message())
                .isEqualTo("{caseworkAlert.bailExpiresIn|=1|@2026-11-30}");
        assertThat(ALERTS.of(bail(TODAY, null), TODAY).get(0).message()).isEqualTo("{caseworkAlert.bailExpiresToday}");
    }

    @Test
    void bailPastItsExpiryWithNoDecisionHasLapsed() {
        assertThat(ALERTS.of(bail(TODAY.minusDays(1), null), TODAY)).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo(Kind.LAPSED);
            assertThat(a.date()).isEqualTo(TODAY.minusDays(1));
        });
    }

    @Test
    void endedBailNeedsNothing() {
        BailAlerts.Period ended = new BailAlerts.Period(BailKind.BAIL, TODAY.minusMonths(3), TODAY.minusDays(3),
                TODAY.minusDays(10), TODAY.minusDays(4));
        assertThat(ALERTS.of(ended, TODAY)).isEmpty();
    }

    @Test
    void reviewDatesAreFlaggedAWeekAheadAndWhenPassed() {
        assertThat(ALERTS.of(bail(TODAY.plusMonths(2), TODAY.plusDays(8)), TODAY)).isEmpty();
        assertThat(ALERTS.of(bail(TODAY.plusMonths(2), TODAY.plusDays(7)), TODAY)).extracting(BailAlerts.Alert::kind)
                .containsExactly(Kind.REVIEW_DUE);
        assertThat(ALERTS.of(bail(TODAY.plusDays(3), TODAY.minusDays(1)), TODAY)).extracting(BailAlerts.Alert::kind)
                .containsExactly(Kind.EXPIRES_SOON, Kind.REVIEW_OVERDUE);
    }

    @Test
    void releaseUnderInvestigationHasNoExpiryOnlyReviews() {
        BailAlerts.Period rui = new BailAlerts.Period(BailKind.RUI, TODAY.minusMonths(4), null, TODAY.minusDays(2), null);
        assertThat(ALERTS.of(rui, TODAY)).extracting(BailAlerts.Alert::kind).containsExactly(Kind.REVIEW_OVERDUE);
        assertThat(ALERTS.of(new BailAlerts.Period(BailKind.RUI, TODAY, null, TODAY.plusDays(90), null), TODAY)).isEmpty();
    }

    @Test
    void theWarningPeriodIsConfigurable() {
        assertThat(new BailAlerts(3).of(bail(TODAY.plusDays(4), null), TODAY)).isEmpty();
        assertThat(new BailAlerts(3).of(bail(TODAY.plusDays(3), null), TODAY)).hasSize(1);
        assertThatThrownBy(() -> new BailAlerts(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
