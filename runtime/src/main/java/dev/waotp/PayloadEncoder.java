package dev.waotp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;

/** Writes the JSON request body of one {@link AuthMessage}. */
final class PayloadEncoder {
    private final ObjectWriter writer;

    PayloadEncoder(ObjectMapper mapper) {
        this.writer = mapper.writerFor(SendRequest.class);
    }

    byte[] encode(AuthMessage message) {
        try {
            return writer.writeValueAsBytes(SendRequest.of(message));
        } catch (JsonProcessingException e) {
            // Only strings and one int go in, all checked by AuthMessage: this is a bug, not bad input.
            throw new KaleyraException("could not write the request body for " + message.template(), e);
        }
    }
}
