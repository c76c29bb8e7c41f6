package org.fupin.household.duplicates;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.fupin.household.registry.domain.IdNumber;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * Duplicates already in the register, as an old import left them: households written straight into the tables without
 * the check (and without a pinyin key, as before migration V12), and the scan that brings them to the review queue.
 */
final class LegacyRegister {

    /** A person of a legacy household: the first is its head. */
    record Person(String name, String idBody, String relation) {
        String idNumber() {
            return idBody + IdNumber.checkCharacter(idBody);
        }
    }

    /** A household and its members' ids, in the order given. */
    record Household(UUID id, List<UUID> members) {
    }

    private final DataSource dataSource;

    LegacyRegister(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    static String id(String body) {
        return body + IdNumber.checkCharacter(body);
    }

    /** A household registered on 2016-05-01 with one member, its head. */
    UUID household(String village, int serial, String name, String idNumber) throws SQLException {
        return household(village, serial, List.of(new Person(name, idNumber.substring(0, 17), "HEAD"))).id();
    }

    Household household(String village, int serial, List<Person> people) throws SQLException {
        UUID household = UUID.randomUUID();
        List<UUID> members = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into household (id, household_no, village_code, address, category, causes, primary_cause, identified_year,
                        annual_income_per_capita, status, registered_on, status_since, ever_exited, version, created_at, updated_at)
                    values (?, ?, ?, '老台账', 'GENERAL', array['ILLNESS'], 'ILLNESS', 2016, 2500, 'POOR', date '2016-05-01',
                        date '2016-05-01', false, 0, now(), now())""")) {
                insert.setObject(1, household);
                insert.setString(2, village + String.format("9%04d", serial)); // clear of the numbers the registry gives
                insert.setString(3, village);
                insert.executeUpdate();
            }
            for (Person person : people) {
                UUID member = UUID.randomUUID();
                try (PreparedStatement insert = connection.prepareStatement("""
                        insert into household_member (id, household_id, name, id_number, gender, birth_date, relation, health,
                            severe_mental_illness, education, labor_capacity, medical_insurance, migrant_worker, version, name_search)
                        values (?, ?, ?, ?, 'MALE', ?, ?, 'HEALTHY', false, 'GRADUATED', 'FULL', true, false, 0, ?)""")) {
                    insert.setObject(1, member);
                    insert.setObject(2, household);
                    insert.setString(3, person.name());
                    insert.setString(4, person.idNumber());
                    insert.setObject(5, LocalDate.parse(person.idBody().substring(6, 14), DateTimeFormatter.BASIC_ISO_DATE));
                    insert.setString(6, person.relation());
                    insert.setString(7, person.name());
                    insert.executeUpdate();
                }
                members.add(member);
            }
        }
        return new Household(household, members);
    }

    /** Scans {@code region} as {@code token} and waits until the scan is done. */
    static JsonPath scan(String token, String region) throws InterruptedException {
        String location = given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("region", region))
                .post("/api/v1/duplicate-scans").then().statusCode(202).body("status", equalTo("QUEUED"))
                .extract().header("Location");
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        JsonPath scan;
        do {
            Thread.sleep(200);
            scan = given().auth().oauth2(token).get(location).then().statusCode(200).extract().jsonPath();
        } while (!scan.getString("status").equals("DONE") && !scan.getString("status").equals("FAILED") && System.nanoTime() < deadline);
        assertThat(scan.getString("status")).as(scan.prettify()).isEqualTo("DONE");
        return scan;
    }
}
