package org.fupin.household.region.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.fupin.events.household.RegionUpserted;
import org.fupin.household.region.domain.RegionLevel;
import org.fupin.household.region.domain.RegionRules;
import org.fupin.household.region.persistence.RegionEntity;
import org.fupin.platform.outbox.Outbox;
import org.fupin.platform.page.Page;
import org.fupin.platform.page.PageRequest;
import org.fupin.kernel.Violation;
import org.fupin.kernel.Refusal;
import org.fupin.kernel.ExpectedVersion;
import org.fupin.security.RegionScope;

/** Defines regions and answers questions about them; every change publishes {@code region.upserted}. */
@ApplicationScoped
public class RegionService {

    private final Outbox outbox;

    public RegionService(Outbox outbox) {
        this.outbox = outbox;
    }

    /** The outcome of a PUT: whether the region was new, and its state after the write. */
    public record Upserted(boolean created, RegionEntity region) {
    }

    /**
     * Defines a region inside the caller's scope; one outside it is answered as not found, whether
     * or not it exists, so that no caller can define, redefine or probe another county's regions.
     */
    @Transactional
    public Upserted upsert(String code, RegionDefinition definition, Optional<ExpectedVersion> expected, RegionScope scope) {
        if (!scope.covers(code)) {
            throw Refusal.notFound("Region " + code);
        }
        List<Violation> errors = new ArrayList<>(RegionRules.check(code, definition.level(), definition.parentCode()));
        if (definition.poorVillage() && definition.level() != RegionLevel.VILLAGE) {
            errors.add(new Violation("poorVillage", "poor-village-not-village", "Only a village can be a poor village (貧困村)."));
        }
        if (!errors.isEmpty()) {
            throw Refusal.invalid(errors);
        }
        if (definition.parentCode() != null && RegionEntity.findById(definition.parentCode()) == null) {
            throw Refusal.unprocessable("unknown-parent-region",
                    "Parent region " + definition.parentCode() + " does not exist; define it first.");
        }
        RegionEntity region = RegionEntity.findById(code);
        boolean created = region == null;
        Instant now = Instant.now();
        if (created) {
            region = new RegionEntity();
            region.code = code;
            region.createdAt = now;
        } else {
            // The level cannot change: the code's length fixes it, and RegionRules checked the two agree.
            expected.orElseThrow(ExpectedVersion::required).check(region.version);
        }
        region.name = definition.name().strip();
        region.level = definition.level();
        region.parentCode = definition.parentCode();
        region.ruralPopulation = definition.ruralPopulation();
        region.poorVillage = definition.poorVillage();
        region.deepPoverty = definition.deepPoverty();
        region.updatedAt = now;
        region.persistAndFlush();
        outbox.record(code, new RegionUpserted(code, region.name, region.level.name(), region.parentCode,
                region.ruralPopulation, region.poorVillage, region.deepPoverty));
        return new Upserted(created, region);
    }

    /**
     * A region the caller may read: inside their scope or above it on their own line (a cadre reads
     * the names of their township and county), never another township's or county's.
     */
    public RegionEntity get(String code, RegionScope scope) {
        RegionEntity region = scope.withinOrAbove(code) ? RegionEntity.findById(code) : null;
        if (region == null) {
            throw Refusal.notFound("Region " + code);
        }
        return region;
    }

    /** The children of a region the caller may read, leaving out those off the caller's line. */
    public Page<RegionEntity> children(String parentCode, RegionScope scope, PageRequest page) {
        get(parentCode, scope);
        String within = scope.covers(parentCode) ? parentCode : scope.prefix().substring(0, childLength(parentCode));
        return page.page(RegionEntity.children(parentCode, within, page.after(), page.fetchSize()), r -> r.code);
    }

    private static int childLength(String parentCode) {
        return RegionLevel.ofCode(parentCode).flatMap(RegionLevel::childLevel).orElseThrow().codeLength();
    }
}
