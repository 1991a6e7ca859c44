package org.unionbot.core.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import org.unionbot.core.notify.Audience;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Reads the union's plan from YAML or from the Excel sheet unions already keep (月份, 项目, 对象, 负责人,
 * 日期规则, 提前提醒, 渠道, and optionally 时间, 地点, 跟进, 紧急, 编号). A bad row is reported with its number
 * and field and the other rows still load.
 */
public final class PlanReader {
    private static final LocalTime DEFAULT_TIME = LocalTime.of(9, 0);
    private static final Pattern NUMBER = Pattern.compile("[0-9一二两三四五六七八九十]+");

    private PlanReader() {
    }

    /** A YAML plan: {@code plan: name} and {@code items: [...]} with the fields of {@link PlanItem}. */
    @SuppressWarnings("unchecked")
    public static PlanImport yaml(String text) {
        Object root;
        try {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
        } catch (RuntimeException e) {
            return new PlanImport("", List.of(), List.of(new PlanRowError(0, "yaml", "无法读取 YAML：" + firstLine(e))));
        }
        if (!(root instanceof Map<?, ?> map) || !(map.get("items") instanceof List<?> rows)) {
            return new PlanImport("", List.of(), List.of(new PlanRowError(0, "items", "计划需要 items 列表")));
        }
        List<PlanItem> items = new ArrayList<>();
        List<PlanRowError> errors = new ArrayList<>();
        int n = 0;
        for (Object o : rows) {
            n++;
            if (!(o instanceof Map<?, ?> row)) {
                errors.add(new PlanRowError(n, "item", "每一项应是键值对"));
                continue;
            }
            Map<String, String> fields = new LinkedHashMap<>();
            ((Map<Object, Object>) row).forEach((k, v) -> fields.put(String.valueOf(k), v == null ? null : value(v)));
            item(n, fields, items, errors);
        }
        return new PlanImport(String.valueOf(map.get("plan") == null ? "" : map.get("plan")), items, errors);
    }

    private static String value(Object v) {
        if (v instanceof List<?> list) {
            return String.join(",", list.stream().map(String::valueOf).toList());
        }
        return String.valueOf(v);
    }

    /** The first sheet of an .xlsx/.xls plan; the header row names the columns, in any order. */
    public static PlanImport excel(InputStream in) throws IOException {
        List<PlanItem> items = new ArrayList<>();
        List<PlanRowError> errors = new ArrayList<>();
        try (Workbook book = WorkbookFactory.create(in)) {
            Sheet sheet = book.getSheetAt(0);
            DataFormatter format = new DataFormatter();
            Row header = sheet.getRow(sheet.getFirstRowNum());
            Map<Integer, String> columns = new LinkedHashMap<>();
            for (Cell c : header) {
                String field = COLUMNS.get(format.formatCellValue(c).strip());
                if (field != null) {
                    columns.put(c.getColumnIndex(), field);
                }
            }
            if (!columns.containsValue("title")) {
                errors.add(new PlanRowError(1, "项目", "表头缺少“项目”列"));
                return new PlanImport(sheet.getSheetName(), items, errors);
            }
            for (int r = sheet.getFirstRowNum() + 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                if (row == null) {
                    continue;
                }
                Map<String, String> fields = new LinkedHashMap<>();
                columns.forEach((i, f) -> {
                    Cell c = row.getCell(i);
                    String v = c == null ? "" : format.formatCellValue(c).strip();
                    if (!v.isEmpty()) {
                        fields.put(f, v);
                    }
                });
                if (fields.isEmpty()) {
                    continue;
                }
                item(r + 1, fields, items, errors);
            }
            return new PlanImport(sheet.getSheetName(), items, errors);
        }
    }

    private static final Map<String, String> COLUMNS = Map.ofEntries(
            Map.entry("编号", "key"), Map.entry("月份", "month"), Map.entry("项目", "title"),
            Map.entry("活动", "title"), Map.entry("对象", "audience"), Map.entry("参加对象", "audience"),
            Map.entry("负责人", "owner"), Map.entry("日期规则", "date"), Map.entry("日期", "date"),
            Map.entry("提前提醒", "lead"), Map.entry("渠道", "channel"), Map.entry("时间", "time"),
            Map.entry("地点", "place"), Map.entry("跟进", "follow_up"), Map.entry("紧急", "urgent"),
            Map.entry("备注", "note"));

