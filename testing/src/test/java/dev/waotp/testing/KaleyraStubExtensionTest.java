package dev.waotp.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.waotp.AuthMessage;
import dev.waotp.KaleyraClient;
import dev.waotp.TemplateSpec;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

class KaleyraStubExtensionTest {
    private static final AuthMessage MESSAGE = AuthMessage.builder(TemplateSpec.of("auth1", "en_US"))
            .to("+919876543210").otp("482913").build();

    private static void send(KaleyraStub stub) {
        try (KaleyraClient client = stub.clientBuilder().build()) {
            client.send(MESSAGE);
        }
    }

    /** Registered in a static field: one stub for the class, clean before each test. */
    @Nested
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    class StaticField {
        @RegisterExtension
        static final KaleyraStubExtension kaleyra = new KaleyraStubExtension(
                KaleyraStub.builder().approve("auth1", "en_US").approve("login", "en_GB"));

        static KaleyraStub first;

        @BeforeAll
        static void stubIsRunningForLifecycleMethods() {
            first = kaleyra.stub();
        }

        @Test
        @Order(1)
        void recordsAndFaultsOfOneTest() {
            send(kaleyra.stub());
            kaleyra.stub().failNext(1, Fault.lowBalance());
            assertThat(kaleyra.stub().received()).hasSize(1);
        }

        @Test
        @Order(2)
        void doNotReachTheNext() {
            assertThat(kaleyra.stub()).isSameAs(first);
            assertThat(kaleyra.stub().received()).isEmpty();
            assertThat(kaleyra.stub().requestCount()).isZero();
            send(kaleyra.stub()); // would be E110 had the fault survived
            assertThat(kaleyra.stub().received()).hasSize(1);
        }

        @Test
        @Order(3)
        void injectsTheSameStubAsAParameter(KaleyraStub stub) {
            assertThat(stub).isSameAs(kaleyra.stub());
        }

        @AfterAll
        static void closesTheStubAfterTheClass() {
            // Still running inside @AfterAll: the extension closes it after this method.
            assertThat(kaleyra.stub()).isSameAs(first);
        }
    }

    /** Declared with @ExtendWith: the stub comes in as a parameter. */
    @Nested
    @ExtendWith(KaleyraStubExtension.class)
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    class DeclaredWithExtendWith {
        static KaleyraStub seen;

        @Test
        @Order(1)
        void resolvesARunningStub(KaleyraStub stub) {
            seen = stub;
            send(stub);
            assertThat(stub.received()).singleElement().returns("482913", ReceivedMessage::otp);
        }

        @Test
        @Order(2)
        void resetsItBetweenTests(KaleyraStub stub) {
            assertThat(stub).isSameAs(seen);
            assertThat(stub.received()).isEmpty();
        }
    }

    /** Registered in an instance field: a stub of its own for every test. */
    @Nested
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    class InstanceField {
        @RegisterExtension
        final KaleyraStubExtension kaleyra = new KaleyraStubExtension();

        static String firstUrl;

        @Test
        @Order(1)
        void startsAStub() {
            firstUrl = kaleyra.stub().baseUrl();
            send(kaleyra.stub());
        }

        @Test
        @Order(2)
        void startsAnotherForTheNextTest() {
            assertThat(kaleyra.stub().baseUrl()).isNotEqualTo(firstUrl);
            assertThat(kaleyra.stub().received()).isEmpty();
            // The first test's stub was closed when that test ended.
            URI first = URI.create(firstUrl);
            assertThatThrownBy(() -> new Socket(first.getHost(), first.getPort()).close())
                    .isInstanceOf(ConnectException.class);
        }
    }

    @Test
    void refusesToHandOutAStubOutsideATest() {
        KaleyraStubExtension unused = new KaleyraStubExtension();

        assertThatThrownBy(unused::stub).isInstanceOf(IllegalStateException.class);
    }
}
