package dev.waotp;

import static dev.waotp.MockKaleyra.AUTH1;
import static dev.waotp.MockKaleyra.clientFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import mockwebserver3.MockWebServer;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeProperty;
import okhttp3.HttpUrl;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Any input either becomes a payload whose JSON, parsed back with Jackson, holds exactly the values
 * given, or is refused with an {@link InvalidInputException} naming the field, before any request.
 * The oracles below restate the rules of DESIGN.md and the Kaleyra page independently of
 * {@code InputRules}, so that a rewrite of the validation or the encoder is held to them.
 */
class InputPropertiesTest {
    private static final ObjectMapper JSON =
            JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{7,14}");
    private static final String PHONE = "+919876543210";

    private MockWebServer server;
    private KaleyraClient client;

    @BeforeProperty
    void start() throws IOException {
        server = new MockWebServer();
        server.start();
        client = clientFor(server).retryPolicy(RetryPolicy.none()).build();
    }

    /** Invalid input was refused while building, so the client never had anything to send. */
    @AfterProperty
    void noRequestWasSent() {
        client.close();
        int requests = server.getRequestCount();
        server.close();
        assertThat(requests).isZero();
    }

    // ---- oracles: the documented rules ----

    private static boolean wellFormed(String value) {
        try {
            StandardCharsets.UTF_8.newEncoder().encode(CharBuffer.wrap(value));
            return true;
        } catch (CharacterCodingException loneSurrogate) {
            return false;
        }
    }

    private static int characters(String value) {
        return value.codePointCount(0, value.length());
    }

    /** 1 to 15 characters, not blank, no control characters, encodable as UTF-8. */
    private static boolean validOtp(String otp) {
        return otp != null && wellFormed(otp) && characters(otp) >= 1 && characters(otp) <= 15 && !otp.isBlank()
                && otp.chars().noneMatch(Character::isISOControl);
    }

    /** Absent, or at most 255 characters encodable as UTF-8: longer ones Kaleyra would cut. */
    private static boolean validRef(String ref) {
        return ref == null || (wellFormed(ref) && characters(ref) <= 255);
    }

    private static boolean validPhone(String phone) {
        return phone != null && E164.matcher(phone).matches();
    }

    // ---- generators ----

    /** Code points weighted towards trouble: quotes, backslashes, controls, separators, emoji, lone surrogates. */
    @SuppressWarnings("unchecked")
    private static Arbitrary<String> text(int minLength, int maxLength) {
        Arbitrary<Integer> codePoint = Arbitraries.frequencyOf(
                Tuple.of(5, Arbitraries.integers().between('0', '9')),
                Tuple.of(4, Arbitraries.integers().between(0x20, 0x7e)),
                Tuple.of(2, Arbitraries.of((int) '"', (int) '\\', (int) '\'', (int) ',', (int) '+', (int) ' ')),
                Tuple.of(1, Arbitraries.integers().between(0, 0x1f)),
                Tuple.of(1, Arbitraries.of(0x7f, 0x85, 0x9f, 0xa0, 0x2028, 0x2029, 0xfeff, 0x200b, 0x3000, 0x0663)),
                Tuple.of(1, Arbitraries.integers().between(0xa1, 0xd7ff)),
                Tuple.of(1, Arbitraries.integers().between(0x1f300, 0x1faff)),
                Tuple.of(1, Arbitraries.integers().between(0x10000, 0x10ffff)),
                Tuple.of(1, Arbitraries.integers().between(0xd800, 0xdfff)));
        return codePoint.list().ofMinSize(minLength).ofMaxSize(maxLength).map(points -> {
            StringBuilder text = new StringBuilder();
            points.forEach(text::appendCodePoint);
            return text.toString();
        });
    }

    @Provide
    Arbitrary<String> otps() {
        return Arbitraries.oneOf(
                Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(16),
                text(0, 20),
                text(1_000, 5_000));
    }

    @Provide
    Arbitrary<String> refs() {
        return Arbitraries.oneOf(
                text(0, 40).injectNull(0.3),
                text(240, 300),
                Arbitraries.integers().between(250, 260).map("\uD83D\uDD11"::repeat),
                text(10_000, 20_000));
    }

    @Provide
    @SuppressWarnings("unchecked")
    Arbitrary<String> phones() {
        Arbitrary<String> e164 = Combinators.combine(
                        Arbitraries.integers().between(1, 9),
                        Arbitraries.strings().numeric().ofMinLength(7).ofMaxLength(14))
                .as((first, rest) -> "+" + first + rest);
        Arbitrary<String> nearMisses = Arbitraries.oneOf(
                Arbitraries.strings().numeric().ofMinLength(0).ofMaxLength(18).map(d -> "+" + d),
                Arbitraries.strings().numeric().ofMinLength(8).ofMaxLength(15),
                e164.map(p -> p.replace('+', '\uFF0B')),
                e164.map(p -> p.substring(0, 3) + " " + p.substring(3)),
                e164.map(p -> p + "\n"),
                e164.map(p -> p.substring(0, 4) + '\u0663' + p.substring(5)));
        return Arbitraries.frequencyOf(Tuple.of(6, e164), Tuple.of(3, nearMisses), Tuple.of(1, text(0, 30)));
    }

