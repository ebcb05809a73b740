package fr.moncompte.portal.web.api;

import fr.moncompte.portal.billing.payment.boundary.Payments;
import fr.moncompte.portal.web.api.v1.PaymentsResource;
import jakarta.annotation.Priority;
import jakarta.ejb.EJB;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * No request body is read past {@value #LIMIT} bytes: the API's bodies are small JSON objects, and a client that
 * sends more (declared, or streamed without a length) is answered 413 before the excess is read; nor JSON nested
 * deeper than {@value #DEPTH} levels, nor a NUL character in it (400). The payment
 * provider's endpoint, which takes no token, has its signature's time checked before its body is read at all: a stale
 * or made-up notice costs its headers only.
 */
@Provider
@Priority(Priorities.AUTHENTICATION - 100)
public class BoundedBodies implements ContainerRequestFilter {

    /** Far above the largest body of the API (a company's details, a payment), far below what could hurt. */
    public static final int LIMIT = 16 * 1024;

    @EJB
    Payments payments;

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getLength() > LIMIT) {
            request.abortWith(problem(request, 413, "api.body.tooLarge"));
            return;
        }
        String signature = request.getHeaderString(PaymentsResource.SIGNATURE);
        if ("POST".equals(request.getMethod()) && request.getHeaderString(HttpHeaders.AUTHORIZATION) == null
                && signature != null && request.getUriInfo().getPath().replaceAll("^/+|/+$", "").equals("payments")
                && !payments.noticeTimely(signature)) {
            request.abortWith(Response.fromResponse(problem(request, 401, "billing.notice.signature"))
                    .header("WWW-Authenticate", "Bearer realm=\"moncompte\"").build());
            return;
        }
        if (request.hasEntity()) {
            request.setEntityStream(new Bounded(request.getEntityStream(),
                    request.getMediaType() != null && request.getMediaType().getSubtype().endsWith("json")));
        }
    }

    private static Response problem(ContainerRequestContext request, int status, String code) {
        return Problems.answer(Problems.problem(ApiLanguage.ofHeader(request.getHeaderString("Accept-Language")),
                status, code, request.getUriInfo().getRequestUri().getRawPath(), null));
    }

    /** A body streamed without a declared length: reading past the limit fails, and the answer is a 413. */
    public static final class TooLarge extends IOException {
        TooLarge() {
            super("The request body is larger than " + LIMIT + " bytes");
        }
    }

    /**
     * JSON nested deeper than {@value #DEPTH} arrays or objects: no body of the API is, and the JSON parser spends
     * seconds on thousands of levels, so it never sees them; the answer is a 400.
     */
    public static final class TooDeep extends IOException {
        TooDeep() {
            super("The request body nests JSON deeper than " + DEPTH + " levels");
        }
    }

    /**
     * A NUL in a JSON string (escaped as backslash, u, 0000): no text of the portal holds one, and PostgreSQL refuses
     * to store or compare it, which would fail the request; the answer is a 400.
     */
    public static final class NulCharacter extends IOException {
        NulCharacter() {
            super("The request body holds a NUL character");
        }
    }

    static final int DEPTH = 32;

    /** Counts what is read, and for JSON how deep it nests (outside strings). */
    static final class Bounded extends FilterInputStream {

        private final boolean json;
        private long read;
        private int depth;
        private boolean inString;
        private boolean escaped;
        /** Within a unicode escape (backslash, u, four hex digits): the digits read (-1: none) and their value. */
        private int unicodeDigits = -1;
        private int unicodeValue;

        Bounded(InputStream in, boolean json) {
            super(in);
            this.json = json;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                counted(1);
                nesting((byte) b);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                counted(n);
                for (int i = offset; i < offset + n; i++) {
                    nesting(buffer[i]);
                }
            }
            return n;
        }

        private void counted(int n) throws TooLarge {
            read += n;
            if (read > LIMIT) {
                throw new TooLarge();
            }
        }

        private void nesting(byte b) throws IOException {
            if (!json) {
                return;
            }
            if (b == 0) {
                throw new NulCharacter();
            }
            if (inString) {
                if (unicodeDigits >= 0) {
                    unicodeValue = unicodeValue * 16 + Character.digit(b, 16);
                    if (++unicodeDigits == 4) {
                        unicodeDigits = -1;
                        if (unicodeValue == 0) {
                            throw new NulCharacter();
                        }
                    }
                } else if (escaped) {
                    escaped = false;
                    if (b == 'u') {
                        unicodeDigits = 0;
                        unicodeValue = 0;
                    }
                } else if (b == '\\') {
                    escaped = true;
                } else if (b == '"') {
                    inString = false;
                }
            } else if (b == '"') {
                inString = true;
            } else if (b == '[' || b == '{') {
                if (++depth > DEPTH) {
                    throw new TooDeep();
                }
            } else if (b == ']' || b == '}') {
                depth--;
            }
        }
    }
}
