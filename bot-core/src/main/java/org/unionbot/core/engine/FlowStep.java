package org.unionbot.core.engine;

import java.util.Objects;
import org.unionbot.core.message.Reply;

/** What a flow step answers: ask the next question and keep a state, or finish. */
public sealed interface FlowStep permits FlowStep.Continue, FlowStep.Finish {

    Reply reply();

    /** Say {@code reply} and keep waiting for the member's next message with {@code state}. */
    record Continue(Reply.Say reply, String state) implements FlowStep {
        public Continue {
            Objects.requireNonNull(reply, "reply");
            Objects.requireNonNull(state, "state");
        }
    }

    /** Say {@code reply}; the flow is over and the member's next message is matched as usual. */
    record Finish(Reply reply) implements FlowStep {
        public Finish {
            Objects.requireNonNull(reply, "reply");
        }
    }

    static FlowStep ask(String text, String state) {
        return new Continue(Reply.text(text), state);
    }

    static FlowStep done(String text) {
        return new Finish(Reply.text(text));
    }
}
