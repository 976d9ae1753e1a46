package io.musicstream.infra.web;

import org.apache.tomcat.util.http.InvalidParameterException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Query or form parameters that are not valid percent-encoded UTF-8 are the client's fault: a 400. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class UndecodableParameters {

    private final Problems problems;

    UndecodableParameters(Problems problems) {
        this.problems = problems;
    }

    @ExceptionHandler(InvalidParameterException.class)
    ResponseEntity<ProblemDetail> undecodable(InvalidParameterException ex) {
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problems.problem(HttpStatus.BAD_REQUEST, "Malformed parameters",
                        "the query or form parameters are not valid percent-encoded UTF-8"));
    }
}
