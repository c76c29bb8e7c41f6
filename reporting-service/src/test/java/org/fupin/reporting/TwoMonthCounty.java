package org.fupin.reporting;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.fupin.events.EventCodec;
import org.fupin.events.assistance.MeasureConfirmed;
import org.fupin.events.assistance.MeasureRecorded;
import org.fupin.events.assistance.MeasureUpdated;
import org.fupin.events.assistance.PairingEnded;
import org.fupin.events.assistance.PairingStarted;
import org.fupin.events.assistance.Provider;
import org.fupin.events.assistance.VisitRecorded;
import org.fupin.events.assistance.WorkTeamAssigned;
import org.fupin.events.household.HouseholdAssessed;
import org.fupin.events.household.CaseOpened;
import org.fupin.events.household.CaseStageCompleted;
import org.fupin.events.household.HouseholdRegistered;
import org.fupin.events.household.HouseholdStatusChanged;
import org.fupin.events.household.MemberAdded;
import org.fupin.events.household.MemberFacts;
import org.fupin.events.household.MonitoringAlertDecided;
import org.fupin.events.household.MonitoringAlertOpened;
import org.fupin.events.household.MonitoringAlertVerified;
import org.fupin.events.household.RegionUpserted;
import org.fupin.events.household.RiskClearanceProposed;
import org.fupin.events.household.SignalReceived;
import org.fupin.testing.InJvmKafka;
import org.fupin.testing.TopicProbe;

/**
 * A small county whose story spans August and September 2026, told as the events household-service
 * and assistance-service would publish; the report tests compare against figures computed by hand
 * from this story (see each test).
 *
 * <pre>
 * county C (rural population 1000)
 *   township T1 (600): village V1 (150, poor), village V2 (300)
 *   township T2 (400): village V3 (100, poor and deep-poverty)
 * A  V1  3 people  registered 08-01 POOR; exit proposed 08-20, confirmed 08-27
 * B  V1  2 people (one disabled, grade 2)  08-01 POOR; assessed 08-05 failing HOUSING+INCOME, 09-10 failing INCOME
 * C  V2  4 people (one severe mental illness)  08-01 POOR; proposed 09-01, confirmed 09-08, returned 09-25
 * D  V3  1 person  registered 09-15 POOR
 * E  V3  2 people  08-01 POOR; a third member joins 08-10
 * helper pairings: A from 08-02 (still active); B from 08-02 to 09-01. Unit pairing with V3 from 08-03.
 * work team in V1 from 08-01.
 * measures: INDUSTRY A 5000.00 from 08-05 confirmed 08-20; EDUCATION B 1200.50 from 09-02;
 *           INDUSTRY village V3 10000 from 09-20, amount then changed to 12000.
 * visits: B on 08-15 (risk observed), A on 09-20.
 * </pre>
 *
 * <p>{@link #publishMonitoring} adds the monitoring (防止返貧動態監測) of A, for the tests that want it and whose
 * figures it leaves alone otherwise: a medical-expense signal 09-12 opens an alert due 09-19, verified 09-22 (risk
 * confirmed, UNSTABLE_EXIT) and approved 09-24, when A becomes MONITORED; a risk clearance proposed 09-29; and a
 * signal 09-05 about a person unknown to the register, of the county.
 */
public final class TwoMonthCounty {

    public final String county;
    public final String t1;
    public final String t2;
    public final String v1;
    public final String v2;
    public final String v3;
    public final UUID a = UUID.randomUUID();
    public final UUID b = UUID.randomUUID();
    public final UUID c = UUID.randomUUID();
    public final UUID d = UUID.randomUUID();
    public final UUID e = UUID.randomUUID();
    /** How many events the story is told in. */
    public int events;

    private final EventCodec codec = new EventCodec();
    private final TopicProbe topic = new TopicProbe(InJvmKafka.bootstrapServers());

    public TwoMonthCounty(String county) {
        this.county = county;
        this.t1 = county + "101";
        this.t2 = county + "102";
        this.v1 = t1 + "201";
        this.v2 = t1 + "202";
        this.v3 = t2 + "201";
    }

    public static LocalDate day(int month, int day) {
        return LocalDate.of(2026, month, day);
    }

