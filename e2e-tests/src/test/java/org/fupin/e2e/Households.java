package org.fupin.e2e;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Household bodies with valid, never repeated ID numbers (GB 11643 check digit computed here). */
final class Households {

    private static final int[] WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
    private static final String CHECK = "10X98765432";
    private static final AtomicInteger SERIAL = new AtomicInteger();

    private Households() {
    }

    /**
     * The middle character of every name, each read differently in pinyin; 71 of them (a prime), so that a name and a
     * birth date (840 of them, below) come back together only every 59,640 people: the suite's duplicate check
     * (same name or reading and the same birth date, or a near ID number) never takes two of these people for one.
     */
    private static final String MIDDLES = "一二三四五六七八九十百千万东南北春夏秋金木水火土红黄青云雨风雷电光明亮星月日天海江河湖林森松竹梅兰菊桃杨平安康福寿喜德仁智信忠孝勇强伟华国建军";

    static String idNumber() {
        return idNumberOf(SERIAL.incrementAndGet());
    }

    /**
     * The same ID number with another serial (digits 15 to 17) and the check character that fits. Move the serial by an
     * offset that is not a multiple of 40 (500, 700, 300, 900): people 840 × a apart share a birth date and their serials
     * differ by 840 × a mod 1,000, always a multiple of 40, so such an offset never gives the number of a person this
     * class generates later in the run (400 did: the person 8,400 serials on, whose registration then met 409).
     */
    static String withSerial(String idNumber, int serial) {
        return withCheck(idNumber.substring(0, 14) + String.format("%03d", serial));
    }

    private static String withCheck(String body) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body.charAt(i) - '0') * WEIGHTS[i];
        }
        return body + CHECK.charAt(sum % 11);
    }

    /** The name of the person with ID serial n: 王?国 for a head (masked 王*国), 王?亮, 王?华, 王?明 for the others. */
    private static String nameOf(int n, int member) {
        return "王" + MIDDLES.charAt(n % MIDDLES.length()) + (member == 0 ? '国' : "明亮华".charAt(member % 3));
    }

    private static String idNumberOf(int n) {
        String birth = String.format("19%02d%02d%02d", 50 + n % 40, 1 + n % 12, 1 + n % 28);
        // Birth date and serial repeat every 21,000 numbers (the least common multiple of 40, 12, 28 and 1,000); each
        // such block takes the next region code, so numbers never repeat (the benchmarks register tens of thousands).
        return withCheck(String.format("5002%02d", 35 + n / 21_000) + birth + String.format("%03d", n % 1000));
    }

    static Map<String, Object> household(String village, int members) {
        Map<String, Object> household = new HashMap<>();
        household.put("villageCode", village);
        household.put("address", "桂林村一组");
        household.put("phone", "13900139000");
        household.put("category", "GENERAL");
        household.put("causes", List.of("ILLNESS"));
        household.put("primaryCause", "ILLNESS");
        household.put("identifiedYear", 2016);
        household.put("annualIncomePerCapita", 2500);
        List<Map<String, Object>> list = new ArrayList<>();
        for (int i = 0; i < members; i++) {
            Map<String, Object> member = new HashMap<>();
            int n = SERIAL.incrementAndGet();
            member.put("name", nameOf(n, i));
            member.put("idNumber", idNumberOf(n));
            member.put("relation", i == 0 ? "HEAD" : "CHILD");
            member.put("health", "HEALTHY");
            member.put("severeMentalIllness", false);
            member.put("education", "GRADUATED");
            member.put("laborCapacity", "FULL");
            member.put("medicalInsurance", true);
            member.put("migrantWorker", false);
            list.add(member);
        }
        household.put("members", list);
        return household;
    }

    /** An assessment (兩不愁三保障) with food, clothing, schooling, medical care and water met, housing and income as given. */
    static Map<String, Object> assessment(java.time.LocalDate on, String housingSafetyGrade, int incomePerCapita) {
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
