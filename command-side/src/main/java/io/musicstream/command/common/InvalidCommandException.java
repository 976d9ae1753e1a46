package io.musicstream.command.common;

import java.util.List;

/** A command that breaks domain rules; carries every fault found, so a client can fix them at once. */
public class InvalidCommandException extends RuntimeException {

    private final List<String> faults;

    public InvalidCommandException(List<String> faults) {
        super(String.join("; ", faults));
        this.faults = List.copyOf(faults);
    }

    public List<String> faults() {
        return faults;
    }
}
