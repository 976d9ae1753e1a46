package io.musicstream.infra.processors;

/**
 * @param evicted      how many letters were evicted
 * @param restResolved whether the letters that waited behind the evicted one were all handled
 * @param remaining    letters left in the sequence
 */
record EvictResult(String processor, String sequenceId, int evicted, boolean restResolved, long remaining) {
}
