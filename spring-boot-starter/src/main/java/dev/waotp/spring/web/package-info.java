/**
 * Ready HTTP endpoints for the verifier ({@code waotp.web.*}, off unless enabled): start and check over
 * JSON, each outcome mapped to an HTTP status, {@code Retry-After} and an RFC 9457 problem body.
 */
@NullMarked
package dev.waotp.spring.web;

import org.jspecify.annotations.NullMarked;
