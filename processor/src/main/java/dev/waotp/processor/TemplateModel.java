package dev.waotp.processor;

import com.squareup.javapoet.ClassName;
import java.util.List;
import java.util.Set;

/**
 * Everything generation needs to know about one valid template interface, as plain values.
 *
 * @param langs the language codes in declared order; the first is the one a {@code Locale} falls back to
 * @param source the name of the {@code WaSource} constant, for example {@code API}
 * @param memberTypeNames the simple names of the types nested in the interface and in its
 *     super-interfaces: the generated class inherits them, so in its body they hide any imported type
 *     of the same name
 */
record TemplateModel(
        ClassName interfaceName,
        ClassName implementationName,
        String name,
        List<String> langs,
        int buttonIndex,
        String source,
        List<SendMethod> methods,
        Set<String> memberTypeNames) {

    TemplateModel {
        langs = List.copyOf(langs);
        methods = List.copyOf(methods);
        memberTypeNames = Set.copyOf(memberTypeNames);
    }

    /**
     * Whether sends choose a language per call: with several languages every method takes {@code @Lang};
     * with one, a method may.
     */
    boolean choosesLanguage() {
        return langs.size() > 1 || methods.stream().anyMatch(method -> method.lang().isPresent());
    }

    /** {@code com.acme.Outer.Inner} is implemented by {@code com.acme.Outer_InnerImpl}, as the runtime expects. */
    static ClassName implementationName(ClassName interfaceName) {
        return ClassName.get(interfaceName.packageName(), String.join("_", interfaceName.simpleNames()) + "Impl");
    }
}
