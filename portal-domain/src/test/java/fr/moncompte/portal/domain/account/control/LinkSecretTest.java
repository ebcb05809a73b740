package fr.moncompte.portal.domain.account.control;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LinkSecretTest {

    private final String linkId = UUID.randomUUID().toString();

    @Test
    void a_token_reads_back_as_the_same_link_and_secret() {
        LinkSecret issued = LinkSecret.newFor(linkId);
        LinkSecret read = LinkSecret.parse(issued.token()).orElseThrow();
        assertEquals(linkId, read.linkId());
        assertTrue(read.matches(issued.hash()));
    }

    @Test
    void each_link_gets_its_own_secret_and_only_its_hash_matches() {
        LinkSecret first = LinkSecret.newFor(linkId);
        LinkSecret second = LinkSecret.newFor(linkId);
        assertNotEquals(first.secret(), second.secret());
        assertFalse(second.matches(first.hash()));
        assertFalse(first.matches(null));
        assertEquals(64, first.hash().length());
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"abc", "not-a-uuid.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
            "123e4567-e89b-12d3-a456-426614174000.short", "123e4567-e89b-12d3-a456-426614174000.AAAA'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"})
    void anything_else_is_no_token(String token) {
        assertTrue(LinkSecret.parse(token).isEmpty());
    }
}
