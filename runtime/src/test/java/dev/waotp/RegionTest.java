package dev.waotp;

import static dev.waotp.MockKaleyra.API_KEY;
import static dev.waotp.MockKaleyra.accepted;
import static dev.waotp.MockKaleyra.loginCode;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.Test;

/** The hosts and URLs of the Kaleyra page, read out of the page, and a send over real TLS. */
class RegionTest {
    /** A table row of the flattened page: "IN podapi.in.kaleyra.io" is "IN pod" | "api.in.kaleyra.io". */
    private static final Pattern HOST_ROW = Pattern.compile("^(IN|SG|EU|NA) [Pp]od(\\S+)$");

    @Test
    void theCopyOfThePageInTheTestResourcesIsThePage() throws Exception {
        Optional<Path> original = SpecPage.besideTheRepository();
        if (original.isPresent()) {
            assertThat(SpecPage.text()).isEqualTo(Files.readString(original.get()));
        } else {
            // A clone without shared/ beside it has only the copy; CI and developers have both.
            assertThat(SpecPage.text()).contains("API Domain and Value");
        }
    }

    @Test
    void regionInBuildsTheUrlOfThePagesSampleRequest() throws Exception {
        String sample = sampleRequestUrl();
        HttpUrl url = HttpUrl.get(sample);
        // The page masks the business number with X; a real number takes their place, as a user's would.
        String businessNumber = url.pathSegments().get(3).replace('X', '7');

        try (KaleyraClient client = KaleyraClient.builder()
                .sid(url.pathSegments().get(1))
                .apiKey(API_KEY)
                .businessNumber(businessNumber)
                .region(Region.IN)
                .build()) {
            assertThat(client.messagesUrl()).isEqualTo(sample.replace(url.pathSegments().get(3), businessNumber));
            assertThat(client.baseUrl()).isEqualTo("https://" + url.host() + "/");
        }
        assertThat(Region.IN.host()).isEqualTo(url.host());
    }

    @Test
    void everyRegionUsesTheHostOfThePagesDomainTable() throws Exception {
        Map<String, String> table = new TreeMap<>();
        for (String line : SpecPage.lines()) {
            Matcher row = HOST_ROW.matcher(line.strip());
            if (row.matches()) {
                table.put(row.group(1), row.group(2));
            }
        }
        assertThat(table).hasSize(Region.values().length);
        for (Region region : Region.values()) {
            assertThat(region.host()).as(region.name()).isEqualTo(table.get(region.name()));
            try (KaleyraClient client = KaleyraClient.builder().sid("HXAP16XXXXXX97IN").apiKey(API_KEY)
                    .businessNumber("+919000000000").region(region).build()) {
                assertThat(client.baseUrl()).isEqualTo("https://" + table.get(region.name()) + "/");
            }
        }
    }

    @Test
    void sendsOverHttpsToAServerWithAHeldCertificate() throws Exception {
        HeldCertificate localhost = new HeldCertificate.Builder().addSubjectAlternativeName("localhost").build();
        HandshakeCertificates serverCertificates = new HandshakeCertificates.Builder()
                .heldCertificate(localhost).build();
        HandshakeCertificates clientCertificates = new HandshakeCertificates.Builder()
                .addTrustedCertificate(localhost.certificate()).build();
        OkHttpClient trusting = new OkHttpClient.Builder()
                .sslSocketFactory(clientCertificates.sslSocketFactory(), clientCertificates.trustManager())
                .build();

        try (MockWebServer server = new MockWebServer()) {
            server.useHttps(serverCertificates.sslSocketFactory());
            server.start();
            server.enqueue(accepted("TLS1"));

            try (KaleyraClient client = KaleyraClient.builder().sid("HXAP16XXXXXX97IN").apiKey(API_KEY)
                    .businessNumber("+919000000000").okHttpClient(trusting)
                    .baseUrl("https://localhost:" + server.getPort() + "/").build()) {
                assertThat(client.send(loginCode()).messageId()).isEqualTo("TLS1");
            }

            RecordedRequest request = server.takeRequest(1, TimeUnit.SECONDS);
            assertThat(request.getHandshake()).as("the request came over TLS").isNotNull();
            assertThat(request.getUrl().isHttps()).isTrue();
            assertThat(request.getHeaders().get("api-key")).isEqualTo(API_KEY);
        } finally {
            trusting.dispatcher().executorService().shutdown();
        }
    }

    /** The URL of the page's "Sample Request Format", the first https URL after that heading. */
    private static String sampleRequestUrl() throws Exception {
        List<String> lines = SpecPage.lines();
        int heading = lines.indexOf("Sample Request Format");
        assertThat(heading).as("the page's sample request heading").isNotNegative();
        return lines.subList(heading, lines.size()).stream()
                .map(String::strip)
                .filter(line -> line.startsWith("https://"))
                .map(line -> line.split("\\s+")[0])
                .findFirst()
                .orElseThrow();
    }
}
