package fr.moncompte.portal.notifications.mail.control;

import fr.moncompte.portal.domain.account.boundary.Recipient;
import fr.moncompte.portal.domain.account.entity.Language;
import fr.moncompte.portal.domain.event.EventType;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MailRendererTest {

    final MailRenderer renderer = new MailRenderer("Inexweb", "https://moncompte.example/");

    @Test
    void writes_in_french_to_a_french_speaker() {
        Mail mail = renderer.render(EventType.PASSWORD_CHANGED,
                new Recipient(3, "claire@example.fr", "Claire", "Martin", Language.FR));
        assertEquals("claire@example.fr", mail.to());
        assertEquals("Votre mot de passe a été modifié", mail.subject());
        assertEquals("Mon compte Inexweb", mail.senderName());
        assertTrue(mail.text().startsWith("Bonjour Claire,"), mail.text());
        assertTrue(mail.text().contains("votre compte Inexweb vient d'être modifié"), mail.text());
        assertTrue(mail.text().contains("L'équipe Inexweb"), mail.text());
        assertTrue(mail.html().contains("<html lang=\"fr\">"), mail.html());
    }

    @Test
    void writes_in_english_to_an_english_speaker() {
        Mail mail = renderer.render(EventType.PASSWORD_CHANGED,
                new Recipient(5, "luc@example.com", "Luc", "Petit", Language.EN));
        assertEquals("Your password was changed", mail.subject());
        assertEquals("Inexweb account", mail.senderName());
        assertTrue(mail.text().startsWith("Hello Luc,"), mail.text());
        assertTrue(mail.html().contains("<html lang=\"en\">"), mail.html());
    }

    @Test
    void tells_of_a_locked_account_in_both_languages() {
        assertEquals("Votre compte est verrouillé pour 15 minutes", renderer.render(EventType.ACCOUNT_LOCKED,
                new Recipient(1, "o@example.fr", "Olivia", "Perrin", Language.FR)).subject());
        Mail english = renderer.render(EventType.ACCOUNT_LOCKED,
                new Recipient(5, "luc@example.com", "Luc", "Petit", Language.EN));
        assertEquals("Your account is locked for 15 minutes", english.subject());
        assertTrue(english.text().contains("someone may be trying to guess your password"), english.text());
    }

    @Test
    void escapes_what_people_typed_in_the_html_part() {
        Mail mail = renderer.render(EventType.PASSWORD_CHANGED,
                new Recipient(9, "x@example.com", "<script>alert(1)</script>", "X", Language.EN));
        assertFalse(mail.html().contains("<script>"), mail.html());
        assertTrue(mail.html().contains("&lt;script&gt;"), mail.html());
        assertTrue(mail.text().contains("<script>"), "the plain-text part keeps the text as typed");
    }
}