    // ---- properties ----

    @Property
    void anOtpIsSentTwiceUnchangedOrRefusedAsOtp(@ForAll("otps") String otp) {
        AuthMessage.Builder builder = AuthMessage.builder(AUTH1).to(PHONE);
        if (validOtp(otp)) {
            JsonNode template = encode(builder.otp(otp).build()).at("/messaging_object/template");
            assertThat(template.at("/components/0/parameters/0/text").stringValue()).isEqualTo(otp);
            assertThat(template.at("/components/1/parameters/0/text").stringValue()).isEqualTo(otp);
        } else {
            InvalidInputException e = refused(() -> client.send(builder.otp(otp).build()));
            assertThat(e.field()).isEqualTo("otp");
            if (characters(otp) >= 6) {
                assertThat(e.getMessage()).doesNotContain(otp);
            }
        }
    }

    @Property
    void recipientsAreJoinedUnchangedOrTheFirstBadOneIsNamed(
            @ForAll @Size(max = 6) List<@From("phones") String> recipients) {
        AuthMessage.Builder builder = AuthMessage.builder(AUTH1).otp("482913");
        int firstBad = firstInvalid(recipients);
        if (recipients.isEmpty()) {
            assertThat(refused(() -> client.send(builder.to(recipients).build())).field()).isEqualTo("to");
        } else if (firstBad < 0) {
            AuthMessage message = builder.to(recipients).build();
            assertThat(message.recipients()).isEqualTo(recipients);
            assertThat(encode(message).at("/messaging_object/to").stringValue()).isEqualTo(String.join(",", recipients));
        } else {
            InvalidInputException e = refused(() -> client.send(builder.to(recipients).build()));
            assertThat(e.field()).isEqualTo("to[" + firstBad + "]");
            assertThat(e.getMessage()).as("no number is echoed").doesNotContainPattern("[0-9]{5}");
        }
    }

    /** The comma-separated form that the API itself takes; spaces around each number are dropped. */
    @Property
    void aCommaSeparatedRecipientStringIsSplitAndTrimmed(
            @ForAll @Size(min = 1, max = 4) List<@From("phones") String> recipients,
            @ForAll @Size(min = 4, max = 4) List<@From("padding") String> padding) {
        StringBuilder joined = new StringBuilder();
        for (int i = 0; i < recipients.size(); i++) {
            joined.append(i == 0 ? "" : ",").append(padding.get(i % 4)).append(recipients.get(i))
                    .append(padding.get((i + 1) % 4));
        }
        List<String> parts = Arrays.stream(joined.toString().split(",", -1)).map(String::strip).toList();
        AuthMessage.Builder builder = AuthMessage.builder(AUTH1).otp("482913");
        int firstBad = firstInvalid(parts);
        if (firstBad < 0) {
            AuthMessage message = builder.to(joined.toString()).build();
            assertThat(encode(message).at("/messaging_object/to").stringValue()).isEqualTo(String.join(",", parts));
        } else {
            assertThat(refused(() -> client.send(builder.to(joined.toString()).build())).field())
                    .isEqualTo("to[" + firstBad + "]");
        }
    }

    @Provide
    Arbitrary<String> padding() {
        return Arbitraries.of("", " ", "  ", "\t", "\u2003");
    }

    @Property
    void refsAreSentUnchangedOrTheFirstBadOneIsNamed(
            @ForAll("refs") String ref, @ForAll("refs") String ref1, @ForAll("refs") String ref2) {
        AuthMessage.Builder builder = AuthMessage.builder(AUTH1).to(PHONE).otp("482913");
        String[] fields = {"ref", "ref1", "ref2"};
        String[] values = {ref, ref1, ref2};
        int firstBad = -1;
        for (int i = 0; i < values.length && firstBad < 0; i++) {
            firstBad = validRef(values[i]) ? -1 : i;
        }
        if (firstBad < 0) {
            JsonNode extra = encode(builder.ref(ref).ref1(ref1).ref2(ref2).build()).get("extra_info");
            for (int i = 0; i < fields.length; i++) {
                if (values[i] == null) {
                    assertThat(extra.has(fields[i])).as(fields[i] + " left out").isFalse();
                } else {
                    assertThat(extra.get(fields[i]).stringValue()).isEqualTo(values[i]);
                }
            }
            assertThat(extra.get("wa_source").stringValue()).isEqualTo("api");
        } else {
            InvalidInputException e = refused(() -> client.send(builder.ref(ref).ref1(ref1).ref2(ref2).build()));
            assertThat(e.field()).isEqualTo(fields[firstBad]);
        }
    }

