package vn.chotdon.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import vn.chotdon.platform.persistence.TrackedEntity;

/** An agricultural cooperative (hợp tác xã, HTX) that sells for its member households. */
@Entity
@Table(name = "cooperative")
public class Cooperative extends TrackedEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public String name;

    public String province;

    public String commune;

    /** Normalised, +84… */
    public String phone;
}
