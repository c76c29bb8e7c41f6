package org.fupin.household.privacy;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.fupin.household.Fixtures;
import org.fupin.platform.privacy.Disclosure;
import org.fupin.kernel.Masks;
import org.fupin.platform.privacy.PersonalField;
import org.fupin.platform.privacy.PrivacyPolicy;
import org.fupin.testing.TestTokens;
import org.fupin.testing.InJvmKafka;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * The privacy policy field by field: every row of the policy file reads one household in JSON, in the list's CSV
 * and in its history, and sees each personal field as its row says; searches by a field it does not see in full
 * are refused; integrators must name a granted purpose.
 */
@QuarkusTest
@QuarkusTestResource(InJvmKafka.class)
@QuarkusTestResource(TestTokens.class)
class PersonalDataPolicyApiTest {

    @Inject
    PrivacyPolicy policy;

    /** A reader per row of the policy: its role, its purpose if the row names one, a token for the village's region. */
    record PolicyReader(String row, Map<PersonalField, Disclosure> disclosures, String token) {
        String show(PersonalField field, String stored) {
            return switch (disclosures.get(field)) {
                case FULL -> stored;
                case OMITTED -> null;
                case MASKED -> switch (field) {
                    case NAME -> Masks.name(stored);
                    case ID_NUMBER -> Masks.idNumber(stored);
                    case PHONE -> Masks.phone(stored);
                    case ADDRESS -> Masks.address(stored);
                    case BIRTH_DATE -> stored.substring(0, 4);
                    default -> throw new IllegalStateException(field + " has no masked form");
                };
            };
        }
    }

    private List<PolicyReader> readers(String village) {
        List<PolicyReader> readers = new ArrayList<>();
        policy.rows().forEach((row, disclosures) -> {
            String[] parts = row.split("/");
            String role = parts[0];
            String region = switch (role) {
                case "village-cadre" -> village;
                case "township-officer", "assistance-officer" -> village.substring(0, 9);
                default -> Fixtures.COUNTY;
            };
            var claims = TestTokens.claims("policy-" + row.replace('/', '-'), role, region);
            if (parts.length == 2) {
                claims.claim("purpose", parts[1]);
            }
            readers.add(new PolicyReader(row, disclosures, TestTokens.sign(claims)));
        });
        assertThat(readers).extracting(PolicyReader::row).contains("county-admin", "village-cadre", "assistance-officer",
                "auditor", "integrator/statistics");
        return readers;
    }

    @Test
    void everyRowOfThePolicySeesEachPersonalFieldAsItSaysInJsonCsvAndHistory() {
        String village = Fixtures.freshVillage();
        Map<String, Object> body = Fixtures.household(village);
        @SuppressWarnings("unchecked")
        Map<String, Object> head = ((List<Map<String, Object>>) body.get("members")).get(0);
        head.put("health", "SERIOUS_ILLNESS");
        head.put("disabilityGrade", 2);
        head.put("severeMentalIllness", true);
        String idNumber = (String) head.get("idNumber");
        String name = (String) head.get("name");
        String born = idNumber.substring(6, 10) + "-" + idNumber.substring(10, 12) + "-" + idNumber.substring(12, 14);
        String admin = TestTokens.token("county-admin");
        var created = given().auth().oauth2(admin).contentType(ContentType.JSON).body(body)
                .post("/api/v1/households").then().statusCode(201).extract();
        String id = created.path("id");
        String headId = created.path("members.find { it.relation == 'HEAD' }.id");
        given().auth().oauth2(admin).contentType("application/merge-patch+json").header("If-Match", created.header("ETag"))
                .body(Map.of("phone", "13912345678")).patch("/api/v1/households/" + id).then().statusCode(200);

        for (PolicyReader reader : readers(village)) {
            String as = "as " + reader.row();
            JsonPath household = given().auth().oauth2(reader.token()).get("/api/v1/households/" + id)
                    .then().statusCode(200).extract().jsonPath();
            Map<String, Object> member = household.getMap("members.find { it.relation == 'HEAD' }");
            assertThat(household.getString("phone")).as(as).isEqualTo(reader.show(PersonalField.PHONE, "13912345678"));
            assertThat(household.getString("address")).as(as).isEqualTo(reader.show(PersonalField.ADDRESS, "桂林村三组12号"));
            assertThat(member.get("name")).as(as).isEqualTo(reader.show(PersonalField.NAME, name));
            assertThat(member.get("idNumber")).as(as).isEqualTo(reader.show(PersonalField.ID_NUMBER, idNumber));
            assertThat(member.get("idNumberMasked")).as(as).isEqualTo(reader.disclosures().get(PersonalField.ID_NUMBER) == Disclosure.MASKED);
            assertThat(member.get("birthDate")).as(as).isEqualTo(reader.disclosures().get(PersonalField.BIRTH_DATE) == Disclosure.FULL
                    ? born : null);
            assertThat(member.get("birthYear")).as(as).isEqualTo(reader.disclosures().get(PersonalField.BIRTH_DATE) == Disclosure.MASKED
                    ? Integer.valueOf(born.substring(0, 4)) : null);
            assertThat(member.get("health")).as(as).isEqualTo(reader.show(PersonalField.HEALTH, "SERIOUS_ILLNESS"));
            boolean disability = reader.disclosures().get(PersonalField.DISABILITY) == Disclosure.FULL;
            assertThat(member.get("disabilityGrade")).as(as).isEqualTo(disability ? 2 : null);
            boolean mental = reader.disclosures().get(PersonalField.MENTAL_ILLNESS) == Disclosure.FULL;
            assertThat(member.get("severeMentalIllness")).as(as).isEqualTo(mental ? true : null);
            for (PersonalField field : PersonalField.values()) {
                String listed = switch (reader.disclosures().get(field)) {
                    case FULL -> "neither";
                    case MASKED -> "masked";
                    case OMITTED -> "omitted";
                };
                assertThat(household.getList("masked").contains(field.column())).as(as + ", " + field).isEqualTo(listed.equals("masked"));
                assertThat(household.getList("omitted").contains(field.column())).as(as + ", " + field).isEqualTo(listed.equals("omitted"));
            }

            String csv = given().auth().oauth2(reader.token()).accept("text/csv").queryParam("region", village)
                    .queryParam("q", created.path("householdNo").toString()).get("/api/v1/households")
                    .then().statusCode(200).extract().asString();
            List<String> header = List.of(csv.lines().findFirst().orElseThrow().split(","));
            List<String> row = List.of(csv.lines().skip(1).findFirst().orElseThrow().split(",", -1));
            assertThat(row.get(header.indexOf("headName"))).as(as).isEqualTo(orEmpty(reader.show(PersonalField.NAME, name)));
            assertThat(row.get(header.indexOf("headIdNumber"))).as(as).isEqualTo(orEmpty(reader.show(PersonalField.ID_NUMBER, idNumber)));

            var history = given().auth().oauth2(reader.token()).get("/api/v1/households/" + id + "/history").then().extract();
            if (history.statusCode() == 403) {
                continue; // a role the history is not for (integrators, assistance officers)
            }
            JsonPath entries = history.jsonPath();
            // Oldest first: the registration, then the change of phone.
            Map<String, Object> phone = entries.getMap("items[1].changes.find { it.field == 'phone' }");
            boolean withheld = reader.disclosures().get(PersonalField.PHONE) == Disclosure.OMITTED;
            assertThat(phone.get("from")).as(as).isEqualTo(reader.show(PersonalField.PHONE, "13800138000"));
            assertThat(phone.get("to")).as(as).isEqualTo(reader.show(PersonalField.PHONE, "13912345678"));
            assertThat(phone.get("withheld")).as(as).isEqualTo(withheld ? true : null);
            String registeredId = entries.getString("items[0].changes.find { it.field == 'members[" + headId + "].idNumber' }.to");
            assertThat(registeredId).as(as).isEqualTo(reader.show(PersonalField.ID_NUMBER, idNumber));
        }
    }

