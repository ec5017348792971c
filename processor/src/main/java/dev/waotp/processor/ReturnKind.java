package dev.waotp.processor;

import java.util.Optional;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/** The return types a send method may declare, and so which client call the generated code makes. */
enum ReturnKind {
    /** {@code SendResult}: blocks until Kaleyra answers. */
    SEND_RESULT,
    /** {@code CompletableFuture<SendResult>}: returns at once. */
    FUTURE,
    /** {@code void}: blocks like {@link #SEND_RESULT} and drops the result; failures still throw. */
    VOID;

    static final String SUPPORTED = "SendResult, CompletableFuture<SendResult> or void";

    static Optional<ReturnKind> of(TypeMirror type) {
        if (type.getKind() == TypeKind.VOID) {
            return Optional.of(VOID);
        }
        if (isSendResult(type)) {
            return Optional.of(SEND_RESULT);
        }
        if (type.getKind() != TypeKind.DECLARED) {
            return Optional.empty();
        }
        DeclaredType declared = (DeclaredType) type;
        if (((TypeElement) declared.asElement()).getQualifiedName().contentEquals("java.util.concurrent.CompletableFuture")
                && declared.getTypeArguments().size() == 1
                && isSendResult(declared.getTypeArguments().get(0))) {
            return Optional.of(FUTURE);
        }
        return Optional.empty();
    }

    private static boolean isSendResult(TypeMirror type) {
        return type.getKind() == TypeKind.DECLARED
                && ((TypeElement) ((DeclaredType) type).asElement()).getQualifiedName()
                        .contentEquals(RuntimeNames.SEND_RESULT.canonicalName());
    }
}
