package dev.waotp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber;
import dev.waotp.PhoneNumber.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A phone number is checked once where it enters: its E.164 form, then whether libphonenumber finds it a
 * possible number, and what it knows of its region and line type. Expected regions and types are those of
 * libphonenumber's metadata for the ranges named, as its own example numbers show them.
 */
class PhoneNumberTest {
    private static InvalidInputException refused(String number) {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> PhoneNumber.parse(number, "to"));
        assertThat(e).as("expected an InvalidInputException for a number").isNotNull();
        assertThat(e.field()).isEqualTo("to");
        assertThat(e.getMessage()).isEqualTo("to: " + e.rule()).doesNotContainPattern("[0-9]{5}");
        return e;
    }

    @Test
    void anIndianMobileKnowsItsCodeRegionAndType() {
        PhoneNumber number = PhoneNumber.parse("+919876543210");

        assertThat(number.e164()).isEqualTo("+919876543210");
        assertThat(number.countryCode()).isEqualTo(91);
        assertThat(number.region()).isEqualTo("IN");
        assertThat(number.isValid()).isTrue();
        assertThat(number.type()).isEqualTo(Type.MOBILE);
        assertThat(number.isNonGeographic()).isFalse();
        assertThat(number.isPremiumOrShared()).isFalse();
    }

    /** The stub's and the tests' numbers (+9198000001xx and the like) stay numbers. */
    @ParameterizedTest
    @ValueSource(strings = {"+919800000100", "+919800000131", "+919800000199", "+919800000404", "+14155550123",
        "+6581234567"})
    void theNumbersTheProjectsTestsUseParse(String e164) {
        assertThat(PhoneNumber.parse(e164).e164()).isEqualTo(e164);
    }

    /** +1 is shared: the region comes from the area code, and Jamaica and Canada are not the United States. */
    @ParameterizedTest
    @CsvSource({"+12015550123,US", "+16135550123,CA", "+18762101234,JM", "+17875550123,PR",
        "+447400123456,GB", "+447781123456,GG", "+447624123456,IM", "+441534123456,JE"})
    void theRegionIsTheNumbersNotTheCountryCodes(String e164, String region) {
        assertThat(PhoneNumber.parse(e164).region()).isEqualTo(region);
    }

    @ParameterizedTest
    @ValueSource(strings = {"+881612345678", "+882123456789", "+883510012345", "+870773111632", "+80012345678"})
    void satelliteAndInternationalNetworksHaveNoCountry(String e164) {
        PhoneNumber number = PhoneNumber.parse(e164);

        assertThat(number.region()).isEqualTo(PhoneNumber.NON_GEOGRAPHIC).isEqualTo("001");
        assertThat(number.isNonGeographic()).isTrue();
    }

    @ParameterizedTest
    @CsvSource({"+449012345678,PREMIUM_RATE", "+19002345678,PREMIUM_RATE", "+9118603451234,SHARED_COST"})
    void premiumAndSharedCostRangesAreTold(String e164, Type type) {
        PhoneNumber number = PhoneNumber.parse(e164);

        assertThat(number.type()).isEqualTo(type);
        assertThat(number.isPremiumOrShared()).isTrue();
    }

    @ParameterizedTest
    @CsvSource({"+443001234567,UAN", "+445612345678,VOIP", "+447012345678,PERSONAL_NUMBER", "+442071234567,FIXED_LINE",
        "+14155550123,FIXED_LINE_OR_MOBILE", "+80012345678,TOLL_FREE"})
    void otherLineTypesAreTold(String e164, Type type) {
        assertThat(PhoneNumber.parse(e164).type()).isEqualTo(type);
        assertThat(PhoneNumber.parse(e164).isPremiumOrShared()).isFalse();
    }

    /** Possible is what parse asks; valid (an assigned range) is a separate question, and the type needs it. */
    @ParameterizedTest
    @CsvSource({"+15551234567,ZZ", "+447700900123,ZZ", "+9198000001,IN"})
    void aPossibleButUnassignedNumberParsesAsNotValid(String e164, String region) {
        PhoneNumber number = PhoneNumber.parse(e164);

        assertThat(number.isValid()).isFalse();
        assertThat(number.type()).isEqualTo(Type.UNKNOWN);
        assertThat(number.region()).isEqualTo(region);
    }

    @ParameterizedTest
    @ValueSource(strings = {"919876543210", "+0123456789", "+1234567", "+1234567890123456", "+91 98765 43210",
        "+91-9876543210", "", "+91987654321O", "\uFF0B919876543210", "+919876543210\n", "+91987654\u06632"})
    void refusesWhatIsNotE164WithTheRulesOfTheSenders(String e164) {
        assertThat(refused(e164).rule()).isEqualTo("must be E.164: '+' then 8 to 15 digits, the first not 0");
    }

    @Test
    void refusesNullAsRequired() {
        assertThat(refused(null).rule()).isEqualTo("is required");
    }

    @ParameterizedTest
    @ValueSource(strings = {"+99912345678", "+2812345678", "+8012345678"})
    void refusesACountryCallingCodeNotInUse(String e164) {
        assertThat(refused(e164).rule()).isEqualTo("must start with a country calling code in use");
    }

    /** Too long, a length the code never has, and a local number without its area code. */
    @ParameterizedTest
    @ValueSource(strings = {"+1234567890123", "+65981234567", "+12345678", "+4412345678"})
    void refusesALengthTheCountryCallingCodeNeverHas(String e164) {
        assertThat(refused(e164).rule()).isEqualTo("must have a length that numbers of its country calling code have");
    }

    /** libphonenumber would read these as the number without the 0 (or the 1); a carrier might not. */
    @ParameterizedTest
    @ValueSource(strings = {"+4407911123456", "+9109876543210", "+4909876543210"})
    void refusesANationalPrefixAfterTheCountryCallingCode(String e164) {
        assertThat(refused(e164).rule()).isEqualTo(
                "must be E.164 as dialled from abroad, with no national prefix (such as 0) after the country calling code");
    }

    @Test
    void aNumberIsNamedAsPhoneUnlessTheCallerNamesIt() {
        assertThatThrownBy(() -> PhoneNumber.parse("+91")).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.field()).isEqualTo("phone"));
    }

    @Test
    void equalWhenTheE164FormsAre() {
        PhoneNumber one = PhoneNumber.parse("+919876543210");
        PhoneNumber same = PhoneNumber.parse("+919876543210");
        PhoneNumber other = PhoneNumber.parse("+919876543211");

        assertThat(one).isEqualTo(same).hasSameHashCodeAs(same).isNotEqualTo(other).isNotEqualTo("+919876543210");
    }

    @Test
    void toStringShowsTheLastFourDigitsOnly() {
        PhoneNumber number = PhoneNumber.parse("+919876543210");

        assertThat(number).hasToString("+********3210");
        assertThat(number.toString()).isEqualTo(Redaction.phoneNumber("+919876543210")).doesNotContain("98765");
    }

    @Test
    void theRegionsAreIsoCodesAndNotTheNonGeographicOne() {
        assertThat(PhoneNumber.regions()).contains("IN", "GB", "US", "CA", "JM", "GG")
                .doesNotContain(PhoneNumber.NON_GEOGRAPHIC, PhoneNumber.UNKNOWN_REGION)
                .allSatisfy(region -> assertThat(region).matches("[A-Z]{2}"));
        assertThatThrownBy(() -> PhoneNumber.regions().add("XX")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aRegionHasItsCountryCallingCode() {
        assertThat(PhoneNumber.countryCodeOf("IN")).isEqualTo(91);
        assertThat(PhoneNumber.countryCodeOf("jm")).isEqualTo(1);
        assertThat(PhoneNumber.countryCodeOf("GG")).isEqualTo(44);
        for (String region : new String[] {"XX", "001", "ZZ", "", null}) {
            InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> PhoneNumber.countryCodeOf(region));
            assertThat(e.field()).isEqualTo("region");
            assertThat(e.rule()).isEqualTo("must be an ISO 3166-1 alpha-2 region code that has phone numbers, such as IN"
                    + " or GB, was " + region);
        }
    }

    /** A type libphonenumber adds later maps to UNKNOWN; this fails first, so the enum is brought up to date. */
    @Test
    void everyTypeOfLibphonenumberHasItsNamesake() {
        for (PhoneNumberType type : PhoneNumberType.values()) {
            assertThat(Type.of(type).name()).isEqualTo(type.name());
        }
    }

    /** Random E.164 strings, the same at every run: a fifth or so are possible numbers, a few of them valid. */
    private static List<String> randomNumbers(int count) {
        Random random = new Random(24);
        return IntStream.range(0, count).mapToObj(i -> {
            StringBuilder number = new StringBuilder("+").append(1 + random.nextInt(9));
            int digits = 8 + random.nextInt(8);
            while (number.length() < digits + 1) {
                number.append(random.nextInt(10));
            }
            return number.toString();
        }).toList();
    }

    /** isValid is read from the type (one pass over the ranges instead of two): it must say what libphonenumber says. */
    @Test
    void isValidIsLibphonenumbersIsValidNumber() throws Exception {
        PhoneNumberUtil util = PhoneNumberUtil.getInstance();
        List<String> numbers = new ArrayList<>(randomNumbers(500));
        for (String region : util.getSupportedRegions()) {
            for (PhoneNumberType type : PhoneNumberType.values()) {
                Phonenumber.PhoneNumber example = util.getExampleNumberForType(region, type);
                if (example != null) {
                    numbers.add(util.format(example, PhoneNumberUtil.PhoneNumberFormat.E164));
                }
            }
        }
        int parsed = 0;
        for (String e164 : numbers) {
            try {
                PhoneNumber number = PhoneNumber.parse(e164);
                parsed++;
                assertThat(number.isValid()).as(number.toString()).isEqualTo(util.isValidNumber(util.parse(e164, "ZZ")));
            } catch (InvalidInputException notPossible) {
                // parse refused it; nothing to compare
            }
        }
        assertThat(parsed).isGreaterThan(1_000);
    }

    /** libphonenumber loads a region's metadata at its first use; many threads at once get what one thread gets. */
    @Test
    void manyThreadsParsingAtOnceGetWhatOneThreadGets() throws Exception {
        List<String> numbers = randomNumbers(400);
        int threads = 16;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<List<String>>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return numbers.stream().map(PhoneNumberTest::describe).toList();
                }));
            }
            start.countDown();
            List<String> expected = numbers.stream().map(PhoneNumberTest::describe).toList();
            assertThat(expected).anyMatch(d -> d.contains("MOBILE")).anyMatch(d -> d.startsWith("to:"));
            for (Future<List<String>> result : results) {
                assertThat(result.get(60, TimeUnit.SECONDS)).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static String describe(String e164) {
        try {
            PhoneNumber number = PhoneNumber.parse(e164, "to");
            return number.region() + " " + number.type() + " " + number.isValid() + " " + number.countryCode();
        } catch (InvalidInputException e) {
            return e.getMessage();
        }
    }
}
