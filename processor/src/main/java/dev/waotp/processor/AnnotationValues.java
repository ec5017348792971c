package dev.waotp.processor;

import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/** Reads annotations by the annotation's name, since the processor cannot load the runtime's classes. */
final class AnnotationValues {
    private AnnotationValues() {}

    static Optional<AnnotationMirror> find(Element element, String annotationName) {
        for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
            if (((TypeElement) mirror.getAnnotationType().asElement()).getQualifiedName()
                    .contentEquals(annotationName)) {
                return Optional.of(mirror);
            }
        }
        return Optional.empty();
    }

    /** The value written in source, or the annotation's default, or empty when javac already failed on it. */
    static Optional<Object> get(Elements elements, AnnotationMirror mirror, String member) {
        return find(elements.getElementValuesWithDefaults(mirror), member).map(AnnotationValue::getValue);
    }

    /**
     * The value as written in source: errors point at it when there is one. A defaulted value has no
     * position, so the error then points at the whole annotation.
     */
    static AnnotationValue written(AnnotationMirror mirror, String member) {
        return find(mirror.getElementValues(), member).orElse(null);
    }

    private static Optional<AnnotationValue> find(
            Map<? extends ExecutableElement, ? extends AnnotationValue> values, String member) {
        return values.entrySet().stream()
                .filter(entry -> entry.getKey().getSimpleName().contentEquals(member))
                .<AnnotationValue>map(Map.Entry::getValue)
                .findFirst();
    }
}
