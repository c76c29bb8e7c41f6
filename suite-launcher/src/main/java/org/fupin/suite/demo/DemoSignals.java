package org.fupin.suite.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

import org.fupin.suite.demo.DemoCounty.Expected;
import org.fupin.suite.demo.DemoCounty.FollowUp;
import org.fupin.suite.demo.DemoCounty.Household;
import org.fupin.suite.demo.DemoCounty.Member;
import org.fupin.suite.demo.DemoCounty.MonitoringMonth;
import org.fupin.suite.demo.DemoCounty.Signal;
import org.fupin.suite.demo.DemoCounty.Verdict;

/**
 * The month of dynamic monitoring (防止返貧動態監測) up to the campaign's end: the county's departments report what
 * happened to 3 % of the households over the last 30 days, most of them exited, some over a warning rule's threshold
 * and some under it, a few in the poor register; a handful of signals name people nobody registered, and a department
 * sends a few again. Each household an alert can open for gets what its verification visit will find. Drawn from the
 * generator's random once the households are made, so that the county is the same as without it.
 */
final class DemoSignals {

    /** The month: signals happened on the campaign's last 30 days. */
    static final int DAYS = 30;
    /** Percent of the households the departments report on. */
    static final int SIGNALLED_SHARE = 3;
    /** Of those, percent exited and percent monitored at the end; the rest are in the poor register (rounded, at least one each). */
    static final int EXITED_SHARE = 82;
    static final int MONITORED_SHARE = 8;
    /** One signal about a person nobody registered per this many households (at least one). */
    static final int HOUSEHOLDS_PER_UNKNOWN = 400;
    /** Percent of the signals a department sends again. */
    static final int RESENT_SHARE = 4;
    /** Percent of the alerts visited during the load; of those, percent confirmed; of those, percent approved by the township. */
    static final int VERIFIED_SHARE = 50;
    static final int CONFIRMED_SHARE = 60;
    static final int APPROVED_SHARE = 80;

    // household-service's default warning rules (V10__monitoring.sql, WarningRules.DEFAULT_LINE_FACTOR).
    static final BigDecimal MEDICAL_THRESHOLD = BigDecimal.valueOf(20_000);
    static final BigDecimal MEDICAL_INCOME_SHARE = new BigDecimal("0.5");
    static final BigDecimal DISASTER_THRESHOLD = BigDecimal.valueOf(10_000);
    /** 監測收入線: 1.5 × the poverty line in force (4,000 since 2020). */
    static final BigDecimal WARNING_LINE = BigDecimal.valueOf(DemoGenerator.POVERTY_LINE * 3 / 2);
    static final Set<String> AMOUNT_KINDS = Set.of("MEDICAL_EXPENSE", "DISASTER_LOSS", "INCOME_DROP");

    private static final String[] KINDS = { "MEDICAL_EXPENSE", "INCOME_DROP", "DISASTER_LOSS", "SERIOUS_ILLNESS", "JOB_LOSS",
            "SUBSISTENCE_GRANTED", "DISABILITY_CERTIFIED", "DEATH" };
    /** How often each kind is reported: medical costs most, deaths least. */
    private static final int[] KIND_WEIGHTS = { 28, 16, 12, 11, 11, 8, 8, 6 };
    private static final String[] UNKNOWN_KINDS = { "MEDICAL_EXPENSE", "SERIOUS_ILLNESS", "SUBSISTENCE_GRANTED", "JOB_LOSS", "DISASTER_LOSS" };
    /** Each department numbers its own signals, with its own prefix. */
    private static final Map<String, String> PREFIX = Map.of("MEDICAL_INSURANCE", "YB", "CIVIL_AFFAIRS", "MZ",
            "DISABLED_PERSONS_FEDERATION", "CL", "EMERGENCY_MANAGEMENT", "YJ", "HUMAN_RESOURCES", "RS", "EDUCATION", "JY",
            "HOUSING", "ZJ", "AGRICULTURE", "NY", "HEALTH", "WJ", "OTHER", "QT");
    private static final Set<String> SUDDEN = Set.of("MEDICAL_EXPENSE", "SERIOUS_ILLNESS", "DISASTER_LOSS", "DEATH", "DISABILITY_CERTIFIED");
    private static final DateTimeFormatter BASIC = DateTimeFormatter.BASIC_ISO_DATE;

    private final Random random;
    private final String county;
    private final LocalDate end;
    private final List<Household> households;
    private final Set<String> taken;

