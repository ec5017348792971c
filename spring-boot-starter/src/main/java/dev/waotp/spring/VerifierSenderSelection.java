package dev.waotp.spring;

import dev.waotp.AuthTemplate;
import dev.waotp.verify.CodeSender;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.util.ClassUtils;

/**
 * Picks the {@link AuthTemplate} sender bean the verifier sends its codes through: the one
 * {@code waotp.verify.sender} names (by bean name or interface name), else the only one there is.
 * A {@link CodeSender} bean of the application's own takes precedence over both; that is decided by
 * the caller.
 */
final class VerifierSenderSelection {
    private static final String PROPERTY = "waotp.verify.sender";
    private static final String OR_CODE_SENDER = " or define a CodeSender bean.";

    private VerifierSenderSelection() {}

    static CodeSender select(ListableBeanFactory beans, @Nullable String named) {
        Map<String, Class<?>> senders = new TreeMap<>();
        for (String name : beans.getBeanNamesForAnnotation(AuthTemplate.class)) {
            Class<?> type = beans.getType(name);
            if (type != null) {
                templateOf(type).ifPresent(template -> senders.put(name, template));
            }
        }
        if (named != null && !named.isBlank()) {
            return senders.entrySet().stream()
                    .filter(sender -> sender.getKey().equals(named) || sender.getValue().getName().equals(named)
                            || sender.getValue().getCanonicalName().equals(named))
                    .findFirst()
                    .map(sender -> TemplateCodeSender.of(sender.getKey(), beans.getBean(sender.getKey()),
                            sender.getValue()))
                    .orElseThrow(() -> WaotpStartupException.invalidProperty(PROPERTY,
                            "names no @AuthTemplate sender bean",
                            senders.isEmpty()
                                    ? "Declare the @AuthTemplate interface in a scanned package," + OR_CODE_SENDER
                                    : "Set it to one of " + describe(senders) + "," + OR_CODE_SENDER,
                            null));
        }
        if (senders.size() == 1) {
            Map.Entry<String, Class<?>> only = senders.entrySet().iterator().next();
            return TemplateCodeSender.of(only.getKey(), beans.getBean(only.getKey()), only.getValue());
        }
        if (senders.isEmpty()) {
            throw new WaotpStartupException("The Verifier needs a sender for its codes, and the application has"
                    + " no @AuthTemplate sender bean.",
                    "Declare an @AuthTemplate interface with a method such as SendResult send(@To String phone,"
                            + " @Otp String code) in the application's packages," + OR_CODE_SENDER,
                    null);
        }
        throw new WaotpStartupException("The Verifier needs one sender for its codes, and the application has "
                + senders.size() + " @AuthTemplate senders: " + describe(senders) + ".",
                "Set " + PROPERTY + " to the bean name or interface name of the one to use," + OR_CODE_SENDER,
                null);
    }

    private static Optional<Class<?>> templateOf(Class<?> type) {
        return ClassUtils.getAllInterfacesForClassAsSet(type).stream()
                .filter(candidate -> candidate.isAnnotationPresent(AuthTemplate.class))
                .findFirst();
    }

    private static String describe(Map<String, Class<?>> senders) {
        return String.join(", ", senders.keySet());
    }
}
