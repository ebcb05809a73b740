package fr.moncompte.portal.web.inbox;

import fr.moncompte.portal.domain.NotFound;
import fr.moncompte.portal.notifications.inbox.boundary.Inbox;
import fr.moncompte.portal.notifications.inbox.boundary.InboxEntry;
import fr.moncompte.portal.web.i18n.LocaleSelection;
import fr.moncompte.portal.web.i18n.PageMessages;
import fr.moncompte.portal.web.i18n.Texts;
import fr.moncompte.portal.web.i18n.TimeDisplay;
import fr.moncompte.portal.web.security.SignInMechanism;
import jakarta.ejb.EJB;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.IOException;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * Mon compte › Notifications: the in-app notifications, newest first, twenty a page (paged in the database), each
 * saying in words whether it is read; opening one marks it read and goes to the page it is about.
 */
@Named
@ViewScoped
public class InboxPage implements Serializable {

    private static final long serialVersionUID = 1L;
    static final int PAGE_SIZE = 20;

    @EJB
    Inbox inbox;

    @Inject
    Texts t;

    @Inject
    TimeDisplay time;

    @Inject
    LocaleSelection localeSelection;

    @Inject
    PageMessages messages;

    @Inject
    InboxBell bell;

    private int first;
    private transient List<InboxEntry> entries;
    private transient Long count;

    public List<InboxEntry> getEntries() {
        if (entries == null) {
            entries = inbox.page(first, PAGE_SIZE);
        }
        return entries;
    }

    public long getCount() {
        if (count == null) {
            count = inbox.count();
        }
        return count;
    }

    /** The entry's sentence in the page's language, from its event type and facts. */
    public String text(InboxEntry entry) {
        String key = "inbox." + entry.eventType();
        return switch (entry.eventType()) {
            case "ACCESS_GRANTED", "ACCESS_REVOKED" -> t.format(key,
                    entry.facts().getOrDefault("application." + localeSelection.getLanguage(), ""),
                    entry.facts().getOrDefault("company", ""));
            case "INVOICE_ISSUED", "INVOICE_OVERDUE", "PAYMENT_FAILED", "PAYMENT_RECEIVED" -> t.format(key,
                    entry.facts().getOrDefault("number", ""), entry.facts().getOrDefault("company", ""),
                    time.money(new BigDecimal(entry.facts().getOrDefault("amount", "0"))),
                    time.day(LocalDate.parse(entry.facts().getOrDefault("due", "1970-01-01"))));
            case "MEMBERSHIP_ENDED" -> t.format(key, entry.facts().getOrDefault("company", ""));
            case "BILLING_ARRANGEMENT_CHANGED" -> t.format(key, entry.facts().getOrDefault("company", ""),
                    time.month(YearMonth.parse(entry.facts().getOrDefault("month", "1970-01"))),
                    entry.facts().getOrDefault("billedTo", ""));
            case "COMPANY_INVITATION" -> t.format(key, entry.facts().getOrDefault("inviter", ""),
                    entry.facts().getOrDefault("company", ""));
            default -> t.get(key);
        };
    }

    public String when(InboxEntry entry) {
        return time.format(entry.occurredAt(), localeSelection.getLocale());
    }

    /** Marks the entry read and goes to its page, or stays here when it has none. */
    public void open(long id) throws IOException {
        try {
            InboxEntry entry = inbox.open(id);
            if (entry.link() != null && SignInMechanism.isLocalPage("/" + entry.link())) {
                ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
                external.redirect(external.getRequestContextPath() + "/" + entry.link());
                return;
            }
            refresh();
        } catch (NotFound gone) {
            messages.error("inbox.gone");
            refresh();
        }
    }

    public void markRead(long id) {
        try {
            inbox.open(id);
            messages.info("inbox.markedRead");
        } catch (NotFound gone) {
            messages.error("inbox.gone");
        }
        refresh();
    }

    public void markAllRead() {
        int marked = inbox.markAllRead();
        messages.info(marked == 0 ? "inbox.nothingUnread" : "inbox.allMarkedRead", marked);
        refresh();
    }

    public void newer() {
        first = Math.max(0, first - PAGE_SIZE);
        refresh();
    }

    public void older() {
        if (first + PAGE_SIZE < getCount()) {
            first += PAGE_SIZE;
        }
        refresh();
    }

    public boolean isHasNewer() {
        return first > 0;
    }

    public boolean isHasOlder() {
        return first + PAGE_SIZE < getCount();
    }

    /** "1–20 of 45" */
    public String getRange() {
        return getCount() == 0 ? "" : t.format("inbox.range", first + 1, Math.min(first + PAGE_SIZE, getCount()),
                getCount());
    }

    private void refresh() {
        entries = null;
        count = null;
        bell.changed();
    }
}
