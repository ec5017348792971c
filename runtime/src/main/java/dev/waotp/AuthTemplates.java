package dev.waotp;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;

/** Finds the generated sender of an {@link AuthTemplate} interface, for code that uses no DI container. */
public final class AuthTemplates {
    private AuthTemplates() {}

    /**
     * Returns the generated {@code <Interface>Impl} for {@code template}, sending through
     * {@code client}.
     *
     * <pre>{@code
     * LoginCode login = AuthTemplates.create(LoginCode.class, client);
     * }</pre>
     *
     * @throws IllegalArgumentException when {@code template} is not an {@code @AuthTemplate} interface
     * @throws IllegalStateException when the generated class is missing: the processor did not run
     */
    public static <T> T create(Class<T> template, KaleyraClient client) {
        if (template == null || client == null) {
            throw new NullPointerException(template == null ? "template" : "client");
        }
        if (!template.isInterface() || !template.isAnnotationPresent(AuthTemplate.class)) {
            throw new IllegalArgumentException(
                    template.getName() + " is not an interface annotated @AuthTemplate");
        }
        String generated = generatedClassName(template);
        try {
            Class<?> implementation = Class.forName(generated, true, template.getClassLoader());
            Constructor<? extends T> constructor =
                    implementation.asSubclass(template).getConstructor(KaleyraClient.class);
            return constructor.newInstance(client);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(generated + " was not generated: add dev.waotp:waotp-processor"
                    + " to the annotation processor path of the module that declares " + template.getName(), e);
        } catch (NoSuchMethodException | InstantiationException | IllegalAccessException e) {
            throw new IllegalStateException(generated + " does not match this waotp runtime: rebuild it", e);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        }
    }

    /**
     * The binary name of the class the processor generates for {@code template}: {@code com.acme.LoginCode}
     * gets {@code com.acme.LoginCodeImpl}, and a nested {@code com.acme.Outer.Inner} gets
     * {@code com.acme.Outer_InnerImpl}. For containers that register senders without creating them.
     */
    public static String generatedClassName(Class<?> template) {
        StringBuilder simpleNames = new StringBuilder(template.getSimpleName());
        for (Class<?> outer = template.getEnclosingClass(); outer != null; outer = outer.getEnclosingClass()) {
            simpleNames.insert(0, outer.getSimpleName() + "_");
        }
        String pkg = template.getPackageName();
        return (pkg.isEmpty() ? "" : pkg + ".") + simpleNames + "Impl";
    }
}
