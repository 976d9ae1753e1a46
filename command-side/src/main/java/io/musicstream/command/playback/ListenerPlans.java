package io.musicstream.command.playback;

import io.musicstream.events.account.Plan;
import java.util.Collection;
import java.util.Map;

/** What listeners pay for: the royalty pool their streams are paid from. */
public interface ListenerPlans {

    /** The plans of those among {@code userIds} that have an account, in one lookup. */
    Map<String, Plan> plansOf(Collection<String> userIds);
}
