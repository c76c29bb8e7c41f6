package org.fupin.suite.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.fupin.suite.demo.DemoCounty.Expected;
import org.fupin.suite.demo.DemoCounty.FollowUp;
import org.fupin.suite.demo.DemoCounty.Household;
import org.fupin.suite.demo.DemoCounty.Member;
import org.fupin.suite.demo.DemoCounty.MonitoringMonth;
import org.fupin.suite.demo.DemoCounty.Signal;
import org.fupin.suite.demo.DemoCounty.Verdict;
import org.junit.jupiter.api.Test;

class DemoSignalsTest {

    private static final LocalDate END = LocalDate.of(2026, 11, 28);
    private static final DemoCounty COUNTY = DemoGenerator.generate("500236", 3000, END);
    private static final MonitoringMonth MONTH = COUNTY.monitoring();
    private static final Set<String> AMOUNT_KINDS = Set.of("MEDICAL_EXPENSE", "DISASTER_LOSS", "INCOME_DROP");
    /** Which department reports which kind: what the county's offices actually know about. */
    private static final Map<String, Set<String>> SENDERS = Map.of(
            "MEDICAL_EXPENSE", Set.of("MEDICAL_INSURANCE", "HEALTH"),
            "SERIOUS_ILLNESS", Set.of("HEALTH", "MEDICAL_INSURANCE"),
            "DISASTER_LOSS", Set.of("EMERGENCY_MANAGEMENT", "AGRICULTURE", "HOUSING"),
            "INCOME_DROP", Set.of("AGRICULTURE", "HUMAN_RESOURCES", "OTHER"),
            "JOB_LOSS", Set.of("HUMAN_RESOURCES"),
            "DISABILITY_CERTIFIED", Set.of("DISABLED_PERSONS_FEDERATION"),
            "DEATH", Set.of("CIVIL_AFFAIRS"),
            "SUBSISTENCE_GRANTED", Set.of("CIVIL_AFFAIRS"));

    @Test
    void theSameSeedGivesTheSameMonthAndAnotherCountyAnother() {
        assertThat(DemoGenerator.generate("500236", 3000, END).monitoring()).isEqualTo(MONTH);
        MonitoringMonth other = DemoGenerator.generate("500237", 3000, END).monitoring();
        assertThat(other.signals()).isNotEqualTo(MONTH.signals());
        assertThat(other.signals()).allMatch(s -> s.signalId().contains("-500237-"));
    }

    @Test
    void threePercentOfTheHouseholdsMostlyExitedAFewPoorAndAHandfulOfPeopleNobodyRegistered() {
        Map<Integer, Long> perHousehold = MONTH.signals().stream().filter(s -> s.household() >= 0)
                .collect(Collectors.groupingBy(Signal::household, Collectors.counting()));
        assertThat(perHousehold).hasSize(90);
        assertThat(perHousehold.values()).allMatch(n -> n >= 1 && n <= 3);
        Map<String, Long> byStatus = perHousehold.keySet().stream()
                .collect(Collectors.groupingBy(i -> COUNTY.households().get(i).statusAtCampaignEnd(), Collectors.counting()));
        assertThat(byStatus.get("EXITED")).as("exited households").isEqualTo(74L);
        assertThat(byStatus.get("MONITORED")).as("monitored households").isEqualTo(7L);
        assertThat(byStatus.getOrDefault("POOR", 0L) + byStatus.getOrDefault("RETURNED", 0L)).as("in the poor register").isEqualTo(9L);
        assertThat(MONTH.signals().stream().filter(s -> s.household() < 0)).as("one per 400 households").hasSize(8)
                .allMatch(s -> s.expected() == Expected.UNKNOWN_PERSON);
        assertThat(DemoGenerator.generate("500236", 1, END).monitoring().signals()).as("even the smallest county")
                .anyMatch(s -> s.household() == 0).anyMatch(s -> s.household() < 0);
        assertThat(DemoGenerator.generate("500236", 300, END).monitoring().signals()).as("every outcome in the end-to-end test's county")
                .extracting(Signal::expected).contains(Expected.values());
    }

    @Test
    void aRealisticMixOfDepartmentsAndKinds() {
        assertThat(MONTH.signals()).allMatch(s -> SENDERS.get(s.kind()).contains(s.department()), "sent by a department that knows");
        Map<String, Long> kinds = MONTH.signals().stream().collect(Collectors.groupingBy(Signal::kind, Collectors.counting()));
        assertThat(kinds.keySet()).isEqualTo(SENDERS.keySet());
        assertThat(kinds.get("MEDICAL_EXPENSE")).as("medical costs are the commonest").isEqualTo(kinds.values().stream().max(Long::compare).get());
        assertThat(MONTH.signals().stream().map(Signal::department).distinct().count()).isGreaterThanOrEqualTo(8);
        assertThat(MONTH.signals()).anyMatch(s -> s.note() == null).anyMatch(s -> s.note() != null);
    }

