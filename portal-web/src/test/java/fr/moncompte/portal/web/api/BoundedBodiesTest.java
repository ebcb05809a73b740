package fr.moncompte.portal.web.api;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The API's bodies as the JSON reader gets them: cut off past 16 KiB, and past 32 levels of nesting. */
class BoundedBodiesTest {

    private static byte[] readAll(String body, boolean json) throws IOException {
        try (InputStream in = new BoundedBodies.Bounded(new ByteArrayInputStream(
                body.getBytes(StandardCharsets.UTF_8)), json)) {
            return in.readAllBytes();
        }
    }

    @Test
    void a_body_within_the_bounds_is_read_whole() throws IOException {
        String body = "{\"legalName\":\"Boulangerie [Martin] {et fils}\",\"tags\":[[1],[2]]}";
        assertEquals(body, new String(readAll(body, true), StandardCharsets.UTF_8));
        assertEquals(BoundedBodies.LIMIT, readAll("a".repeat(BoundedBodies.LIMIT), false).length);
    }

    @Test
    void past_the_limit_reading_fails() {
        assertThrows(BoundedBodies.TooLarge.class, () -> readAll("a".repeat(BoundedBodies.LIMIT + 1), false));
    }

    @Test
    void json_nested_past_the_depth_fails_but_brackets_inside_strings_do_not_count() throws IOException {
        String deep = "[".repeat(BoundedBodies.DEPTH + 1);
        assertThrows(BoundedBodies.TooDeep.class, () -> readAll("{\"a\":" + deep, true));
        readAll("[".repeat(BoundedBodies.DEPTH) + "]".repeat(BoundedBodies.DEPTH), true);
        readAll("{\"a\":\"" + deep + "\\\"" + deep + "\"}", true);
        readAll(deep, false); // not JSON: the reader for its type decides
    }

    @Test
    void a_nul_in_a_json_string_fails_and_other_escapes_do_not() throws IOException {
        assertThrows(BoundedBodies.NulCharacter.class, () -> readAll("{\"legalName\":\"a\\u0000b\"}", true));
        assertThrows(BoundedBodies.NulCharacter.class, () -> readAll("{\"a\":\"\u0000\"}", true));
        readAll("{\"legalName\":\"Caf\\u00e9 \\u0041\\\\u0000\"}", true); // é, A, and a backslash then text
    }
}