    /** {@code taken}: the ID numbers registered so far; the unknown people's are added to it. */
    DemoSignals(Random random, String county, LocalDate end, List<Household> households, Set<String> taken) {
        this.random = random;
        this.county = county;
        this.end = end;
        this.households = households;
        this.taken = taken;
    }

    /** A signal before its id: the department numbers it once the month is in order. */
    private record Draft(String department, String kind, int household, String idNumber, boolean byHouseholdNumber,
            LocalDate occurredOn, BigDecimal amount, String note, Expected expected) {
    }

    MonitoringMonth month() {
        List<Integer> exited = new ArrayList<>();
        List<Integer> monitored = new ArrayList<>();
        List<Integer> poor = new ArrayList<>();
        for (int i = 0; i < households.size(); i++) {
            switch (households.get(i).statusAtCampaignEnd()) {
                case "EXITED" -> exited.add(i);
                case "MONITORED" -> monitored.add(i);
                default -> poor.add(i);
            }
        }
        // Each pool in a random order: the households are taken from its end.
        for (List<Integer> pool : List.of(exited, monitored, poor)) {
            Collections.shuffle(pool, random);
        }
        // By share, at least one monitored and one poor household once there are three: every outcome at every size.
        int signalled = Math.max(1, (int) Math.round(households.size() * SIGNALLED_SHARE / 100.0));
        int ofMonitored = signalled < 3 ? 0 : Math.max(1, Math.round(signalled * MONITORED_SHARE / 100f));
        int ofPoor = signalled < 3 ? 0 : Math.max(1, Math.round(signalled * (100 - EXITED_SHARE - MONITORED_SHARE) / 100f));
        List<Draft> drafts = new ArrayList<>();
        Map<Integer, List<String>> kindsOf = new HashMap<>();
        for (int n = 0; n < signalled; n++) {
            List<List<Integer>> order = n < ofMonitored ? List.of(monitored, exited, poor)
                    : n < ofMonitored + ofPoor ? List.of(poor, exited, monitored) : List.of(exited, monitored, poor);
            Integer household = order.stream().filter(pool -> !pool.isEmpty()).findFirst().map(pool -> pool.remove(pool.size() - 1))
                    .orElse(null);
            if (household == null) {
                break;
            }
            List<Draft> ofHousehold = signalsOf(household);
            drafts.addAll(ofHousehold);
            kindsOf.put(household, ofHousehold.stream().map(Draft::kind).toList());
        }
        for (int u = Math.max(1, (int) Math.round(households.size() / (double) HOUSEHOLDS_PER_UNKNOWN)); u > 0; u--) {
            drafts.add(unknownPerson());
        }
        // Sent in the order they happened: a household's first warning opens its alert, the later ones join it.
        drafts.sort(Comparator.comparing(Draft::occurredOn));
        Map<String, Integer> numbered = new HashMap<>();
        List<Signal> signals = new ArrayList<>();
        for (Draft d : drafts) {
            int number = numbered.merge(d.department(), 1, Integer::sum);
            String id = PREFIX.get(d.department()) + "-" + county + "-" + d.occurredOn().format(BASIC) + "-" + String.format("%05d", number);
            signals.add(new Signal(id, d.department(), d.kind(), d.household(), d.idNumber(), d.byHouseholdNumber(), d.occurredOn(),
                    d.amount(), d.note(), d.expected()));
        }
        // A department not sure its batch arrived sends some of it again, unchanged.
        int resentCount = Math.max(1, (int) Math.round(signals.size() * RESENT_SHARE / 100.0));
        Set<Integer> again = new HashSet<>();
        while (again.size() < Math.min(resentCount, signals.size())) {
            again.add(random.nextInt(signals.size()));
        }
        List<Signal> resent = again.stream().sorted().map(signals::get).toList();
        // The alerts the month's signals open get their verdicts by share, the same for every size; those a helper's visit
        // may open meanwhile (it observed a risk), one drawn for each household that can have one.
        List<Integer> alerted = new ArrayList<>(new TreeSet<>(signals.stream().filter(signal -> signal.expected() == Expected.ALERT)
                .map(Signal::household).toList()));
        Collections.shuffle(alerted, random);
        List<Verdict> verdicts = verdicts(alerted.size());
        Map<Integer, FollowUp> followUps = new HashMap<>();
        for (int a = 0; a < alerted.size(); a++) {
            int i = alerted.get(a);
            followUps.put(i, followUp(households.get(i), verdicts.get(a), kindsOf.get(i)));
        }
        for (int i = 0; i < households.size(); i++) {
            if (households.get(i).monitoredAtCampaignEnd() && !followUps.containsKey(i)) {
                followUps.put(i, followUp(households.get(i), drawnVerdict(), kindsOf.getOrDefault(i, List.of())));
            }
        }
        return new MonitoringMonth(List.copyOf(signals), resent, Map.copyOf(followUps));
    }

