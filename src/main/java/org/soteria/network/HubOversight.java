package org.soteria.network;

import org.soteria.platform.HubMode;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The national coordinator's work, for the hub's start page (issue 24): counts, each leading to its page. */
@HubMode
@Service
class HubOversight {

    private final HubRepository repository;

    HubOversight(HubRepository repository) {
        this.repository = repository;
    }

    @Transactional(readOnly = true)
    HubRepository.Oversight now() {
        return repository.oversight();
    }
}
