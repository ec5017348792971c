package dev.waotp.spring.other;

import dev.waotp.spring.EnableAuthTemplates;
import org.springframework.context.annotation.Configuration;

/** Scans its own package, having named none. */
@Configuration(proxyBeanMethods = false)
@EnableAuthTemplates
public class OwnPackage {}
