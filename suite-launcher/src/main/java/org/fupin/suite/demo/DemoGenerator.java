package org.fupin.suite.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import org.fupin.suite.demo.DemoCounty.Assessment;
import org.fupin.suite.demo.DemoCounty.Group;
import org.fupin.suite.demo.DemoCounty.Helper;
import org.fupin.suite.demo.DemoCounty.Household;
import org.fupin.suite.demo.DemoCounty.Measure;
import org.fupin.suite.demo.DemoCounty.Member;
import org.fupin.suite.demo.DemoCounty.Region;
import org.fupin.suite.demo.DemoCounty.Unit;
import org.fupin.suite.demo.DemoCounty.VillageMeasure;
import org.fupin.suite.demo.DemoCounty.VillagePairing;
import org.fupin.suite.demo.DemoCounty.Visit;
import org.fupin.suite.demo.DemoCounty.WarZone;
import org.fupin.suite.demo.DemoCounty.WorkTeam;

/**
 * Makes the demo county of ARCHITECTURE.md's story from a fixed seed, so that every run (and
 * every test) sees the same county for the same size and campaign end: 42 townships (one of them
 * deep-poverty), 400 villages of which 162 poor and 19 deep-poverty, 107 departments, 250
 * enterprises in 40 assistance groups, 448 work teams, the households of a 100-day campaign and the
 * month of monitoring signals at its end ({@link DemoSignals}).
 */
public final class DemoGenerator {

