package vn.chotdon.catalog.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import jakarta.ws.rs.BadRequestException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import vn.chotdon.catalog.Cooperative;
import vn.chotdon.catalog.Member;
import vn.chotdon.catalog.Product;
import vn.chotdon.catalog.ProductStatus;
import vn.chotdon.catalog.ProductStock;
import vn.chotdon.events.CatalogEventTypes;
import vn.chotdon.platform.problem.ProblemException;
import vn.chotdon.platform.text.VietnameseText;

@ApplicationScoped
public class ProductService {

    private final CatalogEvents events;
    private final ObjectMapper json;
    private final Validator validator;

    ProductService(CatalogEvents events, ObjectMapper json, Validator validator) {
        this.events = events;
        this.json = json;
        this.validator = validator;
    }

    /** Filters of the product listing; null means any. */
    public record ProductQuery(Long cooperativeId, ProductStatus status, String text) {
    }

    public record ProductPage(List<Product> items, long total) {
    }

    /**
     * Who is looking at products, so that the query lets through only what they may see: ACTIVE
     * products for everyone, also every product of their own cooperative for its owner and staff,
     * and every product for another service.
     *
     * @param cooperative the viewer's own cooperative, or null
     * @param seesEveryProduct true for another service
     */
    public record Viewer(Long cooperative, boolean seesEveryProduct) {
    }

    /**
     * An owner or staff member creates products only for their own cooperative; naming another one
     * is answered like naming one that does not exist.
     */
    @Transactional
    public Product create(ProductDraft draft, Long scope) {
        Parameters cooperative = Parameters.with("id", draft.cooperativeId());
        if (Cooperative.count(CooperativeScope.restrict("id = :id", cooperative, "id", scope), cooperative) == 0) {
            throw ProblemException.invalidReference("cooperativeId",
                    "cooperative " + draft.cooperativeId() + " does not exist");
        }
        Product product = new Product();
        product.cooperativeId = draft.cooperativeId();
        apply(product, new ProductChange(draft.memberId(), draft.name(), draft.description(), draft.unit(),
                draft.priceVnd(), draft.ocopStars(), draft.originCommune(), draft.imageUrls()));
        product.persistAndFlush();
        ProductStock.emptyFor(product.id).persist();
        events.productChanged(CatalogEventTypes.PRODUCT_CREATED, product);
        return product;
    }

    /** A product as this viewer may see it; one they may not see does not exist for them. */
    @Transactional
    public Product get(long id, Viewer viewer) {
        Parameters parameters = Parameters.with("id", id);
        Product product = Product.<Product>find("id = :id and " + visibleTo(viewer, parameters), parameters)
                .firstResult();
        if (product == null) {
            throw ProblemException.notFound("Product", id);
        }
        return product;
    }

    @Transactional
    public Product replace(long id, ProductChange change, Long scope) {
        Product product = editable(id, scope);
        if (product.status == ProductStatus.RETIRED) {
            throw ProblemException.conflict("product-retired", "Product is retired",
                    "Product " + id + " is retired and can no longer be changed");
        }
        apply(product, change);
        product.flush();
        events.productChanged(CatalogEventTypes.PRODUCT_UPDATED, product);
        return product;
    }

    /**
     * Applies a JSON merge patch (RFC 7396) to the product's changeable fields: a member that is
     * present replaces the value, null clears it, an absent one keeps it. A member that is not a
     * field of the product is refused (400), never ignored.
     */
    @Transactional
    public Product patch(long id, JsonNode patch, Long scope) {
        if (patch == null || !patch.isObject()) {
            throw new ProblemException(400, "malformed-json", "Malformed JSON",
                    "A merge patch must be a JSON object");
        }
        ProductPatchFields.refuseUnknown(patch);
        Product current = editable(id, scope);
        ObjectNode merged = json.valueToTree(changeOf(current));
        patch.fields().forEachRemaining(field -> merged.set(field.getKey(), field.getValue()));
        ProductChange change;
        try {
            change = json.treeToValue(merged, ProductChange.class);
        } catch (JsonProcessingException e) {
            throw new BadRequestException(e);
        }
        Set<ConstraintViolation<ProductChange>> violations = validator.validate(change);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return replace(id, change, scope);
    }

    @Transactional
    public Product changeStatus(long id, ProductStatus target, Long scope) {
        Product product = editable(id, scope);
        if (product.status == target) {
            return product;
        }
        if (!product.status.canBecome(target)) {
            throw ProblemException.conflict("illegal-status-change", "Status cannot change",
                    "Product " + id + " is " + product.status + " and cannot become " + target)
                    .with("currentStatus", product.status.name());
        }
        product.status = target;
        product.flush();
        events.productChanged(target == ProductStatus.ACTIVE ? CatalogEventTypes.PRODUCT_ACTIVATED
                : CatalogEventTypes.PRODUCT_RETIRED, product);
        return product;
    }

    @Transactional
    public ProductPage list(ProductQuery query, Viewer viewer, int page, int size) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        where.add(visibleTo(viewer, params));
        if (query.cooperativeId() != null) {
            where.add("cooperativeId = :cooperativeId");
            params.and("cooperativeId", query.cooperativeId());
        }
        if (query.status() != null) {
            where.add("status = :status");
            params.and("status", query.status());
        }
        String folded = VietnameseText.fold(query.text());
        if (folded != null && !folded.isEmpty()) {
            String[] words = folded.split(" ");
            for (int i = 0; i < words.length; i++) {
                where.add("searchName like :word" + i + " escape '!'");
                params.and("word" + i, "%" + words[i].replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
            }
        }
        var found = Product.find(String.join(" and ", where), Sort.by("id"), params).page(Page.of(page, size));
        return new ProductPage(found.list(), found.count());
    }

    private static String visibleTo(Viewer viewer, Parameters parameters) {
        if (viewer.seesEveryProduct()) {
            return "1 = 1";
        }
        parameters.and("active", ProductStatus.ACTIVE);
        if (viewer.cooperative() == null) {
            return "status = :active";
        }
        parameters.and("viewerCooperative", viewer.cooperative());
        return "(status = :active or cooperativeId = :viewerCooperative)";
    }

    /** A product the caller may change: one of their own cooperative. */
    private static Product editable(long id, Long scope) {
        Parameters parameters = Parameters.with("id", id);
        Product product = Product.<Product>find(
                CooperativeScope.restrict("id = :id", parameters, "cooperativeId", scope), parameters).firstResult();
        if (product == null) {
            throw ProblemException.notFound("Product", id);
        }
        return product;
    }

    private void apply(Product product, ProductChange change) {
        if (change.memberId() != null) {
            Member member = Member.findById(change.memberId());
            if (member == null || !member.cooperativeId.equals(product.cooperativeId)) {
                throw ProblemException.invalidReference("memberId", "member " + change.memberId()
                        + " is not a member of cooperative " + product.cooperativeId);
            }
        }
        product.memberId = change.memberId();
        product.name = VietnameseText.tidy(change.name());
        product.description = VietnameseText.tidy(change.description());
        product.unit = change.unit();
        product.priceVnd = change.priceVnd();
        product.ocopStars = change.ocopStars();
        product.originCommune = VietnameseText.tidy(change.originCommune());
        product.imageUrls = change.imageUrls() == null ? new ArrayList<>() : new ArrayList<>(change.imageUrls());
    }

    private static ProductChange changeOf(Product p) {
        return new ProductChange(p.memberId, p.name, p.description, p.unit, p.priceVnd, p.ocopStars,
                p.originCommune, List.copyOf(p.imageUrls));
    }
}
