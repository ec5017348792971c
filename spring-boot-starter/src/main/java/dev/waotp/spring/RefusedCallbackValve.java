package dev.waotp.spring;

import jakarta.servlet.ServletException;
import java.io.IOException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.coyote.ActionCode;

/**
 * Lets Tomcat free the thread of a refused callback at once. Tomcat reads what is left of a body the
 * application did not read before it reuses the connection (up to {@code server.tomcat.max-swallow-size},
 * 2 MB by default), on the request's thread; a client without credentials trickling its body would hold
 * that thread for as long as it likes. For a request {@link CallbackEndpoint} refused, this valve tells
 * Tomcat not to read the rest, as Tomcat does itself for an upload it refused as too large: the answer is
 * sent, then the connection is closed. Every other request is left as it is.
 */
final class RefusedCallbackValve extends ValveBase {
    RefusedCallbackValve() {
        // Not blocking async requests elsewhere in the application: a valve that does not declare
        // async support turns it off for every request that passes through it.
        super(true);
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        getNext().invoke(request, response);
        if (Boolean.TRUE.equals(request.getAttribute(CallbackEndpoint.REFUSED))) {
            request.getCoyoteRequest().action(ActionCode.DISABLE_SWALLOW_INPUT, null);
        }
    }
}
