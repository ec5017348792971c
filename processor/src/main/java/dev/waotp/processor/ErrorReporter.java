package dev.waotp.processor;

import com.sun.source.util.Trees;
import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;

/**
 * Reports the errors of one template interface and remembers whether there were any, so that the
 * processor goes on checking everything but generates nothing for a broken interface.
 */
final class ErrorReporter {
    private final Messager messager;
    private final Trees trees;
    private final TypeElement template;
    private boolean failed;

    /** @param trees {@code null} when the compiler is not javac; then every element counts as source */
    ErrorReporter(Messager messager, Trees trees, TypeElement template) {
        this.messager = messager;
        this.trees = trees;
        this.template = template;
    }

    void error(String message, Element element) {
        error(message, element, null, null);
    }

    void error(String message, Element element, AnnotationMirror annotation) {
        error(message, element, annotation, null);
    }

    void error(String message, Element element, AnnotationMirror annotation, AnnotationValue value) {
        failed = true;
        if (inSource(element)) {
            messager.printMessage(Diagnostic.Kind.ERROR, message, element, annotation, value);
        } else {
            // An element read from a class file has no position: javac would print the error with no
            // file or line at all, so point at the interface being generated instead.
            messager.printMessage(Diagnostic.Kind.ERROR,
                    message + " (in " + declaringType(element).getQualifiedName() + ", inherited by "
                            + template.getSimpleName() + ")",
                    template);
        }
    }

    /**
     * A warning: the interface is still generated. Only ever about an element in source, the
     * {@code @AuthTemplate} annotation itself.
     */
    void warning(String message, Element element, AnnotationMirror annotation, AnnotationValue value) {
        messager.printMessage(Diagnostic.Kind.WARNING, message, element, annotation, value);
    }

    /**
     * For a value javac has already reported (a missing annotation member, an unknown type): one error
     * is enough, but nothing may be generated from it.
     */
    void alreadyReported() {
        failed = true;
    }

    boolean failed() {
        return failed;
    }

    private boolean inSource(Element element) {
        return trees == null || trees.getPath(declaringType(element)) != null;
    }

    private static TypeElement declaringType(Element element) {
        Element type = element;
        while (!(type instanceof TypeElement)) {
            type = type.getEnclosingElement();
        }
        return (TypeElement) type;
    }
}
