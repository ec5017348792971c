package dev.waotp.processor;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Types;

/**
 * A method the generated sender must implement, with its types as seen from the template interface:
 * {@code interface Login extends Base<String>} turns {@code Base}'s {@code T} into {@code String}.
 */
record AbstractMethod(ExecutableElement element, ExecutableType type) {

    /**
     * Interfaces may redeclare these, but {@code Object} already implements them in every class, so they
     * are never send methods.
     */
    private static final Set<String> OBJECT_METHODS =
            Set.of("equals(java.lang.Object)", "hashCode()", "toString()");

    /**
     * The abstract methods of {@code template} and of its super-interfaces that nothing overrides with
     * a default, nearest declaration first and in declaration order, so that the generated source does
     * not depend on the compiler's internal member order.
     */
    static List<AbstractMethod> of(TypeElement template, Types types) {
        List<ExecutableElement> declared = new ArrayList<>();
        collect(template, types, new HashSet<>(), declared);
        DeclaredType self = (DeclaredType) template.asType();
        List<AbstractMethod> methods = new ArrayList<>();
        Set<String> signatures = new HashSet<>();
        for (ExecutableElement method : declared) {
            if (!method.getModifiers().contains(Modifier.ABSTRACT)) {
                continue;
            }
            ExecutableType resolved = (ExecutableType) types.asMemberOf(self, method);
            String signature = signature(method, resolved, types);
            if (!OBJECT_METHODS.contains(signature)
                    && !overriddenByDefault(method, signature, declared, self, types)
                    && signatures.add(signature)) {
                methods.add(new AbstractMethod(method, resolved));
            }
        }
        return methods;
    }

    /** Every non-static method of {@code type} and its super-interfaces, depth first, each type once. */
    private static void collect(TypeElement type, Types types, Set<TypeElement> visited,
            List<ExecutableElement> declared) {
        if (!visited.add(type)) {
            return;
        }
        for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
            if (!method.getModifiers().contains(Modifier.STATIC)) {
                declared.add(method);
            }
        }
        for (TypeMirror superinterface : type.getInterfaces()) {
            collect((TypeElement) types.asElement(superinterface), types, visited, declared);
        }
    }

    /**
     * Whether a sub-interface of the method's own interface declares a default with its signature:
     * that default is what the template inherits, however the interfaces are reached.
     */
    private static boolean overriddenByDefault(ExecutableElement method, String signature,
            List<ExecutableElement> declared, DeclaredType self, Types types) {
        TypeMirror owner = types.erasure(method.getEnclosingElement().asType());
        for (ExecutableElement other : declared) {
            if (other.getModifiers().contains(Modifier.DEFAULT)
                    && !other.getEnclosingElement().equals(method.getEnclosingElement())
                    && types.isSubtype(types.erasure(other.getEnclosingElement().asType()), owner)
                    && signature(other, (ExecutableType) types.asMemberOf(self, other), types).equals(signature)) {
                return true;
            }
        }
        return false;
    }

    private static String signature(ExecutableElement method, ExecutableType type, Types types) {
        return method.getSimpleName() + type.getParameterTypes().stream()
                .map(parameter -> types.erasure(parameter).toString())
                .collect(Collectors.joining(",", "(", ")"));
    }
}
