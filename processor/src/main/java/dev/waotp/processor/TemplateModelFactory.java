package dev.waotp.processor;

import com.squareup.javapoet.ClassName;
import com.squareup.javapoet.TypeName;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/** Reads a template interface that {@link TemplateValidator} found valid into a {@link TemplateModel}. */
final class TemplateModelFactory {
    private final Elements elements;
    private final Types types;

    TemplateModelFactory(Elements elements, Types types) {
        this.elements = elements;
        this.types = types;
    }

    TemplateModel create(TypeElement template) {
        AnnotationMirror annotation = AnnotationValues.find(template, RuntimeNames.AUTH_TEMPLATE).orElseThrow();
        ClassName interfaceName = ClassName.get(template);
        List<SendMethod> methods = new ArrayList<>();
        for (AbstractMethod method : AbstractMethod.of(template, types)) {
            methods.add(sendMethod(method));
        }
        return new TemplateModel(
                interfaceName,
                TemplateModel.implementationName(interfaceName),
                (String) value(annotation, "name"),
                ((List<?>) value(annotation, "lang")).stream()
                        .map(code -> (String) ((AnnotationValue) code).getValue())
                        .toList(),
                (Integer) value(annotation, "buttonIndex"),
                // An enum constant's value is its VariableElement.
                ((VariableElement) value(annotation, "source")).getSimpleName().toString(),
                methods,
                memberTypeNames(template, new HashSet<>(), new HashSet<>()));
    }

    /** The names of the types nested in {@code type} and in its super-interfaces, all the way up. */
    private Set<String> memberTypeNames(TypeElement type, Set<TypeElement> visited, Set<String> names) {
        if (visited.add(type)) {
            for (TypeElement member : ElementFilter.typesIn(type.getEnclosedElements())) {
                names.add(member.getSimpleName().toString());
            }
            for (TypeMirror superinterface : type.getInterfaces()) {
                memberTypeNames((TypeElement) types.asElement(superinterface), visited, names);
            }
        }
        return names;
    }

    private SendMethod sendMethod(AbstractMethod method) {
        ExecutableElement element = method.element();
        List<SendParameter> parameters = new ArrayList<>();
        for (int i = 0; i < element.getParameters().size(); i++) {
            VariableElement parameter = element.getParameters().get(i);
            parameters.add(new SendParameter(
                    parameter.getSimpleName().toString(),
                    TypeName.get(method.type().getParameterTypes().get(i)),
                    ParameterRole.of(parameter).get(0).role()));
        }
        return new SendMethod(
                element.getSimpleName().toString(),
                ReturnKind.of(method.type().getReturnType()).orElseThrow(),
                parameters,
                element.isVarArgs());
    }

    private Object value(AnnotationMirror annotation, String member) {
        return AnnotationValues.get(elements, annotation, member).orElseThrow();
    }
}
