package org.fupin.suite.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.fupin.suite.demo.DemoCounty.FollowUp;
import org.fupin.suite.demo.DemoCounty.MonitoringMonth;
import org.fupin.suite.demo.DemoCounty.Signal;
import org.fupin.suite.demo.DemoCounty.Verdict;
import org.junit.jupiter.api.Test;

class DemoMonitoringTest {

    private static final LocalDate END = LocalDate.of(2026, 11, 28);

    @Test
    void aSignalNamesAPersonOrAHouseholdAndCarriesAnAmountOnlyWhereItsKindHasOne() {
        Signal medical = new Signal("YB-500236-20261120-00001", "MEDICAL_INSURANCE", "MEDICAL_EXPENSE", 3, "500236198001010013", false,
                LocalDate.of(2026, 11, 20), new BigDecimal("23456.70"), "住院医疗费用个人自付部分", DemoCounty.Expected.ALERT);
        JsonObject json = parse(DemoMonitoring.json(medical, "ignored"));
        assertThat(json.keySet()).containsExactlyInAnyOrder("signalId", "department", "kind", "idNumber", "occurredOn", "amount", "note");
        assertThat(json.getString("idNumber")).isEqualTo("500236198001010013");
        assertThat(json.getJsonNumber("amount").bigDecimalValue()).isEqualByComparingTo("23456.70");
        assertThat(json.getString("occurredOn")).isEqualTo("2026-11-20");
        assertThat(json.getString("note")).isEqualTo("住院医疗费用个人自付部分");

        Signal flood = new Signal("ZJ-500236-20261121-00001", "HOUSING", "DISASTER_LOSS", 3, null, true, LocalDate.of(2026, 11, 21),
                new BigDecimal("15000.00"), null, DemoCounty.Expected.ALERT);
        assertThat(parse(DemoMonitoring.json(flood, "5002360001234")).keySet())
                .containsExactlyInAnyOrder("signalId", "department", "kind", "householdNumber", "occurredOn", "amount");

        MonitoringMonth month = DemoGenerator.generate("500236", 3000, END).monitoring();
        for (Signal signal : month.signals()) {
            JsonObject body = parse(DemoMonitoring.json(signal, "N" + signal.household()));
            assertThat(body.containsKey("amount")).as(signal.signalId()).isEqualTo(DemoSignals.AMOUNT_KINDS.contains(signal.kind()));
            assertThat(body.containsKey("idNumber")).isNotEqualTo(body.containsKey("householdNumber"));
        }
    }

    @Test
    void theMonthGoesInBatchesOf500ThenTheSignalsSentAgainInOneOfTheirOwn() {
        DemoCounty county = DemoGenerator.generate("500236", 20_000, END);
        MonitoringMonth month = county.monitoring();
        Map<Integer, String> numbers = new HashMap<>();
        for (int i = 0; i < county.households().size(); i++) {
            numbers.put(i, "N" + i);
        }
        List<String> batches = DemoMonitoring.batches(month, numbers);
        assertThat(month.signals().size()).isGreaterThan(500);
        assertThat(batches).hasSize((month.signals().size() + 499) / 500 + 1);
        List<List<JsonObject>> signals = batches.stream().map(b -> parse(b).getJsonArray("signals").stream().map(JsonValue::asJsonObject)
                .toList()).toList();
        assertThat(signals).allMatch(batch -> !batch.isEmpty() && batch.size() <= 500);
        assertThat(signals.subList(0, signals.size() - 1).stream().mapToInt(List::size).sum()).isEqualTo(month.signals().size());
        assertThat(signals.get(signals.size() - 1)).extracting(s -> s.getString("signalId"))
                .containsExactlyElementsOf(month.resent().stream().map(Signal::signalId).toList());
    }

    @Test
    void aSignalAboutAHouseholdWithoutANumberIsLeftOut() {
        MonitoringMonth month = DemoGenerator.generate("500236", 3000, END).monitoring();
        long byNumber = month.signals().stream().filter(Signal::byHouseholdNumber).count();
        long resentByNumber = month.resent().stream().filter(Signal::byHouseholdNumber).count();
        int sent = DemoMonitoring.batches(month, Map.of()).stream().mapToInt(b -> parse(b).getJsonArray("signals").size()).sum();
        assertThat(byNumber).isPositive();
        assertThat(sent).isEqualTo(month.signals().size() + month.resent().size() - byNumber - resentByNumber);
    }

    @Test
    void aVisitConfirmsWithARiskTypeOrDismissesWithoutOneAndTheTownshipApproves() {
        LocalDate today = LocalDate.of(2026, 12, 2);
        JsonObject confirmed = parse(DemoMonitoring.verification(new FollowUp(Verdict.CONFIRM_AND_APPROVE, "SUDDEN_HARDSHIP", "入户核实：因病"),
                today));
        assertThat(confirmed.getString("verifiedOn")).isEqualTo("2026-12-02");
        assertThat(confirmed.getString("outcome")).isEqualTo("RISK_CONFIRMED");
        assertThat(confirmed.getString("riskType")).isEqualTo("SUDDEN_HARDSHIP");
        assertThat(confirmed.getString("findings")).isEqualTo("入户核实：因病");
        JsonObject dismissed = parse(DemoMonitoring.verification(new FollowUp(Verdict.DISMISS, null, "入户核实：收入稳定"), today));
        assertThat(dismissed.keySet()).containsExactlyInAnyOrder("verifiedOn", "outcome", "findings");
        assertThat(dismissed.getString("outcome")).isEqualTo("DISMISSED");
        assertThat(parse(DemoMonitoring.approval(today))).isEqualTo(Json.createObjectBuilder().add("decision", "APPROVE")
                .add("decidedOn", "2026-12-02").build());
    }

    private static JsonObject parse(String json) {
        try (var reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }
}
