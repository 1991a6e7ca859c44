package org.unionbot.adapter.admin.members;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.unionbot.adapter.admin.ConsoleAudit;
import org.unionbot.adapter.admin.ConsoleRole;
import org.unionbot.adapter.admin.ConsoleTexts;
import org.unionbot.adapter.admin.ConsoleUser;
import org.unionbot.core.member.BindingService;
import org.unionbot.core.member.Member;
import org.unionbot.core.member.MemberDraft;
import org.unionbot.core.member.MemberRepository;
import org.unionbot.core.member.MemberStatus;
import org.unionbot.core.member.UnionGroup;
import org.unionbot.core.member.UnionRole;
import org.unionbot.core.member.roster.ImportReport;
import org.unionbot.core.member.roster.RosterFiles;
import org.unionbot.core.member.roster.RosterImporter;
import org.unionbot.core.member.roster.RosterTable;

/**
 * Members: search, edit (name, status, phone tail, group, tags; roles by the chair only, since roles
 * grant console access), import a roster file through the core's {@link RosterImporter} with its
 * per-row report, binding codes (printable list) and the platform identities of each member.
 */
@Controller
public class MembersController {
    public static final String PATH = "/admin/members";
    public static final String GROUPS = "/admin/groups";
    static final int PAGE_SIZE = 100;
    static final long MAX_UPLOAD = 5L * 1024 * 1024;

    private final MemberRepository members;
    private final RosterImporter importer;
    private final BindingService binding;
    private final ConsoleAudit audit;

    public MembersController(MemberRepository members, RosterImporter importer, BindingService binding,
            ConsoleAudit audit) {
        this.members = members;
        this.importer = importer;
        this.binding = binding;
        this.audit = audit;
    }

    /** A row of the list, with the group's name resolved. */
    public record Row(Member member, String groupName) {
        public String roleLabels() {
            return member.roles().stream().sorted().map(UnionRole::label).collect(Collectors.joining("、"));
        }

        public String tagText() {
            return member.tags().stream().sorted().collect(Collectors.joining("、"));
        }
    }

    @GetMapping(PATH)
    public String search(@RequestParam(defaultValue = "") String q, @RequestParam(required = false) Long group,
            Model model) {
        Map<Long, String> groups = groupNames();
        String needle = q.strip().toLowerCase(Locale.ROOT);
        List<Row> hits = members.findAll().stream()
                .filter(m -> group == null || group.equals(m.groupId()))
                .filter(m -> needle.isEmpty() || matches(m, needle, groups))
                .map(m -> new Row(m, groups.getOrDefault(m.groupId(), "")))
                .toList();
        model.addAttribute("q", q);
        model.addAttribute("group", group);
        model.addAttribute("groups", members.groups());
        model.addAttribute("total", hits.size());
        model.addAttribute("rows", hits.subList(0, Math.min(PAGE_SIZE, hits.size())));
        return "admin/members/list";
    }

    private static boolean matches(Member m, String needle, Map<Long, String> groups) {
        return m.name().toLowerCase(Locale.ROOT).contains(needle)
                || m.staffNo().toLowerCase(Locale.ROOT).contains(needle)
                || m.tags().stream().anyMatch(t -> t.toLowerCase(Locale.ROOT).contains(needle))
                || groups.getOrDefault(m.groupId(), "").toLowerCase(Locale.ROOT).contains(needle)
                || m.roles().stream().anyMatch(r -> r.label().equals(needle));
    }

    @GetMapping(PATH + "/{id}")
    public String detail(@PathVariable long id, Model model) {
        Optional<Member> member = members.findById(id);
        if (member.isEmpty()) {
            model.addAttribute("error", ConsoleTexts.get("members.notFound"));
            return search("", null, model);
        }
        model.addAttribute("m", member.get());
        model.addAttribute("groupName", member.get().groupId() == null ? ""
                : members.findGroup(member.get().groupId()).map(UnionGroup::name).orElse(""));
        model.addAttribute("tagText", String.join("，", member.get().tags().stream().sorted().toList()));
        model.addAttribute("identities", members.identitiesOf(id));
        model.addAttribute("allRoles", UnionRole.values());
        model.addAttribute("statuses", MemberStatus.values());
        model.addAttribute("groups", members.groups());
        return "admin/members/detail";
    }

