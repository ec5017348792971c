package dev.waotp.processor;

import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Types;

/**
 * Whether a template still names types javac cannot resolve: another processor may generate them in a
 * later round (a super-interface, most likely), so the template waits for that round instead of being
 * judged, or implemented, without them.
 */
final class PendingTypes {
    private PendingTypes() {}

    static boolean in(TypeElement template, Types types) {
        if (inSuperinterfaces(template, types)) {
            return true;
        }
        for (AbstractMethod method : AbstractMethod.of(template, types)) {
            if (method.type().getReturnType().getKind() == TypeKind.ERROR) {
                return true;
            }
            for (TypeMirror parameter : method.type().getParameterTypes()) {
                if (parameter.getKind() == TypeKind.ERROR) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean inSuperinterfaces(TypeElement type, Types types) {
        for (TypeMirror superinterface : type.getInterfaces()) {
            if (superinterface.getKind() == TypeKind.ERROR
                    || inSuperinterfaces((TypeElement) types.asElement(superinterface), types)) {
                return true;
            }
        }
        return false;
    }
}