    public static final String DEFAULT_COUNTY = "500236";
    public static final long SEED = 20190625L;
    public static final int TOWNSHIPS = 42;
    public static final int VILLAGES = 400;
    public static final int POOR_VILLAGES = 162;
    public static final int DEEP_POVERTY_VILLAGES = 19;
    /** Deep-poverty villages of the deep-poverty township; the others lie elsewhere. */
    static final int DEEP_IN_DEEP_TOWNSHIP = 6;
    public static final int DEPARTMENTS = 107;
    public static final int ENTERPRISES = 250;
    public static final int GROUPS = 40;
    public static final int WORK_TEAMS = 448;
    public static final int CAMPAIGN_DAYS = 100;
    static final int TEAM_SIZE = 3;
    static final int COUNTY_LEADERS = 6;
    static final int MAX_HOUSEHOLDS = 5;
    /**
     * Percent of the households living in deep-poverty villages. With their small populations and few
     * exits this keeps their poverty incidence above the 3% exit line at the default size: the 19
     * deep-poverty villages "still to go" of the story, while the other poor villages have exited.
     */
    static final int DEEP_POVERTY_SHARE = 18;
    /** Percent of the households in the other poor villages; the rest live in villages that were never poor. */
    static final int POOR_VILLAGE_SHARE = 57;
    /** Percent of exited households flagged at risk (防返贫監測) after their exit, and of those, percent that return. */
    static final int RISK_SHARE = 5;
    static final int RETURN_SHARE = 40;
    /** Percent of completed household measures the household has confirmed receiving. */
    static final int CONFIRMED_SHARE = 85;
    /** The poverty line in force since 2020 (household-service: fupin.registry.poverty-line.2020). */
    static final int POVERTY_LINE = 4000;
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private static final String PLACE_FIRST = "龙高云南江双宝凤沙红渠养清泥上农外新平盘人黄后耀栖水洞桑大路鱼石堰普故长青白桃杨河中";
    private static final String PLACE_SECOND = "角阳安溪口土坪鸣市狮马鹿水坝郎津和石叶灵霞桥湾坡沟田山林池岩塘台溉营家庙";
    private static final String[] DEPARTMENT_FIELDS = { "发展和改革", "教育", "科学技术", "经济和信息化", "民族宗教", "公安", "民政",
            "司法", "财政", "人力资源和社会保障", "规划和自然资源", "生态环境", "住房和城乡建设", "城市管理", "交通", "水利", "农业农村",
            "商务", "文化和旅游", "卫生健康", "退役军人事务", "应急管理", "审计", "市场监督管理", "统计", "医疗保障", "林业", "乡村振兴",
            "供销", "扶贫开发", "移民", "粮食", "气象", "档案", "机关事务", "信访", "国资", "投资促进" };
    private static final String[] DEPARTMENT_KINDS = { "局", "服务中心", "事务中心" };
    private static final String[] INDUSTRIES = { "茶业", "农业开发", "食品", "建材", "电子商务", "旅游开发", "畜牧", "果业", "中药材",
            "物流", "建筑工程", "纺织", "粮油", "菌业", "水产" };
    private static final String NUMERALS = "一二三四五六七八九十";
    private static final String[] CAUSES = { "ILLNESS", "DISABILITY", "EDUCATION", "DISASTER", "LACK_OF_LAND", "LACK_OF_WATER",
            "LACK_OF_SKILLS", "LACK_OF_LABOR", "LACK_OF_FUNDS", "POOR_TRANSPORT", "LACK_OF_MOTIVATION" };
    /** How often each cause is the primary one, in the proportions poverty registers commonly show. */
    private static final int[] CAUSE_WEIGHTS = { 28, 12, 8, 3, 4, 3, 14, 12, 10, 3, 3 };
    private static final Map<String, String> MEASURE_FOR_CAUSE = Map.ofEntries(
            Map.entry("ILLNESS", "HEALTH"), Map.entry("DISABILITY", "SOCIAL_SECURITY"), Map.entry("EDUCATION", "EDUCATION"),
            Map.entry("DISASTER", "HOUSING"), Map.entry("LACK_OF_LAND", "INDUSTRY"), Map.entry("LACK_OF_WATER", "INFRASTRUCTURE"),
            Map.entry("LACK_OF_SKILLS", "TECHNOLOGY"), Map.entry("LACK_OF_LABOR", "SOCIAL_SECURITY"),
            Map.entry("LACK_OF_FUNDS", "MICROCREDIT"), Map.entry("POOR_TRANSPORT", "RELOCATION"),
            Map.entry("LACK_OF_MOTIVATION", "EMPLOYMENT"));
    private static final String[] SECOND_MEASURES = { "INDUSTRY", "EMPLOYMENT", "COMMERCE", "ECOLOGICAL", "PUBLIC_WELFARE" };
    private static final String[] VISIT_NOTES = { "了解产业发展情况", "宣讲扶贫政策", "核实家庭收入", "送医送药上门", "检查住房安全",
            "落实教育资助", "帮助联系务工", "查看饮水设施" };

    private final Random random;
    private final String county;
    private final LocalDate start;
    private final LocalDate end;
    private final Set<String> idNumbers = new HashSet<>();
    private final Set<String> placeNames = new HashSet<>();

    private DemoGenerator(String county, LocalDate campaignEnd) {
        // The county code is part of the seed: two demo counties side by side share no visit ids.
        this.random = new Random(SEED * 1_000_003L + Long.parseLong(county));
        this.county = county;
        this.end = campaignEnd;
        this.start = campaignEnd.minusDays(CAMPAIGN_DAYS - 1);
    }

    /** The county of the given size whose 100-day campaign ends on {@code campaignEnd}; the same arguments give the same county. */
    public static DemoCounty generate(String countyCode, int households, LocalDate campaignEnd) {
        if (!countyCode.matches("\\d{6}")) {
            throw new IllegalArgumentException("a county code has 6 digits, not " + countyCode);
        }
        if (households < 1) {
            throw new IllegalArgumentException("at least one household, not " + households);
        }
        return new DemoGenerator(countyCode, campaignEnd).county(households);
    }

