package io.musicstream.command.catalog.web;

record ArtistRegisteredResponse(String artistId, String name) {
}