    private static void item(int row, Map<String, String> f, List<PlanItem> items, List<PlanRowError> errors) {
        String title = f.get("title");
        if (title == null || title.isBlank()) {
            errors.add(new PlanRowError(row, "项目", "缺少项目名称"));
            return;
        }
        String field = "日期规则";
        try {
            String ruleText = f.get("date");
            if ((ruleText == null || ruleText.isBlank()) && f.get("month") != null) {
                ruleText = f.get("month").replace("份", "").strip();
                if (!ruleText.endsWith("月")) {
                    ruleText = ruleText + "月";
                }
            }
            if (ruleText == null || ruleText.isBlank()) {
                errors.add(new PlanRowError(row, field, "缺少日期规则或月份"));
                return;
            }
            DateRule rule = RuleParser.parse(ruleText);
            field = "对象";
            List<Audience> audience = Audience.parse(f.getOrDefault("audience", "全体会员"));
            field = "时间";
            LocalTime time = f.get("time") == null ? DEFAULT_TIME : LocalTime.parse(pad(f.get("time")));
            field = "提前提醒";
            List<Integer> lead = numbers(f.get("lead"));
            field = "跟进";
            List<Integer> follow = numbers(f.get("follow_up"));
            field = "编号";
            String key = f.get("key") == null ? keyOf(title) : f.get("key").strip();
            boolean dayOf = !"false".equalsIgnoreCase(f.getOrDefault("day_of", "true"));
            boolean urgent = List.of("true", "是", "紧急", "yes").contains(f.getOrDefault("urgent", "").strip());
            items.add(new PlanItem(key, title.strip(), ruleText.strip(), rule, time, audience, f.get("owner"), lead,
                    dayOf, follow.isEmpty() ? null : follow.get(0), blankToNull(f.get("channel")), urgent,
                    f.get("place"), f.get("note")));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            errors.add(new PlanRowError(row, field, firstLine(e)));
        }
    }

    /** The item as the YAML a {@link #yaml} plan item is written in (how a series is stored). */
    public static String toYaml(PlanItem item) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("key", item.key());
        m.put("title", item.title());
        m.put("date", item.ruleText());
        m.put("time", item.time().toString());
        m.put("audience", Audience.labels(item.audience()));
        putIf(m, "owner", item.owner());
        if (!item.leadDays().isEmpty()) {
            m.put("lead", item.leadDays());
        }
        m.put("day_of", item.dayOf());
        putIf(m, "follow_up", item.followUpDays());
        putIf(m, "channel", item.channel());
        m.put("urgent", item.urgent());
        putIf(m, "place", item.place());
        putIf(m, "note", item.note());
        org.yaml.snakeyaml.DumperOptions options = new org.yaml.snakeyaml.DumperOptions();
        options.setDefaultFlowStyle(org.yaml.snakeyaml.DumperOptions.FlowStyle.BLOCK);
        return new Yaml(options).dump(m);
    }

    private static void putIf(Map<String, Object> m, String key, Object value) {
        if (value != null) {
            m.put(key, value);
        }
    }

    /** "7,1", "提前7天、1天", "提前三天", "[7, 1]" → 7, 1. */
    static List<Integer> numbers(String text) {
        List<Integer> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        Matcher m = NUMBER.matcher(text);
        while (m.find()) {
            out.add(RuleParser.number(m.group()));
        }
        return out;
    }

    private static String pad(String time) {
        String t = time.strip().replace('：', ':');
        return t.length() == 4 ? "0" + t : t;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** A stable key for a row without 编号: the same title gives the same series on a re-import. */
    static String keyOf(String title) {
        CRC32 crc = new CRC32();
        crc.update(title.strip().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return "item-" + Long.toHexString(crc.getValue());
    }

    private static String firstLine(Exception e) {
        String m = String.valueOf(e.getMessage());
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
