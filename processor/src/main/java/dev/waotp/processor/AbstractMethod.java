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
     * The abstract methods of {@code template} and of its super-interfaces, nearest declaration first
     * and in declaration order, so that the generated source does not depend on the compiler's
     * internal member order.
     */
    static List<AbstractMethod> of(TypeElement template, Types types) {
        List<AbstractMethod> methods = new ArrayList<>();
        collect(template, (DeclaredType) template.asType(), types, new HashSet<>(), new HashSet<>(), methods);
        return methods;
    }

    private static void collect(TypeElement type, DeclaredType template, Types types, Set<TypeElement> visited,
            Set<String> signatures, List<AbstractMethod> methods) {
        if (!visited.add(type)) {
            return;
        }
        for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
            if (method.getModifiers().contains(Modifier.STATIC)) {
                continue;
            }
            ExecutableType resolved = (ExecutableType) types.asMemberOf(template, method);
            String signature = signature(method, resolved, types);
            // A nearer declaration, default or abstract, already decided what this signature does.
            if (signatures.add(signature)
                    && method.getModifiers().contains(Modifier.ABSTRACT)
                    && !OBJECT_METHODS.contains(signature)) {
                methods.add(new AbstractMethod(method, resolved));
            }
        }
        for (TypeMirror superinterface : type.getInterfaces()) {
            collect((TypeElement) types.asElement(superinterface), template, types, visited, signatures, methods);
        }
    }

    private static String signature(ExecutableElement method, ExecutableType type, Types types) {
        return method.getSimpleName() + type.getParameterTypes().stream()
                .map(parameter -> types.erasure(parameter).toString())
                .collect(Collectors.joining(",", "(", ")"));
    }
}