    private DemoCounty county(int householdCount) {
        List<Region> regions = regions();
        List<Region> villages = regions.stream().filter(r -> r.level().equals("VILLAGE")).toList();
        List<Region> poor = new ArrayList<>(villages.stream().filter(Region::poorVillage).toList());
        List<Region> others = villages.stream().filter(r -> !r.poorVillage()).toList();

        List<Group> groups = new ArrayList<>();
        for (int g = 0; g < GROUPS; g++) {
            groups.add(new Group("第" + numeral(g + 1) + "帮扶集团"));
        }
        List<Unit> units = units();
        List<Helper> helpers = new ArrayList<>();
        // County leaders first: they lead the war zones.
        for (int i = 0; i < COUNTY_LEADERS; i++) {
            helpers.add(helper(0, "COUNTY_LEADER"));
        }
        // 448 teams: one per village, a second one for the poor villages needing most help.
        Collections.shuffle(poor, random);
        List<Region> teamVillages = new ArrayList<>(villages);
        teamVillages.addAll(poor.subList(0, WORK_TEAMS - VILLAGES));
        List<WorkTeam> teams = new ArrayList<>();
        Map<String, List<Integer>> villageHelpers = new HashMap<>();
        for (int t = 0; t < teamVillages.size(); t++) {
            int leader = helpers.size();
            helpers.add(helper(t % DEPARTMENTS, "CADRE"));
            List<Integer> members = new ArrayList<>();
            for (int m = 1; m < TEAM_SIZE; m++) {
                members.add(helpers.size());
                helpers.add(teamMember());
            }
            String village = teamVillages.get(t).code();
            teams.add(new WorkTeam(village, leader, members, start.minusDays(random.nextInt(600))));
            List<Integer> all = villageHelpers.computeIfAbsent(village, v -> new ArrayList<>());
            all.add(leader);
            all.addAll(members);
        }
        List<WarZone> zones = new ArrayList<>();
        List<Region> townships = regions.stream().filter(r -> r.level().equals("TOWNSHIP")).toList();
        String[] zoneNames = { "北部战区", "南部战区", "东部战区", "西部战区", "中部战区", "江北战区" };
        for (int z = 0; z < COUNTY_LEADERS; z++) {
            List<String> codes = new ArrayList<>();
            for (int t = z; t < townships.size(); t += COUNTY_LEADERS) {
                codes.add(townships.get(t).code());
            }
            zones.add(new WarZone(zoneNames[z], z, codes));
        }

        // Villages: every poor village with a group, and enterprises and departments of the county on it.
        List<VillagePairing> villagePairings = new ArrayList<>();
        List<VillageMeasure> villageMeasures = new ArrayList<>();
        Map<Integer, List<String>> groupVillages = new HashMap<>();
        for (int v = 0; v < poor.size(); v++) {
            int group = v % GROUPS;
            String code = poor.get(v).code();
            groupVillages.computeIfAbsent(group, g -> new ArrayList<>()).add(code);
            villagePairings.add(new VillagePairing("GROUP_VILLAGE", group, code, start));
            LocalDate startedOn = campaignDay();
            villageMeasures.add(new VillageMeasure(code, group, new Measure(random.nextBoolean() ? "INFRASTRUCTURE" : "INDUSTRY",
                    BigDecimal.valueOf(50_000L + random.nextInt(150) * 5_000L), startedOn, status(startedOn),
                    random.nextBoolean() ? "村道硬化及产业路建设" : "集体经济产业基地建设", null)));
        }
        Map<Integer, Integer> nextOfGroup = new HashMap<>();
        for (int u = 0; u < units.size(); u++) {
            Unit unit = units.get(u);
            if (unit.group() >= 0) {
                List<String> ofGroup = groupVillages.get(unit.group());
                int next = nextOfGroup.merge(unit.group(), 1, Integer::sum) - 1;
                villagePairings.add(new VillagePairing("UNIT_VILLAGE", u, ofGroup.get(next % ofGroup.size()), start));
            } else if (u < DEPARTMENTS) {
                villagePairings.add(new VillagePairing("UNIT_VILLAGE", u, poor.get(u % poor.size()).code(), start));
            }
        }

        Map<String, Region> byCode = new HashMap<>();
        regions.forEach(r -> byCode.put(r.code(), r));
        List<Region> deep = poor.stream().filter(Region::deepPoverty).toList();
        List<Region> poorNotDeep = poor.stream().filter(r -> !r.deepPoverty()).toList();
        int deepPlaced = 0;
        Map<Integer, Integer> load = new HashMap<>();
        List<Integer> pool = new ArrayList<>();
        List<Household> households = new ArrayList<>();
        for (int h = 0; h < householdCount; h++) {
            int roll = random.nextInt(100);
            // Deep-poverty villages in turn, so that each holds its share whatever the size.
            Region village = roll < DEEP_POVERTY_SHARE ? deep.get(deepPlaced++ % deep.size())
                    : roll < DEEP_POVERTY_SHARE + POOR_VILLAGE_SHARE ? poorNotDeep.get(random.nextInt(poorNotDeep.size()))
                    : others.get(random.nextInt(others.size()));
            int helper = pairedHelper(villageHelpers.get(village.code()), load, pool, helpers, units);
            households.add(household(h, village, byCode, helper));
        }
        // Drawn last, so that the county before it is the same as it was without.
        DemoCounty.MonitoringMonth monitoring = new DemoSignals(random, county, end, households, idNumbers).month();
        return new DemoCounty(county, start, end, List.copyOf(regions), List.copyOf(households), List.copyOf(groups),
                List.copyOf(units), List.copyOf(helpers), List.copyOf(teams), List.copyOf(zones), List.copyOf(villagePairings),
                List.copyOf(villageMeasures), monitoring);
    }