    @Test
    void someSignalsAboutMonitoredHouseholdsFireARuleAndSomeStayUnderItsThreshold() {
        List<Signal> monitored = MONTH.signals().stream().filter(s -> s.household() >= 0
                && COUNTY.households().get(s.household()).monitoredAtCampaignEnd()).toList();
        long firing = monitored.stream().filter(s -> s.expected() == Expected.ALERT).count();
        assertThat(firing).as("job loss, subsistence allowance and serious illness always fire").isBetween(monitored.size() * 40L / 100,
                monitored.size() * 80L / 100);
        for (String kind : List.of("MEDICAL_EXPENSE", "DISASTER_LOSS", "INCOME_DROP")) {
            assertThat(monitored.stream().filter(s -> s.kind().equals(kind)).map(Signal::expected).distinct())
                    .as(kind + " over and under its threshold").containsExactlyInAnyOrder(Expected.ALERT, Expected.NO_WARNING);
        }
        assertThat(MONTH.signals()).filteredOn(s -> s.household() >= 0 && !COUNTY.households().get(s.household()).monitoredAtCampaignEnd())
                .isNotEmpty().allMatch(s -> s.expected() == Expected.NOT_MONITORED);
        // What household-service's default rules make of each signal, worked out here from the rules themselves.
        assertThat(MONTH.signals()).allSatisfy(s -> assertThat(s.expected()).as(s.toString()).isEqualTo(byTheRules(s)));
        assertThat(MONTH.householdsAlerted()).isEqualTo(monitored.stream().filter(s -> s.expected() == Expected.ALERT)
                .map(Signal::household).distinct().count());
    }

    @Test
    void idsAreUniqueExceptTheSignalsSentAgain() {
        assertThat(MONTH.signals()).allMatch(s -> s.signalId().matches("^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$"));
        assertThat(MONTH.signals().stream().map(Signal::signalId).distinct()).hasSize(MONTH.signals().size());
        assertThat(MONTH.resent()).hasSize(5).doesNotHaveDuplicates();
        assertThat(MONTH.signals()).containsAll(MONTH.resent());
    }

    @Test
    void anAmountExactlyForTheKindsThatHaveOne() {
        assertThat(MONTH.signals()).allMatch(s -> (s.amount() != null) == AMOUNT_KINDS.contains(s.kind()));
        assertThat(MONTH.signals()).filteredOn(s -> s.amount() != null).allMatch(s -> s.amount().scale() == 2
                && s.amount().signum() > 0 && s.amount().compareTo(new BigDecimal("99999999.99")) <= 0);
    }

    @Test
    void eachSignalNamesAMemberByIdNumberOrItsHouseholdByNumber() {
        for (Signal signal : MONTH.signals()) {
            assertThat(signal.idNumber() == null).as(signal.signalId()).isEqualTo(signal.byHouseholdNumber());
            if (signal.household() >= 0 && !signal.byHouseholdNumber()) {
                assertThat(COUNTY.households().get(signal.household()).members()).extracting(Member::idNumber).contains(signal.idNumber());
            }
        }
        assertThat(MONTH.signals()).filteredOn(Signal::byHouseholdNumber).isNotEmpty().allMatch(s -> s.household() >= 0);
    }

    @Test
    void signalsHappenedInTheLast30DaysAfterTheExitAndADeathIsTheLastOfAHousehold() {
        assertThat(MONTH.signals()).allMatch(s -> !s.occurredOn().isBefore(END.minusDays(29)) && !s.occurredOn().isAfter(END));
        assertThat(MONTH.signals().stream().map(Signal::occurredOn).toList()).as("sent in the order they happened").isSorted();
        assertThat(MONTH.signals()).filteredOn(s -> s.household() >= 0 && COUNTY.households().get(s.household()).confirmedOn() != null)
                .allMatch(s -> !s.occurredOn().isBefore(COUNTY.households().get(s.household()).confirmedOn()));
        Map<Integer, List<Signal>> byHousehold = MONTH.signals().stream().filter(s -> s.household() >= 0)
                .collect(Collectors.groupingBy(Signal::household));
        byHousehold.values().forEach(signals -> {
            assertThat(signals.stream().filter(s -> s.kind().equals("DEATH")).count()).isLessThanOrEqualTo(1);
            assertThat(signals.subList(0, signals.size() - 1)).noneMatch(s -> s.kind().equals("DEATH"));
        });
        LocalDate today = LocalDate.now(DemoGenerator.ZONE);
        assertThat(DemoGenerator.generate("500236", 300, DemoLoader.defaultCampaignEnd()).monitoring().signals())
                .as("nothing in the future, which household-service refuses").allMatch(s -> !s.occurredOn().isAfter(today));
    }

    @Test
    void peopleNobodyRegisteredHaveValidIdNumbersOfTheCounty() {
        Set<String> registered = COUNTY.households().stream().flatMap(h -> h.members().stream()).map(Member::idNumber)
                .collect(Collectors.toSet());
        List<String> strangers = MONTH.signals().stream().filter(s -> s.household() < 0).map(Signal::idNumber).toList();
        assertThat(strangers).isNotEmpty().doesNotHaveDuplicates().allMatch(IdNumbers::valid).allMatch(id -> id.startsWith("500236"))
                .noneMatch(registered::contains).allMatch(id -> LocalDate.parse(id.substring(6, 14),
                        java.time.format.DateTimeFormatter.BASIC_ISO_DATE).isBefore(END.minusYears(17)));
    }

