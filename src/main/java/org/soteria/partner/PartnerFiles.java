package org.soteria.partner;

import java.util.Optional;
import org.soteria.casework.SharedFiles;
import org.soteria.platform.ForceMode;
import org.soteria.security.SoteriaUser;
import org.springframework.stereotype.Component;

/** Casework's question answered from the record of sharing: is this crime's file shared with the user's unit? */
@Component
@ForceMode
class PartnerFiles implements SharedFiles {

    private final SharingService sharing;

    PartnerFiles(SharingService sharing) {
        this.sharing = sharing;
    }

    @Override
    public Optional<SharedFile> file(SoteriaUser user, long crimeId, String page) {
        return sharing.withPart(user, crimeId, SharePart.FILE, page).map(seen -> new SharedFile(seen.crime(), seen.why()));
    }

    @Override
    public Optional<String> cpsUnitWithFile(long crimeId) {
        return sharing.sharesOf(crimeId).stream().filter(s -> s.lasting() && s.kind() == PartnerKind.CPS
                && s.parts().contains(SharePart.FILE)).map(SharingRepository.Share::partnerName).findFirst();
    }
}
