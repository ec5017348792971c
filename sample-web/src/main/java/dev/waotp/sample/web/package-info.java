/** The web sample: sign in by WhatsApp code, and a page that needs a password and a WhatsApp code. */
@NullMarked
package dev.waotp.sample.web;

import org.jspecify.annotations.NullMarked;
