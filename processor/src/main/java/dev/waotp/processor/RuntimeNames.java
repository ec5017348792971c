package dev.waotp.processor;

import com.squareup.javapoet.ClassName;

/**
 * The runtime's types by name. The processor must not load the runtime: users put only the processor
 * on their annotation processor path, so these are strings, never class literals.
 */
final class RuntimeNames {
    static final String PACKAGE = "dev.waotp";

    static final String AUTH_TEMPLATE = PACKAGE + ".AuthTemplate";

    static final ClassName KALEYRA_CLIENT = ClassName.get(PACKAGE, "KaleyraClient");
    static final ClassName AUTH_MESSAGE = ClassName.get(PACKAGE, "AuthMessage");
    static final ClassName TEMPLATE_SPEC = ClassName.get(PACKAGE, "TemplateSpec");
    static final ClassName TEMPLATE_LANGUAGES = ClassName.get(PACKAGE, "TemplateLanguages");
    static final ClassName SEND_RESULT = ClassName.get(PACKAGE, "SendResult");
    static final ClassName WA_SOURCE = ClassName.get(PACKAGE, "WaSource");

    private RuntimeNames() {}
}
