package org.fupin.household;

import static io.restassured.RestAssured.given;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.fupin.household.registry.domain.IdNumber;
import org.fupin.testing.TestTokens;

import io.restassured.http.ContentType;

/** Regions, households and ID numbers for the service's tests; every test gets codes of its own. */
public final class Fixtures {

    private static final AtomicInteger NEXT_TOWNSHIP = new AtomicInteger(100);
    private static final AtomicInteger NEXT_SERIAL = new AtomicInteger(100);

    public static final String COUNTY = "500235";

    private Fixtures() {
    }

    /** Defines the county if needed, and a fresh township with one village; returns the village code. */
    public static String freshVillage() {
        putRegion(COUNTY, "云阳县", "COUNTY", null);
        String township = COUNTY + NEXT_TOWNSHIP.getAndIncrement();
        putRegion(township, "双土镇" + township.substring(6), "TOWNSHIP", COUNTY);
        String village = township + "201";
        putRegion(village, "桂林村" + township.substring(6), "VILLAGE", township);
        return village;
    }

    public static void putRegion(String code, String name, String level, String parent) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("level", level);
        body.put("parentCode", parent);
        body.put("ruralPopulation", 1000);
        body.put("poorVillage", level.equals("VILLAGE"));
        body.put("deepPoverty", false);
        int status = given().auth().oauth2(TestTokens.token("county-admin", code.substring(0, 6)))
                .contentType(ContentType.JSON).body(body)
                .put("/api/v1/regions/" + code).statusCode();
        if (status != 201 && status != 428) {
            throw new IllegalStateException("PUT region " + code + " answered " + status);
        }
    }

    /** A valid ID number, different at every call, born on the given date (yyyyMMdd) with the given gender digit parity. */
    public static String idNumber(String birthDate, boolean male) {
        int serial = NEXT_SERIAL.getAndIncrement() % 500 * 2 + (male ? 1 : 0);
        String body = "500235" + birthDate + String.format("%03d", serial % 1000);
        return body + IdNumber.checkCharacter(body);
    }

    public static Map<String, Object> member(String name, String idNumber, String relation) {
        Map<String, Object> member = new HashMap<>();
        member.put("name", name);
        member.put("idNumber", idNumber);
        member.put("relation", relation);
        member.put("health", "HEALTHY");
        member.put("disabilityGrade", null);
        member.put("severeMentalIllness", false);
        member.put("education", "GRADUATED");
        member.put("laborCapacity", "FULL");
        member.put("medicalInsurance", true);
        member.put("migrantWorker", false);
        return member;
    }

    public static Map<String, Object> household(String villageCode) {
        Map<String, Object> household = new HashMap<>();
        household.put("villageCode", villageCode);
        household.put("address", "桂林村三组12号");
        household.put("phone", "13800138000");
        household.put("category", "GENERAL");
        household.put("causes", List.of("ILLNESS", "LACK_OF_SKILLS"));
        household.put("primaryCause", "ILLNESS");
        household.put("identifiedYear", 2016);
        household.put("annualIncomePerCapita", 2800.50);
        List<Map<String, Object>> members = new ArrayList<>();
        members.add(member("张大山", idNumber("19700304", true), "HEAD"));
        members.add(member("李秀英", idNumber("19720811", false), "SPOUSE"));
        household.put("members", members);
        return household;
    }

    /** An assessment (兩不愁三保障) with food, clothing, schooling, medical care and water met, housing and income as given. */
    public static Map<String, Object> assessment(java.time.LocalDate on, String housingSafetyGrade, int incomePerCapita) {
        Map<String, Object> body = new HashMap<>();
        body.put("assessedOn", on.toString());
        body.put("food", true);
        body.put("clothing", true);
        body.put("compulsoryEducation", true);
        body.put("basicMedical", true);
        body.put("housingSafetyGrade", housingSafetyGrade);
        body.put("drinkingWater", true);
        body.put("annualIncomePerCapita", incomePerCapita);
        return body;
    }
}
