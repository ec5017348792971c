package dev.waotp.processor;

import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Name;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;

/**
 * What a send method's parameter is for, named by its annotation. The order of the constants is the
 * order of the calls on {@code AuthMessage.Builder} in generated code.
 */
enum ParameterRole {
    TO("To", "to"),
    OTP("Otp", "otp"),
    REF("Ref", "ref"),
    REF1("Ref1", "ref1"),
    REF2("Ref2", "ref2"),
    /** Chooses the template's version, so it is the argument of {@code AuthMessage.builder}, not a builder call. */
    LANG("Lang", null);

    private final String simpleName;
    private final String qualifiedName;
    private final String builderMethod;

    ParameterRole(String simpleName, String builderMethod) {
        this.simpleName = simpleName;
        this.qualifiedName = RuntimeNames.PACKAGE + "." + simpleName;
        this.builderMethod = builderMethod;
    }

    /** {@code @To}, as users write it in source and so as messages show it. */
    String annotation() {
        return "@" + simpleName;
    }

    /** The {@code AuthMessage.Builder} method that takes this parameter's value; null for {@link #LANG}. */
    String builderMethod() {
        return builderMethod;
    }

    /** The role annotations on {@code parameter}, in source order; more than one is a user error. */
    static List<Annotated> of(VariableElement parameter) {
        List<Annotated> roles = new ArrayList<>(1);
        for (AnnotationMirror mirror : parameter.getAnnotationMirrors()) {
            Name name = ((TypeElement) mirror.getAnnotationType().asElement()).getQualifiedName();
            for (ParameterRole role : values()) {
                if (name.contentEquals(role.qualifiedName)) {
                    roles.add(new Annotated(role, mirror));
                }
            }
        }
        return roles;
    }

    /** A role together with the annotation that gave it, so errors can point at the annotation. */
    record Annotated(ParameterRole role, AnnotationMirror mirror) {}
}