    @Test
    void aSearchByAPersonalFieldNeedsThatFieldInFullSoThatNoRoleUsesSearchAsAnOracle() {
        String village = Fixtures.freshVillage();
        Map<String, Object> body = Fixtures.household(village);
        @SuppressWarnings("unchecked")
        String idNumber = (String) ((List<Map<String, Object>>) body.get("members")).get(0).get("idNumber");
        @SuppressWarnings("unchecked")
        String name = (String) ((List<Map<String, Object>>) body.get("members")).get(0).get("name");
        var created = given().auth().oauth2(TestTokens.token("county-admin")).contentType(ContentType.JSON).body(body)
                .post("/api/v1/households").then().statusCode(201).extract();
        String number = created.path("householdNo");

        for (PolicyReader reader : readers(village)) {
            for (var search : Map.of(PersonalField.ID_NUMBER, idNumber, PersonalField.NAME, name).entrySet()) {
                var answer = given().auth().oauth2(reader.token()).queryParam("region", village).queryParam("q", search.getValue())
                        .get("/api/v1/households").then();
                if (reader.disclosures().get(search.getKey()) == Disclosure.FULL) {
                    answer.statusCode(200).body("items[0].householdNo", equalTo(number));
                } else {
                    answer.statusCode(403).contentType("application/problem+json").body("code", equalTo("search-not-permitted"));
                }
            }
            // A household number is not personal data: everyone who may list households finds one by it.
            given().auth().oauth2(reader.token()).queryParam("q", number).get("/api/v1/households")
                    .then().statusCode(200).body("items[0].householdNo", equalTo(number));
        }
        // The refusal does not depend on whether the person is registered.
        given().auth().oauth2(TestTokens.token("auditor")).queryParam("q", Fixtures.idNumber("19990101", true))
                .get("/api/v1/households").then().statusCode(403).body("code", equalTo("search-not-permitted"));
    }

    @Test
    void anIntegratorMustNameAPurposeTheCountyGranted() {
        String village = Fixtures.freshVillage();
        String id = given().auth().oauth2(TestTokens.token("county-admin")).contentType(ContentType.JSON)
                .body(Fixtures.household(village)).post("/api/v1/households").then().statusCode(201).extract().path("id");
        var noPurpose = TestTokens.claims("integrator-without-purpose", "integrator", null);
        noPurpose.remove("purpose");
        given().auth().oauth2(TestTokens.sign(noPurpose)).get("/api/v1/households/" + id)
                .then().statusCode(403).body("code", equalTo("purpose-required"));
        given().auth().oauth2(TestTokens.sign(TestTokens.claims("integrator-marketing", "integrator", null).claim("purpose", "marketing")))
                .get("/api/v1/households").then().statusCode(403).body("code", equalTo("purpose-not-granted"));
        given().auth().oauth2(TestTokens.sign(TestTokens.claims("integrator-odd", "integrator", null).claim("purpose", "Stat istics!")))
                .get("/api/v1/households/" + id).then().statusCode(403).body("code", equalTo("purpose-not-granted"));
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
