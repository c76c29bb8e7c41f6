package org.fupin.events;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.fupin.events.assistance.GroupCreated;
import org.fupin.events.assistance.HelperRegistered;
import org.fupin.events.assistance.HelperUpdated;
import org.fupin.events.assistance.MeasureConfirmed;
import org.fupin.events.assistance.MeasureRecorded;
import org.fupin.events.assistance.MeasureUpdated;
import org.fupin.events.assistance.PairingEnded;
import org.fupin.events.assistance.PairingStarted;
import org.fupin.events.assistance.UnitRegistered;
import org.fupin.events.assistance.VisitRecorded;
import org.fupin.events.assistance.WarZoneDefined;
import org.fupin.events.assistance.WorkTeamAssigned;
import org.fupin.events.household.CaseDecided;
import org.fupin.events.household.CaseObjected;
import org.fupin.events.household.CaseObjectionResolved;
import org.fupin.events.household.CaseOpened;
import org.fupin.events.household.CaseStageCompleted;
import org.fupin.events.household.HouseholdAssessed;
import org.fupin.events.household.HouseholdRegistered;
import org.fupin.events.household.HouseholdStatusChanged;
import org.fupin.events.household.HouseholdUpdated;
import org.fupin.events.household.MemberAdded;
import org.fupin.events.household.MemberRemoved;
import org.fupin.events.household.MemberRestored;
import org.fupin.events.household.MemberUpdated;
import org.fupin.events.household.MonitoringAlertDecided;
import org.fupin.events.household.MonitoringAlertOpened;
import org.fupin.events.household.MonitoringAlertVerified;
import org.fupin.events.household.RegionUpserted;
import org.fupin.events.household.RiskClearanceDecided;
import org.fupin.events.household.RiskClearanceProposed;
import org.fupin.events.household.SignalReceived;
import org.fupin.events.household.VillageExitDecided;
import org.fupin.events.household.VillageExitProposed;

/** Every event type of the public contract, with its topic, schema version and data record. */
public enum EventType {

    REGION_UPSERTED("region.upserted", "region", Topics.HOUSEHOLD_EVENTS, 1, RegionUpserted.class),
    HOUSEHOLD_REGISTERED("household.registered", "household", Topics.HOUSEHOLD_EVENTS, 1, HouseholdRegistered.class),
    HOUSEHOLD_UPDATED("household.updated", "household", Topics.HOUSEHOLD_EVENTS, 1, HouseholdUpdated.class),
    HOUSEHOLD_MEMBER_ADDED("household.member-added", "household", Topics.HOUSEHOLD_EVENTS, 1, MemberAdded.class),
    HOUSEHOLD_MEMBER_UPDATED("household.member-updated", "household", Topics.HOUSEHOLD_EVENTS, 1, MemberUpdated.class),
    HOUSEHOLD_MEMBER_REMOVED("household.member-removed", "household", Topics.HOUSEHOLD_EVENTS, 2, MemberRemoved.class),
    HOUSEHOLD_MEMBER_RESTORED("household.member-restored", "household", Topics.HOUSEHOLD_EVENTS, 1, MemberRestored.class),
    HOUSEHOLD_ASSESSED("household.assessed", "household", Topics.HOUSEHOLD_EVENTS, 1, HouseholdAssessed.class),
    HOUSEHOLD_STATUS_CHANGED("household.status-changed", "household", Topics.HOUSEHOLD_EVENTS, 2, HouseholdStatusChanged.class),
    CASE_OPENED("case.opened", "case", Topics.HOUSEHOLD_EVENTS, 1, CaseOpened.class),
    CASE_STAGE_COMPLETED("case.stage-completed", "case", Topics.HOUSEHOLD_EVENTS, 1, CaseStageCompleted.class),
    CASE_OBJECTED("case.objected", "case", Topics.HOUSEHOLD_EVENTS, 1, CaseObjected.class),
    CASE_OBJECTION_RESOLVED("case.objection-resolved", "case", Topics.HOUSEHOLD_EVENTS, 1, CaseObjectionResolved.class),
    CASE_DECIDED("case.decided", "case", Topics.HOUSEHOLD_EVENTS, 1, CaseDecided.class),
    VILLAGE_EXIT_PROPOSED("village-exit.proposed", "village-exit", Topics.HOUSEHOLD_EVENTS, 1, VillageExitProposed.class),
    VILLAGE_EXIT_DECIDED("village-exit.decided", "village-exit", Topics.HOUSEHOLD_EVENTS, 1, VillageExitDecided.class),
    SIGNAL_RECEIVED("signal.received", "signal", Topics.HOUSEHOLD_EVENTS, 1, SignalReceived.class),
    MONITORING_ALERT_OPENED("monitoring-alert.opened", "monitoring-alert", Topics.HOUSEHOLD_EVENTS, 1, MonitoringAlertOpened.class),
    MONITORING_ALERT_VERIFIED("monitoring-alert.verified", "monitoring-alert", Topics.HOUSEHOLD_EVENTS, 1,
            MonitoringAlertVerified.class),
    MONITORING_ALERT_DECIDED("monitoring-alert.decided", "monitoring-alert", Topics.HOUSEHOLD_EVENTS, 1,
            MonitoringAlertDecided.class),
    RISK_CLEARANCE_PROPOSED("risk-clearance.proposed", "risk-clearance", Topics.HOUSEHOLD_EVENTS, 1, RiskClearanceProposed.class),
    RISK_CLEARANCE_DECIDED("risk-clearance.decided", "risk-clearance", Topics.HOUSEHOLD_EVENTS, 1, RiskClearanceDecided.class),

