package io.musicstream.infra.playlist;

import static org.assertj.core.api.Assertions.assertThat;

import io.musicstream.infra.ApiClient;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Who may see and edit a playlist: owner, collaborators by invitation, everyone else. */
class PlaylistRolesTest extends PlaylistIntegrationTest {

    @Test
    void aPrivatePlaylistIsInvisibleAndUneditableToOthers() {
        String id = create(false, false);
        String s2 = snapshot(owner.post("/api/v1/playlists/" + id + "/items", Map.of("trackIds", tracks)), 201);
        owner.get("/api/v1/playlists/" + id + "?minSnapshot=" + s2);
        ApiClient stranger = newListener("SE");

        assertProblem(stranger.get("/api/v1/playlists/" + id), 404, id);
        assertProblem(stranger.get("/api/v1/playlists/" + id + "/items"), 404, id);
        assertProblem(stranger.get("/api/v1/playlists/" + id + "/changes?sinceSnapshot=1"), 404, id);
        assertProblem(stranger.post("/api/v1/playlists/" + id + "/items", Map.of("trackIds", tracks)), 403, "may not edit");
        assertProblem(stranger.put("/api/v1/playlists/" + id, Map.of("name", "Mine now")), 403, "only the owner");
        assertProblem(stranger.delete("/api/v1/playlists/" + id), 403, "only the owner");
        assertProblem(stranger.post("/api/v1/playlists/" + id + "/invitations", Map.of("userId", userId(stranger))),
                403, "only the owner");

        // made public, anyone reads it, still nobody else edits it
        String s3 = snapshot(owner.put("/api/v1/playlists/" + id, Map.of("public", true)), 200);
        assertThat(stranger.get("/api/v1/playlists/" + id + "?minSnapshot=" + s3).status()).isEqualTo(200);
        assertThat(trackIds(stranger, id, s3)).isEqualTo(tracks);
        assertProblem(stranger.send("PUT", "/api/v1/playlists/" + id + "/items",
                Map.of("rangeStart", 0, "insertBefore", 2), Map.of()), 403, "may not edit");
        assertThat(stranger.get("/api/v1/playlists/" + id).json().has("invitations")).isFalse();
    }

    @Test
    void anInvitedUserWhoAcceptsEditsTheItemsUntilRemovedAndOneWhoDeclinesNever() {
        String id = create(false, true);
        ApiClient bo = newListener("SE");
        ApiClient cy = newListener("SE");
        String invitations = "/api/v1/playlists/" + id + "/invitations";

        ApiClient.Response toBo = owner.post(invitations, Map.of("userId", userId(bo)));
        assertThat(toBo.status()).as(toBo.toString()).isEqualTo(201);
        assertThat(toBo.json().get("expiresAt").asText()).isNotBlank();
        String boInvitation = toBo.json().get("invitationId").asText();
        String cyInvitation = owner.post(invitations, Map.of("userId", userId(cy))).json().get("invitationId").asText();
        eventually(() -> assertThat(owner.get("/api/v1/playlists/" + id).json().get("invitations")).hasSize(2));

        // only the invitee answers
        assertProblem(cy.post(invitations + "/" + boInvitation + "/accept", null), 403, "not addressed");
        assertThat(bo.post(invitations + "/" + boInvitation + "/accept", null).status()).isEqualTo(204);
        assertThat(cy.post(invitations + "/" + cyInvitation + "/decline", null).status()).isEqualTo(204);
        assertProblem(cy.post(invitations + "/" + cyInvitation + "/accept", null), 409, "declined");

        String s2 = snapshot(bo.post("/api/v1/playlists/" + id + "/items", Map.of("trackIds", tracks)), 201);
        assertProblem(cy.post("/api/v1/playlists/" + id + "/items", Map.of("trackIds", tracks)), 403, "may not edit");
        assertProblem(bo.put("/api/v1/playlists/" + id, Map.of("name", "Ours")), 403, "only the owner");
        JsonNode details = bo.get("/api/v1/playlists/" + id + "?minSnapshot=" + s2).json();
        assertThat(details.get("collaborators").toString()).contains(userId(bo));
        assertThat(bo.get("/api/v1/playlists/" + id + "/items").json().at("/items/0/addedBy/id").asText())
                .isEqualTo(userId(bo));
        assertThat(bo.get("/api/v1/me/playlists").json().get("items").toString()).contains(id);
        assertProblem(cy.get("/api/v1/playlists/" + id), 404, id);

        // removed by the owner: no more edits, and the private playlist is invisible again
        assertThat(owner.delete("/api/v1/playlists/" + id + "/collaborators/" + userId(bo)).status()).isEqualTo(204);
        assertProblem(bo.post("/api/v1/playlists/" + id + "/items", Map.of("trackIds", List.of(tracks.get(0)))), 403,
                "may not edit");
        eventually(() -> assertProblem(bo.get("/api/v1/playlists/" + id), 404, id));
    }

    @Test
    void aCollaboratorMayLeaveButNotRemoveAnother() {
        String id = create(true, true);
        ApiClient bo = newListener("SE");
        ApiClient cy = newListener("SE");
        for (ApiClient invitee : List.of(bo, cy)) {
            String invitation = owner.post("/api/v1/playlists/" + id + "/invitations", Map.of("userId", userId(invitee)))
                    .json().get("invitationId").asText();
            assertThat(invitee.post("/api/v1/playlists/" + id + "/invitations/" + invitation + "/accept", null)
                    .status()).isEqualTo(204);
        }

        assertProblem(bo.delete("/api/v1/playlists/" + id + "/collaborators/" + userId(cy)), 403, "only the owner");
        assertThat(bo.delete("/api/v1/playlists/" + id + "/collaborators/" + userId(bo)).status()).isEqualTo(204);
        assertProblem(bo.post("/api/v1/playlists/" + id + "/items", Map.of("trackIds", tracks)), 403, "may not edit");
        assertThat(snapshot(cy.post("/api/v1/playlists/" + id + "/items", Map.of("trackIds", tracks)), 201))
                .isEqualTo("2");
    }
}
