package vn.chotdon.platform.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * An entity that staff edit: when it was created and last changed (UTC, to the microsecond a
 * DATETIME(6) column keeps), and a version for optimistic locking, so that two staff saving the
 * same record at once cannot silently overwrite each other. Its table needs the columns
 * created_at, updated_at and version.
 */
@MappedSuperclass
public abstract class TrackedEntity extends PanacheEntityBase {

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    @PrePersist
    @PreUpdate
    void touch() {
        updatedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        if (createdAt == null) {
            createdAt = updatedAt;
        }
    }
}
