package dev.waotp.processor;

import com.squareup.javapoet.ClassName;
import com.sun.source.util.Trees;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * The names of the generated senders: which are taken by a type the user wrote, and which a valid
 * template of this compilation has already claimed.
 */
final class ImplementationNames {
    private final Elements elements;
    private final Trees trees;
    /** Generated class name to the interface it implements, for the templates found valid so far. */
    private final Map<String, String> claimed = new HashMap<>();

    /**
     * @param trees {@code null} when the compiler is not javac; then where a type comes from is unknown,
     *     so only the templates' own names are compared, and the compiler reports any other duplicate
     */
    ImplementationNames(Elements elements, Trees trees) {
        this.elements = elements;
        this.trees = trees;
    }

    /** What already has the name the sender of {@code template} would get, said for an error message. */
    Optional<String> clash(TypeElement template) {
        String implementation = of(template).canonicalName();
        String claimant = claimed.get(implementation);
        if (claimant != null) {
            return Optional.of(implementation + ", which is already the generated sender of " + claimant);
        }
        TypeElement existing = elements.getTypeElement(implementation);
        // A class file of that name is most likely this processor's output of an earlier build, which
        // the new source replaces; only a type in the sources is certainly the user's own.
        if (existing != null && inSource(existing)) {
            return Optional.of(implementation + ", but " + implementation + " already exists");
        }
        return Optional.empty();
    }

    /** Records that the sender of {@code template}, found valid, will be generated. */
    void claim(TypeElement template) {
        claimed.put(of(template).canonicalName(), template.getQualifiedName().toString());
    }

    /** The name of the sender generated for {@code template}. */
    static ClassName of(TypeElement template) {
        return TemplateModel.implementationName(ClassName.get(template));
    }

    private boolean inSource(TypeElement type) {
        return trees != null && trees.getPath(type) != null;
    }
}
