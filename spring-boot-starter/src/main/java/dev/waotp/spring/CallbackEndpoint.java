package dev.waotp.spring;

import dev.waotp.CallbackHandler;
import dev.waotp.CallbackResult;
import java.io.IOException;
import java.io.InputStream;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * {@code POST <waotp.callbacks.path>}: the headers and the still unread body go to the
 * {@link CallbackHandler}, which checks the credentials before it reads a byte of the body (at most
 * {@link CallbackHandler#MAX_BODY_BYTES} and one byte more). Its result is the answer: 200, 401 or 400,
 * with no body. A listener's exception is left to Spring MVC, which answers 500, so that Kaleyra tries
 * again.
 *
 * <p>A refused callback (401 or 400) is answered with {@code Connection: close} and marked with the
 * request attribute {@link #REFUSED}, so that on Tomcat {@link RefusedCallbackValve} closes its connection
 * without reading what is left of its body.
 */
final class CallbackEndpoint {
    /** The request attribute that marks a refused callback, whose unread body is not worth reading. */
    static final String REFUSED = CallbackEndpoint.class.getName() + ".REFUSED";

    private CallbackEndpoint() {}

    static RouterFunction<ServerResponse> routes(String path, CallbackHandler handler) {
        return RouterFunctions.route().POST(path, request -> answer(request, handler)).build();
    }

    private static ServerResponse answer(ServerRequest request, CallbackHandler handler) throws IOException {
        CallbackResult result;
        try (InputStream body = request.servletRequest().getInputStream()) {
            result = handler.handle(name -> request.headers().header(name), body);
        }
        if (result instanceof CallbackResult.Rejected) {
            request.servletRequest().setAttribute(REFUSED, Boolean.TRUE);
            return ServerResponse.status(result.httpStatus()).header(HttpHeaders.CONNECTION, "close").build();
        }
        return ServerResponse.status(result.httpStatus()).build();
    }
}