    UNIT_REGISTERED("unit.registered", "unit", Topics.ASSISTANCE_EVENTS, 1, UnitRegistered.class),
    GROUP_CREATED("group.created", "group", Topics.ASSISTANCE_EVENTS, 1, GroupCreated.class),
    HELPER_REGISTERED("helper.registered", "helper", Topics.ASSISTANCE_EVENTS, 1, HelperRegistered.class),
    HELPER_UPDATED("helper.updated", "helper", Topics.ASSISTANCE_EVENTS, 1, HelperUpdated.class),
    WORK_TEAM_ASSIGNED("work-team.assigned", "work-team", Topics.ASSISTANCE_EVENTS, 1, WorkTeamAssigned.class),
    WAR_ZONE_DEFINED("war-zone.defined", "war-zone", Topics.ASSISTANCE_EVENTS, 1, WarZoneDefined.class),
    PAIRING_STARTED("pairing.started", "pairing", Topics.ASSISTANCE_EVENTS, 1, PairingStarted.class),
    PAIRING_ENDED("pairing.ended", "pairing", Topics.ASSISTANCE_EVENTS, 1, PairingEnded.class),
    MEASURE_RECORDED("measure.recorded", "measure", Topics.ASSISTANCE_EVENTS, 1, MeasureRecorded.class),
    MEASURE_UPDATED("measure.updated", "measure", Topics.ASSISTANCE_EVENTS, 1, MeasureUpdated.class),
    MEASURE_CONFIRMED("measure.confirmed", "measure", Topics.ASSISTANCE_EVENTS, 1, MeasureConfirmed.class),
    VISIT_RECORDED("visit.recorded", "visit", Topics.ASSISTANCE_EVENTS, 1, VisitRecorded.class);

    private static final Map<String, EventType> BY_TYPE = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(EventType::type, Function.identity()));
    private static final Map<Class<?>, EventType> BY_DATA_CLASS = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(EventType::dataClass, Function.identity()));

    private final String type;
    private final String aggregateType;
    private final String topic;
    private final int version;
    private final Class<?> dataClass;

    EventType(String type, String aggregateType, String topic, int version, Class<?> dataClass) {
        this.type = type;
        this.aggregateType = aggregateType;
        this.topic = topic;
        this.version = version;
        this.dataClass = dataClass;
    }

    /** The CloudEvents {@code type} attribute, e.g. {@code household.registered}. */
    public String type() {
        return type;
    }

    /** The kind of aggregate the event is about; its id is the record key and the CloudEvents subject. */
    public String aggregateType() {
        return aggregateType;
    }

    /** The Kafka topic this type is published on. */
    public String topic() {
        return topic;
    }

    /** The version of the data schema; it changes only with an incompatible change. */
    public int version() {
        return version;
    }

    /** The record the {@code data} of this type reads into. */
    public Class<?> dataClass() {
        return dataClass;
    }

    /** The CloudEvents {@code dataschema} attribute and the schema's {@code $id}. */
    public String schemaUri() {
        return schemaUri(version);
    }

    /** The {@code $id} of an earlier (or the current) version of the schema. */
    public String schemaUri(int version) {
        return "urn:fupin:events:" + type + ":v" + version;
    }

    /** The classpath location of the JSON Schema of {@code data}. */
    public String schemaResource() {
        return schemaResource(version);
    }

    /** The classpath location of an earlier (or the current) version of the schema; every version stays. */
    public String schemaResource(int version) {
        return "/org/fupin/events/schemas/" + type + ".v" + version + ".json";
    }

    /** The event type of a CloudEvents {@code type} attribute, empty if this contract does not know it. */
    public static Optional<EventType> ofType(String type) {
        return Optional.ofNullable(type).map(BY_TYPE::get);
    }

    /**
     * The event type whose data is an instance of {@code dataClass}.
     *
     * @throws IllegalArgumentException if {@code dataClass} is not the data record of an event type
     */
    public static EventType of(Class<?> dataClass) {
        EventType eventType = BY_DATA_CLASS.get(dataClass);
        if (eventType == null) {
            throw new IllegalArgumentException(dataClass + " is not the data of any event type");
        }
        return eventType;
    }
}
