package dev.waotp.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.waotp.InvalidInputException;
import dev.waotp.PhoneNumber;
import dev.waotp.SendResult;
import dev.waotp.verify.FallbackResult.Refusal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The SMS allow-list names regions and goes by what libphonenumber knows of the number, not by its first
 * digits: a country calling code prefix let {@code 88} reach +881 and +882 (satellite and international
 * networks) and {@code 1} reach all 25 regions of the North American plan, premium ranges included.
 */
class SmsFallbackTest {
    private final List<String> smsTo = new CopyOnWriteArrayList<>();
    private final CodeSender sms = (phone, code) -> {
        smsTo.add(phone);
        return new SendResult(List.of("sms-1"), null, null);
    };

    private SmsFallback allowing(String... regions) {
        return SmsFallback.builder(sms).allowRegions(regions).build();
    }

    @ParameterizedTest
    @ValueSource(strings = {"+881612345678", "+882123456789", "+883510012345", "+870773111632", "+80012345678",
        "+80812345678", "+979123456789"})
    void numbersOfNoCountryAreNeverAllowedWhateverTheList(String phone) {
        SmsFallback everywhere = allowing(PhoneNumber.regions().toArray(String[]::new));

        assertThat(everywhere.allows(phone)).isFalse();
        assertThat(everywhere.allows("+919876543210")).as("the list does allow mobiles").isTrue();
    }

    @Test
    void usAllowsAUsNumberButNotACanadianOrJamaicanOne() {
        SmsFallback us = allowing("US");

        assertThat(us.allows("+14155550123")).isTrue();
        assertThat(us.allows("+16135550123")).as("Canada, +1 613").isFalse();
        assertThat(us.allows("+18762101234")).as("Jamaica, +1 876").isFalse();
        assertThat(us.allows("+17875550123")).as("Puerto Rico, +1 787").isFalse();
        assertThat(allowing("US", "JM").allows("+18762101234")).isTrue();
    }

    @Test
    void inAllowsAnIndianMobileAndNothingElse() {
        SmsFallback india = allowing("IN");

        assertThat(india.allows("+919876543210")).isTrue();
        assertThat(india.allows("+919800000131")).isTrue();
        assertThat(india.allows("+447400123456")).isFalse();
        assertThat(india.allows("+14155550123")).isFalse();
    }

    /** Premium-rate and shared-cost first, then every other type that is not a mobile, each in an allowed region. */
    @ParameterizedTest
    @ValueSource(strings = {"+449012345678", "+19002345678", "+9118603451234", "+443001234567", "+445612345678",
        "+447012345678", "+442071234567", "+18002345678", "+448001234567"})
    void aNumberOfAnAllowedRegionThatIsNoMobileIsRefused(String phone) {
        assertThat(allowing("GB", "US", "IN").allows(phone)).isFalse();
    }

    @Test
    void aCrownDependencyIsNotGreatBritain() {
        assertThat(allowing("GB").allows("+447781123456")).as("Guernsey, +44 7781").isFalse();
        assertThat(allowing("GB").allows("+447624123456")).as("the Isle of Man, +44 7624").isFalse();
        assertThat(allowing("GB", "GG").allows("+447781123456")).isTrue();
    }

    /** Possible but in no assigned range, written with a national prefix, or no number at all: never an SMS. */
    @ParameterizedTest
    @ValueSource(strings = {"+9198000001", "+15551234567", "+9109876543210", "+91987654321O", ""})
    void aNumberLibphonenumberCannotPlaceIsRefused(String phone) {
        assertThat(allowing("IN", "US").allows(phone)).isFalse();
    }

    @Test
    void noRegionIsAllowedByDefault() {
        assertThat(SmsFallback.builder(sms).build().allows("+919876543210")).isFalse();
    }

    @Test
    void regionCodesAreReadInEitherCase() {
        assertThat(allowing("in").allows("+919876543210")).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"XX", "91", "+91", "IND", "", "UK"})
    void anUnknownRegionIsRefusedNamingTheSettingAndTheRule(String region) {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> SmsFallback.builder(sms).allowRegions("IN", region));

        assertThat(e).isNotNull();
        assertThat(e.field()).isEqualTo("allowRegions");
        assertThat(e.rule()).isEqualTo("must be ISO 3166-1 alpha-2 region codes that have phone numbers, such as IN or GB,"
                + " was " + region);
    }

    @Test
    void theNonGeographicRegionIsRefusedSayingWhy() {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> SmsFallback.builder(sms).allowRegions("001"));

        assertThat(e.field()).isEqualTo("allowRegions");
        assertThat(e.rule()).contains("001").contains("never gets an SMS");
        assertThat(catchThrowableOfType(InvalidInputException.class,
                () -> SmsFallback.builder(sms).allowRegions((String) null)).field()).isEqualTo("allowRegions");
    }

    @Test
    void toStringNamesTheRegions() {
        assertThat(allowing("IN", "gb")).hasToString("SmsFallback{regions=[GB, IN], cap=100/PT1H}");
    }

    /** Through the verifier: a premium number of an allowed region gets the typed refusal and no SMS. */
    @Test
    void theVerifierRefusesAPremiumNumberOfAnAllowedRegionWithoutSending() {
        Verifier verifier = Verifier.builder()
                .secret("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII))
                .sender((phone, code) -> new SendResult(List.of("wa-1"), null, null))
                .smsFallback(allowing("GB", "IN"))
                .build();

        assertThat(verifier.resendBySms("+449012345678", "caller")).isEqualTo(
                new FallbackResult.Refused(FallbackReason.ASKED, Refusal.COUNTRY_NOT_ALLOWED, null));
        assertThat(verifier.resendBySms("+882123456789", "caller")).isEqualTo(
                new FallbackResult.Refused(FallbackReason.ASKED, Refusal.COUNTRY_NOT_ALLOWED, null));
        assertThat(verifier.resendBySms("+919876543210", "caller")).isInstanceOf(FallbackResult.Sent.class);
        assertThat(smsTo).containsExactly("+919876543210");
    }
}
