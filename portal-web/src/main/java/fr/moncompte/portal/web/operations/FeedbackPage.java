package fr.moncompte.portal.web.operations;

import fr.moncompte.portal.domain.help.boundary.HelpFeedbacks;
import fr.moncompte.portal.domain.help.boundary.HelpFeedbacks.Summary;
import fr.moncompte.portal.domain.help.entity.HelpFeedback;
import fr.moncompte.portal.domain.help.entity.HelpTopic;
import fr.moncompte.portal.web.i18n.LocaleSelection;
import fr.moncompte.portal.web.i18n.TimeDisplay;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/** "Back-office › Avis sur l'aide": yes and no per article, and the answers with their comments, newest first. */
@Named
@ViewScoped
public class FeedbackPage implements Serializable {

    private static final long serialVersionUID = 1L;

    static final int PAGE_SIZE = 25;

    @EJB
    HelpFeedbacks feedbacks;

    @Inject
    TimeDisplay timeDisplay;

    @Inject
    LocaleSelection localeSelection;

    private String topicCode;
    private HelpTopic topic;

    private final LazyDataModel<HelpFeedback> model = new LazyDataModel<>() {
        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return (int) Math.min(Integer.MAX_VALUE, feedbacks.count(topic));
        }

        @Override
        public List<HelpFeedback> load(int first, int pageSize, Map<String, SortMeta> sortBy,
                                       Map<String, FilterMeta> filterBy) {
            return feedbacks.find(topic, first, pageSize);
        }

        @Override
        public String getRowKey(HelpFeedback feedback) {
            return String.valueOf(feedback.getId());
        }
    };

    public void apply() {
        topic = HelpTopic.fromCode(topicCode).orElse(null);
    }

    public List<Summary> getSummary() {
        return feedbacks.summary();
    }

    public List<HelpTopic> getTopics() {
        return List.of(HelpTopic.values());
    }

    public String when(HelpFeedback feedback) {
        return timeDisplay.format(feedback.getCreatedAt(), localeSelection.getLocale());
    }

    public LazyDataModel<HelpFeedback> getModel() {
        return model;
    }

    public int getPageSize() {
        return PAGE_SIZE;
    }

    public String getTopicCode() {
        return topicCode;
    }

    public void setTopicCode(String topicCode) {
        this.topicCode = topicCode;
    }
}
