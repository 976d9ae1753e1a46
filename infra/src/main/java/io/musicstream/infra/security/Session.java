package io.musicstream.infra.security;

import io.musicstream.events.account.Role;
import java.time.Instant;
import java.util.Set;

/** What a bearer token stands for while its session lives in Redis. */
public record Session(String userId, String username, Set<Role> roles, Instant createdAt) {
}