    @Test
    void halfTheAlertsAreVisitedAndMostConfirmedRisksApproved() {
        Set<Integer> monitoredAtEnd = new HashSet<>();
        for (int i = 0; i < COUNTY.households().size(); i++) {
            if (COUNTY.households().get(i).monitoredAtCampaignEnd()) {
                monitoredAtEnd.add(i);
            }
        }
        assertThat(MONTH.followUps().keySet()).as("every household an alert can open for").isEqualTo(monitoredAtEnd);
        List<Verdict> alerted = MONTH.signals().stream().filter(s -> s.expected() == Expected.ALERT).map(Signal::household).distinct()
                .map(i -> MONTH.followUps().get(i).verdict()).toList();
        Map<Verdict, Long> verdicts = alerted.stream().collect(Collectors.groupingBy(v -> v, Collectors.counting()));
        assertThat(alerted).hasSize(68);
        assertThat(verdicts).isEqualTo(Map.of(Verdict.LEAVE_OPEN, 34L, Verdict.DISMISS, 14L, Verdict.CONFIRM, 4L,
                Verdict.CONFIRM_AND_APPROVE, 16L));
        for (FollowUp followUp : MONTH.followUps().values()) {
            boolean confirmed = followUp.verdict() == Verdict.CONFIRM || followUp.verdict() == Verdict.CONFIRM_AND_APPROVE;
            assertThat(followUp.riskType() != null).isEqualTo(confirmed);
            assertThat(followUp.findings() != null && !followUp.findings().isBlank()).isEqualTo(followUp.verdict() != Verdict.LEAVE_OPEN);
        }
        assertThat(MONTH.followUps().values()).filteredOn(f -> f.riskType() != null).extracting(FollowUp::riskType)
                .containsOnly("UNSTABLE_EXIT", "SUDDEN_HARDSHIP", "MARGINAL");
        assertThat(MONTH.followUps()).allSatisfy((i, followUp) -> {
            if (followUp.riskType() != null && COUNTY.households().get(i).initialStatus().equals("MONITORED")) {
                assertThat(followUp.riskType()).as("never poor: a marginal household").isEqualTo("MARGINAL");
            }
        });
    }

    @Test
    void verdictsByShareAtEverySize() {
        assertThat(DemoSignals.verdicts(0)).isEmpty();
        assertThat(DemoSignals.verdicts(1)).containsExactly(Verdict.CONFIRM_AND_APPROVE);
        assertThat(DemoSignals.verdicts(5)).containsExactly(Verdict.CONFIRM_AND_APPROVE, Verdict.CONFIRM, Verdict.DISMISS,
                Verdict.LEAVE_OPEN, Verdict.LEAVE_OPEN);
        Map<Verdict, Long> of33 = DemoSignals.verdicts(33).stream().collect(Collectors.groupingBy(v -> v, Collectors.counting()));
        assertThat(of33).isEqualTo(Map.of(Verdict.CONFIRM_AND_APPROVE, 8L, Verdict.CONFIRM, 2L, Verdict.DISMISS, 7L, Verdict.LEAVE_OPEN, 16L));
    }

    /** The brief's default rules, for households outside the poor register (EXITED, MONITORED). */
    private static Expected byTheRules(Signal signal) {
        if (signal.household() < 0) {
            return Expected.UNKNOWN_PERSON;
        }
        Household household = COUNTY.households().get(signal.household());
        boolean outsideTheRegister = household.returnedOn() == null && (household.confirmedOn() != null
                || household.initialStatus().equals("MONITORED"));
        if (!outsideTheRegister) {
            return Expected.NOT_MONITORED;
        }
        BigDecimal income = household.assessment() != null && !household.assessment().assessedOn().isAfter(signal.occurredOn())
                ? household.assessment().annualIncomePerCapita() : household.annualIncomePerCapita();
        BigDecimal annual = income.multiply(BigDecimal.valueOf(household.members().size()));
        List<Member> workers = household.members().stream().filter(m -> !m.laborCapacity().equals("NONE")).toList();
        boolean fires = switch (signal.kind()) {
            case "MEDICAL_EXPENSE" -> signal.amount().compareTo(BigDecimal.valueOf(20_000)) > 0
                    || signal.amount().multiply(BigDecimal.valueOf(2)).compareTo(annual) > 0;
            case "DISASTER_LOSS" -> signal.amount().compareTo(BigDecimal.valueOf(10_000)) > 0;
            case "INCOME_DROP" -> signal.amount().compareTo(BigDecimal.valueOf(6_000)) < 0;
            case "DEATH", "DISABILITY_CERTIFIED" -> workers.size() == 1 && workers.get(0).idNumber().equals(signal.idNumber());
            default -> true;
        };
        return fires ? Expected.ALERT : Expected.NO_WARNING;
    }
}
