package dev.waotp.testing;

/** A template the stub was told is approved: a name in one language. */
record ApprovedTemplate(String name, String lang) {}
