package dev.waotp.processor;

import com.squareup.javapoet.AnnotationSpec;
import com.squareup.javapoet.ClassName;
import com.squareup.javapoet.CodeBlock;
import com.squareup.javapoet.FieldSpec;
import com.squareup.javapoet.JavaFile;
import com.squareup.javapoet.MethodSpec;
import com.squareup.javapoet.ParameterizedTypeName;
import com.squareup.javapoet.TypeName;
import com.squareup.javapoet.TypeSpec;
import java.util.Comparator;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import javax.lang.model.element.Modifier;

/** Writes the source of {@code <Interface>Impl} for one {@link TemplateModel}. */
final class SenderGenerator {
    private static final String TEMPLATE = "TEMPLATE";
    private static final String TEMPLATES = "TEMPLATES";
    private static final String CLIENT = "client";

    private final Optional<ClassName> generatedAnnotation;
    private final Optional<ClassName> injectAnnotation;
    private final Optional<ClassName> namedAnnotation;

    /**
     * @param generatedAnnotation {@code @Generated} as the compile classpath has it, if at all
     * @param injectAnnotation {@code @Inject} as the compile classpath has it, if at all
     * @param namedAnnotation {@code @Named} for the class, if asked for
     */
    SenderGenerator(Optional<ClassName> generatedAnnotation, Optional<ClassName> injectAnnotation,
            Optional<ClassName> namedAnnotation) {
        this.generatedAnnotation = generatedAnnotation;
        this.injectAnnotation = injectAnnotation;
        this.namedAnnotation = namedAnnotation;
    }

    JavaFile generate(TemplateModel model) {
        String template = constantName(model, TEMPLATE);
        String templates = constantName(model, TEMPLATES);
        TypeSpec.Builder type = TypeSpec.classBuilder(model.implementationName())
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addSuperinterface(model.interfaceName())
                // A type nested in the interface hides an imported type of its name in the class body
                // (a nested "class Override {}" would turn @Override into an error), so those are written
                // with their package.
                .alwaysQualify(model.memberTypeNames().stream().sorted().toArray(String[]::new));
        // No date or comments: the same interface must give the same bytes, build after build.
        generatedAnnotation.ifPresent(generated -> type.addAnnotation(AnnotationSpec.builder(generated)
                .addMember("value", "$S", AuthTemplateProcessor.class.getCanonicalName())
                .build()));
        namedAnnotation.ifPresent(type::addAnnotation);
        // One language and no @Lang: one constant, as a hand-written sender would have. Several languages:
        // one spec per language, chosen per send; a single-language template whose methods only sometimes
        // take @Lang gets both, the second built from the first.
        boolean choosesLanguage = model.choosesLanguage();
        boolean fixedLanguage = !choosesLanguage || model.methods().stream().anyMatch(m -> m.lang().isEmpty());
        if (fixedLanguage) {
            type.addField(FieldSpec.builder(RuntimeNames.TEMPLATE_SPEC, template,
                            Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                    .initializer(spec(model, model.langs().get(0)))
                    .build());
        }
        if (choosesLanguage) {
            CodeBlock.Builder specs = CodeBlock.builder();
            if (fixedLanguage) {
                specs.add("$N", template);
            } else {
                specs.add("\n$>$>");
                for (int i = 0; i < model.langs().size(); i++) {
                    specs.add(i == 0 ? "$L" : ",\n$L", spec(model, model.langs().get(i)));
                }
                specs.add("$<$<");
            }
            type.addField(FieldSpec.builder(RuntimeNames.TEMPLATE_LANGUAGES, templates,
                            Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                    .initializer("$T.of($L)", RuntimeNames.TEMPLATE_LANGUAGES, specs.build())
                    .build());
        }
        type.addField(RuntimeNames.KALEYRA_CLIENT, CLIENT, Modifier.PRIVATE, Modifier.FINAL);
        type.addMethod(constructor());
        for (SendMethod method : model.methods()) {
            type.addMethod(send(method, template, templates));
        }
        // java.lang types are imported too: a type of the same name in the interface's package would
        // otherwise take their place.
        return JavaFile.builder(model.implementationName().packageName(), type.build())
                .indent("    ")
                .build();
    }

    private static CodeBlock spec(TemplateModel model, String lang) {
        return CodeBlock.of("$T.of($S, $S, $L, $T.$L)", RuntimeNames.TEMPLATE_SPEC, model.name(), lang,
                model.buttonIndex(), RuntimeNames.WA_SOURCE, model.source());
    }

    /**
     * {@code base}, or with as many underscores appended as it takes to differ from every parameter
     * name, so that the constant is never shadowed and always reads by its simple name.
     */
    private static String constantName(TemplateModel model, String base) {
        String name = base;
        while (isParameterName(model, name)) {
            name += "_";
        }
        return name;
    }

    private static boolean isParameterName(TemplateModel model, String name) {
        return model.methods().stream()
                .flatMap(method -> method.parameters().stream())
                .anyMatch(parameter -> parameter.name().equals(name));
    }

    private MethodSpec constructor() {
        MethodSpec.Builder constructor = MethodSpec.constructorBuilder()
                .addModifiers(Modifier.PUBLIC)
                .addParameter(RuntimeNames.KALEYRA_CLIENT, CLIENT)
                .addStatement("this.$N = $T.requireNonNull($N, $S)", CLIENT, Objects.class, CLIENT, CLIENT);
        injectAnnotation.ifPresent(constructor::addAnnotation);
        return constructor.build();
    }

    private MethodSpec send(SendMethod method, String template, String templates) {
        MethodSpec.Builder spec = MethodSpec.methodBuilder(method.name())
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(returnType(method.returnKind()))
                .varargs(method.varargs());
        for (SendParameter parameter : method.parameters()) {
            spec.addParameter(parameter.type(), parameter.name());
        }
        // A parameter may shadow the field; qualify it only then, to keep the usual case reading like
        // hand-written code.
        CodeBlock client = shadowed(method, CLIENT) ? CodeBlock.of("this.$N", CLIENT) : CodeBlock.of("$N", CLIENT);
        CodeBlock chosen = method.lang()
                .map(lang -> CodeBlock.of("$N.$N($N)", templates,
                        lang.type().equals(ClassName.get(Locale.class)) ? "forLocale" : "forCode", lang.name()))
                .orElse(CodeBlock.of("$N", template));
        CodeBlock.Builder message = CodeBlock.builder().add("$T.builder($L)", RuntimeNames.AUTH_MESSAGE, chosen);
        method.parameters().stream()
                .filter(parameter -> parameter.role().builderMethod() != null)
                .sorted(Comparator.comparing(SendParameter::role))
                .forEach(parameter -> message.add(".$N($N)", parameter.role().builderMethod(), parameter.name()));
        message.add(".build()");
        switch (method.returnKind()) {
            case SEND_RESULT -> spec.addStatement("return $L.send($L)", client, message.build());
            case FUTURE -> spec.addStatement("return $L.sendAsync($L)", client, message.build());
            case VOID -> spec.addStatement("$L.send($L)", client, message.build());
        }
        return spec.build();
    }

    private static boolean shadowed(SendMethod method, String name) {
        return method.parameters().stream().anyMatch(parameter -> parameter.name().equals(name));
    }

    private static TypeName returnType(ReturnKind kind) {
        return switch (kind) {
            case SEND_RESULT -> RuntimeNames.SEND_RESULT;
            case FUTURE -> ParameterizedTypeName.get(ClassName.get(CompletableFuture.class), RuntimeNames.SEND_RESULT);
            case VOID -> TypeName.VOID;
        };
    }
}
