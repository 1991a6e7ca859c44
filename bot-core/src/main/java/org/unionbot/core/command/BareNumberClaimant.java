package org.unionbot.core.command;

import java.util.Optional;
import org.unionbot.core.message.Reply;

/**
 * Another feature that gives bare numbers a meaning of its own (the knowledge base's "did you mean 1, 2
 * or 3?"). The vote command owns the command names "1".."9" and asks each claimant first: a claimant
 * answers only when its own conversation state says the number is meant for it (a pending did-you-mean,
 * a short time to live), and otherwise returns empty so the number counts as a vote.
 */
public interface BareNumberClaimant {

    Optional<Reply> claim(CommandContext context);
}
