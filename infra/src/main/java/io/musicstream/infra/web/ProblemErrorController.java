package io.musicstream.infra.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The servlet container's error page, reached for failures outside Spring MVC (a request the security firewall
 * rejects, a filter's {@code sendError}): an RFC 9457 problem like every other error, in place of Spring Boot's
 * own JSON. Called directly it is a 404: there is nothing there.
 */
@RestController
class ProblemErrorController implements ErrorController {

    private final Problems problems;

    ProblemErrorController(Problems problems) {
        this.problems = problems;
    }

    @RequestMapping("${server.error.path:/error}")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer c ? HttpStatus.resolve(c) : null;
        if (status == null || !status.isError()) {
            status = HttpStatus.NOT_FOUND;
        }
        String detail = switch (status) {
            case BAD_REQUEST -> "the request's URL or headers are malformed or not allowed (such as '..', '//', "
                    + "';' or encoded control characters in the path)";
            case NOT_FOUND -> "no such resource";
            default -> status.is5xxServerError()
                    ? "something went wrong on our side; quote the requestId when reporting it"
                    : status.getReasonPhrase();
        };
        ProblemDetail problem = problems.problem(status, status.getReasonPhrase(), detail);
        if (request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String path) {
            try {
                problem.setInstance(URI.create(path));
            } catch (IllegalArgumentException notAUri) {
                // the path is what was refused; it is left out rather than echoed
            }
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
