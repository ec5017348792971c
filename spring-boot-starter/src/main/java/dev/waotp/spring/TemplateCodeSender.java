package dev.waotp.spring;

import dev.waotp.Otp;
import dev.waotp.Ref2;
import dev.waotp.SendResult;
import dev.waotp.To;
import dev.waotp.verify.CodeSender;
import dev.waotp.verify.TrackedCodeSender;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Optional;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * Sends the verifier's codes through a generated sender bean, by the template interface's method that
 * takes a {@code @To} phone, an {@code @Otp} code and a {@code @Ref2} tag (then the verifier tracks
 * delivery through callbacks), else one that takes just the phone and the code, and returns
 * {@link SendResult}, as {@code loginCode::send} would. With several such methods, the first by name is used.
 */
final class TemplateCodeSender implements CodeSender, TrackedCodeSender {
    private final String beanName;
    private final Object sender;
    private final Method method;
    /** Where the phone, the code and (for a tracked method) the tag go in the method's arguments. */
    private final int phoneAt;
    private final int codeAt;
    private final int tagAt;

    private TemplateCodeSender(String beanName, Object sender, Method method) {
        this.beanName = beanName;
        this.sender = sender;
        this.method = method;
        this.phoneAt = indexOf(method, TemplateCodeSender::isPhone);
        this.codeAt = indexOf(method, TemplateCodeSender::isCode);
        this.tagAt = indexOf(method, TemplateCodeSender::isTag);
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

    /** Whether the verifier's tag reaches Kaleyra's callbacks through this sender ({@code @Ref2}). */
    boolean tracked() {
        return tagAt >= 0;
    }

    private static Optional<Method> sendMethod(Class<?> template) {
        return sendMethod(template, 3).or(() -> sendMethod(template, 2));
    }

    private static Optional<Method> sendMethod(Class<?> template, int parameters) {
        return Arrays.stream(template.getMethods())
                .filter(method -> method.getReturnType() == SendResult.class && method.getParameterCount() == parameters)
                .filter(method -> indexOf(method, TemplateCodeSender::isPhone) >= 0
                        && indexOf(method, TemplateCodeSender::isCode) >= 0
                        && (parameters == 2 || indexOf(method, TemplateCodeSender::isTag) >= 0))
                .min(Comparator.comparing(Method::getName));
    }

    private static int indexOf(Method method, Predicate<Parameter> role) {
        Parameter[] parameters = method.getParameters();
        for (int i = 0; i < parameters.length; i++) {
            if (role.test(parameters[i])) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isTag(Parameter parameter) {
        return parameter.isAnnotationPresent(Ref2.class) && parameter.getType() == String.class;
    }

    private static boolean isPhone(Parameter parameter) {
        return parameter.isAnnotationPresent(To.class) && parameter.getType() == String.class;
    }

    private static boolean isCode(Parameter parameter) {
        return parameter.isAnnotationPresent(Otp.class) && parameter.getType().isAssignableFrom(String.class);
    }

    @Override
    public SendResult send(String phone, String code) {
        return send(phone, code, null);
    }

    @Override
    public SendResult send(String phone, String code, @Nullable String tag) {
        Object[] arguments = new Object[method.getParameterCount()];
        arguments[phoneAt] = phone;
        arguments[codeAt] = code;
        if (tagAt >= 0) {
            arguments[tagAt] = tag;
        }
        try {
            return (SendResult) method.invoke(sender, arguments);
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
