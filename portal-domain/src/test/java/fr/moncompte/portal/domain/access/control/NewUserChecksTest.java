package fr.moncompte.portal.domain.access.control;

import fr.moncompte.portal.domain.FieldsRefused;
import fr.moncompte.portal.domain.FieldsRefused.Problem;
import fr.moncompte.portal.domain.access.boundary.NewUser;
import fr.moncompte.portal.domain.account.entity.Language;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class NewUserChecksTest {

    @Test
    void names_and_address_are_cleaned_and_french_is_the_default_language() {
        NewUser checked = NewUserChecks.check(new NewUser("  Zoé ", " Le   Gall ", " zoe@example.com ", null, 30,
                Set.of("COMPTA"), false));
        assertEquals("Zoé", checked.firstName());
        assertEquals("Le Gall", checked.lastName());
        assertEquals("zoe@example.com", checked.email());
        assertEquals(Language.FR, checked.language());
        assertEquals(Set.of("COMPTA"), checked.applications());
    }

    @Test
    void every_problem_is_reported_at_once_with_its_field() {
        FieldsRefused refused = assertThrows(FieldsRefused.class, () -> NewUserChecks.check(
                new NewUser(" ", "x".repeat(101), "not an address", Language.EN, 30, null, true)));
        assertEquals(List.of(new Problem("firstName", "users.firstName.required"),
                new Problem("lastName", "users.name.tooLong"),
                new Problem("email", "email.invalid")), refused.problems());
    }

    @Test
    void control_characters_in_a_name_are_refused() {
        FieldsRefused refused = assertThrows(FieldsRefused.class, () -> NewUserChecks.check(
                new NewUser("Zo\u0000é", "Durand", "zoe@example.com", Language.FR, 30, Set.of(), false)));
        assertEquals(List.of(new Problem("firstName", "users.name.invalid")), refused.problems());
    }
}
