package dev.waotp.spring;

import dev.waotp.AuthTemplate;
import java.util.Arrays;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import org.springframework.beans.factory.ListableBeanFactory;

/**
 * The templates the application sends with: every bean whose type carries {@link AuthTemplate} (the
 * senders {@link AuthTemplateBeans} registers, and any the application defines itself), found by type
 * without creating a bean.
 */
final class RegisteredTemplates {
    private RegisteredTemplates() {}

    static SortedSet<TemplateKey> in(ListableBeanFactory beans) {
        SortedSet<TemplateKey> keys = new TreeSet<>();
        for (String bean : beans.getBeanNamesForAnnotation(AuthTemplate.class)) {
            AuthTemplate template = beans.findAnnotationOnBean(bean, AuthTemplate.class, false);
            if (template != null) {
                keys.addAll(of(template));
            }
        }
        return keys;
    }

    /** The one place that reads an annotation's languages: one key per language the template is sent in. */
    static List<TemplateKey> of(AuthTemplate template) {
        return Arrays.stream(template.lang()).map(lang -> new TemplateKey(template.name(), lang)).toList();
    }
}