    /** A helper of the village's work teams with room left, else one from the county pool (made when it is full). */
    private int pairedHelper(List<Integer> ofVillage, Map<Integer, Integer> load, List<Integer> pool, List<Helper> helpers,
            List<Unit> units) {
        for (int candidate : ofVillage) {
            if (load.getOrDefault(candidate, 0) < helpers.get(candidate).maxHouseholds()) {
                load.merge(candidate, 1, Integer::sum);
                return candidate;
            }
        }
        if (pool.isEmpty() || load.getOrDefault(pool.get(pool.size() - 1), 0) >= MAX_HOUSEHOLDS) {
            pool.add(helpers.size());
            boolean enterprise = random.nextInt(100) < 40;
            helpers.add(enterprise ? helper(DEPARTMENTS + random.nextInt(ENTERPRISES), "ENTERPRISE_STAFF")
                    : helper(random.nextInt(DEPARTMENTS), "CADRE"));
        }
        int chosen = pool.get(pool.size() - 1);
        load.merge(chosen, 1, Integer::sum);
        return chosen;
    }

    private List<Region> regions() {
        List<Region> townships = new ArrayList<>();
        List<List<Region>> villagesOf = new ArrayList<>();
        // 400 villages over 42 townships: 22 townships of 10 villages, 20 of 9, in a shuffled order.
        List<Integer> sizes = new ArrayList<>();
        for (int t = 0; t < TOWNSHIPS; t++) {
            sizes.add(t < VILLAGES - 9 * TOWNSHIPS ? 10 : 9);
        }
        Collections.shuffle(sizes, random);
        int deepTownship = random.nextInt(TOWNSHIPS);
        List<int[]> candidates = new ArrayList<>();
        for (int t = 0; t < TOWNSHIPS; t++) {
            if (t != deepTownship) {
                for (int v = 0; v < sizes.get(t); v++) {
                    candidates.add(new int[] { t, v });
                }
            }
        }
        Collections.shuffle(candidates, random);
        int poorElsewhere = POOR_VILLAGES - sizes.get(deepTownship);
        int deepElsewhere = DEEP_POVERTY_VILLAGES - DEEP_IN_DEEP_TOWNSHIP;
        Set<String> poorKeys = new HashSet<>();
        Set<String> deepKeys = new HashSet<>();
        for (int i = 0; i < poorElsewhere; i++) {
            String key = candidates.get(i)[0] + "/" + candidates.get(i)[1];
            poorKeys.add(key);
            if (i < deepElsewhere) {
                deepKeys.add(key);
            }
        }
        for (int v = 0; v < sizes.get(deepTownship); v++) {
            poorKeys.add(deepTownship + "/" + v);
            if (v < DEEP_IN_DEEP_TOWNSHIP) {
                deepKeys.add(deepTownship + "/" + v);
            }
        }
        for (int t = 0; t < TOWNSHIPS; t++) {
            // Towns (镇) take codes 101.., townships (乡) 201.., as GB/T 2260 numbers them.
            boolean town = t < 30;
            String code = county + String.format("%03d", town ? 101 + t : 201 + t - 30);
            String name = placeName() + (town ? "镇" : "乡");
            List<Region> villages = new ArrayList<>();
            int population = 0;
            for (int v = 0; v < sizes.get(t); v++) {
                String key = t + "/" + v;
                // Deep-poverty villages are the small remote ones; the others have 1,500 to 4,500 rural people.
                int rural = deepKeys.contains(key) ? 600 + random.nextInt(600) : 1_500 + random.nextInt(3_000);
                population += rural;
                villages.add(new Region(code + String.format("%03d", 201 + v), placeName() + "村", "VILLAGE", code, rural,
                        poorKeys.contains(key), deepKeys.contains(key)));
            }
            townships.add(new Region(code, name, "TOWNSHIP", county, population, false, t == deepTownship));
            villagesOf.add(villages);
        }
        List<Region> all = new ArrayList<>();
        all.add(new Region(county, "彩云县", "COUNTY", null, townships.stream().mapToInt(Region::ruralPopulation).sum(), false, false));
        all.addAll(townships);
        villagesOf.forEach(all::addAll);
        return all;
    }