    public TwoMonthCounty publish() {
        household(county, new RegionUpserted(county, "两月县", "COUNTY", null, 1000, false, false));
        household(t1, new RegionUpserted(t1, "一镇", "TOWNSHIP", county, 600, false, false));
        household(t2, new RegionUpserted(t2, "二镇", "TOWNSHIP", county, 400, false, false));
        household(v1, new RegionUpserted(v1, "一村", "VILLAGE", t1, 150, true, false));
        household(v2, new RegionUpserted(v2, "二村", "VILLAGE", t1, 300, false, false));
        household(v3, new RegionUpserted(v3, "三村", "VILLAGE", t2, 100, true, true));

        registered(a, v1, day(8, 1), members(3, null, false));
        changed(a, v1, "POOR", "EXIT_PENDING", "PROPOSE_EXIT", day(8, 20));
        changed(a, v1, "EXIT_PENDING", "EXITED", "CONFIRM_EXIT", day(8, 27));

        registered(b, v1, day(8, 1), members(2, 2, false));
        assessed(b, day(8, 5), List.of("HOUSING", "INCOME"));
        assessed(b, day(9, 10), List.of("INCOME"));

        registered(c, v2, day(8, 1), members(4, null, true));
        changed(c, v2, "POOR", "EXIT_PENDING", "PROPOSE_EXIT", day(9, 1));
        changed(c, v2, "EXIT_PENDING", "EXITED", "CONFIRM_EXIT", day(9, 8));
        changed(c, v2, "EXITED", "RETURNED", "RETURN_TO_POVERTY", day(9, 25));

        registered(d, v3, day(9, 15), members(1, null, false));
        // b's exit case: verified, then waiting for the household's acknowledgement since 9-5.
        UUID exitCase = UUID.randomUUID();
        household(exitCase.toString(), new CaseOpened(exitCase, b, v1, "EXIT", day(9, 1), "VERIFICATION", day(9, 11)));
        household(exitCase.toString(), new CaseStageCompleted(exitCase, b, v1, "EXIT", "VERIFICATION", "AGREED", day(9, 1), day(9, 5),
                "ACKNOWLEDGEMENT", null, null, day(9, 12)));

        registered(e, v3, day(8, 1), members(2, null, false));
        household(e.toString(), new MemberAdded(e, member(false, null, false), day(8, 10)));

        UUID pairingA = UUID.randomUUID();
        UUID pairingB = UUID.randomUUID();
        assistance(pairingA, new PairingStarted(pairingA, "HELPER_HOUSEHOLD", UUID.randomUUID(), null, null, a, v1, day(8, 2), null));
        assistance(pairingB, new PairingStarted(pairingB, "HELPER_HOUSEHOLD", UUID.randomUUID(), null, null, b, v1, day(8, 2), null));
        assistance(pairingB, new PairingEnded(pairingB, "HELPER_HOUSEHOLD", b, v1, day(9, 1), "HELPER_LEFT", null));
        UUID unitPairing = UUID.randomUUID();
        assistance(unitPairing, new PairingStarted(unitPairing, "UNIT_VILLAGE", null, UUID.randomUUID(), null, null, v3, day(8, 3), null));
        UUID team = UUID.randomUUID();
        assistance(team, new WorkTeamAssigned(team, v1, UUID.randomUUID(), List.of(UUID.randomUUID()), day(8, 1)));

        UUID m1 = UUID.randomUUID();
        UUID m2 = UUID.randomUUID();
        UUID m3 = UUID.randomUUID();
        Provider unit = new Provider("UNIT", UUID.randomUUID());
        assistance(m1, new MeasureRecorded(m1, "INDUSTRY", a, v1, unit, new BigDecimal("5000.00"), day(8, 5), "IN_PROGRESS"));
        assistance(m1, new MeasureConfirmed(m1, a, v1, day(8, 20)));
        assistance(m2, new MeasureRecorded(m2, "EDUCATION", b, v1, unit, new BigDecimal("1200.50"), day(9, 2), "PLANNED"));
        assistance(m3, new MeasureRecorded(m3, "INDUSTRY", null, v3, unit, new BigDecimal("10000"), day(9, 20), "PLANNED"));
        assistance(m3, new MeasureUpdated(m3, "INDUSTRY", null, v3, new BigDecimal("12000"), "IN_PROGRESS", List.of("amount", "status"),
                day(9, 22)));

        UUID visitB = UUID.randomUUID();
        UUID visitA = UUID.randomUUID();
        assistance(visitB, new VisitRecorded(visitB, UUID.randomUUID(), b, v1, noonOf(day(8, 15)), true));
        assistance(visitA, new VisitRecorded(visitA, UUID.randomUUID(), a, v1, noonOf(day(9, 20)), false));
        return this;
    }

