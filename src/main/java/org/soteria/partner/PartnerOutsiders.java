package org.soteria.partner;

import java.util.List;
import org.soteria.investigation.CaseOutsiders;
import org.soteria.platform.ForceMode;
import org.springframework.stereotype.Component;

/** The partners a crime is shared with, for its access page (the investigation feature's question, ADR 32). */
@Component
@ForceMode
class PartnerOutsiders implements CaseOutsiders {

    private final SharingService sharing;

    PartnerOutsiders(SharingService sharing) {
        this.sharing = sharing;
    }

    @Override
    public List<Outsider> of(long crimeId) {
        return sharing.sharesOf(crimeId).stream().map(v -> new Outsider(v.share().partnerName(),
                v.share().parts().stream().map(SharePart::code).toList(), v.share().sharedAt(),
                v.share().endedAt() != null ? v.share().endedAt() : v.share().consentWithdrawnAt(),
                v.share().lasting())).toList();
    }
}
