package org.unionbot.core.feedback;

import java.lang.System.Logger.Level;
import java.util.List;
import org.unionbot.core.member.MemberRepository;
import org.unionbot.core.member.PlatformIdentity;
import org.unionbot.core.message.Conversation;
import org.unionbot.core.message.Reply;
import org.unionbot.core.outbound.DeliveryException;
import org.unionbot.core.outbound.OutboundPort;
import org.unionbot.core.outbound.Recipient;

/**
 * Sends a private message to a member on one of their bound accounts. A failed send is logged without
 * the text and does not undo the business step that caused it (the record is the source of truth; the
 * member can always ask with 查询 or 我的提案).
 */
final class Notifier {
    private static final System.Logger LOG = System.getLogger(Notifier.class.getName());

    private final MemberRepository members;
    private final OutboundPort outbound;

    Notifier(MemberRepository members, OutboundPort outbound) {
        this.members = members;
        this.outbound = outbound;
    }

    /** @return whether some account of the member received it */
    boolean tell(long memberId, String text) {
        List<PlatformIdentity> identities = members.identitiesOf(memberId);
        for (PlatformIdentity identity : identities) {
            try {
                outbound.deliver(new Recipient(identity.platform(),
                        Conversation.privateWith(identity.platformUserId()), identity.platformUserId()),
                        Reply.text(text));
                return true;
            } catch (DeliveryException failed) {
                LOG.log(Level.WARNING, "feedback notice not delivered; member={0} platform={1}",
                        memberId, identity.platform().code());
            }
        }
        return false;
    }

    boolean send(Recipient recipient, String text) {
        try {
            outbound.deliver(recipient, Reply.text(text));
            return true;
        } catch (DeliveryException failed) {
            LOG.log(Level.WARNING, "feedback notice not delivered; recipient={0}", recipient);
            return false;
        }
    }
}
