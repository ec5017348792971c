package dev.waotp.processor;

import com.google.auto.service.AutoService;
import com.squareup.javapoet.ClassName;
import com.sun.source.util.Trees;
import com.squareup.javapoet.JavaFile;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import javax.tools.Diagnostic;

/**
 * Checks every {@code @AuthTemplate} interface and generates its {@code <Interface>Impl} sender.
 *
 * <p>All errors of a compilation are reported in one go; an interface with any error gets no
 * generated class, so the only errors the user sees are the ones about their own source.
 */
@AutoService(Processor.class)
public final class AuthTemplateProcessor extends AbstractProcessor {
    /** Templates waiting for types another processor generates, by name: elements do not outlive a round. */
    private final Set<String> deferred = new LinkedHashSet<>();
    private Trees trees;
    private TemplateValidator validator;
    private TemplateModelFactory models;
    private SenderGenerator generator;

    @Override
    public Set<String> getSupportedAnnotationTypes() {
        return Set.of(RuntimeNames.AUTH_TEMPLATE);
    }

    @Override
    public Set<String> getSupportedOptions() {
        return ProcessorOptions.ALL;
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public synchronized void init(ProcessingEnvironment processingEnv) {
        super.init(processingEnv);
        Elements elements = processingEnv.getElementUtils();
        trees = trees(processingEnv);
        ProcessorOptions options = new ProcessorOptions(processingEnv.getOptions(), processingEnv.getMessager());
        validator = new TemplateValidator(elements, processingEnv.getTypeUtils(),
                new WhatsAppLanguages(options.extraLanguages()), new ImplementationNames(elements, trees),
                options.templates().flatMap(file -> manifest(file, options)).map(ManifestValidator::new));
        models = new TemplateModelFactory(elements, processingEnv.getTypeUtils());
        Optional<ClassName> inject = firstPresent(elements, "jakarta.inject.Inject", "javax.inject.Inject");
        generator = new SenderGenerator(
                firstPresent(elements, "javax.annotation.processing.Generated", "javax.annotation.Generated"),
                inject,
                named(options, inject));
    }

    /** {@code @Named} beside {@code inject} when the option asks for it, which needs an inject library. */
    private static Optional<ClassName> named(ProcessorOptions options, Optional<ClassName> inject) {
        if (!options.named()) {
            return Optional.empty();
        }
        if (inject.isEmpty()) {
            options.error("-A" + ProcessorOptions.NAMED
                    + "=true needs jakarta.inject (or javax.inject) on the compile classpath for @Named");
        }
        return inject.map(annotation -> annotation.peerClass("Named"));
    }

    /** The manifest in {@code file}, or one error naming the file: then no template is checked against it. */
    private static Optional<TemplateManifest> manifest(Path file, ProcessorOptions options) {
        try {
            return Optional.of(TemplateManifest.read(file));
        } catch (TemplateManifest.ManifestException e) {
            options.error("the template manifest " + file + " (-A" + ProcessorOptions.TEMPLATES + ") is not usable: "
                    + e.getMessage() + ": fetch it again with mvn waotp:templates, or fix the option");
            return Optional.empty();
        }
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        List<TypeElement> templates = new ArrayList<>();
        for (String name : deferred) {
            templates.add(processingEnv.getElementUtils().getTypeElement(name));
        }
        deferred.clear();
        for (TypeElement annotation : annotations) {
            for (Element element : round.getElementsAnnotatedWith(annotation)) {
                templates.add((TypeElement) element);
            }
        }
        for (TypeElement template : templates) {
            // In the last round nothing more can be generated: what is still missing is javac's to report.
            if (!round.processingOver() && PendingTypes.in(template, processingEnv.getTypeUtils())) {
                deferred.add(template.getQualifiedName().toString());
            } else {
                process(template);
            }
        }
        // Other processors may read @AuthTemplate too.
        return false;
    }

    private void process(TypeElement template) {
        ErrorReporter reporter = new ErrorReporter(processingEnv.getMessager(), trees, template);
        validator.validate(template, reporter);
        if (reporter.failed()) {
            return;
        }
        TemplateModel model = models.create(template);
        JavaFile file = generator.generate(model);
        // Written by hand rather than with JavaFile.writeTo(Filer) so that the interface is recorded as
        // the originating element, which incremental builds need, while the model stays free of elements.
        try (Writer writer = processingEnv.getFiler()
                .createSourceFile(model.implementationName().canonicalName(), template)
                .openWriter()) {
            file.writeTo(writer);
        } catch (IOException e) {
            processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR,
                    "could not write " + model.implementationName() + ": " + e.getMessage(), template);
        }
    }

    /** Which of the names the compile classpath has, so the generated code compiles wherever it lands. */
    private static Optional<ClassName> firstPresent(Elements elements, String... names) {
        for (String name : names) {
            TypeElement type = elements.getTypeElement(name);
            if (type != null) {
                return Optional.of(ClassName.get(type));
            }
        }
        return Optional.empty();
    }

    /** Null outside javac (or behind a wrapping build tool), where every element then counts as source. */
    private static Trees trees(ProcessingEnvironment processingEnv) {
        try {
            return Trees.instance(processingEnv);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