    private List<Unit> units() {
        List<Unit> units = new ArrayList<>();
        units.add(new Unit("彩云县委办公室", "DEPARTMENT", -1));
        outer:
        for (String kind : DEPARTMENT_KINDS) {
            for (String field : DEPARTMENT_FIELDS) {
                if (units.size() == DEPARTMENTS) {
                    break outer;
                }
                units.add(new Unit("彩云县" + field + kind, "DEPARTMENT", -1));
            }
        }
        Set<String> names = new HashSet<>();
        for (int e = 0; e < ENTERPRISES; e++) {
            String name;
            do {
                name = "彩云县" + placeName2() + INDUSTRIES[random.nextInt(INDUSTRIES.length)] + "有限公司";
            } while (!names.add(name));
            units.add(new Unit(name, "ENTERPRISE", e % GROUPS));
        }
        return units;
    }

    private Helper helper(int unit, String kind) {
        boolean male = random.nextInt(100) < 65;
        return new Helper(Names.person(random, Names.surname(random), male, false), mobile(), unit, kind, MAX_HOUSEHOLDS);
    }

    private Helper teamMember() {
        int roll = random.nextInt(100);
        if (roll < 25) {
            return helper(DEPARTMENTS + random.nextInt(ENTERPRISES), "ENTERPRISE_STAFF");
        }
        String kind = roll < 85 ? "CADRE" : roll < 95 ? "TEACHER" : "DOCTOR";
        return helper(random.nextInt(DEPARTMENTS), kind);
    }