    /** The whole payload: fixed fields as on the page, the template's values, nothing else. */
    @Property(tries = 200)
    void aValidMessageHasExactlyThePagesShape(
            @ForAll("templates") TemplateSpec template, @ForAll("phones") String to) {
        Assume.that(validPhone(to));
        JsonNode json = encode(AuthMessage.builder(template).to(to).otp("J$Fp\"<>&").build());
        assertThat(fieldNames(json)).containsExactly("messaging_object", "extra_info");
        JsonNode object = json.get("messaging_object");
        assertThat(fieldNames(object)).containsExactly("messaging_product", "recipient_type", "to", "type", "template");
        assertThat(object.get("messaging_product").stringValue()).isEqualTo("whatsapp");
        assertThat(object.get("recipient_type").stringValue()).isEqualTo("individual");
        assertThat(object.get("type").stringValue()).isEqualTo("template");
        assertThat(object.at("/template/name").stringValue()).isEqualTo(template.name());
        assertThat(object.at("/template/language/code").stringValue()).isEqualTo(template.lang());
        assertThat(object.at("/template/components/0/type").stringValue()).isEqualTo("body");
        assertThat(object.at("/template/components/1/type").stringValue()).isEqualTo("button");
        assertThat(object.at("/template/components/1/sub_type").stringValue()).isEqualTo("url");
        assertThat(object.at("/template/components/1/index").isInt()).isTrue();
        assertThat(object.at("/template/components/1/index").intValue()).isEqualTo(template.buttonIndex());
        assertThat(object.at("/template/components/1/parameters/0/text").stringValue()).isEqualTo("J$Fp\"<>&");
        assertThat(json.at("/extra_info/wa_source").stringValue()).isEqualTo(template.source().wireValue());
    }

    @Provide
    Arbitrary<TemplateSpec> templates() {
        return Combinators.combine(
                        Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyz0123456789_").ofMinLength(1).ofMaxLength(60),
                        Arbitraries.of("en", "en_US", "pt_BR", "hi", "zh_HANS", "fil"),
                        Arbitraries.integers().between(0, 9),
                        Arbitraries.of(WaSource.class))
                .as(TemplateSpec::of);
    }

    /** Plain http only where the host is loopback, however the URL is dressed up; https anywhere. */
    @Property(tries = 300)
    void plainHttpIsAllowedOnlyToLoopback(@ForAll("hosts") String host) throws IOException {
        HttpUrl url = HttpUrl.parse("http://" + host + ":8080/");
        KaleyraClientBuilder builder = clientFor(server).baseUrl("http://" + host + ":8080/");
        KaleyraClient built;
        try {
            built = builder.build();
        } catch (InvalidInputException refused) {
            assertThat(refused.field()).isEqualTo("baseUrl");
            return;
        }
        built.close();
        // Accepted: it must name this machine. Only literals and "localhost" get here, so no DNS is asked.
        assertThat(url).isNotNull();
        assertThat(InetAddress.getByName(url.host()).isLoopbackAddress()).as(host).isTrue();
    }

    @Provide
    Arbitrary<String> hosts() {
        Arbitrary<Integer> octet = Arbitraries.integers().between(0, 255);
        Arbitrary<String> ipv4 = Combinators.combine(octet, octet, octet, octet)
                .as((a, b, c, d) -> a + "." + b + "." + c + "." + d);
        Arbitrary<String> loopback127 = Combinators.combine(octet, octet, octet).as((b, c, d) -> "127." + b + "." + c + "." + d);
        return Arbitraries.oneOf(ipv4, loopback127, Arbitraries.of(
                "localhost", "LOCALHOST", "localhost.", "[::1]", "[0:0:0:0:0:0:0:1]", "[::ffff:127.0.0.1]",
                "[::ffff:10.0.0.1]", "[::]", "0.0.0.0", "127.0.0.1.nip.io", "localhost.example.com",
                "127.0.0.1@example.com", "example.com#@127.0.0.1", "2130706433", "0x7f000001", "127.1",
                "017700000001", "10.0.0.1", "192.168.1.1", "[fe80::1]", "example.com", "xn--lcalhost-9za"),
                ipv4.map(ip -> ip + ".example.com"));
    }

    // ---- helpers ----

    private static int firstInvalid(List<String> recipients) {
        for (int i = 0; i < recipients.size(); i++) {
            if (!validPhone(recipients.get(i))) {
                return i;
            }
        }
        return -1;
    }

    private static List<String> fieldNames(JsonNode node) {
        return List.copyOf(node.propertyNames());
    }

    private static JsonNode encode(AuthMessage message) {
        return JSON.readTree(new PayloadEncoder().encode(message));
    }

    private static InvalidInputException refused(Runnable send) {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, send::run);
        assertThat(e).as("expected an InvalidInputException").isNotNull();
        assertThat(e.getMessage()).isEqualTo(e.field() + ": " + e.rule());
        return e;
    }
}
