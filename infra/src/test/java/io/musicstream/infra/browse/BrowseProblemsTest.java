package io.musicstream.infra.browse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Requests browsing cannot answer: unknown ids, bad territories and paging, nobody signed in.
 */
class BrowseProblemsTest extends CatalogBrowsing {

    @Test
    void unknownIdsAre404Problems() {
        assertProblem(listener.get("/api/v1/artists/no-such-artist"), 404, "no artist no-such-artist");
        assertProblem(listener.get("/api/v1/albums/no-such-album"), 404, "no album no-such-album");
        assertProblem(listener.get("/api/v1/tracks/no-such-track?territory=SE"), 404, "no track no-such-track");
    }

    @Test
    void badTerritoriesAndPagingAre400Problems() {
        assertProblem(listener.get("/api/v1/albums/x?territory=SWE"), 400, "territory");
        assertProblem(listener.get("/api/v1/tracks/x?territory=se"), 400, "territory");
        assertProblem(listener.get("/api/v1/artists/x?territory=ZZ"), 400, "territory ZZ");
        assertProblem(listener.get("/api/v1/search?q=x&territory=se"), 400, "territory");
        assertProblem(listener.get("/api/v1/search?q=x&territory=ZZ"), 400, "territory ZZ");
        assertProblem(listener.get("/api/v1/browse/new-releases?limit=0"), 400, "limit");
        assertProblem(listener.get("/api/v1/browse/new-releases?limit=51"), 400, "limit");
        assertProblem(listener.get("/api/v1/browse/new-releases?limit=ten"), 400, "limit");
        assertProblem(listener.get("/api/v1/browse/new-releases?offset=-1"), 400, "offset");
    }

    @Test
    void browsingNeedsASignedInUser() {
        assertThat(anonymous.get("/api/v1/browse/genres").status()).isEqualTo(401);
        assertThat(anonymous.get("/api/v1/browse/new-releases").status()).isEqualTo(401);
        assertThat(anonymous.get("/api/v1/artists/x").status()).isEqualTo(401);
    }
}
