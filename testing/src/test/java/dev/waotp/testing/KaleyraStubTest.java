package dev.waotp.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.waotp.AuthMessage;
import dev.waotp.AuthenticationException;
import dev.waotp.InvalidPayloadException;
import dev.waotp.KaleyraClient;
import dev.waotp.KaleyraServerException;
import dev.waotp.KaleyraTransportException;
import dev.waotp.DailyLimitReachedException;
import dev.waotp.LowBalanceException;
import dev.waotp.PhoneNumberNotRegisteredException;
import dev.waotp.RetryPolicy;
import dev.waotp.SendResult;
import dev.waotp.TemplateSpec;
import dev.waotp.WaSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The stub as the runtime client sees it. */
class KaleyraStubTest {
    private static final TemplateSpec AUTH1 = TemplateSpec.of("auth1", "en_US");
    private static final RetryPolicy QUICK_RETRIES = RetryPolicy.builder()
            .initialBackoff(Duration.ofMillis(5)).maxBackoff(Duration.ofMillis(10)).build();

    private KaleyraStub stub;
    private KaleyraClient client;

    @BeforeEach
    void start() {
        stub = KaleyraStub.start();
        client = stub.clientBuilder().retryPolicy(QUICK_RETRIES).build();
    }

    @AfterEach
    void stop() {
        client.close();
        stub.close();
    }

    private static AuthMessage message(String otp) {
        return AuthMessage.builder(AUTH1).to("+919876543210").otp(otp).build();
    }