    /** One to three signals about a household, on days of the month after its exit, a death only as the last of them. */
    private List<Draft> signalsOf(int index) {
        Household household = households.get(index);
        int roll = random.nextInt(100);
        int count = roll < 65 ? 1 : roll < 90 ? 2 : 3;
        LocalDate from = end.minusDays(DAYS - 1);
        // The watch begins where the help ends: what a department reports on an exited household happened after the exit.
        if (household.confirmedOn() != null && household.confirmedOn().isAfter(from)) {
            from = household.confirmedOn();
        }
        int span = (int) (end.toEpochDay() - from.toEpochDay()) + 1;
        List<LocalDate> days = new ArrayList<>();
        List<String> kinds = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            days.add(from.plusDays(random.nextInt(span)));
            kinds.add(DemoGenerator.weighted(random, KINDS, KIND_WEIGHTS));
        }
        days.sort(null);
        if (kinds.contains("DEATH")) {
            kinds.replaceAll(kind -> kind.equals("DEATH") ? "SERIOUS_ILLNESS" : kind);
            kinds.set(count - 1, "DEATH");
        }
        List<Draft> drafts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            drafts.add(draft(index, household, kinds.get(i), days.get(i), random.nextBoolean()));
        }
        return drafts;
    }

    /** A signal of the kind about the household, meant to fire a rule ({@code fire}) or to stay under its threshold. */
    private Draft draft(int index, Household household, String kind, LocalDate day, boolean fire) {
        String department = department(kind);
        List<Member> members = household.members();
        Member subject = switch (kind) {
            case "MEDICAL_EXPENSE", "SERIOUS_ILLNESS" -> preferring(members, m -> !m.health().equals("HEALTHY"));
            case "JOB_LOSS" -> preferring(members, m -> works(m) && m.migrantWorker(), DemoSignals::works);
            case "DEATH", "DISABILITY_CERTIFIED" -> {
                List<Member> workers = members.stream().filter(DemoSignals::works).toList();
                if (fire && workers.size() == 1) {
                    yield workers.get(0);
                }
                yield kind.equals("DEATH") ? members.stream().min(Comparator.comparing(m -> m.idNumber().substring(6, 14))).orElseThrow()
                        : preferring(members, m -> !onlyLabourer(members, m));
            }
            default -> household.head();
        };
        // Housing and agriculture know a household by its number in the register, the others a person by the ID number.
        boolean byNumber = kind.equals("DISASTER_LOSS") && (department.equals("HOUSING") || department.equals("AGRICULTURE"));
        BigDecimal amount = amount(kind, fire, income(household, day), members.size());
        Expected expected = !household.monitoredAtCampaignEnd() ? Expected.NOT_MONITORED
                : warns(kind, amount, income(household, day), members.size(), byNumber ? null : subject, members) ? Expected.ALERT
                        : Expected.NO_WARNING;
        return new Draft(department, kind, index, byNumber ? null : subject.idNumber(), byNumber, day, amount, note(kind, department),
                expected);
    }

    private Draft unknownPerson() {
        String id;
        do {
            LocalDate birth = end.minusYears(18 + random.nextInt(60)).minusDays(random.nextInt(365));
            id = IdNumbers.of(county, birth, random.nextInt(1000));
        } while (!taken.add(id));
        String kind = UNKNOWN_KINDS[random.nextInt(UNKNOWN_KINDS.length)];
        String department = kind.equals("DISASTER_LOSS") ? "EMERGENCY_MANAGEMENT" : department(kind);
        BigDecimal amount = amount(kind, random.nextBoolean(), BigDecimal.valueOf(DemoGenerator.POVERTY_LINE), 3);
        return new Draft(department, kind, -1, id, false, end.minusDays(random.nextInt(DAYS)), amount, note(kind, department),
                Expected.UNKNOWN_PERSON);
    }

    /**
     * Whether household-service's default rules fire for a signal about a monitored household: medical costs over
     * 20,000 yuan or over half the household's annual income, a disaster loss over 10,000, income per person under
     * the warning line, the death or disability of its only member able to work, and every job loss, subsistence
     * allowance and serious illness.
     */
    static boolean warns(String kind, BigDecimal amount, BigDecimal incomePerCapita, int size, Member subject, List<Member> members) {
        return switch (kind) {
            case "MEDICAL_EXPENSE" -> amount.compareTo(MEDICAL_THRESHOLD) > 0
                    || amount.compareTo(incomePerCapita.multiply(BigDecimal.valueOf(size)).multiply(MEDICAL_INCOME_SHARE)) > 0;
            case "DISASTER_LOSS" -> amount.compareTo(DISASTER_THRESHOLD) > 0;
            case "INCOME_DROP" -> amount.compareTo(WARNING_LINE) < 0;
            case "DEATH", "DISABILITY_CERTIFIED" -> subject != null && onlyLabourer(members, subject);
            case "JOB_LOSS", "SUBSISTENCE_GRANTED", "SERIOUS_ILLNESS" -> true;
            default -> throw new IllegalArgumentException("a department does not send " + kind);
        };
    }

    /**
     * Yuan, with a margin from each threshold so that the rule's answer is never a matter of rounding: medical costs
     * over 20,000 or between half the annual income and 20,000 (firing) or under 80 % of the lower limit; a loss over
     * or under 10,000; income per person under or over the warning line. Null for the kinds without an amount.
     */
    private BigDecimal amount(String kind, boolean fire, BigDecimal incomePerCapita, int size) {
        return switch (kind) {
            case "MEDICAL_EXPENSE" -> {
                int half = incomePerCapita.multiply(BigDecimal.valueOf(size)).multiply(MEDICAL_INCOME_SHARE).intValue();
                int limit = Math.min(half, MEDICAL_THRESHOLD.intValue());
                if (!fire) {
                    yield yuan(300 + random.nextInt(Math.max(1, limit * 4 / 5 - 300)));
                }
                int low = half + half / 10 + 1;
                yield random.nextBoolean() || low >= 19_000 ? yuan(20_500 + random.nextInt(40_000)) : yuan(low + random.nextInt(19_000 - low));
            }
            case "DISASTER_LOSS" -> fire ? yuan(10_500 + random.nextInt(50_000)) : yuan(800 + random.nextInt(8_700));
            case "INCOME_DROP" -> fire ? yuan(2_500 + random.nextInt(3_300)) : yuan(6_300 + random.nextInt(5_700));
            default -> null;
        };
    }

    private BigDecimal yuan(int whole) {
        return BigDecimal.valueOf(whole * 100L + random.nextInt(100), 2);
    }

    /** The income per person household-service compares with: the latest assessment on or before the day, else the registered one. */
    private static BigDecimal income(Household household, LocalDate day) {
        return household.assessment() != null && !household.assessment().assessedOn().isAfter(day)
                ? household.assessment().annualIncomePerCapita() : household.annualIncomePerCapita();
    }

    private static boolean works(Member member) {
        return member.laborCapacity().equals("FULL") || member.laborCapacity().equals("PARTIAL");
    }

    private static boolean onlyLabourer(List<Member> members, Member subject) {
        return works(subject) && members.stream().filter(m -> m != subject).noneMatch(DemoSignals::works);
    }

    /** A random member meeting the first condition some member meets, else any member. */
    @SafeVarargs
    private Member preferring(List<Member> members, Predicate<Member>... conditions) {
        for (Predicate<Member> condition : conditions) {
            List<Member> meeting = members.stream().filter(condition).toList();
            if (!meeting.isEmpty()) {
                return meeting.get(random.nextInt(meeting.size()));
            }
        }
        return members.get(random.nextInt(members.size()));
    }

    private String department(String kind) {
        int roll = random.nextInt(100);
        return switch (kind) {
            case "MEDICAL_EXPENSE" -> roll < 85 ? "MEDICAL_INSURANCE" : "HEALTH";
            case "SERIOUS_ILLNESS" -> roll < 70 ? "HEALTH" : "MEDICAL_INSURANCE";
            case "DISASTER_LOSS" -> roll < 60 ? "EMERGENCY_MANAGEMENT" : roll < 85 ? "AGRICULTURE" : "HOUSING";
            case "INCOME_DROP" -> roll < 45 ? "AGRICULTURE" : roll < 80 ? "HUMAN_RESOURCES" : "OTHER";
            case "JOB_LOSS" -> "HUMAN_RESOURCES";
            case "DISABILITY_CERTIFIED" -> "DISABLED_PERSONS_FEDERATION";
            default -> "CIVIL_AFFAIRS";
        };
    }

    /** The department's note; one in ten comes without. */
    private String note(String kind, String department) {
        if (random.nextInt(10) == 0) {
            return null;
        }
        return switch (kind) {
            case "MEDICAL_EXPENSE" -> random.nextBoolean() ? "住院医疗费用个人自付部分" : "门诊慢特病年度个人自付累计";
            case "SERIOUS_ILLNESS" -> random.nextBoolean() ? "确诊重大疾病（恶性肿瘤）" : "确诊重大疾病（终末期肾病）";
            case "DISASTER_LOSS" -> switch (department) {
                case "AGRICULTURE" -> "冰雹灾害致农作物绝收";
                case "HOUSING" -> "山体滑坡致住房受损";
                default -> "洪涝灾害造成房屋及财产损失";
            };
            case "INCOME_DROP" -> switch (department) {
                case "AGRICULTURE" -> "主要农产品价格下跌，经营性收入减少";
                case "HUMAN_RESOURCES" -> "外出务工收入中断";
                default -> "家庭收入核查：年人均纯收入明显下降";
            };
            case "JOB_LOSS" -> "务工企业停产，解除劳动合同";
            case "DISABILITY_CERTIFIED" -> "新办第二代残疾人证";
            case "DEATH" -> "户籍注销：死亡";
            default -> "纳入农村最低生活保障";
        };
    }

    /**
     * The verdicts of {@code alerts} alerts, in order: half of them (rounded up) visited during the load; of those,
     * {@value #CONFIRMED_SHARE} % confirmed (at least one), the rest dismissed; of the confirmed, one in five (at least one
     * of two or more) still waits for the township, the others approved.
     */
    static List<Verdict> verdicts(int alerts) {
        int verified = (alerts + 1) / 2;
        int confirmed = verified == 0 ? 0 : Math.max(1, Math.round(verified * CONFIRMED_SHARE / 100f));
        int waiting = confirmed < 2 ? 0 : Math.max(1, Math.round(confirmed * (100 - APPROVED_SHARE) / 100f));
        List<Verdict> verdicts = new ArrayList<>();
        for (int a = 0; a < alerts; a++) {
            verdicts.add(a < confirmed - waiting ? Verdict.CONFIRM_AND_APPROVE : a < confirmed ? Verdict.CONFIRM
                    : a < verified ? Verdict.DISMISS : Verdict.LEAVE_OPEN);
        }
        return verdicts;
    }

    /** The verdict on an alert nobody foresaw, in the same shares. */
    private Verdict drawnVerdict() {
        if (random.nextInt(100) >= VERIFIED_SHARE) {
            return Verdict.LEAVE_OPEN;
        }
        if (random.nextInt(100) >= CONFIRMED_SHARE) {
            return Verdict.DISMISS;
        }
        return random.nextInt(100) < APPROVED_SHARE ? Verdict.CONFIRM_AND_APPROVE : Verdict.CONFIRM;
    }

    /**
     * What the visit to the household's alert finds. The risk type follows the household: MARGINAL for one registered
     * as monitored (never poor), the flag's type for one flagged in the campaign, SUDDEN_HARDSHIP for an exited
     * household hit by illness, disaster or the loss of a member, else UNSTABLE_EXIT.
     */
    private static FollowUp followUp(Household household, Verdict verdict, List<String> kinds) {
        if (verdict == Verdict.LEAVE_OPEN) {
            return new FollowUp(verdict, null, null);
        }
        if (verdict == Verdict.DISMISS) {
            return new FollowUp(verdict, null, kinds.stream().anyMatch(k -> k.equals("MEDICAL_EXPENSE") || k.equals("SERIOUS_ILLNESS"))
                    ? "入户核实：医疗费用经基本医保、大病保险和医疗救助报销后负担可控，家庭收入稳定，无返贫致贫风险"
                    : "入户核实：家庭收入稳定，两不愁三保障和饮水安全持续达标，无返贫致贫风险");
        }
        String riskType = household.initialStatus().equals("MONITORED") ? "MARGINAL"
                : household.riskType() != null ? household.riskType()
                : kinds.stream().anyMatch(SUDDEN::contains) ? "SUDDEN_HARDSHIP" : "UNSTABLE_EXIT";
        String findings = switch (riskType) {
            case "MARGINAL" -> "入户核实：家庭年人均纯收入低于监测收入线，建议纳入边缘易致贫户监测";
            case "SUDDEN_HARDSHIP" -> "入户核实：因病因灾刚性支出骤增，基本生活出现严重困难，建议纳入突发严重困难户监测";
            default -> "入户核实：家庭收入下降，存在返贫风险，建议纳入脱贫不稳定户监测";
        };
        return new FollowUp(verdict, riskType, findings);
    }
}
