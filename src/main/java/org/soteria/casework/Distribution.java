package org.soteria.casework;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.soteria.audit.AuditAction;
import org.soteria.audit.AuditEntry;
import org.soteria.audit.AuditService;
import org.soteria.investigation.CaseDetail;
import org.soteria.investigation.InvestigationService;
import org.soteria.platform.CrimeEvents;
import org.soteria.platform.DatabaseConfig;
import org.soteria.platform.Invalid;
import org.soteria.platform.WholeForce;
import org.soteria.reference.CpsDecision;
import org.soteria.security.NeedToKnow;
import org.soteria.security.Permission;
import org.soteria.security.SoteriaUser;
import org.soteria.suspect.SuspectService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The median and 90th percentile (nearest rank) of a list of day counts, with its size. */
public record Distribution(int count, Integer median, Integer p90) {

    static Distribution of(List<Integer> sorted) {
        if (sorted.isEmpty()) {
            return new Distribution(0, null, null);
        }
        return new Distribution(sorted.size(), rank(sorted, 0.5), rank(sorted, 0.9));
    }

    private static int rank(List<Integer> sorted, double p) {
        int k = (int) Math.ceil(p * sorted.size());
        return sorted.get(Math.max(0, k - 1));
    }
}
