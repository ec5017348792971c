package dev.waotp.processor;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Types;

/** Checks that one abstract method of a template interface can be implemented as a send. */
final class MethodValidator {
    private final Types types;

    MethodValidator(Types types) {
        this.types = types;
    }

    /**
     * @param languages the template's language codes as written; with more than one, each method must
     *     take a {@code @Lang} parameter
     */
    void validate(AbstractMethod method, List<String> languages, ErrorReporter reporter) {
        ExecutableElement element = method.element();
        String name = element.getSimpleName().toString();
        if (!element.getTypeParameters().isEmpty()) {
            reporter.error("method " + name + " must not be generic: remove its type parameters;"
                    + " a send method takes Strings", element);
        }
        for (TypeMirror thrown : method.type().getThrownTypes()) {
            if (isChecked(thrown)) {
                reporter.error("method " + name + " must not declare the checked exception "
                        + simpleName(thrown) + ": remove it from the throws clause; send failures are thrown"
                        + " as the unchecked dev.waotp.KaleyraException", element);
            }
        }
        TypeMirror returnType = method.type().getReturnType();
        if (returnType.getKind() == TypeKind.ERROR) {
            reporter.alreadyReported();
        } else if (ReturnKind.of(returnType).isEmpty()) {
            reporter.error("method " + name + " returns " + simpleName(returnType) + ": declare it to return "
                    + ReturnKind.SUPPORTED, element);
        }
        validateParameters(method, languages, reporter);
    }

    private void validateParameters(AbstractMethod method, List<String> languages, ErrorReporter reporter) {
        ExecutableElement element = method.element();
        String name = element.getSimpleName().toString();
        Set<ParameterRole> seen = EnumSet.noneOf(ParameterRole.class);
        List<? extends VariableElement> parameters = element.getParameters();
        for (int i = 0; i < parameters.size(); i++) {
            VariableElement parameter = parameters.get(i);
            TypeMirror type = method.type().getParameterTypes().get(i);
            String parameterName = parameter.getSimpleName().toString();
            List<ParameterRole.Annotated> roles = ParameterRole.of(parameter);
            if (roles.isEmpty()) {
                reporter.error("parameter " + parameterName + " of method " + name + " has no waotp annotation:"
                        + " annotate it @To, @Otp, @Lang, @Ref, @Ref1 or @Ref2, or remove it", parameter);
                continue;
            }
            ParameterRole.Annotated role = roles.get(0);
            if (roles.size() > 1) {
                // Counted as present, so that "no @Otp" or "no @To" does not repeat this error.
                roles.forEach(each -> seen.add(each.role()));
                reporter.error("parameter " + parameterName + " of method " + name + " is both "
                        + role.role().annotation() + " and " + roles.get(1).role().annotation()
                        + ": give each parameter one annotation", parameter, roles.get(1).mirror());
                continue;
            }
            if (!seen.add(role.role())) {
                reporter.error(duplicate(role.role(), name), parameter, role.mirror());
            }
            // A type variable comes only from a generic method or interface, which is reported already.
            if (type.getKind() == TypeKind.ERROR) {
                reporter.alreadyReported();
            } else if (type.getKind() != TypeKind.TYPEVAR && !accepts(role.role(), type)) {
                reporter.error(role.role().annotation() + " parameter " + parameterName + " of method " + name
                        + " is " + simpleName(type) + ": declare it " + acceptedTypes(role.role()),
                        parameter, role.mirror());
            }
        }
        if (!seen.contains(ParameterRole.OTP)) {
            reporter.error("method " + name + " has no @Otp parameter: add a String or CharSequence parameter"
                    + " annotated @Otp for the one-time password", element);
        }
        if (!seen.contains(ParameterRole.TO)) {
            reporter.error("method " + name + " has no @To parameter: add a String parameter annotated @To"
                    + " for the recipient", element);
        }
        if (languages.size() > 1 && !seen.contains(ParameterRole.LANG)) {
            reporter.error("method " + name + " has no @Lang parameter, but the template has " + languages.size()
                    + " languages (" + String.join(", ", languages) + "): add a String or java.util.Locale"
                    + " parameter annotated @Lang to choose one per send", element);
        }
    }

    private static String duplicate(ParameterRole role, String method) {
        return switch (role) {
            case OTP -> "method " + method + " has more than one @Otp parameter: give the one-time password once;"
                    + " the generated code writes it into both the body and the button";
            case TO -> "method " + method + " has more than one @To parameter: use one List<String>,"
                    + " Collection<String> or String... parameter for several recipients";
            case LANG -> "method " + method + " has more than one @Lang parameter: choose the language with"
                    + " one String or java.util.Locale parameter";
            default -> "method " + method + " has more than one " + role.annotation() + " parameter:"
                    + " use each of @Ref, @Ref1 and @Ref2 at most once";
        };
    }

    private boolean accepts(ParameterRole role, TypeMirror type) {
        return switch (role) {
            case TO -> is(type, "java.lang.String") || isStringArray(type)
                    || isStringsOf(type, "java.util.List") || isStringsOf(type, "java.util.Collection");
            case OTP -> is(type, "java.lang.String") || is(type, "java.lang.CharSequence");
            case REF, REF1, REF2 -> is(type, "java.lang.String");
            case LANG -> is(type, "java.lang.String") || is(type, "java.util.Locale");
        };
    }

    private static String acceptedTypes(ParameterRole role) {
        return switch (role) {
            case TO -> "String, or List<String>, Collection<String> or String... for several recipients";
            case OTP -> "String or CharSequence";
            case REF, REF1, REF2 -> "String";
            case LANG -> "String (one of the template's language codes) or java.util.Locale";
        };
    }

    private static boolean is(TypeMirror type, String name) {
        return type.getKind() == TypeKind.DECLARED
                && ((DeclaredType) type).getTypeArguments().isEmpty()
                && ((TypeElement) ((DeclaredType) type).asElement()).getQualifiedName().contentEquals(name);
    }

    private static boolean isStringArray(TypeMirror type) {
        return type.getKind() == TypeKind.ARRAY && is(((ArrayType) type).getComponentType(), "java.lang.String");
    }

    private static boolean isStringsOf(TypeMirror type, String collection) {
        if (type.getKind() != TypeKind.DECLARED) {
            return false;
        }
        DeclaredType declared = (DeclaredType) type;
        return ((TypeElement) declared.asElement()).getQualifiedName().contentEquals(collection)
                && declared.getTypeArguments().size() == 1
                && is(declared.getTypeArguments().get(0), "java.lang.String");
    }

    private boolean isChecked(TypeMirror thrown) {
        return !isSubtypeOf(thrown, "java.lang.RuntimeException") && !isSubtypeOf(thrown, "java.lang.Error");
    }

    private boolean isSubtypeOf(TypeMirror type, String name) {
        for (TypeMirror current = type; current.getKind() == TypeKind.DECLARED;
                current = ((TypeElement) types.asElement(current)).getSuperclass()) {
            if (((TypeElement) types.asElement(current)).getQualifiedName().contentEquals(name)) {
                return true;
            }
        }
        return false;
    }

    /** {@code IOException} rather than {@code java.io.IOException}: messages quote the source as written. */
    private static String simpleName(TypeMirror type) {
        return type.toString().replaceAll("\\b(?:[a-z_][\\w]*\\.)+", "");
    }
}
