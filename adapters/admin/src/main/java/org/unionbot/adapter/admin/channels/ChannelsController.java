package org.unionbot.adapter.admin.channels;

import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.unionbot.adapter.admin.ConsoleTexts;
import org.unionbot.core.channel.ChannelAccount;
import org.unionbot.core.channel.ChannelActivity;
import org.unionbot.core.channel.ChannelDirectory;
import org.unionbot.core.message.Platform;

/**
 * Which platform accounts are configured (names and ids only), when each last received a callback, and
 * the recent errors (refused callbacks, failed sends), from what the adapters report to
 * {@link ChannelActivity}. Read-only.
 */
@Controller
public class ChannelsController {
    public static final String PATH = "/admin/channels";
    static final int ERRORS_SHOWN = 50;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final ChannelDirectory directory;
    private final ChannelActivity activity;
    private final ZoneId zone;

    public ChannelsController(ChannelDirectory directory, ChannelActivity activity, ObjectProvider<Clock> clock) {
        this.directory = directory;
        this.activity = activity;
        this.zone = clock.getIfUnique(Clock::systemDefaultZone).getZone();
    }

    public record Row(ChannelAccount account, String platform, String lastCallback) {}

    public record ErrorRow(String at, String platform, String account, String what) {}

    @GetMapping(PATH)
    public String channels(Model model) {
        List<Row> rows = directory.accounts().stream().map(a -> new Row(a, label(a.platform()),
                a.platform() == Platform.WEB ? ConsoleTexts.get("channels.callback.web")
                        : activity.lastCallback(a.platform(), a.account()).map(t -> WHEN.format(t.atZone(zone)))
                                .orElse(ConsoleTexts.get("channels.callback.none")))).toList();
        model.addAttribute("rows", rows);
        model.addAttribute("errors", activity.recentErrors(ERRORS_SHOWN).stream()
                .map(e -> new ErrorRow(WHEN.format(e.at().atZone(zone)), label(e.platform()),
                        e.account().isEmpty() ? ConsoleTexts.get("channels.error.send") : e.account(), e.what()))
                .toList());
        return "admin/channels/channels";
    }

    static String label(Platform platform) {
        return switch (platform) {
            case WEB -> ConsoleTexts.get("channels.platform.web");
            case WECHAT_MP -> ConsoleTexts.get("channels.platform.wechatMp");
            case WECOM -> ConsoleTexts.get("channels.platform.wecom");
            case DINGTALK -> ConsoleTexts.get("channels.platform.dingtalk");
        };
    }
}
