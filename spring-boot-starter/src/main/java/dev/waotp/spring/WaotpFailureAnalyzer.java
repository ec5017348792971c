package dev.waotp.spring;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a {@link WaotpStartupException} anywhere in a failed start-up's causes into Spring Boot's
 * "APPLICATION FAILED TO START" report: what is wrong and how to fix it, instead of a stack trace from
 * inside waotp. Registered in {@code META-INF/spring.factories}.
 */
final class WaotpFailureAnalyzer extends AbstractFailureAnalyzer<WaotpStartupException> {
    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, WaotpStartupException cause) {
        return new FailureAnalysis(cause.getMessage(), cause.action(), cause);
    }
}
