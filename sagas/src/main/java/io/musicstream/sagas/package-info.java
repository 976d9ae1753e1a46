/**
 * Long-running processes that coordinate aggregates (session expiry, takedowns, royalty period close), one
 * package per feature. Ports the infra module implements are interfaces here, next to the saga that asks.
 */
package io.musicstream.sagas;
