package dev.waotp.spring;

import java.util.Comparator;

/** One template: a name in one language, as Meta counts templates. */
record TemplateKey(String name, String lang) implements Comparable<TemplateKey> {
    private static final Comparator<TemplateKey> ORDER =
            Comparator.comparing(TemplateKey::name).thenComparing(TemplateKey::lang);

    @Override
    public int compareTo(TemplateKey other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return name + "/" + lang;
    }
}
