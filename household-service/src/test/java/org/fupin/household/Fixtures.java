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
    private static final AtomicInteger NEXT_PERSON = new AtomicInteger();
    /**
     * Middle characters of the fixtures' names, each read differently in pinyin, so that two households of the
     * fixtures never hold people the duplicate check takes for one (same name or reading, and the same birth date).
     */
    private static final String MIDDLES = "一二三四五六七八九十百千万东南北春夏秋金木水火土红黄青云雨风雷电光明亮星月日天海江河湖林森松竹梅兰菊桃杨平安康福寿喜德仁智信忠孝勇强伟华国建军民文";

    public static final String COUNTY = "500235";
    /** The head of the first household of the fixtures was born on this day, the next one a day later, and so on. */
    public static final java.time.LocalDate HEAD_BORN = java.time.LocalDate.of(1970, 3, 4);
    public static final java.time.LocalDate SPOUSE_BORN = java.time.LocalDate.of(1972, 8, 11);

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
        // Other people in every household: a name of its own (张?山, 李?英) and birth dates a day apart.
        int n = NEXT_PERSON.getAndIncrement();
        String middle = MIDDLES.substring(n % MIDDLES.length(), n % MIDDLES.length() + 1);
        java.time.format.DateTimeFormatter compact = java.time.format.DateTimeFormatter.BASIC_ISO_DATE;
        List<Map<String, Object>> members = new ArrayList<>();
        members.add(member("张" + middle + "山", idNumber(HEAD_BORN.plusDays(n).format(compact), true), "HEAD"));
        members.add(member("李" + middle + "英", idNumber(SPOUSE_BORN.plusDays(n).format(compact), false), "SPOUSE"));
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
