package dev.waotp.processor;

import java.util.List;
import java.util.Optional;

/** One abstract method of a template interface, implemented as one send. */
record SendMethod(String name, ReturnKind returnKind, List<SendParameter> parameters, boolean varargs) {

    SendMethod {
        parameters = List.copyOf(parameters);
    }

    /** The {@code @Lang} parameter, if the method has one. */
    Optional<SendParameter> lang() {
        return parameters.stream().filter(parameter -> parameter.role() == ParameterRole.LANG).findFirst();
    }
}
