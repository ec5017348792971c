package dev.waotp.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.waotp.MessageTemplate;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The record the health indicator reads and a status callback writes. */
class TemplateStatusesTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    /** The templates the application sends with in these tests. */
    private static final Set<TemplateKey> DECLARED = Set.of(new TemplateKey("auth1", "en_US"),
            new TemplateKey("auth1", "hi"), new TemplateKey("old", "en"));

    private static MessageTemplate listed(String name, String lang, String status) {
        return new MessageTemplate(name, lang, status, "AUTHENTICATION", List.of(), "{}");
    }

    @Test
    void anUpdateIsUpperCaseAndBlankValuesAreRefused() {
        TemplateStatuses statuses = new TemplateStatuses(DECLARED);
        statuses.update("auth1", "en_US", " Paused ");

        assertThat(statuses.status("auth1", "en_US")).isEqualTo("PAUSED");
        assertThat(statuses.status("auth1", "hi")).isNull();
        assertThatThrownBy(() -> statuses.update("auth1", "en_US", " ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("status");
        assertThatThrownBy(() -> statuses.update("", "en_US", "APPROVED")).hasMessageContaining("name");
    }

    @Test
    void aListReadBeforeACallbackDoesNotUndoIt_andTemplatesGoneFromTheAccountAreForgotten() {
        TemplateStatuses statuses = new TemplateStatuses(DECLARED, Clock.fixed(T0.plusSeconds(5), ZoneOffset.UTC));
        statuses.refreshed(List.of(listed("auth1", "en_US", "APPROVED"), listed("old", "en", "APPROVED")), T0);
        statuses.update("auth1", "en_US", "PAUSED"); // at T0 + 5 s, while the next list was being read

        statuses.refreshed(List.of(listed("auth1", "en_US", "APPROVED")), T0.plusSeconds(1));

        assertThat(statuses.status("auth1", "en_US")).isEqualTo("PAUSED");
        assertThat(statuses.status("old", "en")).isNull();
        assertThat(statuses.refreshed()).isEqualTo(T0.plusSeconds(1));

        statuses.refreshed(List.of(listed("auth1", "en_US", "APPROVED")), T0.plusSeconds(10));
        assertThat(statuses.status("auth1", "en_US")).isEqualTo("APPROVED");
    }

    @Test
    void onlyDeclaredTemplatesAreKept_fromACallbackOrFromTheList() {
        TemplateStatuses statuses = new TemplateStatuses(DECLARED);
        statuses.update("promo", "en", "PAUSED");
        statuses.update("auth1", "en_GB", "PAUSED");
        statuses.refreshed(List.of(listed("auth1", "en_US", "APPROVED"), listed("promo", "en", "APPROVED")), T0);

        assertThat(statuses.size()).isOne();
        assertThat(statuses.status("promo", "en")).isNull();
        assertThat(statuses.status("auth1", "en_GB")).isNull();
        assertThat(statuses.status("auth1", "en_US")).isEqualTo("APPROVED");
    }

    @Test
    void aFailedReadKeepsWhatWasKnownUntilTheNextSuccess() {
        TemplateStatuses statuses = new TemplateStatuses(DECLARED);
        statuses.refreshed(List.of(listed("auth1", "en_US", "APPROVED")), T0);
        statuses.refreshFailed("KaleyraTransportException: no answer");

        assertThat(statuses.status("auth1", "en_US")).isEqualTo("APPROVED");
        assertThat(statuses.error()).contains("no answer");

        statuses.refreshed(List.of(listed("auth1", "en_US", "APPROVED")), T0.plusSeconds(1));
        assertThat(statuses.error()).isNull();
    }

    @Test
    void theLanguagesOfAnAnnotationAreReadInOnePlace() {
        @dev.waotp.AuthTemplate(name = "auth1", lang = "en_US")
        interface Login {}
        assertThat(RegisteredTemplates.of(Login.class.getAnnotation(dev.waotp.AuthTemplate.class)))
                .containsExactly(new TemplateKey("auth1", "en_US"));
    }
}
