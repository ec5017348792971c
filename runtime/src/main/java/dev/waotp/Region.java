package dev.waotp;

/** The Kaleyra data centre an account lives in; each has its own API host. */
public enum Region {
    IN("podapi.in.kaleyra.io"),
    SG("podapi.kaleyra.io"),
    EU("podapi.eu.kaleyra.io"),
    NA("podapi.na.kaleyra.ai");

    private final String host;

    Region(String host) {
        this.host = host;
    }

    /** The API host, for example {@code podapi.in.kaleyra.io}. */
    public String host() {
        return host;
    }

    String baseUrl() {
        return "https://" + host + "/";
    }
}
