package io.musicstream.infra.security;

import io.musicstream.query.sync.StreamSessions;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/** Authenticates {@code Authorization: Bearer <token>} against the session store. */
class BearerTokenFilter extends OncePerRequestFilter {

    static final String TOKEN_ATTRIBUTE = BearerTokenFilter.class.getName() + ".token";
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{20,100}");

    private final SessionStore sessions;

    BearerTokenFilter(SessionStore sessions) {
        this.sessions = sessions;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String token = header.substring(7).strip();
            if (TOKEN.matcher(token).matches()) {
                sessions.find(token).ifPresent(session -> {
                    List<SimpleGrantedAuthority> authorities = session.roles().stream()
                            .map(r -> new SimpleGrantedAuthority("ROLE_" + r.name())).toList();
                    UsernamePasswordAuthenticationToken authentication =
                            UsernamePasswordAuthenticationToken.authenticated(session.userId(), token, authorities);
                    authentication.setDetails(session);
                    SecurityContextHolder.getContext().setAuthentication(authentication);
                    request.setAttribute(TOKEN_ATTRIBUTE, token);
                    request.setAttribute(StreamSessions.SESSION_ID_ATTRIBUTE, SessionStore.idOf(token));
                });
            }
        }
        chain.doFilter(request, response);
    }
}
