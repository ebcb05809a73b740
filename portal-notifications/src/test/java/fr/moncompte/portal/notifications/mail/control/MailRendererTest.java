package fr.moncompte.portal.notifications.mail.control;

import fr.moncompte.portal.domain.account.boundary.Recipient;
import fr.moncompte.portal.domain.account.entity.Language;
import fr.moncompte.portal.notifications.topic.Topic;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MailRendererTest {

    final MailRenderer renderer = new MailRenderer("Inexweb", "https://moncompte.example/", "Europe/Paris");

    @Test
    void writes_in_french_to_a_french_speaker() {
        Mail mail = renderer.render(Topic.PASSWORD_CHANGED,
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
        Mail mail = renderer.render(Topic.PASSWORD_CHANGED,
                new Recipient(5, "luc@example.com", "Luc", "Petit", Language.EN));
        assertEquals("Your password was changed", mail.subject());
        assertEquals("Inexweb account", mail.senderName());
        assertTrue(mail.text().startsWith("Hello Luc,"), mail.text());
        assertTrue(mail.html().contains("<html lang=\"en\">"), mail.html());
    }

    @Test
    void tells_of_a_locked_account_in_both_languages() {
        assertEquals("Votre compte est verrouillé pour 15 minutes", renderer.render(Topic.ACCOUNT_LOCKED,
                new Recipient(1, "o@example.fr", "Olivia", "Perrin", Language.FR)).subject());
        Mail english = renderer.render(Topic.ACCOUNT_LOCKED,
                new Recipient(5, "luc@example.com", "Luc", "Petit", Language.EN));
        assertEquals("Your account is locked for 15 minutes", english.subject());
        assertTrue(english.text().contains("someone may be trying to guess your password"), english.text());
    }

    @Test
    void an_invoice_mail_writes_its_amount_and_due_date_as_each_language_does() {
        Object[] facts = {"F2026-000042", "Garage Petit EURL", new java.math.BigDecimal("1234.50"),
                java.time.LocalDate.of(2026, 12, 1)};
        Mail french = renderer.render("INVOICE_ISSUED", new Recipient(15, "omar@example.fr", "Omar", "Haddad",
                Language.FR), "omar@example.fr", "https://moncompte.example/invoices/invoice.xhtml?id=7", facts);
        assertEquals("Facture F2026-000042 : 1\u202f234,50\u00a0€", french.subject());
        assertTrue(french.text().contains("à régler au plus tard le 1 décembre 2026"), french.text());
        assertTrue(french.text().contains("Voir la facture\nhttps://moncompte.example/invoices/invoice.xhtml?id=7"),
                french.text());
        Mail english = renderer.render("INVOICE_ISSUED", new Recipient(5, "luc@example.com", "Luc", "Petit",
                Language.EN), "luc@example.com", "https://moncompte.example/invoices/invoice.xhtml?id=7", facts);
        assertEquals("Invoice F2026-000042: €1,234.50", english.subject());
        assertTrue(english.text().contains("due by December 1, 2026"), english.text());
    }

    @Test
    void a_digest_lists_each_notification_with_its_page() {
        Mail digest = renderer.digest(new Recipient(3, "claire@example.fr", "Claire", "Martin", Language.FR), List.of(
                new MailRenderer.DigestLine("Facture F2026-000042 : 72,00 €", "https://moncompte.example/invoices/invoice.xhtml?id=7"),
                new MailRenderer.DigestLine("Paiement reçu pour la facture F2026-000041", null)), 0);
        assertEquals("Votre résumé Inexweb : 2 notifications", digest.subject());
        assertTrue(digest.text().contains("- Facture F2026-000042 : 72,00 €\n  https://moncompte.example/invoices/invoice.xhtml?id=7\n"
                + "- Paiement reçu pour la facture F2026-000041\n"), digest.text());
        assertTrue(digest.html().contains("<li><a href=\"https://moncompte.example/invoices/invoice.xhtml?id=7\">Facture F2026-000042"),
                digest.html());
        assertTrue(digest.html().contains("<li>Paiement reçu pour la facture F2026-000041</li>"), digest.html());
        assertFalse(digest.text().contains("plus anciennes"), digest.text());
    }

    @Test
    void a_long_digest_says_how_many_it_leaves_to_the_inbox() {
        Mail digest = renderer.digest(new Recipient(5, "luc@example.com", "Luc", "Petit", Language.EN),
                List.of(new MailRenderer.DigestLine("Invoice F2026-000042: €72.00", null)), 250);
        assertEquals("Your Inexweb digest: 251 notifications", digest.subject());
        assertTrue(digest.text().contains("The 250 oldest are not listed here"), digest.text());
    }

    @Test
    void escapes_what_people_typed_in_the_html_part() {
        Mail mail = renderer.render(Topic.PASSWORD_CHANGED,
                new Recipient(9, "x@example.com", "<script>alert(1)</script>", "X", Language.EN));
        assertFalse(mail.html().contains("<script>"), mail.html());
        assertTrue(mail.html().contains("&lt;script&gt;"), mail.html());
        assertTrue(mail.text().contains("<script>"), "the plain-text part keeps the text as typed");
    }

    @Test
    void a_reset_mail_carries_its_link_and_when_it_expires_in_the_recipients_words() {
        String link = renderer.page("password/reset.xhtml") + "?token=abc&lang=fr";
        Mail mail = renderer.render("PASSWORD_RESET_REQUESTED", new Recipient(3, "claire@example.fr", "Claire", "Martin",
                Language.FR), "claire@example.fr", link, Instant.parse("2026-11-28T10:05:00Z"));
        assertEquals("https://moncompte.example/password/reset.xhtml?token=abc&lang=fr", link);
        assertEquals("Choisissez un nouveau mot de passe", mail.subject());
        assertTrue(mail.text().contains("Choisir un nouveau mot de passe\n" + link), mail.text());
        assertTrue(mail.text().contains("jusqu'au 28 novembre 2026"), mail.text());
        assertTrue(mail.text().contains("11:05"), "Paris time, not UTC: " + mail.text());
        assertTrue(mail.html().contains("href=\"https://moncompte.example/password/reset.xhtml?token=abc&amp;lang=fr\""),
                mail.html());
        assertTrue(mail.html().contains(">Choisir un nouveau mot de passe</a>"), mail.html());
    }

    @Test
    void an_invitation_in_english_goes_to_the_address_given() {
        Mail mail = renderer.render("USER_INVITED", new Recipient(8, "sarah@example.com", "Sarah", "Blake", Language.EN),
                "sarah@example.com", "https://moncompte.example/invitation.xhtml?token=x", Instant.parse("2026-12-05T09:00:00Z"));
        assertEquals("sarah@example.com", mail.to());
        assertEquals("Your invitation to the Inexweb customer area", mail.subject());
        assertTrue(mail.text().contains("until December 5, 2026"), mail.text());
        assertTrue(mail.text().contains("Choose my password\nhttps://moncompte.example/invitation.xhtml?token=x"), mail.text());
    }

    @Test
    void every_link_and_notice_mail_exists_in_both_languages() {
        for (String template : new String[]{"USER_INVITED", "PASSWORD_RESET_REQUESTED", "EMAIL_CHANGE_REQUESTED",
                "EMAIL_CHANGE_NOTICE", "EMAIL_CHANGED"}) {
            boolean notice = template.equals("EMAIL_CHANGE_NOTICE") || template.equals("EMAIL_CHANGED");
            for (Language language : Language.values()) {
                Mail mail = renderer.render(template, new Recipient(1, "a@example.fr", "A", "B", language),
                        "a@example.fr", notice ? null : "https://moncompte.example/x",
                        "n***@example.fr");
                assertFalse(mail.subject().isBlank(), template);
                assertFalse(mail.text().contains("{"), template + " " + language + ": " + mail.text());
            }
        }
    }

    @Test
    void a_notice_to_the_old_address_shows_the_new_one_partly_hidden() {
        assertEquals("c***@example.fr", Addresses.mask("claire.martin@example.fr"));
        assertEquals("***", Addresses.mask("nonsense"));
        Mail mail = renderer.render("EMAIL_CHANGE_NOTICE", new Recipient(3, "claire@example.fr", "Claire", "Martin",
                Language.FR), "claire@example.fr", null, Addresses.mask("claire.new@example.org"));
        assertTrue(mail.text().contains("par c***@example.org"), mail.text());
        assertFalse(mail.html().contains("<a href"), "a notice has no link: " + mail.html());
    }
}
