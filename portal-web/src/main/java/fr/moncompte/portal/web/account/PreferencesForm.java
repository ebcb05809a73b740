package fr.moncompte.portal.web.account;

import fr.moncompte.portal.domain.PortalException;
import fr.moncompte.portal.notifications.preference.boundary.NotificationPreferences;
import fr.moncompte.portal.notifications.preference.boundary.PreferenceRow;
import fr.moncompte.portal.notifications.preference.entity.Channel;
import fr.moncompte.portal.notifications.preference.entity.Delivery;
import fr.moncompte.portal.notifications.topic.Topic;
import fr.moncompte.portal.web.i18n.PageMessages;
import fr.moncompte.portal.web.session.FacesRequests;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Mon compte › Informations › Notifications: per event type and channel, off, as it happens or in the daily digest;
 * mandatory ones locked, as they happen.
 */
@Named
@ViewScoped
public class PreferencesForm implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    NotificationPreferences preferences;

    @Inject
    PageMessages messages;

    private List<Line> lines;

    public List<Line> getLines() {
        if (lines == null) {
            lines = preferences.mine().stream().map(Line::new).toList();
        }
        return lines;
    }

    /** The choices of a switchable channel, in the form's order. */
    public Delivery[] getDeliveries() {
        return Delivery.values();
    }

    public void save() {
        Map<Topic, Map<Channel, Delivery>> wanted = new EnumMap<>(Topic.class);
        for (Line line : getLines()) {
            Map<Channel, Delivery> channels = new EnumMap<>(Channel.class);
            if (line.isEmailOffered()) {
                channels.put(Channel.EMAIL, line.getEmail());
            }
            if (line.isInAppOffered()) {
                channels.put(Channel.IN_APP, line.getInApp());
            }
            wanted.put(line.getType(), channels);
        }
        try {
            preferences.save(wanted, FacesRequests.sourceAddress());
            lines = null;
            messages.formInfo("preferences", "preferences.saved");
        } catch (PortalException refused) {
            messages.formError("preferences", refused.messageKey());
        }
    }

    /** One event type as the form edits it. */
    public static class Line implements Serializable {

        private static final long serialVersionUID = 1L;

        private final Topic type;
        private final boolean mandatory;
        private final boolean emailOffered;
        private final boolean inAppOffered;
        private Delivery email;
        private Delivery inApp;

        Line(PreferenceRow row) {
            this.type = row.type();
            this.mandatory = row.mandatory();
            this.emailOffered = row.email().offered();
            this.inAppOffered = row.inApp().offered();
            this.email = row.email().delivery();
            this.inApp = row.inApp().delivery();
        }

        public Topic getType() {
            return type;
        }

        public boolean isMandatory() {
            return mandatory;
        }

        public boolean isEmailOffered() {
            return emailOffered;
        }

        public boolean isInAppOffered() {
            return inAppOffered;
        }

        public Delivery getEmail() {
            return email;
        }

        public void setEmail(Delivery email) {
            if (!mandatory && email != null) {
                this.email = email;
            }
        }

        public Delivery getInApp() {
            return inApp;
        }

        public void setInApp(Delivery inApp) {
            if (!mandatory && inApp != null) {
                this.inApp = inApp;
            }
        }
    }
}
