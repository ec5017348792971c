package dev.waotp.spring;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.boot.autoconfigure.AutoConfigurationPackages;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.type.AnnotationMetadata;

/**
 * Registers the senders of the application's auto-configuration packages: those of its
 * {@code @SpringBootApplication} (or {@code @AutoConfigurationPackage}) classes, as Spring Data does for
 * repositories. Nothing is scanned in an application that declares no such package.
 */
final class AutoConfiguredAuthTemplatesRegistrar implements ImportBeanDefinitionRegistrar {
    private final BeanFactory beanFactory;
    private final Environment environment;
    private final ResourceLoader resourceLoader;

    /** Spring passes these to the constructor of an imported registrar. */
    AutoConfiguredAuthTemplatesRegistrar(BeanFactory beanFactory, Environment environment, ResourceLoader resourceLoader) {
        this.beanFactory = beanFactory;
        this.environment = environment;
        this.resourceLoader = resourceLoader;
    }

    @Override
    public void registerBeanDefinitions(AnnotationMetadata metadata, BeanDefinitionRegistry registry) {
        if (AutoConfigurationPackages.has(beanFactory)) {
            AuthTemplateBeans.scanLater(
                    registry, AutoConfigurationPackages.get(beanFactory), environment, resourceLoader);
        }
    }
}
