package org.unionbot.core.feedback;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.unionbot.core.member.UnionRole;
import org.unionbot.core.message.Conversation;
import org.unionbot.core.message.Platform;
import org.unionbot.core.outbound.Recipient;
import org.unionbot.core.testing.ConversationHarness;
import org.unionbot.core.testing.Roster;

/**
 * The small school of {@link Roster#smallSchool} plus a second committee member 陈静 (c002), a teacher
 * 孙丽 (t003), delegates 周代表 (d001, 语文组) and 吴代表 (d002), a five-person 后勤组, with every feedback feature wired over in-memory ports.
 */
final class FeedbackFixture implements AutoCloseable {
    static final Pattern CODE = Pattern.compile("JY[A-Z2-9]{8}");
    /** The configured group chat of the public digest (the web chat's group board here). */
    static final Recipient DIGEST = new Recipient(Platform.WEB, Conversation.group("digest-board"), "digest-board");

    final ConversationHarness harness = ConversationHarness.create();
    final InMemorySuggestionRepository suggestions = new InMemorySuggestionRepository();
    final FeedbackSettings settings;
    final SuggestionService suggestionService;
    final InMemoryCareCaseRepository careCases = new InMemoryCareCaseRepository();
    final RecordingTaskScheduler scheduler = new RecordingTaskScheduler();
    final CareService careService;
    final InMemoryProposalRepository proposals = new InMemoryProposalRepository();
    final ProposalService proposalService;
    final InMemoryIdeaRepository ideas = new InMemoryIdeaRepository();
    final java.util.List<java.util.List<String>> pollsOpened = new java.util.ArrayList<>();

    FeedbackFixture() {
        this(Map.of(), Map.of());
    }

    FeedbackFixture(Map<CareType, String> standards, Map<CareType, String> handlers) {
        this(standards, handlers, false);
    }

    /** @param withPolls register a recording {@link ShortlistPolls}, standing in for the polls feature */
    FeedbackFixture(Map<CareType, String> standards, Map<CareType, String> handlers, boolean withPolls) {
        settings = new FeedbackSettings("test-secret-0123456789".getBytes(StandardCharsets.UTF_8), 3,
                Optional.of(DIGEST), standards, handlers, java.time.Duration.ofDays(3));
        suggestionService = new SuggestionService(suggestions, harness.members, harness.state, harness.outbound,
                harness.messages, harness.clock, settings);
        careService = new CareService(careCases, harness.members, harness.outbound, scheduler, harness.messages,
                harness.clock, settings);
        harness.withCommands(SuggestionCommands.all(suggestionService, harness.messages, harness.flows)
                .toArray(org.unionbot.core.command.Command[]::new));
        harness.withCommands(CareCommands.all(careService, harness.messages)
                .toArray(org.unionbot.core.command.Command[]::new));
        proposalService = new ProposalService(proposals, harness.members, harness.outbound, harness.messages,
                harness.clock);
        harness.withCommands(ProposalCommands.all(proposalService, harness.messages, harness.flows)
                .toArray(org.unionbot.core.command.Command[]::new));
        Optional<ShortlistPolls> polls = withPolls ? Optional.of((title, options, closesAt, createdBy) -> {
            pollsOpened.add(options);
            return "已发起投票：" + title;
        }) : Optional.empty();
        IdeaService ideaService = new IdeaService(ideas, harness.members, polls, harness.messages, harness.clock);
        harness.withCommands(IdeaCommands.all(ideaService, harness.messages)
                .toArray(org.unionbot.core.command.Command[]::new));
        Roster.smallSchool(harness);
        harness.addMember(Roster.member("陈静", "C002", "英语组", UnionRole.COMMITTEE), "c002");
        harness.addMember(Roster.member("孙丽", "T003", "语文组", UnionRole.MEMBER), "t003");
        harness.addMember(Roster.member("周代表", "D001", "语文组", UnionRole.DELEGATE), "d001");
        harness.addMember(Roster.member("吴代表", "D002", "数学组", UnionRole.DELEGATE), "d002");
        for (int i = 1; i <= 5; i++) {
            harness.addMember(Roster.member("后勤" + i, "H00" + i, "后勤组", UnionRole.MEMBER), "h00" + i);
        }
    }

    static String code(String reply) {
        Matcher m = CODE.matcher(reply);
        if (!m.find()) {
            throw new AssertionError("no tracking code in: " + reply);
        }
        return m.group();
    }

    /** Submits through the confirmation step and returns the tracking code. */
    String submit(String user, String command) {
        harness.as(user).say(command);
        return code(harness.as(user).say("确认提交"));
    }

    String refOf(String code) {
        return suggestions.findByCodeHash(Codes.hash(code)).orElseThrow().ref();
    }

    @Override
    public void close() {
        harness.close();
    }
}
