package org.unionbot.core.member.roster;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.unionbot.core.i18n.Messages;
import org.unionbot.core.member.Birthday;
import org.unionbot.core.member.Gender;
import org.unionbot.core.member.MemberDraft;
import org.unionbot.core.member.MemberRepository;
import org.unionbot.core.member.MemberStatus;
import org.unionbot.core.member.UnionRole;

/**
 * Imports a roster table into the member repository. Idempotent: members are matched by staff number,
 * so importing the same file twice changes nothing. Rows with errors are reported by number and skipped;
 * the other rows are imported.
 *
 * <p>Tags that follow from the row are added so audiences need no second list: women get 女职工,
 * retirees 退休.
 */
public final class RosterImporter {
    public static final String TAG_WOMEN = "女职工";
    public static final String TAG_RETIRED = "退休";

    private static final Map<String, List<String>> COLUMNS = Map.ofEntries(
            Map.entry("name", List.of("姓名", "name")),
            Map.entry("staffNo", List.of("工号", "职工号", "staff_no", "staffno")),
            Map.entry("gender", List.of("性别", "gender")),
            Map.entry("birthday", List.of("生日", "出生日期", "birthday")),
            Map.entry("calendar", List.of("生日历法", "历法", "birthday_calendar")),
            Map.entry("status", List.of("状态", "status")),
            Map.entry("joinDate", List.of("入会日期", "join_date")),
            Map.entry("phone", List.of("手机", "手机号", "电话", "phone")),
            Map.entry("group", List.of("工会小组", "小组", "group")),
            Map.entry("roles", List.of("角色", "职务", "roles")),
            Map.entry("tags", List.of("标签", "tags")));
    private static final String LIST_SEPARATORS = "[、,，;；/|\\s]+";

    private final MemberRepository members;
    private final Messages messages;

    public RosterImporter(MemberRepository members, Messages messages) {
        this.members = members;
        this.messages = messages;
    }

    public ImportReport importTable(RosterTable table) {
        Map<String, String> columns = resolveColumns(table.headers());
        List<RowError> errors = new ArrayList<>();
        for (String required : List.of("name", "staffNo")) {
            if (!columns.containsKey(required)) {
                errors.add(new RowError(1, messages.get("roster.error.missingColumn", COLUMNS.get(required).get(0))));
            }
        }
        if (!errors.isEmpty()) {
            return new ImportReport(0, 0, 0, errors);
        }
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        Set<String> seenStaffNos = new HashSet<>();
        Map<String, List<Long>> leadersByGroup = new HashMap<>();
        for (RosterTable.Row row : table.rows()) {
            List<String> rowErrors = new ArrayList<>();
            MemberDraft draft = toDraft(row, columns, rowErrors);
            if (draft != null && !seenStaffNos.add(draft.staffNo())) {
                rowErrors.add(messages.get("roster.error.duplicateStaffNo", draft.staffNo()));
            }
            if (!rowErrors.isEmpty()) {
                errors.add(new RowError(row.number(), String.join("；", rowErrors)));
                continue;
            }
            MemberRepository.SaveOutcome outcome = members.save(draft);
            switch (outcome.change()) {
                case CREATED -> created++;
                case UPDATED -> updated++;
                case UNCHANGED -> unchanged++;
            }
            if (draft.roles().contains(UnionRole.GROUP_LEADER) && draft.groupName() != null) {
                leadersByGroup.computeIfAbsent(draft.groupName(), g -> new ArrayList<>()).add(outcome.memberId());
            }
        }
        assignGroupLeaders(leadersByGroup);
        return new ImportReport(created, updated, unchanged, errors);
    }

    private void assignGroupLeaders(Map<String, List<Long>> leadersByGroup) {
        for (var group : members.groups()) {
            List<Long> leaders = leadersByGroup.get(group.name());
            if (leaders != null && !leaders.contains(group.leaderMemberId())) {
                members.setGroupLeader(group.id(), leaders.get(0));
            }
        }
    }