    @PostMapping(PATH + "/{id}")
    public String save(@AuthenticationPrincipal ConsoleUser user, @PathVariable long id, @RequestParam String name,
            @RequestParam MemberStatus status, @RequestParam(defaultValue = "") String phoneTail,
            @RequestParam(defaultValue = "") String groupName, @RequestParam(defaultValue = "") String tags,
            @RequestParam(required = false) List<UnionRole> roles, Model model) {
        Optional<Member> found = members.findById(id);
        if (found.isEmpty()) {
            model.addAttribute("error", ConsoleTexts.get("members.notFound"));
            return search("", null, model);
        }
        Member m = found.get();
        List<String> problems = new ArrayList<>();
        String cleanName = name.strip();
        if (cleanName.isEmpty() || cleanName.length() > 100) {
            problems.add(ConsoleTexts.get("members.edit.nameInvalid"));
        }
        String tail = phoneTail.strip();
        if (!tail.isEmpty() && !tail.matches("\\d{4}")) {
            problems.add(ConsoleTexts.get("members.edit.phoneTailInvalid"));
        }
        Set<String> tagSet = Arrays.stream(tags.split("[,，、\\s]+")).map(String::strip).filter(t -> !t.isEmpty())
                .collect(Collectors.toCollection(LinkedHashSet::new));
        if (tagSet.stream().anyMatch(t -> t.length() > 64)) {
            problems.add(ConsoleTexts.get("members.edit.tagTooLong"));
        }
        String group = groupName.strip();
        if (group.length() > 100) {
            problems.add(ConsoleTexts.get("members.edit.groupTooLong"));
        }
        // The chair taking away their own 主席 role would lock the console's last manager out.
        if (user.memberId() == id && user.role() == ConsoleRole.CHAIR && (roles == null || !roles.contains(UnionRole.CHAIR))) {
            problems.add(ConsoleTexts.get("members.edit.ownChairRole"));
        }
        if (!problems.isEmpty()) {
            model.addAttribute("problems", problems);
            return detail(id, model);
        }
        // Roles open the console, so only the chair changes them; others keep what the roster says.
        Set<UnionRole> newRoles = user.role() == ConsoleRole.CHAIR
                ? (roles == null || roles.isEmpty() ? EnumSet.of(UnionRole.MEMBER) : EnumSet.copyOf(roles))
                : m.roles();
        MemberDraft draft = new MemberDraft(cleanName, m.staffNo(), m.gender(), m.birthday(), status, m.joinDate(),
                tail.isEmpty() ? null : tail, group.isEmpty() ? null : group, newRoles, tagSet);
        var outcome = audit.change("member.update", m.staffNo(), summary(m, draft), () -> members.save(draft));
        model.addAttribute("saved", outcome.change() != MemberRepository.Change.UNCHANGED);
        model.addAttribute("unchanged", outcome.change() == MemberRepository.Change.UNCHANGED);
        return detail(id, model);
    }

    /** What changed, without the values of personal fields (the audit names fields, not phone digits). */
    private String summary(Member before, MemberDraft after) {
        List<String> fields = new ArrayList<>();
        if (!before.name().equals(after.name())) {
            fields.add(ConsoleTexts.get("members.audit.name"));
        }
        if (before.status() != after.status()) {
            fields.add(ConsoleTexts.get("members.audit.status", after.status()));
        }
        if (!String.valueOf(before.phoneTail()).equals(String.valueOf(after.phoneTail()))) {
            fields.add(ConsoleTexts.get("members.audit.phoneTail"));
        }
        String beforeGroup = before.groupId() == null ? null
                : members.findGroup(before.groupId()).map(UnionGroup::name).orElse(null);
        if (!String.valueOf(beforeGroup).equals(String.valueOf(after.groupName()))) {
            fields.add(ConsoleTexts.get("members.audit.group",
                    after.groupName() == null ? ConsoleTexts.get("members.audit.noGroup") : after.groupName()));
        }
        if (!before.roles().equals(after.roles())) {
            fields.add(ConsoleTexts.get("members.audit.roles",
                    after.roles().stream().sorted().map(UnionRole::label).collect(Collectors.joining("、"))));
        }
        if (!before.tags().equals(after.tags())) {
            fields.add(ConsoleTexts.get("members.audit.tags", String.join("、", after.tags())));
        }
        return fields.isEmpty() ? ConsoleTexts.get("members.audit.unchanged") : String.join("；", fields);
    }

    @GetMapping(PATH + "/import")
    public String importForm() {
        return "admin/members/import";
    }

