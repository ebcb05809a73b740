package fr.moncompte.portal.domain.help.boundary;

import fr.moncompte.portal.domain.LimitReached;
import fr.moncompte.portal.domain.PortalException;
import fr.moncompte.portal.domain.Roles;
import fr.moncompte.portal.domain.account.entity.Language;
import fr.moncompte.portal.domain.help.entity.HelpFeedback;
import fr.moncompte.portal.domain.help.entity.HelpTopic;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * "Cet article a-t-il été utile ?": every signed-in person may answer, yes or no with an optional comment; operators
 * read the answers, newest first, and how many said yes and no per article.
 */
@Stateless
@RolesAllowed(Roles.USER)
public class HelpFeedbacks {

    /** Answers a person may give in an hour; more are refused, so that nobody floods the operators' list. */
    static final int PER_HOUR = 20;

    @Inject
    Clock clock;

    /** How one article fares. */
    public record Summary(HelpTopic topic, long helpful, long notHelpful) {
    }

    @PersistenceContext(unitName = "domain")
    EntityManager em;

    @Resource
    SessionContext session;

    /**
     * @throws PortalException {@code help.comment.tooLong} beyond 1,000 characters, {@code help.tooMany} past the
     *                         hourly limit
     */
    public void record(HelpTopic topic, Language language, boolean helpful, String comment) {
        String text = comment == null || comment.isBlank() ? null
                : comment.strip().replaceAll("[\\p{Cntrl}&&[^\\n\\t]]", "");
        if (text != null && text.length() > HelpFeedback.COMMENT_LENGTH) {
            throw new PortalException("help.comment.tooLong");
        }
        long me = Long.parseLong(session.getCallerPrincipal().getName());
        Instant now = clock.instant();
        long lastHour = em.createQuery("""
                        select count(f) from HelpFeedback f where f.userId = :me and f.createdAt > :since""", Long.class)
                .setParameter("me", me).setParameter("since", now.minus(Duration.ofHours(1))).getSingleResult();
        if (lastHour >= PER_HOUR) {
            throw new LimitReached("help.tooMany");
        }
        em.persist(new HelpFeedback(topic, language, helpful, text, me, now));
    }

    /** The answers about one article (or all, for null), newest first. */
    @RolesAllowed(Roles.OPERATOR)
    public List<HelpFeedback> find(HelpTopic topic, int first, int max) {
        return select("select f from HelpFeedback f", topic, " order by f.createdAt desc, f.id desc",
                HelpFeedback.class).setFirstResult(first).setMaxResults(max).getResultList();
    }

    @RolesAllowed(Roles.OPERATOR)
    public long count(HelpTopic topic) {
        return select("select count(f) from HelpFeedback f", topic, "", Long.class).getSingleResult();
    }

    @RolesAllowed(Roles.OPERATOR)
    public List<Summary> summary() {
        return Arrays.stream(HelpTopic.values()).map(topic -> new Summary(topic, answers(topic, true),
                answers(topic, false))).toList();
    }

    private long answers(HelpTopic topic, boolean helpful) {
        return em.createQuery("select count(f) from HelpFeedback f where f.topic = :topic and f.helpful = :helpful",
                Long.class).setParameter("topic", topic).setParameter("helpful", helpful).getSingleResult();
    }

    private <T> TypedQuery<T> select(String select, HelpTopic topic, String orderBy, Class<T> type) {
        TypedQuery<T> query = em.createQuery(select + (topic == null ? "" : " where f.topic = :topic") + orderBy, type);
        return topic == null ? query : query.setParameter("topic", topic);
    }
}
