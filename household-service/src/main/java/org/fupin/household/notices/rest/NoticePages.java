package org.fupin.household.notices.rest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.fupin.household.cases.domain.CaseKind;
import org.fupin.household.cases.domain.Stage;
import org.fupin.household.notices.service.PublicNotices;

/**
 * The printable forms (A4, simplified Chinese, as a county's boards are written): a notice list with one
 * page per village, and an announcement with one section per kind of case. Self-contained HTML, no
 * script and nothing fetched, so that it prints the same from any browser and passes any CSP.
 */
final class NoticePages {

    private static final Map<CaseKind, String> KINDS = new EnumMap<>(Map.of(
            CaseKind.IDENTIFY, "贫困户识别", CaseKind.EXIT, "贫困户退出", CaseKind.RETURN, "返贫认定", CaseKind.REMOVE, "清退"));
    private static final Map<Stage, String> NOTICES = new EnumMap<>(Map.of(
            Stage.VILLAGE_NOTICE, "村级公示", Stage.TOWNSHIP_NOTICE, "乡镇公示"));

    private static final String STYLE = """
            @page { size: A4; margin: 18mm 15mm; }
            body { font-family: "Noto Sans CJK SC", "WenQuanYi Micro Hei", "Microsoft YaHei", sans-serif; color: #000; margin: 0; }
            .page { break-after: page; page-break-after: always; }
            .page:last-child { break-after: auto; page-break-after: auto; }
            h1 { font-size: 22pt; text-align: center; margin: 0 0 4mm; letter-spacing: 2pt; }
            .sub { text-align: center; font-size: 12pt; margin: 0 0 6mm; }
            table { width: 100%; border-collapse: collapse; font-size: 11pt; }
            th, td { border: 1px solid #000; padding: 2mm 1.5mm; text-align: center; }
            th { background: #eee; }
            p { font-size: 11pt; line-height: 1.7; }
            .sign { text-align: right; margin-top: 10mm; }
            .empty { text-align: center; margin-top: 20mm; }
            """;

    private NoticePages() {
    }

    /** 公示名單: one page per village, its households in a table, the notice's dates and where to object. */
    static String board(PublicNotices.Board board) {
        Map<String, List<PublicNotices.NoticeEntry>> byVillage = new LinkedHashMap<>();
        board.entries().forEach(e -> byVillage.computeIfAbsent(e.village().code(), code -> new ArrayList<>()).add(e));
        StringBuilder html = head(name(board.region()) + " 公示名单 " + day(board.on()));
        if (byVillage.isEmpty()) {
            html.append("<section class=\"page\"><h1>公示名单</h1><p class=\"empty\">").append(escape(name(board.region())))
                    .append(' ').append(day(board.on())).append(" 无公示中的对象。</p></section>");
        }
        for (List<PublicNotices.NoticeEntry> village : byVillage.values()) {
            PublicNotices.NoticeEntry first = village.get(0);
            String where = (first.township() == null ? "" : first.township().name()) + first.village().name();
            html.append("<section class=\"page\" data-village=\"").append(escape(first.village().code())).append("\">")
                    .append("<h1>").append(escape(where)).append("公示名单</h1>")
                    .append("<p class=\"sub\">截至 ").append(day(board.on())).append("</p>")
                    .append("<table><thead><tr><th>序号</th><th>户编号</th><th>户主姓名</th><th>身份证号</th><th>公示事项</th>")
                    .append("<th>公示类别</th><th>公示期</th></tr></thead><tbody>");
            int n = 0;
            for (PublicNotices.NoticeEntry e : village) {
                html.append("<tr><td>").append(++n).append("</td><td>").append(escape(e.householdNo())).append("</td><td>")
                        .append(escape(e.headName() == null ? "—" : e.headName())).append("</td><td>")
                        .append(escape(e.headIdNumber())).append("</td><td>").append(KINDS.get(e.kind())).append("</td><td>")
                        .append(NOTICES.get(e.notice())).append("</td><td>").append(day(e.startsOn())).append(" 至 ")
                        .append(day(e.endsOn().minusDays(1))).append("</td></tr>");
            }
            html.append("</tbody></table>")
                    .append("<p>以上对象经入户核实、村民代表民主评议，现予公示。公示期内，任何单位和个人如有异议，")
                    .append("请以书面或电话形式向村民委员会或乡镇人民政府反映。</p>")
                    .append("<p class=\"sign\">").append(escape(first.village().name())).append("村民委员会<br>")
                    .append(day(board.on())).append("</p></section>");
        }
        return html.append("</body></html>").toString();
    }

    /** 公告: the county's approved cases of the period, one section per kind. */
    static String announcement(PublicNotices.Announcement announcement) {
        Map<CaseKind, List<PublicNotices.Announced>> byKind = new EnumMap<>(CaseKind.class);
        announcement.entries().forEach(e -> byKind.computeIfAbsent(e.kind(), kind -> new ArrayList<>()).add(e));
        String region = name(announcement.region());
        StringBuilder html = head(region + " 公告 " + day(announcement.from()) + "至" + day(announcement.to()));
        html.append("<section class=\"page\"><h1>").append(escape(region)).append("公告</h1>")
                .append("<p class=\"sub\">").append(day(announcement.from())).append(" 至 ").append(day(announcement.to())).append("</p>");
        if (byKind.isEmpty()) {
            html.append("<p class=\"empty\">本期无审定对象。</p>");
        }
        for (Map.Entry<CaseKind, List<PublicNotices.Announced>> kind : byKind.entrySet()) {
            html.append("<h2 data-kind=\"").append(kind.getKey()).append("\">").append(KINDS.get(kind.getKey()))
                    .append("（").append(kind.getValue().size()).append("户）</h2>")
                    .append("<table><thead><tr><th>序号</th><th>乡镇</th><th>村</th><th>户编号</th><th>户主姓名</th>")
                    .append("<th>身份证号</th><th>公告日期</th></tr></thead><tbody>");
            int n = 0;
            for (PublicNotices.Announced e : kind.getValue()) {
                html.append("<tr><td>").append(++n).append("</td><td>")
                        .append(escape(e.township() == null ? "" : e.township().name())).append("</td><td>")
                        .append(escape(e.village().name())).append("</td><td>").append(escape(e.householdNo())).append("</td><td>")
                        .append(escape(e.headName() == null ? "—" : e.headName())).append("</td><td>")
                        .append(escape(e.headIdNumber())).append("</td><td>").append(day(e.announcedOn())).append("</td></tr>");
            }
            html.append("</tbody></table>");
        }
        html.append("<p>以上对象经村级评议公示、乡镇审核，县级审定，现予公告。</p>")
                .append("<p class=\"sign\">").append(escape(region)).append("人民政府<br>").append(day(announcement.to()))
                .append("</p></section>");
        return html.append("</body></html>").toString();
    }

    private static StringBuilder head(String title) {
        return new StringBuilder(4096).append("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>")
                .append(escape(title)).append("</title><style>").append(STYLE).append("</style></head><body>");
    }

    private static String name(PublicNotices.Place place) {
        return place.name() == null ? place.code() : place.name();
    }

    private static String day(LocalDate day) {
        return day.getYear() + "年" + day.getMonthValue() + "月" + day.getDayOfMonth() + "日";
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
