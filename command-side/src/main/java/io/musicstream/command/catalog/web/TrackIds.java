package io.musicstream.command.catalog.web;

record TrackIds(String isrc, String trackId) {
}
