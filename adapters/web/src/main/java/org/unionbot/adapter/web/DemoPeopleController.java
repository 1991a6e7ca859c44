package org.unionbot.adapter.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.unionbot.core.member.Member;
import org.unionbot.core.member.MemberRepository;
import org.unionbot.core.member.PlatformIdentity;
import org.unionbot.core.member.UnionGroup;
import org.unionbot.core.member.UnionRole;
import org.unionbot.core.message.Platform;

/**
 * {@code GET /api/demo/people}: the demo's person picker, every member with a web identity. It exists
 * only with {@code unionbot.web.demo-identities=true}; otherwise 404, so a real deployment never lists
 * its roster to whoever opens the page.
 */
@RestController
class DemoPeopleController {
    static final String PATH = "/api/demo/people";

    private final MemberRepository members;
    private final WebChatSettings settings;

    DemoPeopleController(MemberRepository members, WebChatSettings settings) {
        this.members = members;
        this.settings = settings;
    }

    /**
     * One choice in the picker.
     *
     * @param group the union group's name, or null
     * @param roles the Chinese role labels, in the roles' order (主席 before 会员)
     */
    record DemoPerson(String user, String name, String group, List<String> roles) {}

    @GetMapping(PATH)
    List<DemoPerson> people() {
        if (!settings.demoIdentities()) {
            throw new WebChatException(HttpStatus.NOT_FOUND, WebTexts.get("demo.off"));
        }
        Map<Long, Member> byId = members.findAll().stream()
                .collect(Collectors.toMap(Member::id, Function.identity(), (a, b) -> a));
        Map<Long, String> groupNames = members.groups().stream()
                .collect(Collectors.toMap(UnionGroup::id, UnionGroup::name, (a, b) -> a));
        List<DemoPerson> people = new ArrayList<>();
        for (PlatformIdentity identity : members.identitiesOn(Platform.WEB)) {
            Member member = byId.get(identity.memberId());
            if (member == null) {
                continue;
            }
            List<String> roles = member.roles().stream().sorted().map(UnionRole::label).toList();
            String group = member.groupId() == null ? null : groupNames.get(member.groupId());
            people.add(new DemoPerson(identity.platformUserId(), member.name(), group, roles));
        }
        people.sort(Comparator.comparing(DemoPerson::user));
        return people;
    }
}
