package org.fupin.suite.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The synthetic county that {@code ./suite demo} loads, as plain data: regions, households with
 * their members and what happens to them in the campaign, and the assistance side (groups,
 * units, helpers, work teams, pairings, measures, visits). Other records refer to each other by
 * index, because the server ids exist only once the loader has created them.
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
        List<VillageMeasure> villageMeasures) {

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
