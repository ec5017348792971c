package dev.waotp.spring;

import dev.waotp.Otp;
import dev.waotp.SendResult;
import dev.waotp.To;
import dev.waotp.verify.CodeSender;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Optional;

/**
 * Sends the verifier's codes through a generated sender bean, by the template interface's method that
 * takes just a {@code @To} phone and an {@code @Otp} code and returns {@link SendResult}, as
 * {@code loginCode::send} would. With several such methods, the first by name is used.
 */
final class TemplateCodeSender implements CodeSender {
    private final String beanName;
    private final Object sender;
    private final Method method;
    private final boolean phoneFirst;

    private TemplateCodeSender(String beanName, Object sender, Method method) {
        this.beanName = beanName;
        this.sender = sender;
        this.method = method;
        this.phoneFirst = method.getParameters()[0].isAnnotationPresent(To.class);
    }

    /** A code sender through {@code sender}, a bean implementing the {@code @AuthTemplate} {@code template}. */
    static TemplateCodeSender of(String beanName, Object sender, Class<?> template) {
        Method method = sendMethod(template).orElseThrow(() -> new WaotpStartupException(
                "The Verifier sends its codes through " + beanName + ", and its @AuthTemplate interface "
                        + template.getName() + " has no method that takes just a @To phone and an @Otp code and"
                        + " returns SendResult.",
                "Add such a method to " + template.getName() + ", for example SendResult send(@To String phone,"
                        + " @Otp String code), or define a CodeSender bean.",
                null));
        return new TemplateCodeSender(beanName, sender, method);
    }

    private static Optional<Method> sendMethod(Class<?> template) {
        return Arrays.stream(template.getMethods())
                .filter(method -> method.getReturnType() == SendResult.class && method.getParameterCount() == 2)
                .filter(method -> Arrays.stream(method.getParameters()).anyMatch(TemplateCodeSender::isPhone)
                        && Arrays.stream(method.getParameters()).anyMatch(TemplateCodeSender::isCode))
                .min(Comparator.comparing(Method::getName));
    }

    private static boolean isPhone(Parameter parameter) {
        return parameter.isAnnotationPresent(To.class) && parameter.getType() == String.class;
    }

    private static boolean isCode(Parameter parameter) {
        return parameter.isAnnotationPresent(Otp.class) && parameter.getType().isAssignableFrom(String.class);
    }

    @Override
    public SendResult send(String phone, String code) {
        try {
            return (SendResult) (phoneFirst ? method.invoke(sender, phone, code) : method.invoke(sender, code, phone));
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException(method + " failed", e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(method + " cannot be called", e);
        }
    }

    @Override
    public String toString() {
        return beanName + " (" + method.getDeclaringClass().getSimpleName() + "." + method.getName() + ")";
    }
}
