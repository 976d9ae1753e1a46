package io.musicstream.command.playback;

/** The stream rules as this node knows them; refreshed when a version is adopted. */
public interface StreamRulesInForce {

    StreamRuleHistory history();
}
