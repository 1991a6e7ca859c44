package org.unionbot.adapter.wechat;

import java.lang.System.Logger.Level;
import java.util.Map;
import java.util.Optional;
import org.unionbot.core.message.Platform;
import org.unionbot.core.message.Reply;
import org.unionbot.core.outbound.DeliveryException;
import org.unionbot.core.outbound.PlatformOutbound;
import org.unionbot.core.outbound.Recipient;
import java.util.TreeMap;
import me.chanjar.weixin.mp.bean.kefu.WxMpKefuMessage;
import me.chanjar.weixin.mp.bean.template.WxMpTemplateData;
import me.chanjar.weixin.mp.bean.template.WxMpTemplateMessage;

/**
 * Sends to Official Account followers: deferred answers, reminders, poll results.
 *
 * <p>The OA cannot push freely. A customer-service message ({@code /cgi-bin/message/custom/send}) reaches
 * a follower only within 48 hours of their last message; a template message
 * ({@code /cgi-bin/message/template/send}) needs a template registered for the purpose in a verified
 * service account. {@link #deliver} picks what the platform allows for this follower now: customer
 * service inside the window (or when the window's state is unknown and no template exists), the
 * {@code notice} template otherwise, and when neither can reach the follower it says so with a
 * non-transient {@link DeliveryException} ("unreachable") instead of pretending.
 *
 * <p>The requests themselves are WxJava's ({@code getKefuService().sendKefuMessage},
 * {@code getTemplateMsgService().sendTemplateMsg}) through {@link MpClients}; this class decides which to use.
 *
 * <p>Entry points for other features (e.g. the reminders' channel sender):
 * {@link #sendCustomerService}, {@link #sendTemplate} and {@link #deliver}.
 */
public final class WechatMpOutbound implements PlatformOutbound {
    private static final System.Logger LOG = System.getLogger(WechatMpOutbound.class.getName());
    /** Outside the 48-hour window / over the 5-messages-per-window count (platforms.md §4). */
    private static final int OUT_OF_WINDOW = 45015;
    private static final int OVER_COUNT = 45047;
    static final String NOTICE_TEMPLATE = "notice";

    private final WechatMpSettings settings;
    private final MpClients clients;
    private final MpContacts contacts;

    WechatMpOutbound(WechatMpSettings settings, MpClients clients, MpContacts contacts) {
        this.settings = settings;
        this.clients = clients;
        this.contacts = contacts;
    }

    @Override
    public Platform platform() {
        return Platform.WECHAT_MP;
    }

    @Override
    public void deliver(Recipient recipient, Reply.Say reply) {
        if (recipient.platform() != Platform.WECHAT_MP) {
            throw new DeliveryException("not an Official Account recipient", false, null);
        }
        String openId = recipient.platformUserId();
        WechatMpSettings.Account account = accountFor(openId)
                .orElseThrow(() -> new DeliveryException("unreachable: no Official Account known for this follower", false, null));
        Optional<WechatMpSettings.Template> notice = Optional.ofNullable(account.templates().get(NOTICE_TEMPLATE));
        boolean tryCustomerService = contacts.inCustomerServiceWindow(openId) || notice.isEmpty();
        if (tryCustomerService) {
            try {
                sendCustomerService(account.appId(), openId, reply.text());
                return;
            } catch (MpApiException e) {
                if ((e.errcode() != OUT_OF_WINDOW && e.errcode() != OVER_COUNT) || notice.isEmpty()) {
                    throw failure(e);
                }
                LOG.log(Level.DEBUG, "customer-service message refused ({0}); trying the notice template", e.errcode());
            }
        }
        try {
            sendTemplate(account.appId(), openId, notice.get().id(), Map.of(notice.get().textField(), reply.text()), null);
        } catch (MpApiException e) {
            throw failure(e);
        }
    }

    /**
     * A customer-service text message (allowed within 48 h of the follower's last message).
     *
     * @throws MpApiException with errcode 45015 outside the window, 45047 over the count
     */
    public void sendCustomerService(String appId, String openId, String text) {
        account(appId);
        WxMpKefuMessage message = WxMpKefuMessage.TEXT().toUser(openId).content(text).build();
        clients.call(appId, wx -> wx.getKefuService().sendKefuMessage(message));
    }

    /**
     * A template message.
     *
     * @param data the template's fields and their values
     * @param url page opened when the follower taps the message, or null
     */
    public void sendTemplate(String appId, String openId, String templateId, Map<String, String> data, String url) {
        account(appId);
        WxMpTemplateMessage message = WxMpTemplateMessage.builder().toUser(openId).templateId(templateId).url(url).build();
        new TreeMap<>(data).forEach((name, value) -> message.addData(new WxMpTemplateData(name, value)));
        clients.call(appId, wx -> wx.getTemplateMsgService().sendTemplateMsg(message));
    }

    private Optional<WechatMpSettings.Account> accountFor(String openId) {
        if (settings.accounts().size() == 1) {
            return Optional.of(settings.accounts().get(0));
        }
        return contacts.accountOf(openId).flatMap(settings::account);
    }

    private WechatMpSettings.Account account(String appId) {
        return settings.account(appId).orElseThrow(() -> new IllegalArgumentException("no such Official Account configured"));
    }

    private static DeliveryException failure(MpApiException e) {
        return new DeliveryException(e.getMessage(), e.transientFailure(), e);
    }
}
