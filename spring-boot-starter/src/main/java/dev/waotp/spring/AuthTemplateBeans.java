package dev.waotp.spring;

import dev.waotp.AuthTemplate;
import dev.waotp.AuthTemplates;
import java.util.Collection;
import java.util.List;
import org.springframework.beans.factory.BeanFactoryUtils;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.support.AbstractBeanDefinition;
import org.springframework.beans.factory.support.BeanDefinitionReaderUtils;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
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
 * <p>An interface that already has a bean of its type is left alone, so that no sender is there twice:
 * one from an earlier scan, from the application's component scanning or from its own {@code @Bean}
 * method, whatever its name. A {@code @Bean} method's bean definition exists only once its configuration
 * class has been read, which may be after the registrar that asked for the scan ran (an
 * {@code @EnableAuthTemplates} class read before another configuration class); so the registrars only
 * register this post-processor, and it scans once every configuration class has been read.
 */
final class AuthTemplateBeans implements BeanDefinitionRegistryPostProcessor {
    private final Collection<String> packages;
    private final ClassLoader classLoader;
    private final ClassPathScanningCandidateComponentProvider scanner;

    private AuthTemplateBeans(Collection<String> packages, Environment environment, ResourceLoader resourceLoader) {
        this.packages = List.copyOf(packages);
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

    /**
     * Has the templates in {@code packages} registered as sender beans once the configuration classes
     * have all been read (called by the registrars, while they are being read).
     */
    static void scanLater(BeanDefinitionRegistry registry, Collection<String> packages, Environment environment,
            ResourceLoader resourceLoader) {
        RootBeanDefinition scan = new RootBeanDefinition(AuthTemplateBeans.class,
                () -> new AuthTemplateBeans(packages, environment, resourceLoader));
        scan.setRole(BeanDefinition.ROLE_INFRASTRUCTURE);
        BeanDefinitionReaderUtils.registerWithGeneratedName(scan, registry);
    }

    @Override
    public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
        for (String basePackage : packages) {
            for (BeanDefinition candidate : scanner.findCandidateComponents(basePackage)) {
                register(candidate, registry);
            }
        }
    }

    private void register(BeanDefinition candidate, BeanDefinitionRegistry registry) {
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
        if (hasBeanOfType(registry, template)) {
            return;
        }
        RootBeanDefinition sender = new RootBeanDefinition();
        sender.setBeanClassName(generated);
        sender.setAutowireMode(AbstractBeanDefinition.AUTOWIRE_CONSTRUCTOR);
        sender.setSource(candidate.getSource());
        registry.registerBeanDefinition(
                AnnotationBeanNameGenerator.INSTANCE.generateBeanName(candidate, registry), sender);
    }

    /**
     * Whether a bean of {@code template} is defined here or in an ancestor context, as
     * {@code @ConditionalOnMissingBean} would decide: by the types bean definitions predict (a
     * {@code @Bean} method's by its return type), creating no bean to find out.
     */
    private static boolean hasBeanOfType(BeanDefinitionRegistry registry, Class<?> template) {
        // The registry a context hands its post-processors is its bean factory.
        return BeanFactoryUtils.beanNamesForTypeIncludingAncestors(
                (ListableBeanFactory) registry, template, true, false).length > 0;
    }
}