    /** A's monitoring, after {@link #publish}: see the class comment. */
    public TwoMonthCounty publishMonitoring() {
        UUID unknown = UUID.randomUUID();
        household(unknown.toString(), new SignalReceived(unknown, "HUMAN_RESOURCES", "JOB_LOSS", day(9, 3), day(9, 5), county, null,
                null, "UNKNOWN_PERSON", null));
        UUID alert = UUID.randomUUID();
        UUID signal = UUID.randomUUID();
        household(signal.toString(), new SignalReceived(signal, "MEDICAL_INSURANCE", "MEDICAL_EXPENSE", day(9, 10), day(9, 12), v1, v1,
                a, "ALERT_OPENED", alert));
        household(alert.toString(), new MonitoringAlertOpened(alert, a, v1, day(9, 12), day(9, 19), "HELPER", UUID.randomUUID(),
                List.of(new MonitoringAlertOpened.RuleVersion("medical-burden", 1))));
        household(alert.toString(), new MonitoringAlertVerified(alert, a, v1, "RISK_CONFIRMED", "UNSTABLE_EXIT", day(9, 12),
                day(9, 22)));
        household(alert.toString(), new MonitoringAlertDecided(alert, a, v1, true, "CONFIRMED", "UNSTABLE_EXIT", day(9, 24)));
        household(a.toString(), new HouseholdStatusChanged(a, v1, "EXITED", "MONITORED", "FLAG_RISK", day(9, 24), null,
                "UNSTABLE_EXIT", null, null));
        UUID clearance = UUID.randomUUID();
        household(clearance.toString(), new RiskClearanceProposed(clearance, a, v1, day(9, 29), 6));
        return this;
    }

    /** One more household, F in V2 registered 09-30: for what happens after a rebuild. */
    public TwoMonthCounty publishOneMoreHousehold() {
        registered(UUID.randomUUID(), v2, day(9, 30), members(2, null, false));
        return this;
    }

    private static Instant noonOf(LocalDate date) {
        return date.atTime(12, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant();
    }

    private void registered(UUID id, String village, LocalDate on, List<MemberFacts> members) {
        household(id.toString(), new HouseholdRegistered(id, village + "00001", village, "GENERAL", List.of("ILLNESS"), "ILLNESS",
                2026, new BigDecimal("2500"), "POOR", null, on, members));
    }

    private void changed(UUID id, String village, String from, String to, String action, LocalDate on) {
        household(id.toString(), new HouseholdStatusChanged(id, village, from, to, action, on,
                action.equals("RETURN_TO_POVERTY") ? "Illness" : null, null,
                to.equals("EXIT_PENDING") ? on.plusDays(7) : null, null));
    }

    private void assessed(UUID id, LocalDate on, List<String> failing) {
        household(id.toString(), new HouseholdAssessed(id, UUID.randomUUID(), on, true, true, true, true,
                failing.contains("HOUSING") ? "D" : "A", true, new BigDecimal("3000"), false, failing));
    }

    private static List<MemberFacts> members(int count, Integer disabilityGrade, boolean severeMentalIllness) {
        List<MemberFacts> members = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            members.add(i == 1 || count == 1 && i == 0
                    ? member(i == 0, disabilityGrade, severeMentalIllness)
                    : member(i == 0, null, false));
        }
        return members;
    }

    private static MemberFacts member(boolean head, Integer disabilityGrade, boolean severeMentalIllness) {
        return new MemberFacts(UUID.randomUUID(), head ? "HEAD" : "CHILD", "FEMALE", 1980, "HEALTHY",
                disabilityGrade, severeMentalIllness, "GRADUATED", "FULL", true, false);
    }

    private void household(String key, Object data) {
        send("household.events", key, data);
    }

    private void assistance(UUID key, Object data) {
        send("assistance.events", key.toString(), data);
    }

    private void send(String topicName, String key, Object data) {
        topic.send(topicName, key, codec.toJson(codec.envelope(UUID.randomUUID().toString(), "/test", key, Instant.now(), data)));
        events++;
    }
}
