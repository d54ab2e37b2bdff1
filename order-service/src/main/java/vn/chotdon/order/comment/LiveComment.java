package vn.chotdon.order.comment;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A live comment as stored, read only through Hibernate: it is written with native statements (an
 * INSERT IGNORE that decides duplicates, conditional UPDATEs that decide each comment once).
 */
@Entity
@Table(name = "live_comment")
public class LiveComment extends PanacheEntityBase {

    @Id
    public Long id;

    @Column(name = "session_id", nullable = false)
    public Long sessionId;

    @Column(name = "cooperative_id", nullable = false)
    public Long cooperativeId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CommentPlatform platform;

    @Column(name = "platform_comment_id", nullable = false)
    public String platformCommentId;

    @Column(name = "commenter_name", nullable = false)
    public String commenterName;

    @Column(name = "commenter_id", nullable = false)
    public String commenterId;

    @Column(nullable = false)
    public String text;

    @Column(name = "commented_at", nullable = false)
    public Instant commentedAt;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CommentState state;

    @Column(name = "lines_json")
    public String linesJson;

    public String phone;

    @Column(name = "reasons_json")
    public String reasonsJson;

    @Column(name = "order_code")
    public String orderCode;

    @Column(name = "decided_by")
    public String decidedBy;

    @Column(name = "decided_at")
    public Instant decidedAt;

    @Column(name = "decision_note")
    public String decisionNote;
}
