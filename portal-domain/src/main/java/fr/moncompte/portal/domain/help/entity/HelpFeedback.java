package fr.moncompte.portal.domain.help.entity;

import fr.moncompte.portal.domain.account.entity.Language;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** One answer to "Cet article a-t-il été utile ?": the article, its language, yes or no, an optional comment. */
@Entity
@Table(name = "help_feedback")
public class HelpFeedback {

    public static final int COMMENT_LENGTH = 1000;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "domain_seq")
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private HelpTopic topic;

    @Column(nullable = false)
    private Language language;

    @Column(nullable = false)
    private boolean helpful;

    @Column(name = "comment_text")
    private String comment;

    @Column(name = "user_account_id")
    private Long userId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected HelpFeedback() {
    }

    public HelpFeedback(HelpTopic topic, Language language, boolean helpful, String comment, Long userId,
                        Instant createdAt) {
        this.topic = topic;
        this.language = language;
        this.helpful = helpful;
        this.comment = comment;
        this.userId = userId;
        this.createdAt = createdAt;
    }

    public Long getId() {
        return id;
    }

    public HelpTopic getTopic() {
        return topic;
    }

    public Language getLanguage() {
        return language;
    }

    public boolean isHelpful() {
        return helpful;
    }

    public String getComment() {
        return comment;
    }

    public Long getUserId() {
        return userId;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
