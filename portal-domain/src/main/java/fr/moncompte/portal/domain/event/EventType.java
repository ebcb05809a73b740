package fr.moncompte.portal.domain.event;

/**
 * The type of a {@link DomainEvent}, named by the module whose change it announces: each module keeps its own enum
 * ({@link AccountEventType} here, the billing module's for invoices and payments). On the wire an event's type is
 * that name, which a consumer maps to words of its own (the notifications module to what it tells people of).
 */
public interface EventType {

    String name();
}
