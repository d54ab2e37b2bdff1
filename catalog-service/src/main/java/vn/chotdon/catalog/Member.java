package vn.chotdon.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import vn.chotdon.platform.persistence.TrackedEntity;

/** A member producer of a cooperative: the household that makes a product. */
@Entity
@Table(name = "member")
public class Member extends TrackedEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "cooperative_id", nullable = false, updatable = false)
    public Long cooperativeId;

    @Column(nullable = false)
    public String name;

    /** Normalised, +84… */
    public String phone;

    public String commune;
}
