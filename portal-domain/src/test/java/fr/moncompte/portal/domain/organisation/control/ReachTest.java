package fr.moncompte.portal.domain.organisation.control;

import fr.moncompte.portal.domain.organisation.entity.BillingMode;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static fr.moncompte.portal.domain.organisation.entity.BillingMode.DIRECT;
import static fr.moncompte.portal.domain.organisation.entity.BillingMode.FIRM;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SPEC §4 rules 1 and 3 on {@link Reach}, without a database: account 10 is a client's, firm 7 an accounting firm.
 * {@code ScopeTest} checks on the real schema that the query conditions say the same.
 */
class ReachTest {

    static final long ACCOUNT = 10;
    static final long OTHER_ACCOUNT = 11;
    static final long FIRM_ID = 7;
    static final long OTHER_FIRM = 8;

    final Reach clientAdministrator = new Reach(false, Set.of(ACCOUNT), Set.of());
    final Reach firmAdministrator = new Reach(false, Set.of(), Set.of(FIRM_ID));
    final Reach both = new Reach(false, Set.of(ACCOUNT), Set.of(FIRM_ID));
    final Reach operator = new Reach(true, Set.of(), Set.of());
    final Reach member = new Reach(false, Set.of(), Set.of());

    @Test
    void a_client_administrator_sees_every_company_of_the_account_and_changes_the_direct_billed_ones() {
        assertTrue(clientAdministrator.sees(ACCOUNT, DIRECT, null));
        assertTrue(clientAdministrator.mayChange(ACCOUNT, DIRECT, null));
        assertTrue(clientAdministrator.sees(ACCOUNT, FIRM, FIRM_ID), "billed through a firm: still theirs to read");
        assertFalse(clientAdministrator.mayChange(ACCOUNT, FIRM, FIRM_ID), "the firm acts on it");
        assertFalse(clientAdministrator.sees(OTHER_ACCOUNT, DIRECT, null));
        assertFalse(clientAdministrator.mayChange(OTHER_ACCOUNT, DIRECT, null));
    }

    @Test
    void a_firm_administrator_sees_and_changes_what_the_firm_bills_and_nothing_it_no_longer_bills() {
        assertTrue(firmAdministrator.sees(OTHER_ACCOUNT, FIRM, FIRM_ID));
        assertTrue(firmAdministrator.mayChange(OTHER_ACCOUNT, FIRM, FIRM_ID));
        assertFalse(firmAdministrator.sees(OTHER_ACCOUNT, DIRECT, FIRM_ID), "DIRECT again, though it keeps the firm");
        assertFalse(firmAdministrator.mayChange(OTHER_ACCOUNT, DIRECT, FIRM_ID));
        assertFalse(firmAdministrator.sees(OTHER_ACCOUNT, FIRM, OTHER_FIRM), "another firm's");
        assertFalse(firmAdministrator.sees(OTHER_ACCOUNT, FIRM, null));
    }

    @Test
    void operators_see_everything_and_change_nothing_and_a_member_neither() {
        for (BillingMode billing : BillingMode.values()) {
            assertTrue(operator.sees(OTHER_ACCOUNT, billing, FIRM_ID));
            assertFalse(operator.mayChange(OTHER_ACCOUNT, billing, FIRM_ID));
            assertFalse(member.sees(ACCOUNT, billing, FIRM_ID));
            assertFalse(member.mayChange(ACCOUNT, billing, FIRM_ID));
        }
    }

    @Test
    void an_administrator_of_a_client_and_of_a_firm_has_both_reaches() {
        assertTrue(both.mayChange(ACCOUNT, DIRECT, null));
        assertTrue(both.mayChange(OTHER_ACCOUNT, FIRM, FIRM_ID));
        assertTrue(both.mayChange(ACCOUNT, FIRM, FIRM_ID), "their own client billed through their own firm");
        assertFalse(both.mayChange(ACCOUNT, FIRM, OTHER_FIRM), "billed through another firm: that firm acts");
        assertTrue(both.sees(ACCOUNT, FIRM, OTHER_FIRM));
    }

    @Test
    void a_condition_names_only_the_callers_alias_and_its_own_parameters() {
        Condition seen = clientAdministrator.companiesSeen("co");
        assertEquals("(co.customerAccount.id in :scope_co_accounts or (co.billingMode = :scope_co_firmBilled and"
                + " co.accountingFirm.id in :scope_co_firms))", seen.jpql());
        assertEquals(Map.of("scope_co_accounts", List.of(ACCOUNT), "scope_co_firmBilled", FIRM,
                "scope_co_firms", List.of(-1L)), seen.parameters(), "an empty list stands as -1");
        assertEquals("1 = 1", operator.companiesSeen("c").jpql());
        assertTrue(operator.companiesSeen("c").parameters().isEmpty());
        assertTrue(firmAdministrator.companiesChangeable("c").jpql().contains(":scope_c_direct"));
        assertThrows(IllegalArgumentException.class, () -> member.companiesSeen("c or 1=1"),
                "an alias is an identifier, nothing else");
    }
}
