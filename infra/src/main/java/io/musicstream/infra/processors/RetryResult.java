package io.musicstream.infra.processors;

import java.util.List;

/**
 * @param resolved sequences whose letters were all handled (and left the queue)
 * @param failed   sequences whose first remaining letter failed again (it stays, with the new cause)
 */
record RetryResult(String processor, List<String> resolved, List<String> failed) {
}
