package io.musicstream.query.sync;

import io.musicstream.projections.library.SyncFeed;
import tools.jackson.databind.annotation.JsonSerialize;

/** A sync feed page as the API answers it, written by {@link PageJson}. */
@JsonSerialize(using = PageJson.class)
record SyncPage(SyncFeed.Page page) {
}
