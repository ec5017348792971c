package dev.waotp.sample;

/** What the sample prints of personal data: as the library's logs show it. */
final class Masked {
    private Masked() {}

    /** All but the last four digits masked: {@code +919876543210} is {@code +********3210}. */
    static String phone(String phone) {
        return phone.length() <= 5 ? "****" : "+" + "*".repeat(phone.length() - 5) + phone.substring(phone.length() - 4);
    }
}
