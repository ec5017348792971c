package dev.waotp.processor;

import com.squareup.javapoet.TypeName;

/** A parameter of a send method: its declared type and name, and which message field it fills. */
record SendParameter(String name, TypeName type, ParameterRole role) {}
