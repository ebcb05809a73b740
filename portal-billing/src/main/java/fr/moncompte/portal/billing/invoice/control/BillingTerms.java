package fr.moncompte.portal.billing.invoice.control;

import fr.moncompte.portal.domain.billable.boundary.Party;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;

/** The settings every invoice shares (seller, VAT rate, payment days), read from MicroProfile Config. */
@ApplicationScoped
public class BillingTerms {

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "portal.billing.vat-rate", defaultValue = "0.20")
    BigDecimal vatRate;

    @Inject
    @ConfigProperty(name = "portal.billing.payment-days", defaultValue = "30")
    int paymentDays;

    @Inject
    @ConfigProperty(name = "portal.billing.seller.name")
    String name;

    @Inject
    @ConfigProperty(name = "portal.billing.seller.siren")
    String siren;

    @Inject
    @ConfigProperty(name = "portal.billing.seller.vat-number")
    String vatNumber;

    @Inject
    @ConfigProperty(name = "portal.billing.seller.address-line")
    String addressLine;

    @Inject
    @ConfigProperty(name = "portal.billing.seller.postal-code")
    String postalCode;

    @Inject
    @ConfigProperty(name = "portal.billing.seller.city")
    String city;

    @Inject
    @ConfigProperty(name = "portal.billing.seller.country", defaultValue = "FR")
    String country;

    @Inject
    @ConfigProperty(name = "portal.billing.seller.legal-mentions")
    String legalMentions;

    public InvoiceComputation.Terms terms() {
        return new InvoiceComputation.Terms(new Party(name, siren, vatNumber, addressLine, postalCode, city, country),
                legalMentions, vatRate, paymentDays);
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }
}
