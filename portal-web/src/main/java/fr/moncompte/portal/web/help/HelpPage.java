package fr.moncompte.portal.web.help;

import fr.moncompte.portal.domain.PortalException;
import fr.moncompte.portal.domain.help.boundary.HelpFeedbacks;
import fr.moncompte.portal.domain.help.entity.HelpTopic;
import fr.moncompte.portal.web.error.NotFoundAnswer;
import fr.moncompte.portal.web.i18n.LocaleSelection;
import fr.moncompte.portal.web.i18n.PageMessages;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.IOException;
import java.io.Serializable;

/**
 * A help article, in the page's language, shipped with the portal ({@code /WEB-INF/help/<topic>_<language>.xhtml}),
 * ending with "Cet article a-t-il été utile ?": yes or no, and an optional comment, stored for operators. An unknown
 * topic is "not found".
 */
@Named
@ViewScoped
public class HelpPage implements Serializable {

    private static final long serialVersionUID = 1L;

    static final String FORM = "feedback";

    @EJB
    HelpFeedbacks feedbacks;

    @Inject
    LocaleSelection localeSelection;

    @Inject
    PageMessages messages;

    private String topicCode;
    private HelpTopic topic;
    private Boolean helpful;
    private String comment;
    private boolean answered;

    public void open() throws IOException {
        topic = HelpTopic.fromCode(topicCode).orElse(null);
        if (topic == null) {
            NotFoundAnswer.send();
        }
    }

    /** The article's file for the page's language. */
    public String getArticle() {
        return "/WEB-INF/help/" + (topic == null ? HelpTopic.ACCOUNT : topic).code() + "_"
                + localeSelection.current().code() + ".xhtml";
    }

    public void send() {
        if (helpful == null) {
            messages.fieldError(FORM + ":helpful", "help.answer.required");
            return;
        }
        try {
            feedbacks.record(topic, localeSelection.current(), helpful, comment);
            answered = true;
            messages.formInfo(FORM, "help.thanks");
        } catch (PortalException refused) {
            messages.fieldErrorKeeping(FORM + ":comment", comment, refused.messageKey());
        }
    }

    public HelpTopic getTopic() {
        return topic;
    }

    public String getTopicCode() {
        return topicCode;
    }

    public void setTopicCode(String topicCode) {
        this.topicCode = topicCode;
    }

    public Boolean getHelpful() {
        return helpful;
    }

    public void setHelpful(Boolean helpful) {
        this.helpful = helpful;
    }

    public String getComment() {
        return comment;
    }

    public void setComment(String comment) {
        this.comment = comment;
    }

    public boolean isAnswered() {
        return answered;
    }
}
