package dev.waotp.processor;

import javax.lang.model.element.AnnotationValue;

/** One code of {@code @AuthTemplate(lang = ...)} and the value it is written in, for errors to point at. */
record LanguageValue(String code, AnnotationValue value) {}
