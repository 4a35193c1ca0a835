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
        return sharing.sharesOf(crimeId).stream().map(s -> new Outsider(s.partnerName(),
                s.parts().stream().map(SharePart::code).toList(), s.sharedAt(),
                s.endedAt() != null ? s.endedAt() : s.consentWithdrawnAt(), s.lasting())).toList();
    }
}
