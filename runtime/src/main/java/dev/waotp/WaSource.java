package dev.waotp;

import java.util.Locale;

/** Where a send is said to come from, sent as {@code extra_info.wa_source}. */
public enum WaSource {
    API,
    CLEVERTAP,
    ZOHO,
    WEBENGAGE,
    SHOPIFY,
    LEADSQUARED,
    RESPONSYS,
    BRAZE,
    HUBSPOT,
    SALESFORCE,
    ZAPIER,
    ELOQUA,
    MOENGAGE;

    private final String wireValue = name().toLowerCase(Locale.ROOT);

    /** The value on the wire, for example {@code "api"}. */
    public String wireValue() {
        return wireValue;
    }
}
