package dev.waotp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Choosing a template's version per send: exact codes for a String, the documented fallbacks for a Locale. */
class TemplateLanguagesTest {
    private static final TemplateSpec EN_US = TemplateSpec.of("auth1", "en_US");
    private static final TemplateSpec HI = TemplateSpec.of("auth1", "hi");
    private static final TemplateSpec HI_IN = TemplateSpec.of("auth1", "hi_IN");
    private static final TemplateSpec TA = TemplateSpec.of("auth1", "ta");

    private final TemplateLanguages languages = TemplateLanguages.of(EN_US, HI, HI_IN, TA);

    @Test
    void aCodeChoosesExactlyThatVersion() {
        assertThat(languages.forCode("hi")).isSameAs(HI);
        assertThat(languages.forCode("hi_IN")).isSameAs(HI_IN);
        assertThat(languages.forCode("en_US")).isSameAs(EN_US);
    }

    @Test
    void aCodeNotDeclaredIsAnInputErrorNamingTheDeclaredOnes() {
        assertThatThrownBy(() -> languages.forCode("en"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("lang: must be one of the template's languages: en_US, hi, hi_IN, ta")
                .extracting(e -> ((InvalidInputException) e).field()).isEqualTo("lang");
        // Codes are matched exactly, as WhatsApp matches them.
        assertThatThrownBy(() -> languages.forCode("HI")).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void aNullCodeOrLocaleIsAnInputError() {
        assertThatThrownBy(() -> languages.forCode(null))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("lang: is required: one of en_US, hi, hi_IN, ta");
        assertThatThrownBy(() -> languages.forLocale(null))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("lang: is required");
    }

    @Test
    void aLocaleMatchesLanguageAndCountryFirst() {
        assertThat(languages.forLocale(Locale.forLanguageTag("hi-IN"))).isSameAs(HI_IN);
        assertThat(languages.forLocale(Locale.US)).isSameAs(EN_US);
    }

    @Test
    void aLocaleFallsBackToItsLanguageAlone() {
        TemplateLanguages withoutHiIn = TemplateLanguages.of(EN_US, HI, TA);

        assertThat(withoutHiIn.forLocale(Locale.forLanguageTag("hi-IN"))).isSameAs(HI);
        assertThat(withoutHiIn.forLocale(Locale.forLanguageTag("ta-LK"))).isSameAs(TA);
        assertThat(withoutHiIn.forLocale(Locale.forLanguageTag("hi"))).isSameAs(HI);
    }

    @Test
    void aLocaleOfNoDeclaredLanguageGetsTheFirstDeclared() {
        assertThat(languages.forLocale(Locale.FRANCE)).isSameAs(EN_US);
        // en alone is not declared, and en_US is not "en": the first is the default, not a guess.
        assertThat(TemplateLanguages.of(TA, EN_US).forLocale(Locale.ENGLISH)).isSameAs(TA);
        assertThat(languages.forLocale(Locale.ROOT)).isSameAs(EN_US);
    }

    @Test
    void theVersionsMustBeOfOneTemplateAndEachLanguageOnce() {
        assertThatThrownBy(() -> TemplateLanguages.of(EN_US, TemplateSpec.of("auth2", "hi")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("auth2");
        assertThatThrownBy(() -> TemplateLanguages.of(EN_US, HI, TemplateSpec.of("auth1", "hi")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("hi");
    }
}
