package dev.waotp.spring;

import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.core.annotation.AnnotationAttributes;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.util.ClassUtils;

/** Registers the senders of the packages an {@link EnableAuthTemplates} annotation names. */
final class AuthTemplatesRegistrar implements ImportBeanDefinitionRegistrar {
    private final Environment environment;
    private final ResourceLoader resourceLoader;

    /** Spring passes these to the constructor of an imported registrar. */
    AuthTemplatesRegistrar(Environment environment, ResourceLoader resourceLoader) {
        this.environment = environment;
        this.resourceLoader = resourceLoader;
    }

    @Override
    public void registerBeanDefinitions(AnnotationMetadata metadata, BeanDefinitionRegistry registry) {
        AnnotationAttributes attributes = AnnotationAttributes.fromMap(
                metadata.getAnnotationAttributes(EnableAuthTemplates.class.getName()));
        List<String> packages = new ArrayList<>(List.of(attributes.getStringArray("basePackages")));
        for (Class<?> type : attributes.getClassArray("basePackageClasses")) {
            packages.add(type.getPackageName());
        }
        if (packages.isEmpty()) {
            packages.add(ClassUtils.getPackageName(metadata.getClassName()));
        }
        AuthTemplateBeans.scanLater(registry, packages, environment, resourceLoader);
    }
}
