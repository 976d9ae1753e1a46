package io.musicstream.infra.web;

import io.musicstream.command.common.ConflictException;
import io.musicstream.command.common.InvalidCommandException;
import io.musicstream.command.common.NotAllowedException;
import io.musicstream.command.common.InvalidInputException;
import io.musicstream.command.common.UnknownItemException;
import io.musicstream.command.playlist.SnapshotConflictException;
import io.musicstream.infra.security.Accounts;
import io.musicstream.infra.security.HashingBusyException;
import io.musicstream.projections.library.ReadYourWrites;
import io.musicstream.projections.playlist.Playlists;
import io.musicstream.projections.library.UnknownSyncTokenException;
import io.musicstream.query.playlist.formats.PlaylistFormatException;
import io.musicstream.query.sync.TooManyStreamsException;
import jakarta.validation.ConstraintViolationException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.stream.Collectors;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.data.redis.RedisConnectionFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.lang.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;

/**
 * Turns every failure into an RFC 9457 problem that says what is wrong. Bad input is a 4xx naming the
 * fields at fault; a server that is away is a 503 with Retry-After; only real bugs are 500, without traces.
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);
    private final Problems problems;

    ProblemHandler(Problems problems) {
        this.problems = problems;
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<String> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(ProblemHandler::describe).sorted().collect(Collectors.toList());
        ex.getBindingResult().getGlobalErrors().forEach(e -> errors.add(e.getDefaultMessage()));
        return invalid(errors);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<String> errors = ex.getParameterValidationResults().stream()
                .flatMap(r -> r.getResolvableErrors().stream().map(e -> {
                    String name = r.getMethodParameter().getParameterName();
                    if (e instanceof FieldError fe) {
                        return describe(fe);
                    }
                    return (name == null ? "parameter" : name) + ": " + e.getDefaultMessage();
                })).sorted().toList();
        return invalid(errors);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof RequestSizeLimitFilter.BodyTooLargeException tooLarge) {
                return respond(problems.problem(HttpStatus.CONTENT_TOO_LARGE, "Request body too large",
                        tooLarge.getMessage()));
            }
        }
        String detail = "the request body is not valid JSON for this endpoint";
        if (ex.getCause() instanceof JacksonException json) {
            detail = JsonErrors.describe(json);
        } else if (ex.getMessage() != null && ex.getMessage().startsWith("Required request body is missing")) {
            detail = "a JSON request body is required";
        }
        return respond(problems.problem(HttpStatus.BAD_REQUEST, "Malformed request body", detail));
    }

    @Override
    protected ResponseEntity<Object> createResponseEntity(@Nullable Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        if (body instanceof ProblemDetail problem
                && (problem.getProperties() == null || !problem.getProperties().containsKey("requestId"))) {
            String requestId = org.slf4j.MDC.get(RequestIdFilter.MDC_KEY);
            if (requestId != null) {
                problem.setProperty("requestId", requestId);
            }
        }
        return super.createResponseEntity(body, headers, statusCode, request);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Object> constraintViolation(ConstraintViolationException ex) {
        return invalid(ex.getConstraintViolations().stream()
                .map(v -> v.getPropertyPath() + ": " + v.getMessage()).sorted().toList());
    }

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<Object> invalidInput(InvalidInputException ex) {
        return invalid(ex.errors());
    }

    @ExceptionHandler(InvalidCommandException.class)
    ResponseEntity<Object> invalidCommand(InvalidCommandException ex) {
        ProblemDetail problem = problems.problem(HttpStatus.UNPROCESSABLE_CONTENT, "Request breaks domain rules",
                ex.faults().size() == 1 ? ex.faults().get(0) : ex.faults().size() + " faults; see errors");
        problem.setProperty("errors", ex.faults());
        return respond(problem);
    }

    @ExceptionHandler(ConflictException.class)
    ResponseEntity<Object> conflict(ConflictException ex) {
        return respond(problems.problem(HttpStatus.CONFLICT, "Conflict", ex.getMessage()));
    }

    @ExceptionHandler(SnapshotConflictException.class)
    ResponseEntity<Object> snapshotConflict(SnapshotConflictException ex) {
        ProblemDetail problem = problems.problem(HttpStatus.CONFLICT, "Snapshot conflict", ex.getMessage());
        problem.setProperty("currentSnapshotId", ex.currentSnapshotId());
        return respond(problem);
    }

    @ExceptionHandler(PlaylistFormatException.class)
    ResponseEntity<Object> playlistFormat(PlaylistFormatException ex) {
        ProblemDetail problem = problems.problem(HttpStatus.UNPROCESSABLE_CONTENT, "Unreadable playlist file",
                ex.getMessage());
        problem.setProperty("errors", ex.problems());
        return respond(problem);
    }

    @ExceptionHandler(NotAllowedException.class)
    ResponseEntity<Object> notAllowed(NotAllowedException ex) {
        return respond(problems.problem(HttpStatus.FORBIDDEN, "Forbidden", ex.getMessage()));
    }

    @ExceptionHandler(Accounts.UsernameTakenException.class)
    ResponseEntity<Object> usernameTaken(Accounts.UsernameTakenException ex) {
        return respond(problems.problem(HttpStatus.CONFLICT, "Username taken", ex.getMessage()));
    }

    @ExceptionHandler(UnknownItemException.class)
    ResponseEntity<Object> unknownItem(UnknownItemException ex) {
        return respond(problems.problem(HttpStatus.NOT_FOUND, "Not found", ex.getMessage()));
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ResponseEntity<Object> notFound(AggregateNotFoundException ex) {
        return respond(problems.problem(HttpStatus.NOT_FOUND, "Not found",
                "no such item: " + ex.getAggregateIdentifier()));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Object> accessDenied(AccessDeniedException ex) {
        return respond(problems.problem(HttpStatus.FORBIDDEN, "Forbidden", "your roles do not allow this"));
    }

    @ExceptionHandler({RedisConnectionFailureException.class, DataAccessResourceFailureException.class,
            UncheckedIOException.class})
    ResponseEntity<Object> unavailable(Exception ex) {
        log.warn("a backing service is unavailable: {} (cause: {})", ex.toString(),
                ex.getCause() == null ? "-" : ex.getCause().toString());
        ProblemDetail problem = problems.problem(HttpStatus.SERVICE_UNAVAILABLE, "Service unavailable",
                "a backing service is not answering; retry shortly");
        return respond(problem, BackendUnavailable.RETRY_AFTER_SECONDS);
    }

    @ExceptionHandler(HashingBusyException.class)
    ResponseEntity<Object> hashingBusy(HashingBusyException ex) {
        return respond(problems.problem(HttpStatus.SERVICE_UNAVAILABLE, "Busy", ex.getMessage()), "1");
    }

    @ExceptionHandler(TooManyStreamsException.class)
    ResponseEntity<Object> tooManyStreams(TooManyStreamsException ex) {
        return respond(problems.problem(HttpStatus.TOO_MANY_REQUESTS, "Too many push streams", ex.getMessage()),
                "15");
    }

    @ExceptionHandler(ReadYourWrites.NotCaughtUpException.class)
    ResponseEntity<Object> notCaughtUp(ReadYourWrites.NotCaughtUpException ex) {
        return respond(problems.problem(HttpStatus.SERVICE_UNAVAILABLE, "Not caught up", ex.getMessage()), "1");
    }

    @ExceptionHandler(Playlists.NotCaughtUpException.class)
    ResponseEntity<Object> playlistNotCaughtUp(Playlists.NotCaughtUpException ex) {
        return respond(problems.problem(HttpStatus.SERVICE_UNAVAILABLE, "Not caught up", ex.getMessage()), "1");
    }

    @ExceptionHandler(UnknownSyncTokenException.class)
    ResponseEntity<Object> unknownToken(UnknownSyncTokenException ex) {
        return respond(problems.problem(HttpStatus.BAD_REQUEST, "Unknown sync token", ex.getMessage()));
    }

    @ExceptionHandler(ConcurrencyException.class)
    ResponseEntity<Object> concurrentWrites(ConcurrencyException ex) {
        // Retry-After marks the conflict as worth retrying (the idempotency filter does not keep it as final)
        return respond(problems.problem(HttpStatus.CONFLICT, "Concurrent change",
                "another request changed the same thing at the same moment; retry"), "1");
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception ex) {
        if (BackendUnavailable.isCause(ex)) {
            return unavailable(ex);
        }
        log.error("unexpected failure", ex);
        return respond(problems.problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
                "something went wrong on our side; quote the requestId when reporting it"));
    }

    private ResponseEntity<Object> invalid(List<String> errors) {
        ProblemDetail problem = problems.problem(HttpStatus.BAD_REQUEST, "Invalid request",
                errors.isEmpty() ? "the request is invalid" : String.join("; ", errors));
        problem.setProperty("errors", errors);
        return respond(problem);
    }

    private static String describe(FieldError error) {
        return error.getField() + ": " + error.getDefaultMessage();
    }

    private static ResponseEntity<Object> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /** A problem worth retrying after {@code retryAfterSeconds}. */
    private static ResponseEntity<Object> respond(ProblemDetail problem, String retryAfterSeconds) {
        return ResponseEntity.status(problem.getStatus()).header(HttpHeaders.RETRY_AFTER, retryAfterSeconds)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
