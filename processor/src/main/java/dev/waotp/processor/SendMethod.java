package dev.waotp.processor;

import java.util.List;

/** One abstract method of a template interface, implemented as one send. */
record SendMethod(String name, ReturnKind returnKind, List<SendParameter> parameters, boolean varargs) {

    SendMethod {
        parameters = List.copyOf(parameters);
    }
}