    private MemberDraft toDraft(RosterTable.Row row, Map<String, String> columns, List<String> errors) {
        String name = cell(row, columns, "name");
        String staffNo = cell(row, columns, "staffNo");
        if (name.isEmpty()) {
            errors.add(messages.get("roster.error.noName"));
        }
        if (staffNo.isEmpty()) {
            errors.add(messages.get("roster.error.noStaffNo"));
        }
        Gender gender = parseGender(cell(row, columns, "gender"), errors);
        MemberStatus status = parseStatus(cell(row, columns, "status"), errors);
        Birthday birthday = parseBirthday(cell(row, columns, "birthday"), cell(row, columns, "calendar"), errors);
        LocalDate joinDate = parseJoinDate(cell(row, columns, "joinDate"), errors);
        String phoneTail = parsePhoneTail(cell(row, columns, "phone"), errors);
        Set<UnionRole> roles = parseRoles(cell(row, columns, "roles"), errors);
        Set<String> tags = new LinkedHashSet<>(split(cell(row, columns, "tags")));
        if (gender == Gender.FEMALE) {
            tags.add(TAG_WOMEN);
        }
        if (status == MemberStatus.RETIRED) {
            tags.add(TAG_RETIRED);
        }
        if (!errors.isEmpty()) {
            return null;
        }
        String group = cell(row, columns, "group");
        return new MemberDraft(name, staffNo, gender, birthday, status, joinDate, phoneTail,
                group.isEmpty() ? null : group, roles, tags);
    }

    private Gender parseGender(String text, List<String> errors) {
        return switch (text) {
            case "" -> Gender.UNKNOWN;
            case "女", "F", "f", "female" -> Gender.FEMALE;
            case "男", "M", "m", "male" -> Gender.MALE;
            default -> {
                errors.add(messages.get("roster.error.gender", text));
                yield Gender.UNKNOWN;
            }
        };
    }

    private MemberStatus parseStatus(String text, List<String> errors) {
        return switch (text) {
            case "", "在职", "在岗", "active" -> MemberStatus.ACTIVE;
            case "退休", "离退休", "离休", "retired" -> MemberStatus.RETIRED;
            case "调出", "调离", "已调出", "transferred" -> MemberStatus.TRANSFERRED;
            default -> {
                errors.add(messages.get("roster.error.status", text));
                yield MemberStatus.ACTIVE;
            }
        };
    }

    private Birthday parseBirthday(String text, String calendar, List<String> errors) {
        if (text.isEmpty()) {
            return null;
        }
        boolean lunar = calendar.equals("农历") || calendar.equals("阴历") || calendar.equalsIgnoreCase("lunar");
        Optional<Birthday> birthday = RosterDates.parseBirthday(text, lunar);
        if (birthday.isEmpty()) {
            errors.add(messages.get("roster.error.birthday", text));
        }
        return birthday.orElse(null);
    }

    private LocalDate parseJoinDate(String text, List<String> errors) {
        if (text.isEmpty()) {
            return null;
        }
        Optional<LocalDate> date = RosterDates.parseDate(text);
        if (date.isEmpty()) {
            errors.add(messages.get("roster.error.joinDate", text));
        }
        return date.orElse(null);
    }

    private String parsePhoneTail(String text, List<String> errors) {
        if (text.isEmpty()) {
            return null;
        }
        String digits = text.replaceAll("\\D", "");
        if (digits.length() < 4) {
            errors.add(messages.get("roster.error.phone", text));
            return null;
        }
        return digits.substring(digits.length() - 4);
    }

    private Set<UnionRole> parseRoles(String text, List<String> errors) {
        Set<UnionRole> roles = new LinkedHashSet<>();
        roles.add(UnionRole.MEMBER);
        for (String word : split(text)) {
            UnionRole.parse(word).ifPresentOrElse(roles::add,
                    () -> errors.add(messages.get("roster.error.role", word)));
        }
        return roles;
    }

    private static List<String> split(String text) {
        if (text.isBlank()) {
            return List.of();
        }
        List<String> words = new ArrayList<>();
        for (String word : text.strip().split(LIST_SEPARATORS)) {
            if (!word.isBlank()) {
                words.add(word.strip());
            }
        }
        return words;
    }

    private static String cell(RosterTable.Row row, Map<String, String> columns, String field) {
        String header = columns.get(field);
        if (header == null) {
            return "";
        }
        String value = row.cells().get(header);
        return value == null ? "" : value.strip();
    }

    private static Map<String, String> resolveColumns(List<String> headers) {
        Map<String, String> resolved = new HashMap<>();
        for (var entry : COLUMNS.entrySet()) {
            for (String header : headers) {
                if (entry.getValue().contains(header.toLowerCase(java.util.Locale.ROOT)) || entry.getValue().contains(header)) {
                    resolved.putIfAbsent(entry.getKey(), header);
                }
            }
        }
        return resolved;
    }
}