    @PostMapping(PATH + "/import")
    public String importFile(@RequestParam("file") MultipartFile file, Model model) {
        String filename = file.getOriginalFilename() == null ? "" : file.getOriginalFilename();
        String lower = filename.toLowerCase(Locale.ROOT);
        if (file.isEmpty()) {
            model.addAttribute("error", ConsoleTexts.get("members.import.missing"));
            return "admin/members/import";
        }
        if (file.getSize() > MAX_UPLOAD) {
            model.addAttribute("error", ConsoleTexts.get("members.import.tooLarge"));
            return "admin/members/import";
        }
        RosterTable table;
        try {
            byte[] bytes = file.getBytes();
            if (lower.endsWith(".xlsx") || lower.endsWith(".xls")) {
                table = RosterFiles.readExcel(new ByteArrayInputStream(bytes));
            } else if (lower.endsWith(".csv")) {
                table = RosterFiles.readCsv(new InputStreamReader(new ByteArrayInputStream(bytes), csvCharset(bytes)));
            } else {
                model.addAttribute("error", ConsoleTexts.get("members.import.type"));
                return "admin/members/import";
            }
        } catch (IOException | RuntimeException e) {
            model.addAttribute("error", ConsoleTexts.get("members.import.unreadable"));
            return "admin/members/import";
        }
        ImportReport report = audit.change("member.import", filename, (ImportReport r) -> ConsoleTexts.get(
                "members.import.audit", r.created(), r.updated(), r.unchanged(), r.errors().size()),
                () -> importer.importTable(table));
        model.addAttribute("report", report);
        model.addAttribute("filename", filename);
        return "admin/members/import";
    }

    /**
     * Excel on Chinese Windows saves "CSV" in GB18030 (GBK); everything else is UTF-8. A strict UTF-8
     * decode tells them apart reliably, as GBK text is almost never valid UTF-8.
     */
    static Charset csvCharset(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return StandardCharsets.UTF_8;
        } catch (CharacterCodingException e) {
            return Charset.forName("GB18030");
        }
    }

    /** Printable codes for the chosen members, or for a whole group. */
    public record CodeRow(String name, String staffNo, String groupName, String code) {}

    @PostMapping(PATH + "/binding-codes")
    public String bindingCodes(@RequestParam(required = false) List<Long> ids,
            @RequestParam(required = false) Long group, Model model) {
        List<Member> chosen;
        if (ids != null && !ids.isEmpty()) {
            chosen = ids.stream().distinct().map(members::findById).flatMap(Optional::stream).toList();
        } else if (group != null) {
            chosen = members.membersOfGroup(group);
        } else {
            model.addAttribute("error", ConsoleTexts.get("members.codes.noneChosen"));
            return search("", null, model);
        }
        if (chosen.size() > 500) {
            model.addAttribute("error", ConsoleTexts.get("members.codes.tooMany"));
            return search("", null, model);
        }
        Map<Long, String> groups = groupNames();
        List<CodeRow> rows = audit.change("binding.issue",
                ConsoleTexts.get("members.codes.audit.target", chosen.size()),
                chosen.stream().map(Member::staffNo).limit(50).collect(Collectors.joining(",")),
                () -> chosen.stream().sorted(Comparator.comparing(Member::staffNo))
                        .map(m -> new CodeRow(m.name(), m.staffNo(), groups.getOrDefault(m.groupId(), ""),
                                binding.issueCode(m.id())))
                        .toList());
        model.addAttribute("codes", rows);
        return "admin/members/codes";
    }

    @GetMapping(GROUPS)
    public String groups(Model model) {
        Map<Long, Member> byId = members.findAll().stream().collect(Collectors.toMap(Member::id, Function.identity()));
        Map<Long, Long> sizes = byId.values().stream().filter(m -> m.groupId() != null)
                .collect(Collectors.groupingBy(Member::groupId, Collectors.counting()));
        model.addAttribute("groups", members.groups().stream()
                .map(g -> new GroupRow(g, sizes.getOrDefault(g.id(), 0L),
                        g.leaderMemberId() == null ? null : byId.get(g.leaderMemberId()),
                        members.membersOfGroup(g.id())))
                .toList());
        return "admin/members/groups";
    }

    public record GroupRow(UnionGroup group, long size, Member leader, List<Member> members) {}

    @PostMapping(GROUPS + "/{id}/leader")
    public String setLeader(@PathVariable long id, @RequestParam(required = false) Long leader, Model model) {
        Optional<UnionGroup> group = members.findGroup(id);
        if (group.isEmpty()) {
            model.addAttribute("error", ConsoleTexts.get("groups.notFound"));
            return groups(model);
        }
        if (leader != null && members.findById(leader).map(m -> !Long.valueOf(id).equals(m.groupId())).orElse(true)) {
            model.addAttribute("error", ConsoleTexts.get("groups.leader.notInGroup"));
            return groups(model);
        }
        String who = leader == null ? ConsoleTexts.get("groups.leader.none")
                : members.findById(leader).map(Member::staffNo).orElse("?");
        audit.change("group.leader", group.get().name(), ConsoleTexts.get("groups.leader.audit", who),
                () -> members.setGroupLeader(id, leader));
        return "redirect:" + GROUPS;
    }

    private Map<Long, String> groupNames() {
        return members.groups().stream().collect(Collectors.toMap(UnionGroup::id, UnionGroup::name));
    }
}
