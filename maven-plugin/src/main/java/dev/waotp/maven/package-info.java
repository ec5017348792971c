/**
 * The waotp Maven plugin: {@code mvn waotp:templates} writes the Kaleyra account's template list into
 * the project, for the processor to check {@code @AuthTemplate}s against and for pull requests to show
 * what changed in the account.
 *
 * <p>Nothing here returns or accepts {@code null} unless it is marked {@code @Nullable}.
 */
@NullMarked
package dev.waotp.maven;

import org.jspecify.annotations.NullMarked;
