package fr.moncompte.portal.domain;

import fr.moncompte.portal.domain.Tenants.Firm;
import fr.moncompte.portal.domain.organisation.entity.BillingMode;

import java.util.List;

/**
 * Two client accounts, two accounting firms and an operator: the cases the scope rules (SPEC §4 rules 1 and 3) must
 * tell apart. Ids of people and companies.
 * <ul>
 *   <li>Martin, a client account administered by Claire: "Boulangerie Martin" billed DIRECT (it keeps the id of the
 *   firm Durand, which billed it before, as in the demo data) and "Martin Traiteur" billed through Durand.</li>
 *   <li>Petit, a client account administered by Luc: "Garage Petit" DIRECT, "Carrosserie Petit" billed through
 *   Durand, "Atelier Petit" billed through another firm, Legrand. Claire belongs to "Garage Petit" too: a membership,
 *   not an administration.</li>
 *   <li>The firm Durand, administered by Marc, with a company of its own ("Cabinet Durand", DIRECT on the firm's
 *   account); the firm Legrand, administered by Gilles.</li>
 *   <li>Olivia, an operator.</li>
 * </ul>
 */
public record ScopeFixture(long olivia, long claire, long paul, long lea, long luc, long emma, long hugo, long ines,
                           long marc, long sophie, long gilles,
                           long boulangerie, long traiteur, long garage, long carrosserie, long atelier,
                           long cabinetDurand) {

    public static ScopeFixture write(Tenants tenants) {
        long olivia = tenants.operator("Olivia", "Perrin");

        Firm durand = tenants.firm("Cabinet Durand & Associés");
        long marc = tenants.person("Marc", "Durand");
        tenants.administers(marc, durand.account());
        long cabinetDurand = tenants.company(durand.account(), "Cabinet Durand");
        long sophie = tenants.person("Sophie", "Morel");
        tenants.belongs(sophie, cabinetDurand);

        Firm legrand = tenants.firm("Legrand Expertise");
        long gilles = tenants.person("Gilles", "Legrand");
        tenants.administers(gilles, legrand.account());

        long martin = tenants.clientAccount("Martin");
        long claire = tenants.person("Claire", "Martin");
        tenants.administers(claire, martin);
        long boulangerie = tenants.company(martin, "Boulangerie Martin", BillingMode.DIRECT, durand);
        long traiteur = tenants.companyBilledThrough(durand, martin, "Martin Traiteur");
        long paul = tenants.person("Paul", "Lefèvre");
        tenants.belongs(paul, boulangerie);
        tenants.belongs(claire, boulangerie);
        long lea = tenants.person("Léa", "Bernard");
        tenants.belongs(lea, traiteur);

        long petit = tenants.clientAccount("Petit");
        long luc = tenants.person("Luc", "Petit");
        tenants.administers(luc, petit);
        long garage = tenants.company(petit, "Garage Petit");
        long carrosserie = tenants.companyBilledThrough(durand, petit, "Carrosserie Petit");
        long atelier = tenants.companyBilledThrough(legrand, petit, "Atelier Petit");
        long emma = tenants.person("Emma", "Roux");
        tenants.belongs(emma, garage);
        tenants.belongs(claire, garage);
        long hugo = tenants.person("Hugo", "Blanc");
        tenants.belongs(hugo, carrosserie);
        long ines = tenants.person("Inès", "Faure");
        tenants.belongs(ines, atelier);

        return new ScopeFixture(olivia, claire, paul, lea, luc, emma, hugo, ines, marc, sophie, gilles,
                boulangerie, traiteur, garage, carrosserie, atelier, cabinetDurand);
    }

    public List<Long> companies() {
        return List.of(boulangerie, traiteur, garage, carrosserie, atelier, cabinetDurand);
    }

    /** Everyone, members of a company or not. */
    public List<Long> people() {
        return List.of(olivia, claire, paul, lea, luc, emma, hugo, ines, marc, sophie, gilles);
    }
}
