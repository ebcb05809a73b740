package fr.moncompte.portal.domain.organisation.control;

import fr.moncompte.portal.domain.MigratedDatabase;
import fr.moncompte.portal.domain.Tenants;
import fr.moncompte.portal.domain.account.entity.AccountStatus;
import fr.moncompte.portal.domain.account.entity.UserAccount;
import fr.moncompte.portal.domain.organisation.entity.CustomerAccount;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SPEC §4 rule 4, as {@link Administrators} counts on the real schema: nobody disables or demotes the last active
 * administrator of a customer account ({@code PeopleDirectory.changeStatus} and {@code AccountRoles.change} ask it).
 */
class AdministratorsTest {

    @RegisterExtension
    static final MigratedDatabase database = MigratedDatabase.domain();

    Tenants tenants;
    Administrators administrators = new Administrators();
    long martin;
    long claire;

    @BeforeEach
    void writeAccount() {
        tenants = new Tenants(database.em());
        administrators.em = database.em();
        martin = tenants.clientAccount("Martin");
        claire = tenants.person("Claire", "Martin");
        tenants.administers(claire, martin);
    }

    @Test
    void an_administrator_with_an_active_colleague_is_not_the_last() {
        tenants.administers(tenants.person("Denis", "Martin"), martin);
        assertFalse(administrators.isLastActive(user(claire), account(martin)));
        assertFalse(administrators.isLastActiveAnywhere(user(claire)));
    }

    @Test
    void colleagues_who_cannot_sign_in_leave_the_last_active_administrator_alone() {
        tenants.administers(tenants.person("Denis", "Martin", AccountStatus.INVITED), martin);
        tenants.administers(tenants.person("Eve", "Martin", AccountStatus.LOCKED), martin);
        tenants.administers(tenants.person("Fred", "Martin", AccountStatus.DISABLED), martin);
        assertTrue(administrators.isLastActive(user(claire), account(martin)));
        assertTrue(administrators.isLastActiveAnywhere(user(claire)));
    }

    @Test
    void the_active_administrators_of_another_account_do_not_count() {
        long petit = tenants.clientAccount("Petit");
        tenants.administers(tenants.person("Luc", "Petit"), petit);
        // Claire belongs to Petit's company without administering the account.
        tenants.belongs(claire, tenants.company(petit, "Garage Petit"));
        assertTrue(administrators.isLastActive(user(claire), account(martin)));
    }

    @Test
    void the_last_active_administrator_of_any_one_of_their_accounts_is_the_last() {
        tenants.administers(tenants.person("Denis", "Martin"), martin);
        long traiteur = tenants.clientAccount("Martin Traiteur");
        tenants.administers(claire, traiteur);
        assertFalse(administrators.isLastActive(user(claire), account(martin)));
        assertTrue(administrators.isLastActive(user(claire), account(traiteur)));
        assertTrue(administrators.isLastActiveAnywhere(user(claire)));
    }

    @Test
    void someone_who_administers_no_account_is_never_the_last() {
        long paul = tenants.person("Paul", "Lefèvre");
        tenants.belongs(paul, tenants.company(martin, "Boulangerie Martin"));
        assertEquals(List.of(), administrators.administeredBy(user(paul)));
        assertFalse(administrators.isLastActiveAnywhere(user(paul)));
    }

    @Test
    void the_accounts_an_administrator_administers_are_theirs_only() {
        long traiteur = tenants.clientAccount("Martin Traiteur");
        tenants.administers(claire, traiteur);
        long petit = tenants.clientAccount("Petit");
        tenants.administers(tenants.person("Luc", "Petit"), petit);
        assertEquals(List.of(martin, traiteur),
                administrators.administeredBy(user(claire)).stream().map(CustomerAccount::getId).sorted().toList());
    }

    private UserAccount user(long id) {
        return database.em().find(UserAccount.class, id);
    }

    private CustomerAccount account(long id) {
        return database.em().find(CustomerAccount.class, id);
    }
}
