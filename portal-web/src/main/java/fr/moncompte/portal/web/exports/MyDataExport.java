package fr.moncompte.portal.web.exports;

import fr.moncompte.portal.domain.access.entity.AccessGrant;
import fr.moncompte.portal.domain.account.boundary.PersonalData;
import fr.moncompte.portal.domain.account.entity.SignInAttempt;
import fr.moncompte.portal.domain.account.entity.UserAccount;
import fr.moncompte.portal.domain.audit.entity.AuditEvent;
import fr.moncompte.portal.domain.organisation.entity.Company;
import fr.moncompte.portal.domain.organisation.entity.CustomerAccount;
import fr.moncompte.portal.domain.secondfactor.entity.SecondFactor;
import fr.moncompte.portal.domain.session.entity.UserSession;
import fr.moncompte.portal.notifications.inbox.boundary.Inbox;
import fr.moncompte.portal.notifications.inbox.boundary.InboxEntry;
import fr.moncompte.portal.notifications.preference.boundary.NotificationPreferences;
import fr.moncompte.portal.notifications.preference.boundary.PreferenceRow;
import jakarta.ejb.EJB;
import jakarta.json.Json;
import jakarta.json.stream.JsonGenerator;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * {@code /account/my-data.json}: everything the portal keeps about the signed-in person, as JSON (GDPR art. 15 and
 * 20, issue 21): their account, companies, administered accounts and access, sessions and sign-ins, second factors
 * (never a secret), the audit events about them or made by them, and their notifications and preferences. Times are
 * UTC, ISO 8601.
 */
@WebServlet("/account/my-data.json")
public class MyDataExport extends HttpServlet {

    private static final long serialVersionUID = 1L;
    /** Notifications read a page at a time. */
    static final int PAGE = 500;

    @EJB
    transient PersonalData personalData;

    @EJB
    transient Inbox inbox;

    @EJB
    transient NotificationPreferences preferences;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        PersonalData.Export mine = personalData.mine(request.getRemoteAddr());
        response.setContentType("application/json; charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"mes-donnees-" + LocalDate.now() + ".json\"");
        response.setHeader("Cache-Control", "private, no-store");
        write(mine, inbox, preferences, response.getOutputStream());
    }

    /** The person's data as JSON, written as it is read (the API's {@code /me/data} writes the same). */
    public static void write(PersonalData.Export mine, Inbox inbox, NotificationPreferences preferences,
                             java.io.OutputStream out) {
        try (JsonGenerator json = Json.createGeneratorFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true))
                .createGenerator(new OutputStreamWriter(out, StandardCharsets.UTF_8))) {
            json.writeStartObject();
            json.write("exportedAt", Instant.now().toString());
            account(json, mine.account());
            json.writeStartArray("companies");
            for (Company c : mine.companies()) {
                json.writeStartObject().write("id", c.getId()).write("legalName", c.getLegalName())
                        .write("siren", c.getSiren()).write("customerAccount", c.getCustomerAccount().getName())
                        .writeEnd();
            }
            json.writeEnd();
            json.writeStartArray("administeredAccounts");
            for (CustomerAccount a : mine.administered()) {
                json.writeStartObject().write("id", a.getId()).write("name", a.getName())
                        .write("kind", a.getKind().name()).writeEnd();
            }
            json.writeEnd();
            json.writeStartArray("access");
            for (AccessGrant g : mine.access()) {
                json.writeStartObject().write("company", g.getCompany().getLegalName())
                        .write("application", g.getApplication().getCode())
                        .write("grantedAt", g.getGrantedAt().toString());
                optional(json, "revokedAt", g.getRevokedAt());
                json.writeEnd();
            }
            json.writeEnd();
            json.writeStartArray("sessions");
            for (UserSession s : mine.sessions()) {
                json.writeStartObject().write("startedAt", s.getStartedAt().toString());
                optional(json, "lastSeenAt", s.getLastSeenAt());
                optional(json, "endedAt", s.getEndedAt());
                text(json, "sourceAddress", s.getSourceAddress());
                text(json, "userAgent", s.getUserAgent());
                json.writeEnd();
            }
            json.writeEnd();
            json.writeStartArray("signIns");
            for (SignInAttempt a : mine.signIns()) {
                json.writeStartObject().write("at", a.getOccurredAt().toString()).write("succeeded", a.isSucceeded());
                text(json, "sourceAddress", a.getSourceAddress());
                text(json, "userAgent", a.getUserAgent());
                json.writeEnd();
            }
            json.writeEnd();
            json.writeStartArray("secondFactors");
            for (SecondFactor f : mine.secondFactors()) {
                json.writeStartObject().write("kind", f.getKind().name());
                text(json, "name", f.getName());
                optional(json, "addedAt", f.getCreatedAt());
                optional(json, "lastUsedAt", f.getLastUsedAt());
                json.writeEnd();
            }
            json.writeEnd();
            json.writeStartArray("auditEvents");
            String me = Long.toString(mine.account().getId());
            for (AuditEvent e : mine.auditEvents()) {
                json.writeStartObject().write("at", e.getOccurredAt().toString()).write("action", e.getAction());
                if (UserAccount.AUDIT_TARGET.equals(e.getTargetType()) && me.equals(e.getTargetId())) {
                    text(json, "before", e.getBeforeState());
                    text(json, "after", e.getAfterState());
                } else {
                    // Something the person did to someone or something else: what, not the other's data.
                    text(json, "targetType", e.getTargetType());
                    text(json, "targetId", e.getTargetId());
                }
                text(json, "sourceAddress", e.getSourceAddress());
                json.writeEnd();
            }
            json.writeEnd();
            json.writeStartArray("notificationPreferences");
            for (PreferenceRow row : preferences.mine()) {
                json.writeStartObject().write("event", row.type().name()).write("mandatory", row.mandatory())
                        .write("email", row.email().delivery().name()).write("inApp", row.inApp().delivery().name())
                        .writeEnd();
            }
            json.writeEnd();
            json.writeStartArray("notifications");
            for (int first = 0; ; first += PAGE) {
                var page = inbox.page(first, PAGE);
                for (InboxEntry n : page) {
                    json.writeStartObject().write("event", n.eventType()).write("at", n.occurredAt().toString())
                            .write("read", n.read());
                    json.writeStartObject("facts");
                    n.facts().forEach(json::write);
                    json.writeEnd().writeEnd();
                }
                if (page.size() < PAGE) {
                    break;
                }
            }
            json.writeEnd();
            json.writeEnd();
        }
    }

    private static void account(JsonGenerator json, UserAccount a) {
        json.writeStartObject("account").write("id", a.getId()).write("email", a.getEmail())
                .write("firstName", a.getFirstName()).write("lastName", a.getLastName())
                .write("language", a.getLanguage().code()).write("status", a.getStatus().name())
                .write("operator", a.isOperator());
        text(json, "phone", a.getPhone());
        optional(json, "createdAt", a.getCreatedAt());
        optional(json, "passwordChangedAt", a.getPasswordChangedAt());
        json.writeEnd();
    }

    private static void optional(JsonGenerator json, String name, Instant value) {
        if (value == null) {
            json.writeNull(name);
        } else {
            json.write(name, value.toString());
        }
    }

    private static void text(JsonGenerator json, String name, String value) {
        if (value == null) {
            json.writeNull(name);
        } else {
            json.write(name, value);
        }
    }
}
