package io.musicstream.infra.hostile;

import io.musicstream.command.account.RegisterUser;
import io.musicstream.events.account.Role;
import io.musicstream.infra.ApiClient;
import io.musicstream.infra.IntegrationTest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Base of the tests that walk every endpoint of the running application, as Spring MVC maps them, so that a
 * new endpoint is covered (or named as missing) without anyone remembering to add it.
 */
abstract class ApiSurfaceTest extends IntegrationTest {

    static final String PASSWORD = "correct horse battery";

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping mappings;
    @Autowired
    private CommandGateway commands;
    @Autowired
    private PasswordEncoder passwords;

    /** One method and path pattern ({@code *} when the mapping takes any method) and its handlers. */
    record Endpoint(String method, String pattern, List<HandlerMethod> handlers) {
        String key() {
            return method + " " + pattern;
        }
    }

    /** Every method and path pattern of every {@code @RequestMapping} handler, sorted by path. */
    List<Endpoint> endpoints() {
        TreeMap<String, Endpoint> byKey = new TreeMap<>();
        mappings.getHandlerMethods().forEach((info, handler) -> {
            for (String pattern : patterns(info)) {
                Set<String> methods = info.getMethodsCondition().getMethods().stream().map(Enum::name)
                        .collect(java.util.stream.Collectors.toSet());
                for (String method : methods.isEmpty() ? Set.of("*") : methods) {
                    byKey.computeIfAbsent(method + " " + pattern, k -> new Endpoint(method, pattern, new ArrayList<>()))
                            .handlers().add(handler);
                }
            }
        });
        List<Endpoint> endpoints = new ArrayList<>(byKey.values());
        endpoints.sort(Comparator.comparing(Endpoint::pattern).thenComparing(Endpoint::method));
        return endpoints;
    }

    private static Set<String> patterns(RequestMappingInfo info) {
        return info.getPathPatternsCondition() != null ? info.getPathPatternsCondition().getPatternValues()
                : info.getPatternsCondition().getPatterns();
    }

    /** A signed-in user and what is needed to sign them in again. */
    record Caller(String label, String userId, String username, ApiClient client) {
        String token() {
            return client.token();
        }
    }

    /**
     * A new user holding exactly {@code roles}, signed in. Registered by sending {@link RegisterUser} itself
     * because the API cannot grant roles yet; once {@code PUT /api/v1/admin/users/{userId}/roles} exists, this
     * is the one place to switch to it.
     */
    Caller userWithRoles(String label, Set<Role> roles) {
        String username = "hostile-" + UUID.randomUUID().toString().substring(0, 12);
        String userId = UUID.randomUUID().toString();
        commands.sendAndWait(new RegisterUser(userId, username, passwords.encode(PASSWORD), roles, null,
                Instant.now()));
        return new Caller(label, userId, username, anonymous.loggedIn(username, PASSWORD));
    }

    /** A second session of {@code caller}, for requests that end the session they are sent with. */
    String freshSession(Caller caller) {
        return anonymous.loggedIn(caller.username(), PASSWORD).token();
    }

    RawHttp raw() {
        return new RawHttp("http://127.0.0.1:" + port);
    }
}
