package io.musicstream.infra.web;

import org.apache.tomcat.util.http.InvalidParameterException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Query or form parameters that cannot be read are the client's fault, a 400: not valid percent-encoded
 * UTF-8 (Tomcat), or names or values the security firewall refuses, found when a handler first reads them.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class MalformedParameters {

    private final Problems problems;

    MalformedParameters(Problems problems) {
        this.problems = problems;
    }

    @ExceptionHandler(InvalidParameterException.class)
    ResponseEntity<ProblemDetail> undecodable(InvalidParameterException ex) {
        return badRequest("the query or form parameters are not valid percent-encoded UTF-8");
    }

    @ExceptionHandler(RequestRejectedException.class)
    ResponseEntity<ProblemDetail> rejected(RequestRejectedException ex) {
        return badRequest("the query or form parameters hold characters that are not allowed");
    }

    private ResponseEntity<ProblemDetail> badRequest(String detail) {
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problems.problem(HttpStatus.BAD_REQUEST, "Malformed parameters", detail));
    }
}
