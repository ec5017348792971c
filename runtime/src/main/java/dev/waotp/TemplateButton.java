package dev.waotp;

import org.jspecify.annotations.Nullable;

/**
 * One button of a template's {@code BUTTONS} component, as Meta describes it: an authentication
 * template has one {@code OTP} button whose {@code otp_type} is {@code COPY_CODE}, {@code ONE_TAP} or
 * {@code ZERO_TAP}. Values are kept as the account reports them (Meta's own samples mix cases).
 *
 * @param type the button type, for example {@code OTP}, {@code QUICK_REPLY} or {@code URL}
 * @param text the button's label; {@code null} when the template states none
 * @param otpType for an {@code OTP} button, how the code reaches the app; otherwise {@code null}
 */
public record TemplateButton(String type, @Nullable String text, @Nullable String otpType) {}
