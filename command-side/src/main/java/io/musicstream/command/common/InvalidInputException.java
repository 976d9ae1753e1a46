package io.musicstream.command.common;

import java.util.List;

/**
 * Input that no event may carry (control characters, over-long text, implausible numbers or times); each
 * error names its field ("field: what is wrong"). Distinct from {@link InvalidCommandException}, which is
 * well-formed input breaking a domain rule.
 */
public class InvalidInputException extends RuntimeException {

    private final List<String> errors;

    public InvalidInputException(List<String> errors) {
        super(String.join("; ", errors));
        this.errors = List.copyOf(errors);
    }

    public List<String> errors() {
        return errors;
    }
}
