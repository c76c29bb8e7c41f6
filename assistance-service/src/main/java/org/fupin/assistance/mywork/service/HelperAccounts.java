package org.fupin.assistance.mywork.service;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.fupin.assistance.organisation.service.Helpers;
import org.fupin.kernel.Refusal;
import org.fupin.platform.sql.Rows;
import org.fupin.security.RegionScope;
import org.jboss.logging.Logger;

/**
 * Which user account is which helper: the county's assistance office links a helper to the subject of the tokens the
 * helper signs in with, so that "my work" knows whose work to show. One account per helper, one helper per account.
 */
@ApplicationScoped
public class HelperAccounts {

    private static final Logger LOG = Logger.getLogger(HelperAccounts.class);

    /** A helper's account. */
    public record Account(UUID helperId, String subject, Instant linkedAt, String linkedBy) {
    }

    private final EntityManager entityManager;
    private final Helpers helpers;

    public HelperAccounts(EntityManager entityManager, Helpers helpers) {
        this.entityManager = entityManager;
        this.helpers = helpers;
    }

    /** Links (or re-links) the helper of the caller's region to the account; an account of another helper is refused. */
    @Transactional
    public Account link(UUID helperId, String subject, RegionScope scope, String actor) {
        scope.require(helpers.get(helperId, scope), Helpers.Row::regionCode, "Helper " + helperId);
        entityManager.createNativeQuery("delete from helper_account where helper_id = :helper").setParameter("helper", helperId)
                .executeUpdate();
        int linked = entityManager.createNativeQuery("insert into helper_account (helper_id, subject, linked_at, linked_by) "
                        + "values (:helper, :subject, now(), :actor) on conflict do nothing")
                .setParameter("helper", helperId).setParameter("subject", subject).setParameter("actor", actor).executeUpdate();
        if (linked == 0) {
            // The account is another helper's (or a request linking this helper at the same moment won). The
            // exception rolls back the delete above: the helper keeps the account it had.
            throw Refusal.conflict("account-linked-elsewhere", "This account is linked to another helper already; unlink it "
                    + "there first (DELETE /api/v1/helpers/{id}/account).");
        }
        LOG.infof("Helper %s linked to an account by %s", helperId, actor);
        return find(helperId).orElseThrow();
    }

    @Transactional
    public void unlink(UUID helperId, RegionScope scope, String actor) {
        scope.require(helpers.get(helperId, scope), Helpers.Row::regionCode, "Helper " + helperId);
        int removed = entityManager.createNativeQuery("delete from helper_account where helper_id = :helper")
                .setParameter("helper", helperId).executeUpdate();
        if (removed == 0) {
            throw Refusal.notFound("Account of helper " + helperId);
        }
        LOG.infof("Helper %s unlinked from its account by %s", helperId, actor);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Account get(UUID helperId, RegionScope scope) {
        helpers.get(helperId, scope);
        return find(helperId).orElseThrow(() -> Refusal.notFound("Account of helper " + helperId));
    }

    /** The helper the account is linked to. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<UUID> helperOf(String subject) {
        List<UUID> found = Rows.list(entityManager.createNativeQuery("select helper_id from helper_account where subject = :subject")
                .setParameter("subject", subject), row -> row.uuid("helper_id"));
        return found.stream().findFirst();
    }

    private Optional<Account> find(UUID helperId) {
        return Rows.list(entityManager.createNativeQuery("select helper_id, subject, linked_at, linked_by from helper_account "
                        + "where helper_id = :helper").setParameter("helper", helperId),
                row -> new Account(row.uuid("helper_id"), row.text("subject"), row.instantOrNull("linked_at"), row.text("linked_by")))
                .stream().findFirst();
    }
}