    private Household household(int index, Region village, Map<String, Region> regions, int helper) {
        Region township = regions.get(village.parentCode());
        // A quarter of the households come from records written in traditional characters.
        boolean traditional = random.nextInt(100) < 25;
        String primary = weighted(random, CAUSES, CAUSE_WEIGHTS);
        LinkedHashSet<String> causes = new LinkedHashSet<>(List.of(primary));
        for (int i = random.nextInt(3); i > 0; i--) {
            causes.add(CAUSES[random.nextInt(CAUSES.length)]);
        }
        int categoryRoll = random.nextInt(100);
        String category = categoryRoll < 78 ? "GENERAL" : categoryRoll < 94 ? "SUBSISTENCE_ALLOWANCE" : "EXTREME_HARDSHIP";
        int identifiedYear = 2014 + Math.min(5, (int) Math.abs(random.nextGaussian() * 2));
        LocalDate registeredOn = LocalDate.of(identifiedYear, 9, 1).plusDays(random.nextInt(100));
        BigDecimal income = BigDecimal.valueOf(1_800 + random.nextInt(2_100)).add(BigDecimal.valueOf(random.nextInt(100), 2));
        boolean monitored = random.nextInt(100) < 3;
        List<Member> members = members(primary, traditional);

        Assessment assessment = null;
        LocalDate proposedOn = null;
        LocalDate confirmedOn = null;
        LocalDate riskFlaggedOn = null;
        String riskType = null;
        LocalDate returnedOn = null;
        if (!monitored) {
            int exitShare = village.deepPoverty() ? 10 : village.poorVillage() ? 55 : 65;
            if (random.nextInt(100) < exitShare) {
                proposedOn = start.plusDays(5 + random.nextInt(CAMPAIGN_DAYS - 5));
                LocalDate assessedOn = proposedOn.minusDays(random.nextInt(15));
                if (assessedOn.isBefore(start)) {
                    assessedOn = start;
                }
                assessment = new Assessment(assessedOn, true, true, true, true, random.nextBoolean() ? "A" : "B", true,
                        BigDecimal.valueOf(POVERTY_LINE + 200 + random.nextInt(5_000)));
                // The public notice lasts 7 days; a proposal within the last week is still under notice.
                LocalDate noticeEnds = proposedOn.plusDays(7);
                if (!noticeEnds.isAfter(end)) {
                    LocalDate confirmed = noticeEnds.plusDays(random.nextInt(6));
                    confirmedOn = confirmed.isAfter(end) ? end : confirmed;
                }
                // Exit does not end the watch: a few exited households meet hardship again and are flagged, some return.
                if (confirmedOn != null && confirmedOn.isBefore(end) && random.nextInt(100) < RISK_SHARE) {
                    riskFlaggedOn = confirmedOn.plusDays(1 + random.nextInt((int) ChronoUnit.DAYS.between(confirmedOn, end)));
                    riskType = random.nextInt(100) < 60 ? "UNSTABLE_EXIT" : "SUDDEN_HARDSHIP";
                    if (random.nextInt(100) < RETURN_SHARE) {
                        LocalDate drawn = riskFlaggedOn.plusDays(random.nextInt((int) ChronoUnit.DAYS.between(riskFlaggedOn, end) + 1));
                        // A return is decided through a case, proposed after the flag and announced a notice's length later.
                        LocalDate earliest = riskFlaggedOn.plusDays(DemoCases.NOTICE_DAYS);
                        returnedOn = drawn.isBefore(earliest) ? (earliest.isAfter(end) ? null : earliest) : drawn;
                    }
                }
            } else if (random.nextBoolean()) {
                assessment = failingAssessment(campaignDay());
            }
        }
        List<Measure> measures = new ArrayList<>();
        LocalDate startedOn = campaignDay();
        measures.add(householdMeasure(MEASURE_FOR_CAUSE.get(primary), startedOn, "按户施策：" + primary));
        if (random.nextInt(100) < 30) {
            measures.add(householdMeasure(SECOND_MEASURES[random.nextInt(SECOND_MEASURES.length)], campaignDay(), "产业就业帮扶"));
        }
        List<Visit> visits = new ArrayList<>();
        for (int v = 1 + random.nextInt(3); v > 0; v--) {
            LocalDate day = start.plusDays(1 + random.nextInt(CAMPAIGN_DAYS - 1));
            visits.add(new Visit(uuid(), day.atTime(LocalTime.of(9 + random.nextInt(8), random.nextInt(60))).atZone(ZONE).toInstant(),
                    random.nextInt(100) < 2, VISIT_NOTES[random.nextInt(VISIT_NOTES.length)]));
        }
        String address = township.name() + village.name() + (1 + random.nextInt(9)) + "组" + (1 + random.nextInt(60)) + "号";
        return new Household("H" + (index + 1), village.code(), address, mobile(), category, List.copyOf(causes), primary,
                identifiedYear, income, monitored ? "MONITORED" : "POOR", registeredOn, members, assessment, proposedOn,
                confirmedOn, riskFlaggedOn, riskType, returnedOn, helper, List.copyOf(measures), List.copyOf(visits));
    }

