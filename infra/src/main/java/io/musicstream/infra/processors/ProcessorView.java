package io.musicstream.infra.processors;

/** An event processor as operators see it: its status, position and lag, and its dead letters. */
record ProcessorView(String name, String status, boolean running, long position, long head, long behind,
                     long deadLetters, long secondsSinceAdvance) {

    static ProcessorView of(ProcessorMonitor.Status s) {
        String status = s.stalled() ? "STALLED" : s.error() ? "RETRYING" : s.running() ? "RUNNING" : "STOPPED";
        return new ProcessorView(s.name(), status, s.running(), s.position(), s.head(), s.behind(), s.deadLetters(),
                s.sinceAdvance().toSeconds());
    }
}