    @Test
    void theLastCodeSentToAPhoneIsWhatThatPhoneWouldShow() {
        client.send(AuthMessage.builder(AUTH1).to("+919876543210").otp("111111").build());
        client.send(AuthMessage.builder(AUTH1).to("+919876543211").otp("222222").build());
        client.send(AuthMessage.builder(AUTH1).to("+919876543210").otp("333333").build());

        assertThat(stub.lastCodeSentTo("+919876543210")).isEqualTo("333333");
        assertThat(stub.lastCodeSentTo("+919876543211")).isEqualTo("222222");
        assertThatThrownBy(() -> stub.lastCodeSentTo("+919800000000"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no message to +919800000000");
    }

    @Test
    void startsOnLoopbackWithTheDefaultAccount() {
        assertThat(stub.baseUrl()).matches("http://127\\.0\\.0\\.1:[0-9]+/");
        assertThat(stub.sid()).isEqualTo(KaleyraStub.DEFAULT_SID);
        assertThat(stub.apiKey()).isEqualTo(KaleyraStub.DEFAULT_API_KEY);
        assertThat(stub.businessNumber()).isEqualTo(KaleyraStub.DEFAULT_BUSINESS_NUMBER);
        assertThat(client.baseUrl()).isEqualTo(stub.baseUrl());
        assertThat(stub.toString()).doesNotContain(stub.apiKey());
    }

    @Test
    void acceptsAMessageAndRecordsWhatArrived() {
        SendResult result = client.send(AuthMessage.builder(TemplateSpec.of("auth1", "en_US", 3, WaSource.ZOHO))
                .to("+919876543210,+14155550100")
                .otp("482913")
                .ref("customer1")
                .ref2("dictionary")
                .build());

        assertThat(result.code()).isEqualTo("WA202");
        assertThat(result.message()).isEqualTo("Request Accepted");
        assertThat(result.messageId()).matches("A[A-Z0-9]{19}");
        assertThat(stub.received()).singleElement().satisfies(received -> {
            assertThat(received.messageId()).isEqualTo(result.messageId());
            assertThat(received.businessNumber()).isEqualTo(stub.businessNumber());
            assertThat(received.recipients()).containsExactly("+919876543210", "+14155550100");
            assertThat(received.templateName()).isEqualTo("auth1");
            assertThat(received.lang()).isEqualTo("en_US");
            assertThat(received.otp()).isEqualTo("482913");
            assertThat(received.buttonIndex()).isEqualTo(3);
            assertThat(received.subType()).isEqualTo("url");
            assertThat(received.ref()).isEqualTo("customer1");
            assertThat(received.ref1()).isNull();
            assertThat(received.ref2()).isEqualTo("dictionary");
            assertThat(received.waSource()).isEqualTo("zoho");
            assertThat(received.rawJson()).contains("\"messaging_object\"", "482913");
            assertThat(received.toString()).doesNotContain("482913").contains("otp=****", "customer1");
        });
        assertThat(stub.requestCount()).isEqualTo(1);
    }

    @Test
    void receivedIsASnapshotThatCannotBeChanged() {
        client.send(message("1234"));
        List<ReceivedMessage> before = stub.received();
        client.send(message("5678"));

        assertThat(before).hasSize(1);
        assertThat(stub.received()).extracting(ReceivedMessage::otp).containsExactly("1234", "5678");
        assertThatThrownBy(() -> before.clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void refusesAWrongApiKey() {
        try (KaleyraClient wrongKey = stub.clientBuilder().apiKey("not-the-key").build()) {
            assertThatThrownBy(() -> wrongKey.send(message("482913")))
                    .isInstanceOfSatisfying(AuthenticationException.class, e -> {
                        assertThat(e.httpStatus()).isEqualTo(401);
                        assertThat(e.code()).isEqualTo("RBC001");
                        assertThat(e.errors()).containsEntry("error", "Incorrect SID or API key.");
                    });
        }
        assertThat(stub.received()).isEmpty();
        assertThat(stub.requestCount()).isEqualTo(1);
    }

    @Test
    void refusesAWrongSid() {
        try (KaleyraClient wrongSid = stub.clientBuilder().sid("HXOTHER00000001IN").build()) {
            assertThatThrownBy(() -> wrongSid.send(message("482913"))).isInstanceOf(AuthenticationException.class);
        }
    }

    @Test
    void refusesABusinessNumberThatIsNotRegistered() {
        try (KaleyraClient otherNumber = stub.clientBuilder().businessNumber("+911111111111").build()) {
            assertThatThrownBy(() -> otherNumber.send(message("482913")))
                    .isInstanceOfSatisfying(PhoneNumberNotRegisteredException.class, e -> {
                        assertThat(e.httpStatus()).isEqualTo(401);
                        assertThat(e.code()).isEqualTo("WA401");
                        assertThat(e.errors()).containsOnlyKeys("phone_number");
                    });
        }
        assertThat(stub.received()).isEmpty();
    }

    @Test
    void refusesATemplateItWasNotToldIsApproved() {
        AuthMessage otherLanguage = AuthMessage.builder(TemplateSpec.of("auth1", "en_GB"))
                .to("+919876543210").otp("482913").build();

        assertThatThrownBy(() -> client.send(otherLanguage))
                .isInstanceOfSatisfying(InvalidPayloadException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(400);
                    assertThat(e.code()).isEqualTo("WA400");
                    assertThat(e.errors()).containsOnlyKeys("template");
                    assertThat(e.errors().get("template")).contains("auth1", "en_GB");
                });
    }

    @Test
    void acceptsEveryRegisteredNumberAndApprovedTemplate() {
        try (KaleyraStub custom = KaleyraStub.builder()
                        .sid("HXAP16XXXXXX97IN").apiKey("Akey3")
                        .businessNumber("+910000000001").businessNumber("+910000000002")
                        .approve("login", "en_GB").approve("login", "hi")
                        .start();
                KaleyraClient second = custom.clientBuilder().businessNumber("+910000000002").build()) {
            AuthMessage hindi = AuthMessage.builder(TemplateSpec.of("login", "hi"))
                    .to("+919876543210").otp("1234").build();

            second.send(hindi);

            assertThat(custom.businessNumber()).isEqualTo("+910000000001");
            assertThat(custom.received()).singleElement()
                    .returns("+910000000002", ReceivedMessage::businessNumber)
                    .returns("hi", ReceivedMessage::lang);
            // Approving other templates replaces the default one.
            assertThatThrownBy(() -> second.send(message("1234"))).isInstanceOf(InvalidPayloadException.class);
        }
    }

    @Test
    void serverErrorsAreRetriedByTheClientUntilTheStubRecovers() {
        stub.failNext(2, Fault.serverError());

        SendResult result = client.send(message("482913"));

        assertThat(stub.requestCount()).isEqualTo(3);
        assertThat(stub.received()).singleElement().returns(result.messageId(), ReceivedMessage::messageId);
    }

    @Test
    void serverErrorsOutlastingTheRetriesReachTheCaller() {
        stub.failNext(3, Fault.serverError());

        assertThatThrownBy(() -> client.send(message("482913")))
                .isInstanceOfSatisfying(KaleyraServerException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(500);
                    assertThat(e.code()).isEqualTo("WA500");
                    assertThat(e.errors()).containsEntry("error", "Internal server error");
                });
        assertThat(stub.requestCount()).isEqualTo(3);
        assertThat(stub.received()).isEmpty();
    }

    @Test
    void lowBalanceIsNotRetried() {
        stub.failNext(1, Fault.lowBalance());

        assertThatThrownBy(() -> client.send(message("482913")))
                .isInstanceOfSatisfying(LowBalanceException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(400);
                    assertThat(e.code()).isEqualTo("E110");
                    assertThat(e.errors()).containsOnlyKeys("balance");
                });
        assertThat(stub.requestCount()).isEqualTo(1);
        // The fault is used up: the next send goes through.
        assertThat(client.send(message("482913")).code()).isEqualTo("WA202");
    }

    @Test
    void theDailyLimitIsNotRetried() {
        stub.failNext(1, Fault.dailyLimitReached());

        assertThatThrownBy(() -> client.send(message("482913")))
                .isInstanceOfSatisfying(DailyLimitReachedException.class, e -> {
                    assertThat(e.code()).isEqualTo("WAV2101");
                    assertThat(e.errors()).containsOnlyKeys("account");
                });
        assertThat(stub.requestCount()).isEqualTo(1);
        assertThat(stub.received()).isEmpty();
    }

    @Test
    void faultsApplyInTheOrderTheyWereAskedFor() {
        stub.failNext(1, Fault.serverError()).failNext(1, Fault.lowBalance());

        assertThatThrownBy(() -> client.send(message("482913"))).isInstanceOf(LowBalanceException.class);
        assertThat(stub.requestCount()).isEqualTo(2);
    }

    @Test
    void aDelayPastTheReadTimeoutIsATransportFailure() {
        stub.failNext(1, Fault.delay(Duration.ofSeconds(2)));
        try (KaleyraClient impatient = stub.clientBuilder()
                .readTimeout(Duration.ofMillis(200)).retryPolicy(RetryPolicy.none()).build()) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> impatient.send(message("482913")))
                    .isInstanceOfSatisfying(KaleyraTransportException.class,
                            e -> assertThat(e.attempts()).isEqualTo(1));
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        }
        // Like Kaleyra, the stub took the message even though the client stopped waiting.
        assertThat(stub.received()).hasSize(1);
    }

    @Test
    void aShortDelayOnlySlowsTheAnswer() {
        stub.failNext(1, Fault.delay(Duration.ofMillis(300)));
        long start = System.nanoTime();

        client.send(message("482913"));

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        assertThat(stub.received()).hasSize(1);
    }

    @Test
    void aDroppedConnectionIsATransportFailure() {
        stub.failNext(1, Fault.dropConnection());
        try (KaleyraClient once = stub.clientBuilder().retryPolicy(RetryPolicy.none()).build()) {
            assertThatThrownBy(() -> once.send(message("482913"))).isInstanceOf(KaleyraTransportException.class);
        }
        assertThat(stub.requestCount()).isEqualTo(1);
        assertThat(stub.received()).isEmpty();
    }

    @Test
    void aDroppedConnectionIsRetriedByTheClient() {
        stub.failNext(1, Fault.dropConnection());

        client.send(message("482913"));

        assertThat(stub.requestCount()).isEqualTo(2);
        assertThat(stub.received()).hasSize(1);
    }

    @Test
    void resetForgetsRecordsCountsAndFaults() {
        client.send(message("482913"));
        stub.failNext(5, Fault.lowBalance());

        stub.reset();

        assertThat(stub.received()).isEmpty();
        assertThat(stub.requestCount()).isZero();
        assertThat(client.send(message("482913")).code()).isEqualTo("WA202");
    }

    @Test
    void failNextRefusesNonsense() {
        assertThatThrownBy(() -> stub.failNext(0, Fault.serverError())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> stub.failNext(1, null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> Fault.delay(Duration.ofMillis(-1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void servesManyConcurrentSends() {
        int sends = 2_000;
        // OkHttp sends at most 5 requests to one host at once unless told otherwise.
        Dispatcher wide = new Dispatcher();
        wide.setMaxRequests(64);
        wide.setMaxRequestsPerHost(64);
        OkHttpClient http = new OkHttpClient.Builder().dispatcher(wide).build();
        List<CompletableFuture<SendResult>> futures = new ArrayList<>();
        try (KaleyraClient concurrent = stub.clientBuilder().okHttpClient(http).build()) {
            for (int i = 0; i < sends; i++) {
                futures.add(concurrent.sendAsync(message(String.valueOf(100_000 + i))));
            }
            futures.forEach(CompletableFuture::join);
        } finally {
            wide.executorService().shutdown();
            http.connectionPool().evictAll();
        }

        Set<String> ids = futures.stream().map(f -> f.join().messageId()).collect(Collectors.toSet());
        assertThat(ids).hasSize(sends).allMatch(id -> id.matches("A[A-Z0-9]{19}"));
        assertThat(stub.requestCount()).isEqualTo(sends);
        assertThat(stub.received()).extracting(ReceivedMessage::messageId).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(stub.received()).extracting(ReceivedMessage::otp).containsExactlyInAnyOrderElementsOf(
                IntStream.range(0, sends).mapToObj(i -> String.valueOf(100_000 + i)).collect(Collectors.toList()));
    }
}