    /** A measure for one household; most completed ones are confirmed by the household 10 to 30 days after they started. */
    private Measure householdMeasure(String type, LocalDate startedOn, String description) {
        String status = status(startedOn);
        LocalDate confirmedOn = null;
        if (status.equals("COMPLETED") && random.nextInt(100) < CONFIRMED_SHARE) {
            LocalDate day = startedOn.plusDays(10 + random.nextInt(21));
            confirmedOn = day.isAfter(end) ? end : day;
        }
        return new Measure(type, amount(), startedOn, status, description, confirmedOn);
    }

    /** An assessment that fails one dimension: housing, medical care, drinking water or income. */
    private Assessment failingAssessment(LocalDate on) {
        int dimension = random.nextInt(4);
        BigDecimal income = BigDecimal.valueOf(dimension == 3 ? 2_000 + random.nextInt(1_900) : POVERTY_LINE + random.nextInt(3_000));
        return new Assessment(on, true, true, true, dimension != 1, dimension == 0 ? (random.nextBoolean() ? "C" : "D") : "B",
                dimension != 2, income);
    }

    private List<Member> members(String primaryCause, boolean traditional) {
        int roll = random.nextInt(100);
        int size = roll < 10 ? 1 : roll < 30 ? 2 : roll < 60 ? 3 : roll < 85 ? 4 : roll < 95 ? 5 : 6;
        int surname = Names.surname(random);
        boolean headMale = random.nextInt(100) < 85;
        int headAge = 28 + random.nextInt(50);
        List<Member> members = new ArrayList<>();
        members.add(member("HEAD", Names.person(random, surname, headMale, traditional), headMale, headAge, primaryCause, true));
        for (int i = 1; i < size; i++) {
            String relation;
            int age;
            boolean male = random.nextBoolean();
            int memberSurname = surname;
            if (i == 1 && random.nextInt(100) < 80) {
                relation = "SPOUSE";
                male = !headMale;
                age = Math.max(20, headAge + random.nextInt(9) - 4);
                memberSurname = Names.surname(random);
            } else if (headAge >= 58 && random.nextInt(100) < 40) {
                relation = "GRANDCHILD";
                age = 1 + random.nextInt(15);
            } else if (headAge <= 50 && random.nextInt(100) < 30) {
                relation = "PARENT";
                age = Math.min(92, headAge + 22 + random.nextInt(9));
                memberSurname = male ? surname : Names.surname(random);
            } else {
                relation = "CHILD";
                age = Math.max(0, headAge - 22 - random.nextInt(11));
            }
            members.add(member(relation, Names.person(random, memberSurname, male, traditional), male, age, primaryCause, false));
        }
        return members;
    }

