package io.musicstream.query.sync;

import io.musicstream.projections.library.ReadYourWrites;
import io.musicstream.projections.library.SyncFeed;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** The caller's sync feed, and a push stream that says when there is something new in it. */
@RestController
@RequestMapping("/api/v1/me/sync")
class SyncController {

    private final SyncFeed feed;
    private final SyncPush push;
    private final ReadYourWrites readYourWrites;

    SyncController(SyncFeed feed, SyncPush push, ReadYourWrites readYourWrites) {
        this.feed = feed;
        this.push = push;
        this.readYourWrites = readYourWrites;
    }

    /**
     * Changes after {@code since}, oldest first. Follow {@code syncToken} while {@code hasMore}; during a
     * snapshot ({@code reset} on its first page) also pass {@code snapshotAfter} back.
     */
    @GetMapping
    public SyncPage sync(@RequestParam(defaultValue = "0") long since,
                         @RequestParam(required = false) Long snapshotAfter,
                         @RequestParam(defaultValue = "" + SyncFeed.DEFAULT_LIMIT) int limit,
                         @RequestParam(required = false) Long minToken,
                         Principal user) {
        if (since < 0 || (snapshotAfter != null && snapshotAfter < 0) || (minToken != null && minToken < 0)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    "since, snapshotAfter and minToken must not be negative");
        }
        if (limit < 1 || limit > SyncFeed.MAX_LIMIT) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    "limit must be between 1 and " + SyncFeed.MAX_LIMIT);
        }
        readYourWrites.await(user.getName(), minToken);
        return new SyncPage(feed.page(user.getName(), since, snapshotAfter, limit));
    }

    /**
     * Server-sent {@code sync} events carrying the caller's newest {@code syncToken}, until the caller's
     * session ends.
     */
    @GetMapping(path = "/stream", produces = "text/event-stream")
    public SseEmitter stream(Principal user, HttpServletRequest request) {
        Object sessionId = request.getAttribute(StreamSessions.SESSION_ID_ATTRIBUTE);
        if (!(sessionId instanceof String id)) {
            throw new ResponseStatusException(HttpStatus.UNAUTHORIZED, "a push stream needs a bearer token session");
        }
        return push.subscribe(user.getName(), id);
    }
}
