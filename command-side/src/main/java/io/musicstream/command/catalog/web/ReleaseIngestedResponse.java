package io.musicstream.command.catalog.web;

import java.util.List;

record ReleaseIngestedResponse(String releaseId, String upc, List<TrackIds> tracks) {
}