    private Member member(String relation, String name, boolean male, int age, String primaryCause, boolean head) {
        LocalDate birth = end.minusYears(age).minusDays(1 + random.nextInt(364));
        int healthRoll = random.nextInt(100);
        String health = healthRoll < 70 ? "HEALTHY" : healthRoll < 92 ? "CHRONIC_ILLNESS" : "SERIOUS_ILLNESS";
        if (head && primaryCause.equals("ILLNESS") && health.equals("HEALTHY")) {
            health = "CHRONIC_ILLNESS";
        }
        Integer disability = null;
        if ((head && primaryCause.equals("DISABILITY")) || random.nextInt(100) < 3) {
            disability = 1 + random.nextInt(4);
        }
        boolean mental = random.nextInt(1000) < 15;
        String education;
        if (age < 6) {
            education = "PRESCHOOL";
        } else if (age <= 15) {
            education = random.nextInt(100) < 2 ? "DROPPED_OUT" : "IN_SCHOOL";
        } else if (age <= 18) {
            education = random.nextInt(100) < 60 ? "IN_SCHOOL" : "GRADUATED";
        } else {
            education = age >= 60 && random.nextInt(100) < 40 ? "ILLITERATE" : "GRADUATED";
        }
        String labor;
        if (age < 16 || age > 70 || health.equals("SERIOUS_ILLNESS") || (disability != null && disability <= 2) || mental) {
            labor = "NONE";
        } else if (age < 18 || age > 60 || !health.equals("HEALTHY")) {
            labor = "PARTIAL";
        } else {
            labor = "FULL";
        }
        boolean migrant = labor.equals("FULL") && age <= 50 && random.nextInt(100) < 35;
        return new Member(name, idNumber(birth, male), relation, health, disability, mental, education, labor,
                random.nextInt(100) < 97, migrant);
    }

    private String idNumber(LocalDate birth, boolean male) {
        int sequence = random.nextInt(500) * 2 + (male ? 1 : 0);
        while (true) {
            String id = IdNumbers.of(county, birth, sequence);
            if (idNumbers.add(id)) {
                return id;
            }
            // Same day, same sex, same number: take the next free one of that sex.
            sequence = (sequence + 2) % 1000;
        }
    }

    private String placeName() {
        String name;
        do {
            name = placeName2();
        } while (!placeNames.add(name));
        return name;
    }

    private String placeName2() {
        return "" + PLACE_FIRST.charAt(random.nextInt(PLACE_FIRST.length())) + PLACE_SECOND.charAt(random.nextInt(PLACE_SECOND.length()));
    }

    private String mobile() {
        char second = "3589".charAt(random.nextInt(4));
        return "1" + second + String.format("%09d", random.nextInt(1_000_000_000));
    }

    private LocalDate campaignDay() {
        return start.plusDays(random.nextInt(CAMPAIGN_DAYS));
    }

    /** Measures started over a month before the campaign's end are mostly done. */
    private String status(LocalDate startedOn) {
        return startedOn.isBefore(end.minusDays(30)) && random.nextInt(100) < 70 ? "COMPLETED" : "IN_PROGRESS";
    }

    private BigDecimal amount() {
        return BigDecimal.valueOf(300 + random.nextInt(600) * 50L).setScale(2);
    }

    private UUID uuid() {
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low);
    }

    /** One of the values, each drawn as often as its weight says; shared with {@link DemoSignals}. */
    static String weighted(Random random, String[] values, int[] weights) {
        int total = 0;
        for (int w : weights) {
            total += w;
        }
        int roll = random.nextInt(total);
        for (int i = 0; i < values.length; i++) {
            roll -= weights[i];
            if (roll < 0) {
                return values[i];
            }
        }
        return values[values.length - 1];
    }

    private static String numeral(int n) {
        if (n <= 10) {
            return String.valueOf(NUMERALS.charAt(n - 1));
        }
        int tens = n / 10;
        int ones = n % 10;
        return (tens == 1 ? "" : String.valueOf(NUMERALS.charAt(tens - 1))) + "十" + (ones == 0 ? "" : String.valueOf(NUMERALS.charAt(ones - 1)));
    }
}
