package dev.waotp.spring.security;

/**
 * Where the three pages are; each is a GET (the form) and a POST (its submission).
 *
 * @param loginPage the phone form of a sign-in
 * @param codePage the code form, for both a sign-in and a second factor
 * @param factorPage the form that sends a second-factor code to the signed-in user's number
 */
record LoginPages(String loginPage, String codePage, String factorPage) {
    /** Where the code form's "send it by SMS instead" posts to. */
    String smsInstead() {
        return codePage + "/sms";
    }
}
