package org.fupin.suite.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The synthetic county that {@code ./suite demo} loads, as plain data: regions, households with
 * their members and what happens to them in the campaign, and the assistance side (groups,
 * units, helpers, work teams, pairings, measures, visits), and the month of dynamic monitoring at the
 * campaign's end (departments' signals, and what the visits to the alerts find). Other records refer to
 * each other by index, because the server ids exist only once the loader has created them.
 */
public record DemoCounty(
        String countyCode,
        LocalDate campaignStart,
        LocalDate campaignEnd,
        List<Region> regions,
        List<Household> households,
        List<Group> groups,
        List<Unit> units,
        List<Helper> helpers,
        List<WorkTeam> workTeams,
        List<WarZone> warZones,
        List<VillagePairing> villagePairings,
        List<VillageMeasure> villageMeasures,
        MonitoringMonth monitoring) {

    public record Region(String code, String name, String level, String parentCode, int ruralPopulation,
            boolean poorVillage, boolean deepPoverty) {
    }

    public record Member(String name, String idNumber, String relation, String health, Integer disabilityGrade,
            boolean severeMentalIllness, String education, String laborCapacity, boolean medicalInsurance,
            boolean migrantWorker) {
    }

    /** An assessment (兩不愁三保障 + drinking water + income). */
    public record Assessment(LocalDate assessedOn, boolean food, boolean clothing, boolean compulsoryEducation,
            boolean basicMedical, String housingSafetyGrade, boolean drinkingWater, BigDecimal annualIncomePerCapita) {
    }

    /** A measure; {@code confirmedOn} is the day the household confirmed receiving it, null when it has not (or it is a village's). */
    public record Measure(String type, BigDecimal amount, LocalDate startedOn, String status, String description, LocalDate confirmedOn) {
    }

    public record Visit(java.util.UUID id, java.time.Instant visitedAt, boolean riskObserved, String notes) {
    }

    /**
     * A household and its campaign: an assessment (or none), an exit proposed on {@code proposedOn}
     * and confirmed on {@code confirmedOn} after the public notice (either may be null), after the exit
     * possibly a risk flag ({@code riskFlaggedOn}, {@code riskType}) and a return to poverty
     * ({@code returnedOn}), its helper (index into {@link DemoCounty#helpers()}), its measures and
     * the helper's visits.
     */
    public record Household(String ref, String villageCode, String address, String phone, String category,
            List<String> causes, String primaryCause, int identifiedYear, BigDecimal annualIncomePerCapita,
            String initialStatus, LocalDate registeredOn, List<Member> members, Assessment assessment,
            LocalDate proposedOn, LocalDate confirmedOn, LocalDate riskFlaggedOn, String riskType, LocalDate returnedOn, int helper,
            List<Measure> measures, List<Visit> visits) {

        public Member head() {
            return members.get(0);
        }

        /**
         * Its status once every decision of the campaign is in: a household stays POOR while its exit case is on the
         * way; one flagged at risk is MONITORED, as is one registered so; a return makes it RETURNED.
         */
        public String statusAtCampaignEnd() {
            if (returnedOn != null) {
                return "RETURNED";
            }
            if (riskFlaggedOn != null || initialStatus.equals("MONITORED")) {
                return "MONITORED";
            }
            return confirmedOn != null ? "EXITED" : "POOR";
        }

        /** Whether household-service's warning rules apply to it at the campaign's end: outside the poor register. */
        public boolean monitoredAtCampaignEnd() {
            String status = statusAtCampaignEnd();
            return status.equals("EXITED") || status.equals("MONITORED");
        }
    }

    public record Group(String name) {
    }

    /** A unit; {@code group} is an index into the groups, or -1 for a unit outside any group. */
    public record Unit(String name, String type, int group) {
    }

    public record Helper(String name, String phone, int unit, String kind, int maxHouseholds) {
    }

    public record WorkTeam(String villageCode, int leader, List<Integer> members, LocalDate startDate) {
    }

    public record WarZone(String name, int leader, List<String> townshipCodes) {
    }

    /** UNIT_VILLAGE (index into units) or GROUP_VILLAGE (index into groups). */
    public record VillagePairing(String kind, int party, String villageCode, LocalDate startDate) {
    }

    public record VillageMeasure(String villageCode, int group, Measure measure) {
    }

    /** What household-service makes of a signal, the county's households standing as the campaign left them. */
    public enum Expected {
        /** A warning rule fires: the signal opens the household's alert, or joins the one open. */
        ALERT,
        /** The household is monitored but no rule fires: under the thresholds. */
        NO_WARNING,
        /** The household is in the poor register (POOR, RETURNED): the signal is kept, monitoring is not for it. */
        NOT_MONITORED,
        /** Nobody registered has the ID number: kept and reported, perhaps a marginal household to register. */
        UNKNOWN_PERSON
    }

    /**
     * A department's signal (部門預警信息). It names a member by {@code idNumber} or, with {@code byHouseholdNumber}, the
     * household by its register number, which the server assigns (the loader reads it from the register).
     * {@code household} is an index into the households, -1 for a person nobody registered. {@code amount} is in yuan,
     * present exactly for MEDICAL_EXPENSE, DISASTER_LOSS and INCOME_DROP.
     */
    public record Signal(String signalId, String department, String kind, int household, String idNumber,
            boolean byHouseholdNumber, LocalDate occurredOn, BigDecimal amount, String note, Expected expected) {
    }

    /** What the verification visit (入戶核實) of an open alert finds, and whether the township approves a confirmed risk. */
    public enum Verdict { LEAVE_OPEN, DISMISS, CONFIRM, CONFIRM_AND_APPROVE }

    /** The visit to a household's open alert: its verdict, the risk type of a confirmed risk, and the findings. */
    public record FollowUp(Verdict verdict, String riskType, String findings) {
    }

    /**
     * The month of dynamic monitoring (防止返貧動態監測) up to the campaign's end: the departments' signals in the order
     * they are sent, the few a department sends again (the same id and content), and the follow-up of each household
     * an alert can open for (EXITED or MONITORED at the end), by household index.
     */
    public record MonitoringMonth(List<Signal> signals, List<Signal> resent, Map<Integer, FollowUp> followUps) {

        public long expected(Expected outcome) {
            return signals.stream().filter(signal -> signal.expected() == outcome).count();
        }

        /** The households that signals of the month should put on alert. */
        public long householdsAlerted() {
            return signals.stream().filter(signal -> signal.expected() == Expected.ALERT).mapToInt(Signal::household).distinct().count();
        }
    }

    public List<Region> townships() {
        return regions.stream().filter(region -> region.level().equals("TOWNSHIP")).toList();
    }

    public List<Region> villages() {
        return regions.stream().filter(region -> region.level().equals("VILLAGE")).toList();
    }

    public long exits() {
        return households.stream().filter(household -> household.confirmedOn() != null).count();
    }

    public long risksFlagged() {
        return households.stream().filter(household -> household.riskFlaggedOn() != null).count();
    }

    public long returns() {
        return households.stream().filter(household -> household.returnedOn() != null).count();
    }

    public long exitsPending() {
        return households.stream().filter(household -> household.proposedOn() != null && household.confirmedOn() == null).count();
    }

    public long members() {
        return households.stream().mapToLong(household -> household.members().size()).sum();
    }
}
