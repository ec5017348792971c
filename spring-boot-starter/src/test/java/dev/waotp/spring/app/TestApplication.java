package dev.waotp.spring.app;

import org.springframework.boot.autoconfigure.AutoConfigurationPackage;

/** Marks this package as the application's, as {@code @SpringBootApplication} would. */
@AutoConfigurationPackage
public class TestApplication {}
