package org.fupin.assistance.organisation.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.fupin.platform.listing.Cursors;
import org.fupin.platform.listing.Where;
import org.fupin.assistance.organisation.domain.OrganisationRules;
import org.fupin.assistance.organisation.persistence.GroupEntity;
import org.fupin.platform.outbox.Outbox;
import org.fupin.platform.page.Page;
import org.fupin.platform.page.PageRequest;
import org.fupin.problem.FieldError;
import org.fupin.problem.ProblemException;

import io.quarkus.panache.common.Sort;

/** Creates and reads assistance groups (幫扶集團); a creation records {@code group.created}. */
@ApplicationScoped
public class Groups {

    private final Outbox outbox;

    public Groups(Outbox outbox) {
        this.outbox = outbox;
    }

    @Transactional
    public GroupEntity create(String name, String actor) {
        List<FieldError> errors = OrganisationRules.checkName("name", name);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        GroupEntity group = new GroupEntity();
        group.id = UUID.randomUUID();
        group.name = name.strip();
        group.createdAt = Instant.now();
        group.createdBy = actor;
        group.persist();
        outbox.record(group.id.toString(), OrganisationEvents.created(group));
        return group;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public GroupEntity get(UUID id) {
        GroupEntity group = GroupEntity.findById(id);
        if (group == null) {
            throw ProblemException.notFound("Assistance group " + id);
        }
        return group;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<GroupEntity> page(PageRequest page) {
        Where where = Where.after(Cursors.seqAfter(page));
        List<GroupEntity> rows = GroupEntity.<GroupEntity>find(where.clause(), Sort.by("seq"), where.parameters())
                .range(0, page.fetchSize() - 1).list();
        return page.page(rows, group -> String.valueOf(group.seq));
    }

    /** Every group, for a CSV export; runs inside the caller's transaction. */
    public void each(Consumer<GroupEntity> sink) {
        GroupEntity.<GroupEntity>streamAll(Sort.by("seq")).forEach(sink);
    }
}
