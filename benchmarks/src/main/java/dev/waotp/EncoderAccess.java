package dev.waotp;

import java.lang.reflect.Field;

/**
 * The benchmarks' way to the package-private {@link PayloadEncoder}: it lives in package
 * {@code dev.waotp} of this module, which shares the runtime's package on the class path of the
 * benchmarks' jar. The encoder is taken out of a real {@link KaleyraClient}, so it is built exactly as
 * a client builds it, however that changes.
 */
public final class EncoderAccess {
    private final PayloadEncoder encoder;

    private EncoderAccess(PayloadEncoder encoder) {
        this.encoder = encoder;
    }

    public static EncoderAccess of(KaleyraClient client) {
        for (Field field : KaleyraClient.class.getDeclaredFields()) {
            if (field.getType() == PayloadEncoder.class) {
                try {
                    field.setAccessible(true);
                    return new EncoderAccess((PayloadEncoder) field.get(client));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        throw new IllegalStateException("KaleyraClient has no PayloadEncoder field");
    }

    /** The request body a send of {@code message} puts on the wire. */
    public byte[] encode(AuthMessage message) {
        return encoder.encode(message);
    }
}
