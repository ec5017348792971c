package dev.waotp.spring;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ListableBeanFactory;

/**
 * The one bean of a type, as {@code @ConditionalOnSingleCandidate} finds it: the only one, or the primary
 * among several. Several with none primary stop the start-up naming them, never a silent fallback.
 */
final class SingleBean {
    private SingleBean() {}

    /**
     * The bean, or null when there is none.
     *
     * @param role what the bean is for, completing "The Verifier needs one ..."
     */
    static <T> @Nullable T of(ListableBeanFactory beans, Class<T> type, String role) {
        T unique = beans.getBeanProvider(type).getIfUnique();
        String[] names = beans.getBeanNamesForType(type);
        if (unique == null && names.length > 1) {
            Arrays.sort(names);
            throw new WaotpStartupException("The Verifier needs one " + role + ", and the application has "
                    + names.length + " " + type.getSimpleName() + " beans, none @Primary: "
                    + String.join(", ", names) + ".",
                    "Mark the one the Verifier should use @Primary, or remove the others.", null);
        }
        return unique;
    }
}
