package org.unionbot.core.feedback;

/** How a sender wants to be known with a suggestion. */
public enum SuggestionMode {
    /** The committee sees who sent it; the sender is told when the answer arrives. */
    NAMED,
    /** Only the chair sees who sent it; the sender is told when the answer arrives. */
    CHAIR_ONLY,
    /** Nobody can tell, the database included; the sender reads the answer with the tracking code. */
    ANONYMOUS
}
