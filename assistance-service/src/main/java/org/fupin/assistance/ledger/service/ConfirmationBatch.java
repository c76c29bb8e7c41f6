package org.fupin.assistance.ledger.service;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import org.fupin.assistance.ledger.persistence.MeasureEntity;
import org.fupin.kernel.Refusal;
import org.fupin.platform.batch.ClientIds;
import org.fupin.platform.batch.ItemByItem;
import org.fupin.security.RegionScope;

/**
 * The confirmations a cadre collected offline (the household confirms it received a measure), item by item, each in its
 * own transaction. A measure that changed since the version the app saw, or that someone confirmed meanwhile, is not
 * touched: the item answers CONFLICT with the measure as it is now.
 */
@ApplicationScoped
public class ConfirmationBatch {

    public static final int MAX_ITEMS = 500;
    static final String KIND = "MEASURE_CONFIRMATION";

    public enum Outcome { ACCEPTED, DUPLICATE, CONFLICT, REJECTED }

    /** One confirmation as the app made it. */
    public record Item(UUID clientId, UUID measureId, long baseVersion, LocalDate confirmedOn, String contentHash) {
    }

    /** The answer for one item; {@code current} is the measure as it is now, for CONFLICT. */
    public record ItemResult(String clientId, Outcome outcome, Refusal refusal, MeasureEntity current) {
    }

    private final Measures measures;
    private final ClientIds clientIds;

    public ConfirmationBatch(Measures measures, ClientIds clientIds) {
        this.measures = measures;
        this.clientIds = clientIds;
    }

    public <I> List<ItemResult> apply(List<I> items, Function<I, String> idOf, Function<I, Item> reader, RegionScope scope,
            String actor) {
        return ItemByItem.apply(items, MAX_ITEMS, "confirmations", item -> one(reader.apply(item), scope, actor),
                (item, refusal) -> new ItemResult(idOf.apply(item), Outcome.REJECTED, refusal, null));
    }

    private ItemResult one(Item item, RegionScope scope, String actor) {
        String clientId = item.clientId().toString();
        Optional<UUID> earlier = clientIds.earlier(item.clientId(), item.contentHash());
        if (earlier.isPresent()) {
            return new ItemResult(clientId, Outcome.DUPLICATE, null, null);
        }
        MeasureEntity measure = scope.require(MeasureEntity.<MeasureEntity>findById(item.measureId(), LockModeType.PESSIMISTIC_WRITE),
                m -> m.villageCode, "Measure " + item.measureId());
        if (measure.version != item.baseVersion() || measure.confirmed()) {
            return new ItemResult(clientId, Outcome.CONFLICT, null, measure);
        }
        MeasureEntity confirmed = measures.confirm(item.measureId(), item.confirmedOn(), scope, actor);
        clientIds.remember(item.clientId(), KIND, confirmed.id, item.contentHash(), confirmed.id, actor);
        return new ItemResult(clientId, Outcome.ACCEPTED, null, null);
    }
}
