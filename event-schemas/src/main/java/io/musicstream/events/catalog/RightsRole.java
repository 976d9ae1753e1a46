package io.musicstream.events.catalog;

public enum RightsRole {
    RECORDING_OWNER, PUBLISHER
}
