package dev.waotp.spring;

import dev.waotp.CallbackHandler;
import dev.waotp.CallbackResult;
import java.io.IOException;
import java.io.InputStream;
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
 */
final class CallbackEndpoint {
    private CallbackEndpoint() {}

    static RouterFunction<ServerResponse> routes(String path, CallbackHandler handler) {
        return RouterFunctions.route().POST(path, request -> answer(request, handler)).build();
    }

    private static ServerResponse answer(ServerRequest request, CallbackHandler handler) throws IOException {
        CallbackResult result;
        try (InputStream body = request.servletRequest().getInputStream()) {
            result = handler.handle(name -> request.headers().header(name), body);
        }
        return ServerResponse.status(result.httpStatus()).build();
    }
}
