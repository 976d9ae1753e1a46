package io.musicstream.command.catalog.web;

record TrackChanged(String releaseId, String trackId) {
}
