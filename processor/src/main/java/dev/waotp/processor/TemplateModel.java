package dev.waotp.processor;

import com.squareup.javapoet.ClassName;
import java.util.List;

/**
 * Everything generation needs to know about one valid template interface, as plain values.
 *
 * @param source the name of the {@code WaSource} constant, for example {@code API}
 */
record TemplateModel(
        ClassName interfaceName,
        ClassName implementationName,
        String name,
        String language,
        int buttonIndex,
        String source,
        List<SendMethod> methods) {

    TemplateModel {
        methods = List.copyOf(methods);
    }
}
