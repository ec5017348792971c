package dev.waotp.processor;

import com.squareup.javapoet.ClassName;
import java.util.List;
import java.util.Set;

/**
 * Everything generation needs to know about one valid template interface, as plain values.
 *
 * @param source the name of the {@code WaSource} constant, for example {@code API}
 * @param memberTypeNames the simple names of the types nested in the interface and in its
 *     super-interfaces: the generated class inherits them, so in its body they hide any imported type
 *     of the same name
 */
record TemplateModel(
        ClassName interfaceName,
        ClassName implementationName,
        String name,
        String lang,
        int buttonIndex,
        String source,
        List<SendMethod> methods,
        Set<String> memberTypeNames) {

    TemplateModel {
        methods = List.copyOf(methods);
        memberTypeNames = Set.copyOf(memberTypeNames);
    }

    /** {@code com.acme.Outer.Inner} is implemented by {@code com.acme.Outer_InnerImpl}, as the runtime expects. */
    static ClassName implementationName(ClassName interfaceName) {
        return ClassName.get(interfaceName.packageName(), String.join("_", interfaceName.simpleNames()) + "Impl");
    }
}
