/**
 * Test support for applications that use the starter: {@link dev.waotp.spring.test.AutoConfigureKaleyraStub}
 * on a {@code @SpringBootTest} runs the embedded Kaleyra stub, and
 * {@link dev.waotp.spring.test.KaleyraStubInbox} gives the test the codes it received.
 */
@NullMarked
package dev.waotp.spring.test;

import org.jspecify.annotations.NullMarked;
