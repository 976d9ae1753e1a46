package io.musicstream.projections.royalty;

import java.time.Instant;
import org.springframework.stereotype.Component;

/** Every play is paid from the free tier until users' plans reach this read model. */
@Component
class EveryoneFree implements RoyaltyTiers {

    static final String FREE = "FREE";

    @Override
    public String tierOf(String userId, Instant at) {
        return FREE;
    }
}
