package vn.chotdon.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;
import vn.chotdon.platform.persistence.TrackedEntity;
import vn.chotdon.platform.text.VietnameseText;

/** Something a cooperative sells, made by one of its member households. */
@Entity
@Table(name = "product")
public class Product extends TrackedEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "cooperative_id", nullable = false, updatable = false)
    public Long cooperativeId;

    @Column(name = "member_id")
    public Long memberId;

    @Column(nullable = false)
    public String name;

    /** The name folded for search (lower case, no diacritics), kept in step with {@link #name}. */
    @Column(name = "search_name", nullable = false)
    String searchName;

    public String description;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Unit unit;

    /** Whole VND. */
    @Column(name = "price_vnd", nullable = false)
    public long priceVnd;

    /** OCOP ("One Commune One Product") rating, 3 to 5 stars, if the product has one. */
    @Column(name = "ocop_stars")
    public Integer ocopStars;

    @Column(name = "origin_commune")
    public String originCommune;

    @Convert(converter = UrlListConverter.class)
    @Column(name = "image_urls", nullable = false)
    public List<String> imageUrls = new ArrayList<>();

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ProductStatus status = ProductStatus.DRAFT;

    @PrePersist
    @PreUpdate
    void foldName() {
        searchName = VietnameseText.fold(name);
    }
}
