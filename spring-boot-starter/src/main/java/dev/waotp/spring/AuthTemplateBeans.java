package dev.waotp.spring;

import dev.waotp.AuthTemplate;
import dev.waotp.AuthTemplates;
import java.util.Arrays;
import java.util.Collection;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.support.AbstractBeanDefinition;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.annotation.AnnotationBeanNameGenerator;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;

/**
 * Finds {@link AuthTemplate} interfaces on the class path, the way Spring Data finds repository
 * interfaces, and registers each as a bean of its generated {@code <Interface>Impl}, built through its
 * constructor with the {@link dev.waotp.KaleyraClient} bean. The bean is named after the interface
 * ({@code LoginCode} gives {@code loginCode}).
 *
 * <p>An interface whose generated class is already registered, by an earlier scan or by the
 * application's own component scanning, is left alone, so that no sender is there twice.
 */
final class AuthTemplateBeans {
    private final BeanDefinitionRegistry registry;
    private final ClassLoader classLoader;
    private final ClassPathScanningCandidateComponentProvider scanner;

    AuthTemplateBeans(BeanDefinitionRegistry registry, Environment environment, ResourceLoader resourceLoader) {
        this.registry = registry;
        this.classLoader = resourceLoader.getClassLoader() != null
                ? resourceLoader.getClassLoader() : ClassUtils.getDefaultClassLoader();
        this.scanner = new ClassPathScanningCandidateComponentProvider(false, environment) {
            // The default accepts concrete classes only; a template is an interface.
            @Override
            protected boolean isCandidateComponent(AnnotatedBeanDefinition definition) {
                return definition.getMetadata().isInterface() && definition.getMetadata().isIndependent();
            }
        };
        scanner.setResourceLoader(resourceLoader);
        scanner.addIncludeFilter(new AnnotationTypeFilter(AuthTemplate.class, false, false));
    }

    /** Scans {@code packages} and registers a sender bean for each template interface found. */
    void register(Collection<String> packages) {
        for (String basePackage : packages) {
            for (BeanDefinition candidate : scanner.findCandidateComponents(basePackage)) {
                register(candidate);
            }
        }
    }

    private void register(BeanDefinition candidate) {
        String interfaceName = candidate.getBeanClassName();
        Class<?> template = ClassUtils.resolveClassName(interfaceName, classLoader);
        String generated = AuthTemplates.generatedClassName(template);
        if (!ClassUtils.isPresent(generated, classLoader)) {
            throw new WaotpStartupException(
                    "The @AuthTemplate interface " + template.getName() + " has no generated sender: "
                            + generated + " is missing, so the waotp annotation processor did not run on it.",
                    "Add dev.waotp:waotp-processor to the annotation processor path of the module that declares "
                            + template.getName() + ": in Maven, an <annotationProcessorPaths> <path> of the"
                            + " maven-compiler-plugin; in Gradle, annotationProcessor(\"dev.waotp:waotp-processor\").",
                    null);
        }
        if (isRegistered(generated)) {
            return;
        }
        RootBeanDefinition sender = new RootBeanDefinition();
        sender.setBeanClassName(generated);
        sender.setAutowireMode(AbstractBeanDefinition.AUTOWIRE_CONSTRUCTOR);
        sender.setSource(candidate.getSource());
        registry.registerBeanDefinition(
                AnnotationBeanNameGenerator.INSTANCE.generateBeanName(candidate, registry), sender);
    }

    private boolean isRegistered(String generatedClassName) {
        return Arrays.stream(registry.getBeanDefinitionNames())
                .map(name -> registry.getBeanDefinition(name).getBeanClassName())
                .anyMatch(generatedClassName::equals);
    }
}
